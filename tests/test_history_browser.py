from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from testsupport.browser import launch, require_chromium

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_history_draws_a_plotly_chart_in_chromium(
    live_server: Any, make_user: Any, seed_history: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_chromium()
    from characters.models import Character

    user = make_user("hana", name="하나")
    seed_history(user, Character.objects.get(slug="seonbi"), 30, days=6)
    seed_history(user, Character.objects.get(slug="friend"), 12, days=2)
    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value

    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM work is done above.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        try:
            context = browser.new_context(viewport={"width": 420, "height": 900}, locale="ko-KR")
            context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"{live_server.url}/history/")
            page.wait_for_selector("#chart-groups svg.main-svg", timeout=20_000)
            assert page.locator("#chart-groups .bars path").count() > 0
            assert page.locator("svg.main-svg").count() >= 4
            assert page.locator("table.data-table").count() >= 4
            page.screenshot(path=str(ARTIFACTS / "history.png"), full_page=True)
            assert not errors, errors
        finally:
            browser.close()
    assert os.path.getsize(ARTIFACTS / "history.png") > 10_000
