"""Logs never carry what people wrote: not on a good turn, not when a stage fails."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from counseling.models import Dialog
from counseling.turns import run_turn
from inference.pipeline import Pipeline

pytestmark = pytest.mark.django_db

SECRET = "사실 어제 다리 위에서 오래 서 있었어요"


@pytest.fixture
def quiet_publish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("counseling.turns.publish", lambda group, frame, loop=None: None)


class QuotingEmotionBackend:
    """Fails the way third-party code often does: the error message quotes its input."""

    def classify(self, texts: list[str]) -> list[Any]:
        raise ValueError(f"cannot analyse {texts[0]!r}")


def test_a_good_turn_logs_no_message_text(
    alice_counsel: Any, quiet_publish: None, caplog: pytest.LogCaptureFixture, django_capture_on_commit_callbacks: Any
) -> None:
    dialog = Dialog.objects.create(counsel=alice_counsel, u_message="회사 일 때문에 잠을 못 자요", client_msg_id="g")
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_turn(dialog.pk) == "done"
    dialog.refresh_from_db()
    assert dialog.u_message not in caplog.text and dialog.change_dialog not in caplog.text


def test_a_failing_stage_logs_no_message_text(
    alice_counsel: Any, quiet_publish: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    pipeline = Pipeline(emotion=QuotingEmotionBackend(), crisis=None, memory=None, llm=None, style=None)  # type: ignore[arg-type]
    monkeypatch.setattr("inference.django_glue.get_pipeline", lambda: pipeline)
    dialog = Dialog.objects.create(counsel=alice_counsel, u_message=SECRET, client_msg_id="f")
    caplog.set_level(logging.DEBUG)
    assert run_turn(dialog.pk) == "failed"
    assert SECRET not in caplog.text
