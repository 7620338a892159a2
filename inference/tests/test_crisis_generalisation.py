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

Blind set 1 (helper B3, 2026-11-25). `devsets/crisis_blind1.tsv`, written by someone who had
not seen the rules, scored 85.5 % / 10.4 % (82.8 % / 9.6 % with the lexicon emotion): the first
true out-of-sample figure, some 15 points below the dev sets. Its misses and false alarms were
read as *classes* (spaced letters, past attempt + urge now, preparations, goodbyes that presume
the speaker gone, euphemisms of going forever; idiom pairs, games, pets, recoveries without a
past frame, vanishing from a chat room, someone else's reported words). For each class fresh
sentences of our own were written first and scored first try, then the rules were fixed:

    batch  written                                    first try (lexicon emotion)
    B18    on the blind-set miss classes, new words   33.3 % / 33.3 % (22.2 % / 23.1 %)
    B19    after the first fixes, risk areas: fake    88.4 % / 14.6 % (83.7 % / 14.6 %)
           recoveries, a third person next to the
           speaker's own wish, bare nouns, relapses
    B20    after the second fixes, mixed              83.3 % / 3.2 %  (same)
    B21    after the third fixes, all categories     88.2 % / 13.3 % (88.2 % / 10.0 %)
    B22    adversarial to the new rules (dieting     93.3 % / 15.8 % (same)
           "attempts", errands, "forever" trips)

B18-B22 are appended to the holdout (314 rows) except two left out on purpose: "영원히 쉬고
싶다 ㅋㅋ 월요일 싫어" (still fires: a Monday joke in the words of a wish to rest forever,
left to err on the safe side) and "유튜브에서 매듭 묶는 법 찾아봤어 튼튼하게 묶이는 걸로" (still
missed: knot-tying is a hobby as often as a plan). Expect the next blind set to land near the
B19-B22 first-try figures (recall ~85-93 %, false positives 3-15 %), not at 100 %. Fixes found
on the way that were general bugs: the honorific 시 ("주셔서") was read as the noun 시 (a poem), silencing every 존댓말 farewell; "전에" (before)
was read as 전 (= 저는); a subject in a cause clause ("아빠가 때려서 그냥 죽고 싶어요") was taken
for the subject of the wish.

Blind set 2 (helper B4, 2026-11-25). `devsets/crisis_blind2.tsv` scored 81.7 % / 4.0 % (81.0 % /
4.0 % with the lexicon emotion): close to the B19-B22 forecast for recall, better for false
positives. Its 24 misses and 5 false alarms were read as classes: not existing tomorrow ("내일이면
이 세상에 없을 거야"), a journey with no return, a departure got ready, traces erased, letters
typed one by one (ㅈ ㅏ ㅅ ㅏ ㄹ) or backwards with a hint (살자 … 거꾸로), an accident wished on
oneself, a cutting urge with "한계야" after it, a wound made "again", an overdose, joining the
dead, "it will all end soon, don't worry", the self let go of; exclusions: compounds of 자살 (자살골),
board-game pieces, a recovery told with gratitude, a last message before bed (ㅋㅋ, 내일), a film
scene with charcoal. Fresh batches of our own, each written before it was run:

    batch  written                                       first try (lexicon emotion)
    B23    on the blind-2 miss classes, new words        46.9 % / 15.0 % (same)
    B24    mixed categories and hard negatives           73.3 % / 10.0 % (same)
           (both scored before any fix)
    B25    after the fixes, mixed                        78.1 % / 5.0 %  (same)
    B26    after fixing B25, adversarial to the new      84.4 % / 15.0 % (same)
           rules (one-way tickets, 한계선, last shows)

B23-B26 are appended to the holdout except five left out on purpose: "내일 아침 해 뜨는 거 보고
싶지 않아 그 전에 가려고" and "오늘이 마지막 날이야 다들 고마웠어" (still missed: the second reads as
a last day at work as often), "피곤해서 영원히 자고 싶다 ㅋㅋ 월요일 싫어" (still fires, as in B22),
and "장례식에 누가 올까 생각해봤어", "철길 앞에 서 있어" (weak signals: they fire with emotion=None
or a negative emotion only). Expect the next blind set near B25-B26 first try: recall ~78-85 %,
false positives 5-15 %.
"""

from __future__ import annotations

import statistics
import time

import pytest

from inference.backends.crisis_rules import RuleCrisisBackend
from inference.morph import morphs
from inference.quality import read_tsv


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


BLIND1_CLASSES = {
    "spaced letters": "뛰 어 내 리 고 싶 다",
    "jamo abbreviation of 자해": "ㅈㅎ 안 하려고 했는데 또 했어",
    "past attempt + urge now": "예전에 한 번 시도해본 적 있어 요즘 또 그 생각이 들어",
    "past attempt + this time for sure": "지난달에 목 매려다 실패했어 다음엔 안 실패해",
    "sturdy rope bought": "제일 튼튼한 끈으로 주문했어",
    "insurance as a way out": "내 사망보험금이면 엄마 빚은 갚을 수 있겠지",
    "pets entrusted for good": "내 햄스터 좀 잘 키워줘 부탁이야",
    "a goodbye to everyone": "모두에게 미안해 다들 잘 살아",
    "a last thank-you, never again": "상담사님 그동안 고마웠어요 다시 만날 일은 없을 거예요",
    "things given away, no longer needed": "내가 가진 거 전부 동생한테 줬어 어차피 이제 필요 없으니까",
    "soon gone": "조만간 나 없어질 테니까 신경 쓰지 마",
    "going forever": "곧 떠날 거야 아무도 없는 곳으로 영원히",
    "no place in this world": "이 세상에 내가 설 자리는 없어",
    "life given up, object after the verb": "포기하고 싶어 삶 자체를",
    "own death turned over": "죽은 다음엔 어떻게 될까 요즘 계속 생각해",
    "by my own hand": "스스로 끝내버릴까 봐 무서워",
    "a fall weighed up": "여기 다리 위에서 떨어지면 다 끝나겠지",
    "someone else in a cause clause": "아빠가 맨날 때려서 그냥 죽고 싶어요",
    "a relapse after a recovery": "상담 받고 나서 좀 줄었는데 어제 또 죽고 싶었어",
}


@pytest.mark.parametrize("text", BLIND1_CLASSES.values(), ids=BLIND1_CLASSES.keys())
def test_the_blind_set_miss_classes_fire_in_new_words(crisis: RuleCrisisBackend, text: str) -> None:
    assert crisis.check(text).is_crisis, text


BLIND1_NEGATIVES = {
    "idiom pair 죽기 살기": "죽기 살기로 일해서 겨우 마감했다",
    "a game": "발로란트 하다가 다 죽어서 짐",
    "a pet or a beetle": "키우던 장수풍뎅이 죽었어",
    "a thing wished away": "이 냄새 좀 사라졌으면 좋겠다",
    "vanishing from a chat room": "이 단톡방에서 사라지고 싶다 ㅋㅋ 다들 너무 시끄러워",
    "someone else's reported words": "아빠가 요즘 다 포기하고 싶다고 하셔서 마음이 아파요",
    "someone else hoarding": "엄마가 수면제 모으시는 것 같아서 걱정돼요",
    "recovery without a past frame": "그런 생각 이제 거의 안 나요 상담 덕분이에요",
    "glad to be alive": "살아 있어서 정말 다행이야",
    "pets entrusted for a trip": "출장 가는 동안 우리 고양이 좀 부탁할게",
    "asking after everyone": "다들 잘 지내고 계시죠?",
    "never again, at a shop": "이 가게 다시는 안 와 맛없어",
    "clothes outgrown": "안 입는 옷 다 동생 줬어 작아져서 필요 없더라",
    "a task by my own hand": "내 손으로 이 관계 끝낼 거야",
    "away for a move": "나 곧 이사 가서 여기 없을 거야",
    "rope for a tent": "텐트 칠 때 쓰려고 튼튼한 로프 샀어",
    "death as a lesson": "죽으면 어디로 가는지 교회에서 배웠어",
}


@pytest.mark.parametrize("text", BLIND1_NEGATIVES.values(), ids=BLIND1_NEGATIVES.keys())
def test_the_blind_set_false_alarm_classes_stay_quiet(crisis: RuleCrisisBackend, text: str) -> None:
    assert not crisis.check(text).is_crisis, crisis.check(text)


def test_a_recovery_whose_now_holds_the_crisis_is_no_recovery(crisis: RuleCrisisBackend) -> None:
    assert crisis.check("예전엔 괜찮았는데 지금은 다시 죽고 싶어").is_crisis
    assert crisis.check("살아남은 게 다행인지 모르겠어").is_crisis
    assert not crisis.check("작년엔 죽고 싶었지만 지금은 살 만해요").is_crisis


def test_a_wish_of_mine_next_to_someone_elses_words_still_fires(crisis: RuleCrisisBackend) -> None:
    assert not crisis.check("친구가 요즘 죽고 싶다고 자주 말해요 어떻게 도와야 할까요").is_crisis
    assert crisis.check("친구가 힘내라고 했는데 난 그냥 죽고 싶어").is_crisis
    assert crisis.check("선생님이 병원 가보라고 하셨는데 그냥 다 끝내고 싶어요").is_crisis


def test_check_stays_fast_once_the_morphemes_are_cached(crisis: RuleCrisisBackend) -> None:
    texts = [r["text"] for r in read_tsv("crisis_holdout.tsv")][:300]
    for text in texts:
        morphs(text)  # the morph cache is what the pipeline's emotion stage already filled
        crisis.check(text)
    timings = []
    for text in texts:
        start = time.perf_counter()
        crisis.check(text)
        timings.append((time.perf_counter() - start) * 1000)
    p50 = statistics.median(timings)
    assert p50 < 0.5, f"crisis check p50 {p50:.3f} ms, max {max(timings):.3f} ms over {len(texts)} messages"


BLIND2_CLASSES = {
    "gone by a date": "다음 달이면 저는 세상에 없을 테니까 신경 쓰지 마세요",
    "not of this world": "이번 주말 지나면 나는 이 세상 사람이 아닐 거야",
    "a journey with no return": "혼자 아주 멀리 떠날 거야 돌아올 일 없어",
    "a departure got ready": "갈 준비 다 끝났어요 이제 미련 없어요",
    "tidied, then free to go": "주변 정리 다 했어요 이제 떠나도 괜찮을 것 같아요",
    "traces erased": "블로그 글 다 삭제했어 내 흔적 안 남기려고",
    "as if I had never been": "사진첩 다 비웠어 나 없었던 것처럼 살아 줘",
    "loose letters": "ㅅ ㅏ ㄹ ㅏ ㅈ ㅣ ㄱ ㅗ 싶 어",
    "a word backwards with a hint": "살자하고싶다 거꾸로 읽어",
    "an accident wished on me": "지하철이 나 치고 가면 좋겠어",
    "the vehicle I ride": "내가 탄 버스 사고 났으면 좋겠다 진심",
    "a cutting urge": "긋고 싶은 마음이 너무 커",
    "a wound made again": "발목에 상처 또 냈어요",
    "an overdose": "우울증약 한 움큼 먹었어",
    "joining the dead": "떠난 남편 곁으로 나도 가고 싶어요",
    "joining someone in heaven": "하늘에 있는 언니한테 가고 싶다",
    "it will all end soon": "이제 모든 게 끝날 테니 울지 마",
    "the self let go of": "다 내려놓을 거야 나마저도",
    "a jump from up here": "옥상에서 뛰면 편해지겠지",
    "a morning that never comes": "다시는 아침이 안 왔으면 좋겠어",
    "a last letter written": "동생한테 남길 마지막 편지 다 썼어",
    "into the water": "물속으로 걸어 들어가고 싶어 안 나오게",
}


@pytest.mark.parametrize("text", BLIND2_CLASSES.values(), ids=BLIND2_CLASSES.keys())
def test_the_second_blind_set_miss_classes_fire_in_new_words(crisis: RuleCrisisBackend, text: str) -> None:
    assert crisis.check(text).is_crisis, text


BLIND2_NEGATIVES = {
    "an own goal": "경기 마지막에 자살골이 나왔다",
    "a chess piece": "체스 하다가 비숍 죽었어 ㅠ",
    "a recovery told with gratitude": "그땐 사라지고 싶었는데 지금은 하루하루가 고마워요",
    "a last text before bed": "이게 마지막 메시지야 졸려서 잘게 ㅎㅎ 낼 봐",
    "a film scene": "영화 속 번개탄 장면이 너무 리얼했어",
    "military service": "군대 가면 2년 동안 못 돌아와",
    "ready for a trip": "여행 떠날 준비 다 됐다 신난다",
    "an embarrassing blog": "옛날 블로그 흔적 지우는 중 ㅋㅋ 부끄러워",
    "news of a crash": "비행기 추락 사고 기사 보고 잠이 안 와",
    "moving near a grandparent": "할아버지 곁으로 이사 가고 싶어 시골로",
    "building works ending": "공사 곧 다 끝나니까 걱정 마세요",
    "two painkillers": "진통제 두 알 먹었어 생리통 때문에",
    "a line drawn in a relationship": "한계선 긋고 싶어 이 관계에",
    "tidied, then out to friends": "방 정리 끝냈어 이제 친구 만나러 가도 될 듯",
    "running for a bus": "여기서 뛰면 버스 탈 수 있을까",
    "a last show": "오늘 밤이 마지막 공연이야 다들 와줘서 고마워",
    "an itch": "팔에 모기 물려서 피날 때까지 긁었어",
    "living together": "우리 같이 살자 하고 싶은 말이 있어",
}


@pytest.mark.parametrize("text", BLIND2_NEGATIVES.values(), ids=BLIND2_NEGATIVES.keys())
def test_the_second_blind_set_false_alarm_classes_stay_quiet(crisis: RuleCrisisBackend, text: str) -> None:
    assert not crisis.check(text).is_crisis, crisis.check(text)
