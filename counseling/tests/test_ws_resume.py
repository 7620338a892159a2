"""A client that reconnects sends resume and gets every finished dialog after the one it
has, plus the text so far of the one still running."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from counseling.models import Dialog
from counseling.turns import PROGRESS_KEY

from .conftest import communicator, session_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _history(counsel) -> list[Dialog]:
    from django.core.cache import cache

    emotion = {"label": "슬픔(우울한)", "scores": {}}
    made = [
        Dialog.objects.create(counsel=counsel, u_message=f"질문 {i}", client_msg_id=f"h{i}", status="done",
                              ai_message=f"답 {i}", change_dialog=f"답이오 {i}", dialog_emotion=emotion)
        for i in range(3)
    ]
    made.append(Dialog.objects.create(counsel=counsel, u_message="실패", client_msg_id="hf", status="failed"))
    running = Dialog.objects.create(counsel=counsel, u_message="지금 묻는 말", client_msg_id="hr", status="running")
    cache.set(PROGRESS_KEY.format(dialog_id=running.pk),
              {"seq": 1, "text": "첫 문장이오. 둘째 문장이오.", "emotion": emotion}, 60)
    made.append(running)
    return made


async def test_resume_sends_finished_dialogs_after_the_given_one_and_the_text_so_far(alice_counsel, alice) -> None:
    d0, d1, d2, failed, running = await database_sync_to_async(_history)(alice_counsel)
    comm = communicator(alice_counsel.pk, await database_sync_to_async(session_headers)(alice))
    assert (await comm.connect())[0]
    try:
        await comm.send_json_to({"type": "resume", "after": d0.pk})
        frames = [await comm.receive_json_from(timeout=5) for _ in range(6)]
        assert await comm.receive_nothing(timeout=0.3)
    finally:
        await comm.disconnect()
    assert [(f["type"], f.get("dialog_id")) for f in frames] == [
        ("done", d1.pk), ("done", d2.pk), ("error", failed.pk),
        ("ack", running.pk), ("emotion", running.pk), ("delta", running.pk),
    ]
    assert frames[0]["change_dialog"] == "답이오 1" and frames[0]["u_message"] == "질문 1"
    assert frames[2]["code"] == "turn_failed"
    assert frames[5] == {"type": "delta", "dialog_id": running.pk, "seq": 1,
                         "text": "첫 문장이오. 둘째 문장이오.", "replace": True}
