"""The pipeline as configured by Django settings. The only inference module that reads them."""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from . import registry
from .pipeline import Pipeline
from .types import CharacterStyle

_PREFIX = "MENTOS_"
_lock = threading.Lock()
_fingerprint_seen: tuple[tuple[str, str], ...] | None = None
_pipeline: Pipeline | None = None


def backend_options() -> dict[str, Any]:
    """Every MENTOS_* setting, lower-cased without the prefix (what backends take as options)."""
    return {
        name[len(_PREFIX):].lower(): getattr(settings, name)
        for name in dir(settings)
        if name.startswith(_PREFIX)
    }


def _fingerprint(options: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, repr(v)) for k, v in options.items()))


def _current_options() -> dict[str, Any]:
    """The options, after forgetting backends that were built under other settings."""
    global _fingerprint_seen, _pipeline
    options = backend_options()
    fingerprint = _fingerprint(options)
    if fingerprint != _fingerprint_seen:
        with _lock:
            if fingerprint != _fingerprint_seen:
                if _fingerprint_seen is not None:
                    registry.reset()  # e.g. a test overrode MENTOS_MEMORY_DIR
                _pipeline = None
                _fingerprint_seen = fingerprint
    return options


def get_backend(stage: str) -> Any:
    """One stage's backend (the web process needs memory without loading a model)."""
    options = _current_options()
    return registry.get_backend(stage, options[f"{stage}_backend"], options)


def get_pipeline() -> Pipeline:
    """The process's pipeline, built on first use; rebuilt if MENTOS_* settings changed."""
    global _pipeline
    options = _current_options()
    pipeline = _pipeline
    if pipeline is None:
        pipeline = Pipeline(
            emotion=get_backend("emotion"),
            crisis=get_backend("crisis"),
            memory=get_backend("memory"),
            llm=get_backend("llm"),
            style=get_backend("style"),
            top_k=int(options.get("memory_top_k", 3)),
        )
        _pipeline = pipeline
    return pipeline


def reset_pipeline() -> None:
    """Forget the built pipeline and its backends (tests; after changing settings)."""
    global _fingerprint_seen, _pipeline
    with _lock:
        _fingerprint_seen = None
        _pipeline = None
        registry.reset()


@receiver(setting_changed)
def _on_setting_changed(*, setting: str, **kwargs: Any) -> None:
    if setting.startswith(_PREFIX):
        reset_pipeline()


def character_style(character: Any) -> CharacterStyle:
    """What the pipeline needs of a `characters.Character` row."""
    return CharacterStyle(
        slug=character.slug,
        name=character.character_name,
        style_token=character.style_token or "",
        character_model=character.character_model or "",
        style_rules=dict(character.style_rules or {}),
        llm_adapter=character.llm_adapter or "",
    )

