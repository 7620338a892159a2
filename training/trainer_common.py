"""Pieces the sft, dpo and style commands share: data to text, trainer arguments, run log."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import DataError, TrainingError

# Options that are ours, not TrainingArguments'.
OWN_KEYS = {"system_prompt", "lora", "max_source_chars"}


def training_args(config: Mapping[str, Any], output: Path, max_steps: int | None, progress: bool) -> dict[str, Any]:
    import torch

    train = dict(config.get("train", {}))
    bf16 = train.pop("bf16", "auto")
    if bf16 == "auto":
        bf16 = bool(torch.cuda.is_available() and torch.cuda.is_bf16_supported())
    args: dict[str, Any] = {
        "output_dir": str(output / "checkpoints"),
        "report_to": [],
        "save_strategy": "no",
        "logging_steps": 1,
        "disable_tqdm": not progress,
        "bf16": bool(bf16),
        "dataloader_num_workers": 0,
        "dataloader_pin_memory": torch.cuda.is_available(),
        **train,
    }
    if max_steps is not None:
        args["max_steps"] = int(max_steps)
    return args


def check_lora_targets(model: Any, lora: Mapping[str, Any]) -> None:
    """Fail with the module names the model does have, rather than peft's bare ValueError."""
    targets = lora.get("target_modules")
    if not targets or isinstance(targets, str):
        return
    names = {name.rsplit(".", 1)[-1] for name, _ in model.named_modules()}
    missing = [t for t in targets if t not in names]
    if len(missing) == len(targets):
        linear = sorted({n.rsplit(".", 1)[-1] for n, m in model.named_modules()
                         if type(m).__name__ in {"Linear", "Conv1D"}})
        raise TrainingError(
            f"none of the LoRA target modules {targets} exist in this model; "
            f"its linear layers are named {linear}"
        )


def lora_config(lora: Mapping[str, Any], task_type: str = "CAUSAL_LM") -> Any:
    from peft import LoraConfig

    kwargs = {"task_type": task_type, **dict(lora)}
    try:
        return LoraConfig(**kwargs)
    except TypeError as exc:
        raise TrainingError(f"bad lora section in config: {exc}") from exc


def prompt_rows(data: str | Path, required: tuple[str, ...], hint: str) -> list[dict[str, Any]]:
    from .files import read_rows

    try:
        return read_rows(data, required=required)
    except DataError as exc:
        if "missing column" in str(exc):
            raise DataError(data, f"{str(exc).split(': ', 1)[-1]} ({hint})", line=exc.line) from exc
        raise


def save_run(out: Path, *, command: str, base_model: str, data: str | Path, config: Mapping[str, Any],
             log_history: list[dict[str, Any]], started: str, with_margins: bool = False,
             extra: Mapping[str, Any] | None = None) -> None:
    import shutil

    from .files import write_json
    from .runlog import plot_training, write_meta

    if config.get("train", {}).get("save_strategy", "no") == "no":
        shutil.rmtree(out / "checkpoints", ignore_errors=True)  # nothing was saved there
    write_json(out / "training_config.json", dict(config))
    plot_training(log_history, out, command, with_margins=with_margins)
    write_meta(out, command=command, base_model=base_model, data=data, config=config,
               log_history=log_history, started=started, extra=extra)
