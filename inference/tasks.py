"""Celery tasks on queue `inference` (CELERY_TASK_ROUTES): run a turn, and re-queue turns
that got stuck.

Late acks + reject-on-worker-lost: a worker killed mid-turn leaves the message unacked, so
the broker hands it to the next worker; run_turn never redoes a finished dialog.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from celery import shared_task
from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

log = logging.getLogger(__name__)


@shared_task(bind=True, name="inference.tasks.run_turn_task",
             acks_late=True, reject_on_worker_lost=True, max_retries=None, ignore_result=True)
def run_turn_task(self: Any, dialog_id: int) -> str:
    from counseling.turns import TurnRetry, run_turn

    try:
        return run_turn(dialog_id)
    except TurnRetry as retry:
        # run_turn counts attempts on the row and fails the dialog when they run out
        raise self.retry(countdown=retry.countdown) from retry
    except DatabaseError as exc:  # the database is down or locked: nothing was claimed or saved
        raise self.retry(countdown=2) from exc


@shared_task(name="inference.tasks.requeue_stuck_turns", ignore_result=True)
def requeue_stuck_turns() -> dict[str, int]:
    """Dialogs pending/running past MENTOS_TURN_TIMEOUT_S with no sign of life: run them
    again, or mark them failed once MENTOS_TURN_MAX_ATTEMPTS are spent."""
    from counseling.dispatch import restart_or_fail
    from counseling.models import Dialog

    cutoff = timezone.now() - timedelta(seconds=settings.MENTOS_TURN_TIMEOUT_S)
    stuck = Dialog.objects.filter(
        status__in=[Dialog.Status.PENDING, Dialog.Status.RUNNING], dt_dialog__lt=cutoff
    ).values_list("dialog_id", "attempts")[:500]
    counts = {"requeued": 0, "failed": 0}
    for dialog_id, attempts in stuck:
        outcome = restart_or_fail(dialog_id, attempts)
        if outcome is not None:
            counts[outcome] += 1
    if any(counts.values()):
        log.warning("stuck turns: %s", counts)
    return counts
