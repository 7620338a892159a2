"""After migrate, every seeded character carries its offline style rules."""

from __future__ import annotations

import pytest

from characters.models import Character
from inference.backends.style_rules import validate_style_rules
from inference.data.style_presets import STYLE_PRESETS


@pytest.mark.django_db
def test_every_seeded_character_has_valid_style_rules():
    rows = {c.slug: c.style_rules for c in Character.objects.all()}
    assert set(STYLE_PRESETS) <= set(rows)
    for slug in STYLE_PRESETS:
        assert rows[slug], slug
        assert validate_style_rules(rows[slug]) == [], slug
    assert rows["mentos"] == {"level": "haeyo"}
    assert rows["friend"]["level"] == "banmal"
    assert rows["formal"]["level"] == "hapsyo"
