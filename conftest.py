"""Fixtures every app's tests share: named users with known relationships, characters,
and the rule that in CI a test needing a real service fails instead of skipping."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable

import pytest

import testsupport  # noqa: F401  (sets HF_HUB_OFFLINE/TRANSFORMERS_OFFLINE before huggingface_hub loads)

pytest_plugins = ["testsupport.fixtures"]

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def service_up(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def require_service(name: str, host: str, port: int) -> None:
    """Skip locally when the service is down; in CI (CI=true) fail instead."""
    if service_up(host, port):
        return
    message = f"{name} is not reachable at {host}:{port}"
    if IN_CI:
        pytest.fail(f"{message} (CI needs it: .ci/run should have started it)")
    pytest.skip(message)


@pytest.fixture
def redis_url() -> str:
    """A real Redis; each test gets database 15 flushed, so runs do not see each other."""
    require_service("Redis", "127.0.0.1", 6379)
    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    redis.Redis.from_url(url).flushdb()
    return url


@pytest.fixture
def make_user(db: None) -> Callable[..., object]:
    from accounts.models import User

    def make(user_id: str, password: str = "s3cret-Passw0rd!", **extra: object) -> User:
        extra.setdefault("name", user_id.capitalize())
        return User.objects.create_user(user_id, password, **extra)

    return make


@pytest.fixture
def alice(make_user: Callable[..., object]) -> object:
    return make_user("alice", name="앨리스")


@pytest.fixture
def bob(make_user: Callable[..., object]) -> object:
    return make_user("bob", name="밥")


@pytest.fixture
def staff(make_user: Callable[..., object]) -> object:
    return make_user("staffer", name="상담관리자", is_staff=True)


@pytest.fixture
def seonbi(db: None) -> object:
    from characters.models import Character

    return Character.objects.get(slug="seonbi")


@pytest.fixture
def mentos_character(db: None) -> object:
    from characters.models import Character

    return Character.objects.get(slug="mentos")


@pytest.fixture
def alice_counsel(alice: object, seonbi: object) -> object:
    from counseling.models import Counsel

    return Counsel.objects.create(user=alice, character=seonbi, greeting=seonbi.greeting)  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _memory_dir(tmp_path_factory: pytest.TempPathFactory, settings: object) -> None:
    """Each test writes memory stores under its own temporary folder."""
    settings.MENTOS_MEMORY_DIR = tmp_path_factory.mktemp("memory")  # type: ignore[attr-defined]
