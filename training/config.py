"""Training configs: a JSON (or YAML) file under training/configs/, plus `--set a.b=value`."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import TrainingError

CONFIG_DIR = Path(__file__).resolve().parent / "configs"


def load_config(path: str | Path | None, default_name: str, overrides: Sequence[str] = ()) -> dict[str, Any]:
    p = Path(path) if path else CONFIG_DIR / default_name
    if not p.exists():
        raise TrainingError(f"{p}: config file not found")
    text = p.read_text(encoding="utf-8")
    try:
        if p.suffix in {".yaml", ".yml"}:
            import yaml

            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except Exception as exc:  # json and yaml raise different types; both mean a broken file
        raise TrainingError(f"{p}: cannot parse config: {exc}") from exc
    if not isinstance(data, dict):
        raise TrainingError(f"{p}: a config must be an object")
    data = copy.deepcopy(data)
    for item in overrides:
        apply_override(data, item)
    return data


def apply_override(config: dict[str, Any], item: str) -> None:
    """`lora.r=8` sets config["lora"]["r"] = 8 (the value is JSON when it parses, else a string)."""
    key, sep, raw = item.partition("=")
    if not sep or not key:
        raise TrainingError(f"--set {item!r}: expected KEY=VALUE, e.g. lora.r=8")
    try:
        value: Any = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    node = config
    *parents, leaf = key.split(".")
    for part in parents:
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise TrainingError(f"--set {item!r}: {part!r} is not a section")
    node[leaf] = value
