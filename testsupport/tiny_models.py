"""Tiny, deterministic transformers models built from configs, for tests and local runs.

No machine here reaches a model hub, so every test that drives a real loading path builds
its model with these functions: a tokenizer trained on a small Korean corpus, then random
(seeded) weights of the right architecture saved with `save_pretrained`. Each build takes
well under a second on CPU. Heavy imports happen inside the functions, never at import.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inference.labels import EMOTION_LABELS

PAD, BOS, EOS, UNK = "<pad>", "<s>", "</s>", "<unk>"
CLS, SEP, MASK = "[CLS]", "[SEP]", "[MASK]"

# Llama-style chat layout, small enough to read in a test failure.
CHAT_TEMPLATE = (
    "{{ bos_token }}"
    "{% for message in messages %}"
    "<|{{ message['role'] }}|>\n{{ message['content'] }}{{ eos_token }}\n"
    "{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
)

# Counselling-flavoured Korean sentences: enough syllables and endings that random weights
# produce readable-looking Korean, with sentence ends so the pipeline can cut sentences.
KOREAN_CORPUS: tuple[str, ...] = (
    "요즘 회사 일 때문에 너무 힘들어요.",
    "잠을 잘 못 자서 피곤하고 지쳐요.",
    "친구와 싸워서 마음이 불편해요.",
    "시험이 다가와서 걱정이 많아요.",
    "오늘은 기분이 좋아서 산책을 했어요.",
    "가족에게 고마운 마음이 들어요.",
    "새로운 일을 시작해서 설레요.",
    "그 사람을 정말 사랑하고 있어요.",
    "주말에 친구들과 즐거운 시간을 보냈어요.",
    "평범한 하루였어요. 특별한 일은 없었어요.",
    "생각이 너무 많아서 머리가 복잡해요.",
    "슬퍼서 눈물이 나요. 아무것도 하기 싫어요.",
    "사소한 일에도 짜증이 나요.",
    "앞으로가 불안하고 무서워요.",
    "많이 힘드셨겠어요. 이야기해 주셔서 고마워요.",
    "그런 마음이 드는 것은 자연스러운 일이에요.",
    "천천히 숨을 쉬면서 마음을 살펴보세요.",
    "오늘 하루는 어떠셨나요? 편하게 말씀해 주세요.",
    "당신의 감정은 소중해요. 혼자가 아니에요.",
    "잠깐 쉬어 가도 괜찮아요. 충분히 잘하고 있어요.",
    "어떤 일이 있었는지 조금 더 들려주실 수 있을까요?",
    "그 상황에서 가장 힘들었던 점은 무엇이었나요?",
    "스스로를 너무 탓하지 않으셨으면 좋겠어요.",
    "작은 것부터 하나씩 해 보면 어떨까요?",
    "상담 선생님이 곁에서 함께 고민해 볼게요.",
    "학교 생활이 어렵고 외로워요.",
    "부모님과 대화가 잘 안 돼서 답답해요.",
    "운동을 하니까 몸도 마음도 가벼워졌어요.",
    "밥을 먹고 나니 조금 나아졌어요!",
    "하오체 반말 존댓말 선비 할아버지 안드로이드 친구 전문가 형식으로 변환",
    "hello world counsel mentos ok yes no 0 1 2 3 4 5 6 7 8 9 10 2026",
    "<|system|> <|user|> <|assistant|> system user assistant",
)

SPECIAL_TOKENS: tuple[str, ...] = (PAD, BOS, EOS, UNK, CLS, SEP, MASK)


def _offline() -> None:
    # Belt and braces: a tiny model never needs the hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()


def _seed(seed: int) -> None:
    import torch

    torch.manual_seed(seed)


def train_tokenizer(
    out_dir: str | os.PathLike[str] | None = None,
    corpus: Sequence[str] | None = None,
    vocab_size: int = 800,
    add_eos: bool = True,
) -> Any:
    """A BPE tokenizer (sentencepiece-like Metaspace, so any piece decodes to valid text)
    trained on `corpus`, wrapped as a `PreTrainedTokenizerFast` with pad/bos/eos/unk,
    BERT-style [CLS]/[SEP]/[MASK] and `CHAT_TEMPLATE`. Saved to `out_dir` when given.

    Plain text is encoded as "<s> text </s>" (encoder models), or "<s> text" with
    `add_eos=False` (decoder-only models, Llama-style: EOS only where the text ends)."""
    _offline()
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    if corpus is None:
        from inference.backends import llm_prompt

        # The counsellor prompt too, so a tiny LLM's prompt reads back without <unk>s.
        corpus = (*KOREAN_CORPUS, llm_prompt.SYSTEM_PROMPT, llm_prompt.EMOTION_LINE, llm_prompt.MEMORY_HEADER)
    texts = list(corpus)
    tok = Tokenizer(models.BPE(unk_token=UNK))
    tok.normalizer = normalizers.NFC()
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.Metaspace(), pre_tokenizers.Punctuation(behavior="isolated")]
    )
    tok.decoder = decoders.Metaspace()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=list(SPECIAL_TOKENS),
        show_progress=False,
        initial_alphabet=sorted({ch for t in texts for ch in t} | {"\n"}),
    )
    tok.train_from_iterator(texts, trainer=trainer)
    bos_id, eos_id = tok.token_to_id(BOS), tok.token_to_id(EOS)
    end = f" {EOS}" if add_eos else ""
    tok.post_processor = processors.TemplateProcessing(
        single=f"{BOS} $A{end}",
        pair=f"{BOS} $A{end} $B{end}",
        special_tokens=[(BOS, bos_id), (EOS, eos_id)],
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token=PAD,
        bos_token=BOS,
        eos_token=EOS,
        unk_token=UNK,
        cls_token=CLS,
        sep_token=SEP,
        mask_token=MASK,
        model_max_length=512,
    )
    fast.chat_template = CHAT_TEMPLATE
    if out_dir is not None:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        fast.save_pretrained(str(out_dir))
    return fast


def _special_ids(tokenizer: Any) -> dict[str, int]:
    return {
        "pad_token_id": tokenizer.pad_token_id,
        "bos_token_id": tokenizer.bos_token_id,
        "eos_token_id": tokenizer.eos_token_id,
    }


def build_tiny_causal_lm(out_dir: str | os.PathLike[str], seed: int = 0, hidden_size: int = 48) -> Path:
    """A 2-layer Llama with the trained tokenizer and chat template, saved to `out_dir`."""
    _offline()
    from transformers import GenerationConfig, LlamaConfig, LlamaForCausalLM

    out = Path(out_dir)
    tokenizer = train_tokenizer(out, add_eos=False)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=hidden_size,
        intermediate_size=hidden_size * 2,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=1024,
        tie_word_embeddings=False,
        **_special_ids(tokenizer),
    )
    _seed(seed)
    model = LlamaForCausalLM(config)
    model.generation_config = GenerationConfig(**_special_ids(tokenizer))
    model.save_pretrained(str(out))
    return out


def build_tiny_classifier(
    out_dir: str | os.PathLike[str], labels: Sequence[str] | None = None, seed: int = 0
) -> Path:
    """A 2-layer ELECTRA sequence classifier (KcELECTRA's architecture) whose id2label is
    `labels` (default: the 11 labels of `inference.labels`, in id order)."""
    _offline()
    from transformers import ElectraConfig, ElectraForSequenceClassification

    out = Path(out_dir)
    tokenizer = train_tokenizer(out)
    names = list(labels if labels is not None else EMOTION_LABELS)
    config = ElectraConfig(
        vocab_size=len(tokenizer),
        embedding_size=32,
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        max_position_embeddings=512,
        num_labels=len(names),
        id2label=dict(enumerate(names)),
        label2id={name: i for i, name in enumerate(names)},
        pad_token_id=tokenizer.pad_token_id,
    )
    _seed(seed)
    ElectraForSequenceClassification(config).save_pretrained(str(out))
    return out


def build_tiny_bart(out_dir: str | os.PathLike[str], seed: int = 0, fixed_output: str | None = None) -> Path:
    """A 1+1-layer BART for conditional generation (KoBART's architecture).

    Random weights produce junk (a converter that "mangles" every sentence). With
    `fixed_output`, the saved generation config carries a `sequence_bias` that walks the
    decoder through that text's tokens, so greedy decoding returns exactly `fixed_output`
    for any input: a stand-in for a trained converter, loaded by the real loading code."""
    _offline()
    from transformers import BartConfig, BartForConditionalGeneration, GenerationConfig

    out = Path(out_dir)
    tokenizer = train_tokenizer(out)
    ids = _special_ids(tokenizer)
    config = BartConfig(
        vocab_size=len(tokenizer),
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=256,
        decoder_start_token_id=tokenizer.eos_token_id,
        forced_eos_token_id=tokenizer.eos_token_id,
        **ids,
    )
    _seed(seed)
    model = BartForConditionalGeneration(config)
    gen: dict[str, Any] = {"decoder_start_token_id": tokenizer.eos_token_id, "num_beams": 1, **ids}
    if fixed_output is not None:
        gen["sequence_bias"] = _walk_bias(tokenizer, fixed_output)
    model.generation_config = GenerationConfig(**gen)
    model.save_pretrained(str(out))
    return out


def _walk_bias(tokenizer: Any, text: str) -> list[list[Any]]:
    """`sequence_bias` entries that force `text` after the decoder start token."""
    path = [tokenizer.eos_token_id, *tokenizer(text, add_special_tokens=False)["input_ids"], tokenizer.eos_token_id]
    pairs = list(zip(path, path[1:], strict=False))
    firsts = [a for a, _ in pairs]
    if len(set(firsts)) != len(firsts):
        raise ValueError(f"fixed_output repeats a token; the bias walk would loop: {text!r}")
    return [[[a, b], 100.0] for a, b in pairs]


def build_tiny_sentence_embedder(out_dir: str | os.PathLike[str], seed: int = 0, dim: int = 32) -> Path:
    """A tiny BERT saved as a sentence-transformers model (transformer + mean pooling +
    normalize), loadable by `SentenceTransformer(path)` and so by
    `langchain_huggingface.HuggingFaceEmbeddings(model_name=path)`."""
    _offline()
    from transformers import BertConfig, BertModel

    out = Path(out_dir)
    bert_dir = out / "_bert"
    tokenizer = train_tokenizer(bert_dir)
    config = BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=dim,
        intermediate_size=dim * 2,
        num_hidden_layers=2,
        num_attention_heads=2,
        max_position_embeddings=512,
        pad_token_id=tokenizer.pad_token_id,
    )
    _seed(seed)
    BertModel(config).save_pretrained(str(bert_dir))

    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer

    transformer = Transformer(str(bert_dir), max_seq_length=128)
    pooling = Pooling(dim, pooling_mode="mean")
    SentenceTransformer(modules=[transformer, pooling, Normalize()], device="cpu").save(str(out))
    _rmtree(bert_dir)
    return out


def build_tiny_lora_adapter(
    base_dir: str | os.PathLike[str], out_dir: str | os.PathLike[str], seed: int = 1, r: int = 4
) -> Path:
    """A peft LoRA adapter for the tiny causal LM at `base_dir`, with non-zero (seeded)
    weights on every projection so the adapted model's output differs from the base's."""
    _offline()
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    out = Path(out_dir)
    base = AutoModelForCausalLM.from_pretrained(str(base_dir))
    config = LoraConfig(
        r=r,
        lora_alpha=r * 8,  # large scale: a random tiny adapter must visibly move the logits
        target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
        init_lora_weights=False,  # random A and B, not the usual B=0 no-op start
        task_type="CAUSAL_LM",
    )
    _seed(seed)
    model = get_peft_model(base, config)
    model.save_pretrained(str(out))
    # Record where the base lives, as a trained adapter would.
    cfg_path = out / "adapter_config.json"
    cfg = json.loads(cfg_path.read_text())
    cfg["base_model_name_or_path"] = str(base_dir)
    cfg_path.write_text(json.dumps(cfg, ensure_ascii=False, indent=2))
    return out


def build_all(out_dir: str | os.PathLike[str]) -> dict[str, Path]:
    """Every tiny model under `out_dir`, by role (what `python -m testsupport.build_tiny_models`
    writes)."""
    root = Path(out_dir)
    paths = {
        "emotion_model": build_tiny_classifier(root / "emotion"),
        "embedding_model": build_tiny_sentence_embedder(root / "embedder"),
        "llm_model": build_tiny_causal_lm(root / "llm"),
        "style_model": build_tiny_bart(root / "style"),
    }
    paths["llm_adapter"] = build_tiny_lora_adapter(paths["llm_model"], root / "adapter-expert", seed=1)
    paths["llm_adapter_2"] = build_tiny_lora_adapter(paths["llm_model"], root / "adapter-friend", seed=2)
    return paths


def _rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
