"""Checking that a peft adapter belongs to a base model, and loading it there.

Used by `dpo` (the SFT adapter it builds on) and by Django's `register_adapter`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import TrainingError


def adapter_base(adapter_dir: str | Path) -> str:
    cfg = Path(adapter_dir) / "adapter_config.json"
    if not cfg.exists():
        raise TrainingError(f"{adapter_dir}: not a peft adapter folder (no adapter_config.json)")
    try:
        data = json.loads(cfg.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise TrainingError(f"{cfg}: bad JSON ({exc.msg})") from exc
    return str(data.get("base_model_name_or_path") or "")


def same_model(a: str, b: str) -> bool:
    """Two references name the same model: equal ids, or paths to the same folder."""
    if not a or not b:
        return False
    if a == b:
        return True
    pa, pb = Path(a).expanduser(), Path(b).expanduser()
    if pa.exists() and pb.exists():
        return pa.resolve() == pb.resolve()
    return a.rstrip("/") == b.rstrip("/")


def check_adapter_base(adapter_dir: str | Path, base_model: str) -> str:
    """The adapter's recorded base, or TrainingError when it was trained for another model."""
    recorded = adapter_base(adapter_dir)
    if not recorded:
        raise TrainingError(f"{adapter_dir}: adapter_config.json does not name its base model")
    if not same_model(recorded, base_model):
        raise TrainingError(
            f"{adapter_dir}: adapter was trained for base model {recorded!r}, "
            f"not for {base_model!r}"
        )
    return recorded


def load_adapter(model: Any, adapter_dir: str | Path, adapter_name: str = "default",
                 is_trainable: bool = False) -> Any:
    """`model` with the adapter applied; TrainingError when the weights do not fit it."""
    from peft import PeftModel

    try:
        return PeftModel.from_pretrained(model, str(adapter_dir), adapter_name=adapter_name,
                                         is_trainable=is_trainable)
    except Exception as exc:  # shape mismatches and missing modules raise several types
        raise TrainingError(f"{adapter_dir}: adapter does not load on this base model: {exc}") from exc


def verify_adapter(adapter_dir: str | Path, base_model: str) -> dict[str, Any]:
    """Check the recorded base and that the weights load on it; returns a summary."""
    from .models import load_causal_lm

    recorded = check_adapter_base(adapter_dir, base_model)
    _, model = load_causal_lm(base_model)
    peft_model = load_adapter(model, adapter_dir)
    cfg = peft_model.peft_config["default"]
    return {"base_model": recorded, "r": getattr(cfg, "r", None),
            "target_modules": sorted(getattr(cfg, "target_modules", None) or [])}
