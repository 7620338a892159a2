"""A socket opened while signed in must not outlive the sign-in.

Today the consumer checks the session only at connect: after a logout, a password change
that logs other sessions out (a stolen session), a deactivation or an account deletion,
a socket that is already open still sends messages and still receives every frame of the
counsel, including what alice writes afterwards in another tab."""

from __future__ import annotations

from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.contrib.sessions.models import Session

from counseling.models import Dialog

from .conftest import communicator, login_cookie, ws_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STALE = (
    "consumers.py checks the session only in connect(): an open socket keeps working after "
    "logout / password change / deactivation (fix: re-check the session in receive() and "
    "chat_frame(), close 4401)"
)


async def _refused(comm: Any) -> bool:
    """True when the socket answers a frame by closing 4401 (or with no ack at all)."""
    await comm.send_json_to({"type": "message", "text": "로그아웃 뒤의 말", "client_msg_id": "after-logout"})
    output = await comm.receive_output(timeout=5)
    return output["type"] == "websocket.close" or '"ack"' not in output.get("text", "")


async def test_a_socket_takes_no_message_after_its_session_logged_out(alice_counsel: Any, alice: Any, no_turns: None) -> None:
    cookie = await database_sync_to_async(login_cookie)(alice)
    comm = communicator(alice_counsel.pk, ws_headers(cookie))
    assert (await comm.connect())[0]
    try:
        await Session.objects.filter(session_key=cookie).adelete()  # what logout() does
        assert await _refused(comm)
    finally:
        await comm.disconnect()
    assert await Dialog.objects.acount() == 0


async def test_a_socket_takes_no_message_after_the_account_is_deactivated(alice_counsel: Any, alice: Any, no_turns: None) -> None:
    comm = communicator(alice_counsel.pk, ws_headers(await database_sync_to_async(login_cookie)(alice)))
    assert (await comm.connect())[0]
    try:
        alice.is_active = False
        await alice.asave(update_fields=["is_active"])
        assert await _refused(comm)
    finally:
        await comm.disconnect()
    assert await Dialog.objects.acount() == 0


async def test_a_logged_out_socket_stops_receiving_the_counsels_frames(alice_counsel: Any, alice: Any) -> None:
    stolen = await database_sync_to_async(login_cookie)(alice)
    comm = communicator(alice_counsel.pk, ws_headers(stolen))
    assert (await comm.connect())[0]
    try:
        # alice changes her password: every other session, the stolen one too, is logged out
        alice.set_password("a-Brand-new-Passw0rd!")
        await alice.asave()
        await Session.objects.filter(session_key=stolen).adelete()
        # ... and then writes in her own tab: the frame goes to the counsel's group
        frame = {"type": "ack", "dialog_id": 1, "client_msg_id": "x", "u_message": "새 비밀", "status": "pending"}
        await get_channel_layer().group_send(alice_counsel.group_name, {"type": "chat.frame", "frame": frame})
        output = await comm.receive_output(timeout=2)
        assert output["type"] == "websocket.close" or "새 비밀" not in output.get("text", "")
    finally:
        await comm.disconnect()
