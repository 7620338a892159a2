"""What people write and what staff type into a character is shown as text everywhere:
chat page, lists, history tables and chart JSON, admin, the browsable API. The chat and
history scripts never parse data as HTML."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from counseling.models import Dialog

pytestmark = pytest.mark.django_db

MESSAGE = '</script><script>alert("msg")</script><img src=x onerror=alert(1)>'
REPLY = '<svg/onload=alert("reply")>'
NAME = "<script>alert('name')</script>"  # fits the 50-character name
DESCRIPTION = '<img src=x onerror=alert("desc")>'
GREETING = '<iframe src="javascript:alert(1)">'
AVATAR = '"><svg onload=1>'  # 16 characters: the column's limit
TOKEN = "<b onmouseover=alert(3)>x</b>"
RAW = (MESSAGE, "<script>alert(", "<img src=x", "<svg/onload", "<svg onload", "<iframe", "<b onmouseover")


@pytest.fixture
def evil(alice: Any, seonbi: Any, seed_history: Any) -> Any:
    seonbi.character_name, seonbi.description, seonbi.greeting = NAME, DESCRIPTION, GREETING
    seonbi.avatar, seonbi.style_token = AVATAR, TOKEN
    seonbi.save()
    counsel = seed_history(alice, seonbi, 2)
    Dialog.objects.filter(counsel=counsel).update(u_message=MESSAGE, ai_message=REPLY, change_dialog=REPLY)
    counsel.greeting = GREETING
    counsel.save(update_fields=["greeting"])
    return counsel


def _assert_inert(body: str, where: str) -> None:
    for raw in RAW:
        assert raw not in body, f"{raw!r} unescaped on {where}"


@pytest.mark.parametrize("path", ["/", "/counsels/", "/counsels/{id}/", "/history/", "/history/{id}/",
                                  "/accounts/export/mentos.json"])
def test_the_owners_pages_show_it_as_text(client: Client, alice: Any, evil: Any, path: str) -> None:
    client.force_login(alice)
    response = client.get(path.format(id=evil.pk))
    assert response.status_code == 200
    body = response.content.decode()
    if path.endswith(".json"):
        assert response["Content-Type"].startswith("application/json")
        assert response["Content-Disposition"].startswith("attachment")
        return
    _assert_inert(body, path)


def test_the_chart_json_cannot_break_out_of_its_script_tag(client: Client, alice: Any, evil: Any) -> None:
    client.force_login(alice)
    body = client.get("/history/").content.decode()
    blocks = re.findall(r'<script id="fig-[a-z]+" type="application/json">(.*?)</script>', body, re.S)
    assert blocks and all("<" not in block for block in blocks)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/counseling/counsel/",
        "/admin/counseling/counsel/{id}/change/",
        "/admin/characters/character/",
        "/admin/characters/character/{char}/change/",
        "/admin/characters/character/{char}/preview/",
    ],
)
def test_admin_shows_it_as_text(client: Client, make_user: Any, evil: Any, path: str) -> None:
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    response = client.get(path.format(id=evil.pk, char=evil.character_id))
    assert response.status_code == 200
    # the change form shows the values inside <input value="..."> / <textarea>: escaped
    _assert_inert(response.content.decode(), path)


@pytest.mark.parametrize("path", ["/api/counsels/{id}/dialogs/", "/api/characters/", "/api/counsels/{id}/"])
def test_the_browsable_api_shows_it_as_text(client: Client, alice: Any, evil: Any, path: str) -> None:
    client.force_login(alice)
    response = client.get(path.format(id=evil.pk), HTTP_ACCEPT="text/html")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    _assert_inert(response.content.decode(), path)


def test_the_api_docs_page_has_no_user_data_and_no_cdn(client: Client, alice: Any, evil: Any) -> None:
    client.force_login(alice)
    body = client.get("/api/docs/").content.decode()
    _assert_inert(body, "/api/docs/")
    assert "cdn." not in body and "unpkg" not in body


def test_the_chat_and_history_scripts_never_parse_data_as_html() -> None:
    js_dir = Path(settings.BASE_DIR) / "static" / "js"
    scripts = sorted(js_dir.glob("*.js"))
    assert scripts
    for script in scripts:
        source = script.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in source, f"{script.name} uses {sink}"
