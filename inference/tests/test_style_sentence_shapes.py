"""Sentence shapes the counsellor writes beyond the simple ones: each keeps its sense."""

from __future__ import annotations

import pytest

from inference.backends.style_rules import default_rules, stylize_sentence


def styled(sentence: str, slug: str) -> str:
    return stylize_sentence(sentence, {**default_rules(slug), "prefix": {}, "suffix": {}, "joke": {},
                                       "address": {}, "min_flavour": False})


@pytest.mark.parametrize(
    ("slug", "expected"),
    [("friend", "잘 자."), ("formal", "안녕히 주무십시오."), ("halbae", "잘 자거라."), ("seonbi", "안녕히 주무시오.")],
)
def test_honorific_requests_become_the_levels_request(slug, expected):
    assert styled("안녕히 주무세요.", slug) == expected


@pytest.mark.parametrize(("slug", "expected"), [("friend", "잘하고 있어."), ("formal", "잘하고 계십니다.")])
def test_doing_well_is_a_statement_not_an_order(slug, expected):
    assert styled("잘하고 계세요.", slug) == expected


@pytest.mark.parametrize(
    ("slug", "expected"),
    [("friend", "우리 같이 천천히 생각해 보자."), ("halbae", "우리 같이 천천히 생각해 보자꾸나."),
     ("azae", "우리 같이 천천히 생각해 보세."), ("formal", "우리 함께 천천히 생각해 보는 것이 어떻겠습니까?")],
)
def test_lets_in_haeyo_becomes_the_levels_lets(slug, expected):
    assert styled("우리 같이 천천히 생각해 봐요.", slug) == expected


def test_an_ending_before_a_comma_is_rewritten_too():
    assert styled("그랬군요, 많이 힘드셨겠어요.", "friend") == "그랬구나, 엄청 힘들었겠어."
    assert styled("그랬군요, 많이 힘드셨겠어요.", "formal") == "그랬습니다, 크게 힘드셨을 것입니다."


def test_quoted_speech_keeps_its_own_words():
    out = styled("'더 잘해 줄걸' 하는 마음이 드는 건 자연스러워요.", "formal")
    assert "'더 잘해 줄걸'" in out and out.endswith("자연스럽습니다.")


def test_a_question_without_its_question_mark_is_still_a_question():
    assert styled("오늘 하루는 어떻게 보내셨어요", "friend") == "오늘 하루는 어떻게 보냈어?"


@pytest.mark.parametrize(
    ("slug", "expected"),
    [("formal", "가장 힘든 때는 언제입니까?"), ("azae", "가장 힘든 때는 언제인가?"),
     ("friend", "가장 힘든 때는 언제야?"), ("halbae", "가장 힘든 때는 언제니?")],
)
def test_copula_questions_do_not_contract_into_other_words(slug, expected):
    # "언젭니까" is colloquial and "언젠가" means "someday"
    assert styled("가장 힘든 때는 언제인가요?", slug) == expected


@pytest.mark.parametrize(
    ("slug", "expected"),
    [("friend", "안녕, 멘토스야."), ("formal", "안녕하십니까, 멘토스입니다."), ("azae", "반갑네, 멘토스라네.")],
)
def test_greetings_are_fixed_phrases(slug, expected):
    assert styled("안녕하세요, 멘토스예요.", slug) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("많이 힘들어요.", "많이 힘드오."), ("마음이 무거워요.", "마음이 무겁소."), ("그건 아니에요.", "그건 아니오."),
     ("잘 하고 있어요.", "잘 하고 있소.")],
)
def test_hao_style_picks_o_or_so_by_sound(sentence, expected):
    assert stylize_sentence(sentence, {"level": "hao"}) in (expected, expected[:-2] + "구려.")


def test_no_laughing_after_sorrow():
    for slug in ("azae", "friend", "halbae", "seonbi"):
        for sentence in ("남자친구랑 헤어져서 많이 힘드셨겠어요.", "혼자 견디느라 외로우셨겠어요.",
                         "그 일로 마음이 많이 아프셨겠어요.", "엄마랑 또 싸우셨군요."):
            out = stylize_sentence(sentence, default_rules(slug))
            assert not any(laugh in out for laugh in ("허허", "ㅎㅎ", "ㅋㅋ", "아재개그")), (slug, out)


def test_an_interjection_is_not_doubled():
    out = stylize_sentence("혹시 지금 혼자 계신가요?", default_rules("sosim"))
    assert out.count("혹시") == 1
