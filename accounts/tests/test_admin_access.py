from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url_name", ["admin:index", "admin:accounts_user_changelist",
                                      "admin:characters_character_changelist"])
def test_a_non_staff_user_is_refused_by_admin(client, alice, url_name: str) -> None:
    client.force_login(alice)

    response = client.get(reverse(url_name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_non_staff_user_cannot_log_in_to_admin(client, alice) -> None:
    response = client.post(reverse("admin:login"), {"username": "alice", "password": "s3cret-Passw0rd!"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_superuser_searches_users_by_id_and_name(client, make_user, alice, bob) -> None:
    client.force_login(make_user("root", is_staff=True, is_superuser=True))

    by_name = client.get(reverse("admin:accounts_user_changelist"), {"q": "앨리스"})
    by_id = client.get(reverse("admin:accounts_user_changelist"), {"q": "bob"})

    assert [u.user_id for u in by_name.context["cl"].result_list] == ["alice"]
    assert [u.user_id for u in by_id.context["cl"].result_list] == ["bob"]


def test_the_user_change_page_shows_no_editable_password_hash(client, make_user, alice) -> None:
    client.force_login(make_user("root", is_staff=True, is_superuser=True))

    response = client.get(reverse("admin:accounts_user_change", args=["alice"]))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="password"' not in html
    assert alice.password not in html


def test_a_superuser_adds_a_user_in_admin(client, make_user) -> None:
    from accounts.models import User

    client.force_login(make_user("root", is_staff=True, is_superuser=True))

    response = client.post(reverse("admin:accounts_user_add"), {
        "user_id": "newbie", "name": "새내기", "usable_password": "true",
        "password1": "Saebom-Kkot-42!", "password2": "Saebom-Kkot-42!",
    })

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    assert User.objects.get(pk="newbie").check_password("Saebom-Kkot-42!")


def test_staff_cannot_edit_the_audit_log(client, make_user, alice) -> None:
    from accounts.models import AuditLog

    entry = AuditLog.objects.create(subject=alice, staff_label="x", action="view_messages", object_repr="c1")
    client.force_login(make_user("root", is_staff=True, is_superuser=True))

    assert client.get(reverse("admin:accounts_auditlog_changelist")).status_code == 200
    assert client.get(reverse("admin:accounts_auditlog_add")).status_code == 403
    assert client.post(reverse("admin:accounts_auditlog_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
