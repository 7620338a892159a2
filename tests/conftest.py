from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from inference.labels import EMOTION_LABELS


def _distribution(label: str) -> dict[str, float]:
    rest = (1 - 0.6) / (len(EMOTION_LABELS) - 1)
    return {x: (0.6 if x == label else rest) for x in EMOTION_LABELS}


@pytest.fixture
def seed_history(db: None) -> Callable[..., Any]:
    """seed_history(user, character, n, days=3) -> Counsel with n finished dialogs and their logs."""
    from counseling.models import Counsel, Dialog, EmotionLog

    def seed(user: Any, character: Any, n: int, days: int = 3, labels: list[str] | None = None) -> Counsel:
        labels = labels or list(EMOTION_LABELS)
        start = timezone.now() - dt.timedelta(days=days)
        counsel = Counsel.objects.create(user=user, character=character, dt_start=start, greeting=character.greeting)
        step = dt.timedelta(days=days) / max(n, 1)
        dialogs = Dialog.objects.bulk_create(
            [
                Dialog(
                    counsel=counsel,
                    dt_dialog=start + step * i,
                    u_message=f"메시지 {i} 오늘 힘들었어요 😢",
                    client_msg_id=f"c{i}",
                    ai_message=f"답 {i}",
                    change_dialog=f"답 {i} 이오",
                    dialog_emotion={"label": labels[i % len(labels)], "scores": _distribution(labels[i % len(labels)])},
                    status=Dialog.Status.DONE,
                    dt_done=start + step * i,
                )
                for i in range(n)
            ]
        )
        if not all(d.pk for d in dialogs):  # backends without RETURNING (MariaDB) give no ids
            dialogs = list(Dialog.objects.filter(counsel=counsel).order_by("dialog_id"))
        EmotionLog.objects.bulk_create(
            [
                EmotionLog(
                    counsel=counsel,
                    dialog=d,
                    counsel_emotion={"label": d.dialog_emotion["label"], "distribution": d.dialog_emotion["scores"]},
                    dt_emotion_log=d.dt_dialog,
                )
                for d in dialogs
            ]
        )
        return counsel

    return seed
