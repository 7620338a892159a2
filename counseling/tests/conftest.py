"""Fixtures of the chat tests: websocket connections to the real ASGI app, stand-in
pipelines for failure cases, and a clean cache and turn runner around every test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from channels.testing import WebsocketCommunicator
from django.core.cache import cache
from django.test import Client

from inference.errors import StageError
from inference.labels import EMOTION_LABELS
from inference.types import CrisisResult, Emotion, TurnEvent, TurnInput, TurnResult

ORIGIN = (b"origin", b"http://127.0.0.1:8000")
WS_TIMEOUT = 30  # the first turn of a test process loads the morpheme analyser (~7 s on a busy CI box)


@pytest.fixture(autouse=True)
def _clean_chat_state() -> Iterator[None]:
    cache.clear()  # rate limits and turn progress from earlier tests
    yield
    from counseling.dispatch import wait_for_threads

    assert wait_for_threads(30), "a turn thread outlived its test"
    cache.clear()


def session_headers(user: Any | None, origin: tuple[bytes, bytes] = ORIGIN) -> list[tuple[bytes, bytes]]:
    """Headers of a browser logged in as `user` (sync: call via database_sync_to_async)."""
    headers = [origin]
    if user is not None:
        client = Client()
        client.force_login(user)
        headers.append((b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode()))
    return headers


def communicator(counsel_id: int, headers: list[tuple[bytes, bytes]]) -> WebsocketCommunicator:
    from mentos_site.asgi import application

    return WebsocketCommunicator(application, f"/ws/counsels/{counsel_id}/", headers=headers)


async def receive_until(comm: WebsocketCommunicator, frame_type: str, timeout: float = WS_TIMEOUT) -> list[dict[str, Any]]:
    """Every frame up to and including the first of `frame_type`."""
    frames: list[dict[str, Any]] = []
    while True:
        frame = await comm.receive_json_from(timeout=timeout)
        frames.append(frame)
        if frame["type"] == frame_type:
            return frames


# --- stand-in pipelines for failure paths -----------------------------------------------------
def _emotion() -> Emotion:
    scores = dict.fromkeys(EMOTION_LABELS, 0.0)
    scores["힘듦(지침)"] = 1.0
    return Emotion(label="힘듦(지침)", scores=scores)


class FakePipeline:
    """Emits like the real pipeline; `fail` makes it raise instead of generating."""

    def __init__(self, sentences: tuple[str, ...] = ("그대의 마음을 알겠소.", "천천히 이야기해 보시오."),
                 fail: StageError | None = None) -> None:
        self.sentences = sentences
        self.fail = fail
        self.calls = 0

    def run(self, turn: TurnInput, emit: Callable[[TurnEvent], None]) -> TurnResult:
        self.calls += 1
        emotion = _emotion()
        emit(TurnEvent("emotion", emotion.as_dict()))
        if self.fail is not None:
            raise self.fail
        for seq, text in enumerate(self.sentences):
            emit(TurnEvent("delta", {"seq": seq, "text": text}))
        styled = " ".join(self.sentences)
        result = TurnResult(emotion=emotion, crisis=CrisisResult(False), memories=(), reply=styled,
                            styled=styled, timings_ms={"total": 1.0})
        emit(TurnEvent("done", {"ai_message": styled, "change_dialog": styled}))
        return result


@pytest.fixture
def use_pipeline(monkeypatch: pytest.MonkeyPatch) -> Callable[[Any], Any]:
    def use(pipeline: Any) -> Any:
        monkeypatch.setattr("inference.django_glue.get_pipeline", lambda: pipeline)
        return pipeline

    return use


@pytest.fixture
def offline_pipeline() -> Any:
    """The real pipeline with the offline backends of settings (built here, so a broken
    backend fails the test at setup rather than as a failed turn)."""
    from inference.django_glue import get_pipeline

    return get_pipeline()
