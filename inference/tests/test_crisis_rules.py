"""The offline crisis backend: what fires, what does not, and why."""

from __future__ import annotations

import pytest

from inference.backends.crisis_rules import RuleCrisisBackend
from inference.base import CrisisBackend
from inference.labels import EMOTION_LABELS
from inference.types import Emotion


@pytest.fixture(scope="module")
def crisis() -> RuleCrisisBackend:
    return RuleCrisisBackend()


def emotion(label: str) -> Emotion:
    rest = (1.0 - 0.6) / (len(EMOTION_LABELS) - 1)
    return Emotion(label=label, scores={k: (0.6 if k == label else rest) for k in EMOTION_LABELS})


POSITIVES = {
    "ideation_direct": ["죽고 싶어", "자살하고 싶어요", "그냥 죽어버리고 싶다", "차라리 죽었으면 좋겠어",
                        "나 같은 건 죽는 게 나아", "죽고싶다 진짜", "뛰어내리고 싶어"],
    "ideation_indirect": ["사라지고 싶어", "아침에 눈을 뜨지 않았으면 좋겠어요", "다 끝내고 싶어", "살 이유가 없어",
                          "내가 없어지면 다들 편해질 거야", "태어나지 말았어야 했어", "살고 싶지 않아요"],
    "plan_means": ["약을 모아뒀어", "옥상에 올라가 봤어요", "유서를 썼어", "번개탄을 샀어요", "죽는 방법을 찾아보고 있어"],
    "self_harm": ["손목을 그었어", "자해했어요", "칼로 팔을 긋고 싶어", "스스로를 다치게 하고 싶어"],
    "farewell": ["그동안 고마웠어 이제 안녕", "내 물건 정리했어 다 나눠줄게", "이게 마지막 메시지가 될 거예요",
                 "다음 생에 보자"],
}

HYPERBOLE = ["배고파 죽겠다", "웃겨 죽는 줄", "죽을 만큼 맛있다", "피곤해 죽겠어", "오늘 죽도록 공부했어",
             "졸려 죽을 것 같아", "이 떡볶이 죽인다", "엄마한테 걸리면 난 죽었다 ㅋㅋ", "숙제 때문에 죽겠네"]
OTHER_TOPICS = ["자살 예방 캠페인에 참여했어요", "드라마에서 주인공이 죽는 장면 보고 울었어",
                "뉴스 기사에서 연예인 자살 소식을 봤어요", "키우던 금붕어가 죽었어", "휴대폰 배터리가 죽었어",
                "옥상에서 빨래 널었어요", "감기약 먹고 잤어요", "유서 깊은 마을로 여행 다녀왔어요",
                "이번 프로젝트 빨리 끝내고 싶어", "여행 가서 잠깐 사라지고 싶어 ㅎㅎ", "이제 안녕 다음에 또 얘기하자",
                "친구의 고민 상담을 해주는데 그 친구가 죽고 싶다고 했대 어떻게 도와줘야 할까"]


def test_it_implements_the_crisis_protocol_and_takes_any_options() -> None:
    assert isinstance(RuleCrisisBackend(memory_dir="/tmp/x", llm_adapter=""), CrisisBackend)


@pytest.mark.parametrize(("category", "text"), [(c, t) for c, ts in POSITIVES.items() for t in ts])
def test_it_fires_on_each_category_and_says_which_rule(crisis: RuleCrisisBackend, category: str, text: str) -> None:
    for emo in (None, emotion("슬픔(우울한)"), emotion("일상적인")):
        result = crisis.check(text, emo)
        assert result.is_crisis, (text, emo)
        assert result.reason, text
        assert result.matched, text
    # the category is named in the reason ("farewell:…", "plan_means:…"); ideation rules share a prefix
    reason = crisis.check(text).reason
    assert reason.split(":")[0] in (category, "ideation_direct", "ideation_indirect", "plan_means", "farewell"), reason


@pytest.mark.parametrize("text", HYPERBOLE)
def test_hyperbole_does_not_fire(crisis: RuleCrisisBackend, text: str) -> None:
    assert not crisis.check(text).is_crisis
    assert not crisis.check(text, emotion("힘듦(지침)")).is_crisis


@pytest.mark.parametrize("text", OTHER_TOPICS)
def test_other_topics_and_third_persons_do_not_fire(crisis: RuleCrisisBackend, text: str) -> None:
    result = crisis.check(text, emotion("슬픔(우울한)"))
    assert not result.is_crisis, result
    assert result.reason == "" and result.matched == ()


def test_an_explicit_first_person_wish_fires_even_next_to_a_topic_word(crisis: RuleCrisisBackend) -> None:
    assert crisis.check("뉴스 보니까 나도 죽고 싶어").is_crisis
    assert crisis.check("오늘은 정말 죽고 싶었어").is_crisis  # "오늘은" is not someone else


def test_weak_signals_fire_with_a_negative_or_unknown_emotion_only(crisis: RuleCrisisBackend) -> None:
    text = "이제 더는 못 버티겠어요"
    assert crisis.check(text, None).is_crisis
    assert crisis.check(text, None).reason.endswith("+no_emotion")
    assert crisis.check(text, emotion("힘듦(지침)")).reason.endswith("+negative_emotion")
    assert not crisis.check(text, emotion("기쁨(행복한)")).is_crisis


def test_two_weak_signals_fire_whatever_the_emotion(crisis: RuleCrisisBackend) -> None:
    result = crisis.check("사는 게 너무 힘들어 희망이 없어", emotion("일상적인"))
    assert result.is_crisis
    assert result.reason.startswith("weak_signals:")


def test_a_negated_wish_is_a_weak_signal(crisis: RuleCrisisBackend) -> None:
    assert crisis.check("죽고 싶지는 않아요", emotion("슬픔(우울한)")).is_crisis
    assert not crisis.check("죽고 싶지는 않아요", emotion("기쁨(행복한)")).is_crisis


def test_empty_text_is_not_a_crisis(crisis: RuleCrisisBackend) -> None:
    assert crisis.check("") == crisis.check("   ")
    assert not crisis.check("").is_crisis


def test_reasons_are_stable_names(crisis: RuleCrisisBackend) -> None:
    assert crisis.check("유서를 썼어").reason == "plan_means:suicide_note"
    assert crisis.check("손목을 그었어").reason == "self_harm:cutting"
    assert crisis.check("죽고 싶어").reason == "ideation_direct:wish_to_die"
    assert crisis.check("다음 생에 보자").reason == "farewell:last_words"
