"""Small stand-in backends for orchestration tests: they record what the pipeline asks."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import Any

from inference.labels import EMOTION_LABELS
from inference.types import (
    CharacterStyle,
    CrisisResult,
    Emotion,
    GenerateRequest,
    MemoryItem,
    MemoryRecord,
)


def emotion_of(label: str) -> Emotion:
    rest = (1.0 - 0.6) / (len(EMOTION_LABELS) - 1)
    return Emotion(label, {k: (0.6 if k == label else rest) for k in EMOTION_LABELS})


class FakeEmotion:
    def __init__(self, **options: Any) -> None:
        self.calls: list[list[str]] = []

    def classify(self, texts: Sequence[str]) -> list[Emotion]:
        self.calls.append(list(texts))
        return [emotion_of("슬픔(우울한)" if "힘들" in t else "일상적인") for t in texts]


class FakeCrisis:
    def __init__(self, **options: Any) -> None:
        self.calls: list[str] = []

    def check(self, text: str, emotion: Emotion | None = None) -> CrisisResult:
        self.calls.append(text)
        hit = "죽고 싶" in text
        return CrisisResult(hit, "fake: 죽고 싶" if hit else "", ("죽고 싶",) if hit else ())


class FakeMemory:
    def __init__(self, **options: Any) -> None:
        self.items: dict[str, list[MemoryItem]] = {}
        self.calls: list[tuple[str, str, int, int | None]] = []

    def retrieve(self, user_key: str, query: str, k: int, exclude_dialog_id: int | None = None) -> list[MemoryItem]:
        self.calls.append((user_key, query, k, exclude_dialog_id))
        return self.items.get(user_key, [])[:k]

    def add(self, user_key: str, record: MemoryRecord) -> None:
        self.items.setdefault(user_key, []).append(
            MemoryItem(record.dialog_id, f"{record.u_message}\n{record.reply}", 0.5, record.u_message, record.reply)
        )

    def rebuild(self, user_key: str, records: Sequence[MemoryRecord]) -> None:
        self.items[user_key] = []
        for r in records:
            self.add(user_key, r)

    def delete_user(self, user_key: str) -> None:
        self.items.pop(user_key, None)

    def exists(self, user_key: str) -> bool:
        return user_key in self.items


class ScriptedLLM:
    """Yields fixed pieces, writing to `log` as it goes, optionally sleeping between them."""

    PIECES = ("그동안 많이 ", "힘드셨겠어요. ", "3.5시간밖에 못 ", "주무셨다니요! ", "요즘 어떤 생각이 ", "가장 많이 드세요?")

    def __init__(self, pieces: Sequence[str] = PIECES, delay_s: float = 0.0, log: list[str] | None = None,
                 **options: Any) -> None:
        self.pieces = tuple(pieces)
        self.delay_s = delay_s
        self.log = log if log is not None else []
        self.requests: list[GenerateRequest] = []

    def generate(self, request: GenerateRequest) -> Iterator[str]:
        self.requests.append(request)
        for i, piece in enumerate(self.pieces):
            if self.delay_s:
                time.sleep(self.delay_s)
            self.log.append(f"llm:{i}")
            yield piece
        self.log.append("llm:finished")


class TagStyle:
    """Marks every sentence with the character's slug, so styled text is recognisable."""

    def __init__(self, delay_s: float = 0.0, **options: Any) -> None:
        self.calls: list[list[str]] = []
        self.delay_s = delay_s

    def stylize(self, sentences: Sequence[str], character: CharacterStyle) -> list[str]:
        self.calls.append(list(sentences))
        if self.delay_s:
            time.sleep(self.delay_s)
        return [f"{s} [{character.slug}]" for s in sentences]


class Broken:
    """Raises `exc` from every stage method it is asked for."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def _raise(self, *args: Any, **kwargs: Any) -> Any:
        raise self.exc

    classify = check = retrieve = stylize = _raise

    def generate(self, request: GenerateRequest) -> Iterator[str]:
        yield "중간까지는 "
        raise self.exc
