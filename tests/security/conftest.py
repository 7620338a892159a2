"""Helpers of the security tests: a browser session for a user, websocket connections to the
real ASGI app, and a clean cache (rate limits) around every test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from channels.testing import WebsocketCommunicator
from django.core.cache import cache
from django.test import Client

ORIGIN = (b"origin", b"http://127.0.0.1:8000")


@pytest.fixture(autouse=True)
def _clean_cache() -> Iterator[None]:
    cache.clear()  # rate limits and throttles of earlier tests
    yield
    from counseling.dispatch import wait_for_threads

    assert wait_for_threads(30), "a turn thread outlived its test"
    cache.clear()


def login_cookie(user: Any) -> str:
    """A fresh session of `user` (sync: call through database_sync_to_async)."""
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def ws_headers(session_key: str | None, origin: tuple[bytes, bytes] = ORIGIN) -> list[tuple[bytes, bytes]]:
    headers = [origin]
    if session_key:
        headers.append((b"cookie", f"sessionid={session_key}".encode()))
    return headers


def communicator(counsel_id: int | str, headers: list[tuple[bytes, bytes]]) -> WebsocketCommunicator:
    from mentos_site.asgi import application

    return WebsocketCommunicator(application, f"/ws/counsels/{counsel_id}/", headers=headers)


class NoTurns:
    """Stand-in pipeline that must never be reached: security tests only look at what the
    socket answers before a turn would run."""

    def run(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("no turn should run in this test")


@pytest.fixture
def no_turns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("counseling.dispatch.dispatch_turn", lambda dialog_id: None)
    monkeypatch.setattr("counseling.actions.dispatch_turn", lambda dialog_id: None)


async def close_code(counsel_id: int | str, headers: list[tuple[bytes, bytes]]) -> int | None:
    """The close code the server answers a connection with; None if it stays open."""
    comm = communicator(counsel_id, headers)
    connected, code = await comm.connect()
    try:
        if not connected:
            return code if code is not None else 1000
        if await comm.receive_nothing(timeout=0.5):
            return None
        output = await comm.receive_output(timeout=1)
        return output["code"] if output["type"] == "websocket.close" else None
    finally:
        await comm.disconnect()


def failed_dialog(counsel: Any, text: str = "앨리스의 비밀 이야기", client_msg_id: str = "secret-1") -> Any:
    from counseling.models import Dialog

    return Dialog.objects.create(counsel=counsel, u_message=text, client_msg_id=client_msg_id, status="failed")


def done_dialog(counsel: Any, text: str = "앨리스의 비밀 이야기", client_msg_id: str = "secret-1") -> Any:
    from counseling.models import Dialog

    return Dialog.objects.create(
        counsel=counsel, u_message=text, client_msg_id=client_msg_id, status="done",
        ai_message="비밀을 들었소.", change_dialog="비밀을 들었소.",
        dialog_emotion={"label": "슬픔(우울한)", "scores": {"슬픔(우울한)": 1.0}},
    )
