"""Small values the model-backend tests build over and over."""

from __future__ import annotations

from inference.labels import EMOTION_LABELS
from inference.types import CharacterStyle, Emotion, GenerateRequest, HistoryTurn, MemoryItem


def emotion(label: str = "힘듦(지침)") -> Emotion:
    scores = dict.fromkeys(EMOTION_LABELS, 0.0)
    scores[label] = 1.0
    return Emotion(label=label, scores=scores)


def request(
    text: str = "요즘 회사 일 때문에 너무 힘들어요.",
    *,
    seed: int = 3,
    adapter: str = "",
    history: tuple[HistoryTurn, ...] = (),
    memories: tuple[MemoryItem, ...] = (),
) -> GenerateRequest:
    return GenerateRequest(
        text=text,
        emotion=emotion(),
        memories=memories,
        history=history,
        character=CharacterStyle(slug="expert", llm_adapter=adapter),
        seed=seed,
    )
