from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_a_korean_user_gets_the_korean_ui(client, make_user) -> None:
    client.force_login(make_user("minsu", language="ko"))

    html = client.get(reverse("home:index")).content.decode()

    assert '<html lang="ko">' in html
    assert "오늘 마음은 어떤가요?" in html and "프로필" in html


def test_an_english_user_gets_the_english_ui(client, make_user) -> None:
    client.force_login(make_user("jane", language="en"))

    html = client.get(reverse("home:index")).content.decode()

    assert '<html lang="en">' in html
    assert "How are you feeling today?" in html
    assert "Profile" in html and "Log out" in html
    assert "오늘 마음은 어떤가요?" not in html


def test_the_users_setting_beats_the_browsers_language(client, make_user) -> None:
    client.force_login(make_user("jane", language="en"))

    html = client.get(reverse("accounts:profile"), HTTP_ACCEPT_LANGUAGE="ko").content.decode()

    assert "My details" in html


def test_changing_the_profile_language_switches_the_ui(client, alice) -> None:
    client.force_login(alice)
    client.post(reverse("accounts:profile"), {"name": "Alice", "gender": "female", "language": "en"})

    html = client.get(reverse("home:index")).content.decode()

    assert "How are you feeling today?" in html


def test_an_anonymous_visitor_switches_language_with_the_footer_form(client) -> None:
    assert "오늘 마음은 어떤가요?" in client.get(reverse("home:index")).content.decode()

    response = client.post(reverse("accounts:set_language"), {"language": "en", "next": "/accounts/login/"})

    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    html = client.get(reverse("home:index")).content.decode()
    assert "How are you feeling today?" in html


def test_the_switch_saves_the_language_of_a_signed_in_user(client, alice) -> None:
    client.force_login(alice)

    client.post(reverse("accounts:set_language"), {"language": "en"})

    assert User.objects.get(pk="alice").language == "en"


def test_the_switch_never_redirects_off_site(client) -> None:
    response = client.post(reverse("accounts:set_language"), {"language": "en", "next": "https://evil.example/"})

    assert response["Location"] == reverse("home:index")


def test_the_english_signup_form_is_english(client) -> None:
    client.post(reverse("accounts:set_language"), {"language": "en"})

    html = client.get(reverse("accounts:signup")).content.decode()

    assert "Sign up" in html and "Date of birth" in html and "Password confirmation" in html
