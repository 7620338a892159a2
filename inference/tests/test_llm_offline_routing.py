"""A message about a topic gets an entry of that topic; the emotion decides among moods."""

from __future__ import annotations

import pytest

from inference.backends.llm_offline import BankEntry, OfflineCounsellorBackend
from inference.labels import EMOTION_LABELS
from inference.types import Emotion, GenerateRequest

CASES = [
    ("요즘 새벽에 자꾸 깨서 잠을 제대로 못 자요", "힘듦(지침)", "수면"),
    ("시험땜에 잠을 못자ㅠㅠ", "힘듦(지침)", "수면"),
    ("팀장님이 매일 야근을 시켜서 회사 다니기가 힘들어요", "힘듦(지침)", "직장"),
    ("다음 주가 기말고사인데 공부가 하나도 안 돼요", "걱정스러운(불안한)", "학업·시험"),
    ("졸업은 다가오는데 진로를 아직 못 정했어요", "생각이 많은", "진로"),
    ("3년 사귄 남자친구랑 어제 헤어졌어요", "슬픔(우울한)", "연애·이별"),
    ("엄마가 제 방에 들어와서 자꾸 잔소리를 해요", "짜증남", "가족"),
    ("친구들 사이에서 따돌림을 당하는 것 같아요", "슬픔(우울한)", "친구·대인관계"),
    ("저는 자존감이 너무 낮아서 뭘 해도 자신감이 없어요", "슬픔(우울한)", "자존감"),
    ("혼자 자취하니까 너무 외로워요", "슬픔(우울한)", "외로움"),
    ("이유 없이 불안하고 초조해요", "걱정스러운(불안한)", "불안"),
    ("요즘 아무것도 하기 싫고 무기력해요", "힘듦(지침)", "우울"),
    ("억울하고 화가 나서 참을 수가 없어요", "짜증남", "분노"),
    ("작년에 할아버지가 돌아가셨는데 아직도 보고 싶어요", "슬픔(우울한)", "상실·애도"),
    ("허리 통증 때문에 병원에 다니고 있어요", "힘듦(지침)", "건강"),
    ("어린이집에 다니는 아이가 매일 아침 떼를 써요", "힘듦(지침)", "육아"),
    ("이번 달 카드값이 너무 많이 나와서 걱정이에요", "걱정스러운(불안한)", "돈·생활"),
    ("좋은 일이 생겨서 너무 기뻐요!", "기쁨(행복한)", "기쁨·감사"),
    ("안녕하세요", "일상적인", "인사"),
    ("음 잘 모르겠어요", "생각이 많은", "일반"),
]


@pytest.fixture(scope="module")
def backend() -> OfflineCounsellorBackend:
    return OfflineCounsellorBackend()


def _emotion(label: str) -> Emotion:
    return Emotion(label, {k: (0.6 if k == label else 0.04) for k in EMOTION_LABELS})


def entry_of(backend: OfflineCounsellorBackend, reply: str) -> BankEntry:
    """The bank entry a reply was built from (its question is verbatim in the reply)."""
    (entry,) = [e for e in backend.entries if e.question in reply]
    return entry


@pytest.mark.parametrize(("text", "label", "topic"), CASES)
def test_a_message_is_answered_from_its_topic(backend, text, label, topic):
    for seed in (0, 1, 2):
        reply = backend.compose(GenerateRequest(text=text, emotion=_emotion(label), seed=seed))
        assert entry_of(backend, reply).topic == topic, reply


def test_the_sub_theme_within_a_topic_is_chosen_by_the_words():
    cases = {
        "여자친구가 연락을 안 받아요": "연락",
        "남자친구랑 헤어졌어요": "헤어",
        "새벽에 자꾸 깨요": "새벽",
        "악몽을 꿔서 무서워요": "악몽",
    }
    b = OfflineCounsellorBackend()
    for text, cue in cases.items():
        reply = b.compose(GenerateRequest(text=text, emotion=_emotion("슬픔(우울한)")))
        assert cue in entry_of(b, reply).cues, (text, reply)


def test_good_news_gets_a_positive_entry_and_bad_news_a_negative_one(backend):
    good = backend.compose(GenerateRequest(text="드디어 최종 합격했어요!", emotion=_emotion("기쁨(행복한)")))
    bad = backend.compose(GenerateRequest(text="최종 면접에서 또 떨어졌어요", emotion=_emotion("슬픔(우울한)")))
    assert entry_of(backend, good).mood == "pos"
    assert entry_of(backend, bad).mood == "neg"


def test_without_a_topic_the_fallback_follows_the_emotion(backend):
    text = "음 잘 모르겠어요"
    worried = backend.compose(GenerateRequest(text=text, emotion=_emotion("걱정스러운(불안한)")))
    happy = backend.compose(GenerateRequest(text=text, emotion=_emotion("기쁨(행복한)")))
    assert "걱정" in entry_of(backend, worried).cues
    assert entry_of(backend, happy).mood == "pos"
