from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_login_form_asks_for_the_user_id_labelled_아이디(client) -> None:
    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    assert response.context["form"].fields["username"].label == "아이디"
    assert "아이디" in response.content.decode()


def test_a_user_logs_in_with_user_id_and_password(client, alice) -> None:
    response = client.post(
        reverse("accounts:login"), {"username": "alice", "password": "s3cret-Passw0rd!"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("home:index")
    assert client.session["_auth_user_id"] == "alice"


def test_login_follows_a_safe_next_url(client, alice) -> None:
    response = client.post(
        reverse("accounts:login") + "?next=/accounts/profile/",
        {"username": "alice", "password": "s3cret-Passw0rd!", "next": "/accounts/profile/"},
    )

    assert response["Location"] == "/accounts/profile/"


def test_a_wrong_password_gets_a_message_not_a_session(client, alice) -> None:
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": "nope"})

    assert response.status_code == 200
    assert "아이디 또는 비밀번호가 맞지 않아요" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_someone_elses_id_with_your_password_does_not_log_in(client, alice, bob) -> None:
    bob.set_password("bobs-own-Passw0rd!")
    bob.save()

    client.post(reverse("accounts:login"), {"username": "bob", "password": "s3cret-Passw0rd!"})

    assert "_auth_user_id" not in client.session
