"""On a shared computer, pages with someone's messages must not stay in the browser's or a
proxy's cache: after logout, Back or a cache must not show them to the next person."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from .conftest import done_dialog

pytestmark = pytest.mark.django_db


def test_the_export_download_is_never_stored(client: Client, alice: Any) -> None:
    client.force_login(alice)
    assert "no-store" in client.get("/accounts/export/mentos.json")["Cache-Control"]


@pytest.mark.parametrize("path", ["/counsels/", "/counsels/{id}/", "/history/", "/history/{id}/", "/accounts/profile/",
                                  "/api/counsels/{id}/dialogs/"])
def test_pages_with_messages_are_never_stored(client: Client, alice: Any, alice_counsel: Any, path: str) -> None:
    done_dialog(alice_counsel)
    client.force_login(alice)
    response = client.get(path.format(id=alice_counsel.pk))
    assert response.status_code == 200
    assert "no-store" in response.get("Cache-Control", "")
