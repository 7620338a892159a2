"""What a websocket frame may carry: every bad input gets an error frame with its code,
nothing half-written is stored, and the socket stays usable (a crashed consumer drops the
socket and whatever the person was writing)."""

from __future__ import annotations

from typing import Any

import pytest
from channels.db import database_sync_to_async

from counseling.models import Dialog

from .conftest import communicator, login_cookie, ws_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def _open(counsel: Any, user: Any) -> Any:
    comm = communicator(counsel.pk, ws_headers(await database_sync_to_async(login_cookie)(user)))
    assert (await comm.connect())[0]
    return comm


async def _answer(comm: Any, raw: str, timeout: float = 5) -> dict[str, Any]:
    await comm.send_to(text_data=raw)
    return await comm.receive_json_from(timeout=timeout)


async def _still_usable(comm: Any) -> None:
    frame = await _answer(comm, '{"type": "message", "text": "괜찮아요", "client_msg_id": "still-ok"}')
    assert frame["type"] == "ack" and frame["u_message"] == "괜찮아요"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ('{"type": "message", "text": "", "client_msg_id": "e"}', "empty_message"),
        ('{"type": "message", "text": " \\n\\t\\u3000 ", "client_msg_id": "e"}', "empty_message"),
        ('{"type": "message", "text": null, "client_msg_id": "e"}', "invalid_message"),
        ('{"type": "message", "text": 42, "client_msg_id": "e"}', "invalid_message"),
        ('{"type": "message", "text": ["안녕"], "client_msg_id": "e"}', "invalid_message"),
        ('{"type": "message", "text": {"a": 1}, "client_msg_id": "e"}', "invalid_message"),
        ('{"type": "message", "text": "' + "가" * 2001 + '", "client_msg_id": "e"}', "message_too_long"),
        ('{"type": "message", "text": "안녕", "client_msg_id": ["x"]}', "invalid_message"),
        ('{"type": "message", "text": "안녕", "client_msg_id": 1.5}', "invalid_message"),
        ('{"type": ["message"], "text": "안녕"}', "unknown_type"),
        ('"message"', "invalid_json"),
        ("null", "invalid_json"),
        ('{"type": "resume", "after": "abc"}', "invalid_message"),
        ('{"type": "retry", "dialog_id": "abc"}', "not_found"),
        ('{"type": "retry", "dialog_id": 99999999999999999999999}', "not_found"),
    ],
)
async def test_a_bad_frame_gets_its_error_code_and_stores_nothing(
    alice_counsel: Any, alice: Any, no_turns: None, raw: str, code: str
) -> None:
    comm = await _open(alice_counsel, alice)
    try:
        frame = await _answer(comm, raw)
        assert frame["type"] == "error" and frame["code"] == code and frame["message"]
        assert await Dialog.objects.acount() == 0
        await _still_usable(comm)
    finally:
        await comm.disconnect()


async def test_a_client_msg_id_longer_than_the_column_is_refused_and_echoed_so_the_text_is_kept(
    alice_counsel: Any, alice: Any, no_turns: None
) -> None:
    comm = await _open(alice_counsel, alice)
    try:
        too_long = "x" * 65
        frame = await _answer(comm, f'{{"type": "message", "text": "지켜 줘요", "client_msg_id": "{too_long}"}}')
        # the client finds its unsent bubble by this id and puts the text back in the box
        assert (frame["type"], frame["code"], frame["client_msg_id"]) == ("error", "invalid_message", too_long)
        assert await Dialog.objects.acount() == 0
        longest = "가" * 64  # 64 characters fit the column, multi-byte ones too
        frame = await _answer(comm, f'{{"type": "message", "text": "지켜 줘요", "client_msg_id": "{longest}"}}')
        assert frame["type"] == "ack" and frame["client_msg_id"] == longest
    finally:
        await comm.disconnect()
    assert (await Dialog.objects.aget()).client_msg_id == "가" * 64


async def test_a_missing_client_msg_id_still_stores_the_message_once(alice_counsel: Any, alice: Any, no_turns: None) -> None:
    comm = await _open(alice_counsel, alice)
    try:
        frame = await _answer(comm, '{"type": "message", "text": "아이디 없이"}')
        assert frame["type"] == "ack" and frame["client_msg_id"]
    finally:
        await comm.disconnect()
    assert await Dialog.objects.acount() == 1


SURROGATE = (
    "a lone UTF-16 surrogate (\\ud83d: an emoji cut in half by the textarea's maxlength) "
    "crashes the consumer with UnicodeEncodeError at the INSERT: the socket drops and the "
    "message is lost; check_send_message should refuse it as invalid_message"
)


@pytest.mark.parametrize(
    "raw",
    [
        '{"type": "message", "text": "너무 힘들어요 \\ud83d", "client_msg_id": "half-emoji"}',
        '{"type": "message", "text": "너무 힘들어요", "client_msg_id": "\\udc00"}',
    ],
)
async def test_a_lone_surrogate_is_refused_not_a_crash(alice_counsel: Any, alice: Any, no_turns: None, raw: str) -> None:
    comm = await _open(alice_counsel, alice)
    try:
        frame = await _answer(comm, raw, timeout=1)  # a crash shows as no answer
        assert frame["type"] == "error" and frame["code"] == "invalid_message"
        await _still_usable(comm)
    finally:
        await comm.disconnect()


NON_FINITE = (
    "int(float('inf')) raises OverflowError, which on_resume/access_dialog do not catch: "
    "resume/retry with Infinity crash the consumer instead of answering invalid_message/not_found"
)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ('{"type": "resume", "after": Infinity}', "invalid_message"),
        ('{"type": "retry", "dialog_id": Infinity}', "not_found"),
        ('{"type": "retry", "dialog_id": -Infinity}', "not_found"),
    ],
)
async def test_a_non_finite_number_is_an_error_frame_not_a_crash(
    alice_counsel: Any, alice: Any, no_turns: None, raw: str, code: str
) -> None:
    comm = await _open(alice_counsel, alice)
    try:
        frame = await _answer(comm, raw, timeout=1)  # a crash shows as no answer
        assert frame["type"] == "error" and frame["code"] == code
        await _still_usable(comm)
    finally:
        await comm.disconnect()
