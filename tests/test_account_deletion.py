from __future__ import annotations

from typing import Any

from django.test import Client

from accounts.models import AuditLog, User
from counseling.models import Counsel, Dialog, EmotionLog


def test_deleting_needs_the_right_password_and_keeps_everything_otherwise(
    client: Client, alice: Any, seonbi: Any, seed_history: Any
) -> None:
    seed_history(alice, seonbi, 3)
    client.force_login(alice)
    response = client.post("/accounts/delete/", {"password": "wrong"})
    assert response.status_code == 200
    assert "비밀번호가 맞지 않아요" in response.content.decode()
    assert User.objects.filter(user_id="alice").exists()
    assert Dialog.objects.filter(counsel__user=alice).count() == 3


def test_deleting_my_account_leaves_nothing_behind(
    client: Client, alice: Any, bob: Any, staff: Any, seonbi: Any, seed_history: Any, settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from inference.memory_store import delete_memory_key

    seed_history(alice, seonbi, 3)
    seed_history(bob, seonbi, 2)
    AuditLog.objects.create(subject=alice, staff=staff, staff_label="staffer", action="view_counsel", object_repr="x")
    store = settings.MENTOS_MEMORY_DIR / alice.memory_key
    store.mkdir(parents=True)
    (store / "index.faiss").write_bytes(b"vectors")
    assert delete_memory_key  # the deletion uses the memory module's own removal
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/delete/", {"password": "s3cret-Passw0rd!"})
    assert response.status_code == 302
    assert not User.objects.filter(user_id="alice").exists()
    assert not Counsel.objects.filter(user_id="alice").exists()
    assert not Dialog.objects.filter(counsel__user_id="alice").exists()
    assert not EmotionLog.objects.filter(counsel__user_id="alice").exists()
    assert not AuditLog.objects.filter(subject_id="alice").exists()
    assert not store.exists()
    assert Dialog.objects.filter(counsel__user=bob).count() == 2
    assert not Dialog.objects.filter(u_message__contains="메시지").exclude(counsel__user=bob).exists()
    # and the session is gone
    assert client.get("/accounts/export/").status_code == 302
