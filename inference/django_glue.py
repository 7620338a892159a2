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
_pipeline: Pipeline | None = None


def backend_options() -> dict[str, Any]:
    """Every MENTOS_* setting, lower-cased without the prefix (what backends take as options)."""
    return {
        name[len(_PREFIX):].lower(): getattr(settings, name)
        for name in dir(settings)
        if name.startswith(_PREFIX)
    }


def get_backend(stage: str) -> Any:
    """One stage's backend (the web process needs memory without loading a model)."""
    options = backend_options()
    return registry.get_backend(stage, options[f"{stage}_backend"], options)


def get_pipeline() -> Pipeline:
    """The process's pipeline, built on first use; rebuilt after a MENTOS_* setting changes
    (Django's setting_changed signal, which tests' settings overrides send)."""
    global _pipeline
    options = backend_options()
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
    global _pipeline
    with _lock:
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

