"""The rules stored on the character drive the style; empty rules use the preset."""

from __future__ import annotations

from inference.backends.style_rules import RuleStyleBackend, default_rules
from inference.types import CharacterStyle

SENTENCE = "요즘 잠은 잘 주무시고 계세요?"


def test_rules_on_the_character_override_the_preset():
    backend = RuleStyleBackend()
    # a "friend" whose staff switched it to 하십시오체 in the admin
    style = CharacterStyle(slug="friend", style_rules={"level": "hapsyo"})
    assert backend.stylize([SENTENCE], style) == ["요즘 잠은 잘 주무시고 계십니까?"]


def test_empty_rules_fall_back_to_the_slugs_preset():
    backend = RuleStyleBackend()
    out = backend.stylize([SENTENCE], CharacterStyle(slug="friend", style_rules={}))
    assert out[0].endswith("요즘 잠은 잘 자고 있어?")


def test_unknown_slug_without_rules_is_left_unchanged():
    backend = RuleStyleBackend()
    assert default_rules("nobody") == {}
    assert backend.stylize([SENTENCE], CharacterStyle(slug="nobody")) == [SENTENCE]


def test_custom_flavour_is_applied():
    backend = RuleStyleBackend()
    rules = {"level": "banmal", "prefix": {"rate": 1.0, "question": ["어이, "]}, "punct": {"?": ["??"]}}
    out = backend.stylize([SENTENCE], CharacterStyle(slug="custom", style_rules=rules))
    assert out == ["어이, 요즘 잠은 잘 자고 있어??"]


def test_lexicon_swaps_words():
    backend = RuleStyleBackend()
    rules = {"level": "haeyo", "lexicon": {"요즘": "요새"}}
    out = backend.stylize([SENTENCE], CharacterStyle(slug="custom", style_rules=rules))
    assert out == ["요새 잠은 잘 주무시고 계세요?"]


def test_invalid_rules_on_the_character_fall_back_to_the_preset():
    backend = RuleStyleBackend()
    broken = CharacterStyle(slug="friend", style_rules={"level": "klingon"})
    assert backend.stylize([SENTENCE], broken) == backend.stylize([SENTENCE], CharacterStyle(slug="friend"))


def test_default_rules_are_a_copy():
    rules = default_rules("seonbi")
    rules["level"] = "banmal"
    assert default_rules("seonbi")["level"] == "hao"
