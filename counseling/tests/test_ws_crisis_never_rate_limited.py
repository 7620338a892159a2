"""Someone who hit the message limit and then writes that they want to die still gets the
crisis reply with the helplines: the limit never silences a crisis."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from .conftest import communicator, receive_until, session_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def _use_up_the_limit(comm) -> None:
    for i in range(10):
        await comm.send_json_to({"type": "message", "text": f"메시지 {i}", "client_msg_id": f"r{i}"})
        await receive_until(comm, "done")


async def test_a_crisis_message_passes_the_rate_limit(alice_counsel, alice, use_pipeline) -> None:
    from .conftest import FakePipeline

    use_pipeline(FakePipeline(sentences=("알겠소.",)))
    comm = communicator(alice_counsel.pk, await database_sync_to_async(session_headers)(alice))
    assert (await comm.connect())[0]
    try:
        await _use_up_the_limit(comm)
        await comm.send_json_to({"type": "message", "text": "오늘 날씨 어때", "client_msg_id": "plain"})
        assert (await comm.receive_json_from(timeout=5))["code"] == "rate_limited"
        await comm.send_json_to({"type": "message", "text": "요즘 그냥 죽고 싶어요", "client_msg_id": "crisis"})
        frames = await receive_until(comm, "done")
        assert frames[0]["type"] == "ack" and frames[0]["client_msg_id"] == "crisis"
    finally:
        await comm.disconnect()
