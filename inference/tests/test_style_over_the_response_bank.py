"""Over the offline counsellor's own sentences: formal and friend hold their level, and the
twelve characters stay distinct."""

from __future__ import annotations

import itertools
import re

import pytest

from inference.backends.style_rules import RuleStyleBackend
from inference.tests.style_samples import SLUGS
from inference.types import CharacterStyle

bank = pytest.importorskip("inference.data.response_bank")


def _bank_sentences() -> list[str]:
    sentences = {text for entries in bank.BANK.values() for entry in entries for text in entry[2:4]}
    return sorted(sentences)[::4]  # a quarter of them keeps the test quick


def test_levels_hold_and_characters_differ_on_the_response_bank():
    sentences = _bank_sentences()
    assert len(sentences) >= 50
    backend = RuleStyleBackend()
    styled = {slug: backend.stylize(sentences, CharacterStyle(slug=slug)) for slug in SLUGS}
    assert styled["mentos"] == sentences
    for i, sentence in enumerate(sentences):
        formal, friend = styled["formal"][i], styled["friend"][i]
        assert re.search(r"(니다|니까|십시오)[.?!]*$", formal), (sentence, formal)
        assert not re.search(r"요[.?!…,]|니다|니까", friend), (sentence, friend)
        for a, b in itertools.combinations(SLUGS, 2):
            assert styled[a][i] != styled[b][i], (sentence, a, b, styled[a][i])
