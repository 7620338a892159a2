"""Who may open a counsel's websocket: the owner only, from an allowed Origin."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from .conftest import communicator, session_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def _close_code(counsel_id: int, headers: list[tuple[bytes, bytes]]) -> int | None:
    comm = communicator(counsel_id, headers)
    connected, code = await comm.connect()
    try:
        if not connected:
            return code
        output = await comm.receive_output(timeout=5)
        assert output["type"] == "websocket.close"
        return output["code"]
    finally:
        await comm.disconnect()


async def test_it_closes_4401_for_an_anonymous_visitor(alice_counsel) -> None:
    assert await _close_code(alice_counsel.pk, await database_sync_to_async(session_headers)(None)) == 4401


async def test_it_closes_4403_on_someone_elses_counsel(alice_counsel, bob) -> None:
    assert await _close_code(alice_counsel.pk, await database_sync_to_async(session_headers)(bob)) == 4403


async def test_it_closes_4404_for_a_counsel_that_does_not_exist(alice) -> None:
    assert await _close_code(999999, await database_sync_to_async(session_headers)(alice)) == 4404


async def test_it_refuses_a_foreign_origin(alice_counsel, alice) -> None:
    headers = await database_sync_to_async(session_headers)(alice, (b"origin", b"http://evil.example"))
    comm = communicator(alice_counsel.pk, headers)
    connected, _ = await comm.connect()
    await comm.disconnect()
    assert not connected


async def test_the_owner_gets_in(alice_counsel, alice) -> None:
    comm = communicator(alice_counsel.pk, await database_sync_to_async(session_headers)(alice))
    connected, _ = await comm.connect()
    try:
        assert connected
        assert await comm.receive_nothing(timeout=0.2)
    finally:
        await comm.disconnect()
