"""A deleted account leaves nothing that works and nothing that reads back: no token, no
live session (web or websocket), no rows, no memory on disk, and nothing a later account
with the same login id could inherit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.data_rights import do_delete_account
from accounts.models import AuditLog, User
from counseling.models import Counsel, Dialog, EmotionLog

from .conftest import close_code, done_dialog, login_cookie, ws_headers

SECRET = "앨리스는 요즘 회사 일 때문에 잠을 못 자요"
PASSWORD = "s3cret-Passw0rd!"


def _alice_with_everything(alice: Any, staff: Any, seonbi: Any) -> tuple[Counsel, Dialog]:
    counsel = Counsel.objects.create(user=alice, character=seonbi)
    dialog = done_dialog(counsel, text=SECRET)
    EmotionLog.objects.create(counsel=counsel, dialog=dialog, counsel_emotion={"label": "슬픔(우울한)", "distribution": {}})
    AuditLog.objects.create(subject=alice, staff=staff, staff_label="staffer", action="view_counsel", object_repr="x")
    return counsel, dialog


@pytest.mark.django_db
def test_the_token_and_every_other_session_stop_working(
    alice: Any, staff: Any, seonbi: Any, django_capture_on_commit_callbacks: Any
) -> None:
    counsel, _ = _alice_with_everything(alice, staff, seonbi)
    token = Token.objects.create(user=alice).key
    phone, laptop = Client(), Client()
    phone.force_login(alice)
    laptop.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        assert laptop.post("/accounts/delete/", {"password": PASSWORD}).status_code == 302
    assert not Token.objects.filter(key=token).exists()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/me/").status_code == 401
    assert phone.get("/counsels/").status_code == 302  # the phone's session is logged out
    for model, rows in ((Counsel, Counsel.objects.filter(user_id="alice")),
                        (Dialog, Dialog.objects.filter(u_message=SECRET)),
                        (EmotionLog, EmotionLog.objects.filter(counsel_id=counsel.pk)),
                        (AuditLog, AuditLog.objects.filter(subject_id="alice"))):
        assert not rows.exists(), model.__name__
    # someone who signs up with the freed id does not inherit the old sessions
    make_again = User.objects.create_user("alice", "another-Passw0rd!", name="새 앨리스")
    assert phone.get("/counsels/").status_code == 302
    assert not Counsel.objects.filter(user=make_again).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_a_deleted_users_other_session_cannot_open_a_websocket(alice: Any, staff: Any, seonbi: Any) -> None:
    counsel, _ = await database_sync_to_async(_alice_with_everything)(alice, staff, seonbi)
    other_session = await database_sync_to_async(login_cookie)(alice)
    await database_sync_to_async(do_delete_account)(alice)
    # a new account takes the id, and even a counsel with the old counsel's id exists again
    await database_sync_to_async(User.objects.create_user)("alice", "another-Passw0rd!", name="새 앨리스")
    assert await close_code(counsel.pk, ws_headers(other_session)) in (4401, 4404)


@pytest.mark.django_db
def test_no_session_row_of_a_deleted_user_is_left(alice: Any, staff: Any, seonbi: Any, django_capture_on_commit_callbacks: Any) -> None:
    _alice_with_everything(alice, staff, seonbi)
    phone, laptop = Client(), Client()
    phone.force_login(alice)
    laptop.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        laptop.post("/accounts/delete/", {"password": PASSWORD})
    left = [s.session_key for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == "alice"]
    assert left == []


# --- memory on disk ---------------------------------------------------------------------------
def _memory_dirs() -> list[Path]:
    root = Path(settings.MENTOS_MEMORY_DIR)
    return [p for p in root.rglob("*")] if root.exists() else []


@pytest.mark.django_db
def test_memory_folders_never_carry_the_login_id_or_name(make_user: Any, seonbi: Any) -> None:
    from inference import memory_store

    person = make_user("kim.minsu-1990", name="김민수")
    counsel = Counsel.objects.create(user=person, character=seonbi)
    assert memory_store.index_dialog(done_dialog(counsel, text=SECRET))
    paths = [str(p.relative_to(settings.MENTOS_MEMORY_DIR)).lower() for p in _memory_dirs()]
    assert paths
    assert not [p for p in paths if "kim" in p or "minsu" in p or "김민수" in p]


def _turn_finishes_during_deletion(alice: Any, seonbi: Any, capture: Any) -> str:
    """A turn saved its reply just before alice deleted her account; its on-commit step
    (index the turn into memory) runs right after the deletion's own on-commit cleanup."""
    from inference import memory_store

    counsel = Counsel.objects.create(user=alice, character=seonbi)
    dialog = done_dialog(counsel, text=SECRET)
    held = Dialog.objects.select_related("counsel__user").get(pk=dialog.pk)  # what the turn holds
    key = alice.memory_key
    with capture(execute=True):
        do_delete_account(User.objects.get(pk="alice"))
    memory_store.index_dialog(held)  # the turn thread's _after_save
    return key


@pytest.mark.django_db
def test_nothing_of_a_deleted_user_stays_on_disk_even_when_a_turn_finishes_meanwhile(
    alice: Any, seonbi: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from inference import memory_store

    key = _turn_finishes_during_deletion(alice, seonbi, django_capture_on_commit_callbacks)
    assert not memory_store.memory_backend().exists(key)


@pytest.mark.django_db
def test_a_new_account_with_a_freed_login_id_never_recalls_the_old_ones_words(
    alice: Any, seonbi: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from inference import memory_store

    _turn_finishes_during_deletion(alice, seonbi, django_capture_on_commit_callbacks)
    newcomer = User.objects.create_user("alice", "another-Passw0rd!", name="새 앨리스")
    memory_store.ensure_memory(newcomer)
    found = memory_store.memory_backend().retrieve(newcomer.memory_key, "회사 일 때문에 잠을 못 자요", k=3)
    assert [m.u_message for m in found if SECRET in m.u_message] == []
