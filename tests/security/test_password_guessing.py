"""Guessing a password is slowed down: the login page and the API token endpoint stop
answering a burst of wrong guesses."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def anon_rate_3_per_minute() -> Iterator[None]:
    from rest_framework.settings import api_settings
    from rest_framework.throttling import AnonRateThrottle

    cache.clear()
    old = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "3/min"}
    try:
        yield
    finally:
        AnonRateThrottle.THROTTLE_RATES = old
        cache.clear()


def test_the_token_endpoint_is_throttled(alice: Any, anon_rate_3_per_minute: None) -> None:
    api = APIClient()
    codes = [api.post("/api/token/", {"username": "alice", "password": f"guess-{i}"}, format="json").status_code
             for i in range(4)]
    assert codes[-1] == 429


def test_the_login_page_stops_a_burst_of_wrong_guesses(client: Client, alice: Any) -> None:
    cache.clear()
    codes = [client.post("/accounts/login/", {"username": "alice", "password": f"guess-{i}"}).status_code
             for i in range(11)]
    cache.clear()
    assert codes[:10] == [200] * 10 and codes[10] == 429
