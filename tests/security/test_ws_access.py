"""The chat websocket from the outsider's side: alice owns the counsel, bob does not.

Bob must never read or touch alice's dialogs, not even through his own counsel's socket
(resume, retry and a reused client_msg_id all stay inside the socket's own counsel)."""

from __future__ import annotations

from typing import Any

import pytest
from channels.db import database_sync_to_async

from counseling.models import Counsel, Dialog

from .conftest import close_code, communicator, done_dialog, failed_dialog, login_cookie, ws_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def _cookie(user: Any) -> str:
    return await database_sync_to_async(login_cookie)(user)


async def test_an_anonymous_visitor_is_closed_with_4401(alice_counsel: Any) -> None:
    assert await close_code(alice_counsel.pk, ws_headers(None)) == 4401


async def test_bob_is_closed_with_4403_on_alices_counsel(alice_counsel: Any, bob: Any) -> None:
    assert await close_code(alice_counsel.pk, ws_headers(await _cookie(bob))) == 4403


async def test_a_missing_counsel_is_closed_with_4404(alice: Any) -> None:
    assert await close_code(10**12, ws_headers(await _cookie(alice))) == 4404


@pytest.mark.parametrize(
    "origin",
    [None, b"http://evil.example", b"http://127.0.0.1.evil.example", b"null", b"http://localhost.evil.example:8000"],
)
async def test_a_foreign_or_missing_origin_never_connects(alice_counsel: Any, alice: Any, origin: bytes | None) -> None:
    headers = ws_headers(await _cookie(alice))
    headers = [h for h in headers if h[0] != b"origin"] + ([(b"origin", origin)] if origin else [])
    comm = communicator(alice_counsel.pk, headers)
    connected, _ = await comm.connect()
    await comm.disconnect()
    assert not connected


async def test_an_inactive_user_is_closed_with_4401(alice_counsel: Any, alice: Any) -> None:
    cookie = await _cookie(alice)
    alice.is_active = False
    await alice.asave(update_fields=["is_active"])
    assert await close_code(alice_counsel.pk, ws_headers(cookie)) == 4401


async def test_a_session_from_before_a_password_change_is_closed_with_4401(alice_counsel: Any, alice: Any) -> None:
    cookie = await _cookie(alice)  # e.g. a stolen session; alice then changes her password
    alice.set_password("a-Brand-new-Passw0rd!")
    await alice.asave()
    assert await close_code(alice_counsel.pk, ws_headers(cookie)) == 4401


async def test_bob_cannot_resume_alices_dialogs_through_his_own_counsel(
    alice_counsel: Any, bob: Any, seonbi: Any
) -> None:
    await database_sync_to_async(done_dialog)(alice_counsel)
    bobs = await Counsel.objects.acreate(user=bob, character=seonbi)
    comm = communicator(bobs.pk, ws_headers(await _cookie(bob)))
    assert (await comm.connect())[0]
    try:
        for after in (0, -1, "0"):
            await comm.send_json_to({"type": "resume", "after": after})
        assert await comm.receive_nothing(timeout=0.5)  # bob's counsel has no dialogs: nothing at all
    finally:
        await comm.disconnect()


async def test_bob_cannot_retry_alices_dialog_through_his_own_counsel(
    alice_counsel: Any, bob: Any, seonbi: Any, no_turns: None
) -> None:
    alices = await database_sync_to_async(failed_dialog)(alice_counsel)
    bobs = await Counsel.objects.acreate(user=bob, character=seonbi)
    comm = communicator(bobs.pk, ws_headers(await _cookie(bob)))
    assert (await comm.connect())[0]
    try:
        for dialog_id in (alices.pk, str(alices.pk), float(alices.pk)):
            await comm.send_json_to({"type": "retry", "dialog_id": dialog_id})
            frame = await comm.receive_json_from(timeout=5)
            assert frame["type"] == "error" and frame["code"] in ("forbidden", "not_found")
            assert "앨리스" not in str(frame)
        assert await comm.receive_nothing(timeout=0.3)
    finally:
        await comm.disconnect()
    again = await Dialog.objects.aget(pk=alices.pk)
    assert (again.status, again.attempts) == ("failed", 0)


async def test_reusing_alices_client_msg_id_gives_bob_his_own_dialog(
    alice_counsel: Any, bob: Any, seonbi: Any, no_turns: None
) -> None:
    alices = await database_sync_to_async(done_dialog)(alice_counsel, client_msg_id="guess-me")
    bobs = await Counsel.objects.acreate(user=bob, character=seonbi)
    comm = communicator(bobs.pk, ws_headers(await _cookie(bob)))
    assert (await comm.connect())[0]
    try:
        await comm.send_json_to({"type": "message", "text": "밥의 말", "client_msg_id": "guess-me"})
        frame = await comm.receive_json_from(timeout=5)
    finally:
        await comm.disconnect()
    assert frame["type"] == "ack" and frame["u_message"] == "밥의 말" and frame["dialog_id"] != alices.pk
    assert "앨리스" not in str(frame)
    assert await Dialog.objects.filter(counsel=bobs).acount() == 1


async def test_frames_of_alices_counsel_never_reach_bobs_socket(
    alice_counsel: Any, alice: Any, bob: Any, seonbi: Any, no_turns: None
) -> None:
    bobs = await Counsel.objects.acreate(user=bob, character=seonbi)
    bob_comm = communicator(bobs.pk, ws_headers(await _cookie(bob)))
    alice_comm = communicator(alice_counsel.pk, ws_headers(await _cookie(alice)))
    assert (await bob_comm.connect())[0] and (await alice_comm.connect())[0]
    try:
        await alice_comm.send_json_to({"type": "message", "text": "앨리스의 비밀", "client_msg_id": "a1"})
        assert (await alice_comm.receive_json_from(timeout=5))["type"] == "ack"
        assert await bob_comm.receive_nothing(timeout=0.5)
    finally:
        await bob_comm.disconnect()
        await alice_comm.disconnect()


async def test_an_ended_counsel_takes_no_message_and_no_retry(alice_counsel: Any, alice: Any, no_turns: None) -> None:
    failed = await database_sync_to_async(failed_dialog)(alice_counsel)
    from django.utils import timezone

    await Counsel.objects.filter(pk=alice_counsel.pk).aupdate(dt_end=timezone.now())
    comm = communicator(alice_counsel.pk, ws_headers(await _cookie(alice)))
    assert (await comm.connect())[0]
    try:
        await comm.send_json_to({"type": "message", "text": "아직 할 말이", "client_msg_id": "late"})
        assert (await comm.receive_json_from(timeout=5))["code"] == "counsel_ended"
        await comm.send_json_to({"type": "retry", "dialog_id": failed.pk})
        assert (await comm.receive_json_from(timeout=5))["code"] == "counsel_ended"
    finally:
        await comm.disconnect()
    assert await Dialog.objects.acount() == 1


async def test_a_huge_counsel_id_is_closed_with_4404(alice: Any) -> None:
    assert await close_code("9" * 30, ws_headers(await _cookie(alice))) == 4404


async def test_a_non_integer_counsel_id_is_closed_with_4404(alice: Any) -> None:
    assert await close_code("abc", ws_headers(await _cookie(alice))) == 4404
