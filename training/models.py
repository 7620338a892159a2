"""Loading base models and tokenizers for training, and turning chat rows into model text."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .errors import TrainingError

# Used when a tokenizer has no chat template (small test tokenizers, plain base models).
FALLBACK_ROLES = {"system": "### 지침", "user": "### 내담자", "assistant": "### 상담사"}


def resolve_model_ref(ref: str) -> str:
    """A local folder becomes an absolute path (so adapter_config.json names it exactly);
    anything else is a hub id, which must already be in the local cache when offline."""
    p = Path(ref).expanduser()
    if p.exists():
        if not (p / "config.json").exists():
            raise TrainingError(f"{ref}: not a model folder (no config.json)")
        return str(p.resolve())
    if ref.startswith((".", "/", "~")) or ref.endswith((".json", ".bin", ".safetensors")):
        raise TrainingError(f"{ref}: model folder not found")
    return ref


def _offline_hint(ref: str, exc: Exception) -> TrainingError:
    offline = os.environ.get("HF_HUB_OFFLINE") or os.environ.get("TRANSFORMERS_OFFLINE")
    why = " (hub downloads are off: HF_HUB_OFFLINE=1)" if offline else ""
    return TrainingError(f"cannot load model {ref!r}{why}: {exc}")


def load_tokenizer(ref: str) -> Any:
    from transformers import AutoTokenizer

    try:
        tok = AutoTokenizer.from_pretrained(ref)
    except Exception as exc:  # OSError, ValueError, hub errors: all mean "not loadable"
        raise _offline_hint(ref, exc) from exc
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token or tok.unk_token
    return tok


def load_causal_lm(ref: str) -> tuple[Any, Any]:
    import torch
    from transformers import AutoModelForCausalLM

    tok = load_tokenizer(ref)
    dtype = torch.bfloat16 if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else torch.float32
    try:
        model = AutoModelForCausalLM.from_pretrained(ref, dtype=dtype)
    except Exception as exc:
        raise _offline_hint(ref, exc) from exc
    if model.config.pad_token_id is None:
        model.config.pad_token_id = tok.pad_token_id
    return tok, model


def load_seq2seq(ref: str) -> tuple[Any, Any]:
    from transformers import AutoModelForSeq2SeqLM

    tok = load_tokenizer(ref)
    try:
        model = AutoModelForSeq2SeqLM.from_pretrained(ref)
    except Exception as exc:
        raise _offline_hint(ref, exc) from exc
    return tok, model


def as_messages(prompt: Any, system: str = "") -> list[dict[str, str]]:
    """A prompt given as a string or a list of {role, content} messages, as messages."""
    if isinstance(prompt, str):
        messages = [{"role": "user", "content": prompt}]
    elif isinstance(prompt, list) and all(isinstance(m, dict) for m in prompt):
        messages = [{"role": str(m.get("role", "user")), "content": str(m.get("content", ""))} for m in prompt]
    else:
        raise ValueError("prompt must be a string or a list of {role, content} messages")
    if system and messages[0]["role"] != "system":
        messages.insert(0, {"role": "system", "content": system})
    return messages


def render_prompt(tokenizer: Any, messages: list[dict[str, str]]) -> str:
    """The text the model sees before its reply: the tokenizer's chat template when it has
    one (as the generate backend uses), else a plain role-headed layout."""
    if getattr(tokenizer, "chat_template", None):
        return str(tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))
    lines = [f"{FALLBACK_ROLES.get(m['role'], m['role'])}:\n{m['content']}\n" for m in messages]
    return "\n".join(lines) + f"\n{FALLBACK_ROLES['assistant']}:\n"


def completion_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and isinstance(value[-1], dict):
        return str(value[-1].get("content", ""))
    if isinstance(value, dict):
        return str(value.get("content", ""))
    raise ValueError("completion must be a string or assistant message(s)")
