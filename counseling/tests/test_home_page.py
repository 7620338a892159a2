from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from characters.models import Character

pytestmark = pytest.mark.django_db

HELPLINES = ("109", "1388", "112", "119")


def test_the_home_page_explains_the_service_in_korean(client) -> None:
    response = client.get(reverse("home:index"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "멘토스는 마음을 털어놓을 수 있는 상담 챗봇이에요" in html
    assert "대신하지 않아요" in html, "it says it is no replacement for professional or emergency care"
    for number in HELPLINES:
        assert f'href="tel:{number}"' in html


def test_a_visitor_is_offered_signup_and_login_but_no_characters(client) -> None:
    response = client.get(reverse("home:index"))

    html = response.content.decode()
    assert reverse("accounts:signup") in html and reverse("accounts:login") in html
    assert list(response.context["characters"]) == []
    assert "character-card" not in html


def test_a_signed_in_user_sees_the_active_characters_in_order(client, alice) -> None:
    Character.objects.filter(slug="azae").update(is_active=False)
    client.force_login(alice)

    response = client.get(reverse("home:index"))

    slugs = [c.slug for c in response.context["characters"]]
    assert "azae" not in slugs and len(slugs) == 11
    assert slugs == list(Character.objects.filter(is_active=True).values_list("slug", flat=True))
    html = response.content.decode()
    seonbi = Character.objects.get(slug="seonbi")
    assert seonbi.character_name in html and seonbi.description in html and seonbi.avatar in html


def test_each_character_gets_a_start_button_once_the_chat_exists(client, alice) -> None:
    client.force_login(alice)

    html = client.get(reverse("home:index")).content.decode()

    try:
        new_url = reverse("chat:new", args=["seonbi"])
    except NoReverseMatch:
        pytest.skip("the chat pages are not there yet; the card renders without a button")
    assert f'action="{new_url}"' in html
    assert 'method="post"' in html


def test_the_nav_shows_admin_to_staff_only(client, alice, staff) -> None:
    client.force_login(alice)
    assert reverse("admin:index") not in client.get(reverse("home:index")).content.decode()

    client.force_login(staff)
    assert reverse("admin:index") in client.get(reverse("home:index")).content.decode()


def test_every_page_footer_lists_the_helplines(client) -> None:
    html = client.get(reverse("accounts:login")).content.decode()

    footer = html.split('class="site-footer"')[1]
    for number in HELPLINES:
        assert f'href="tel:{number}"' in footer


def test_the_home_page_uses_no_cdn(client) -> None:
    html = client.get(reverse("home:index")).content.decode()

    assert "https://" not in html and "http://" not in html
    assert "/static/css/mentos.css" in html
