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


def _meta_model(base_model: str) -> Any:
    """The base architecture without its weights (meta device): shapes, module names, no RAM."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    try:
        config = AutoConfig.from_pretrained(base_model)
    except Exception as exc:  # missing folder, not in the offline cache, bad config
        raise TrainingError(f"cannot read the config of base model {base_model!r}: {exc}") from exc
    with torch.device("meta"):
        return AutoModelForCausalLM.from_config(config)


def verify_adapter(adapter_dir: str | Path, base_model: str, load_weights: bool = False) -> dict[str, Any]:
    """Check the recorded base and that peft loads the adapter on it; returns a summary.

    By default the base is built on the meta device, so a 10.8B base costs no memory: peft
    still checks every LoRA module exists and every tensor shape fits. `load_weights` loads
    the real weights as well.
    """
    import warnings

    recorded = check_adapter_base(adapter_dir, base_model)
    if load_weights:
        from .models import load_causal_lm

        _, model = load_causal_lm(base_model)
    else:
        model = _meta_model(base_model)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "copying from a non-meta parameter ... is a no-op"
        peft_model = load_adapter(model, adapter_dir)
    cfg = peft_model.peft_config["default"]
    return {"base_model": recorded, "r": getattr(cfg, "r", None),
            "target_modules": sorted(getattr(cfg, "target_modules", None) or [])}
