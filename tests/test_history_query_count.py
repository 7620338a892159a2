from __future__ import annotations

from typing import Any

from django.test import Client


def test_history_queries_stay_flat_with_5000_dialogs(
    client: Client, alice: Any, seonbi: Any, mentos_character: Any, seed_history: Any,
    django_assert_max_num_queries: Any,
) -> None:
    client.force_login(alice)
    seed_history(alice, seonbi, 10)
    with django_assert_max_num_queries(8) as small:
        client.get("/history/")
    seed_history(alice, seonbi, 2500, days=30)
    seed_history(alice, mentos_character, 2490, days=20)
    with django_assert_max_num_queries(8) as big:
        response = client.get("/history/")
    assert response.context["summary"].total_dialogs == 5000
    assert len(big.captured_queries) == len(small.captured_queries)


def test_a_long_session_flow_takes_a_fixed_number_of_queries(
    client: Client, alice: Any, seonbi: Any, seed_history: Any, django_assert_max_num_queries: Any
) -> None:
    counsel = seed_history(alice, seonbi, 1500)
    client.force_login(alice)
    with django_assert_max_num_queries(6):
        response = client.get(f"/history/{counsel.counsel_id}/")
    assert len(response.context["rows"]) == 1500
