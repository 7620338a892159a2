"""The pipeline as Django settings configure it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from inference import django_glue
from inference.tests.pipeline_fakes import FakeMemory
from inference.types import CharacterStyle

FAKES = "inference.tests.pipeline_fakes"


class RecordingMemory(FakeMemory):
    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.options = options


@pytest.fixture(autouse=True)
def fake_backends(settings: Any) -> Iterator[None]:
    settings.MENTOS_EMOTION_BACKEND = f"{FAKES}.FakeEmotion"
    settings.MENTOS_CRISIS_BACKEND = f"{FAKES}.FakeCrisis"
    settings.MENTOS_MEMORY_BACKEND = "inference.tests.test_pipeline_glue.RecordingMemory"
    settings.MENTOS_LLM_BACKEND = f"{FAKES}.ScriptedLLM"
    settings.MENTOS_STYLE_BACKEND = f"{FAKES}.TagStyle"
    yield
    django_glue.reset_pipeline()


def test_backends_get_every_mentos_setting_lower_cased_without_the_prefix(settings: Any) -> None:
    memory = django_glue.get_pipeline().memory
    assert isinstance(memory, RecordingMemory)
    assert memory.options["memory_dir"] == settings.MENTOS_MEMORY_DIR
    assert memory.options["memory_top_k"] == settings.MENTOS_MEMORY_TOP_K
    assert memory.options["llm_backend"] == f"{FAKES}.ScriptedLLM"
    assert "openai_base_url" in memory.options
    assert not any(k.startswith("mentos_") or k != k.lower() for k in memory.options)


def test_the_pipeline_is_built_once_per_process() -> None:
    assert django_glue.get_pipeline() is django_glue.get_pipeline()
    assert django_glue.get_backend("memory") is django_glue.get_pipeline().memory


def test_top_k_comes_from_settings(settings: Any) -> None:
    settings.MENTOS_MEMORY_TOP_K = 5
    assert django_glue.get_pipeline().top_k == 5


def test_changed_settings_rebuild_the_backends(settings: Any, tmp_path: Any) -> None:
    first = django_glue.get_pipeline()
    settings.MENTOS_MEMORY_DIR = tmp_path / "elsewhere"
    second = django_glue.get_pipeline()
    assert second is not first
    assert second.memory.options["memory_dir"] == tmp_path / "elsewhere"  # type: ignore[attr-defined]


def test_reset_forgets_the_built_backends() -> None:
    first = django_glue.get_pipeline()
    django_glue.reset_pipeline()
    assert django_glue.get_pipeline().memory is not first.memory


def test_character_style_is_built_from_the_character_row(seonbi: Any) -> None:
    style = django_glue.character_style(seonbi)
    assert style == CharacterStyle(
        slug="seonbi", name=seonbi.character_name, style_token=seonbi.style_token,
        character_model=seonbi.character_model, style_rules=dict(seonbi.style_rules),
        llm_adapter=seonbi.llm_adapter,
    )
    assert style.slug == "seonbi" and style.style_token == "선비"
