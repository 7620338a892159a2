"""Session fixtures for the training tests: tiny models (testsupport) trained a few steps.

Every run is a handful of optimizer steps on a 2-layer model: enough to prove the wiring
(data -> trainer -> adapter files -> the generate backend), not to learn anything.
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

from pathlib import Path

import pytest

from training.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE_SFT = DATA / "sft_sample.jsonl"
SAMPLE_DPO = DATA / "dpo_sample.jsonl"
SAMPLE_STYLE = DATA / "style_sample.jsonl"
EVAL_PROMPTS = DATA / "eval_prompts.json"

# Few steps, small LoRA, a learning rate large enough that 3 steps visibly move the model.
FAST = [
    "--no-progress", "--max-steps", "3",
    "--set", "lora.r=4", "--set", "lora.lora_alpha=8",
    "--set", "train.learning_rate=0.05",
    "--set", "train.per_device_train_batch_size=2", "--set", "train.gradient_accumulation_steps=1",
    "--set", "train.max_length=192", "--set", "train.gradient_checkpointing=false",
]


def run_cli(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture(scope="session")
def training_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("training")


@pytest.fixture(scope="session")
def prepared_sft(training_root: Path) -> Path:
    out = training_root / "sft_prepared.jsonl"
    assert run_cli("prepare", "--source", SAMPLE_SFT, "--out", out, "--no-progress") == 0
    return out


@pytest.fixture(scope="session")
def sft_adapter(tiny_causal_lm_dir: Path, prepared_sft: Path, training_root: Path) -> Path:
    out = training_root / "sft_adapter"
    rc = run_cli("sft", "--base-model", tiny_causal_lm_dir, "--data", prepared_sft, "--output", out, *FAST)
    assert rc == 0
    return out


@pytest.fixture(scope="session")
def dpo_adapter(tiny_causal_lm_dir: Path, sft_adapter: Path, training_root: Path) -> Path:
    out = training_root / "dpo_adapter"
    rc = run_cli("dpo", "--base-model", tiny_causal_lm_dir, "--adapter", sft_adapter, "--data", SAMPLE_DPO,
                 "--output", out, *FAST, "--set", "lora.r=8", "--set", "lora.lora_alpha=16")
    assert rc == 0
    return out


@pytest.fixture(scope="session")
def other_causal_lm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second tiny base of another width: adapters of the first do not fit it."""
    from testsupport.tiny_models import build_tiny_causal_lm

    return build_tiny_causal_lm(tmp_path_factory.mktemp("other_llm"), seed=5, hidden_size=64)


def generate_text(base: Path, adapter: Path | str = "", text: str = "요즘 회사 일 때문에 너무 힘들어요.",
                  seed: int = 0) -> str:
    """One reply from the service's generate backend (greedy, a few tokens)."""
    from inference.backends.llm_hf import TransformersLLMBackend
    from inference.labels import EMOTION_LABELS
    from inference.types import CharacterStyle, Emotion, GenerateRequest

    backend = TransformersLLMBackend(llm_model=str(base), llm_adapter=str(adapter), llm_max_new_tokens=12,
                                     llm_temperature=0)
    scores = {label: 1.0 / len(EMOTION_LABELS) for label in EMOTION_LABELS}
    request = GenerateRequest(text=text, emotion=Emotion(label=EMOTION_LABELS[0], scores=scores),
                              character=CharacterStyle(slug="mentos"), seed=seed)
    return "".join(backend.generate(request))
