"""validate_style_rules tells the admin exactly what is wrong with a rules JSON."""

from __future__ import annotations

import pytest

from inference.backends.style_rules import validate_style_rules
from inference.data.style_presets import STYLE_PRESETS


@pytest.mark.parametrize("slug", sorted(STYLE_PRESETS))
def test_every_preset_is_valid(slug):
    assert validate_style_rules(STYLE_PRESETS[slug]) == []


def test_empty_rules_are_valid():
    assert validate_style_rules({}) == []
    assert validate_style_rules(None) == []


@pytest.mark.parametrize(
    ("rules", "needle"),
    [
        (["hapsyo"], "JSON 객체"),
        ("hapsyo", "JSON 객체"),
        ({"level": "klingon"}, "level"),
        ({"levle": "hapsyo"}, "알 수 없는 키 'levle'"),
        ({"honorific": "maybe"}, "honorific"),
        ({"lexicon": ["많이", "무척"]}, "lexicon"),
        ({"lexicon": {"많이": 3}}, "lexicon.많이"),
        ({"prefix": ["허허"]}, "prefix"),
        ({"prefix": {"rate": 2}}, "prefix.rate"),
        ({"prefix": {"rate": True}}, "prefix.rate"),
        ({"suffix": {"statement": "허허"}}, "suffix.statement"),
        ({"suffix": {"shout": ["!"]}}, "알 수 없는 키 'shout'"),
        ({"punct": {";": ["!"]}}, "punct"),
        ({"punct": {".": []}}, "punct.."),
        ({"min_flavour": "yes"}, "min_flavour"),
        ({"conjecture": "maybe"}, "conjecture"),
    ],
)
def test_bad_shapes_are_rejected_with_a_clear_message(rules, needle):
    errors = validate_style_rules(rules)
    assert errors, rules
    assert any(needle in e for e in errors), errors


def test_every_problem_is_reported_at_once():
    errors = validate_style_rules({"level": "x", "prefix": {"rate": -1}, "punct": {"?": 5}})
    assert len(errors) == 3
