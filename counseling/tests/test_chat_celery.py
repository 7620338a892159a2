"""Across processes: daphne + Redis + a real Celery worker. A conversation completes; a
worker SIGKILLed mid-turn leaves the message unacked, and once a worker runs again the
turn completes exactly once."""

from __future__ import annotations

import json
import sqlite3
import time
from typing import Any

import pytest
from websockets.sync.client import ClientConnection, connect

from .live import LiveStack

pytestmark = [pytest.mark.redis, pytest.mark.celery]

VISIBILITY_S = 2  # how long an unacked turn stays with a dead worker before redelivery


def _frames_until(ws: ClientConnection, frame_type: str, dialog_id: int | None = None,
                  timeout: float = 60) -> list[dict[str, Any]]:
    frames: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    while True:
        frame = json.loads(ws.recv(timeout=max(0.1, deadline - time.monotonic())))
        frames.append(frame)
        if frame["type"] == frame_type and (dialog_id is None or frame.get("dialog_id") == dialog_id):
            return frames


@pytest.fixture
def private_redis_url(redis_url: str) -> str:
    """A Redis database of this test's own: other tests flush db 15 while a turn sits unacked."""
    import redis

    url = redis_url.rsplit("/", 1)[0] + "/13"
    redis.Redis.from_url(url).flushdb()
    return url


@pytest.fixture
def stack(tmp_path, private_redis_url):
    live = LiveStack(
        tmp_path, redis_url=private_redis_url, MENTOS_TURN_RUNNER="celery",
        CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_S),
        MENTOS_LLM_BACKEND="counseling.tests.slow_backend.SlowLLMBackend",
        MENTOS_WARM_MODELS="true",  # the worker loads the pipeline before it says ready
    )
    yield live
    live.stop()


def test_a_killed_worker_loses_no_turn_and_none_runs_twice(stack: LiveStack) -> None:
    worker1 = stack.start("worker1", stack.worker_argv("worker1"), MENTOS_TEST_LLM_DELAY_S="0.5")
    seeded = stack.seed("alice:seonbi")["alice"]  # migrates while the worker starts
    stack.start_daphne()
    stack.wait_ready("worker1", worker1)
    headers = {"Origin": stack.base_url, "Cookie": f"sessionid={seeded['session']}"}
    with connect(f"{stack.ws_url}/ws/counsels/{seeded['counsel']}/", additional_headers=headers) as ws:
        ws.send(json.dumps({"type": "message", "text": "요즘 잠을 잘 못 자요.", "client_msg_id": "c-1"}))
        first = _frames_until(ws, "done")
        assert [f["type"] for f in first][:2] == ["ack", "emotion"]
        assert sum(f["type"] == "delta" for f in first) >= 2, stack.log("worker1")

        ws.send(json.dumps({"type": "message", "text": "회사 일이 너무 많아서 지쳐요.", "client_msg_id": "c-2"}))
        started = _frames_until(ws, "delta")
        dialog_id = started[0]["dialog_id"]
        stack.kill("worker1")  # SIGKILL mid-turn: the task is neither acked nor finished
        time.sleep(VISIBILITY_S)
        stack.start_worker("worker2", MENTOS_TEST_LLM_DELAY_S="0")
        rest = _frames_until(ws, "done", dialog_id=dialog_id, timeout=90)
        time.sleep(1.0)  # any second run would publish a second done by now
        ws.send(json.dumps({"type": "resume", "after": dialog_id}))
        ws.send(json.dumps({"type": "dance"}))
        tail = _frames_until(ws, "error")
    assert not [f for f in tail if f["type"] == "done"], tail

    with sqlite3.connect(stack.tmp / "live.sqlite3") as db:
        rows = db.execute("select dialog_id, status, attempts, change_dialog from dialog order by dialog_id").fetchall()
        logs = db.execute("select count(*) from emotion_log").fetchone()[0]
    assert [(r[1]) for r in rows] == ["done", "done"]
    assert rows[1][0] == dialog_id and rows[1][2] == 2  # the killed attempt and the one that finished
    assert rows[1][3] == rest[-1]["change_dialog"]
    assert logs == 2
