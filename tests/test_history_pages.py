from __future__ import annotations

from typing import Any

from django.test import Client


def _login(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def test_anonymous_is_sent_to_login(client: Client, db: None) -> None:
    response = client.get("/history/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_empty_history_explains_instead_of_drawing(client: Client, alice: Any) -> None:
    response = _login(client, alice).get("/history/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "아직 감정 기록이 없어요" in body
    assert "plotly.min.js" not in body


def test_it_shows_charts_and_tables_for_my_history(client: Client, alice: Any, seonbi: Any, seed_history: Any) -> None:
    seed_history(alice, seonbi, 22, labels=["기쁨(행복한)", "슬픔(우울한)"])
    body = _login(client, alice).get("/history/").content.decode()
    assert "vendor/plotly.min.js" in body
    for chart in ("fig-groups", "fig-labels", "fig-characters", "fig-shifts"):
        assert f'id="{chart}"' in body
    assert "<table" in body and "선비" in body
    assert "cdn" not in body.lower()


def test_the_date_filter_limits_the_days(client: Client, alice: Any, seonbi: Any, seed_history: Any) -> None:
    seed_history(alice, seonbi, 30, days=10)
    from django.utils import timezone

    today = timezone.localdate()
    all_days = _login(client, alice).get("/history/").context["summary"].days
    recent = client.get("/history/", {"from": today.isoformat()}).context["summary"].days
    assert len(recent) < len(all_days)
    assert all(row.day >= today for row in recent)


def test_a_bad_date_is_a_message_not_an_error(client: Client, alice: Any) -> None:
    response = _login(client, alice).get("/history/", {"from": "어제"})
    assert response.status_code == 200
    assert "YYYY-MM-DD" in response.content.decode()


def test_it_never_shows_someone_elses_history(client: Client, alice: Any, bob: Any, seonbi: Any, seed_history: Any) -> None:
    seed_history(alice, seonbi, 5)
    response = _login(client, bob).get("/history/")
    assert response.context["summary"].is_empty


def test_a_session_flow_shows_turns_with_messages(client: Client, alice: Any, seonbi: Any, seed_history: Any) -> None:
    counsel = seed_history(alice, seonbi, 4)
    response = _login(client, alice).get(f"/history/{counsel.counsel_id}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="fig-flow"' in body
    assert "메시지 3 오늘 힘들었어요" in body
    assert len(response.context["rows"]) == 4


def test_someone_elses_session_flow_is_404(client: Client, alice: Any, bob: Any, seonbi: Any, seed_history: Any) -> None:
    counsel = seed_history(alice, seonbi, 2)
    assert _login(client, bob).get(f"/history/{counsel.counsel_id}/").status_code == 404


def test_english_users_get_the_page_in_english(client: Client, make_user: Any, seonbi: Any, seed_history: Any) -> None:
    user = make_user("eve", language="en")
    assert "No emotion history yet." in _login(client, user).get("/history/").content.decode()
    seed_history(user, seonbi, 3)
    body = client.get("/history/").content.decode()
    assert "Positive, neutral and negative share by day" in body
    assert "날짜별" not in body
