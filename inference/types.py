"""Frozen values that cross stage boundaries. No Django imports here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .labels import EMOTION_LABELS, group_of


@dataclass(frozen=True)
class Emotion:
    label: str
    scores: Mapping[str, float]  # every label of EMOTION_LABELS, summing to 1

    @property
    def group(self) -> str:
        return group_of(self.label)

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "scores": {k: round(float(self.scores[k]), 4) for k in EMOTION_LABELS}}


@dataclass(frozen=True)
class CrisisResult:
    is_crisis: bool
    reason: str = ""  # which rule or model fired, for staff and logs
    matched: tuple[str, ...] = ()  # the spans that triggered it

    def as_dict(self) -> dict[str, Any]:
        return {"crisis": self.is_crisis, "reason": self.reason}


@dataclass(frozen=True)
class CharacterStyle:
    """What the pipeline needs of a character (built from the `character` row)."""

    slug: str
    name: str = ""
    style_token: str = ""  # KoBART: "<token> 형식으로 변환:<sentence>"
    character_model: str = ""  # seq2seq model id/path; empty = no model conversion
    style_rules: Mapping[str, Any] = field(default_factory=dict)
    llm_adapter: str = ""


@dataclass(frozen=True)
class MemoryItem:
    """A past turn of the same user, returned by retrieval."""

    dialog_id: int
    text: str  # "user message\nreply" as indexed
    score: float  # similarity in [0, 1], higher is closer
    u_message: str = ""
    reply: str = ""
    dt: str = ""  # ISO date of the turn

    def as_dict(self) -> dict[str, Any]:
        return {"dialog_id": self.dialog_id, "text": self.text, "score": round(self.score, 4),
                "u_message": self.u_message, "reply": self.reply, "dt": self.dt}


@dataclass(frozen=True)
class MemoryRecord:
    """A finished turn to index into a user's memory."""

    dialog_id: int
    u_message: str
    reply: str
    dt: str = ""


@dataclass(frozen=True)
class HistoryTurn:
    """A recent turn of this counsel, for the LLM's context."""

    u_message: str
    reply: str


@dataclass(frozen=True)
class GenerateRequest:
    text: str
    emotion: Emotion
    memories: tuple[MemoryItem, ...] = ()
    history: tuple[HistoryTurn, ...] = ()
    character: CharacterStyle = CharacterStyle(slug="mentos")
    seed: int = 0


@dataclass(frozen=True)
class TurnInput:
    text: str
    character: CharacterStyle
    user_key: str = ""  # the memory store's key; "" = no memory
    dialog_id: int | None = None  # never retrieved by its own turn
    history: tuple[HistoryTurn, ...] = ()
    seed: int = 0


@dataclass(frozen=True)
class TurnEvent:
    """Emitted as the turn runs: type is emotion | crisis | delta | done."""

    type: str
    data: Mapping[str, Any]


@dataclass(frozen=True)
class TurnResult:
    emotion: Emotion
    crisis: CrisisResult
    memories: tuple[MemoryItem, ...]
    reply: str  # the LLM's reply (ai_message)
    styled: str  # the reply in the character's style (change_dialog)
    timings_ms: Mapping[str, float]
