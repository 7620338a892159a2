"""A turn that fails for good is marked failed with its error; the user can retry it,
but never someone else's dialog."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from counseling.models import Counsel, Dialog
from inference.errors import PermanentStageError

from .conftest import FakePipeline, communicator, receive_until, session_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def test_a_failed_turn_sends_an_error_and_a_retry_completes_it(alice_counsel, alice, use_pipeline) -> None:
    broken = use_pipeline(FakePipeline(fail=PermanentStageError("generate", "model does not fit")))
    comm = communicator(alice_counsel.pk, await database_sync_to_async(session_headers)(alice))
    assert (await comm.connect())[0]
    try:
        await comm.send_json_to({"type": "message", "text": "잠이 안 와요.", "client_msg_id": "f-1"})
        frames = await receive_until(comm, "error")
        dialog_id = frames[0]["dialog_id"]
        assert frames[-1]["code"] == "turn_failed" and frames[-1]["dialog_id"] == dialog_id
        dialog = await Dialog.objects.aget(pk=dialog_id)
        assert dialog.status == "failed" and "model does not fit" in dialog.error and broken.calls == 1

        use_pipeline(FakePipeline())
        await comm.send_json_to({"type": "retry", "dialog_id": dialog_id})
        frames = await receive_until(comm, "done")
        assert frames[0]["type"] == "ack" and frames[-1]["dialog_id"] == dialog_id

        await comm.send_json_to({"type": "retry", "dialog_id": dialog_id})
        assert (await comm.receive_json_from(timeout=5))["code"] == "not_retryable"
    finally:
        await comm.disconnect()
    dialog = await Dialog.objects.aget(pk=dialog_id)
    assert dialog.status == "done" and dialog.error == "" and dialog.attempts == 1


def _bobs_failed_dialog(bob, seonbi) -> Dialog:
    counsel = Counsel.objects.create(user=bob, character=seonbi)
    return Dialog.objects.create(counsel=counsel, u_message="밥의 비밀", client_msg_id="b", status="failed")


async def test_retry_refuses_someone_elses_dialog_and_a_missing_one(alice_counsel, alice, bob, seonbi) -> None:
    bobs = await database_sync_to_async(_bobs_failed_dialog)(bob, seonbi)
    comm = communicator(alice_counsel.pk, await database_sync_to_async(session_headers)(alice))
    assert (await comm.connect())[0]
    try:
        await comm.send_json_to({"type": "retry", "dialog_id": bobs.pk})
        assert (await comm.receive_json_from(timeout=5))["code"] == "forbidden"
        await comm.send_json_to({"type": "retry", "dialog_id": 987654})
        assert (await comm.receive_json_from(timeout=5))["code"] == "not_found"
    finally:
        await comm.disconnect()
    assert (await Dialog.objects.aget(pk=bobs.pk)).status == "failed"
