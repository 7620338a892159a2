"""One turn: the single function the Celery task and the in-process runner both call.

Idempotent: a dialog already done is never redone, and the final save is a conditional
update, so even two workers racing on one redelivered dialog store one reply, one
emotion_log row and one memory entry.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone

from inference.errors import StageError
from inference.labels import EMOTION_LABELS
from inference.types import HistoryTurn, TurnEvent, TurnInput, TurnResult

from .dispatch import mark_alive, publish
from .models import Counsel, Dialog, EmotionLog

log = logging.getLogger(__name__)

HISTORY_TURNS = 6  # recent turns of this counsel given to the LLM
EMOTION_ALPHA = 0.5  # weight of the newest dialog in the counsel's running emotion
PROGRESS_KEY = "turn-progress:{dialog_id}"
PROGRESS_TTL_S = 3600
ALIVE_EVERY_S = 5.0  # a long turn refreshes its sign of life this often, not per sentence


class TurnRetry(Exception):
    """A retryable failure with attempts left: run the turn again after `countdown` s."""

    def __init__(self, countdown: float, reason: str) -> None:
        super().__init__(reason)
        self.countdown = countdown


# --- the in-progress text, for `resume` -------------------------------------------------------
# Kept in the cache, not in change_dialog: one cache write per sentence is cheap where a
# database write per sentence per session is not, and the row gets the whole reply at `done`.
def progress_of(dialog_id: int) -> dict[str, Any] | None:
    return cache.get(PROGRESS_KEY.format(dialog_id=dialog_id))


def _save_progress(dialog_id: int, progress: dict[str, Any]) -> None:
    cache.set(PROGRESS_KEY.format(dialog_id=dialog_id), progress, timeout=PROGRESS_TTL_S)


# --- frames -----------------------------------------------------------------------------------
def done_frame(dialog: Dialog) -> dict[str, Any]:
    return {
        "type": "done",
        "dialog_id": dialog.dialog_id,
        "client_msg_id": dialog.client_msg_id,
        "u_message": dialog.u_message,
        "ai_message": dialog.ai_message,
        "change_dialog": dialog.change_dialog,
        "emotion": dialog.dialog_emotion or {},
        "is_crisis": dialog.is_crisis,
    }


def failed_frame(dialog_id: int) -> dict[str, Any]:
    from .actions import error_frame

    return {**error_frame("turn_failed"), "dialog_id": dialog_id}


# --- the turn ---------------------------------------------------------------------------------
def run_turn(dialog_id: int, loop: asyncio.AbstractEventLoop | None = None) -> str:
    """Run the turn of `dialog_id`; returns "done", "failed" or "skipped".

    Raises TurnRetry when a retryable stage failed and attempts are left.
    """
    dialog = _claim(dialog_id, loop)
    if dialog is None:
        return "skipped"
    counsel = dialog.counsel
    group = counsel.group_name
    try:
        result = _run_pipeline(dialog, group, loop)
    except Exception as exc:
        retryable = exc.retryable if isinstance(exc, StageError) else True
        reason = str(exc) or type(exc).__name__
        # the log names the stage and the error type only: a backend's message may quote
        # the user's words, which stay in Dialog.error alone
        where = f"{exc.stage}: {type(exc.__cause__ or exc).__name__}" if isinstance(exc, StageError) else type(exc).__name__
        log.warning("turn %s attempt %s failed: %s", dialog_id, dialog.attempts, where)
        if retryable and dialog.attempts < settings.MENTOS_TURN_MAX_ATTEMPTS:
            Dialog.objects.filter(pk=dialog_id, status=Dialog.Status.RUNNING).update(
                status=Dialog.Status.PENDING, error=reason[:2000]
            )
            mark_alive(dialog_id)
            raise TurnRetry(countdown=min(2 ** dialog.attempts, 30), reason=reason) from exc
        mark_failed(dialog_id, reason, loop)
        return "failed"
    try:
        saved = _save(dialog, result, loop)
    except DatabaseError as exc:  # e.g. a locked SQLite file: the claim stands, run it again
        log.warning("turn %s could not be saved: %s", dialog_id, exc)
        raise TurnRetry(countdown=1, reason=str(exc)) from exc
    return "done" if saved else "skipped"


def _claim(dialog_id: int, loop: asyncio.AbstractEventLoop | None) -> Dialog | None:
    # One conditional UPDATE: counts the attempt and marks the dialog running atomically,
    # even when a redelivered task and a re-queued one race for the same dialog.
    claimed = Dialog.objects.filter(
        pk=dialog_id, status__in=[Dialog.Status.PENDING, Dialog.Status.RUNNING],
        attempts__lt=settings.MENTOS_TURN_MAX_ATTEMPTS,
    ).update(status=Dialog.Status.RUNNING, attempts=F("attempts") + 1)
    if not claimed:
        left = Dialog.objects.filter(pk=dialog_id).values("status", "error").first()
        if left and left["status"] in (Dialog.Status.PENDING, Dialog.Status.RUNNING):
            mark_failed(dialog_id, left["error"] or "attempts exhausted", loop)
        return None
    mark_alive(dialog_id)
    return Dialog.objects.select_related("counsel__character", "counsel__user").get(pk=dialog_id)


def _turn_input(dialog: Dialog) -> TurnInput:
    from inference.django_glue import character_style

    counsel = dialog.counsel
    recent = list(
        Dialog.objects.filter(counsel=counsel, status=Dialog.Status.DONE, dialog_id__lt=dialog.dialog_id)
        .order_by("-dialog_id")
        .values_list("u_message", "ai_message")[:HISTORY_TURNS]
    )
    return TurnInput(
        text=dialog.u_message,
        character=character_style(counsel.character),
        user_key=_user_memory_key(counsel.user),
        dialog_id=dialog.dialog_id,
        history=tuple(HistoryTurn(u_message=u, reply=r) for u, r in reversed(recent)),
        seed=dialog.dialog_id,
    )


def _user_memory_key(user: Any) -> str:
    from inference import memory_store

    key = memory_store.ensure_memory(user)
    return key if isinstance(key, str) and key else user.memory_key


def _run_pipeline(dialog: Dialog, group: str, loop: asyncio.AbstractEventLoop | None) -> TurnResult:
    from inference.django_glue import get_pipeline

    dialog_id = dialog.dialog_id
    progress: dict[str, Any] = {"seq": -1, "text": "", "emotion": None}
    alive_at = [time.monotonic()]

    def emit(event: TurnEvent) -> None:
        data: Mapping[str, Any] = event.data
        if event.type == "emotion":
            progress["emotion"] = {"label": data["label"], "scores": dict(data["scores"])}
            _save_progress(dialog_id, progress)
            publish(group, {"type": "emotion", "dialog_id": dialog_id, **progress["emotion"]}, loop)
        elif event.type == "crisis":
            publish(group, {"type": "crisis", "dialog_id": dialog_id, "message": data["message"],
                            "resources": [dict(r) for r in data["resources"]]}, loop)
        elif event.type == "delta":
            text = str(data["text"])
            progress["seq"] = int(data["seq"])
            progress["text"] = f"{progress['text']} {text}".strip()
            _save_progress(dialog_id, progress)
            if time.monotonic() - alive_at[0] > ALIVE_EVERY_S:
                mark_alive(dialog_id)
                alive_at[0] = time.monotonic()
            publish(group, {"type": "delta", "dialog_id": dialog_id, "seq": progress["seq"], "text": text}, loop)
        # "done" goes out after the row is saved, so a client that reloads finds it

    return get_pipeline().run(_turn_input(dialog), emit=emit)


def _save(dialog: Dialog, result: TurnResult, loop: asyncio.AbstractEventLoop | None) -> bool:
    counsel = dialog.counsel
    fields = {
        "ai_message": result.reply,
        "change_dialog": result.styled,
        "dialog_emotion": result.emotion.as_dict(),
        "past_dialog": [m.as_dict() for m in result.memories],
        "timings": {k: round(float(v), 1) for k, v in result.timings_ms.items()},
        "is_crisis": result.crisis.is_crisis,
        "status": Dialog.Status.DONE,
        "error": "",
        "dt_done": timezone.now(),
    }
    with transaction.atomic():
        won = Dialog.objects.filter(pk=dialog.dialog_id).exclude(status=Dialog.Status.DONE).update(**fields)
        if not won:
            return False
        for name, value in fields.items():
            setattr(dialog, name, value)
        if result.crisis.is_crisis:
            Counsel.objects.filter(pk=counsel.pk).update(is_crisis=True)
        EmotionLog.objects.create(
            counsel=counsel, dialog_id=dialog.dialog_id,
            counsel_emotion=running_emotion(counsel, fields["dialog_emotion"]["scores"]),
            dt_emotion_log=fields["dt_done"],
        )
        transaction.on_commit(lambda: _after_save(dialog, loop))
    return True


def running_emotion(counsel: Counsel, scores: Mapping[str, float]) -> dict[str, Any]:
    """The counsel's emotion so far: an exponentially weighted average of its dialogs."""
    last = EmotionLog.objects.filter(counsel=counsel).order_by("-emotion_id").first()
    previous: Mapping[str, float] = (last.counsel_emotion or {}).get("distribution", {}) if last else {}
    if previous:
        dist = {k: EMOTION_ALPHA * float(scores.get(k, 0.0)) + (1 - EMOTION_ALPHA) * float(previous.get(k, 0.0))
                for k in EMOTION_LABELS}
    else:
        dist = {k: float(scores.get(k, 0.0)) for k in EMOTION_LABELS}
    total = sum(dist.values()) or 1.0
    dist = {k: round(v / total, 4) for k, v in dist.items()}
    return {"label": max(EMOTION_LABELS, key=lambda k: dist[k]), "distribution": dist}


def _after_save(dialog: Dialog, loop: asyncio.AbstractEventLoop | None) -> None:
    dialog_id = dialog.dialog_id
    publish(dialog.counsel.group_name, done_frame(dialog), loop)
    cache.delete(PROGRESS_KEY.format(dialog_id=dialog_id))
    try:
        from inference import memory_store

        memory_store.index_dialog(dialog)
    except Exception:  # memory is rebuilt from the table by ensure_memory; the reply stands
        log.exception("could not index dialog %s into memory", dialog_id)


def mark_failed(dialog_id: int, reason: str, loop: asyncio.AbstractEventLoop | None = None) -> None:
    """A dialog that failed for good: the user sees an error frame and can retry."""
    updated = (
        Dialog.objects.filter(pk=dialog_id)
        .exclude(status=Dialog.Status.DONE)
        .update(status=Dialog.Status.FAILED, error=reason[:2000])
    )
    if updated:
        counsel = Counsel.objects.only("counsel_id").get(dialogs__pk=dialog_id)
        publish(counsel.group_name, failed_frame(dialog_id), loop)
        cache.delete(PROGRESS_KEY.format(dialog_id=dialog_id))
