from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_logout_by_post_ends_the_session(client, alice) -> None:
    client.force_login(alice)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_logout_by_get_is_refused(client, alice) -> None:
    client.force_login(alice)

    response = client.get(reverse("accounts:logout"))

    assert response.status_code == 405
    assert client.session["_auth_user_id"] == "alice"


def test_the_nav_offers_a_logout_button_form(client, alice) -> None:
    client.force_login(alice)

    html = client.get(reverse("home:index")).content.decode()

    assert f'action="{reverse("accounts:logout")}"' in html
