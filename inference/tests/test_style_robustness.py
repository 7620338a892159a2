"""The rule styler never crashes, never empties a sentence, and is fast."""

from __future__ import annotations

import time

import pytest

from inference.backends import style_rules
from inference.backends.style_rules import RuleStyleBackend
from inference.tests.style_samples import COUNSELLOR_SENTENCES, SLUGS
from inference.types import CharacterStyle

ODD = [
    "", "   ", "ㅋㅋㅋ", "...", "?!", "Hello, how are you?", "1234", "😊😊", "그래서요?",
    "안녕하세요, 멘토스예요. 오늘 마음은 어떠세요?", "오늘 하루는 어떻게 보내셨어요",
    "(웃음) \"괜찮아요\"라고 말씀하셨죠?", "아", "요", "가나다라마바사" * 30,
    "말씀드리기 어려우시면 나중에 말씀해 주셔도 돼요~", "그건 선생님께 여쭤보시는 게 좋겠어요!",
    "부모님께서 주무시는 동안 댁에 계셨나요?", "Python 공부는 잘 되세요? 😊",
]


@pytest.mark.parametrize("slug", SLUGS)
def test_odd_input_never_crashes_or_empties(slug):
    backend = RuleStyleBackend()
    out = backend.stylize(ODD, CharacterStyle(slug=slug))
    assert len(out) == len(ODD)
    for src, dst in zip(ODD, out, strict=True):
        assert isinstance(dst, str)
        if src.strip():
            assert dst.strip(), (slug, src)


def test_a_failing_rewrite_returns_the_original_sentence(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("kiwi exploded")

    monkeypatch.setattr(style_rules, "tokenize", boom)
    style_rules._tokens.cache_clear()
    backend = RuleStyleBackend()
    assert backend.stylize(["요즘 잠은 잘 주무시고 계세요?"], CharacterStyle(slug="friend")) == [
        "요즘 잠은 잘 주무시고 계세요?"]


def test_third_person_honorific_is_kept_in_banmal():
    out = RuleStyleBackend().stylize(["어머님께서 많이 걱정하셨겠어요."], CharacterStyle(slug="friend"))
    assert "걱정하셨겠어" in out[0]


def test_it_takes_under_3_ms_a_sentence_after_warm_up():
    backend = RuleStyleBackend()
    styles = [CharacterStyle(slug=slug) for slug in SLUGS]
    backend.stylize(COUNSELLOR_SENTENCES[:2], styles[1])  # builds kiwi
    started = time.perf_counter()
    n = 0
    for style in styles:
        for sentence in COUNSELLOR_SENTENCES:
            style_rules._tokens.cache_clear()  # a reply's sentence is new: measure the analysis too
            backend.stylize([sentence], style)
            n += 1
    per_sentence_ms = (time.perf_counter() - started) * 1000 / n
    assert per_sentence_ms < 3, per_sentence_ms
