"""prepare -> sft -> register_adapter -> a chat turn of that character through the adapter."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from .conftest import FAST, SAMPLE_SFT, run_cli

pytestmark = [pytest.mark.django_db, pytest.mark.models]


@pytest.fixture
def model_settings(settings: Any, tiny_causal_lm_dir: Path) -> Any:
    from inference.django_glue import reset_pipeline

    settings.MENTOS_LLM_BACKEND = "inference.backends.llm_hf.TransformersLLMBackend"
    settings.MENTOS_LLM_MODEL = str(tiny_causal_lm_dir)
    settings.MENTOS_LLM_ADAPTER = ""
    settings.MENTOS_LLM_MAX_NEW_TOKENS = 16
    settings.MENTOS_LLM_TEMPERATURE = 0.8
    reset_pipeline()
    yield settings
    reset_pipeline()


def test_a_trained_adapter_becomes_the_characters_voice_in_a_chat_turn(
    tmp_path: Path, model_settings: Any, make_user: Any, tiny_causal_lm_dir: Path
) -> None:
    from characters.models import Character
    from counseling.models import Counsel, Dialog
    from counseling.turns import run_turn
    from inference.django_glue import character_style, get_pipeline
    from inference.types import TurnInput

    prepared = tmp_path / "prepared.jsonl"
    assert run_cli("prepare", "--source", SAMPLE_SFT, "--out", prepared, "--no-progress") == 0
    adapter = tmp_path / "expert-sft"
    assert run_cli("sft", "--base-model", tiny_causal_lm_dir, "--data", prepared, "--output", adapter, *FAST) == 0
    call_command("register_adapter", "--character", "expert", "--path", str(adapter))
    expert = Character.objects.get(slug="expert")
    assert expert.llm_adapter == str(adapter.resolve())

    user = make_user("carol")
    counsel = Counsel.objects.create(user=user, character=expert, greeting=expert.greeting)
    dialog = Dialog.objects.create(counsel=counsel, u_message="요즘 회사 일 때문에 너무 힘들어요.", client_msg_id="c1")
    assert run_turn(dialog.dialog_id) == "done"
    dialog.refresh_from_db()
    assert dialog.status == "done" and dialog.ai_message

    # The same turn, same seed, on the bare base model.
    bare = dataclasses.replace(character_style(expert), llm_adapter="")
    base_reply = get_pipeline().run(TurnInput(text=dialog.u_message, character=bare, seed=dialog.dialog_id)).reply
    adapted_reply = get_pipeline().run(
        TurnInput(text=dialog.u_message, character=character_style(expert), seed=dialog.dialog_id)
    ).reply
    assert adapted_reply == dialog.ai_message  # the chat turn went through the adapter
    assert base_reply != dialog.ai_message
