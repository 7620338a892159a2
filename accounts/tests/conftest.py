from __future__ import annotations

import pytest


@pytest.fixture
def signup_data() -> dict[str, str]:
    """A valid sign-up POST; tests break one field at a time."""
    return {
        "user_id": "minji_01",
        "password1": "Haneul-Baram-27!",
        "password2": "Haneul-Baram-27!",
        "name": "김민지",
        "dt_birth": "1998-04-12",
        "gender": "female",
        "language": "ko",
    }
