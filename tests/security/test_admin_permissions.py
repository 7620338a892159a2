"""Staff read people's messages (and see the crisis flag) only with
`counseling.view_messages`; no lesser permission leads there."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from accounts.models import AuditLog, User

from .conftest import done_dialog

pytestmark = pytest.mark.django_db

SECRET = "앨리스의 비밀 이야기"


def _with(user: Any, *codenames: str) -> User:
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return User.objects.get(pk=user.pk)  # a fresh permission cache


@pytest.fixture
def crisis_counsel(alice_counsel: Any) -> Any:
    done_dialog(alice_counsel, text=SECRET)
    alice_counsel.is_crisis = True
    alice_counsel.save(update_fields=["is_crisis"])
    return alice_counsel


@pytest.mark.parametrize("codenames", [(), ("view_counsel",), ("view_counsel", "change_counsel", "view_character",
                                                                "change_character", "view_user")])
def test_staff_without_view_messages_sees_no_counsel_and_no_crisis_flag(
    client: Client, staff: Any, crisis_counsel: Any, codenames: tuple[str, ...]
) -> None:
    client.force_login(_with(staff, *codenames))
    for path in ("/admin/counseling/counsel/", "/admin/counseling/counsel/?is_crisis__exact=1",
                 f"/admin/counseling/counsel/{crisis_counsel.pk}/change/"):
        response = client.get(path)
        assert response.status_code in (302, 403), path
        assert SECRET not in response.content.decode()
    index = client.get("/admin/").content.decode()
    assert "/admin/counseling/counsel/" not in index
    assert not AuditLog.objects.exists()


def test_an_inactive_staff_member_with_the_permission_is_refused(client: Client, staff: Any, crisis_counsel: Any) -> None:
    reader = _with(staff, "view_messages")
    client.force_login(reader)
    reader.is_active = False
    reader.save(update_fields=["is_active"])
    response = client.get(f"/admin/counseling/counsel/{crisis_counsel.pk}/change/")
    assert response.status_code == 302 and SECRET not in response.content.decode()
    assert not AuditLog.objects.exists()


def test_a_non_staff_user_with_the_permission_is_refused(client: Client, alice: Any, bob: Any, crisis_counsel: Any) -> None:
    client.force_login(_with(bob, "view_messages"))
    response = client.get(f"/admin/counseling/counsel/{crisis_counsel.pk}/change/")
    assert response.status_code == 302 and SECRET not in response.content.decode()


def test_staff_with_the_permission_reads_and_every_read_is_audited(client: Client, staff: Any, crisis_counsel: Any) -> None:
    client.force_login(_with(staff, "view_messages"))
    assert client.get("/admin/counseling/counsel/?is_crisis__exact=1").context["cl"].result_count == 1
    assert SECRET in client.get(f"/admin/counseling/counsel/{crisis_counsel.pk}/change/").content.decode()
    assert AuditLog.objects.filter(subject__pk="alice", staff=staff).count() == 1


def test_the_user_list_shows_no_message_text(client: Client, staff: Any, crisis_counsel: Any) -> None:
    client.force_login(_with(staff, "view_user"))
    body = client.get("/admin/accounts/user/").content.decode()
    assert SECRET not in body


def test_a_user_administrator_cannot_grant_themselves_more_power(client: Client, staff: Any, crisis_counsel: Any) -> None:
    admin_of_users = _with(staff, "view_user", "change_user")
    client.force_login(admin_of_users)
    url = f"/admin/accounts/user/{admin_of_users.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form.initial.get(name)
        if value is None:
            continue
        if name in ("groups", "user_permissions"):
            data[name] = [getattr(v, "pk", v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = value
    data["is_superuser"] = "on"
    data["user_permissions"] = [*data.get("user_permissions", []),
                                Permission.objects.get(codename="view_messages").pk]
    client.post(url, data)
    staff_now = User.objects.get(pk=admin_of_users.pk)
    assert not staff_now.is_superuser
    assert not staff_now.has_perm("counseling.view_messages")
