"""Every reply: reflects the person's words, 2–4 해요체 sentences, exactly one open question."""

from __future__ import annotations

import re

import pytest

from inference.backends.llm_offline import OfflineCounsellorBackend, josa, read
from inference.labels import EMOTION_LABELS
from inference.types import Emotion, GenerateRequest

MESSAGES = [
    "요즘 시험 때문에 잠을 못 자요",
    "어제 회사에서 팀장님이 모두 앞에서 저한테 소리를 질러서 너무 창피했어요",
    "남자친구랑 헤어졌어요.",
    "엄마가 자꾸 잔소리를 하셔서 짜증나요",
    "제가 너무 한심해요",
    "진로를 모르겠어요 어떻게 해야 할까요?",
    "우리 아이가 밥을 안 먹어요",
    "안녕하세요",
    "오늘 승진했어요!",
    "강아지가 지난주에 무지개다리를 건넜어요",
    "요즘 너무 외로워요. 주말에 만날 사람이 아무도 없어요",
    "내일 발표가 있는데 너무 떨려요",
    "친구들이 저만 빼고 단톡방을 만들었어요",
    "월세 내고 나면 생활비가 하나도 없어요",
    "허리가 너무 아파서 일을 못 하겠어요",
    "층간소음 때문에 미칠 것 같아요",
    "다들 잘 사는 것 같은데 저만 뒤처진 것 같아요",
    "오늘 친구랑 맛있는 거 먹고 너무 즐거웠어요",
    "부장님이 내 보고서를 보고 한숨을 쉬었어",
    "회사 스트레스ㅠㅠ",
    "ㅠㅠ",
    "왜 나만 이래요?",
    "도와주세요",
    "그냥요",
    "시험 망쳤어 ㅋㅋ",
    "고마워요 덕분에 마음이 좀 편해졌어요",
    "아무것도 하기 싫어요 진짜 다 귀찮고 그냥 누워만 있고 싶어요 언제까지 이래야 하는지 모르겠어요",
    "",
    "   ",
    "I feel sad today",
    "😭😭😭",
    "?",
    "토익 900점 넘었어요!!",
    "회사에서 팀장님이 " * 40 + "소리를 질렀어요",
]


@pytest.fixture(scope="module")
def backend() -> OfflineCounsellorBackend:
    return OfflineCounsellorBackend()


def _emotion(label: str) -> Emotion:
    return Emotion(label, {k: (1.0 if k == label else 0.0) for k in EMOTION_LABELS})


def sentences(reply: str) -> list[str]:
    return re.split(r"(?<=[.?!])\s+", reply.strip())


@pytest.mark.parametrize("text", MESSAGES)
def test_a_reply_is_two_to_four_haeyo_sentences_with_exactly_one_question_last(backend, text):
    for seed, label in enumerate(EMOTION_LABELS):
        reply = backend.compose(GenerateRequest(text=text, emotion=_emotion(label), seed=seed))
        parts = sentences(reply)
        assert 2 <= len(parts) <= 4, reply
        for part in parts:
            assert re.search(r"요[.?!]$", part), (part, reply)
        assert reply.count("?") == 1 and parts[-1].endswith("?"), reply
        assert "  " not in reply and reply == reply.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("요즘 시험 때문에 잠을 못 자요", "시험 때문에 잠을 못 잔다고"),
        ("시험땜에 잠을 못자ㅠㅠ", "시험 때문에 잠을 못 잔다고"),
        ("남자친구랑 헤어졌어요.", "남자친구랑 헤어졌다고"),
        ("엄마가 자꾸 잔소리를 하셔서 짜증나요", "잔소리를 하셔서 짜증난다고"),
        ("제가 너무 한심해요", "너무 한심하다고"),
        ("친구들이 저만 빼고 단톡방을 만들었어요", "친구들이 나만 빼고 단톡방을 만들었다고"),
        ("음악을 들어도 위로가 안 돼요", "위로가 안 된다고"),
        ("가족이 나를 이해해 주지 않아요", "가족이 이해해 주지 않는다고"),
        ("저는 고3 수험생이에요", "고3 수험생이라고"),
        ("할머니가 편찮으세요", "할머니가 편찮으시다고"),
    ],
)
def test_it_reflects_the_persons_own_words_as_reported_speech(backend, text, expected):
    assert any(expected in q for _, q in read(text).quotes)
    reply = backend.compose(GenerateRequest(text=text, emotion=_emotion("힘듦(지침)")))
    assert expected in reply, reply


def test_questions_and_requests_are_not_reported_back_as_statements():
    assert read("어떻게 해야 할까요?").quotes == ()
    assert read("왜 나만 이래요").quotes == ()
    assert read("좀 도와주세요").quotes == () and read("좀 도와주세요").asks == ()
    assert read("선생님은 어떻게 생각하세요?").asks == ()  # a question to the counsellor


@pytest.mark.parametrize(
    ("text", "kind", "indirect"),
    [
        ("어떻게 해야 할까요?", "asked", "어떻게 해야 할지"),
        ("헤어지는 게 맞을까요?", "asked", "헤어지는 게 맞을지"),
        ("제가 이상한 걸까요?", "asked", "내가 이상한 건지"),
        ("시험 망치면 어떡하지?", "asked", "시험 망치면 어떡할지"),
        ("왜 나만 이래요?", "why", "왜 나만 이런지"),
        ("요즘 왜 이렇게 잠이 안 오지", "why", "요즘 왜 이렇게 잠이 안 오는지"),
        ("나는 왜 이렇게 못났을까", "why", "나는 왜 이렇게 못났는지"),
    ],
)
def test_a_question_the_person_asks_is_mirrored_as_an_indirect_question(backend, text, kind, indirect):
    assert [(k, q) for _, k, q in read(text).asks] == [(kind, indirect)]
    reply = backend.compose(GenerateRequest(text=text, emotion=_emotion("생각이 많은")))
    assert reply.startswith(indirect + " "), reply
    assert reply.count("?") == 1


def test_without_a_clause_it_reflects_the_key_noun_with_the_right_particle(backend):
    reply = backend.compose(GenerateRequest(text="회사 스트레스ㅠㅠ", emotion=_emotion("힘듦(지침)")))
    assert "회사" in reply and "회사이" not in reply and "회사을" not in reply
    reply = backend.compose(GenerateRequest(text="시험 스트레스", emotion=_emotion("힘듦(지침)"), seed=4))
    assert "시험" in reply and "시험가" not in reply and "시험를" not in reply


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("시험", "이/가", "시험이"), ("회사", "이/가", "회사가"), ("잠", "을/를", "잠을"),
        ("친구", "을/를", "친구를"), ("엄마", "은/는", "엄마는"), ("동생", "와/과", "동생과"),
        ("아빠", "와/과", "아빠와"), ("서울", "으로/로", "서울로"), ("집", "으로/로", "집으로"),
        ("학교", "으로/로", "학교로"), ("고3", "이/가", "고3이"), ("2", "이/가", "2가"),
        ("학생", "이라고/라고", "학생이라고"), ("친구", "이라고/라고", "친구라고"),
    ],
)
def test_josa_follows_the_final_consonant(word, pair, expected):
    assert josa(word, pair) == expected


def test_a_calm_reading_of_sad_news_still_gets_a_fitting_acknowledgement(backend):
    reply = backend.compose(GenerateRequest(text="할머니가 돌아가셨는데 아직 실감이 안 나요",
                                            emotion=_emotion("일상적인")))
    assert "고마워요" not in reply.split(".")[0] and "듣고 싶어요" not in reply
