"""`prepare`: Alpaca-style and multi-turn `messages` rows -> prompt/completion JSONL for SFT.

Output rows are trl's conversational prompt/completion shape:
{"prompt": [{"role": "user", "content": ...}, ...], "completion": [{"role": "assistant", ...}]}
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError, TrainingError
from .files import read_numbered, write_jsonl

ROLE_ALIASES = {
    "user": "user", "human": "user", "client": "user", "내담자": "user",
    "assistant": "assistant", "gpt": "assistant", "bot": "assistant", "counselor": "assistant",
    "counsellor": "assistant", "상담사": "assistant",
    "system": "system",
}


@dataclass
class PrepareStats:
    rows_read: int = 0
    examples: int = 0
    dropped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        parts = [f"{self.rows_read} rows read", f"{self.examples} examples written"]
        parts += [f"{n} dropped ({why})" for why, n in sorted(self.dropped.items())]
        return ", ".join(parts)


def load_source(source: str, split: str = "train") -> list[tuple[int, dict[str, Any]]]:
    """Rows from a local .jsonl/.json file, a folder of them or a `datasets.save_to_disk`
    folder; anything else is taken as a hub dataset id (refused offline)."""
    path = Path(source)
    if path.is_file():
        return read_numbered(path)
    if path.is_dir():
        if (path / "dataset_info.json").exists() or (path / "state.json").exists() or (
            path / "dataset_dict.json"
        ).exists():
            return _rows_from_saved_dataset(path, split)
        files = sorted([*path.glob("*.jsonl"), *path.glob("*.json")])
        if not files:
            raise DataError(path, "folder holds no .jsonl/.json files and is not a saved dataset")
        return [pair for f in files for pair in read_numbered(f)]
    looks_like_path = source.endswith((".json", ".jsonl")) or source.startswith((".", "/", "~"))
    if looks_like_path or source.count("/") > 1:
        raise DataError(source, "file not found")
    return _rows_from_hub(source, split)


def _rows_from_saved_dataset(path: Path, split: str) -> list[tuple[int, dict[str, Any]]]:
    import datasets

    ds = datasets.load_from_disk(str(path))
    if isinstance(ds, datasets.DatasetDict):
        if split not in ds:
            raise DataError(path, f"saved dataset has no split {split!r} (has {', '.join(ds)})")
        ds = ds[split]
    return [(i + 1, dict(row)) for i, row in enumerate(ds)]


def _rows_from_hub(dataset_id: str, split: str) -> list[tuple[int, dict[str, Any]]]:
    offline = any(os.environ.get(v, "").lower() in {"1", "true", "yes"}
                  for v in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE", "TRANSFORMERS_OFFLINE"))
    if offline:
        raise TrainingError(
            f"{dataset_id!r} is not a local file or folder, and hub downloads are off "
            "(HF_HUB_OFFLINE=1). Download the dataset elsewhere and pass its .jsonl file or "
            "save_to_disk folder as --source."
        )
    import datasets

    try:
        ds = datasets.load_dataset(dataset_id, split=split)
    except Exception as exc:  # the hub client raises many types; all mean "could not load"
        raise TrainingError(f"cannot load dataset {dataset_id!r} (split {split!r}): {exc}") from exc
    return [(i + 1, dict(row)) for i, row in enumerate(ds)]


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _messages_of(row: dict[str, Any]) -> list[dict[str, str]] | None:
    raw = row.get("messages", row.get("conversations"))
    if raw is None:
        return None
    if not isinstance(raw, list):
        raise ValueError("`messages` must be a list")
    out = []
    for turn in raw:
        if not isinstance(turn, dict):
            raise ValueError("each message must be an object with role and content")
        role = ROLE_ALIASES.get(str(turn.get("role", turn.get("from", ""))).lower())
        if role is None:
            raise ValueError(f"unknown role {turn.get('role', turn.get('from'))!r}")
        out.append({"role": role, "content": _text(turn.get("content", turn.get("value")))})
    return out


def examples_from_row(
    row: dict[str, Any], *, single_turn: bool, system: str, max_chars: int, stats: PrepareStats
) -> Iterable[dict[str, Any]]:
    messages = _messages_of(row)
    if messages is None:
        if "output" not in row or "instruction" not in row:
            raise ValueError("row needs instruction/output (Alpaca) or messages")
        user = "\n".join(t for t in (_text(row.get("instruction")), _text(row.get("input"))) if t)
        messages = [{"role": "user", "content": user}, {"role": "assistant", "content": _text(row["output"])}]
        if _text(row.get("system")):
            messages.insert(0, {"role": "system", "content": _text(row["system"])})
    if any(not m["content"] for m in messages) or not any(m["role"] == "assistant" for m in messages):
        stats.dropped["empty"] += 1
        return
    user_turns = sum(1 for m in messages if m["role"] == "user")
    if single_turn and user_turns > 1:
        stats.dropped["multi-turn"] += 1
        return
    if system and messages[0]["role"] != "system":
        messages = [{"role": "system", "content": system}, *messages]
    # One example per assistant turn: the dialog so far is the prompt.
    for i, message in enumerate(messages):
        if message["role"] != "assistant" or i == 0:
            continue
        prompt = messages[:i]
        if not any(m["role"] == "user" for m in prompt):
            continue
        if sum(len(m["content"]) for m in messages[: i + 1]) > max_chars:
            stats.dropped["over-long"] += 1
            continue
        yield {"prompt": prompt, "completion": [message]}


def prepare(
    source: str,
    out: str | Path,
    *,
    single_turn: bool = False,
    system: str = "",
    max_chars: int = 2000,
    split: str = "train",
    progress: bool = True,
) -> PrepareStats:
    from tqdm import tqdm

    rows = load_source(source, split)
    stats = PrepareStats(rows_read=len(rows))
    examples: list[dict[str, Any]] = []
    for number, row in tqdm(rows, desc="prepare", unit="row", disable=not progress):
        try:
            examples.extend(
                examples_from_row(row, single_turn=single_turn, system=system, max_chars=max_chars, stats=stats)
            )
        except ValueError as exc:
            raise DataError(source, str(exc), line=number) from exc
    if not examples:
        raise DataError(source, f"no usable examples ({stats.summary()})")
    stats.examples = write_jsonl(out, examples)
    return stats
