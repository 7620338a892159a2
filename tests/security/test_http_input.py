"""Bad input on pages and in the API is a 400 or a message on the page, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(alice: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(alice)
    client.raise_request_exception = False
    return client


@pytest.fixture
def page(client: Client, alice: Any) -> Client:
    client.force_login(alice)
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("query", ["counsel=abc", "counsel=-1", "counsel=1.5", "date_from=yesterday",
                                   "date_to=2024-13-01", "date_from=2024-02-30"])
def test_garbage_api_filters_are_400(api: APIClient, query: str) -> None:
    assert api.get(f"/api/emotions/?{query}").status_code == 400


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/api/counsels/", "{not json"),
        ("post", "/api/counsels/", '{"character": ["seonbi"]}'),
        ("post", "/api/counsels/", '{"character": "<script>"}'),
        ("patch", "/api/me/", "[1, 2"),
        ("patch", "/api/me/", '{"dt_birth": "not a date"}'),
        ("patch", "/api/me/", '{"language": "xx"}'),
        ("patch", "/api/me/", '{"name": "\\ud800"}'),
        ("patch", "/api/me/", '{"name": "a\\u0000b"}'),
        ("patch", "/api/me/", '{"name": "' + "가" * 51 + '"}'),
    ],
)
def test_bad_api_bodies_are_400(api: APIClient, method: str, path: str, body: str) -> None:
    response = getattr(api, method)(path, data=body, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize("query", ["from=garbage", "to=2024-99-99", "from=2024-05-01&to=2024-04-01", "from=%00"])
def test_garbage_history_dates_are_a_message(page: Client, query: str) -> None:
    response = page.get(f"/history/?{query}")
    assert response.status_code == 200 and 'class="form-error"' in response.content.decode()


# --- found: 500s --------------------------------------------------------------------------------
OUT_OF_RANGE_DATE = (
    "a date at the edge of the calendar (9999-12-31 / 0001-01-01) overflows in day_start / "
    "`end + timedelta(days=1)`: OverflowError, a 500 (counseling/history.py summarize, "
    "counseling/api/views.py EmotionList)"
)


@pytest.mark.parametrize("query", ["to=9999-12-31", "from=0001-01-01", "from=2024-01-01&to=9999-12-31"])
def test_an_edge_of_the_calendar_date_on_the_history_page_is_not_a_500(page: Client, query: str) -> None:
    assert page.get(f"/history/?{query}").status_code == 200


@pytest.mark.parametrize("query", ["date_to=9999-12-31", "date_from=0001-01-01"])
def test_an_edge_of_the_calendar_date_in_the_api_is_not_a_500(api: APIClient, query: str) -> None:
    assert api.get(f"/api/emotions/?{query}").status_code in (200, 400)


# '²' passes str.isdigit() but not int(); a 23-digit id overflows SQLite's INTEGER: both were 500s
# until EmotionList switched to re.fullmatch(r"[0-9]{1,18}") (fixed during this review, 15:47 UTC).
@pytest.mark.parametrize("value", ["%C2%B2", "99999999999999999999999"])
def test_a_strange_counsel_filter_is_not_a_500(api: APIClient, value: str) -> None:
    assert api.get(f"/api/emotions/?counsel={value}").status_code in (200, 400)
