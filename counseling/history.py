"""Emotion history: aggregates over a user's dialogs and emotion logs, in a fixed number of
queries however long the history grows."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from inference.labels import EMOTION_LABELS, LABEL_GROUP, NEGATIVE, NEUTRAL, POSITIVE

from .models import Counsel, Dialog, EmotionLog

GROUPS = (POSITIVE, NEUTRAL, NEGATIVE)
# Date filters outside this range are refused (the edges of the calendar overflow).
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2999, 12, 31)
GROUP_COLORS = {POSITIVE: "#3a9d6a", NEUTRAL: "#9aa3ad", NEGATIVE: "#d0605e"}


def parse_day(raw: str) -> dt.date:
    """A YYYY-MM-DD date filter within EARLIEST..LATEST; ValueError saying what is wrong."""
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        raise ValueError("use YYYY-MM-DD") from None
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"use a date between {EARLIEST} and {LATEST}")
    return day


def day_start(day: dt.date) -> dt.datetime:
    """The first instant of a local calendar day, as an aware datetime."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def valence(distribution: dict[str, float]) -> float:
    """Positive share minus negative share, in [-1, 1]."""
    pos = sum(p for label, p in distribution.items() if LABEL_GROUP.get(label) == POSITIVE)
    neg = sum(p for label, p in distribution.items() if LABEL_GROUP.get(label) == NEGATIVE)
    return round(pos - neg, 3)


@dataclass
class DayRow:
    day: dt.date
    total: int
    label_share: dict[str, float]
    group_share: dict[str, float]


@dataclass
class CounselShift:
    counsel_id: int
    character_name: str
    dt_start: dt.datetime
    start_label: str
    end_label: str
    start_valence: float
    end_valence: float

    @property
    def shift(self) -> float:
        return round(self.end_valence - self.start_valence, 3)


@dataclass
class HistorySummary:
    days: list[DayRow] = field(default_factory=list)
    per_character: dict[str, dict[str, int]] = field(default_factory=dict)
    shifts: list[CounselShift] = field(default_factory=list)
    total_dialogs: int = 0

    @property
    def is_empty(self) -> bool:
        return self.total_dialogs == 0


def summarize(user: Any, date_from: dt.date | None = None, date_to: dt.date | None = None) -> HistorySummary:
    dialogs = Dialog.objects.filter(
        counsel__user=user, status=Dialog.Status.DONE, dialog_emotion__isnull=False
    )
    logs = EmotionLog.objects.filter(counsel__user=user)
    # Local days become aware datetime bounds: no __date lookups, which need the
    # database's time-zone tables on MySQL/MariaDB.
    if date_from:
        dialogs = dialogs.filter(dt_dialog__gte=day_start(date_from))
        logs = logs.filter(dt_emotion_log__gte=day_start(date_from))
    if date_to:
        dialogs = dialogs.filter(dt_dialog__lt=day_start(date_to + dt.timedelta(days=1)))
        logs = logs.filter(dt_emotion_log__lt=day_start(date_to + dt.timedelta(days=1)))

    by_day: dict[dt.date, Counter[str]] = defaultdict(Counter)
    per_character: dict[str, Counter[str]] = defaultdict(Counter)
    total = 0
    for when, emotion, character_name in dialogs.values_list(
        "dt_dialog", "dialog_emotion", "counsel__character__character_name"
    ).iterator(chunk_size=2000):
        label = (emotion or {}).get("label")
        if label not in LABEL_GROUP:
            continue
        total += 1
        by_day[timezone.localtime(when).date()][label] += 1
        per_character[character_name][label] += 1

    days = []
    for day in sorted(by_day):
        counts = by_day[day]
        n = sum(counts.values())
        group_counts: Counter[str] = Counter()
        for label, c in counts.items():
            group_counts[LABEL_GROUP[label]] += c
        days.append(
            DayRow(
                day=day,
                total=n,
                label_share={label: round(counts[label] / n, 3) for label in EMOTION_LABELS},
                group_share={g: round(group_counts[g] / n, 3) for g in GROUPS},
            )
        )

    first: dict[int, dict[str, Any]] = {}
    last: dict[int, dict[str, Any]] = {}
    for counsel_id, emotion in logs.order_by("emotion_id").values_list("counsel_id", "counsel_emotion").iterator(
        chunk_size=2000
    ):
        first.setdefault(counsel_id, emotion)
        last[counsel_id] = emotion
    shifts = []
    for counsel_id, character_name, dt_start in (
        Counsel.objects.filter(counsel_id__in=list(first))
        .order_by("dt_start")
        .values_list("counsel_id", "character__character_name", "dt_start")
    ):
        a, b = first[counsel_id], last[counsel_id]
        shifts.append(
            CounselShift(
                counsel_id=counsel_id,
                character_name=character_name,
                dt_start=dt_start,
                start_label=a.get("label", ""),
                end_label=b.get("label", ""),
                start_valence=valence(a.get("distribution", {})),
                end_valence=valence(b.get("distribution", {})),
            )
        )
    return HistorySummary(
        days=days,
        per_character={name: {label: c[label] for label in EMOTION_LABELS} for name, c in per_character.items()},
        shifts=shifts,
        total_dialogs=total,
    )


@dataclass
class FlowRow:
    index: int
    dialog_id: int | None
    dt: dt.datetime
    label: str
    valence: float
    distribution: dict[str, float]
    u_message: str
    reply: str
    dialog_label: str


def counsel_flow(counsel: Counsel) -> list[FlowRow]:
    """One session's emotional flow, turn by turn, with the messages beside it (2 queries)."""
    dialogs = {
        d["dialog_id"]: d
        for d in Dialog.objects.filter(counsel=counsel).values(
            "dialog_id", "u_message", "change_dialog", "ai_message", "dialog_emotion"
        )
    }
    rows = []
    for i, (dialog_id, emotion, when) in enumerate(
        EmotionLog.objects.filter(counsel=counsel)
        .order_by("emotion_id")
        .values_list("dialog_id", "counsel_emotion", "dt_emotion_log"),
        start=1,
    ):
        d = dialogs.get(dialog_id) or {}
        distribution = emotion.get("distribution", {})
        rows.append(
            FlowRow(
                index=i,
                dialog_id=dialog_id,
                dt=when,
                label=emotion.get("label", ""),
                valence=valence(distribution),
                distribution=distribution,
                u_message=d.get("u_message", ""),
                reply=d.get("change_dialog") or d.get("ai_message", ""),
                dialog_label=(d.get("dialog_emotion") or {}).get("label", ""),
            )
        )
    return rows
