"""Two tabs on one counsel both see the message and the whole stream."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from .conftest import communicator, receive_until, session_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def test_both_tabs_see_the_stream(alice_counsel, alice, offline_pipeline) -> None:
    headers = await database_sync_to_async(session_headers)(alice)
    tab1, tab2 = communicator(alice_counsel.pk, headers), communicator(alice_counsel.pk, headers)
    assert (await tab1.connect())[0] and (await tab2.connect())[0]
    try:
        await tab1.send_json_to({"type": "message", "text": "친구랑 싸워서 마음이 불편해요.", "client_msg_id": "t-1"})
        seen1 = await receive_until(tab1, "done")
        seen2 = await receive_until(tab2, "done")
    finally:
        await tab1.disconnect()
        await tab2.disconnect()
    assert seen1 == seen2
    assert [f["type"] for f in seen2][:2] == ["ack", "emotion"]
    assert seen2[0]["u_message"] == "친구랑 싸워서 마음이 불편해요."
