from __future__ import annotations

import re

import pytest

from characters.models import Character

pytestmark = pytest.mark.django_db

HANGUL = re.compile(r"[가-힣]")

# slug -> (character_name, style token the KoBART speech-style converter expects)
EXPECTED = {
    "mentos": ("멘토스", ""),
    "expert": ("전문적인 상담사", ""),
    "formal": ("문어체", "문어체"),
    "friend": ("친구", "구어체"),
    "gentle": ("신사", "신사"),
    "android": ("안드로이드", "안드로이드"),
    "azae": ("아재", "아재"),
    "enfp": ("ENFP", "enfp"),
    "halbae": ("할아버지", "할아버지"),
    "naruto": ("나루토", "나루토"),
    "seonbi": ("선비", "선비"),
    "sosim": ("소심한", "소심한"),
}


def test_migrate_seeds_exactly_the_twelve_characters() -> None:
    assert set(Character.objects.values_list("slug", flat=True)) == set(EXPECTED)


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_each_seeded_character_has_its_name_token_and_korean_texts(slug: str) -> None:
    character = Character.objects.get(slug=slug)
    name, token = EXPECTED[slug]

    assert character.character_name == name
    assert character.style_token == token
    assert character.style_prompt == (f"{token} 형식으로 변환:" if token else "")
    assert HANGUL.search(character.description), "a Korean description"
    assert HANGUL.search(character.greeting), "a Korean greeting"
    assert character.avatar
    assert character.is_active


def test_the_plain_counsellor_is_not_converted() -> None:
    mentos = Character.objects.get(slug="mentos")

    assert mentos.style_token == "" and mentos.character_model == ""


def test_converted_characters_name_a_style_model() -> None:
    converted = Character.objects.exclude(style_token="")

    assert converted.count() == 10
    assert all(c.character_model for c in converted)


def test_the_seeded_order_is_stable_and_distinct() -> None:
    orders = list(Character.objects.values_list("sort_order", flat=True))

    assert len(set(orders)) == 12
    assert Character.objects.first().slug == "mentos"
