"""Pages and the REST API from the outsider's side: alice owns, bob does not, a visitor is
anonymous. Bob learns nothing of alice's counsels and changes none of them."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from counseling.models import Counsel

from .conftest import done_dialog

pytestmark = pytest.mark.django_db

SECRET = "앨리스의 비밀 이야기"


@pytest.fixture
def alices(alice_counsel: Any) -> Any:
    done_dialog(alice_counsel, text=SECRET)
    return alice_counsel


def _as(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


@pytest.mark.parametrize("path", ["/counsels/", "/counsels/{id}/", "/history/", "/history/{id}/", "/accounts/export/",
                                  "/accounts/export/mentos.json", "/accounts/export/mentos-csv.zip", "/accounts/profile/"])
def test_an_anonymous_visitor_is_sent_to_login(client: Client, alices: Any, path: str) -> None:
    response = client.get(path.format(id=alices.pk))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("path", ["/counsels/{id}/", "/history/{id}/"])
def test_bob_cannot_open_alices_pages(client: Client, alices: Any, bob: Any, path: str) -> None:
    response = _as(client, bob).get(path.format(id=alices.pk))
    assert response.status_code in (403, 404)
    assert SECRET not in response.content.decode()


def test_bob_cannot_end_alices_counsel(client: Client, alices: Any, bob: Any) -> None:
    assert _as(client, bob).post(f"/counsels/{alices.pk}/end/").status_code in (403, 404)
    assert Counsel.objects.get(pk=alices.pk).is_open


def test_bobs_lists_hold_nothing_of_alice(client: Client, alices: Any, bob: Any) -> None:
    _as(client, bob)
    for path in ("/counsels/", "/history/", "/accounts/export/mentos.json"):
        assert SECRET not in client.get(path).content.decode("utf-8", "replace"), path


def test_bobs_csv_export_holds_nothing_of_alice(client: Client, alices: Any, bob: Any, seonbi: Any) -> None:
    import io
    import zipfile

    done_dialog(Counsel.objects.create(user=bob, character=seonbi), text="밥의 이야기", client_msg_id="b")
    response = _as(client, bob).get("/accounts/export/mentos-csv.zip")
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        text = "".join(zf.read(name).decode("utf-8-sig") for name in zf.namelist())
    assert "밥의 이야기" in text
    assert SECRET not in text and "alice" not in text and "앨리스" not in text


def test_starting_a_counsel_needs_post_and_an_active_character(client: Client, alice: Any, seonbi: Any) -> None:
    _as(client, alice)
    assert client.get("/counsels/new/seonbi/").status_code == 405
    seonbi.is_active = False
    seonbi.save(update_fields=["is_active"])
    assert client.post("/counsels/new/seonbi/").status_code == 404
    assert client.post("/counsels/new/no-such-one/").status_code == 404
    assert not Counsel.objects.exists()


@pytest.mark.parametrize("path", ["/counsels/abc/", "/counsels/1.5/", "/history/-1/", "/counsels/abc/end/",
                                  "/api/counsels/abc/", "/api/counsels/abc/dialogs/", "/history/99999999999999999999999/",
                                  "/counsels/99999999999999999999999/"])
def test_a_non_integer_or_huge_id_is_404_not_500(client: Client, alice: Any, path: str) -> None:
    client.raise_request_exception = False
    assert _as(client, alice).get(path).status_code == 404


def test_an_inactive_users_session_and_token_stop_working(client: Client, alices: Any, alice: Any) -> None:
    _as(client, alice)
    token = Token.objects.create(user=alice)
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    assert client.get(f"/counsels/{alices.pk}/").status_code == 302
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/counsels/").status_code == 401


# --- REST API ---------------------------------------------------------------------------------
@pytest.fixture
def bob_api(bob: Any) -> APIClient:
    api = APIClient()
    api.force_authenticate(bob)
    return api


def test_bob_gets_404_for_every_api_view_of_alices_counsel(bob_api: APIClient, alices: Any) -> None:
    for path in (f"/api/counsels/{alices.pk}/", f"/api/counsels/{alices.pk}/dialogs/"):
        response = bob_api.get(path)
        assert response.status_code == 404 and SECRET not in response.content.decode()
    assert bob_api.post(f"/api/counsels/{alices.pk}/end/").status_code == 404
    assert Counsel.objects.get(pk=alices.pk).is_open


def test_bob_filtering_emotions_by_alices_counsel_gets_nothing(bob_api: APIClient, alices: Any) -> None:
    from counseling.models import EmotionLog

    EmotionLog.objects.create(counsel=alices, counsel_emotion={"label": "슬픔(우울한)", "distribution": {}})
    response = bob_api.get(f"/api/emotions/?counsel={alices.pk}")
    assert response.status_code == 200 and response.json()["count"] == 0
    assert response.json()["results"] == []


def test_bob_lists_only_his_own_counsels(bob_api: APIClient, alices: Any) -> None:
    assert bob_api.get("/api/counsels/").json()["count"] == 0


def test_me_cannot_escalate_or_rename_the_login_id(api_client_alice: APIClient, alice: Any) -> None:
    response = api_client_alice.patch(
        "/api/me/", {"is_staff": True, "is_superuser": True, "user_id": "bob", "name": "앨리스"}, format="json"
    )
    assert response.status_code == 200
    alice.refresh_from_db()
    assert (alice.user_id, alice.is_staff, alice.is_superuser) == ("alice", False, False)


@pytest.fixture
def api_client_alice(alice: Any) -> APIClient:
    api = APIClient()
    api.force_authenticate(alice)
    return api
