"""The crisis rules generalise: concepts compose with markers, exclusions are structural.

How the rules were grown (helper B2, 2026-11-25). Seventeen batches of fresh sentences
(~33-37 positives across the five categories and 25 hard negatives each: hyperbole, idioms,
third persons, fiction/news, task objects, everyday uses of the means words; 반말/존댓말,
typos, slang, emoji, long messages with the risk in one clause) were written *before*
running the rules on them. Each batch was scored first try, the misses were fixed by
structure (a concept set, a marker, an exclusion; never the sentence), and only then was
the batch appended to `devsets/crisis_holdout.tsv`. First-try figures, recall / false
positives with emotion=None (with the lexicon emotion in brackets where it differs):

    batch  rules at the time           the original phrase rules
    B1     78.4 % / 8.3 %              (same: B1-B3 were scored on the original rules)
    B2     69.4 % / 0.0 % (66.7 %)
    B3     54.3 % / 8.3 %
    B4     69.4 % / 12.0 %             66.7 % / 16.0 %
    B5     77.1 % / 8.0 % (74.3 %)     60.0 % / 4.0 %
    B6     74.3 % / 4.0 % (74.3/0.0)   45.7 % / 8.0 %
    B7     57.1 % / 0.0 % (54.3 %)     54.3 % / 4.0 %   (euphemisms: 하늘나라, 별이 되고 싶다)
    B8     88.6 % / 12.0 % (85.7 %)    74.3 % / 8.0 %
    B9     62.9 % / 16.0 %             54.3 % / 12.0 %
    B10    57.6 % / 12.0 % (54.5 %)    48.5 % / 8.0 %   (typos and metaphors: 쥭고싶다, 로그아웃)
    B11    79.4 % / 8.0 % (76.5 %)     47.1 % / 4.0 %
    B12    84.8 % / 8.0 %              60.6 % / 4.0 %
    B13    72.7 % / 8.0 % (69.7 %)     57.6 % / 12.0 %
    B14    51.5 % / 8.0 % (48.5 %)     27.3 % / 8.0 %   (counterfactuals, escaping the body, railways)
    B15    63.6 % / 4.0 % (60.6 %)     45.5 % / 4.0 %
    B16    75.8 % / 4.0 % (69.7 %)     48.5 % / 4.0 %
    B17    66.7 % / 0.0 % (63.6 %)     51.5 % / 8.0 %

Mean first-try recall over B4-B17: 70.1 % with the rules of the time against 53.0 % for the
original phrase rules on the same sentences; over the last three batches 68.7 % against
48.5 %. First-try false positives were about the same (7.4 % against 7.4 %). The long tail of
phrasings is real: expect a blind set to find both misses and false alarms. After
the fixes every batch is at 100 % recall and 0 % false positives, except one row of B10
("내일 아무도 없을 때 하려고", a weak signal that fires only with a negative or unknown
emotion), which was left out of the holdout file.
"""

from __future__ import annotations

import csv
import statistics
import time
from pathlib import Path

import pytest

from inference.backends.crisis_rules import RuleCrisisBackend
from inference.morph import morphs

DEVSETS = Path(__file__).resolve().parent.parent / "devsets"


@pytest.fixture(scope="module")
def crisis() -> RuleCrisisBackend:
    return RuleCrisisBackend()


# A core concept (dying, vanishing, stopping life, a means, a wound, a farewell) with any
# marker (wish, intent, plan noun, "better off", relief-if, permission), in words the
# dev sets do not hold.
COMPOSED = {
    "vanish+wish": "조용히 증발해버리고 싶어",
    "vanish+plan noun": "사라질 계획을 세웠어",
    "vanish+thought noun": "없어질 생각만 해",
    "vanish+better off": "제가 지워지는 게 모두를 위한 길이에요",
    "vanish+relief-if": "내가 사라지면 다 해결될 거야",
    "die+date noun": "죽을 날짜를 생각해 봤어",
    "vanish (noun+하다)": "소멸하고 싶다",
    "stop living+permission": "그만 살아도 될 것 같아",
    "stop enduring+negated wish": "더 이상 버티고 싶지 않아요",
    "stop breathing": "숨을 그만 쉬고 싶다",
    "no reason to exist": "이 세상에 내가 있을 이유를 모르겠어",
    "no meaning to live": "살아갈 의미를 못 찾겠어요",
    "passive vanish": "세상에서 지워지고 싶다",
    "forever sleep": "오늘 밤 영원히 잠들고 싶어",
    "lethal means+acquire": "농약을 구했어",
    "rope+acquire": "밧줄을 사 뒀어",
    "blade on body": "칼을 손목에 갖다 댔어",
    "cutting, no object": "어제 또 그었어",
    "burning a body part": "팔을 라이터로 지졌어",
    "punishing myself": "나를 벌주려고 굶고 있어",
    "giving things away": "내 물건들 동생한테 다 나눠줬어",
    "after I'm gone": "내가 없어도 밥 잘 챙겨 먹어",
    "afterlife euphemism": "하늘나라 가고 싶어",
    "star euphemism": "별이 되고 싶어",
    "exit metaphor": "이 세상에서 로그아웃하고 싶어",
    "on a bridge now": "마포대교 위야 지금",
    "english": "i want to die",
}


@pytest.mark.parametrize("text", COMPOSED.values(), ids=COMPOSED.keys())
def test_a_core_concept_with_any_marker_fires(crisis: RuleCrisisBackend, text: str) -> None:
    result = crisis.check(text)
    assert result.is_crisis, text
    category, _, rule = result.reason.partition(":")
    assert category in ("ideation_direct", "ideation_indirect", "plan_means", "self_harm", "farewell") and rule


@pytest.mark.parametrize("text", ["쥭고십다", "죽고싶당", "번탄 샀어", "자살각"])
def test_typos_and_slang_of_the_core_words_fire(crisis: RuleCrisisBackend, text: str) -> None:
    assert crisis.check(text).is_crisis


STRUCTURAL_NEGATIVES = {
    "hyperbole: sensation + 죽겠다": "배고파 죽겠다",
    "hyperbole: cause + 죽겠다": "부장님 때문에 미치겠어 죽겠어 아주",
    "idiom: 쥐 죽은 듯": "쥐 죽은 듯이 조용히 있었어",
    "idiom: 기가 죽다": "기가 죽었어",
    "idiom: 숨죽이다": "숨죽이고 봤어",
    "food: 죽": "죽 한 그릇 먹었어",
    "task object of 끝내다": "숙제 다 끝내고 싶다",
    "an object vanishes": "지갑이 사라졌어",
    "non-human dies": "모기 다 죽었으면 좋겠다",
    "third person": "친구가 죽고 싶다고 해서 걱정돼",
    "fiction": "드라마 주인공이 뛰어내리는 장면",
    "a role in a play": "연극에서 자살하는 역할을 맡았어",
    "someone else's self-harm": "예전에 자해했던 친구를 돕고 싶어",
    "past and recovered": "예전엔 죽고 싶었는데 지금은 괜찮아",
    "a person word inside another word": "문제가 없어지면 편해질 텐데",
    "drawing a line": "선 긋는 연습 중",
    "a date for a wedding": "결혼식 날짜를 정했어",
    "an errand on the roof": "쓰레기 버리러 옥상 갔다 왔어",
    "an itch": "팔에 모기 물려서 긁었어",
    "a goodbye before a holiday": "그동안 고마웠어 내일부터 휴가야",
    "cooking with a knife": "칼을 들고 수박을 잘랐어",
}


@pytest.mark.parametrize("text", STRUCTURAL_NEGATIVES.values(), ids=STRUCTURAL_NEGATIVES.keys())
def test_harmless_senses_are_excluded_by_structure(crisis: RuleCrisisBackend, text: str) -> None:
    result = crisis.check(text)
    assert not result.is_crisis, result


def test_a_relapse_after_a_recovery_still_fires(crisis: RuleCrisisBackend) -> None:
    assert not crisis.check("예전엔 죽고 싶었는데 지금은 괜찮아졌어").is_crisis
    assert crisis.check("예전엔 죽고 싶었는데 지금은 괜찮아졌어. 근데 요즘 다시 죽고 싶어").is_crisis


def test_the_risk_in_one_clause_of_a_long_message_fires(crisis: RuleCrisisBackend) -> None:
    text = ("안녕하세요 요즘 취업도 안 되고 집에서 눈치만 보고 있어요. 친구들은 다 잘 나가는데 "
            "저만 이러고 있으니까 그냥 사라지는 게 낫겠다는 생각이 들어요. 오늘도 하루 종일 누워 있었어요")
    assert crisis.check(text).is_crisis


def test_a_person_word_must_start_a_word(crisis: RuleCrisisBackend) -> None:
    assert crisis.check("제가 없어지면 다들 편해질 텐데").is_crisis
    assert not crisis.check("문제가 없어지면 편해질 텐데").is_crisis


def test_check_stays_fast_once_the_morphemes_are_cached(crisis: RuleCrisisBackend) -> None:
    with open(DEVSETS / "crisis_holdout.tsv", encoding="utf-8", newline="") as fh:
        texts = [r["text"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)][:300]
    for text in texts:
        morphs(text)  # the morph cache is what the pipeline's emotion stage already filled
        crisis.check(text)
    timings = []
    for text in texts:
        start = time.perf_counter()
        crisis.check(text)
        timings.append((time.perf_counter() - start) * 1000)
    p50 = statistics.median(timings)
    print(f"\ncrisis check p50 {p50:.3f} ms, max {max(timings):.3f} ms over {len(texts)} messages")
    assert p50 < 0.5
