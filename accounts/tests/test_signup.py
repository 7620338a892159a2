from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_signup_page_shows_every_field(client) -> None:
    response = client.get(reverse("accounts:signup"))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("user_id", "password1", "password2", "name", "dt_birth", "gender", "language"):
        assert f'name="{name}"' in html
    assert 'type="date"' in html


def test_signup_creates_the_user_and_logs_them_in(client, signup_data) -> None:
    response = client.post(reverse("accounts:signup"), signup_data)

    assert response.status_code == 302
    assert response["Location"] == reverse("home:index")
    user = User.objects.get(user_id="minji_01")
    assert user.name == "김민지"
    assert user.dt_birth == dt.date(1998, 4, 12)
    assert user.gender == "female"
    assert user.language == "ko"
    assert user.check_password("Haneul-Baram-27!")
    assert user.allow_training_use is False  # opt-in, never by default
    assert not user.is_staff
    assert client.session["_auth_user_id"] == "minji_01"


def test_signup_with_english_sets_the_users_language(client, signup_data) -> None:
    client.post(reverse("accounts:signup"), {**signup_data, "language": "en"})

    assert User.objects.get(user_id="minji_01").language == "en"


def test_a_signed_in_user_is_sent_home_from_signup(client, alice) -> None:
    client.force_login(alice)

    response = client.get(reverse("accounts:signup"))

    assert response.status_code == 302
