"""Ending a counsel: every tab hears it, and no message is taken after."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from counseling.models import Counsel, Dialog

from .conftest import communicator, session_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def test_end_closes_the_counsel_for_every_tab(alice_counsel, alice) -> None:
    headers = await database_sync_to_async(session_headers)(alice)
    tab1, tab2 = communicator(alice_counsel.pk, headers), communicator(alice_counsel.pk, headers)
    assert (await tab1.connect())[0] and (await tab2.connect())[0]
    try:
        await tab1.send_json_to({"type": "end"})
        assert await tab1.receive_json_from(timeout=5) == {"type": "ended", "counsel_id": alice_counsel.pk}
        assert await tab2.receive_json_from(timeout=5) == {"type": "ended", "counsel_id": alice_counsel.pk}
        await tab2.send_json_to({"type": "message", "text": "아직 할 말이 있어요", "client_msg_id": "late"})
        assert (await tab2.receive_json_from(timeout=5))["code"] == "counsel_ended"
        await tab1.send_json_to({"type": "end"})
        assert (await tab1.receive_json_from(timeout=5))["code"] == "counsel_ended"
    finally:
        await tab1.disconnect()
        await tab2.disconnect()
    counsel = await Counsel.objects.aget(pk=alice_counsel.pk)
    assert counsel.dt_end is not None and not counsel.is_open
    assert await Dialog.objects.acount() == 0
