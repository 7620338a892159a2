from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env},
        capture_output=True, text=True, timeout=120,
    )


def test_production_settings_pass_the_deploy_check() -> None:
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DEBUG="0", SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="mentos.example.com",
        DATABASE_URL="mysql://mentos:pw@127.0.0.1:3306/mentos", REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "0", "ALLOWED_HOSTS": "mentos.example.com"}, "set SECRET_KEY"),
        ({"DEBUG": "0", "SECRET_KEY": "short", "ALLOWED_HOSTS": "mentos.example.com"}, "set SECRET_KEY"),
        ({"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(64)}, "set ALLOWED_HOSTS"),
    ],
)
def test_debug_off_refuses_to_start_without_a_secret_key_and_hosts(env: dict[str, str], message: str) -> None:
    result = _manage("check", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_mysql_urls_use_utf8mb4() -> None:
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['OPTIONS']['charset'], d['TEST']['CHARSET'])"
    )
    clean = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**clean, "DJANGO_SETTINGS_MODULE": "mentos_site.settings", "DATABASE_URL": "mysql://root@127.0.0.1:3306/mentos"},
    )
    assert result.stdout.split() == ["django.db.backends.mysql", "utf8mb4", "utf8mb4"], result.stderr


def test_no_variables_means_the_embedded_default() -> None:
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CHANNEL_LAYERS['default']['BACKEND'], s.MENTOS_TURN_RUNNER)"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL", "REDIS_URL", "MENTOS_TURN_RUNNER"}}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**clean, "DJANGO_SETTINGS_MODULE": "mentos_site.settings"},
    )
    assert result.stdout.split() == [
        "True", "django.db.backends.sqlite3", "channels.layers.InMemoryChannelLayer", "thread"
    ], result.stderr
