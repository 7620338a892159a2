"""What the transformers backends share: device and dtype, model-path checks, OOM mapping.

Imported only by model backends; torch is imported inside the functions, so importing this
module costs nothing in a process that never loads a model.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from ..errors import BackendConfigError, RetryableStageError, StageError

log = logging.getLogger(__name__)

if "torch" not in sys.modules:
    # A turn runs torch in two threads at once (the generation thread, and the turn's own
    # thread for emotion, embeddings and the converter). With OpenMP's default busy-wait,
    # each thread's idle pool spins on the cores the other needs: on a 2-core CPU worker
    # a 1 ms classifier call took 50-350 ms right after a generation. Passive waiting costs
    # nothing measurable here; on GPU workers it does not matter. An explicit setting wins.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


@dataclass(frozen=True)
class Placement:
    device: str  # "cuda" | "cpu"
    dtype: Any  # a torch.dtype


def placement() -> Placement:
    """CUDA with bf16 (fp16 where bf16 is unsupported) when the worker has a GPU, else CPU fp32."""
    import torch

    if torch.cuda.is_available():
        dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
        return Placement("cuda", dtype)
    return Placement("cpu", torch.float32)


def looks_like_path(name: str) -> bool:
    return name.startswith(("/", "./", "../", "~")) or Path(name).expanduser().exists()


def check_model_name(stage: str, name: str, what: str) -> str:
    """The name to hand to from_pretrained, or BackendConfigError when it cannot be one."""
    name = (name or "").strip()
    if not name:
        raise BackendConfigError(stage, f"no {what} configured")
    if looks_like_path(name):
        path = Path(name).expanduser()
        if not path.is_dir():
            raise BackendConfigError(stage, f"{what} not found: {path} is not a directory")
        return str(path)
    return name  # a hub id: resolved from the local cache (or downloaded where allowed)


def load_error(stage: str, what: str, name: str, exc: BaseException) -> StageError:
    """A typed error for a failed from_pretrained: OOM can pass, a bad name will not."""
    if is_oom(exc):
        return RetryableStageError(stage, f"out of memory while loading {what} {name!r}: {exc}")
    return BackendConfigError(stage, f"cannot load {what} {name!r}: {type(exc).__name__}: {exc}")


def is_oom(exc: BaseException) -> bool:
    try:
        import torch

        if isinstance(exc, torch.OutOfMemoryError):
            return True
    except (ImportError, AttributeError):  # pragma: no cover - torch without the alias
        pass
    return isinstance(exc, MemoryError) or "out of memory" in str(exc).lower()


def reraise(stage: str, exc: BaseException) -> NoReturn:
    """OOM during inference is worth a retry (the GPU may be free next time); the rest as is."""
    if is_oom(exc) and not isinstance(exc, StageError):
        raise RetryableStageError(stage, f"out of memory: {exc}") from exc
    raise exc
