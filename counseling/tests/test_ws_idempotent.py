"""The same client_msg_id twice makes one dialog, not two."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from counseling.models import Dialog

from .conftest import communicator, receive_until, session_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def test_a_resent_message_makes_one_dialog_and_gets_its_reply(alice_counsel, alice, offline_pipeline) -> None:
    comm = communicator(alice_counsel.pk, await database_sync_to_async(session_headers)(alice))
    assert (await comm.connect())[0]
    try:
        message = {"type": "message", "text": "오늘 시험을 망쳐서 속상해요.", "client_msg_id": "same-1"}
        await comm.send_json_to(message)
        first = await receive_until(comm, "done")
        await comm.send_json_to(message)
        again = await receive_until(comm, "done")
        assert await comm.receive_nothing(timeout=0.3)
    finally:
        await comm.disconnect()
    assert [f["type"] for f in again] == ["ack", "done"]
    assert again[0]["dialog_id"] == first[0]["dialog_id"]
    assert again[1]["change_dialog"] == first[-1]["change_dialog"]
    assert await Dialog.objects.acount() == 1
