"""A message over the websocket: stored first, then streamed back sentence by sentence,
saved whole, logged into the counsel's emotion flow and the user's memory."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from counseling.models import Dialog, EmotionLog
from inference.labels import EMOTION_LABELS

from .conftest import communicator, receive_until, session_headers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MESSAGE = "요즘 회사 일이 너무 많아서 잠을 못 자고 지쳐요. 주말에도 쉬지 못했어요."


async def test_a_message_streams_ack_emotion_deltas_and_done(alice_counsel, alice, offline_pipeline) -> None:
    comm = communicator(alice_counsel.pk, await database_sync_to_async(session_headers)(alice))
    assert (await comm.connect())[0]
    try:
        await comm.send_json_to({"type": "message", "text": MESSAGE, "client_msg_id": "m-1"})
        frames = await receive_until(comm, "done")
    finally:
        await comm.disconnect()

    types = [f["type"] for f in frames]
    assert types[0] == "ack" and types[1] == "emotion" and types[-1] == "done"
    assert set(types[2:-1]) == {"delta"} and len(types[2:-1]) >= 2, types
    ack, emotion, *deltas, done = frames
    dialog_id = ack["dialog_id"]
    assert ack["client_msg_id"] == "m-1" and ack["u_message"] == MESSAGE
    assert emotion["label"] in EMOTION_LABELS and set(emotion["scores"]) == set(EMOTION_LABELS)
    assert [d["seq"] for d in deltas] == list(range(len(deltas)))
    assert all(d["dialog_id"] == dialog_id for d in frames)
    assert done["change_dialog"] == " ".join(d["text"] for d in deltas)
    assert done["ai_message"] and done["emotion"]["label"] == emotion["label"]

    dialog = await Dialog.objects.aget(pk=dialog_id)
    assert dialog.status == "done" and dialog.attempts == 1 and dialog.dt_done is not None
    assert dialog.change_dialog == done["change_dialog"] and dialog.ai_message == done["ai_message"]
    assert dialog.dialog_emotion["label"] == emotion["label"] and dialog.timings
    log = await EmotionLog.objects.aget(dialog_id=dialog_id)
    assert log.counsel_id == alice_counsel.pk
    assert log.counsel_emotion["label"] == emotion["label"]
    assert abs(sum(log.counsel_emotion["distribution"].values()) - 1) < 0.01
