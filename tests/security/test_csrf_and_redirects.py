"""Every state-changing view refuses a cross-site POST (no CSRF token), logout refuses GET,
and no redirect parameter sends anyone off the site."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import User
from counseling.models import Counsel

pytestmark = pytest.mark.django_db

PASSWORD = "s3cret-Passw0rd!"


@pytest.fixture
def browser(alice: Any) -> Client:
    """A logged-in browser that, like a real one, enforces CSRF."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    return client


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/counsels/new/seonbi/", {}),
        ("/counsels/{id}/end/", {}),
        ("/accounts/logout/", {}),
        ("/accounts/profile/", {"name": "해커", "gender": "other", "language": "en"}),
        ("/accounts/password/", {"old_password": PASSWORD, "new_password1": "x-Hacked-Passw0rd!",
                                 "new_password2": "x-Hacked-Passw0rd!"}),
        ("/accounts/delete/", {"password": PASSWORD}),
        ("/accounts/language/", {"language": "en", "next": "/"}),
    ],
)
def test_a_cross_site_post_without_a_token_is_refused(browser: Client, alice_counsel: Any, path: str, data: dict[str, str]) -> None:
    counsels = Counsel.objects.count()
    response = browser.post(path.format(id=alice_counsel.pk), data)
    assert response.status_code == 403
    alice = User.objects.get(pk="alice")
    assert alice.check_password(PASSWORD) and alice.name == "앨리스" and alice.language == "ko"
    assert Counsel.objects.count() == counsels and Counsel.objects.get(pk=alice_counsel.pk).is_open
    assert browser.get("/counsels/").status_code == 200  # still logged in


def test_the_api_refuses_a_session_post_without_a_token(alice: Any, alice_counsel: Any) -> None:
    api = APIClient(enforce_csrf_checks=True)
    api.force_login(alice)  # session auth, as the browser would have
    assert api.post("/api/counsels/", {"character": "seonbi"}, format="json").status_code == 403
    assert api.post(f"/api/counsels/{alice_counsel.pk}/end/").status_code == 403
    assert api.patch("/api/me/", {"name": "해커"}, format="json").status_code == 403
    assert Counsel.objects.count() == 1 and User.objects.get(pk="alice").name == "앨리스"


def test_logout_by_get_is_refused(browser: Client) -> None:
    assert browser.get("/accounts/logout/").status_code == 405
    assert browser.get("/counsels/").status_code == 200


def test_the_account_cannot_be_deleted_by_get(browser: Client) -> None:
    assert browser.get("/accounts/delete/?password=" + PASSWORD).status_code == 200
    assert User.objects.filter(pk="alice").exists()


OFFSITE = [
    "https://evil.example/", "//evil.example/", "///evil.example/", "/\\evil.example", "\\\\evil.example",
    "https:evil.example", "javascript:alert(1)", "http://testserver@evil.example/", " //evil.example",
    "\t//evil.example", "/%2F%2Fevil.example",
]


def _stays_on_site(location: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(location.strip())
    return parts.scheme == "" and parts.netloc == "" and not location.strip().startswith(("//", "\\", "/\\"))


@pytest.mark.parametrize("target", OFFSITE)
def test_the_language_switch_never_redirects_off_site(client: Client, target: str) -> None:
    response = client.post("/accounts/language/", {"language": "en", "next": target})
    assert response.status_code == 302 and _stays_on_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", OFFSITE)
def test_login_never_redirects_off_site(client: Client, alice: Any, target: str) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD, "next": target})
    assert response.status_code == 302 and _stays_on_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", OFFSITE)
def test_a_signed_in_user_at_login_is_not_sent_off_site(client: Client, alice: Any, target: str) -> None:
    client.force_login(alice)
    response = client.get("/accounts/login/", {"next": target})
    assert response.status_code == 302 and _stays_on_site(response["Location"]), response["Location"]
