"""A crisis message gets the crisis protocol over the websocket, unstylized, and flags the
counsel for staff."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from counseling.models import Counsel, Dialog

from .conftest import communicator, receive_until, session_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def test_a_crisis_message_gets_helplines_and_flags_the_counsel(alice_counsel, alice, offline_pipeline) -> None:
    from inference.crisis_protocol import CRISIS_MESSAGE

    comm = communicator(alice_counsel.pk, await database_sync_to_async(session_headers)(alice))
    assert (await comm.connect())[0]
    try:
        await comm.send_json_to({"type": "message", "text": "요즘 너무 힘들어서 죽고 싶어요.", "client_msg_id": "sos"})
        frames = await receive_until(comm, "done")
    finally:
        await comm.disconnect()
    crisis = next(f for f in frames if f["type"] == "crisis")
    assert crisis["message"] == CRISIS_MESSAGE
    assert {"109", "1388"} <= {r["number"] for r in crisis["resources"]}
    assert frames[-1]["change_dialog"] == CRISIS_MESSAGE and frames[-1]["is_crisis"]
    assert (await Dialog.objects.aget(pk=crisis["dialog_id"])).is_crisis
    assert (await Counsel.objects.aget(pk=alice_counsel.pk)).is_crisis
