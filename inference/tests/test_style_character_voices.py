"""Each seeded character's 말투 is recognisable on varied counsellor sentences."""

from __future__ import annotations

import re

import pytest

from inference.backends.style_rules import RuleStyleBackend
from inference.tests.style_samples import COUNSELLOR_SENTENCES
from inference.types import CharacterStyle

_END = r"[.?!…~]*(?:\s*\S*[\u2600-\u27bf\U0001f000-\U0001faff])?$"


@pytest.fixture(scope="module")
def styled() -> dict[str, list[str]]:
    backend = RuleStyleBackend()
    slugs = ("mentos", "expert", "formal", "friend", "gentle", "android", "azae", "enfp", "halbae",
             "naruto", "seonbi", "sosim")
    return {slug: backend.stylize(COUNSELLOR_SENTENCES, CharacterStyle(slug=slug)) for slug in slugs}


def _ends_with(text: str, endings: str) -> bool:
    return re.search(rf"(?:{endings}){_END}", text) is not None


def test_mentos_returns_the_reply_unchanged(styled):
    assert styled["mentos"] == list(COUNSELLOR_SENTENCES)


def test_formal_ends_every_sentence_in_hapsyo_style(styled):
    for out in styled["formal"]:
        assert _ends_with(out, "ㅂ니다|습니다|니다|니까|십시오|것입니다"), out
        assert not re.search(r"요[.?!…]*$", out), out


def test_formal_uses_written_vocabulary(styled):
    joined = " ".join(styled["formal"])
    assert "그러한" in joined and "것입니다" in joined


@pytest.mark.parametrize("slug", ["expert", "gentle", "android"])
def test_polite_characters_speak_hapsyo(styled, slug):
    for out in styled[slug]:
        assert re.search(r"(니다|니까|십시오)[.?!…]*", out), out


def test_friend_speaks_banmal_throughout(styled):
    for out in styled["friend"]:
        assert not re.search(r"요[.?!…,]", out) and not out.rstrip(".?!… ㅎ").endswith("요"), out
        assert "니다" not in out and "니까" not in out, out
        assert "주무시" not in out and "드셨" not in out, out
    assert "요즘 잠은 잘 자고 있어?" in " ".join(styled["friend"])


def test_friend_drops_the_honorific_toward_the_listener(styled):
    by_input = dict(zip(COUNSELLOR_SENTENCES, styled["friend"], strict=True))
    assert "지쳤겠어" in by_input["시험 준비 때문에 많이 지치셨겠어요."]
    assert "잘 먹었어?" in by_input["식사는 잘 드셨어요?"]
    assert "말해 줘서 고마워" in by_input["말씀해 주셔서 고마워요."]
    assert "내가 옆에서 함께할게" in by_input["제가 옆에서 함께할게요."]


def test_seonbi_speaks_hao_style(styled):
    for out in styled["seonbi"]:
        assert _ends_with(out, "오|소|구려"), out
    joined = " ".join(styled["seonbi"])
    assert "그대" in joined or "허허" in joined


def test_halbae_speaks_like_a_grandfather(styled):
    for out in styled["halbae"]:
        assert _ends_with(out, "구나|단다|란다|느냐|냐|거라|렴|자꾸나|마|까|안단다"), out
    joined = " ".join(styled["halbae"])
    assert "느냐?" in joined and "거라" in joined and "자꾸나" in joined


def test_azae_speaks_hage_style(styled):
    for out in styled["azae"]:
        assert re.search(r"(네|나|가|게|세|구먼|라네|다네|ㅁ세|함세|까)[.?!]", out), out
    assert "허허" in " ".join(styled["azae"])


def test_naruto_says_nikkan(styled):
    statements = [o for s, o in zip(COUNSELLOR_SENTENCES, styled["naruto"], strict=True) if s.endswith(".")]
    assert sum("니깐" in o for o in statements) >= len(statements) * 0.8
    assert all(not o.rstrip().endswith("요.") for o in styled["naruto"])


def test_enfp_is_excited(styled):
    for out in styled["enfp"]:
        assert "!" in out, out
    joined = " ".join(styled["enfp"])
    assert "완전" in joined and ("✨" in joined or "💖" in joined or "🌈" in joined)


def test_sosim_hesitates(styled):
    for out in styled["sosim"]:
        assert "…" in out, out
    joined = " ".join(styled["sosim"])
    assert "저…" in joined and "혹시" in joined


def test_android_beeps_and_analyses(styled):
    joined = " ".join(styled["android"])
    assert "삐빅" in joined and "분석" in joined


def test_gentle_addresses_the_guest(styled):
    joined = " ".join(styled["gentle"])
    assert "손님" in joined and ("부디" in joined or "괜찮으시다면" in joined or "실례지만" in joined)


def test_expert_advises_in_professional_terms(styled):
    joined = " ".join(styled["expert"])
    assert "권합니다" in joined and "것이 좋겠습니다" in joined
    assert "말씀을 들어 보면" in joined or "상담 관점에서 보면" in joined
