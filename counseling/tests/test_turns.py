"""run_turn: idempotent, counts attempts, retries what can succeed, fails for good what cannot."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from counseling.models import Dialog, EmotionLog
from counseling.turns import TurnRetry, run_turn
from inference.errors import PermanentStageError, RetryableStageError

from .conftest import FakePipeline

pytestmark = pytest.mark.django_db


@pytest.fixture
def frames(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict]]:
    sent: list[tuple[str, dict]] = []
    monkeypatch.setattr("counseling.turns.publish", lambda group, frame, loop=None: sent.append((group, frame)))
    return sent


def _dialog(counsel, text: str = "마음이 무거워요.", **fields) -> Dialog:
    return Dialog.objects.create(counsel=counsel, u_message=text, client_msg_id=text, **fields)


def test_a_done_dialog_is_never_redone(alice_counsel, use_pipeline, frames, django_capture_on_commit_callbacks) -> None:
    pipeline = use_pipeline(FakePipeline())
    dialog = _dialog(alice_counsel)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_turn(dialog.pk) == "done"
    assert run_turn(dialog.pk) == "skipped"
    assert pipeline.calls == 1 and EmotionLog.objects.count() == 1
    dialog.refresh_from_db()
    assert dialog.status == "done" and dialog.attempts == 1
    assert [f["type"] for _, f in frames] == ["emotion", "delta", "delta", "done"]
    assert all(group == alice_counsel.group_name for group, _ in frames)


def test_a_retryable_failure_is_retried_until_attempts_run_out(alice_counsel, use_pipeline, frames, settings) -> None:
    settings.MENTOS_TURN_MAX_ATTEMPTS = 2
    use_pipeline(FakePipeline(fail=RetryableStageError("generate", "busy GPU")))
    dialog = _dialog(alice_counsel)
    with pytest.raises(TurnRetry):
        run_turn(dialog.pk)
    dialog.refresh_from_db()
    assert dialog.status == "pending" and dialog.attempts == 1 and "busy GPU" in dialog.error
    assert run_turn(dialog.pk) == "failed"
    dialog.refresh_from_db()
    assert dialog.status == "failed" and dialog.attempts == 2
    assert frames[-1][1]["type"] == "error" and frames[-1][1]["code"] == "turn_failed"


def test_a_permanent_failure_fails_at_once(alice_counsel, use_pipeline, frames) -> None:
    use_pipeline(FakePipeline(fail=PermanentStageError("style", "no such model")))
    dialog = _dialog(alice_counsel)
    assert run_turn(dialog.pk) == "failed"
    dialog.refresh_from_db()
    assert dialog.status == "failed" and dialog.attempts == 1 and "no such model" in dialog.error


def test_the_counsel_emotion_is_a_running_average(alice_counsel, use_pipeline, frames) -> None:
    use_pipeline(FakePipeline())
    for text in ("하나", "둘"):
        run_turn(_dialog(alice_counsel, text).pk)
    first, second = EmotionLog.objects.order_by("emotion_id")
    assert first.counsel_emotion["label"] == second.counsel_emotion["label"] == "힘듦(지침)"
    assert second.counsel_emotion["distribution"]["힘듦(지침)"] == pytest.approx(1.0)


def test_stuck_turns_are_requeued_then_failed(alice_counsel, settings, frames, monkeypatch) -> None:
    from django.core.cache import cache

    from inference.tasks import requeue_stuck_turns

    settings.MENTOS_TURN_MAX_ATTEMPTS = 3
    dispatched: list[int] = []
    monkeypatch.setattr("counseling.dispatch.dispatch_turn", dispatched.append)
    old = timezone.now() - timedelta(seconds=settings.MENTOS_TURN_TIMEOUT_S + 5)
    stuck = _dialog(alice_counsel, "멈춘 것", status="running", attempts=1, dt_dialog=old)
    spent = _dialog(alice_counsel, "다 쓴 것", status="pending", attempts=3, dt_dialog=old)
    fresh = _dialog(alice_counsel, "방금 것", status="pending")
    cache.clear()
    assert requeue_stuck_turns() == {"requeued": 1, "failed": 1}
    assert dispatched == [stuck.pk]
    spent.refresh_from_db()
    fresh.refresh_from_db()
    assert spent.status == "failed" and fresh.status == "pending"


def test_a_turn_costs_a_bounded_number_of_queries(alice_counsel, use_pipeline, frames, django_assert_max_num_queries) -> None:
    use_pipeline(FakePipeline())
    run_turn(_dialog(alice_counsel, "먼저 한 말").pk)  # the memory store exists from here on
    dialog = _dialog(alice_counsel)
    with django_assert_max_num_queries(8):
        assert run_turn(dialog.pk) == "done"
