"""The offline emotion backend: lexicon over morphemes, negation, intensity, cues."""

from __future__ import annotations

import math
import time

import pytest

from inference.backends.emotion_lexicon import LexiconEmotionBackend
from inference.base import EmotionBackend
from inference.labels import EMOTION_LABELS, group_of

JOY, THANKS, HOPE, LOVE, FUN, DAILY, THINK, SAD, TIRED, ANNOYED, WORRY = EMOTION_LABELS


@pytest.fixture(scope="module")
def backend() -> LexiconEmotionBackend:
    return LexiconEmotionBackend()


def one(backend: LexiconEmotionBackend, text: str):  # type: ignore[no-untyped-def]
    return backend.classify([text])[0]


def test_it_implements_the_emotion_protocol_and_takes_any_options() -> None:
    b = LexiconEmotionBackend(emotion_model="ignored", memory_dir="/tmp/x")
    assert isinstance(b, EmotionBackend)


def test_scores_cover_every_label_and_sum_to_one(backend: LexiconEmotionBackend) -> None:
    for text in ("오늘 너무 행복해", "", "그냥 밥 먹었어", "짜증나 ㅡㅡ 진짜", "ㅋㅋㅋㅋ"):
        e = one(backend, text)
        assert set(e.scores) == set(EMOTION_LABELS)
        assert math.isclose(sum(e.scores.values()), 1.0, abs_tol=1e-9)
        assert all(0.0 < p < 1.0 for p in e.scores.values())
        assert e.label == max(e.scores, key=lambda k: e.scores[k])


def test_conjugations_of_one_word_meet_the_same_entry(backend: LexiconEmotionBackend) -> None:
    assert {one(backend, t).label for t in ("행복했어", "행복하다", "행복해요", "행복합니다")} == {JOY}
    assert {one(backend, t).label for t in ("지쳤어", "지친다", "지쳐요")} == {TIRED}


def test_negation_flips_positive_words_to_the_negative_side(backend: LexiconEmotionBackend) -> None:
    for text in ("행복하지 않아", "안 좋아", "하나도 안 즐거워", "별로 안 좋아", "재미가 하나도 없어"):
        assert one(backend, text).group == "negative", text


def test_negation_calms_negative_words(backend: LexiconEmotionBackend) -> None:
    for text in ("안 힘들어", "불안하지 않아", "짜증나지 않아"):
        assert one(backend, text).group != "negative", text


def test_negation_of_neutral_verbs_that_carry_feeling(backend: LexiconEmotionBackend) -> None:
    assert one(backend, "못 자겠어").label == TIRED
    assert one(backend, "이제 더는 못 버티겠어요").label == TIRED
    assert one(backend, "걱정돼서 아무것도 손에 안 잡혀").label == WORRY


def test_intensifiers_raise_and_hedges_lower_the_score(backend: LexiconEmotionBackend) -> None:
    plain = one(backend, "슬퍼").scores[SAD]
    assert one(backend, "너무 슬퍼").scores[SAD] > plain
    assert one(backend, "진짜 완전 슬퍼").scores[SAD] > one(backend, "너무 슬퍼").scores[SAD]
    assert one(backend, "좀 슬퍼").scores[SAD] < plain
    assert one(backend, "약간 슬퍼").scores[SAD] < plain


def test_slang_prefix_gae_is_an_intensifier_only_when_glued(backend: LexiconEmotionBackend) -> None:
    assert one(backend, "개웃겨").label == FUN
    assert one(backend, "개빡치네 진짜").label == ANNOYED
    assert one(backend, "개웃겨").scores[FUN] > one(backend, "웃겨").scores[FUN]


def test_slang_typos_and_emoticons(backend: LexiconEmotionBackend) -> None:
    assert one(backend, "오늘 파티 완전 꿀잼").label == FUN
    assert one(backend, "ㄱㅅㄱㅅ 덕분에 해결했어").label == THANKS
    assert one(backend, "아 짱나 ㅡㅡ").label == ANNOYED
    assert one(backend, "넘 힘듬 ㅠㅠ").label == TIRED
    assert one(backend, "행복햇어 오늘 ㅎㅎ").label == JOY
    assert one(backend, "ㅋㅋㅋㅋ").label == FUN
    assert one(backend, "ㅠㅠ").label == SAD
    assert one(backend, "우리 애기 ❤️").label == LOVE


def test_hyperbole_with_jukda_intensifies_the_feeling_before_it(backend: LexiconEmotionBackend) -> None:
    assert one(backend, "피곤해 죽겠어").label == TIRED
    assert one(backend, "짜증나 죽겠어").label == ANNOYED
    assert one(backend, "걔가 좋아 죽겠어").label == LOVE


def test_plain_statements_are_everyday_and_deliberation_is_thinking(backend: LexiconEmotionBackend) -> None:
    for text in ("오늘 점심으로 김치찌개 먹었어요", "지금 버스 타고 가는 중", "안녕하세요"):
        assert one(backend, text).label == DAILY, text
    for text in ("이직할까 말까 고민이야", "어떻게 해야 할지 모르겠어요", "요즘 생각이 많아요"):
        assert one(backend, text).label == THINK, text


def test_worry_construction_and_wishes(backend: LexiconEmotionBackend) -> None:
    assert one(backend, "시험 망칠까 봐 무서워").label == WORRY
    assert one(backend, "주말이 빨리 왔으면 좋겠다").label == HOPE
    assert one(backend, "남자친구가 너무 좋아").label == LOVE


def test_contrast_makes_the_second_clause_count_more(backend: LexiconEmotionBackend) -> None:
    assert one(backend, "어제는 즐거웠지만 오늘은 너무 우울해").label == SAD
    assert one(backend, "힘들었는데도 결국 합격해서 너무 기뻐").group == "positive"


def test_batches_keep_input_order_and_match_single_calls(backend: LexiconEmotionBackend) -> None:
    texts = ["너무 행복해", "진짜 짜증나", "그냥 밥 먹었어", "고마워요", "불안해"]
    batch = backend.classify(texts)
    assert [e.label for e in batch] == [one(backend, t).label for t in texts]
    assert [group_of(e.label) for e in batch] == ["positive", "negative", "neutral", "positive", "negative"]
    assert backend.classify([]) == []


def test_one_sentence_costs_a_few_milliseconds_once_warm(backend: LexiconEmotionBackend) -> None:
    texts = ["요즘 회사 일이 너무 많아서 지치고 잠도 잘 못 자요"] + [f"오늘 {i}번째로 친구랑 재밌게 놀았어" for i in range(50)]
    backend.classify(texts[:1])
    start = time.perf_counter()
    backend.classify(texts)
    per_sentence_ms = (time.perf_counter() - start) * 1000 / len(texts)
    assert per_sentence_ms < 15  # ~1 ms here; generous for a busy CI box
