from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_a_user_changes_their_password_and_stays_logged_in(client, alice) -> None:
    client.force_login(alice)

    response = client.post(reverse("accounts:password_change"), {
        "old_password": "s3cret-Passw0rd!",
        "new_password1": "Byeol-Haneul-93?",
        "new_password2": "Byeol-Haneul-93?",
    })

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    assert User.objects.get(pk="alice").check_password("Byeol-Haneul-93?")
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_the_old_password_must_be_right(client, alice) -> None:
    client.force_login(alice)

    response = client.post(reverse("accounts:password_change"), {
        "old_password": "wrong",
        "new_password1": "Byeol-Haneul-93?",
        "new_password2": "Byeol-Haneul-93?",
    })

    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    assert User.objects.get(pk="alice").check_password("s3cret-Passw0rd!")


def test_a_weak_new_password_is_refused(client, alice) -> None:
    client.force_login(alice)

    response = client.post(reverse("accounts:password_change"), {
        "old_password": "s3cret-Passw0rd!", "new_password1": "1234", "new_password2": "1234",
    })

    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]


def test_password_change_needs_a_login(client) -> None:
    assert client.get(reverse("accounts:password_change")).status_code == 302
