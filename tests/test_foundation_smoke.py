from __future__ import annotations

import pytest

from characters.models import Character


@pytest.mark.django_db
def test_migrate_seeds_the_twelve_characters() -> None:
    slugs = set(Character.objects.values_list("slug", flat=True))
    assert slugs == {
        "mentos", "expert", "formal", "friend", "gentle", "android",
        "azae", "enfp", "halbae", "naruto", "seonbi", "sosim",
    }
