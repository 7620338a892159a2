"""One turn: emotion → crisis → retrieve → generate → stylize, emitting events as it goes.

Django-free. The same run feeds a websocket (through the turn runner) and the shell
command; both only consume the events and the returned TurnResult.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import Any

from .base import CrisisBackend, EmotionBackend, LLMBackend, MemoryBackend, StyleBackend
from .errors import StageError
from .sentences import SentenceSplitter
from .types import (
    Emotion,
    GenerateRequest,
    MemoryItem,
    TurnEvent,
    TurnInput,
    TurnResult,
)

Emit = Callable[[TurnEvent], None]
STAGES = ("emotion", "crisis", "retrieve", "generate", "stylize")


@contextlib.contextmanager
def stage_errors(stage: str) -> Iterator[None]:
    """Turn whatever a backend raises into a StageError that says whether a retry helps."""
    try:
        yield
    except StageError:
        raise
    except (OSError, TimeoutError, ConnectionError) as exc:  # transient: disk, network, timeouts
        raise StageError(stage, f"{type(exc).__name__}: {exc}", retryable=True) from exc
    except Exception as exc:  # a bug or a bad configuration: running again will not help
        raise StageError(stage, f"{type(exc).__name__}: {exc}", retryable=False) from exc


class _Clock:
    """Milliseconds per stage; generate and stylize add up across sentences."""

    def __init__(self) -> None:
        self.ms: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self._t0 = time.perf_counter()

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            with stage_errors(name):
                yield
        finally:
            self.ms[name] += (time.perf_counter() - start) * 1000.0

    def result(self) -> dict[str, float]:
        out = {k: round(v, 3) for k, v in self.ms.items()}
        out["total"] = round((time.perf_counter() - self._t0) * 1000.0, 3)
        return out


def _crisis_protocol() -> tuple[str, list[dict[str, Any]]]:
    # Imported on use: the crisis text is owned by another module and only needed on crisis.
    from .crisis_protocol import CRISIS_MESSAGE, CRISIS_RESOURCES

    return CRISIS_MESSAGE, [dict(r) for r in CRISIS_RESOURCES]


class Pipeline:
    def __init__(
        self,
        emotion: EmotionBackend,
        crisis: CrisisBackend,
        memory: MemoryBackend,
        llm: LLMBackend,
        style: StyleBackend,
        top_k: int = 3,
    ) -> None:
        self.emotion = emotion
        self.crisis = crisis
        self.memory = memory
        self.llm = llm
        self.style = style
        self.top_k = top_k

    def run(self, turn: TurnInput, emit: Emit | None = None) -> TurnResult:
        send: Emit = emit or (lambda event: None)
        clock = _Clock()

        with clock.stage("emotion"):
            emotions = self.emotion.classify([turn.text])
            if len(emotions) != 1:
                raise StageError("emotion", f"expected 1 result, got {len(emotions)}", retryable=False)
            emotion = emotions[0]
        send(TurnEvent("emotion", emotion.as_dict()))

        with clock.stage("crisis"):
            crisis = self.crisis.check(turn.text, emotion)

        memories: tuple[MemoryItem, ...] = ()
        if crisis.is_crisis:
            # The crisis reply is fixed text, never generated and never put into a 말투.
            with clock.stage("crisis"):
                message, resources = _crisis_protocol()
            send(TurnEvent("crisis", {"message": message, "resources": resources}))
            send(TurnEvent("delta", {"seq": 0, "text": message}))
            reply, styled = message, message
        else:
            with clock.stage("retrieve"):
                memories = self._retrieve(turn)
            reply, styled = self._generate_and_stylize(turn, emotion, memories, clock, send)

        timings = clock.result()
        result = TurnResult(
            emotion=emotion, crisis=crisis, memories=memories, reply=reply, styled=styled,
            timings_ms=timings,
        )
        send(TurnEvent("done", done_payload(result)))
        return result

    def _retrieve(self, turn: TurnInput) -> tuple[MemoryItem, ...]:
        if not turn.user_key or self.top_k <= 0:
            return ()
        found = self.memory.retrieve(
            turn.user_key, turn.text, self.top_k, exclude_dialog_id=turn.dialog_id
        )
        # The backend promises this; a memory must never quote the turn being answered.
        return tuple(m for m in found if turn.dialog_id is None or m.dialog_id != turn.dialog_id)

    def _generate_and_stylize(
        self,
        turn: TurnInput,
        emotion: Emotion,
        memories: tuple[MemoryItem, ...],
        clock: _Clock,
        send: Emit,
    ) -> tuple[str, str]:
        request = GenerateRequest(
            text=turn.text, emotion=emotion, memories=memories, history=turn.history,
            character=turn.character, seed=turn.seed,
        )
        splitter = SentenceSplitter()
        raw: list[str] = []
        styled: list[str] = []

        def deliver(sentences: list[str]) -> None:
            for sentence in sentences:
                with clock.stage("stylize"):
                    out = self.style.stylize([sentence], turn.character)
                    if len(out) != 1:
                        raise StageError("stylize", f"expected 1 sentence, got {len(out)}", retryable=False)
                text = out[0].strip()
                if text:
                    send(TurnEvent("delta", {"seq": len(styled), "text": text}))
                    styled.append(text)

        with clock.stage("generate"):
            pieces = iter(self.llm.generate(request))
        try:
            while True:
                # Only waiting for the next piece counts as "generate": each finished sentence
                # is stylized and sent in between (a threaded model keeps generating meanwhile).
                with clock.stage("generate"):
                    piece = next(pieces, None)
                if piece is None:
                    break
                raw.append(piece)
                deliver(splitter.feed(piece))
        finally:
            # On any failure, let the backend stop its model run and free what it holds.
            close = getattr(pieces, "close", None)
            if callable(close):
                close()
        deliver(splitter.flush())

        reply = "".join(raw).strip()
        if not reply:
            raise StageError("generate", "the generator produced no text", retryable=True)
        return reply, " ".join(styled)


def done_payload(result: TurnResult) -> dict[str, Any]:
    return {
        "ai_message": result.reply,
        "change_dialog": result.styled,
        "emotion": result.emotion.as_dict(),
        "crisis": result.crisis.is_crisis,
        "timings_ms": dict(result.timings_ms),
        "past_dialog": [m.as_dict() for m in result.memories],
    }


