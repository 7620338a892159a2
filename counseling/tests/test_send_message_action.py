"""do_send_message stores the message and, only once committed, broadcasts the ack and
starts the turn; a rolled-back write pushes nothing."""

from __future__ import annotations

import pytest
from django.db import transaction

from counseling.actions import check_send_message, do_send_message
from counseling.models import Dialog

pytestmark = pytest.mark.django_db


@pytest.fixture
def effects(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    seen: list[tuple] = []
    monkeypatch.setattr("counseling.actions.publish", lambda group, frame: seen.append(("publish", frame["type"])))
    monkeypatch.setattr("counseling.actions.dispatch_turn", lambda dialog_id: seen.append(("dispatch", dialog_id)))
    return seen


def test_the_ack_and_the_turn_go_out_after_commit(alice, alice_counsel, effects, django_capture_on_commit_callbacks) -> None:
    request = check_send_message(alice, alice_counsel, "  안녕하세요  ", "m1")
    with django_capture_on_commit_callbacks(execute=True):
        dialog, created = do_send_message(request)
        assert effects == []
    assert created and dialog.u_message == "안녕하세요" and dialog.status == "pending"
    assert effects == [("publish", "ack"), ("dispatch", dialog.pk)]


def test_a_rolled_back_message_starts_nothing(alice, alice_counsel, effects, django_capture_on_commit_callbacks) -> None:
    request = check_send_message(alice, alice_counsel, "취소될 말", "m2")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            do_send_message(request)
            raise RuntimeError("rolled back")
    assert effects == [] and not Dialog.objects.exists()


def test_the_same_client_msg_id_starts_one_turn(alice, alice_counsel, effects, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first, created1 = do_send_message(check_send_message(alice, alice_counsel, "한 번", "same"))
        again, created2 = do_send_message(check_send_message(alice, alice_counsel, "한 번", "same"))
    assert (created1, created2) == (True, False) and first.pk == again.pk
    assert effects == [("publish", "ack"), ("dispatch", first.pk)]
