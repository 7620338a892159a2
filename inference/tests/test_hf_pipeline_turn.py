"""`manage.py pipeline turn` end to end with every stage on a model backend (tiny models),
and worker warm-up loading them before the first turn."""

from __future__ import annotations

import io
import json
import weakref
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

import testsupport  # noqa: F401  (offline hub before transformers loads)
from inference import django_glue
from inference.backends import llm_hf
from inference.labels import EMOTION_LABELS
from testsupport.build_tiny_models import env_lines
from testsupport.fixtures import BART_FIXED_OUTPUT, tiny_model_path

pytestmark = [pytest.mark.models, pytest.mark.django_db]


@pytest.fixture
def model_settings(settings: Any) -> Any:
    settings.MENTOS_EMOTION_BACKEND = "inference.backends.emotion_hf.TransformersEmotionBackend"
    settings.MENTOS_EMOTION_MODEL = str(tiny_model_path("classifier"))
    settings.MENTOS_MEMORY_BACKEND = "inference.backends.memory_hf.HuggingFaceMemoryBackend"
    settings.MENTOS_EMBEDDING_MODEL = str(tiny_model_path("sentence_embedder"))
    settings.MENTOS_LLM_BACKEND = "inference.backends.llm_hf.TransformersLLMBackend"
    settings.MENTOS_LLM_MODEL = str(tiny_model_path("causal_lm"))
    settings.MENTOS_LLM_ADAPTER = str(tiny_model_path("lora_a"))
    settings.MENTOS_LLM_MAX_NEW_TOKENS = 40
    settings.MENTOS_STYLE_BACKEND = "inference.backends.style_seq2seq.Seq2SeqStyleBackend"
    settings.MENTOS_STYLE_MODEL = str(tiny_model_path("bart_fixed"))
    django_glue.reset_pipeline()
    yield settings
    django_glue.reset_pipeline()


def run_turns(*args: str, lines: str) -> list[dict[str, Any]]:
    out = io.StringIO()
    call_command("pipeline", "turn", *args, stdin=io.StringIO(lines), stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]


def test_a_turn_runs_end_to_end_on_the_model_backends(model_settings: Any, alice: Any) -> None:
    rows = run_turns("--character", "expert", "--user", "alice", "--seed", "3",
                     lines="요즘 회사 일 때문에 너무 힘들어요.\n잠도 잘 못 자요.\n")
    assert len(rows) == 2 and all("error" not in r for r in rows), rows
    for row in rows:
        assert set(row["emotion"]["scores"]) == set(EMOTION_LABELS)
        assert row["reply"].strip() and row["styled"].strip()
        assert row["timings_ms"]["generate"] > 0
    pipeline = django_glue.get_pipeline()
    assert type(pipeline.llm).__name__ == "TransformersLLMBackend"
    assert type(pipeline.memory).__name__ == "HuggingFaceMemoryBackend"
    assert pipeline.llm.last_stats.prompt_tokens > 0


def test_a_seeded_character_gets_the_configured_converter(model_settings: Any) -> None:
    # seonbi's character_model is the hub id of the default converter; MENTOS_STYLE_MODEL
    # says where it lives here. The fixed converter's answer is kept where it fits.
    out = io.StringIO()
    call_command("pipeline", "style", "--character", "seonbi",
                 stdin=io.StringIO("요즘 회사 일 때문에 너무 힘들어요.\n"), stdout=out)
    assert json.loads(out.getvalue())["styled"] == BART_FIXED_OUTPUT


def test_warm_up_loads_every_model_before_the_first_turn(model_settings: Any) -> None:
    from celery.signals import worker_process_init

    from inference.warmup import _warm_worker_process

    hooked = [ref() if isinstance(ref, weakref.ref) else ref for _, ref in worker_process_init.receivers]
    assert _warm_worker_process in hooked  # Celery calls it in every new pool process

    llm_hf.clear_cache()
    model_settings.MENTOS_WARM_MODELS = False
    _warm_worker_process(sender="test")
    assert llm_hf._bases == {}  # off unless asked for

    model_settings.MENTOS_WARM_MODELS = True
    _warm_worker_process(sender="test")
    assert (str(tiny_model_path("causal_lm")), False) in llm_hf._bases
    base = llm_hf.get_base(str(tiny_model_path("causal_lm")))
    assert str(tiny_model_path("lora_a")) in base.adapters
    emotion = django_glue.get_backend("emotion")
    assert emotion._loaded is not None


def test_build_tiny_models_prints_settings_for_every_stage(tmp_path: Path) -> None:
    paths = {name: tmp_path / name for name in
             ("emotion_model", "embedding_model", "llm_model", "style_model", "llm_adapter")}
    lines = dict(line.split("=", 1) for line in env_lines(paths))
    for stage in ("EMOTION", "MEMORY", "LLM", "STYLE"):
        assert lines[f"MENTOS_{stage}_BACKEND"].startswith("inference.backends.")
    assert lines["MENTOS_LLM_MODEL"] == str(tmp_path / "llm_model")
