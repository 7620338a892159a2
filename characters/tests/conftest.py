from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture
def character_editor(make_user: Callable[..., object]) -> object:
    """Staff with the character permissions only (not a superuser)."""
    from django.contrib.auth.models import Permission

    user = make_user("editor", name="편집자", is_staff=True)
    user.user_permissions.add(  # type: ignore[attr-defined]
        *Permission.objects.filter(content_type__app_label="characters",
                                   codename__in=["view_character", "change_character"])
    )
    return user
