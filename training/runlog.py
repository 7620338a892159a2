"""What every training run leaves beside its adapter: loss.png and training_meta.json."""

from __future__ import annotations

import platform
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .files import sha256_of, write_json


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def series(log_history: Sequence[Mapping[str, Any]], key: str) -> tuple[list[int], list[float]]:
    steps, values = [], []
    for entry in log_history:
        if key in entry and "step" in entry:
            steps.append(int(entry["step"]))
            values.append(float(entry[key]))
    return steps, values


def plot_training(log_history: Sequence[Mapping[str, Any]], out: Path, title: str,
                  with_margins: bool = False) -> Path:
    """loss (and, for DPO, the chosen/rejected reward margin) against the step."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = 2 if with_margins else 1
    fig, axes = plt.subplots(1, panels, figsize=(5.5 * panels, 3.6), squeeze=False)
    steps, loss = series(log_history, "loss")
    ax = axes[0][0]
    ax.plot(steps, loss, marker="o", markersize=3)
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    ax.set_title(f"{title}: training loss")
    ax.grid(alpha=0.3)
    if with_margins:
        ax = axes[0][1]
        for key, label in (("rewards/margins", "margin"), ("rewards/chosen", "chosen"),
                           ("rewards/rejected", "rejected")):
            s, v = series(log_history, key)
            if s:
                ax.plot(s, v, marker="o", markersize=3, label=label)
        ax.set_xlabel("step")
        ax.set_ylabel("reward")
        ax.set_title(f"{title}: chosen/rejected reward")
        ax.legend()
        ax.grid(alpha=0.3)
    fig.tight_layout()
    path = out / "loss.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def write_meta(out: Path, *, command: str, base_model: str, data: str | Path, config: Mapping[str, Any],
               log_history: Sequence[Mapping[str, Any]], started: str, extra: Mapping[str, Any] | None = None) -> Path:
    import peft
    import torch
    import transformers
    import trl

    _, loss = series(log_history, "loss")
    meta = {
        "command": command,
        "base_model": base_model,
        "data": str(data),
        "data_sha256": sha256_of(data),
        "config": dict(config),
        "started": started,
        "finished": now_iso(),
        "steps": max((int(e.get("step", 0)) for e in log_history), default=0),
        "first_loss": loss[0] if loss else None,
        "final_loss": loss[-1] if loss else None,
        "log_history": list(log_history),
        "versions": {"python": platform.python_version(), "torch": torch.__version__,
                     "transformers": transformers.__version__, "peft": peft.__version__, "trl": trl.__version__},
        **dict(extra or {}),
    }
    path = out / "training_meta.json"
    write_json(path, meta)
    return path
