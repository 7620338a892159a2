"""Embedded runner: a turn that a restart left pending is started again when the chat
reconnects, and one whose attempts are spent is failed so the page can offer a retry."""

from __future__ import annotations

import datetime as dt

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from counseling.models import Dialog

from .conftest import communicator, receive_until, session_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _orphan(counsel, attempts: int) -> Dialog:
    return Dialog.objects.create(
        counsel=counsel, u_message="요즘 잠을 잘 못 자요", client_msg_id=f"orphan-{attempts}",
        status="running" if attempts else "pending", attempts=attempts,
        dt_dialog=timezone.now() - dt.timedelta(minutes=5),
    )


async def test_a_turn_left_pending_by_a_restart_completes_when_the_chat_reconnects(alice_counsel, alice, offline_pipeline) -> None:
    orphan = await database_sync_to_async(_orphan)(alice_counsel, 0)
    comm = communicator(alice_counsel.pk, await database_sync_to_async(session_headers)(alice))
    assert (await comm.connect())[0]
    try:
        frames = await receive_until(comm, "done")
    finally:
        await comm.disconnect()
    assert frames[-1]["dialog_id"] == orphan.pk
    await database_sync_to_async(orphan.refresh_from_db)()
    assert orphan.status == "done" and orphan.change_dialog


async def test_a_turn_out_of_attempts_is_failed_instead(alice_counsel, alice, settings) -> None:
    orphan = await database_sync_to_async(_orphan)(alice_counsel, settings.MENTOS_TURN_MAX_ATTEMPTS)
    comm = communicator(alice_counsel.pk, await database_sync_to_async(session_headers)(alice))
    assert (await comm.connect())[0]
    await comm.disconnect()
    await database_sync_to_async(orphan.refresh_from_db)()
    assert orphan.status == "failed"
