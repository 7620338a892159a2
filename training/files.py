"""Reading input rows with errors that name the file and line, and writing outputs whole."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import DataError


def sha256_of(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_rows(path: str | Path, required: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Rows of a JSONL file (one object a line) or a JSON file holding a list of objects.

    Raises DataError naming the line for a bad JSON line, a non-object row or a missing column.
    """
    return [row for _, row in read_numbered(path, required)]


def read_numbered(path: str | Path, required: Sequence[str] = ()) -> list[tuple[int, dict[str, Any]]]:
    """(line number — row number for a .json list — , row) pairs; see `read_rows`."""
    p = Path(path)
    if not p.exists():
        raise DataError(p, "file not found")
    if p.is_dir():
        raise DataError(p, "is a directory, expected a .jsonl or .json file")
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(p, f"not UTF-8 text ({exc.reason})") from exc
    rows: list[tuple[int, Any]]
    if p.suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataError(p, f"bad JSON: {exc.msg}", line=exc.lineno) from exc
        if isinstance(data, dict) and isinstance(data.get("data"), list):
            data = data["data"]
        if not isinstance(data, list):
            raise DataError(p, "a .json data file must hold a list of objects")
        rows = [(i + 1, row) for i, row in enumerate(data)]
        unit = "row"
    else:
        rows = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rows.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise DataError(p, f"bad JSON line ({exc.msg})", line=number) from exc
        unit = "line"
    out: list[tuple[int, dict[str, Any]]] = []
    for number, row in rows:
        if not isinstance(row, dict):
            raise DataError(p, f"{unit} is not a JSON object", line=number)
        missing = [c for c in required if c not in row]
        if missing:
            raise DataError(p, f"missing column(s) {', '.join(missing)}", line=number)
        out.append((number, row))
    if not out:
        raise DataError(p, "no rows")
    return out


@contextmanager
def atomic_open(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path`, renamed over it only when the block succeeds,
    so a failed run never leaves a half-written output."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_jsonl(path: str | Path, rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    with atomic_open(path) as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_json(path: str | Path, data: Any) -> None:
    with atomic_open(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
