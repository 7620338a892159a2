from __future__ import annotations

from typing import Any

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture
def api(db: None) -> APIClient:
    return APIClient()


def _as(api: APIClient, user: Any) -> APIClient:
    api.force_authenticate(user)
    return api


@pytest.mark.parametrize("path", ["/api/characters/", "/api/counsels/", "/api/emotions/", "/api/me/", "/api/counsels/1/dialogs/"])
def test_anonymous_gets_401(api: APIClient, path: str) -> None:
    assert api.get(path).status_code == 401


def test_characters_lists_only_active_ones(api: APIClient, alice: Any) -> None:
    from characters.models import Character

    Character.objects.filter(slug="naruto").update(is_active=False)
    slugs = [c["slug"] for c in _as(api, alice).get("/api/characters/").json()]
    assert "seonbi" in slugs and "naruto" not in slugs
    assert len(slugs) == 11


def test_i_can_start_list_and_end_a_counsel(api: APIClient, alice: Any) -> None:
    _as(api, alice)
    created = api.post("/api/counsels/", {"character": "seonbi"}, format="json")
    assert created.status_code == 201, created.content
    counsel_id = created.json()["counsel_id"]
    assert created.json()["is_open"] is True
    listed = api.get("/api/counsels/").json()["results"]
    assert [c["counsel_id"] for c in listed] == [counsel_id]
    ended = api.post(f"/api/counsels/{counsel_id}/end/")
    assert ended.status_code == 200 and ended.json()["is_open"] is False
    assert api.post(f"/api/counsels/{counsel_id}/end/").status_code == 400


def test_starting_a_counsel_with_an_unknown_character_is_400(api: APIClient, alice: Any) -> None:
    response = _as(api, alice).post("/api/counsels/", {"character": "nobody"}, format="json")
    assert response.status_code == 400
    assert "character" in response.json()


def test_someone_elses_counsel_answers_404(api: APIClient, alice_counsel: Any, bob: Any) -> None:
    _as(api, bob)
    cid = alice_counsel.counsel_id
    assert api.get(f"/api/counsels/{cid}/").status_code == 404
    assert api.post(f"/api/counsels/{cid}/end/").status_code == 404
    assert api.get(f"/api/counsels/{cid}/dialogs/").status_code == 404
    assert api.get("/api/counsels/").json()["results"] == []


def test_dialogs_are_paginated(api: APIClient, alice: Any, seonbi: Any, seed_history: Any) -> None:
    counsel = seed_history(alice, seonbi, 60)
    page = _as(api, alice).get(f"/api/counsels/{counsel.counsel_id}/dialogs/").json()
    assert page["count"] == 60 and len(page["results"]) == 50 and page["next"]
    assert page["results"][0]["u_message"].startswith("메시지 0")


def test_emotions_filter_by_counsel_and_date(api: APIClient, alice: Any, bob: Any, seonbi: Any, seed_history: Any) -> None:
    first = seed_history(alice, seonbi, 5, days=10)
    seed_history(alice, seonbi, 3, days=1)
    seed_history(bob, seonbi, 4)
    _as(api, alice)
    assert api.get("/api/emotions/").json()["count"] == 8
    assert api.get("/api/emotions/", {"counsel": first.counsel_id}).json()["count"] == 5
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    recent = api.get("/api/emotions/", {"date_from": today}).json()["results"]
    assert all(r["dt_emotion_log"][:10] >= today[:10] for r in recent)
    assert api.get("/api/emotions/", {"date_from": "yesterday"}).status_code == 400


def test_me_reads_and_updates_my_profile(api: APIClient, alice: Any) -> None:
    _as(api, alice)
    assert api.get("/api/me/").json()["user_id"] == "alice"
    response = api.patch("/api/me/", {"name": "앨리스2", "language": "en"}, format="json")
    assert response.status_code == 200
    alice.refresh_from_db()
    assert (alice.name, alice.language) == ("앨리스2", "en")
    assert api.patch("/api/me/", {"dt_birth": "2999-01-01"}, format="json").status_code == 400
    assert api.patch("/api/me/", {"user_id": "mallory"}, format="json").json()["user_id"] == "alice"


def test_token_authentication_works(api: APIClient, alice: Any) -> None:
    response = api.post("/api/token/", {"username": "alice", "password": "s3cret-Passw0rd!"}, format="json")
    assert response.status_code == 200
    token = response.json()["token"]
    assert Token.objects.get(key=token).user == alice
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/me/").json()["user_id"] == "alice"


def test_the_api_is_throttled(api: APIClient, alice: Any, settings: Any) -> None:
    from django.core.cache import cache
    from rest_framework.settings import api_settings
    from rest_framework.throttling import UserRateThrottle

    cache.clear()
    old = UserRateThrottle.THROTTLE_RATES
    UserRateThrottle.THROTTLE_RATES = {**api_settings.DEFAULT_THROTTLE_RATES, "user": "3/min"}
    try:
        _as(api, alice)
        codes = [api.get("/api/me/").status_code for _ in range(4)]
    finally:
        UserRateThrottle.THROTTLE_RATES = old
        cache.clear()
    assert codes == [200, 200, 200, 429]


def test_the_schema_describes_every_endpoint_in_korean_and_english(api: APIClient, db: None) -> None:
    response = api.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    paths = schema["paths"]
    for p in ("/api/characters/", "/api/counsels/", "/api/counsels/{counsel_id}/dialogs/", "/api/emotions/", "/api/me/"):
        assert p in paths
    for p, ops in paths.items():
        for method, op in ops.items():
            summary = op.get("summary", "")
            assert " / " in summary, f"{method} {p} lacks a Korean / English summary"


def test_the_docs_page_serves_its_assets_locally(api: APIClient, db: None) -> None:
    response = api.get("/api/docs/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "swagger-ui" in body
    assert "cdn.jsdelivr" not in body
