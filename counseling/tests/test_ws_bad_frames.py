"""Bad frames get an error frame with a code, and the socket stays usable."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from counseling.models import Dialog

from .conftest import communicator, receive_until, session_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def test_every_bad_frame_gets_its_error_code_and_the_socket_stays_open(alice_counsel, alice, offline_pipeline) -> None:
    comm = communicator(alice_counsel.pk, await database_sync_to_async(session_headers)(alice))
    assert (await comm.connect())[0]
    try:
        async def error_for(raw: str) -> dict:
            await comm.send_to(text_data=raw)
            frame = await comm.receive_json_from(timeout=5)
            assert frame["type"] == "error" and frame["message"]
            return frame

        assert (await error_for("{not json"))["code"] == "invalid_json"
        assert (await error_for("[1, 2]"))["code"] == "invalid_json"
        assert (await error_for('{"type": "dance"}'))["code"] == "unknown_type"
        assert (await error_for('{"text": "안녕"}'))["code"] == "unknown_type"
        empty = await error_for('{"type": "message", "text": "   \\n ", "client_msg_id": "e1"}')
        assert empty["code"] == "empty_message" and empty["client_msg_id"] == "e1"
        long_text = "가" * 2001
        assert (await error_for(f'{{"type": "message", "text": "{long_text}", "client_msg_id": "e2"}}'))["code"] == "message_too_long"
        assert await Dialog.objects.acount() == 0

        # still usable: exactly 2,000 characters is accepted and answered
        longest = ("오늘 회사에서 힘든 일이 있었어요. " * 100)[:2000]
        await comm.send_json_to({"type": "message", "text": longest, "client_msg_id": "ok"})
        frames = await receive_until(comm, "done")
        assert frames[0]["type"] == "ack"
    finally:
        await comm.disconnect()


async def test_more_than_ten_messages_a_minute_are_rate_limited(alice_counsel, alice, use_pipeline) -> None:
    from .conftest import FakePipeline

    use_pipeline(FakePipeline(sentences=("알겠소.",)))
    comm = communicator(alice_counsel.pk, await database_sync_to_async(session_headers)(alice))
    assert (await comm.connect())[0]
    try:
        for i in range(10):
            await comm.send_json_to({"type": "message", "text": f"메시지 {i}", "client_msg_id": f"r{i}"})
            await receive_until(comm, "done")
        await comm.send_json_to({"type": "message", "text": "하나 더", "client_msg_id": "r10"})
        frame = await comm.receive_json_from(timeout=5)
        assert frame["type"] == "error" and frame["code"] == "rate_limited"
        # a resend of an accepted message is not a new message: answered, not limited
        await comm.send_json_to({"type": "message", "text": "메시지 3", "client_msg_id": "r3"})
        frames = await receive_until(comm, "done")
        assert frames[0]["type"] == "ack"
    finally:
        await comm.disconnect()
    assert await Dialog.objects.acount() == 10
