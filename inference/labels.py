"""The emotion label set: `nlp04/korean_sentiment_analysis_kcelectra`, ids 0–10.

Every emotion backend returns exactly these labels, so stored history stays comparable.
"""

from __future__ import annotations

EMOTION_LABELS: tuple[str, ...] = (
    "기쁨(행복한)",
    "고마운",
    "설레는(기대하는)",
    "사랑하는",
    "즐거운(신나는)",
    "일상적인",
    "생각이 많은",
    "슬픔(우울한)",
    "힘듦(지침)",
    "짜증남",
    "걱정스러운(불안한)",
)

POSITIVE = "positive"
NEUTRAL = "neutral"
NEGATIVE = "negative"

LABEL_GROUP: dict[str, str] = {
    **{label: POSITIVE for label in EMOTION_LABELS[0:5]},
    **{label: NEUTRAL for label in EMOTION_LABELS[5:7]},
    **{label: NEGATIVE for label in EMOTION_LABELS[7:11]},
}


def group_of(label: str) -> str:
    return LABEL_GROUP[label]
