"""One typed interface per stage. Backends implement these; the pipeline only calls them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

from .types import (
    CharacterStyle,
    CrisisResult,
    Emotion,
    GenerateRequest,
    MemoryItem,
    MemoryRecord,
)


@runtime_checkable
class EmotionBackend(Protocol):
    def classify(self, texts: Sequence[str]) -> list[Emotion]:
        """One Emotion per text, in order (batched where the backend can)."""
        ...


@runtime_checkable
class CrisisBackend(Protocol):
    def check(self, text: str, emotion: Emotion | None = None) -> CrisisResult: ...


@runtime_checkable
class MemoryBackend(Protocol):
    def retrieve(
        self, user_key: str, query: str, k: int, exclude_dialog_id: int | None = None
    ) -> list[MemoryItem]:
        """Top-k past turns of this user, best first."""
        ...

    def add(self, user_key: str, record: MemoryRecord) -> None:
        """Index one finished turn (idempotent per dialog_id)."""
        ...

    def rebuild(self, user_key: str, records: Sequence[MemoryRecord]) -> None:
        """Replace the user's store with exactly these turns."""
        ...

    def delete_user(self, user_key: str) -> None:
        """Remove everything stored for this user, files included."""
        ...

    def exists(self, user_key: str) -> bool: ...


@runtime_checkable
class LLMBackend(Protocol):
    def generate(self, request: GenerateRequest) -> Iterator[str]:
        """The reply as text pieces, yielded as they are produced (a model streams)."""
        ...


@runtime_checkable
class StyleBackend(Protocol):
    def stylize(self, sentences: Sequence[str], character: CharacterStyle) -> list[str]:
        """Each sentence in the character's 말투, in order (batched where it can)."""
        ...
