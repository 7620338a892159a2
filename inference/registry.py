"""Backends are named by dotted path and built on first use, once per process."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

from .errors import BackendConfigError

STAGES = ("emotion", "crisis", "memory", "llm", "style")

_lock = threading.Lock()
_instances: dict[tuple[str, str], Any] = {}


def import_string(dotted: str) -> Any:
    module_name, _, attr = dotted.rpartition(".")
    if not module_name:
        raise BackendConfigError("config", f"not a dotted path: {dotted!r}")
    try:
        return getattr(import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise BackendConfigError("config", f"cannot import backend {dotted!r}: {exc}") from exc


def get_backend(stage: str, dotted: str, options: Mapping[str, Any] | None = None) -> Any:
    """The backend instance for `stage`, built from `dotted` once per process.

    A backend class takes its options as keyword arguments (see each backend).
    """
    key = (stage, dotted)
    inst = _instances.get(key)
    if inst is not None:
        return inst
    with _lock:
        inst = _instances.get(key)
        if inst is None:
            factory: Callable[..., Any] = import_string(dotted)
            inst = factory(**dict(options or {}))
            _instances[key] = inst
    return inst


def reset() -> None:
    """Forget every built backend (tests, or after settings change)."""
    with _lock:
        _instances.clear()
