"""Debian's chromium for the Playwright tests: one place for its path and flags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
]


def require_chromium() -> None:
    """Skip locally when chromium is missing; in CI (CI=true) fail instead."""
    if Path(CHROMIUM).exists():
        return
    from conftest import IN_CI

    if IN_CI:
        pytest.fail(f"{CHROMIUM} is missing (CI needs it: .ci/run installs chromium)")
    pytest.skip(f"{CHROMIUM} is missing")


def launch(playwright: Any) -> Any:
    """A headless chromium browser (never a downloaded one: no `playwright install`)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
