"""Regressions from the QA sweep of the rule styler over the offline counsellor's sentences:
no garbled endings, no "let's" where nobody acts, and no laugh or joke next to someone's pain."""

from __future__ import annotations

import re

import pytest

from inference.backends.style_rules import RuleStyleBackend, default_rules, is_light, stylize_sentence
from inference.tests.style_samples import COUNSELLOR_SENTENCES, SLUGS
from inference.types import CharacterStyle

PLAYFUL = ("ㅎㅎ", "ㅋㅋ", "허허", "하하", "호호", "아재개그", "🎉", "🌈", "✨", "우와", "와, ", "헐")
# Forms the QA sweep found: "거였으니?", "떠오름이 어떻겠소?", "뭐였야?", "거였은가?", "상처였으라니깐",
# "괜찮으니?", "힘들으냐?", "있ᆷ세", "즐거웠겠던", "축하줘", "…니깐, …니깐!", 요 left after 반말.
BROKEN = re.compile(
    r"(였|었|았)(으니|은가|야)\?|[가-힣]ᆷ이 어떻겠|(름|옴|놈)이 어떻겠|였으라|으니\?|들으냐|[ᄀ-ᇿ]|겠던 게"
    r"|축하주|감사주|니깐,"
)
NON_HAEYO_YO = re.compile(r"요[.?!…,]|니다|니까[.?!]|세요|십시오")


def plain(sentence: str, slug: str) -> str:
    """The sentence in the character's level, without the hashed flavour (prefixes, tails)."""
    return stylize_sentence(sentence, {**default_rules(slug), "prefix": {}, "suffix": {}, "joke": {},
                                       "address": {}, "min_flavour": False})


# ---------------------------------------------------------------- the two QA findings

def test_seonbi_does_not_invite_a_memory_to_rise():
    # "함께 떠올라요" has a subject (이야기도): a statement, not "let's" → never "떠오름이 어떻겠소?"
    out = stylize_sentence("지난번에 말씀하신 걱정 이야기도 함께 떠올라요.", default_rules("seonbi"))
    assert "떠오름" not in out and "어떻겠소" not in out
    assert out.endswith(("떠오르오.", "떠오르구려.")), out


def test_grandfather_asks_about_the_past_with_neuneunya():
    out = plain("그 순간 가장 크게 올라온 감정은 어떤 거였나요?", "halbae")
    assert out == "그 순간 가장 크게 올라온 감정은 어떤 거였느냐?"


# ---------------------------------------------------------------- past copula questions

@pytest.mark.parametrize(
    ("slug", "ending"),
    [("friend", "어떤 거였어?"), ("halbae", "어떤 거였느냐?"), ("azae", "어떤 거였나?"),
     ("naruto", "어떤 거였냐?"), ("seonbi", "어떤 것이었소?"), ("formal", "어떤 것이었습니까?")],
)
def test_a_past_copula_question_takes_each_levels_past_ending(slug, ending):
    assert plain("그 순간 가장 크게 올라온 감정은 어떤 거였나요?", slug).endswith(ending)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("그게 언제였어요?", "그게 언제였어?"), ("그 사람은 어떤 사람이었어요?", "그 사람은 어떤 사람이었어?")],
)
def test_friend_never_says_yeotya(sentence, expected):
    assert plain(sentence, "friend") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("지금은 좀 괜찮으세요?", "지금은 좀 괜찮으냐?"), ("요즘 많이 힘드세요?", "요즘 많이 힘드냐?"),
     ("예전에는 무엇이 마음을 채워 주었던 것 같으세요?", "예전에는 무엇이 마음을 채워 주었던 것 같으냐?"),
     ("가장 힘든 때는 언제인가요?", "가장 힘든 때는 언제니?")],
)
def test_grandfather_adjective_questions_are_not_euni(sentence, expected):
    assert plain(sentence, "halbae") == expected


@pytest.mark.parametrize(
    ("slug", "expected"),
    [("halbae", "그 일이 그렇게 큰 상처였던 게로구나."), ("naruto", "그 일이 그렇게 큰 상처였다니깐!"),
     ("friend", "그 일이 그렇게 큰 상처였구나.")],
)
def test_a_past_copula_exclamation_conjugates_as_past(slug, expected):
    assert plain("그 일이 그렇게 큰 상처였군요.", slug) == expected


def test_a_guess_in_the_past_is_not_a_recollection():
    assert plain("오늘 정말 즐거우셨겠네요.", "halbae") == "오늘 정말 즐거웠겠구나."


# ---------------------------------------------------------------- -ㄹ까요 and "let's"

@pytest.mark.parametrize(
    ("slug", "expected"),
    [("seonbi", "같이 방법을 찾아보는 것이 어떻겠소?"), ("halbae", "같이 방법을 찾아보자꾸나."),
     ("azae", "같이 방법을 찾아보세."), ("friend", "같이 방법을 찾아볼까?")],
)
def test_a_real_invitation_stays_an_invitation(slug, expected):
    assert plain("같이 방법을 찾아볼까요?", slug) == expected


@pytest.mark.parametrize("slug", ["friend", "halbae", "azae", "naruto", "seonbi", "formal"])
@pytest.mark.parametrize(
    "sentence",
    ["지난번에 말씀하신 걱정 이야기도 함께 떠올라요.",
     "애인이랑 같이 있으면 마음이 따뜻해진다고 하셨군요, 소중한 마음이 그대로 전해져요.",
     "갑자기 수입이 끊기면 생활에 대한 걱정과 함께 마음의 자리까지 흔들리게 돼요.",
     "믿었던 동료에게 뒤통수를 맞은 것 같은 일은 억울함과 배신감이 함께 밀려오게 해요."],
)
def test_together_with_a_subject_is_no_invitation(slug, sentence):
    out = plain(sentence, slug)
    assert not re.search(r"(자|자꾸나|세)[.!]$|어떻겠(소|습니까)\?$|것이 좋겠습니다", out), (slug, out)


@pytest.mark.parametrize(
    ("slug", "expected"),
    [("halbae", "어떤 이름이 어울리겠느냐?"), ("seonbi", "어떤 이름이 어울리겠소?"),
     ("azae", "어떤 이름이 어울리겠나?"), ("friend", "어떤 이름이 어울릴까?")],
)
def test_wondering_with_lkkayo_is_a_question_not_lets(slug, expected):
    out = plain("지금 그 마음에 이름을 붙인다면 어떤 이름이 어울릴까요?", slug)
    assert out.endswith(expected), out


@pytest.mark.parametrize("slug", ["friend", "halbae", "azae", "naruto", "seonbi"])
def test_suggestions_with_eotteolkkayo_stay_whole(slug):
    for sentence in ("그럴 때는 잠깐 산책을 해 보는 건 어떨까요?", "오늘은 일찍 쉬는 게 어떨까요?"):
        out = plain(sentence, slug)
        assert ("보는 건 어떻" in out or "보는 건 어떨" in out or "쉬는 게 어떻" in out
                or "쉬는 게 어떨" in out), (slug, out)
        assert not BROKEN.search(out), (slug, out)


# ---------------------------------------------------------------- words

@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("그때 어떤 마음이 드셨어요?", "그때 어떤 마음이 들었어?"), ("어떤 마음이 드세요?", "어떤 마음이 들어?"),
     ("가장 먼저 드신 생각은 무엇이었나요?", "가장 먼저 든 생각은 뭐였어?"), ("천천히 드세요.", "천천히 먹어."),
     ("합격 축하드려요!", "합격 축하해!")],
)
def test_deusida_is_eating_only_when_something_is_eaten(sentence, expected):
    assert plain(sentence, "friend") == expected


def test_elders_are_not_said_to_eat_their_age():
    out = plain("나이 드신 부모님을 돌보는 일은 마음이 복잡해지기 쉬워요.", "friend")
    assert "먹은" not in out and "나이 든" in out


def test_hage_promise_after_a_consonant():
    assert plain("제가 옆에 있을게요.", "azae") == "내가 옆에 있음세."


def test_a_wish_is_not_turned_into_a_guess():
    assert plain("스스로를 너무 탓하지 않으셨으면 좋겠어요.", "formal").endswith("좋겠습니다.")


@pytest.mark.parametrize(("slug", "expected"), [("formal", "무엇입니까?"), ("seonbi", "무엇이오?")])
def test_mwo_becomes_mueot_in_the_formal_levels(slug, expected):
    assert plain("지금 가장 하고 싶은 건 뭐예요?", slug).endswith(expected)


def test_naruto_says_nikkan_once_per_clause_chain():
    out = plain("대학원 붙었다고 하셨군요, 저도 덩달아 기뻐요.", "naruto")
    assert out == "대학원 붙었다고 했구나, 나도 덩달아 기쁘다니깐!"


# ---------------------------------------------------------------- no laughing at pain

SAD_REPLY = (
    "남자친구랑 헤어졌다고 하셨는데, 마음이 많이 아프셨겠어요.",
    "지난번에 요즘 잠을 못 잔다고 말씀하셨던 것도 기억하고 있어요.",
    "오래 함께한 사람과의 이별은 일상의 많은 부분을 한꺼번에 비워 내는 일이라 더 아프게 다가와요.",
    "걱정이 많을 때는 마음이 쉴 틈 없이 앞으로 달려가곤 해요.",
    "그 사람과 함께했던 시간 중 지금 가장 자주 떠오르는 장면은 어떤 건가요?",
)


@pytest.mark.parametrize("slug", SLUGS)
def test_no_playful_flavour_in_a_sad_reply_styled_one_sentence_at_a_time(slug):
    backend = RuleStyleBackend()
    style = CharacterStyle(slug=slug)
    for sentence in SAD_REPLY:
        out = backend.stylize([sentence], style)[0]  # as the pipeline streams: one at a time
        assert not any(mark in out for mark in PLAYFUL if mark not in sentence), (slug, out)


@pytest.mark.parametrize("slug", SLUGS)
def test_a_neutral_sentence_never_laughs(slug):
    backend = RuleStyleBackend()
    neutral = [s for s in COUNSELLOR_SENTENCES if not is_light(s)]
    for sentence, out in zip(neutral, backend.stylize(neutral, CharacterStyle(slug=slug)), strict=True):
        assert not any(mark in out for mark in PLAYFUL if mark not in sentence), (slug, out)


def test_the_offline_counsellors_breakup_reply_gets_no_laugh():
    from inference.backends.llm_offline import OfflineCounsellorBackend
    from inference.labels import EMOTION_LABELS
    from inference.sentences import split_sentences
    from inference.types import Emotion, GenerateRequest, MemoryItem

    label = "슬픔(우울한)"
    emotion = Emotion(label, {k: (0.9 if k == label else 0.01) for k in EMOTION_LABELS})
    memory = MemoryItem(1, "남자친구랑 헤어졌어요\n-", 0.6, u_message="남자친구랑 헤어졌어요")
    llm = OfflineCounsellorBackend()
    backend = RuleStyleBackend()
    for seed in range(4):
        request = GenerateRequest(text="헤어지고 나서 아무것도 손에 안 잡혀요", emotion=emotion,
                                  memories=(memory,), seed=seed)
        sentences = split_sentences("".join(llm.generate(request)))
        for slug in SLUGS:
            for sentence in sentences:
                out = backend.stylize([sentence], CharacterStyle(slug=slug))[0]
                assert not any(m in out for m in PLAYFUL if m not in sentence), (slug, sentence, out)


def test_only_plainly_glad_sentences_are_light():
    assert is_light("합격 소식을 들으니 저도 덩달아 기뻐요.")
    assert not is_light("행복하지가 않다고 하셨군요.")  # negated joy
    assert not is_light("기쁜 일이 있었는데도 마음이 허전하다고 하셨군요.")  # joy and sorrow
    assert not is_light("지난번에 말씀하신 여행 이야기도 함께 떠올라요.")  # neutral
    assert not is_light("지난번에 칭찬 받아서 뿌듯했다고 말씀하셨던 것도 기억하고 있어요.")  # another day's mood


def test_characters_stay_recognisable_without_laughs():
    sad = "그 일로 마음이 많이 아프셨겠어요."
    outs = {slug: plain(sad, slug) for slug in ("friend", "halbae", "azae", "seonbi", "naruto")}
    assert outs["friend"].endswith("아팠겠어.")
    assert outs["halbae"].endswith("아팠겠구나.")
    assert outs["azae"].endswith("아팠겠네.")
    assert outs["seonbi"].endswith(("아프셨겠소.", "아프셨겠구려."))
    assert "니깐" in outs["naruto"]


def test_a_glad_sentence_may_still_laugh():
    glad = "합격 소식을 들으니 저도 덩달아 기뻐요."
    backend = RuleStyleBackend()
    outs = [backend.stylize([glad], CharacterStyle(slug=slug))[0] for slug in ("friend", "azae")]
    assert any(any(mark in out for mark in PLAYFUL) for out in outs), outs


# ---------------------------------------------------------------- a sweep over the bank

def test_no_broken_forms_over_the_response_bank():
    bank = pytest.importorskip("inference.data.response_bank")
    sentences = sorted({text for entries in bank.BANK.values() for entry in entries for text in entry[2:4]})[::3]
    backend = RuleStyleBackend()
    for slug in SLUGS:
        for sentence, out in zip(sentences, backend.stylize(sentences, CharacterStyle(slug=slug)), strict=True):
            assert not BROKEN.search(out), (slug, sentence, out)
            if default_rules(slug).get("level") in ("banmal", "haera", "hage", "hao", "naruto"):
                body = re.sub(r"'[^']*'", "", out)  # quoted speech keeps its own voice
                assert not NON_HAEYO_YO.search(body), (slug, sentence, out)
            if not is_light(sentence):
                assert not any(m in out for m in PLAYFUL if m not in sentence), (slug, sentence, out)
