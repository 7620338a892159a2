"""Offline crisis backend: rules over kiwipiepy morphemes and the compacted text.

Fires on suicidal ideation (direct and indirect), plans and means, self-harm and farewells.
Does not fire on hyperbole (`배고파 죽겠다`, `웃겨 죽는 줄`, `죽도록 공부했어`) or other
topics (news, campaigns, fiction, someone else's death, a dead phone battery).

Three kinds of rule:
- *strong* rules fire on their own (`죽고 싶어`, `유서를 썼어`, `손목을 그었어`);
- *weak* signals (`못 버티겠어`, `사는 게 힘들어`, `죽고 싶진 않은데`) fire when two
  co-occur, when the emotion is negative, or when no emotion is given — erring toward
  safety when we know less;
- *blocks*: a third-person subject or a topic cue (뉴스, 드라마, 캠페인 …) silences the
  rules that only mention a word (`자살`, `자해`, `유서`), never an explicit first-person
  wish (`뉴스 보니까 나도 죽고 싶어` still fires).

Concepts, not phrases (the `_concept_*` rules and friends at the end of this module, with
their word sets in inference/data/crisis_lexicon.py): a *core* — dying (죽다, 자살하다,
ㅈㅅ), vanishing (사라지다, 없어지다, 지워지다, 증발하다), stopping life (그만 살다, 숨을 그만
쉬다, 버티다), not waking, a lethal means, a wound to a body part, a farewell — fires when it
meets any *marker*: wish (고 싶다, 었으면, 어 버리다), intent (려고, ㄹ래, ㄹ 거야), a plan
noun (죽을 생각/계획/날짜), "better off" (는 게 낫다/맞다/위하다), relief-if (사라지면 다
해결될 거야, 사라져야 편해져) or permission (그만 살아도 되다). Harmless senses are
excluded by structure rather than by listing sentences: a sensation or cause before 죽겠다,
idioms (쥐 죽은 듯, 기가 죽다), non-human or third-person subjects, fiction and news topics,
task objects of 끝내다, an errand's purpose clause (버리러 옥상 갔다), a recovery told in the
past tense (unless a relapse follows it), and person words that do not start a word
("문제가" is not "제가"). Common typos of the core words are normalised first (쥭고십다).

Generalisation from the first blind set (the block "blind-set generalisation" near the end):
letters spaced apart ("자 살 하 고 싶 다") and jamo abbreviations (ㅈㅎ) are joined before
analysis; a past attempt with an urge now ("예전에 시도했었는데 또 그러고 싶어"); preparations
(a rope bought for sturdiness, the insurance beneficiary changed, debts paid "to leave cleanly");
goodbyes that presume the speaker gone (pets entrusted with no time limit, "다들 잘 지내", a last
thank-you with "다시는 안 올"); going or resting forever, "곧 없을 거야", life given up with the
object after the verb, one's own death turned over. Exclusions: idiom pairs (죽기 살기로), games
and bare-noun subjects (주자 죽어서, 금붕어 죽어서, 자국 없어졌으면), vanishing from a room rather
than the world, someone else's reported words (cut out and the rest judged again), and
recoveries told without a past frame ("그런 생각은 많이 줄었어요", "그때 안 죽길 잘했다").
Third-person concern ("엄마가 살기 싫다고 하셔서 걱정돼요") does not fire: the counsellor's reply
addresses the worry, and a helpline message written to the speaker as if they were at risk reads
wrong; the speaker's own wish in the same message still fires.

Generalisation from the second blind set (the block "blind-set 2 generalisation" at the end):
not existing by a date ("내일이면 나 이 세상에 없을 거야"), a journey with no return, a departure
got ready, traces erased, letters typed one by one ("ㅈ ㅏ ㅅ ㅏ ㄹ") or backwards with a hint
("살자 … 거꾸로") composed before analysis, an accident wished on oneself, a wound made "again",
an overdose taken, joining the dead, "it will all end soon, don't worry", the self let go of.
Exclusions: compounds of 자살 (자살골), board-game pieces, a recovery told with gratitude, a last
message before bed ("자야 해서 ㅋㅋ 내일 얘기하자"), a drawn line (한계선 긋다), a film scene.

`reason` names the category and rule that fired, e.g. `ideation_direct:wish_to_die`.
How the rules were grown, batch by batch, and their first-try figures on unseen sentences:
inference/tests/test_crisis_generalisation.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from inference.data.crisis_lexicon import (
    ACQUIRE,
    AFFAIRS_MITIGATORS,
    AFFAIRS_NOUNS,
    AFFAIRS_VERBS,
    BLADES,
    BODY,
    COOKING,
    CUT_VERBS,
    DEAD_PLACES,
    DEPARTURE_ORDINARY,
    DEPENDANTS,
    DIE,
    DRAW_OBJECTS,
    FICTION_TOPICS,
    GAME_CUES,
    HARM_VERBS,
    HIGH_PLACES,
    HYPERBOLE_CAUSES,
    IDIOM_AFTER_DIE,
    IDIOM_BEFORE_DIE,
    INTENT_NOUNS,
    JOURNEY_ORDINARY,
    JUMP_HARMLESS,
    LETHAL_MEANS,
    LIFE_PREDICATES,
    LIFE_REASON_NOUNS,
    MEANS_WORK_CONTEXT,
    NOT_A_SUBJECT,
    PLAN_PURPOSES,
    RELIEF,
    SOFT_MEANS,
    SUICIDE_COMPOUNDS,
    VANISH,
)
from inference.labels import NEGATIVE
from inference.morph import Morph, morphs
from inference.types import CrisisResult, Emotion

FIRST_PERSON = frozenset({"나", "저", "내", "제", "난", "전", "내가", "제가", "본인", "자신", "스스로"})
TOPIC_CUES = frozenset(
    """뉴스 기사 보도 소식 캠페인 예방 교육 강의 수업 보고서 논문 연구 통계 다큐 다큐멘터리
    드라마 영화 소설 웹툰 만화 책 장면 주인공 등장인물 인물 연예인 배우 가수 캐릭터 악당 게임
    자원봉사 봉사 상담사 세미나 발표 과제 리포트 토론 주제 역사 전쟁 청소년 학생들 사례
    방지 대책 예방법 센터 기관 율 률 체험 프로그램 워크숍 웰다잉 임종 유가족 유족 자조모임 추모 생존자 연극 뮤지컬 대본 배역 역할 애니 시나리오 철학책 오디션""".split()
)
# Desire / intent / plan endings after a predicate: what turns a word into a wish.
_INTENT_EC = frozenset({"려고", "으려고", "려", "으려", "러", "으러", "려면", "으려면", "ᆯ래", "을래", "ᆯ게", "을게", "ᆯ라고", "을라고"})
_INTENT_EF = frozenset({"ᆯ래", "을래", "ᆯ게", "을게", "ᆯ래요", "을래요", "ᆯ게요", "을게요", "자"})
_CRISIS_OBJECTS = frozenset({"고통", "삶", "인생", "목숨", "나", "모든", "모두", "전부", "다", "것", "거", "세상", "이것", "이거",
                             "생", "이번생", "이생", "하루하루", "괴로움", "아픔", "존재", "숨"})
_HYPERBOLE_EC = frozenset({"어", "아", "어서", "아서", "게", "도록"})
_MEDS = frozenset({"약", "수면제", "알약", "진통제", "안정제", "수면유도제", "신경안정제", "약통", "타이레놀", "우울증약"})
_BLADES = frozenset({"칼", "커터", "커터칼", "면도칼", "칼날", "가위", "유리"})
_BODY = frozenset({"손목", "팔", "허벅지", "다리", "몸", "배", "목", "손등", "팔목", "피부"})
OTHER_PEOPLE = frozenset(
    """친구 엄마 아빠 어머니 아버지 동생 형 누나 언니 오빠 주인공 사람 사람들 연예인 배우 가수 악당 캐릭터
    강도 범인 도둑 살인범 범죄자 경찰 군인
    걔 쟤 그 그녀 그분 애 아이 학생 환자 선생님 남친 여친 남편 아내 동료 선배 후배 이웃 다들 누구 누가
    할아버지 할머니 삼촌 이모 고모 외삼촌 사촌 조카 딸 아들 부모님 형제 지인 상사 부장 팀장
    룸메 룸메이트 남자친구 여자친구 와이프 동기 짝꿍 애인""".split()
)
# Nouns marked like a subject that are not someone else: "오늘은 죽고 싶었어", "아무도 없는 곳"
_NOT_AGENTS = frozenset(
    """오늘 요즘 요새 이제 지금 어제 내일 오늘밤 밤 아침 저녁 새벽 때 그때 매일 항상 가끔 진짜 정말
    아무 아무것 마음 생각 기분 맘 속 머리 가끔씩 이번 올해 작년 주말 평일 하루 하루하루 매번""".split()
)
_NON_HUMAN = frozenset("""모기 벌레 바퀴벌레 파리 개미 쥐 해충 잡초 식물 화분 꽃 배터리 폰 휴대폰 노트북 컴퓨터 게임 캐릭터
    몬스터 보스 좀비 세포 균 세균 바이러스 곰팡이""".split())
_HIGH_PLACES = frozenset({"옥상", "난간", "대교", "마포대교", "꼭대기", "창문", "베란다"})
_MOVE = frozenset({"올라가다", "가다", "서다", "오르다", "나가다", "올라오다", "뛰어내리다", "매달리다", "앉다", "오다"})
_ROOFTOP_ACTIVITIES = frozenset({"빨래", "정원", "고기", "파티", "텃밭", "흡연", "담배", "바베큐", "캠핑", "공사", "운동", "산책",
                                 "쓰레기", "분리수거", "구경", "야경", "바람", "쐬다", "경치", "노을", "하늘", "별", "일출", "불꽃놀이", "사진", "자전거", "치맥", "데이트"})
_LIVING_MANNER = frozenset({"혼자", "같이", "함께", "따로", "이렇게", "그렇게", "여기", "거기", "이런", "그런"})
# a cause or contrast clause has its own subject: "아빠가 맨날 때려서 그냥 죽고 싶어요" is my wish
_CLAUSE_BREAK = frozenset({"는데", "ᆫ데", "은데", "니까", "으니까", "지만", "어서", "아서", "니", "으니", "어도", "아도"})
_ESCAPE_MITIGATORS = frozenset({"여행", "시골", "잠깐", "며칠", "휴가", "잠시", "산속", "섬", "하루만", "주말"})


@dataclass
class _Ctx:
    text: str
    compact: str
    ms: tuple[Morph, ...]
    forms: frozenset[str] = field(default_factory=frozenset)
    starts: frozenset[int] = field(default_factory=frozenset)  # offsets in `compact` where a word begins

    def lemma(self, i: int) -> str:
        return self.ms[i].lemma if 0 <= i < len(self.ms) else ""

    def form(self, i: int) -> str:
        return self.ms[i].form if 0 <= i < len(self.ms) else ""

    def tag(self, i: int) -> str:
        return self.ms[i].tag if 0 <= i < len(self.ms) else ""

    def topic(self) -> bool:
        return bool(self.forms & TOPIC_CUES)

    def fiction(self) -> bool:
        """A story or a song is talked about: nouns only, so the honorific 시 ("주셔서") is no poem (시)."""
        return any(m.form in FICTION_TOPICS and m.tag.startswith("N") for m in self.ms)

    def indexes(self, *lemmas: str) -> list[int]:
        return [i for i, m in enumerate(self.ms) if m.lemma in lemmas or m.form in lemmas]

    def third_person(self, i: int) -> bool:
        """Is the predicate at i said of someone else? ("친구가 죽고 싶대", "주인공이 죽는")"""
        j = i - 1
        while j >= 0:
            m = self.ms[j]
            if m.tag in ("SF", "EF") or (m.tag == "EC" and m.form in _CLAUSE_BREAK):
                return False
            if m.tag == "EC" and m.form in ("어", "아") and self.form(j + 1) in ("그냥", "차라리"):
                return False  # "친구들이 날 없는 사람 취급해 차라리 죽는 게 나아": a new clause of mine
            if m.tag in ("JKS",) or (m.tag == "JX" and m.form in ("은", "는", "ᆫ", "도")):
                k = j - 1
                while k >= 0 and self.ms[k].tag in ("XSN", "NR", "MM"):
                    k -= 1
                subject = self.ms[k] if k >= 0 else None
                if subject is None:
                    return False
                if subject.tag == "NNB":  # "나 같은 건 …": a thing-noun, not someone else
                    return False
                if self.form(k - 1) in ("은", "ᆫ") and self.lemma(k - 2) == "같다" and self.form(k - 3) in FIRST_PERSON:
                    return False  # "저 같은 사람은 살 자격이 없어요"
                if subject.form in _NOT_AGENTS:
                    j = k - 1
                    continue
                if subject.form in FIRST_PERSON or not subject.tag.startswith("N"):
                    return False
                # "흔적도 없이": a topic/additive particle marks someone else only on a person
                return m.tag == "JKS" or subject.form in OTHER_PEOPLE or subject.tag == "NNP"
            j -= 1
        return False

    def wish_after(self, i: int) -> str:
        """Which desire/intent construction follows the predicate at i ('' if none)."""
        nxt = self.ms[i + 1 : i + 6]
        forms = [m.form for m in nxt]
        lemmas = [m.lemma for m in nxt]
        tags = [m.tag for m in nxt]
        if len(nxt) >= 3 and forms[0] == "고" and tags[1] == "JX" and lemmas[2] == "싶다":
            nxt, forms, lemmas, tags = nxt[:1] + nxt[2:], forms[:1] + forms[2:], lemmas[:1] + lemmas[2:], tags[:1] + tags[2:]
        if len(nxt) >= 2 and forms[0] == "고" and lemmas[1] == "싶다":
            rest = nxt[2:5]
            if len(rest) >= 2 and rest[0].form in ("을", "ᆯ") and rest[1].lemma in ("만큼", "정도"):
                return ""  # "사라지고 싶을 만큼 창피했어": hyperbole of degree
            # "죽고 싶진 않아": negated wish, handled as a weak signal
            if any(m.lemma in ("않다", "아니다") for m in rest):
                return "negated_wish"
            return "wish"
        if len(nxt) >= 2 and forms[0] in ("어", "아") and lemmas[1] == "버리다":
            return "wish"
        if len(nxt) >= 2 and forms[0] == "었" and forms[1] in ("으면", "면", "어야", "아야"):
            return "wish"  # "죽었으면", "그때 죽었어야 했는데"
        if nxt and tags[0] == "EC" and forms[0] in _INTENT_EC:
            return "intent"
        if nxt and tags[0] == "EF" and forms[0] in _INTENT_EF:
            return "intent"
        if len(nxt) >= 3 and forms[0] in ("ᆯ", "을") and lemmas[1] in ("거", "것") and (tags[2] in ("VCP", "EF")):
            return "intent"  # "자살할 거야"
        if nxt and forms[0] in ("을까", "ᆯ까") and not (len(nxt) > 1 and lemmas[1] == "보다"):
            return "consider"  # "죽을까" (not "죽을까 봐")
        if len(nxt) >= 2 and forms[0] in ("을", "ᆯ") and lemmas[1] == "수" and "있다" in lemmas[2:4]:
            return "method"  # "죽을 수 있을까"
        if len(nxt) >= 2 and forms[0] == "는" and lemmas[1] in ("방법", "법"):
            return "method"
        far = [m.lemma for m in self.ms[i + 3 : i + 9]]
        if len(nxt) >= 3 and forms[0] == "는" and lemmas[1] in ("것", "거") and ({"낫다", "좋다", "편하다", "맞다", "위하다"} & set(far + lemmas[2:4])):
            return "better_dead"  # "죽는 게 나아"
        if len(nxt) >= 2 and forms[0] == "어야" and (lemmas[1] in ("겠", "지", "하다") or tags[1] == "EP"):
            return "intent"  # "죽어야겠다"
        return ""


@dataclass(frozen=True)
class _Hit:
    strong: bool
    reason: str
    span: str


Rule = Callable[[_Ctx], list[_Hit]]


def _strong(reason: str, span: str) -> _Hit:
    return _Hit(True, reason, span)


def _weak(reason: str, span: str) -> _Hit:
    return _Hit(False, reason, span)


# -- ideation ------------------------------------------------------------------------

_DEATH_WISH_REASONS = {
    "wish": "ideation_direct:wish_to_die",
    "intent": "ideation_direct:intent_to_die",
    "consider": "ideation_direct:considering_death",
    "better_dead": "ideation_direct:better_off_dead",
    "method": "plan_means:method_to_die",
}


def _die(ctx: _Ctx) -> list[_Hit]:
    hits: list[_Hit] = []
    for i in ctx.indexes("죽다", "뒤지다", "디지다"):
        if ctx.tag(i) not in ("VV", "VX"):
            continue
        if ctx.third_person(i):  # "친구가 죽고 싶다고 했대", "주인공이 죽는 장면"
            continue
        if any(ctx.form(k) in _NON_HUMAN for k in range(max(0, i - 3), i)):
            continue  # "모기 다 죽었으면 좋겠다", "배터리 죽었어"
        wish = ctx.wish_after(i)
        if wish in _DEATH_WISH_REASONS:
            hits.append(_strong(_DEATH_WISH_REASONS[wish], ctx.form(i)))
        elif wish == "negated_wish":
            hits.append(_weak("ideation_direct:negated_wish_to_die", ctx.form(i)))
        elif ctx.form(i + 1) in ("으면", "면") and any(ctx.form(k) in FIRST_PERSON for k in range(max(0, i - 3), i)):
            hits.append(_strong("ideation_direct:if_i_die", ctx.form(i)))
        elif ctx.form(i + 1) == "겠" or (ctx.form(i + 1) in ("을", "ᆯ") and ctx.lemma(i + 2) in ("것", "거")):
            # "피곤해 죽겠어" is hyperbole; "아 죽겠다" on its own is ambiguous
            prev_ec = ctx.tag(i - 1) == "EC" and ctx.form(i - 1) in _HYPERBOLE_EC
            cause = _hyperbole_before(ctx, i)  # "숙제 때문에 죽겠네", "미치겠어 죽겠어"
            if not prev_ec and not cause and ctx.lemma(i) == "죽다":
                hits.append(_weak("ideation_direct:dying_standalone", ctx.form(i)))
        elif ctx.form(i - 1) in IDIOM_BEFORE_DIE or ctx.form(i + 2) in ("듯", "듯이") or ctx.lemma(i + 2) == "듯":
            continue  # "쥐 죽은 듯이"
        elif wish == "" and ctx.lemma(i) == "죽다" and ctx.tag(i) == "VV":
            nxt = ctx.form(i + 1)
            prev_ec = ctx.tag(i - 1) == "EC" and ctx.form(i - 1) in _HYPERBOLE_EC
            if ctx.form(i - 1) in ("면", "으면") and (ctx.text.rstrip().endswith("?") or ctx.tag(i + 1) == "EF"):
                if ctx.form(i + 1) not in ("었", "겠"):
                    hits.append(_strong("plan_means:would_it_kill_me", ctx.form(i)))  # "떨어지면 죽어?"
            elif not prev_ec and nxt not in ("겠", "는", "을", "ᆯ", "도록", "어라", "었", "다", "다가") and not ctx.topic() \
                    and not _not_my_death(ctx, i):
                hits.append(_weak("ideation_direct:own_death", ctx.form(i)))
    for i in ctx.indexes("죽이다"):
        j = i + 2 if ctx.form(i + 1) in ("어", "아") and ctx.lemma(i + 2) == "주다" else i  # "나 좀 죽여줬으면"
        if any(ctx.form(k) in FIRST_PERSON for k in range(max(0, i - 4), i)) and ctx.wish_after(j):
            hits.append(_strong("ideation_direct:kill_myself", "죽이"))
    return hits


def _suicide_word(ctx: _Ctx) -> list[_Hit]:
    hits: list[_Hit] = []
    for i in ctx.indexes("자살", "자결", "ㅈㅅ"):
        nxt = ctx.lemma(i + 1)
        wish = ctx.wish_after(i + 1) if ctx.tag(i + 1) in ("XSV", "VV") else ""
        if wish and wish != "negated_wish" and not ctx.third_person(i):
            hits.append(_strong("ideation_direct:suicide_wish", "자살"))
        elif nxt in ("생각", "충동", "시도", "계획", "방법") and not ctx.third_person(i) and not ctx.topic():
            hits.append(_strong(f"ideation_direct:suicide_{nxt}", f"자살 {nxt}"))
        elif not ctx.topic() and not ctx.third_person(i):
            hits.append(_strong("ideation_direct:suicide_mention", "자살"))
    return hits


_DIRECT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ideation_direct:wish_to_die", re.compile(r"(죽고(싶|시퍼|십|파)|죽구(싶|시퍼)|뒤지고싶|디지고싶)(?!(지는|지도|지가|지|진|진않)않)|주거버리고")),
    ("ideation_direct:end_my_life", re.compile(r"목숨(을|도)?(끊|버리|내려놓)|스스로생을|생을마감")),
    ("ideation_direct:only_way_out", re.compile(r"죽는(것|거|길|수)(말고는?|밖에|뿐)|죽(을|는)수밖에|죽어야(만)?(끝|해결)")),
    ("ideation_direct:extreme_choice", re.compile(r"극단(적)?(인|적)?선택")),
    ("ideation_direct:jump", re.compile(r"뛰어내리(고싶|려|ᆯ까|고말|ᆯ래|고파|자)|뛰어내릴(까|래|거|게)|투신")),
    ("ideation_indirect:dont_want_to_live", re.compile(
        r"살기(가)?싫|살고싶지(가|는|도)?않|살고싶지가|그만살(고싶|래|까|려)|더(는|이상)?살고싶지|살기를포기|"
        r"살아(서)?뭐해|살아봤자|살아야하나|살아야할까|살필요(가)?없"
    )),
    ("ideation_indirect:no_reason_to_live", re.compile(
        r"(살|살아갈|살아야할|살아있을|살아있어야할|살아가야할|사는|살아가는)(이유|의미|가치|자신|목적)[가-힣]{0,5}?(없|모르)|"
        r"(살아있는|살아가는|사는|산다는)(게|것이|것은|건|것도)(아무)?(의미|이유|가치)(가|도)?없"
    )),
    ("ideation_indirect:never_wake", re.compile(
        r"눈(을)?(안|못)?뜨지(않|말)았?으면|눈(을)?안떴으면|(영원히|다시는?|그대로)(안|못)?깨(지)?(않|말|안|어나지않)|"
        r"영원히(잠들|자고싶|잠자|쉬고싶|쉬었으면|눈감)|깨어나지(않|말)(았으면|기를|길)|(이대로|그대로)(영원히)?(안|못)?깨(지)?(않|말)|"
        r"깨지(않|말)(았으면|기를|길|으면)|안깼으면|눈(을)?안뜨(면|기를|길|게)|(내일|아침|다음날|해)(아침)?(이|은|가|는)?(안|오지않|오지말|뜨지않|뜨지말)(았|왔)?(으면|기를|길)|"
        r"(다시는?|영원히)(눈(을)?)?(뜨|깨어나|일어나)(고싶지|기싫)|눈(을)?뜨고싶지않|눈뜨기(가)?싫|"
        r"(잠들|자)[가-힣]{0,4}(안|못)(일어나|깨어나|깨)(ㅆ|았|었)?(으면|기를|길)|(안|못)(일어났|깨어났|깼)으면"
    )),
    ("ideation_indirect:better_without_me", re.compile(
        r"(나|내|저|제)(같은|같은건|같은거|따위|하나)?.{0,6}없(는|어지는)(게|편이|쪽이|것이)[가-힣]{0,6}?(더)?(나|낫|좋|편)|나없는게|내가없어야"
    )),
    ("ideation_indirect:this_life_is_over", re.compile(r"(이번생|이생|내인생|인생|내삶|삶)(은|도|이)?(이제)?여기까지")),
    ("ideation_indirect:not_born", re.compile(r"태어나지(말았|않았|말걸|않는게|말아야)|안태어났(으면|어야)|태어난(게|것이|거|것부터)(죄|실수|잘못|불행|저주|비극)")),
    ("ideation_indirect:give_up_life", re.compile(r"(삶|인생|목숨|살기|사는것)(을|를)?(포기|내려놓|끝내|끝낼|끝냈|끝장)")),
)


def _life_negated(ctx: _Ctx) -> list[_Hit]:
    """"살고 싶은 마음이 없어요", "살아갈 힘이 없어", "살기 싫어" — not "여기서 살기 싫어"."""
    hits: list[_Hit] = []
    for i, m in enumerate(ctx.ms):
        live = m.lemma in ("살다", "살아가다", "살아남다") or (m.lemma == "사다" and ctx.tag(i + 1) in ("ETM", "ETN"))
        if not live or m.tag != "VV":
            continue
        before = ctx.ms[max(0, i - 3) : i]
        if any(b.tag == "JKB" or b.form in _LIVING_MANNER for b in before):
            continue  # where/how to live, not whether
        if any(b.form in ("더", "이상", "그만", "차라리") for b in before) and ctx.wish_after(i) == "negated_wish":
            hits.append(_strong("ideation_indirect:dont_want_to_live", "살고 싶지 않"))
            continue
        window = [x.lemma for x in ctx.ms[i + 1 : i + 7]]
        wide = [x.lemma for x in ctx.ms[i + 1 : i + 10]]  # "살고 싶다는 마음이 하나도 안 들어"
        negated = "없다" in window or ("안" in wide and "들다" in wide and "싶다" in window) or "않다" in window
        window = wide if negated and "없다" not in window else window
        if negated and ({"마음", "힘", "의지", "용기", "이유", "자신", "희망", "생각", "의욕"} & set(window)):
            hits.append(_strong("ideation_indirect:no_will_to_live", m.form))
        elif ctx.wish_after(i) == "negated_wish":
            hits.append(_strong("ideation_indirect:dont_want_to_live", "살고 싶지 않"))
        elif ctx.form(i + 1) in ("느니",):
            hits.append(_strong("ideation_indirect:rather_not_live", "사느니"))
    return hits


def _phrases(ctx: _Ctx, patterns: Sequence[tuple[str, re.Pattern[str]]]) -> list[_Hit]:
    hits = []
    for reason, pattern in patterns:
        m = pattern.search(ctx.compact)
        if m:
            hits.append(_strong(reason, m.group(0)))
    return hits


_DEGREE_OF_SHAME = re.compile(r"죽고싶(을|ᆯ)(만큼|정도|지경)[가-힣]{0,4}(창피|부끄|쪽팔|민망|웃기|웃겨|웃긴|부러|행복|좋|맛있|귀여|설레)")


def _direct_phrases(ctx: _Ctx) -> list[_Hit]:
    hits = _phrases(ctx, _DIRECT_PATTERNS)
    if _DEGREE_OF_SHAME.search(ctx.compact):
        # "죽고 싶을 만큼 창피했어": a degree of embarrassment (not "죽고 싶을 만큼 힘들어")
        hits = [h for h in hits if h.reason != "ideation_direct:wish_to_die"]
    # "연예인이 극단적 선택을 했다는 뉴스": a news topic, not the speaker
    if ctx.topic():
        hits = [h for h in hits if h.reason != "ideation_direct:extreme_choice"]
    if (ctx.topic() or ctx.fiction()) and not ctx.forms & FIRST_PERSON:
        # "이 영화 주인공 결국 목숨을 끊더라": a story told, nobody's own wish
        hits = [h for h in hits if h.reason not in ("ideation_direct:end_my_life", "ideation_direct:jump", "ideation_direct:only_way_out")]
    if hits and any(ctx.third_person(i) for i in ctx.indexes("죽다", "뛰어내리다", "끊다")):
        hits = [h for h in hits if not h.reason.startswith("ideation_direct:wish")]
    if _where_or_how_to_live(ctx):
        # "서울에서 살기 싫어", "혼자 살기 싫어": probably where/how, so only a weak signal
        hits = [_weak(h.reason, h.span) if h.reason == "ideation_indirect:dont_want_to_live" else h for h in hits]
    return hits


def _where_or_how_to_live(ctx: _Ctx) -> bool:
    for i, m in enumerate(ctx.ms):
        if m.lemma in ("살다", "살아가다") and m.tag == "VV":
            before = ctx.ms[max(0, i - 3) : i]
            if any(b.tag == "JKB" or b.form in _LIVING_MANNER for b in before):
                return True
    return False


def _disappear(ctx: _Ctx) -> list[_Hit]:
    hits: list[_Hit] = []
    for i, m in enumerate(ctx.ms):
        vanish = m.lemma in ("사라지다", "증발하다", "소멸하다") or (
            m.lemma == "없다" and ctx.form(i + 1) in ("어", "아") and ctx.lemma(i + 2) == "지다"
        )
        if not vanish:
            continue
        j = i + 2 if m.lemma == "없다" else i
        wish = ctx.wish_after(j)
        first = any(ctx.form(k) in FIRST_PERSON for k in range(max(0, i - 3), i))
        if ctx.third_person(i) and not first:
            continue
        if _vanishing_thing(ctx, i, j) or _vanish_place(ctx, i):
            continue  # "흰머리 좀 사라졌으면", "단톡방에서 사라지고 싶다" (see _concept_core)
        if wish in ("wish", "intent", "better_dead") and not (ctx.forms & _ESCAPE_MITIGATORS):
            hits.append(_strong("ideation_indirect:disappear", m.form))
        elif first and m.lemma == "없다":
            hits.append(_strong("ideation_indirect:world_without_me", "없어지"))
        elif first and ctx.form(j + 1) in ("면", "으면") and not (ctx.forms & _ESCAPE_MITIGATORS):
            hits.append(_strong("ideation_indirect:world_without_me", m.form))
    # "내가 없어도 잘 살아", "나 없으면 다들 편할 거야", "내가 사라져도", "나 없는 세상"
    for i, m in enumerate(ctx.ms):
        gone = m.lemma in ("없다", "사라지다", "죽다", "떠나다")
        k = i
        if m.lemma == "없다" and ctx.form(i + 1) in ("어", "아") and ctx.lemma(i + 2) == "지다":
            k = i + 2  # 없어지다
        tail = ctx.form(k + 1)
        if gone and (tail in ("어도", "아도", "으면", "면") or (tail in ("는", "ᆫ", "은") and ctx.lemma(k + 2) == "세상")):
            before = [ctx.form(x) for x in range(max(0, i - 3), i) if ctx.tag(x) not in ("JKS", "JX", "NR")]
            if before and before[-1] in FIRST_PERSON and not (ctx.forms & _ESCAPE_MITIGATORS):
                if not re.search(r"돌아가|팀|회사|학교|가게|출장|여행", ctx.compact):  # "내가 없어도 팀은 잘 돌아가더라"
                    hits.append(_strong("farewell:world_without_me", m.form + tail))
    # "이 세상을 떠나고 싶어"
    for i in ctx.indexes("떠나다"):
        wish = ctx.wish_after(i)
        if wish in ("wish", "intent") and not (ctx.forms & _ESCAPE_MITIGATORS) and not ctx.third_person(i):
            if "세상" in ctx.forms or "이승" in ctx.forms or ctx.forms & {"영영", "영원히"} or "아무도없는곳" in ctx.compact:
                hits.append(_strong("ideation_indirect:leave_this_world", "떠나"))
            elif not any(ctx.tag(k) in ("NNG", "NNP") and ctx.tag(k + 1) in ("JKO", "JKB") for k in range(max(0, i - 4), i)) \
                    and not _FAREWELL_ORDINARY.search(ctx.compact):
                hits.append(_weak("ideation_indirect:want_to_leave", "떠나"))  # not "이 동네를 떠나고 싶어"
    return hits


def _end_it(ctx: _Ctx) -> list[_Hit]:
    hits: list[_Hit] = []
    for i in ctx.indexes("끝나다"):
        waiting = ctx.form(i + 1) == "기" and "기다리다" in {ctx.lemma(k) for k in range(i + 2, i + 5)}
        if waiting and not any(ctx.tag(k) in ("NNG", "NNP") and ctx.form(k) not in _NOT_AGENTS for k in range(max(0, i - 4), i)):
            hits.append(_strong("ideation_indirect:end_it_all", "끝나기만"))  # "그냥 끝나기만 기다려"
        if ctx.wish_after(i) == "wish":
            subjects = [ctx.form(k) for k in range(max(0, i - 4), i)
                        if (ctx.tag(k).startswith("N") or (ctx.tag(k) == "MM" and ctx.form(k) not in ("이", "그", "저", "이런", "그런")))
                        and ctx.form(k) not in _NOT_AGENTS]
            if subjects and all(x in _CRISIS_OBJECTS for x in subjects):
                hits.append(_strong("ideation_indirect:end_it_all", "끝났으면"))
            elif not subjects and ctx.forms & {"생", "인생", "삶", "이번생", "이생"} and not ctx.third_person(i):
                hits.append(_strong("ideation_indirect:end_it_all", "끝났으면"))  # "이번 생은 망했으니 빨리 끝났으면"
            elif not subjects and not ctx.forms & PLAN_PURPOSES:
                hits.append(_weak("ideation_indirect:want_it_over", "끝났으면"))
    for i in ctx.indexes("끝내다", "끝장내다", "놓다", "그만하다", "하다", "마무리", "마감", "그만두다"):
        lemma, head = ctx.lemma(i), i
        if lemma in ("마무리", "마감"):
            if ctx.tag(i + 1) != "XSV" or not ctx.forms & {"생", "인생", "삶", "이번생", "목숨"}:
                continue
            lemma, i = "끝내다", i + 1  # "이번 생은 여기서 마무리하고 싶어요"
        if lemma == "하다" and ctx.form(i - 1) != "그만":
            continue
        wish = ctx.wish_after(i)
        if not wish or wish == "negated_wish":
            wish = _marker(ctx, i)
        if not wish:
            continue
        # the object decides: "숙제 다 끝내고 싶다" is about homework
        objects = []
        k = head - 1
        while k >= 0 and ctx.tag(k) not in ("EF", "SF") and not (ctx.tag(k) == "EC" and ctx.form(k) not in ("어", "아")):
            if ctx.tag(k).startswith("N") and ctx.tag(k) not in ("NNB", "NP"):
                objects.append(ctx.form(k))
            k -= 1
        concrete = [o for o in objects if o not in _CRISIS_OBJECTS and o not in _NOT_AGENTS]
        if lemma in ("끝내다", "끝장내다") and not concrete:
            hits.append(_strong("ideation_indirect:end_it_all", "끝내"))
        elif lemma == "놓다" and not concrete and any(ctx.form(k) in ("다", "모든", "전부", "모두") for k in range(max(0, i - 3), i)):
            hits.append(_strong("ideation_indirect:let_go_of_everything", "다 놓"))
        elif lemma == "그만두다" and not concrete and {ctx.form(k) for k in range(max(0, head - 4), head)} & {"모든", "모두", "전부", "다", "삶", "인생"}:
            hits.append(_strong("ideation_indirect:end_it_all", "그만두"))  # "모든 걸 그만둘 준비가 됐어"
        elif lemma in ("그만하다", "하다") and not concrete and ctx.forms & {"영원히", "영영"}:
            hits.append(_strong("ideation_indirect:want_to_stop", "그만하"))  # "다 그만하고 싶다 진짜 영원히"
        elif lemma in ("그만하다", "하다") and not concrete:
            hits.append(_weak("ideation_indirect:want_to_stop", "그만하"))
    return hits


_WEAK_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("plan_means:when_nobody_is_home", re.compile(r"아무도없을때(그냥)?(하려고|할거|할래|해야지|실행|하면돼|할게)")),
    ("ideation_indirect:life_is_hard", re.compile(r"(사는|살아가는|산다는|살아있는|숨쉬는)(게|것이|것)(너무|정말|진짜)?(힘들|괴롭|괴로|지겹|지겨|지긋|지옥|고통)|삶이(너무)?(힘들|괴롭|지겹)")),
    ("ideation_indirect:cant_endure", re.compile(r"못버티겠|버틸(힘|자신|수)(이|가)?(없|안)|더는못견디|견딜수(가)?없")),
    ("ideation_indirect:hopeless", re.compile(r"희망(이|도)?(없|안보)|미래(가|도)?(없|안보)|아무의미(가|도)?없|다의미없|모든게무의미")),
    ("ideation_indirect:burden", re.compile(r"짐(이|만)(되|돼|이야|같|일뿐)|민폐만|없는게나|쓸모(가|도)?없는(사람|존재|인간)|나(는|같은)(건|거|놈|애)?쓸모")),
    ("ideation_indirect:no_zest", re.compile(r"살맛(이|도)?(안|없)")),
    ("ideation_indirect:nobody_needs_me", re.compile(r"아무도(나|날|저|절)를?(필요|찾지|원하지)")),
)


def _weak_phrases(ctx: _Ctx) -> list[_Hit]:
    return [_weak(reason, m.group(0)) for reason, p in _WEAK_PATTERNS if (m := p.search(ctx.compact))]


# -- plans and means -----------------------------------------------------------------


def _means(ctx: _Ctx) -> list[_Hit]:
    hits: list[_Hit] = []
    lemmas = {m.lemma for m in ctx.ms}
    c = ctx.compact
    if ctx.forms & _MEDS or "약통" in c:
        hoard = lemmas & {"모으다", "모아두다", "사모으다", "쌓다"} or re.search(r"한꺼번에|한번에|털어넣|왕창|통째로|전부먹|다먹어버|먹어버릴", c)
        if hoard and not re.search(r"유통기한|버렸|폐기|처분|반납|수거", c) and not _hoarder_is_other(ctx):  # "약 모아놓은 거 유통기한 지나서 버렸어"
            hits.append(_strong("plan_means:medication", "약"))
    if re.search(r"번개탄|연탄", c) and not (ctx.forms & {"고기", "캠핑", "바베큐", "구이"}) \
            and not ((ctx.fiction() or ctx.topic()) and not re.search(r"(나|저)(도|는|만)", c)):  # a film scene
        hits.append(_strong("plan_means:charcoal", "번개탄"))
    if ctx.forms & _MEDS and re.search(r"(몇|얼마나|다)[가-힣]{0,4}먹(어야|으면)[가-힣]{0,3}(안깨|못깨|죽)", c):
        hits.append(_strong("plan_means:overdose_question", "먹어야"))
    if re.search(r"가스(를)?(틀|열|켜)(어|고)?놓고(자|잠|누워)|가스(를)?마시", c):
        hits.append(_strong("plan_means:gas", "가스"))
    rope_play = re.search(r"타기|체육|등산|캠핑|줄다리기|클라이밍|암벽|구조|요트|보트|짐|이삿짐|텐트", c)
    if re.search(r"목(을)?(매|맸|맬)|올가미", c) or ("밧줄" in c and not rope_play):
        hits.append(_strong("plan_means:hanging", "밧줄"))
    if re.search(r"(죽는|자살|죽을|죽을수있는)(방법|법)|안아프게죽|편하게죽|고통없이죽", c):
        hits.append(_strong("plan_means:method", "방법"))
    if "유서" in ctx.forms and not ctx.topic():
        i = ctx.indexes("유서")[0]
        owner = ctx.form(i - 2) if ctx.form(i - 1) == "의" else ctx.form(i - 1)
        if ctx.lemma(i + 1) != "깊다" and not ctx.third_person(i) and owner not in OTHER_PEOPLE and ctx.tag(i - 1) != "NNP":
            hits.append(_strong("plan_means:suicide_note", "유서"))
    for i, m in enumerate(ctx.ms):
        # a bridge, not a leg: "한강 다리", "다리 위"
        bridge = m.form == "다리" and (ctx.form(i - 1) in ("한강", "대교") or ctx.form(i + 1) == "위")
        place = m.form in _HIGH_PLACES or bridge
        if place and any(ctx.lemma(k) in _MOVE for k in range(i + 1, min(len(ctx.ms), i + 5))):
            if not (ctx.forms & _ROOFTOP_ACTIVITIES) and not ctx.third_person(i) and not _errand(ctx):
                hits.append(_strong("plan_means:high_place", m.form))
    if re.search(r"(오늘|내일|이따|오늘밤|새벽)(밤)?에?(실행|결행|끝낼|마무리)", c) and not (ctx.forms & {"계획", "프로젝트", "파티"}):
        hits.append(_strong("plan_means:set_time", "실행"))
    return hits


# -- self-harm -----------------------------------------------------------------------


def _self_harm(ctx: _Ctx) -> list[_Hit]:
    hits: list[_Hit] = []
    for i in ctx.indexes("자해", "자상"):
        if ctx.topic() and not ctx.wish_after(i + 1):
            continue
        if not ctx.third_person(i) and not _describes_other(ctx, i):
            hits.append(_strong("self_harm:self_harm_word", "자해"))
    if "긋다" in {m.lemma for m in ctx.ms} and (ctx.forms & (_BODY | _BLADES)):
        hits.append(_strong("self_harm:cutting", "긋"))
    if re.search(r"(손목|팔목|팔|허벅지)(을|를|에)?(긋|그었|그어|자르|찌르|그을)", ctx.compact):
        hits.append(_strong("self_harm:cutting", "손목"))
    if ctx.forms & {"칼자국", "자해흔", "흉터", "자국"} and re.search(r"(내가|제가|스스로|일부러)(낸|냈|만든|그은)", ctx.compact):
        hits.append(_strong("self_harm:self_made_marks", "자국"))
    if "일부러" in ctx.forms and ({m.lemma for m in ctx.ms} & {"다치다", "때리다", "치다", "베다", "긋다", "찧다", "박다", "굶다", "상처"}):
        if not any(ctx.third_person(i) for i in ctx.indexes("다치다", "때리다", "치다")):
            hits.append(_strong("self_harm:on_purpose", "일부러"))
    for i in ctx.indexes("상처"):
        if ctx.lemma(i + 1) in ("내다",) or (ctx.form(i + 1) in ("를", "을") and ctx.lemma(i + 2) == "내다"):
            hits.append(_strong("self_harm:wound_myself", "상처"))
    for i in ctx.indexes("다치다", "때리다", "괴롭히다", "벌주다", "할퀴다", "찌르다"):
        if any(ctx.form(k) in ("나", "저", "자신", "스스로", "내", "제", "날", "절") for k in range(max(0, i - 3), i)):
            if ctx.wish_after(i) or ctx.tag(i + 1) == "EP" or ctx.form(i + 1) in ("게", "어", "아"):
                hits.append(_strong("self_harm:hurt_myself", ctx.form(i)))
    return hits


# -- farewells -----------------------------------------------------------------------

_FAREWELL_STRONG = re.compile(
    r"다음생(에|엔)(?![가-힣]{0,8}(로|으로)태어나)|마지막(인사|메시지|편지|부탁|말)|마지막으로(하고싶은|남기|전하|할말)|"
    r"미안하다고(꼭)?전해|(내|제)?물건(을|들)?(다)?정리(했|해뒀|해놨|하고있).*(나눠|가져|줄게|주세요)|"
    r"(메시지|인사|편지|연락|대화|카톡|글)(가|이|는|도)?(제|내)?마지막(이|일)|"
    r"마지막으로[가-힣]{0,6}(연락|인사|목소리|얼굴|보고싶|말하고싶|전하고싶|고마웠|사랑해|미안해)|(날|나를|저를|절)잊(고|어)|나잊고(잘|행복)|"
    r"(편지|메시지|유언|영상|녹음)[가-힣]{0,12}마지막으로$|"
    r"마지막으로[가-힣]{0,6}(편지|메시지|영상|쪽지)[가-힣]{0,2}(써뒀|써놨|써놓|남겨뒀|남겨놨|남겼|녹음해)|날잊어|나를잊어|저를잊어|찾지마|먼저갈게|먼저가요|먼저떠날|이제다끝낼|이제(다시는?)?못볼|다시는못볼|다시볼수없"
)
_FAREWELL_SOFT = re.compile(r"그동안(고마웠|감사했|고마워|미안했)|이제안녕|영원히안녕|다들잘지내(?!지|니|냐|나|는|고|시|셔|더)|잘있어|잘살아|안녕히계세요|잘부탁(해|할게|합니다)|맡길게")
# off to bed, back tomorrow: a last message of the day, not of a life
_OFF_TO_BED = re.compile(r"(자야|자러|잘게|자야겠|졸려|졸리|잘래|자야돼|잠와|잠이와)[가-힣]{0,8}(ㅋㅋ|ㅎㅎ|내일|낼|이따|아침에)(?![가-힣ㅋㅎ]{0,12}(영원|영영|다시는|깨우지))")
_ITCH = re.compile(r"모기|가려|간지|벌레|물려|두드러기|아토피|습진")
_FAREWELL_MITIGATORS = re.compile(r"(고마웠|고맙|감사했|감사하|미안했|사랑한)다고(인사|편지|말(했|하고|해줬|해드렸)|했|하셨|하더|하시|전했|썼)|다음에(또|봐|보자|얘기)|내일(봐|보자|또)|나중에(봐|얘기)|또(얘기|보자|올게|봐)|(또|다시|나중에|다음에)(뵐|뵙|봬|만나요|만나자|연락할게)|졸업|전학|이사|퇴사|송별|작별인사(를)?(했|하고왔)|다고인사")


def _farewell(ctx: _Ctx) -> list[_Hit]:
    c = ctx.compact
    if (_FAREWELL_MITIGATORS.search(c) or _FAREWELL_ORDINARY.search(c) or _OFF_TO_BED.search(c)) and not re.search(r"다음생", c):
        return []  # "그동안 고마웠어 내일부터 휴가야"
    if _someone_else(ctx) and not re.search(r"(나|내|저|제)(는|가|도|의)?마지막", c):
        return []  # "선배가 회사 그만둔대 마지막 인사 하러 왔더라"
    if ctx.fiction() and not re.search(r"(나|내|저|제)(의|가|도)?마지막", c):
        return []  # "소설 속 인물이 마지막 인사를 하는 장면"
    m = _FAREWELL_STRONG.search(c)
    if m:
        return [_strong("farewell:last_words", m.group(0))]
    soft = [m.group(0) for m in _FAREWELL_SOFT.finditer(c)]
    if re.search(r"(지내|있어|살아|안녕)(요)?\s*\?", ctx.text):
        soft = []  # "다들 잘 지내? 오랜만이다": asking after someone
    if not soft and "안녕" in c and re.search(r"미안해|미안하다|죄송해", c) and re.search(r"사랑해|고마웠|고마워", c):
        return [_strong("farewell:goodbye", "안녕")]
    if soft:
        # one soft goodbye is a normal goodbye; with a second cue it reads as a last one
        cues = len(soft) + bool(re.search(r"이제|마지막|영원히|그동안", c)) + ("안녕" in c)
        cues += bool(re.search(r"미안해|미안하다|죄송해", c)) + bool(re.search(r"사랑해", c))
        if cues >= 3 or (cues >= 2 and "그동안" in c):
            return [_strong("farewell:goodbye", soft[0])]
        return [_weak("farewell:goodbye", soft[0])]
    return []




def _negative(emotion: Emotion | None) -> bool:
    if emotion is None:
        return True  # knowing less, err toward safety
    if emotion.group == NEGATIVE:
        return True
    neg = sum(float(emotion.scores.get(k, 0.0)) for k in ("슬픔(우울한)", "힘듦(지침)", "걱정스러운(불안한)"))
    return neg >= 0.35


class RuleCrisisBackend:
    """`CrisisBackend` over morpheme and phrase rules; see the module docstring."""

    def __init__(self, **options: Any) -> None:
        # weak signals alone fire only with a negative (or unknown) emotion
        self.weak_needs_negative = bool(options.get("crisis_weak_needs_negative", True))

    def check(self, text: str, emotion: Emotion | None = None) -> CrisisResult:
        text = (text or "").strip()
        if not text:
            return CrisisResult(False, "", ())
        hits = self.hits(text)
        compact = re.sub(r"[\s.,!?~…·'\"]+", "", _normalise(text))
        if _recovered(compact):
            return CrisisResult(False, "", ())  # "예전엔 죽고 싶었는데 지금은 괜찮아졌어"
        strong = [h for h in hits if h.strong]
        if strong:
            return CrisisResult(True, strong[0].reason, tuple(dict.fromkeys(h.span for h in strong)))
        weak = [h for h in hits if not h.strong]
        if len({h.reason for h in weak}) >= 2:
            return CrisisResult(True, "weak_signals:" + "+".join(dict.fromkeys(h.reason for h in weak)),
                                tuple(dict.fromkeys(h.span for h in weak)))
        if _RESILIENT.search(compact):
            return CrisisResult(False, "", ())  # "사는 게 힘들긴 한데 그래도 버텨볼래": weak signals only
        if weak and (not self.weak_needs_negative or _negative(emotion)):
            suffix = "+no_emotion" if emotion is None else "+negative_emotion"
            return CrisisResult(True, weak[0].reason + suffix, (weak[0].span,))
        return CrisisResult(False, "", ())

    def hits(self, text: str) -> list[_Hit]:
        text = _normalise(text)
        ms = morphs(text)
        compact, starts = _compact(text)
        ctx = _Ctx(text=text, compact=compact, ms=ms, forms=frozenset(m.form for m in ms), starts=starts)
        found: list[_Hit] = []
        for rule in RULES:
            found.extend(rule(ctx))
        if found:
            rest = _unreported(ctx)
            if rest is not None:  # "엄마가 요즘 살기 싫다고 하셔서 걱정돼요": judge what is left
                return self.hits(rest) if rest.strip() else []
        return found


# -- concepts: core x marker, with structural exclusions (inference/data/crisis_lexicon.py) ---

_ETM = frozenset({"ᆯ", "을", "는", "ᆫ", "은", "던"})
_IF = frozenset({"면", "으면"})
_NON_AGENT_TAGS = ("NNB", "NR", "NP")


def _core(ctx: _Ctx, i: int) -> tuple[str, int]:
    """The predicate lemma at i and the index of its last morpheme ('' if none).

    Joins noun + 하다 ("증발" "하" -> 증발하다) and 없 + 어 + 지 (-> 없어지다).
    """
    m = ctx.ms[i]
    if m.tag == "NNG" and ctx.tag(i + 1) == "XSV":
        return m.form + "하다", i + 1
    if m.lemma == "뛰다" and ctx.form(i + 1) == "어" and ctx.lemma(i + 2) in ("들다", "내리다"):
        return "뛰어" + ctx.lemma(i + 2), i + 2  # kiwi splits 뛰어들다 / 뛰어내리다 at times
    if m.lemma in ("살다", "살아가다") and ctx.form(i + 1) in ("어", "아") and ctx.lemma(i + 2) == "있다":
        return "살아있다", i + 2
    if m.lemma in ("없다", "지우다", "잊다", "잊히다") and ctx.form(i + 1) in ("어", "아") and ctx.lemma(i + 2) == "지다":
        return "없어지다", i + 2  # 없어지다, 지워지다, 잊혀지다: vanishing, all of them
    if m.tag in ("VV", "VA", "VX") or m.form in ("자살", "ㅈㅅ"):
        return m.lemma, i
    return "", i


def _clause(ctx: _Ctx, start: int, n: int = 8) -> list[Morph]:
    """Up to n morphemes after start, stopping at the end of the sentence."""
    out: list[Morph] = []
    for m in ctx.ms[start : start + n]:
        if m.tag == "SF":
            break
        out.append(m)
    return out


def _marker(ctx: _Ctx, j: int) -> str:
    """A wish/intent/relief construction after the predicate ending at j ('' if none)."""
    if ctx.form(j + 1) in ("어", "아") and ctx.lemma(j + 2) == "주다":
        j += 2  # benefactive: "없어져 줄게", "죽어 줄게"
    wish = ctx.wish_after(j)
    if wish and wish != "negated_wish":
        return wish
    nxt = ctx.form(j + 1)
    after = _clause(ctx, j + 2)
    lemmas = [m.lemma for m in after]
    if nxt in _ETM and lemmas[:1] and (lemmas[0] in INTENT_NOUNS):
        return "intent_noun"  # "죽을 생각", "사라질 계획"
    if nxt in ("는", "ᆫ", "은") and lemmas[:1] and lemmas[0] in ("것", "거") and set(lemmas[1:6]) & RELIEF:
        return "better_dead"  # "사라지는 게 모두를 위한 거야"
    if nxt in _IF and set(lemmas[:7]) & RELIEF:
        return "relief_if"  # "사라지면 다 해결될 것 같아요"
    if nxt in ("어야", "아야") and (set(lemmas[:6]) & RELIEF or lemmas[:1] in (["하다"], ["되다"], ["겠"])):
        return "relief_if"  # "내가 사라져야 모두가 편해져", "없어져야 해"
    if nxt in ("ᆯ지", "을지", "는지") and (set(lemmas[:4]) & {"생각", "고민", "찾다", "검색", "궁리", "상상"}
                                       or ctx.form(j - 1) in ("어떻게", "언제", "어디서") or ctx.lemma(j - 1) == "어떻게"):
        return "intent_noun"  # "어떻게 죽을지만 생각해"
    if nxt in ("어", "아") and lemmas[:1] == ["버리다"]:
        return "wish"
    return ""


def _first_person_near(ctx: _Ctx, i: int, span: int = 5) -> bool:
    return any(ctx.form(k) in FIRST_PERSON for k in range(max(0, i - span), i))


def _hyperbole_before(ctx: _Ctx, i: int) -> bool:
    """"배고파 죽겠다", "미치겠어 죽겠어", "부장님 때문에 … 죽겠어": a sensation or cause first."""
    if ctx.tag(i - 1) == "EC" and ctx.form(i - 1) in _HYPERBOLE_EC | {"다", "다가", "느라", "느라고"}:
        return True
    if any(ctx.form(k) in HYPERBOLE_CAUSES for k in range(0, i)):
        return True
    return any(ctx.form(k) == "겠" and ctx.tag(k) == "EP" for k in range(max(0, i - 4), i))


_CORE_REASONS = {
    "intent_noun": "intent_to_die", "better_dead": "better_off_dead", "relief_if": "relief_if_gone",
    "wish": "wish_to_die", "intent": "intent_to_die", "consider": "considering_death", "method": "method_to_die",
}


def _concept_core(ctx: _Ctx) -> list[_Hit]:
    """Dying / vanishing / jumping + any wish, intent, plan or relief marker."""
    hits: list[_Hit] = []
    for i in range(len(ctx.ms)):
        lemma, j = _core(ctx, i)
        if not lemma:
            continue
        if lemma in DIE:
            concept = "ideation_direct"
            if ctx.form(i - 1) in IDIOM_BEFORE_DIE or ctx.lemma(j + 2) in IDIOM_AFTER_DIE or ctx.form(j + 1) == "듯":
                continue  # 쥐 죽은 듯, 죽을 뻔, 죽을 맛, 죽다 살아났어
            if any(ctx.form(k) in _NON_HUMAN for k in range(max(0, i - 3), i)) or _idiom_pair(ctx, i):
                continue  # "모기 다 죽었으면 좋겠다", "죽자 사자"
            if ctx.tag(i - 1) == "EC" and ctx.form(i - 1) in _HYPERBOLE_EC and ctx.lemma(i - 2) not in ("어떻다", "편하다", "조용하다"):
                continue  # 부끄러워 죽고 싶었다 is still caught by the phrase rules; "어떻게 죽을지" is not hyperbole
        elif lemma in VANISH or (lemma == "지우다" and _erases_self(ctx, i)):
            concept = "ideation_indirect"  # "나란 존재가 너무 싫어서 지워버리고 싶어"
            if ctx.forms & _ESCAPE_MITIGATORS - {"조용히"} or _vanishing_thing(ctx, i, j):
                continue  # "여드름 자국 싹 없어졌으면"
            place = _vanish_place(ctx, i)
            if place:  # "단톡방에서 조용히 사라지고 싶다": a room left, not the world
                if place == "place" and _marker(ctx, j):
                    hits.append(_weak("ideation_indirect:disappear_from_a_place", ctx.form(i)))
                continue
        elif lemma == "뛰어들다":
            if ctx.forms & {"선로", "철로", "지하철", "기차", "차", "트럭", "버스", "도로", "차도", "강", "바다", "한강", "물", "강물"} and not (
                re.search(r"수영|물놀이|구하|구조|다이빙", ctx.compact) or _someone_else(ctx)
            ):
                hits.append(_strong("plan_means:jump", ctx.form(i)))
            continue
        elif lemma in ("뛰어내리다", "투신하다"):
            if (ctx.forms | {m.lemma for m in ctx.ms}) & JUMP_HARMLESS - {"떨어지다"} or ctx.topic():
                continue
            if not ctx.third_person(i) or _first_person_near(ctx, i):
                hits.append(_strong("plan_means:jump", ctx.form(i)))
            continue
        else:
            continue
        if ctx.third_person(i) and not _first_person_near(ctx, i, 8):
            continue
        marker = _marker(ctx, j)
        if not marker and ctx.form(j + 1) in _IF and "되다" in {ctx.lemma(k) for k in range(j + 2, j + 5)} and any(
            ctx.form(k) in FIRST_PERSON and ctx.form(k + 1) != "의" for k in range(max(0, i - 4), i)):
            marker = "relief_if"  # "나 하나만 없어지면 되는 거잖아"
        if marker in _CORE_REASONS:
            if lemma in DIE and ctx.topic() and not _first_person_near(ctx, i, 8):
                continue
            hits.append(_strong(f"{concept}:{_CORE_REASONS[marker]}", ctx.form(i)))
    return hits


_CONCEPT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # NO-REASON: "살아서 뭐하나", "살아봤자 뭐해", "사는 게 무슨 의미"
    ("ideation_indirect:no_reason_to_live", re.compile(
        r"살아(서|봤자|봐야|있어서|있어봤자|있어도|가서)?(뭐|무슨|뭘)(해|하|할|의미|소용|얻)|"
        r"(사는|살아있는|산다는|사는것)(게|것이|건|것도)?(무슨|뭔)(의미|소용)"
    )),
    # STOP-BREATHING: "그만 숨 쉬고 싶어", "숨이 멈췄으면"
    ("ideation_indirect:stop_breathing", re.compile(
        r"(그만|더이상|더는|이제)숨(을|도)?(쉬|셔)(고싶|기싫|ᆯ래|을래)?|"
        r"숨(을|이)?(멈추|멎|끊)[가-힣]{0,2}(고싶|었으면|었으면|버리|ᆯ래|을래|게해)|숨(이|을)?멎었으면|숨멈췄으면"
    )),
    # NOT-WAKE: "안 깼으면", "다시는 눈 뜨고 싶지 않아", "영원히 잠들면 좋겠다"
    ("ideation_indirect:never_wake", re.compile(
        r"(깨|일어나|깨어나|눈(을)?뜨)지(않|말|못)(고싶|았으면|으면좋|기를|길|게|도록)|"
        r"(안|못)(깨|깨어나|눈뜨|눈을뜨)(고싶|었으면|었으면|면좋|기를|길|ᆯ래|려고)|(안|못)깨(었|ᆻ)?으면|"
        r"영원히(잠들|잠자|자(?=고|면|ᆻ|었|ᆯ|길|기를|버리)|눈감|쉬)[가-힣]{0,4}(싶|으면|면|었으면|ᆻ으면|래|게)|"
        r"(영원히|다시는|그대로)(안|못)?(일어나|깨어나|깨)지(않|말|못)"
    )),
    # ACCIDENT-WISH: "차에 치였으면 좋겠다", "사고 나서 죽었으면"
    ("ideation_indirect:accident_wish", re.compile(
        r"(치였|치여서|치이|사고(가)?났|사고로|사고나서|깔렸|병걸려|병에걸려|벼락맞|벼락이라도)[가-힣]{0,6}(으면|기를|길|버렸으면)"
    )),
    # BURDEN: "나는 짐밖에 안 돼", "존재 자체가 민폐", "없는 게 나아"
    ("ideation_indirect:burden", re.compile(
        r"짐(밖에|덩어리|만되|이될뿐|일뿐|만돼|짝)|(나|내|난|저|제|전|내존재|존재)[가-힣]{0,8}(짐이(야|에요|예요|잖|라|다|되|돼|될)|"
        r"민폐(야|다|라|예요|에요|덩어리|만|인|일)|폐만|걸림돌|없는게(더)?(나|낫|좋|편)|없어야(해|돼|다들|모두))|존재(자체)?(가)?(민폐|짐|폐)"
    )),
    # FAREWELL: "미리 작별 인사 할게", "내 장례식엔", "이게 마지막이에요"
    ("farewell:last_words", re.compile(
        r"작별(인사)?(를|도)?(미리|할게|하려|할래|해둘|할게요|하고싶|남기|고해)|미리작별|"
        r"(이게|이것이|이메시지가|이글이|이말이|오늘이)(정말)?마지막(이|일|인사|메시지|연락)"
    )),
    ("farewell:last_words", re.compile(r"(내|제|나의|저의|내가죽으면|제가죽으면)[가-힣]{0,3}(장례식|장례|영정|무덤|묘비|유골|제사|부고)")),
    # HEIGHT / CERTAINTY questions: "몇 층이면 확실할까", "몇 미터면 죽어"
    ("plan_means:height_question", re.compile(
        r"(몇층|몇미터|몇m|높이|얼마나높)[가-힣]{0,6}(확실|죽|즉사|떨어지면|뛰어내리면|살수있|안아플)|"
        r"확실(하게|히)죽|(죽|가)(으려면|려면)(몇|얼마|어디)|"
        r"떨어(져야|지면|질까|져도)[가-힣]{0,6}(죽|안살아|못살아|살아나지|확실|즉사|안아플)"
    )),
    # HANGING: "줄을 매달 곳", "목 맬 데"
    ("plan_means:hanging", re.compile(
        r"(줄|끈|밧줄|로프|전선|넥타이|벨트|수건)(을|를)?(매달|걸|묶)[가-힣]{0,2}(곳|데|만한|수있는|려|고싶|ᆯ)|"
        r"(매달|목맬|목을맬)(곳|데|만한)"
    )),
    # BLOOD: "피 보면 진정이 돼", "피 날 때까지 긁어"
    ("self_harm:blood", re.compile(r"(?<!코)피(가|를)?(봐야|보면|볼때|날때까지|나게|나도록|흘려야|내야)")),
    # DEATH noun + thinking: "요새 자꾸 죽음에 대해 생각해요"
    ("ideation_direct:thinks_of_death", re.compile(r"죽음(에|을|만|이)(대해|대한)?(자꾸|계속|매일|자주)?(생각|고민|상상|떠올|끌리|가까)")),
    # NON-EXISTENCE: "이 세상에 없었던 사람이 되고 싶어"
    ("ideation_indirect:never_existed", re.compile(
        r"(없었던|없던|존재하지않(았)?던|존재하지않는|태어나지않은|태어나지않았던)(사람|존재|아이|애)(이|가|로)?(되|이고싶|였으면|이었으면)"
    )),
    # EYES-CLOSED-FOREVER: "눈 감으면 그대로 끝났으면", "안 깨어날 수 있어요?"
    ("ideation_indirect:never_wake", re.compile(
        r"눈(을)?감(으면|고|은채로|은채|는순간)[가-힣]{0,6}(그대로|영원히|끝|안떴|다시는|못뜨|안뜨)|"
        r"(안|못|영영)(깨어날|깰|일어날|눈뜰)(수|방법)|(안|못|영영)(깨어나|깨|일어나)(게|도록|는방법|는약)"
    )),
    # CARE FOR THOSE LEFT: "나 대신 우리 엄마 잘 챙겨줘", "내가 없으면 … 부탁해"
    ("farewell:look_after_them", re.compile(
        r"(나|내|저|제)대신[가-힣]{0,12}(챙겨|부탁|돌봐|잘해|지켜|맡아)"
    )),
    # SECRETS LEFT "just in case": "내 폰 비밀번호는 0000이야 혹시 모르니까"
    ("farewell:settling_affairs", re.compile(
        r"(내|제|나의|저의)[가-힣]{0,4}(비밀번호|비번|적금|통장|보험|비상금|유산|금고)[가-힣0-9]{0,12}"
        r"(혹시모르니|혹시몰라|알아둬|기억해둬|적어둘|적어뒀|적어놨|남겨|알려줄게|알려둘게|알려줬|알려뒀)"
    )),
    # WORLD WITHOUT ME: "이 세상에 나 하나쯤 없어도 아무 상관 없잖아"
    ("ideation_indirect:world_without_me", re.compile(
        r"(나|내가|난|저|제가|전)(하나|한명|같은거|같은게|따위)?(쯤|정도|만|가|는)?"
        r"(없어도|없으면|사라져도|사라지면|죽어도|죽으면|없어진다고|없어진들|죽는다고|떠나도)"
        r"[가-힣]{0,10}(상관없|상관도없|모를|모르|아무도|슬퍼하지|티도|티가|달라지|편해|행복해|나을|괜찮아지)"
    )),
    # EYES NOT OPENING: "매일 아침 눈 뜨는 게 너무 싫어 그냥 안 떴으면"
    ("ideation_indirect:never_wake", re.compile(r"눈[가-힣]{0,20}(안|못)(떴|떠졌|뜨였)(으면|길|기를)")),
    # JUST THE END: "그냥 끝이었으면", "다시 태어나고 싶지도 않아"
    ("ideation_indirect:end_it_all", re.compile(
        r"(그냥|다|모든게|이대로|여기서|나도|내인생|내삶)(다)?끝(이었|이면좋|이길|이기를|나버렸으면|장났으면)|"
        r"다시(는)?(안)?태어나(고싶지|기싫|지않|지도않|고싶진)|다음생(은|엔|에는|도)?(없었으면|안태어|태어나지|없길)"
    )),
    # QUANTITY OF PILLS: "수면제 30알 먹으면 어떻게 돼요"
    ("plan_means:overdose_question", re.compile(
        r"(약|수면제|진통제|타이레놀|안정제|알약)[가-힣]{0,3}(\d{2,}|수십|몇십|한주먹|한통|여러)(알|개|통|정)"
    )),
    # "혹시 나한테 무슨 일 생기면 우리 강아지 부탁해"
    ("farewell:look_after_them", re.compile(
        r"(나|내|저|제)(한테|에게|게|가)?무슨일(이)?(생기|있)(면|으면|거든)[가-힣]{0,14}(부탁|챙겨|맡아|돌봐|전해|키워)"
    )),
    # "이게 내 마지막 글이 될 거예요"
    ("farewell:last_words", re.compile(
        r"(이게|이것이|이글이|오늘이|이메시지가|이편지가)(내|제|나의|저의)?(정말|진짜)?마지막(이|일|인사|메시지|연락|글|편지|말)|"
        r"(내|제|나의|저의)마지막(글|메시지|인사|편지|유언|연락|부탁|밤)"
    )),
    # WHY LIVE: "왜 살아야 하는지 모르겠어", "왜 사는지 모르겠다"
    ("ideation_indirect:no_reason_to_live", re.compile(r"왜(살아야|사는지|살아있는지|살아가야|태어났는지)(하는지|되는지|하나|해|돼|모르|몰라)?")),
    # AFTERLIFE euphemisms: "하늘나라에 가고 싶어", "별이 되고 싶다", "먼저 떠난 동생 따라가고 싶어"
    ("ideation_direct:afterlife_wish", re.compile(
        r"(하늘나라|천국|저세상|저승|별나라|하늘)(에|로|으로)?(가고싶|갈래|가고파|가려고|가버리고|갔으면|보내줘|데려가)|"
        r"별이(되고싶|될래|되고파|되러|됐으면)|"
        r"(먼저(떠난|간|가신)|돌아가신|세상떠난|하늘나라간|죽은)[가-힣]{0,6}(따라가|곁으로가|옆으로가|만나러가)(고싶|ᆯ래|고파|려고|야겠|고만싶)"
    )),
    # FAREWELL: "먼저 가서 미안해요", "나중에 이 메시지 보면 슬퍼하지 마", "내 방에 있는 거 다 너 가져"
    ("farewell:last_words", re.compile(
        r"먼저(가서|떠나서|가는거|가는것|떠나는거)[가-힣]{0,3}(미안|죄송)|"
        r"(나중에|내가없|내가떠|제가없|제가떠|이메시지|이글|이편지)[가-힣]{0,14}(슬퍼하지|울지|자책하지|미안해하지)(마|말)"
    )),
    ("farewell:settling_affairs", re.compile(r"(내|제)[가-힣]{0,8}(거|것|물건)(들)?(은|는)?(다|전부|모두)(너|니|네|당신)?(가져|가지|줄게|드릴게|써)")),
    # HIGH PLACE, LOOKING DOWN: "혼자 한강에 왔어 물이 차갑겠지"
    ("plan_means:high_place", re.compile(
        r"(한강|다리|대교|옥상|바다|강|절벽|난간)[가-힣]{0,20}(물(이|은)?(차갑|차가|깊|춥)|얼마나높|아래를|밑을|내려다)"
    )),
    # NO ONE TO CARE FOR THEM: "우리 햄스터 잘 부탁해 이제 내가 못 돌봐줄 것 같아"
    ("farewell:look_after_them", re.compile(
        r"(부탁|맡아|챙겨|잘키워|잘돌봐)[가-힣]{0,14}(이제|앞으로|더는|더이상|더)(내가|제가|난|전)?(못|안)(돌봐|챙겨|키워|키울|볼|보|만나|함께)|"
        r"(부탁|맡아|챙겨|잘키워|잘돌봐)[가-힣]{0,14}(내가|제가|난|전|나는|저는)(이제|앞으로|더는|더이상|더)?(못|안)(돌봐|챙겨|키워|키울|볼|보|만나|함께)|"
        r"(이제|앞으로|더는|더이상)(내가|제가|난|전)?(못|안)(돌봐|챙겨|키워)[가-힣]{0,14}(부탁|맡아|챙겨|잘키워|잘돌봐)"
    )),
    # NOBODY WOULD CARE: "이대로 끝내도 아무도 슬퍼하지 않겠지"
    ("ideation_indirect:nobody_would_care", re.compile(
        r"(죽|끝내|끝나|사라지|사라져|없어지|없어져|떠나|떠난|가도)[가-힣]{0,8}"
        r"아무도(슬퍼|모르|몰라|신경|상관|찾지|기억|안울|울지|눈치|모를|관심)"
    )),
    # LIFE AS A SIN: "살아있는 게 죄 같아"
    ("ideation_indirect:life_is_a_sin", re.compile(
        r"(살아있는|살아있다는|사는|산다는|살아가는|태어난|존재하는|숨쉬는)(게|것이|것|거|것자체가|자체가|것자체)"
        r"(죄|벌|형벌|민폐|실수|잘못|죄악|폐)"
    )),
    # LIFE OVER + SETTLING: "내 인생은 끝났어 이제 정리할 때야"
    ("ideation_indirect:this_life_is_over", re.compile(
        r"(인생|삶|생)(은|이|도)?(이제|다)?(끝났|끝이|망했)[가-힣]{0,12}(정리|마무리|준비|갈때|떠날때|끝낼)"
    )),
    # WORTHLESS: "나 같은 건 필요 없잖아"
    ("ideation_indirect:burden", re.compile(
        r"(나|저)(같은|따위)(건|거|게|애|사람|놈|년|존재)?(는|은|가|이)?(필요없|쓸모없|있으나마나|없어도돼|없어도되)"
    )),
    # METHOD QUESTION: "어떻게 죽어야 덜 아플까"
    ("plan_means:method", re.compile(
        r"죽(어야|으면|는게|는법|으려면|을수있)[가-힣]{0,4}(덜아프|안아프|안아플|덜아플|편하|빠르|확실|고통없|깔끔)|어떻게(하면|해야)?죽(어야|을수|지|나)"
    )),
    # PILLS EMPTIED: "약통 다 비웠어"
    ("plan_means:medication", re.compile(r"약통(을|를)?(다|전부)?(비웠|비우|털어|비어)|약(을|를)?(다|전부|한꺼번에)털어")),
    # GIVING EVERYTHING AWAY: "내 게임 계정이랑 아이템 다 너 줄게 이제 필요 없어"
    ("farewell:settling_affairs", re.compile(
        r"(내|제)[가-힣]{0,16}(다|전부|모두)(너|니|네|당신)?(가져|가지라|줄게|드릴게|물려줄게|줄께)[가-힣]{0,6}(이제|더는)?(필요없|안쓸|쓸일)"
    )),
    # ON A BRIDGE / ROOF NOW: "마포대교 위야 지금"
    ("plan_means:high_place", re.compile(
        r"(마포대교|한강다리|대교|난간|절벽|옥상|다리)(위|끝|꼭대기|난간)(야|이야|에요|예요|에있|에왔|왔어|도착|에서있)[가-힣]{0,6}(지금|혼자|새벽)|"
        r"(지금|혼자|새벽)[가-힣]{0,4}(마포대교|한강다리|대교|난간|절벽)(위|끝|꼭대기)"
    )),
    # NEXT LIFE, NOT AGAIN: "다음 생엔 태어나고 싶지 않아"
    ("ideation_indirect:not_born", re.compile(r"다음생(엔|에는|에|은)?[가-힣]{0,8}태어나(고싶지|기싫|지않|지말)")),
    # DISAPPOINTED TO WAKE: "아침에 일어나면 실망해요 아직 살아 있어서"
    ("ideation_indirect:sorry_to_be_alive", re.compile(
        r"(아직|또|여전히)(살아있|살아있어|안죽|눈을떴|눈떴|깨어났|일어났|숨쉬고)[가-힣]{0,6}(실망|짜증|싫|괴롭|절망|화가|한숨)|"
        r"(실망|짜증|싫|절망|한숨)[가-힣]{0,10}(아직|또|여전히)(살아있|안죽|눈떴|눈을떴|깨어났|숨쉬고)"
    )),
    # GOING IN ONE'S SLEEP: "그냥 잠든 채로 가고 싶다"
    ("ideation_indirect:never_wake", re.compile(
        r"(잠든채로|잠든채|자다가|자는동안|잠결에|자면서)(그냥|조용히|편하게)?(가고싶|갔으면|가버리고|떠나고싶|죽)|"
        r"내일(이|은|가)?(없었으면|없었음|없으면좋|없길|없기를)"
    )),
    # WISHING FOR A DISASTER: "차라리 사고라도 나서 다 끝났으면"
    ("ideation_indirect:accident_wish", re.compile(r"(사고|교통사고|병|암|벼락|재난|전쟁)(라도|이라도)(나|걸려|걸렸|맞|터지|났)")),
    # METAPHORS OF EXIT: "이 세상에서 로그아웃하고 싶다", "인생 하차할래"
    ("ideation_indirect:exit_metaphor", re.compile(
        r"(인생|세상|삶|이번생|이생)[가-힣]{0,4}(로그아웃|퇴장|하차|강제종료|종료|탈출|졸업|은퇴)(버튼)?(을|를)?(누르|눌러)?(하고싶|할래|하려|했으면|하자|하고파|시켜|고싶|ᆯ래|을래|버리고)|"
        r"(인생|현생|세상|삶|이번생|이생)[가-힣]{0,4}(로그아웃|강제종료)[가-힣]{0,12}(영원히|영영)|(영원히|영영)[가-힣]{0,4}(로그아웃|강제종료)"
    )),
    # LOOKING DOWN: "베란다 창문 열고 아래 내려다보고 있어"
    ("plan_means:high_place", re.compile(
        r"(베란다|창문|창밖|아파트|건물|난간|옥상|다리|대교|층)[가-힣]{0,12}(내려다보|아래를보|밑을보|아래보|밑보)(고있|는중|았|았어|고서있)"
    )),
    # "저는 여기까지인 것 같아요"
    ("ideation_indirect:this_life_is_over", re.compile(
        r"(나|저|난|전|내인생|제인생)(는|은)?(이제|정말|진짜)?여기까지(인것같|인가봐|인듯|야|예요|에요|였|이다|인거)"
    )),
    # HAIR PULLING: "머리카락을 한 움큼씩 뽑아요 멈출 수가 없어"
    ("self_harm:hair_pulling", re.compile(r"(머리카락|머리털|눈썹)(을|를)?[가-힣]{0,6}(뽑|뜯)[가-힣]{0,12}(움큼|멈출수|못멈|자꾸|계속|피|스트레스)")),
    # "미안해 용서해줘 그리고 안녕"
    ("farewell:goodbye", re.compile(r"용서(해줘|해주세요|해|해줄래)[가-힣]{0,8}안녕|안녕[가-힣]{0,8}용서(해줘|해주세요)")),
    # ROPE AND A CHAIR: "끈이랑 의자 준비했어"
    ("plan_means:hanging", re.compile(
        r"(?<!넘기)(끈|줄|밧줄|로프|넥타이)(이랑|하고|과|와|랑)?(의자|발판)|(의자|발판)(이랑|하고|과|와|랑)?(끈|줄|밧줄|로프|넥타이)"
    )),
    # GIVING AWAY WHAT ONE TREASURES: "내가 아끼던 책들 너 다 가져가"
    ("farewell:settling_affairs", re.compile(
        r"아끼(던|는)[가-힣]{0,10}((다|전부|모두)(너|니|네|당신)?|(너|니|네|당신)(다|전부|모두)?)(가져|가지라|줄게|드릴게|물려줄게|줄께)"
    )),
    # "오늘이 내 인생 마지막 날이었으면 좋겠다"
    ("ideation_indirect:last_day_wish", re.compile(r"마지막(날|밤|순간|하루|아침)(이었으면|였으면|이길|이기를|이면좋|이었음|이되었으면|이됐으면)")),
    # SHARPENED BLADE, BRIDGE HEIGHTS: "칼 갈아놨어", "한강 어느 다리가 제일 높아?"
    ("plan_means:method", re.compile(
        r"(칼|칼날|면도날|커터)(을|를)?(갈아놨|갈아뒀|갈아놓|갈아두|날세워)|"
        r"(한강|마포)[가-힣]{0,6}(다리|대교)[가-힣]{0,6}(제일|가장)?(높|깊)|어디가(제일|가장)높[가-힣]{0,4}(옥상|건물|아파트)|"
        r"(옥상|건물|아파트)[가-힣]{0,6}어디가(제일|가장)높"
    )),
    # "이 메시지 보면 나는 이미 없을 거야"
    ("farewell:last_words", re.compile(
        r"(이메시지|이글|이편지|이걸|이거)[가-힣]{0,6}(보면|볼때|읽을때|읽으면|볼쯤|읽을쯤)[가-힣]{0,6}"
        r"(나는|난|저는|전)?(이미|벌써)?(없을|세상에없|떠났|죽었|가있|여기없)"
    )),
    # DEATH AS THE ONLY WAY: "죽음만이 유일한 탈출구야"
    ("ideation_direct:only_way_out", re.compile(r"죽음(만이|만|뿐|밖에|이|은)?[가-힣]{0,3}(유일한|답|탈출구|해결책|출구|구원|방법|길)(이|야|이야|이다|같)")),
    # STILL ALIVE, WHY: "왜 나는 아직도 안 죽고 살아 있을까"
    ("ideation_indirect:sorry_to_be_alive", re.compile(r"왜[가-힣]{0,6}(아직|여태)(도)?(안죽|살아있|숨쉬고)")),
    # BETTER NEVER TO HAVE BEEN: "저 같은 건 존재하지 않는 게 나았을 거예요"
    ("ideation_indirect:better_without_me", re.compile(
        r"(존재하지않는|존재하지않았으면|존재하지않았던|없었던|태어나지않는|태어나지않았던)(게|것이|편이|것도)(더)?(나|낫|좋|좋았)"
    )),
    # ESCAPING ONE'S BODY OR LIFE: "이 몸에서 벗어나고 싶다 영원히"
    ("ideation_indirect:escape_life", re.compile(
        r"(몸|육체|삶|인생|세상|이승)(에서|으로부터|을|를)(벗어나|해방되|탈출하|떠나)[가-힣]{0,4}(고싶|ᆯ래|고파|었으면|려고)"
    )),
    # THE HIGHEST FLOOR: "제일 높은 층으로 올라가는 중이야"
    ("plan_means:high_place", re.compile(
        r"(?<!전망대)(제일|가장)높은(층|곳|건물|데|옥상|다리)[가-힣]{0,4}(올라가|가는|가고|찾|갈|왔)"
    )),
    # PILLS FROM SEVERAL PHARMACIES: "약국 세 군데서 타이레놀 샀어"
    ("plan_means:medication", re.compile(r"약국[가-힣]{0,2}(여러|두|세|네|다섯|몇)(군데|곳)")),
    # THE TRACKS: "기차 오는 시간 확인했어 선로 근처야"
    ("plan_means:railway", re.compile(
        r"(선로|철로|기찻길|철길)(근처|앞|위|옆|가|에서있|에있|에서)[가-힣]{0,10}(지금|혼자|시간|기차오|열차오)|"
        r"(기차|열차|지하철)(오는|지나가는|들어오는)(시간|거)[가-힣]{0,12}(선로|철로|기찻길|철길)|"
        r"(선로|철로|기찻길|철길)[가-힣]{0,12}(기차|열차|지하철)(오는|지나가는|들어오는)"
    )),
    # OLD CUTS: "어제 그은 상처가 벌어졌어"
    ("self_harm:cutting", re.compile(r"(그은|그었던|그어서생긴|그어서난)(상처|자국|흉터|곳|데|팔|손목)")),
    # LOOK AFTER THEM FOR ME: "내 강아지 부탁할게 꼭 잘 키워줘 나 대신"
    ("farewell:look_after_them", re.compile(r"(부탁|챙겨|돌봐|키워|맡아)[가-힣]{0,10}(나|내|저|제)대신")),
    # MY THINGS TO YOU: "내가 쓰던 노트북 동생 줘"
    ("farewell:settling_affairs", re.compile(
        r"(내가|제가)(쓰던|아끼던|입던|타던|갖고있던|모은|모았던)[가-힣]{0,10}(줘|주세요|가져|줄게|드려|가지|드릴게)"
    )),
    # COUNTERFACTUAL: "부모님만 아니었으면 벌써 죽었을 거야"
    ("ideation_direct:would_be_dead", re.compile(r"(아니었으면|없었으면|아니었다면|없었다면)[가-힣]{0,6}(벌써|진작|이미|예전에)(죽었|갔을|사라졌)")),
    # WAKING TO DESPAIR: "눈 떠보니 또 아침이라 절망스러워"
    ("ideation_indirect:sorry_to_be_alive", re.compile(
        r"눈(을)?(떠보니|뜨니|뜨면|떴는데|떠보면)[가-힣]{0,6}(또|아직)?(아침|살아)[가-힣]{0,6}(절망|실망|싫|짜증|괴롭|한숨)"
    )),
    # A WILL: "유언장 써뒀어"
    ("plan_means:suicide_note", re.compile(r"유언(장)?(을|를|도)?(미리)?(써|썼|작성|남겼|남겨|적어|준비)")),
    # THANKS FOR RAISING ME: "엄마 아빠 그동안 키워주셔서 감사했어요"
    ("farewell:goodbye", re.compile(r"(키워줘서|키워주셔서|낳아줘서|낳아주셔서)[가-힣]{0,4}(고마웠|감사했|미안|죄송)")),
    # THE LAST MESSAGE: "이게 너한테 보내는 마지막 카톡이야"
    ("farewell:last_words", re.compile(
        r"(이게|이것이|이건)[가-힣]{0,10}마지막(카톡|문자|메시지|연락|글|편지|인사|말|통화|디엠|dm)(이야|이에요|일거|이다|일것|이네|예요|일지도|일수도|이될|일듯)"
    )),
    # "이 지옥 같은 삶 언제 끝나", "이대로 잠들어서 끝났으면"
    ("ideation_indirect:end_it_all", re.compile(
        r"(삶|인생|생|하루하루|사는것|사는거)[가-힣]{0,3}(언제|빨리)(끝나|끝날|끝내)|"
        r"(잠들어서|잠든채|이대로|그대로)[가-힣]{0,6}끝(났으면|나버렸으면|나면좋|나길)"
    )),
    # MEANS + "going": "약 먹고 술 마시면 빨리 갈 수 있대서"
    ("plan_means:method", re.compile(r"(약|수면제|술|번개탄|농약)[가-힣]{0,12}(빨리|편하게|안아프게|고통없이|조용히)(갈수|가는방법|가려면|죽을수)")),
    # ROOF ACCESS: "옥상 문 비밀번호 알아냈어"
    ("plan_means:high_place", re.compile(r"옥상(문)?[가-힣]{0,4}(비밀번호|비번|열쇠|여는법|따는법)[가-힣]{0,4}(알아냈|찾았|구했|알아봤|알아내)")),
    # ELIDED PLAN: "이번 주말에 하기로 했어 장소도 정했고"
    ("plan_means:set_date", re.compile(r"하기로(했|결심|마음먹)[가-힣]{0,8}(장소|날짜|날|방법)(도|를|은|까지)?(정했|정해놨|골랐|잡았)")),
    # TURNING ONE'S BACK ON THE WORLD: "요즘 자꾸 세상을 등지고 싶어"
    ("ideation_indirect:leave_this_world", re.compile(r"(세상|이승|삶)(을|과|에)?(등지|하직|작별하)[가-힣]{0,3}(고싶|ᆯ래|려고|고파|었으면|을래)")),
    # NO ATTACHMENT TO LIFE: "삶에 미련이 하나도 없어"
    ("ideation_indirect:no_will_to_live", re.compile(
        r"(삶|인생|세상|이승|사는것|살아가는것|사는거)(에|에는|에대한|엔|에대해)?미련(이|도|은)?(하나도|전혀|이제|더이상|별로|조금도)?(없|안남)"
    )),
    # NOT SEEING THE SUN AGAIN: "내일 아침 해를 안 봤으면 좋겠어"
    ("ideation_indirect:never_wake", re.compile(r"(해|햇빛|아침|태양)(를|을|이)?(다시는|다시)?(안|못)(봤으면|봤음|보고싶|보길|보기를|왔으면)")),
    # LEANING OUT: "베란다 밖으로 몸을 내밀어 봤어"
    ("plan_means:high_place", re.compile(r"(베란다|창문|창밖|난간|옥상)[가-힣]{0,6}(몸|상체)(을|를)?(내밀|기대|넘기|던지)")),
    # HOW MANY PILLS: "몇 알 먹어야 안 깨어나?"
    ("plan_means:overdose_question", re.compile(r"몇(알|개|통)[가-힣]{0,6}(먹어야|먹으면|삼키면|먹어도)[가-힣]{0,4}(안깨|못깨|죽|영원히|안일어)")),
    # MARKS I MADE: "손목에 상처가 또 늘었어 내가 한 거야"
    ("self_harm:self_made_marks", re.compile(r"(상처|흉터|자국|멍)[가-힣]{0,14}(내가|제가|스스로|일부러)(한|낸|냈|그은|만든)(거|것|짓)")),
    # BURDEN + RELIEF + GOODBYE: "다들 나 때문에 고생했어 이제 편해질 거야 안녕"
    ("farewell:goodbye", re.compile(
        r"(나|저|내)때문에[가-힣]{0,12}(고생|힘들|괴롭|아팠)[가-힣]{0,12}(편해질|안녕|끝날|괜찮아질|자유로워질)"
    )),
    # TAKE WHAT YOU WANT: "내 방 정리 다 해놨어 가져가고 싶은 거 가져가"
    ("farewell:settling_affairs", re.compile(r"(가져가고싶은|필요한|원하는|갖고싶은)(거|것)(다|전부|있으면)?(가져가|가져|가지|챙겨가)")),
    # "나 오늘 진짜 죽을지도 몰라 스스로"
    ("ideation_direct:may_kill_myself", re.compile(r"죽을지도(몰라|모르)[가-힣]{0,6}(스스로|내손으로|제손으로)|(스스로|내손으로)[가-힣]{0,6}죽을지도")),
    # "태어나서 미안해"
    ("ideation_indirect:not_born", re.compile(r"태어나서(미안|죄송)|태어난게미안|태어나서는안")),
    # STRANGLING: "목을 졸라봤는데"
    ("plan_means:hanging", re.compile(r"(내|제|나의|저의|스스로)?목(을|를)?(졸라|조르|졸랐|조여|조이)")),
    # GOING PAINLESSLY: "안 아프게 가는 방법 알아요?"
    ("plan_means:method", re.compile(r"(안아프게|편하게|고통없이|조용히|깔끔하게)(가는|갈수있는|가려면|갈수|가버리는)(방법|법|있|약)?")),
    # AFTER I'M GONE: "내가 없더라도 밥 잘 챙겨 먹어"
    ("farewell:world_without_me", re.compile(
        r"(내가|제가|나|저)(없더라도|없어도|없으면|떠나도|가도|떠나더라도)[가-힣]{0,10}"
        r"(잘챙겨|챙겨먹|잘지내|잘살|건강|행복|밥잘|울지|슬퍼하지|잊고|잊어)"
    )),
    # WHERE THINGS ARE: "우리 집 열쇠 어디 있는지 적어뒀어 필요하면 써"
    ("farewell:settling_affairs", re.compile(
        r"(열쇠|도장|통장|비밀번호|비번|카드|서류|보험증서)[가-힣]{0,8}(어디(있는지|에있|둔지)|위치)[가-힣]{0,6}(적어|알려|남겨)"
    )),
    # "사랑했어 모두들 안녕히"
    ("farewell:goodbye", re.compile(r"사랑했(어|어요|다|습니다)[가-힣]{0,10}안녕|안녕[가-힣]{0,10}사랑했(어|어요|다)")),
    # "오늘 밤이 마지막이야"
    ("farewell:last_words", re.compile(
        r"(오늘|오늘밤|이밤|내일|이번주|지금)(이|가|은)?(내|제)?(정말|진짜)?마지막(이야|이에요|일거|일것|이다|인것같|인듯|이네|일지도)"
    )),
    # SELF-HARM word kiwi misreads at the start of a message ("자해 흉터 …" -> 자 + 하다)
    ("self_harm:self_harm_word", re.compile(r"^자해|(?<![가-힣])자해(?!석)")),
    # "자살각", "자살마렵다", "ㅈㅅ각": suicide words kiwi keeps whole
    ("ideation_direct:suicide_wish", re.compile(r"(자살|ㅈㅅ)(각|마렵|하고프|하구싶|하자|할래|해야겠|충동|생각)")),
)

_ENGLISH = re.compile(
    r"\b(i\s*(really\s*)?(want|wanna|gonna|will|am going)\s*(to\s*)?(die|kill\s*myself|end\s*(it|my\s*life))|"
    r"suicid(e|al)|kill\s*myself|kms|unalive|end\s*it\s*all|self[\s-]*harm|cut(ting)?\s*myself)\b",
    re.IGNORECASE,
)

# what, said after "지금은 괜찮아", undoes the recovery: "… 근데 요즘 다시 죽고 싶어"
_RELAPSE = re.compile(r"죽|자살|자해|사라지|없어지|끝내|뛰어내|유서|그었|긋|다시|또|근데|그런데|하지만|그래도")

_FAREWELL_ORDINARY = re.compile(
    r"세일|할인|접수|신청|이벤트|공연|방송|영업|출근|수업|근무|출장|여행|당분간|며칠|일주일|휴가|입대|군대|유학|이사|퇴사|졸업"
)

_RECOVERED = re.compile(
    r"(?:(예전|옛날|한때|그땐|전에|과거|작년|어릴때|그때|한동안|[가-힣]{1,5}때|[가-힣]{1,4}시절|(\d+|몇|한|두|세)(년|달|개월)전|지난(해|달|번))"
    r"[가-힣]{0,20}(었|았|였|했|ᆻ)(는데|지만|었는데|던)|"
    r"(싶던|싶었던|했던|하던)(시절|때|적|날들|기억|과거))"
    r"(?:[가-힣]{0,12}(지금|이제|요즘|요새)(은|는|엔)?[가-힣]{0,8}(괜찮|나아|좋아|극복|살만|행복|감사|고마워|고맙|즐거|즐겁|소중|기대돼|기대되|안그래|안해|덜해|많이나|잘살|잘지내|끊었|멈췄|그만뒀|회복|건강|"
    r"(하고싶은|해보고싶은|살고싶은)(게|것이|거|일이)생겼|(꿈|목표|이유|희망)(이|가)?생겼|(으로|로|면서)(풀어|풀고|해소|달래))|"
    r"[가-힣]{0,16}(좋아졌|나아졌|괜찮아졌|극복했|이겨냈|회복했))"
)
# recoveries told without a past frame: the thought has gone down, a survival one is glad of,
# an old diary read with distance ("죽고 싶다는 생각은 많이 줄었어요", "그때 안 죽길 잘했다")
_RECOVERED_OTHER = re.compile(
    r"(생각|충동|마음)(은|이|도)?(요즘|요새|이제|지금|지금은)?(은|는)?(많이|좀|조금|거의|훨씬|완전히|이제|확|점점|다)?"
    r"(줄었|줄어들었|없어졌|사라졌|덜해졌|안들어요|안들어|안나요|안생겨)(?!으면|음|길|기를)|"
    r"안(죽|하|포기하|그만두)(길|기를|은게|은거|았던게|었던게)(정말|진짜|참)?(잘했|다행)(?!는지|나|을까)|"
    r"(죽|포기하|그만두)지(않|말)(길|기를|은게|은거|았던게|았길)(정말|진짜|참)?(잘했|다행)(?!는지|나|을까)|"
    r"살아(있어서|남아서|있길|서)(정말|진짜|참)?다행(?!인지)|"
    r"(예전|옛날|과거|그때|일기|메모)[가-힣]{0,30}(지금|이제)(와서)?(보니|보면|생각하면|돌아보면|읽어보니|읽으니)[가-힣]{0,6}"
    r"(신기|웃기|웃겨|웃김|새롭|낯설|대견|추억|아찔)"
)
# a "now" that still holds the crisis is no recovery: "예전엔 괜찮았는데 지금은 죽고 싶은 마음이 생겼어"
_NOW_CRISIS = re.compile(r"죽|자살|자해|사라지|없어지|끝내|뛰어|그만살|떠나")


def _recovered(compact: str) -> bool:
    """A crisis told as past and over, with nothing after it that brings it back."""
    for pattern in (_RECOVERED, _RECOVERED_OTHER):
        for m in pattern.finditer(compact):
            now = re.search(r"(지금|이제|요즘|요새)(?!.*(지금|이제|요즘|요새))", m.group(0))
            if pattern is _RECOVERED and now and _NOW_CRISIS.search(m.group(0)[now.start():]):
                continue
            if not _RELAPSE.search(compact, m.end()):
                return True
    return False


def _concept_phrases(ctx: _Ctx) -> list[_Hit]:
    hits = []
    english = _ENGLISH.search(ctx.text)
    if english and not ctx.topic():
        hits.append(_strong("ideation_direct:english", english.group(0)))
    third = any(ctx.third_person(i) for i in range(len(ctx.ms)) if ctx.tag(i) in ("VV", "VA"))
    for reason, pattern in _CONCEPT_PATTERNS:
        found = _search(ctx, pattern)
        if not found:
            continue
        if found.group(0).startswith("유언") and (re.search(r"법률|변호사|재산|상속|공증", ctx.compact) or _someone_else(ctx)):
            continue  # "할아버지 재산 문제로 유언장 쓰는 법 상담"
        if reason == "farewell:last_words" and re.search(r"오늘|잘자|내일|굿밤|굿나잇", ctx.compact) and "카톡" in found.group(0):
            continue
        if reason.startswith("farewell") and _OFF_TO_BED.search(ctx.compact):
            continue  # "이게 마지막 메시지야 오늘은 자야 해서 ㅋㅋ 내일 얘기하자"
        if reason == "self_harm:blood" and _ITCH.search(ctx.compact):
            continue  # "모기 물려서 피날 때까지 긁었어"
        if reason == "farewell:settling_affairs" and re.search(r"당근|나눔|이사|중고|대청소|바자회|벼룩|판매", ctx.compact):
            continue
        if reason == "plan_means:set_date" and any(p in ctx.compact for p in PLAN_PURPOSES):
            continue
        if reason.startswith("farewell") and _FAREWELL_ORDINARY.search(ctx.compact):
            continue  # "오늘이 마지막이야 세일", "내가 없어도 (출장 동안) 밥 잘 챙겨 먹어"
        story = ctx.fiction() or ctx.topic()
        if story and reason.startswith(("plan_means", "self_harm")) and not ctx.forms & FIRST_PERSON:
            continue  # "공포영화에서 귀신이 목을 조르는 장면"
        if reason.startswith(("farewell", "ideation_direct")) and story and third:
            continue  # a character's last words, a documentary about death
        if reason == "self_harm:self_harm_word" and (ctx.topic() or ctx.fiction() or third or _describes_other(ctx, 0, 12)):
            continue  # "자해하는 청소년에 대한 보고서"
        hits.append(_strong(reason, found.group(0)))
    return hits


_LIFE_TOPIC = re.compile(r"숨(을)?쉬|버티는(게|것)|하루하루|살아내는|사는(게|것)|살아(있는|가는|있다는)(게|것)|삶|인생|산다는것|존재(하는|자체)|살아있는거|사는거")
_STOP_VERBS = frozenset({"멈추다", "그만하다", "그만두다", "끝내다", "포기하다", "놓다", "내려놓다"})


def _stop_living(ctx: _Ctx) -> list[_Hit]:
    """"숨 쉬는 게 고통이라 멈추고 싶어요", "살아 있는 게 벌 같아요 이제 그만하고 싶어요"."""
    if not _LIFE_TOPIC.search(ctx.compact) or ctx.topic():
        return []
    for i in range(len(ctx.ms)):
        lemma, j = _core(ctx, i)
        if lemma not in _STOP_VERBS and not (ctx.form(i - 1) == "그만" and lemma == "하다"):
            continue
        marker = _marker(ctx, j)
        if not marker or ctx.third_person(i):
            continue
        objects = [ctx.form(k) for k in range(max(0, i - 3), i) if ctx.tag(k) in ("NNG", "NNP") and ctx.tag(k + 1) == "JKO"]
        if all(o in _CRISIS_OBJECTS for o in objects):
            return [_strong("ideation_indirect:stop_living", ctx.form(i))]
    return []


_STOP_ADVERBS = frozenset({"그만", "이상", "더는"})


def _stop_life_activity(ctx: _Ctx) -> list[_Hit]:
    """"그만 살아도 되지 않을까", "숨을 그만 쉬고 싶어요", "더 이상 버티고 싶지 않아"."""
    for i in range(len(ctx.ms)):
        lemma, j = _core(ctx, i)
        breathe = lemma == "쉬다" and "숨" in {ctx.form(k) for k in range(max(0, i - 4), i)}
        if lemma not in ("살다", "살아가다", "존재하다", "버티다", "숨쉬다", "살아있다") and not breathe:
            continue
        if not {ctx.form(k) for k in range(max(0, i - 4), i)} & _STOP_ADVERBS or ctx.third_person(i):
            continue
        if ctx.form(i - 1) == "이제" and not ({ctx.form(k) for k in range(max(0, i - 4), i)} & {"그만", "이상", "더는"}):
            continue  # "이제 살 것 같다" is relief
        wish = ctx.wish_after(j)
        permission = ctx.form(j + 1) in ("어도", "아도") and ctx.lemma(j + 2) in ("되다", "괜찮다")
        if wish or permission or _marker(ctx, j):
            return [_strong("ideation_indirect:stop_living", ctx.form(i))]
    return []


def _forever_rest(ctx: _Ctx) -> list[_Hit]:
    """"편하게 쉬고 싶다 영원히", "영원히 잠들 수 있으면": rest that never ends."""
    if not ctx.forms & {"영원히", "영영", "평생", "다시는"}:
        return []
    for i in range(len(ctx.ms)):
        lemma, j = _core(ctx, i)
        if lemma in ("쉬다", "잠들다", "자다", "잠자다", "눈감다", "감다") and (_marker(ctx, j) or ctx.form(j + 1) in _IF):
            if not ctx.third_person(i) and not ctx.forms & {"휴가", "방학", "주말", "여행", "월요일", "출근", "퇴근", "야근", "연차"}:
                return [_strong("ideation_indirect:never_wake", ctx.form(i))]
    return []


def _life_reason_missing(ctx: _Ctx) -> list[_Hit]:
    """"이 세상에 내가 있을 이유가 없어", "버틸 이유를 모르겠어": a reason to live that is missing."""
    hits: list[_Hit] = []
    for i, m in enumerate(ctx.ms):
        lemma, j = _core(ctx, i)
        exists = lemma == "있다" and ({"세상", "이승", "지구"} & ctx.forms or _first_person_near(ctx, i, 3))
        if not (lemma in LIFE_PREDICATES or exists):
            continue
        if ctx.form(j + 1) in ("어야", "아야") and ctx.lemma(j + 2) in ("하다", "되다"):
            j += 2  # "살아야 하는 이유를 모르겠어요"
        if ctx.form(j + 1) not in _ETM:
            continue
        after = [x.lemma for x in _clause(ctx, j + 2, 6)]
        if after[:1] and after[0] in LIFE_REASON_NOUNS and {"없다", "모르다", "못하다", "안", "못"} & set(after[1:]):
            if not ctx.third_person(i) and not any(ctx.tag(k) == "JKB" and ctx.form(k - 1) not in ("세상", "이승", "지구")
                                                   for k in range(max(0, i - 3), i)):
                hits.append(_strong("ideation_indirect:no_reason_to_live", m.form))
    return hits


def _concept_means(ctx: _Ctx) -> list[_Hit]:
    hits: list[_Hit] = []
    lemmas = {m.lemma for m in ctx.ms}
    words = ctx.forms | lemmas
    means = ctx.forms & LETHAL_MEANS
    if means and not (words & MEANS_WORK_CONTEXT) and not ctx.topic() and not _hoarder_is_other(ctx):
        hard = means - SOFT_MEANS
        hoard = lemmas & {"모으다", "모아두다", "쟁이다"} or re.search(r"잔뜩|많이|왕창|한꺼번에|한번에|몇알|몇통|통째|다먹|전부", ctx.compact)
        if (hard and words & ACQUIRE) or hoard:
            hits.append(_strong("plan_means:lethal_means", sorted(means)[0]))
    pills = [i for i in ctx.indexes("약", "알약", "진통제", "타이레놀", "우울증약") if not _other_person(ctx, i)]
    if pills and re.search(r"잔뜩|왕창|몇십|수십|여러통|몇통|한통|통째", ctx.compact) and not re.search(r"비타민|영양제|유산균|사왔", ctx.compact):
        hits.append(_strong("plan_means:medication", "약"))
    # a blade held with no cooking or parcel in sight: "칼을 들고 한참 앉아 있었어"
    for i, m in enumerate(ctx.ms):
        if m.form in BLADES and not (words & COOKING) and not ctx.third_person(i) and not _other_person(ctx, i) and not _hearsay(ctx):
            if {x.lemma for x in _clause(ctx, i + 1, 4)} & {"들다", "쥐다", "대다", "갖다대다", "꺼내다", "숨기다"}:
                hits.append(_strong("plan_means:holding_blade", m.form))
    # a high place with finality: "한강 가려고 택시 탔어 마지막으로"
    if ctx.forms & HIGH_PLACES and re.search(r"마지막|유서|작별|영원히|영영|끝낼|끝내러|다시는(안|못)(돌아|볼|만나)", ctx.compact) and not ctx.topic():
        hits.append(_strong("plan_means:high_place", sorted(ctx.forms & HIGH_PLACES)[0]))
    for i, m in enumerate(ctx.ms):
        if m.form in ("옥상", "난간", "대교", "마포대교", "절벽", "철로", "선로", "기찻길", "다리난간") and not _errand(ctx):
            after = {x.lemma for x in _clause(ctx, i + 1, 6)}
            if after & {"서다", "올라가다", "오르다", "앉다", "매달리다", "넘다", "올라서다"} and not (ctx.forms & _ROOFTOP_ACTIVITIES):
                if not _other_person(ctx, i):
                    hits.append(_strong("plan_means:high_place", m.form))
    # walking into water: "주말에 혼자 바다 가서 들어가려고"
    if ctx.forms & {"바다", "강", "한강", "호수", "저수지", "물속", "강물", "바닷물", "계곡"} and not re.search(
        r"수영|물놀이|서핑|스노클|다이빙|튜브|해수욕|발만|발담|낚시|보트|요트|카약", ctx.compact
    ):
        for i in ctx.indexes("들어가다", "걸어가다", "빠지다", "잠기다"):
            if _marker(ctx, i) and not _other_person(ctx, i):
                hits.append(_strong("plan_means:water", ctx.form(i)))
    # a date fixed for nothing named: "날짜를 정했어요 이번 주말로"
    for i in ctx.indexes("날짜", "디데이", "날", "장소"):
        if ctx.lemma(i + 1) in ("정하다", "잡다", "고르다") or ctx.lemma(i + 2) in ("정하다", "잡다", "고르다"):
            if not any(p in ctx.compact for p in PLAN_PURPOSES) and not any(ctx.tag(k) == "NNG" and ctx.form(k) not in ("날짜", "날", "이번", "주말", "장소")
                                                       and ctx.tag(k + 1) == "JKG" for k in range(len(ctx.ms))):
                hits.append(_strong("plan_means:set_date", ctx.form(i)))
    # settling affairs: "내 물건들은 동생한테 다 나눠줬어", "통장 비밀번호 적어놨어"
    preds = lemmas | {_core(ctx, i)[0] for i in range(len(ctx.ms))}
    secrets = re.search(r"비밀번호|비번|공인인증|유서", ctx.compact)
    if (ctx.forms & AFFAIRS_NOUNS or secrets) and preds & AFFAIRS_VERBS and not (words & AFFAIRS_MITIGATORS):
        give = preds & {"나누다", "나눠주다", "물려주다", "넘기다", "기증하다"} or secrets
        if give and not any(ctx.third_person(i) for i in range(len(ctx.ms)) if ctx.tag(i) == "VV"):
            hits.append(_strong("farewell:settling_affairs", secrets.group(0) if secrets else sorted(ctx.forms & AFFAIRS_NOUNS)[0]))
    return hits


_HARM_INTENT = frozenset({"일부러", "스스로", "자꾸", "계속", "또", "화나면", "벌", "미워서", "싫어서", "매일", "습관", "멍",
                          "진정", "편해", "답답하면", "자국", "흉", "답답", "짜증", "화가", "화나서"})
_HARM_INTENT_STRONG = frozenset({"일부러", "스스로", "벌", "미워서", "고의로"})


_ON_PURPOSE_INJURY = re.compile(r"(일부러|고의로)[가-힣]{0,20}(피|멍|상처|터지|터졌|찢어|부러|화상|흉|자국|다치)|"
                                r"(일부러|고의로|스스로)[가-힣]{0,12}(뜨거운|불|라이터|담뱃불|다리미|끓는)[가-힣]{0,8}(댔|대|넣|지졌|지지)|"
                                r"(멍들|피날|피가날|피나|터질|피가나|아플|아프)(ᆯ)?(때까지|도록)[가-힣]{0,8}(때렸|때려|때리|긁|물어|박|꼬집|쳤|쳐|뜯)|"
                                r"(피|멍|상처|터지|터졌|찢어|부러|화상|흉|자국|다쳤)[가-힣]{0,20}(일부러|고의로)")


def _concept_self_harm(ctx: _Ctx) -> list[_Hit]:
    hits: list[_Hit] = []
    if _ON_PURPOSE_INJURY.search(ctx.compact) and not any(_other_person(ctx, i) for i in range(len(ctx.ms))) \
            and not _ITCH.search(ctx.compact):
        hits.append(_strong("self_harm:on_purpose", "일부러"))  # "벽에 주먹질해서 손이 다 터졌어 일부러 그랬어"
    # a blade meant for the body: "커터칼 날 새로 샀어 팔에 쓰려고"
    blades = {m.form for m in ctx.ms} & BLADES or ({"날"} & ctx.forms and "커터" in ctx.compact)
    lemmas = {m.lemma for m in ctx.ms}
    if blades and ctx.forms & BODY and lemmas & {"사다", "쓰다", "준비하다", "숨기다", "갈다", "대다", "가져오다"}:
        if not (ctx.forms | lemmas) & COOKING and not _someone_else(ctx):
            hits.append(_strong("self_harm:blade_on_body", sorted(blades)[0] if isinstance(blades, set) else "칼"))
    for i, m in enumerate(ctx.ms):
        lemma, j = _core(ctx, i)
        if lemma == "상처" and ctx.lemma(i + 1) == "내다":
            lemma = "상처내다"
        if lemma in ("아프다", "다치다", "괴롭다", "힘들다") and ctx.form(j + 1) == "게" and ctx.lemma(j + 2) in ("하다", "만들다"):
            lemma, j = "해치다", j + 2  # "나를 아프게 하면", "내 몸을 다치게 만들어"
        if lemma not in HARM_VERBS:
            continue
        if lemma == "긁다" and re.search(r"모기|가려|간지|벌레|두드러기|아토피|습진|물려|복권", ctx.compact):
            continue  # an itch, a lottery ticket
        if ctx.third_person(i) and not _first_person_near(ctx, i):
            continue
        before = [ctx.ms[k] for k in range(max(0, i - 10), i)]
        for n in range(len(before) - 1, -1, -1):  # the clause only: stop at a sentence end
            if before[n].tag in ("EF", "SF"):
                before = before[n + 1 :]
                break
        objects = {b.form for b in before}
        if lemma == "긋다":
            drawn = {x.form for x in ctx.ms[:i]}
            if not (drawn & DRAW_OBJECTS) and not any(len(f) > 1 and f.endswith(("선", "줄")) for f in drawn):  # 한계선, 가로줄
                hits.append(_strong("self_harm:cutting", m.form))
            continue
        body = objects & BODY
        # the speaker as the object ("나를", "제 자신을", "스스로", "내 몸을"), not a possessor ("내 폰을")
        self_obj = bool(objects & {"자신", "스스로", "자기", "날", "절", "내몸", "제몸"}) or any(
            b.form in ("나", "저") and n + 1 < len(before) and before[n + 1].tag == "JKO" for n, b in enumerate(before)
        ) or ("몸" in objects and _first_person_near(ctx, i, 6)) or any(  # "내 얼굴을 때렸어", "내 팔을 깨물어"
            b.form in ("나", "저") and n + 2 < len(before) and before[n + 1].form == "의" and before[n + 2].form in BODY
            for n, b in enumerate(before)
        )
        intent = bool(ctx.forms & _HARM_INTENT) or bool(_marker(ctx, j))
        if lemma in CUT_VERBS and (body or self_obj):
            hits.append(_strong("self_harm:hurt_myself", m.form))
        elif self_obj and lemma not in ("물다", "박다", "다치다"):  # "내 다리를 다쳤어" is an injury
            hits.append(_strong("self_harm:hurt_myself", m.form))
        elif body and ctx.forms & _HARM_INTENT_STRONG:
            hits.append(_strong("self_harm:hurt_myself", m.form))
        elif body and intent and ("피" in ctx.forms or lemma in ("박다", "찧다", "때리다", "지지다", "긁다", "뜯다", "꼬집다", "물어뜯다", "쥐어뜯다")):
            hits.append(_strong("self_harm:hurt_myself", m.form))
    return hits


_FINALITY = re.compile(
    r"마지막|작별|영원히|미리|먼저(간다|떠난다|갈게|떠날게|가요|갈께)|먼저가$|(이제|먼저|그만)(진짜|정말|그만)?(갈게|가볼게|떠날게|갈께|갈래)|그동안|지금까지|여태|그간|모든게|모든것|전부|이제는?|끝으로"
)
_GROUP_FINALITY = ("그동안", "지금까지", "여태", "그간", "모든게", "모든것", "전부")
_THANKS = re.compile(
    r"고마웠|고마워|감사했|사랑해|사랑했|미안해|미안했|안녕|잘지내|잘살아|잘있어|잊어|행복해야|행복하길|건강해|행복하게살|"
    r"(고맙|감사하|미안하|사랑한)다고(꼭)?전해"
)
# a last day at work or a last episode is not a last goodbye
_ORDINARY_LAST = re.compile(r"마지막으로(하나만|하나|질문|물어|여쭤|확인|한번만물|한가지)|마지막(날|수업|출근|근무|경기|회차|화|편|시험|학기|주|달|곡|장|문제|질문|순서|기회|세트|판|"
                            r"공연|무대|방송|촬영|강의|콘서트|파티|영업|회의|미팅|상영|투어|시즌|학년|라운드|연습|모임|행사|축제)")


def _concept_farewell(ctx: _Ctx) -> list[_Hit]:
    c = ctx.compact
    if _FAREWELL_MITIGATORS.search(c) or _OFF_TO_BED.search(c) or ctx.fiction() or ctx.topic() or _someone_else(ctx):
        return []
    fin, thanks = _FINALITY.search(_ORDINARY_LAST.sub("", c)), _THANKS.search(c)
    if len({x.group(0)[:2] for x in _THANKS.finditer(c)}) >= 3:
        return [_strong("farewell:goodbye", "사랑해")]  # "엄마 사랑해 미안해 그리고 고마웠어"
    if fin and thanks and fin.group(0) not in ("이제", *_GROUP_FINALITY):
        return [_strong("farewell:goodbye", fin.group(0) + thanks.group(0))]
    if fin and fin.group(0) in _GROUP_FINALITY and len({m.group(0)[:2] for m in _THANKS.finditer(c)}) >= 2:
        return [_strong("farewell:goodbye", "그동안")]  # "그동안 키워줘서 고마웠어요 미안해요"
    if re.search(r"모두|다들|여러분|모든사람|얘들아", c) and len({x.group(0)[:2] for x in _THANKS.finditer(c)}) >= 2:
        return [_strong("farewell:goodbye", "모두")]
    if re.search(r"(더는|더이상|이제)(못하겠|못버티|못견디|못살|안되겠|한계)", c) and re.search(r"미안|사랑해|고마웠|용서", c):
        return [_strong("farewell:goodbye", "더는")]  # "엄마 미안해 나 더는 못하겠어 사랑해"
    # "다들 나 없어도 잘 살아": a goodbye that presumes the speaker gone
    if thanks and re.search(r"(나|내가|저|제가)(없어도|없으면|가고나면|떠나도|떠나면)", c):
        return [_strong("farewell:world_without_me", thanks.group(0))]
    return []



def _errand(ctx: _Ctx) -> bool:
    """"쓰레기 버리러 옥상 갔다 왔어": going somewhere for a stated everyday purpose."""
    for i, m in enumerate(ctx.ms):
        if m.tag == "EC" and m.form in ("러", "으러") and ctx.lemma(i - 1) not in DIE | {"뛰어내리다", "투신하다", "끝내다"}:
            return True
    return False


def _other_person(ctx: _Ctx, i: int) -> bool:
    """Is a *person* other than the speaker the subject before i? (a door or a phone is not)"""
    for k in range(0, i):
        if ctx.tag(k + 1) in ("JKS", "JX") and (ctx.form(k) in OTHER_PEOPLE or ctx.tag(k) == "NNP"):
            # "전에" (before) is a noun, not "전" (= 저는): only a pronoun or 본인/자신 is the speaker
            return not any(ctx.form(x) in FIRST_PERSON and (ctx.tag(x) == "NP" or ctx.form(x) in ("본인", "자신", "스스로"))
                           for x in range(k + 1, i))
    return False


_HEARSAY_EF = frozenset({"대", "래", "대요", "래요", "더라", "더라고", "다더라", "다던데", "답니다", "대서"})


def _someone_else(ctx: _Ctx) -> bool:
    """A person other than the speaker is a subject anywhere, or the message reports hearsay ("… 들어왔대")."""
    return _other_person(ctx, len(ctx.ms)) or any(m.tag in ("EF", "EC") and m.form in _HEARSAY_EF for m in ctx.ms)


# typos and slang of the core words, mapped before analysis ("쥭고십다" -> "죽고싶다", "번탄" -> "번개탄")
_TYPOS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"쥭"), "죽"),
    (re.compile(r"(죽|뒤지|디지|사라지|자살하)(고|구) ?(십|시퍼|시포|싶당|싶닼|십다|싶따)"), r"\1고 싶"),
    (re.compile(r"싶(당|닿|땅|따|닼)"), "싶다"),
    (re.compile(r"번탄"), "번개탄"),
    (re.compile(r"쟈살|자쌀|자1살|자 살하"), "자살"),
)


# letters spaced or dotted apart to dodge a filter or for emphasis: "자 살 하 고 싶 다", "죽.고.싶.어"
_SPACED = re.compile(r"(?<![가-힣])[가-힣](?:[ \t.\-_/·*]+[가-힣](?![가-힣])){2,}")
# a spaced run is joined only when the joined word holds a crisis core; "나 좀 더 잘 할 게" stays as is
_SPACED_CORE = re.compile(r"죽|자살|자해|사라지|없어지|뒤지|디지|살기싫|살고싶|끝내|유서|그만살")
_JAMO_ABBREV: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![ㄱ-ㅎㅏ-ㅣ])ㅈㅎ(?![ㄱ-ㅎㅏ-ㅣ])"), "자해"),  # "ㅈㅎ 또 함"
)


def _join_spaced(m: re.Match[str]) -> str:
    joined = re.sub(r"[^가-힣]", "", m.group(0))
    return joined if _SPACED_CORE.search(joined) else m.group(0)


_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
# loose letters typed one by one to dodge a filter: "ㅈ ㅏ ㅅ ㅏ ㄹ" (a vowel among them, so "ㅋㅋㅋ" is left)
_LOOSE_JAMO = re.compile(r"[ㄱ-ㅎ][ .]*[ㅏ-ㅣ](?:[ .]*[ㄱ-ㅣ])+")
# a word said backwards with a hint ("살자하고싶어 … 거꾸로 말하면 알지"), or 살자 as the slang for 자살
_REVERSAL_CUE = re.compile(r"거꾸로|반대로|뒤집어|역으로|뒤에서부터")
_REVERSED_CORES = {"살자": "자살", "해자": "자해", "서유": "유서"}
_SALJA_SLANG = re.compile(r"살자(?=\s?(하고\s?싶|할래|하려|할까|해버릴|충동|각|생각|시도|할거|하고파))")
_LIVE_TOGETHER = re.compile(r"(같이|함께|열심히|잘|행복하게|재밌게|즐겁게|우리|오래|건강하게)\s?$")


def _compose_jamo(m: re.Match[str]) -> str:
    letters = [ch for ch in m.group(0) if ch not in " ."]
    out, k = [], 0
    while k < len(letters):
        if k + 1 < len(letters) and letters[k] in _CHO and letters[k + 1] in _JUNG:
            cho, jung, jong = _CHO.index(letters[k]), _JUNG.index(letters[k + 1]), 0
            k += 2
            # a final consonant, unless it starts the next syllable
            if k < len(letters) and letters[k] in _JONG[1:] and not (k + 1 < len(letters) and letters[k + 1] in _JUNG):
                jong, k = _JONG.index(letters[k]), k + 1
            out.append(chr(0xAC00 + (cho * 21 + jung) * 28 + jong))
        else:
            return m.group(0)  # not a clean run of syllables: leave it
    joined = "".join(out)
    return joined if _SPACED_CORE.search(joined) else m.group(0)


def _normalise(text: str) -> str:
    for compound in SUICIDE_COMPOUNDS:  # "자살골" is an own goal
        if compound in text:
            text = text.replace(compound, "자책" + compound[2:] if compound == "자살골" else "게임기술")
    if re.search(r"[ㄱ-ㅎ][ .]*[ㅏ-ㅣ]", text):
        text = _LOOSE_JAMO.sub(_compose_jamo, text)
    if _REVERSAL_CUE.search(text):
        for backwards, core in _REVERSED_CORES.items():
            text = text.replace(backwards, core)
    if "살자" in text:  # "같이 살자 하고 싶어" is a life shared, not the slang
        text = _SALJA_SLANG.sub(lambda m: m.group(0) if _LIVE_TOGETHER.search(text[: m.start()]) else "자살", text)
    text = _SPACED.sub(_join_spaced, text)
    for pattern, repl in _JAMO_ABBREV:
        text = pattern.sub(repl, text)
    for pattern, repl in _TYPOS:
        text = pattern.sub(repl, text)
    return text


_PUNCT = frozenset(" \t\n\r.,!?~…·'\"")
# a person at the start of a pattern must start a word: "제가 없어지면" yes, "문제가 없어지면" no
_PERSON_FIRST = ("(나|", "(내|", "(저|", "(제|")
_RESILIENT = re.compile(r"그래도(버텨|힘내|살아|해볼|견뎌|살아볼)|버텨볼(래|게)|힘내볼(게|래)|견뎌볼(게|래)|살아볼(게|래)")


def _compact(text: str) -> tuple[str, frozenset[int]]:
    """`text` without spaces and punctuation, and the offsets where its words begin."""
    out: list[str] = []
    starts: set[int] = set()
    boundary = True
    for ch in text:
        if ch in _PUNCT:
            boundary = True
            continue
        if boundary:
            starts.add(len(out))
            boundary = False
        out.append(ch)
    return "".join(out), frozenset(starts)


def _search(ctx: _Ctx, pattern: re.Pattern[str]) -> re.Match[str] | None:
    if not pattern.pattern.startswith(_PERSON_FIRST):
        return pattern.search(ctx.compact)
    return next((m for m in pattern.finditer(ctx.compact) if m.start() in ctx.starts or not ctx.starts), None)


def _describes_other(ctx: _Ctx, i: int, span: int = 5) -> bool:
    """Does the word at i modify someone else? ("예전에 자해했던 친구를", "죽고 싶다는 동생")"""
    for k in range(i, min(len(ctx.ms), i + span)):
        if ctx.tag(k) == "ETM" and ctx.form(k + 1) in OTHER_PEOPLE:
            return True
    return False


def _hearsay(ctx: _Ctx) -> bool:
    return any(m.tag in ("EF", "EC") and m.form in _HEARSAY_EF for m in ctx.ms)


_BREATH_STOP = frozenset({"멈추다", "멎다", "끊기다", "끊어지다", "끊다"})


def _breath_stops(ctx: _Ctx) -> list[_Hit]:
    """"숨이 멈췄으면 좋겠어", "심장이 멎었으면": the body stopping, wished for."""
    for i, m in enumerate(ctx.ms):
        if m.lemma in _BREATH_STOP and {ctx.form(k) for k in range(max(0, i - 3), i)} & {"숨", "심장", "호흡", "숨통"}:
            if _marker(ctx, i) and not _other_person(ctx, i):
                return [_strong("ideation_indirect:stop_breathing", m.form)]
    return []


def _erases_self(ctx: _Ctx, i: int) -> bool:
    """"나를 지워버리고 싶어", "나란 존재가 싫어서 지워버리고 싶어" — not "내 사진 지우고 싶어"."""
    objects = [ctx.form(k - 1) for k in range(max(1, i - 4), i) if ctx.tag(k) == "JKO"]
    if objects:
        return objects[-1] in ("나", "저", "자신", "존재", "흔적", "날", "절") or (objects[-1] == "자체" and "존재" in ctx.forms)
    return "존재" in ctx.forms


# -- blind-set generalisation (helper B3): structure met on devsets/crisis_blind1.tsv --------

_WORLD = frozenset({"세상", "이세상", "지구", "이승", "세계", "우주"})
_SOCIAL_EXIT = re.compile(r"나가|탈퇴|퇴장|빠지|눈치|ㅋㅋ|ㅎㅎ|단톡|톡방|채팅방|카톡방|모임|동아리|회식")


def _idiom_pair(ctx: _Ctx, i: int) -> bool:
    """"죽기 살기로", "죽자 사자", "죽기 아니면 까무러치기": dying paired with living is effort."""
    if ctx.form(i + 1) == "자고" and ctx.lemma(i + 2) in ("달려들다", "덤비다", "매달리다", "뛰다", "달리다", "싸우다", "공부하다", "일하다"):
        return True  # "죽자고 달려들었는데"
    if ctx.form(i + 1) not in ("기", "자", "느냐", "고"):
        return False
    return bool({ctx.lemma(k) for k in range(i + 2, i + 5)} & {"살다", "사다", "아니다", "까무러치다", "사자"})


def _bare_subject(ctx: _Ctx, i: int) -> str:
    """A noun with no particle right before the predicate at i (adverbs between): what dies or vanishes."""
    k = i - 1
    while k >= 0 and ctx.tag(k) == "MAG" and ctx.form(k) != "없이":
        k -= 1
    if k < 0 or ctx.tag(k) != "NNG":
        return ""
    form = ctx.form(k)
    if form in FIRST_PERSON or form in _NOT_AGENTS or form in NOT_A_SUBJECT or form in _WORLD:
        return ""
    return form


def _vanishing_thing(ctx: _Ctx, i: int, j: int) -> bool:
    """"흰머리 좀 사라졌으면": a thing wished away. Not "밤새 사라지고 싶었어": only a person wants (고 싶다)."""
    if ctx.form(j + 1) == "고" and "싶다" in (ctx.lemma(j + 2), ctx.lemma(j + 3)):
        return False
    return bool(_bare_subject(ctx, i))


def _not_my_death(ctx: _Ctx, i: int) -> bool:
    """죽다 said of an idiom, a game character, a runner or a goldfish ("주자 죽어서", "롤하다가 죽어서")."""
    if _idiom_pair(ctx, i) or ctx.forms & GAME_CUES or re.search(r"게임|겜|롤하|배그", ctx.compact) or _hearsay(ctx):
        return True
    return bool(_bare_subject(ctx, i))


def _vanish_place(ctx: _Ctx, i: int) -> str:
    """Vanishing *from a place* that is not the world: 'social' (a chat room, to be dropped), 'place', or ''."""
    for k in range(max(0, i - 4), i):
        if ctx.tag(k + 1) == "JKB" and ctx.form(k + 1) in ("에서", "서") and ctx.tag(k) in ("NNG", "NNP"):
            if ctx.form(k) in _WORLD or (ctx.form(k) == "세상"):
                return ""
            return "social" if _SOCIAL_EXIT.search(ctx.compact) else "place"
    return ""


def _hoarder_is_other(ctx: _Ctx) -> bool:
    """"룸메가 수면제를 많이 모아두는 것 같아": someone else gathers the means."""
    for i, m in enumerate(ctx.ms):
        if m.lemma in ("모으다", "모아두다", "사모으다", "쌓다", "쟁이다", "사다", "구하다", "숨기다") or (
            m.form == "모아" and ctx.lemma(i + 1) in ("두다", "놓다")
        ):
            if ctx.third_person(i) and not _first_person_near(ctx, i, 6):
                return True
            k = i + 2 if ctx.form(i + 1) in ("어", "아") and ctx.lemma(i + 2) in ("두다", "놓다") else i
            if ctx.form(k + 1) == "는" and ctx.lemma(k + 2) in ("것", "거") and ctx.lemma(k + 3) == "같다":
                return True  # "… 모아두는 것 같아서 불안해요": one observes it in someone else
    return False


_QUOTE_EC = frozenset({"다고", "라고", "냐고", "자고", "다며", "라며", "다면서", "라면서", "다길래", "라길래", "ᆫ다고", "는다고",
                       "대서", "래서", "다는데", "라는데", "ᆫ다는데", "는다는데"})
_QUOTE_EF = frozenset({"대", "래", "대요", "래요", "답니다", "다더라", "다던데", "더라"})


def _unreported(ctx: _Ctx) -> str | None:
    """The text without a clause that reports someone else's words, or None if there is none.

    "엄마가 요즘 살기 싫다고 하셔서 걱정돼요" -> "하셔서 걱정돼요". A first-person word inside the
    reported clause ("친구가 나도 죽고 싶다고") keeps it: we cannot tell whose wish it is.
    """
    for q in range(len(ctx.ms) - 1, -1, -1):
        m = ctx.ms[q]
        if not ((m.tag == "EC" and m.form in _QUOTE_EC) or (m.tag == "EF" and m.form in _QUOTE_EF)):
            continue
        for j in range(q - 1, -1, -1):
            t = ctx.ms[j]
            if t.tag in ("SF", "EF"):
                break
            if t.tag == "JKS" or (t.tag == "JX" and t.form in ("은", "는", "ᆫ", "도")):
                k = j - 1
                subject = ctx.ms[k] if k >= 0 else None
                other = subject is not None and subject.tag.startswith("NN") and subject.form not in FIRST_PERSON and (
                    subject.form in OTHER_PEOPLE or subject.tag == "NNP" or (t.tag == "JKS" and subject.form not in _NOT_AGENTS))
                if not other or any(ctx.form(x) in FIRST_PERSON for x in range(j + 1, q)):
                    break
                assert subject is not None
                return ctx.text[: subject.start] + " " + ctx.text[m.end :]
    return None


_PAST_ATTEMPT = re.compile(
    r"응급실|위세척|폐쇄병동|정신병동|퇴원|입원|실려갔|실려가|살아났|살아남았|깨어났|구조됐|구조되|"
    r"(발견|구조|들켜|들켰|말려|막아)[가-힣]{0,4}(살았|살아남|살아났)|"
    r"(발견|들켜|들켰|말려|막아)[가-힣]{0,3}(서|가지고)?[가-힣]{0,3}(못했|실패|못죽|멈췄)|"
    r"(지난번|저번|전에|예전|그때|작년)(엔|에는|에|은|는)?(실패|못했|못죽)|목(을)?(맸|매달았)"
)
# "오늘 밤에 할 거야 다 정해놨어": an act with no name, its time set
_ELIDED_PLAN = re.compile(
    r"(오늘|오늘밤|내일|새벽|이번주말|주말|이따)(에|밤에|밤)?(할거|할게|하려고|할래|실행할|결행할)(야|예요|에요|임)?(다|전부|이미)?"
    r"(정해놨|정했|준비했|준비해놨|준비됐|정리했|끝냈)"
)
_ROOF_ACCESS = re.compile(r"옥상(문)?[가-힣]{0,4}(열려있는지|열리는지|잠겨있는지|열려있나|열려있더|안잠겨|올라갈수있는지)")
_SWALLOW_ALL = re.compile(
    r"(약|알약|수면제|진통제|타이레놀|안정제)(을|를)?(다|전부|한꺼번에|몽땅|한번에|왕창)(삼키|먹|털어넣)(고싶|고파|ᆯ래|을래|려고|어버리|어버릴|을까|ᆯ까)"
)
_URGE_AGAIN = re.compile(
    r"(또|다시|한번더)(그러고|하고|해보고|시도하고|그렇게하고|할래|할거|할까|시도할|해버릴)|"
    r"(또|다시|요즘|요새|자꾸)[가-힣]{0,2}(그생각|그날생각|그때생각|그충동)|"
    r"(이번엔|이번에는|이번에|오늘은|다음엔|다음번엔|[두세네]번째는|[두세네]번째엔)[가-힣]{0,4}"
    r"(제대로|확실히|확실하게|꼭|안실패|실패안|실패하지않|성공|끝까지|아무도없|아무도안|아무도모르게|아무도못찾|들키지않게|안들키게)"
)


def _past_attempt(ctx: _Ctx) -> list[_Hit]:
    """A past attempt and the urge now: "예전에 시도했었는데 또 그러고 싶어", "세 번째는 안 실패할 거 같아"."""
    hits: list[_Hit] = []
    c = ctx.compact
    if _ELIDED_PLAN.search(c) and not ctx.forms & PLAN_PURPOSES:
        hits.append(_strong("plan_means:set_time", "정해놨"))
    if _ROOF_ACCESS.search(c) and not ctx.forms & _ROOFTOP_ACTIVITIES and not _errand(ctx):
        hits.append(_strong("plan_means:high_place", "옥상"))
    if _SWALLOW_ALL.search(c) and not re.search(r"감기|비타민|영양제|낫|나으려|처방대로", c) and not _someone_else(ctx):
        hits.append(_strong("plan_means:medication", "약"))
    urge = _URGE_AGAIN.search(ctx.compact)
    if not urge:
        return hits
    attempt = bool(_PAST_ATTEMPT.search(ctx.compact))
    for i in ctx.indexes("번"):  # "두 번이나 실패했는데": failed tries of nothing named (not "면허 두 번")
        k = i + 2 if ctx.tag(i + 1) in ("JX", "JKO") else i + 1
        if ctx.form(k) in ("실패", "시도") and ctx.tag(i - 1) in ("NR", "MM", "SN") and not ctx.tag(i - 2).startswith("N"):
            attempt = True
    for i in ctx.indexes("시도"):  # a bare attempt, with no object: "두 번 시도했어요" (not "창업 시도")
        if ctx.tag(i - 1) not in ("JKO", "NNG", "NNP", "XSN", "SL") or ctx.form(i - 1) in ("자살", "ㅈㅅ"):
            attempt = attempt or not ctx.third_person(i)
    if attempt and not ctx.topic():
        hits.append(_strong("ideation_direct:past_attempt_relapse", urge.group(0)))
    return hits


_NO_PLACE_FOR_ME = re.compile(
    r"(세상|이승|지구)(에는?|엔|에도|에서|에서는|에서도)?[가-힣]{0,5}"
    r"(내|제|나의|저의|나를위한|저를위한|내가있을|제가있을|내가설|제가설|내가머물|있을|설)(자리|곳|데|공간)(는|은|이|가|도)?(없|하나도없|안보|어디에도없)"
)
_STURDY_ROPE = re.compile(
    r"(줄|끈|밧줄|로프|노끈)(을|를|도)?[가-힣]{0,6}(샀|사놨|사뒀|사왔|주문|구했|구해|준비)[가-힣]{0,6}(튼튼|질긴|굵은|두꺼운|안끊어|끊어지지|버틸)|"
    r"(튼튼|질긴|굵은|두꺼운|안끊어지는|끊어지지않는)[가-힣]{0,4}(줄|끈|밧줄|로프|노끈)[가-힣]{0,4}(샀|사놨|사뒀|주문|구했|준비)"
)
_ROPE_EVERYDAY = re.compile(
    r"줄넘기|이어폰|충전|케이블|폰줄|핸드폰|캠핑|텐트|등산|이삿|짐|빨래|목줄|리드줄|산책|운동화|신발|기타|악기|가방|안경|"
    r"커튼|블라인드|선물|포장|택배|화분|해먹|그네|요트|보트|낚시"
)
_INSURANCE = re.compile(
    r"수익자(를|을|도)?[가-힣]{0,6}(바꿨|바꿔|변경|돌려|해놨|해뒀|정했|지정)|"
    r"(내|제|나의|저의)(생명|사망)?보험금(이면|으로|이라도|으로라도|나오면|받으면|만있으면|이있으면|이나오면|으로다)|사망보험금"
)
_INSURANCE_ORDINARY = re.compile(r"결혼|출산|아기|임신|이혼|설계사|가입|상담|리모델링|고객|약관|회사|청구|실비|실손|자동차|사고처리")


def _preparations(ctx: _Ctx) -> list[_Hit]:
    """Means made ready and affairs put in order: a sturdy rope bought, the insurance beneficiary changed."""
    hits: list[_Hit] = []
    c = ctx.compact
    if _STURDY_ROPE.search(c) and not _ROPE_EVERYDAY.search(c) and not (ctx.forms & MEANS_WORK_CONTEXT) and not _someone_else(ctx):
        hits.append(_strong("plan_means:hanging", "줄"))  # "줄 샀어 튼튼한 걸로": built to bear a weight
    ins = _INSURANCE.search(c)
    if ins and not _INSURANCE_ORDINARY.search(c) and not ctx.topic() and not _hearsay(ctx):
        if not any(ctx.form(k) in OTHER_PEOPLE and ({ctx.form(k + 1), ctx.form(k + 2)} & {"보험", "보험금", "사망보험금"})
                   for k in range(len(ctx.ms))):  # "아빠 보험금으로": someone else's
            hits.append(_strong("plan_means:insurance", ins.group(0)))  # "내 보험금이면 가족들이 갚을 수 있을 거야"
    if _NO_PLACE_FOR_ME.search(c) and not ctx.topic():
        hits.append(_strong("ideation_indirect:no_place_for_me", "자리"))  # "이 세상에 내 자리는 없는 것 같아"
    return hits


_SOON_GONE = re.compile(
    r"(나|저|난|전|내가|제가)(는|도)?[가-힣]{0,4}?(곧|이제곧|조만간|머지않아|얼마안있으면|얼마안가|금방|며칠뒤면|며칠후면)"
    r"(이세상에|세상에)?(없(을거|을테|을것|겠|어질거|어질테|어질것)|사라질(거|테|것))|"
    r"(곧|조만간|머지않아|얼마안있으면|금방)(나|저|난|전|내가|제가)(는|도)?(이제)?(이세상에|세상에)?(없(을거|을테|을것|겠|어질)|사라질(거|테|것))|"
    r"(곧|조만간|머지않아)(이세상|세상)(에|에는|엔)(없을거|없을테|없을것|없겠|없어질)"
)
_AWAY_ORDINARY = re.compile(r"집|회사|학교|사무실|자리|한국|서울|동네|교실|팀|부서|이직|전학|군대|입대|전역|휴학|연락|잠수|카톡|단톡")


def _soon_gone(ctx: _Ctx) -> list[_Hit]:
    """"나 이제 곧 없을 거야": the speaker gone soon, from nowhere in particular."""
    m = _SOON_GONE.search(ctx.compact)
    if not m:
        return []
    c = ctx.compact
    if _AWAY_ORDINARY.search(c) or _FAREWELL_ORDINARY.search(c) or _FAREWELL_MITIGATORS.search(c) or ctx.topic():
        return []
    if _errand(ctx) or re.search(r"나가|외출|자리비|잠깐|잠시|점심|저녁|밥먹|화장실|회의|수업", c) or _someone_else(ctx):
        return []  # "나 곧 없을 거야 점심 먹으러 나가"
    if m.start() not in ctx.starts and m.group(0)[0] in "나저난전내제":
        return []  # a person word must start a word
    return [_strong("farewell:soon_gone", m.group(0))]


_FOREVER = frozenset({"영원히", "영영", "평생토록"})
_FOREVER_VERBS = frozenset({"가다", "가버리다", "떠나다", "숨다", "쉬다", "잠들다", "눈감다", "멈추다", "편하다", "자유롭다",
                            "조용하다", "편안하다", "쉬어지다"})
_NOBODY_FINDS = re.compile(r"아무도(날|나를|저를|절)?(못찾|찾지못|찾을수없|모르는|없는|못오는|모를)[가-힣]{0,3}(곳|데)")


def _forever_gone(ctx: _Ctx) -> list[_Hit]:
    """"편해지고 싶어 영원히", "아무도 날 못 찾는 곳으로 가고 싶어 영원히": a going or a rest that never ends."""
    forever = bool(ctx.forms & _FOREVER) or "다시는안돌아" in ctx.compact
    nobody = _NOBODY_FINDS.search(ctx.compact)
    if not (forever or nobody) or re.search(r"여행|휴가|주말|방학|너랑|같이|함께|우리|살고|사랑|월요일|출근|퇴근|야근|연차", ctx.compact):
        return []
    for i, m in enumerate(ctx.ms):
        lemma, j = m.lemma, i
        if m.tag == "VA" and ctx.form(i + 1) in ("어", "아") and ctx.lemma(i + 2) == "지다":
            j = i + 2  # 편해지다, 자유로워지다
        elif m.tag == "NNG" and ctx.tag(i + 1) == "XSA" and ctx.form(i + 2) in ("어", "아") and ctx.lemma(i + 3) == "지다":
            lemma, j = m.form + "롭다" if ctx.form(i + 1) == "롭" else m.form + "하다", i + 3
        if lemma not in _FOREVER_VERBS or ctx.third_person(i):
            continue
        marker = _marker(ctx, j)
        if marker in ("wish", "intent"):
            if forever:
                return [_strong("ideation_indirect:gone_forever", m.form)]
            if lemma in ("가다", "가버리다", "떠나다", "숨다"):
                return [_weak("ideation_indirect:nobody_finds_me", m.form)]
    return []


_GIVE_UP_LIFE = re.compile(
    r"포기(했|해|할래|할거|하고싶|하려|해버렸|하기로|할까|해버릴)[가-힣]{0,8}(인생|삶|목숨|살기|사는것|살아가는것|나자신|내자신)(자체|전부|까지)?(를|을|도)?$|"
    r"(인생|삶|목숨|살기|사는것|살아가는것)(자체|전부|까지)(를|을|도)?[가-힣]{0,4}(포기|내려놓|놓아버|놔버)(했|해|할래|할거|하고싶|하려|하기로|할까|았|아버)|"
    r"(다|그냥)?(놓아버렸|놔버렸|내려놨|포기했)[가-힣]{0,4}(내|제)(인생|삶|목숨)(을|를)?$"
)


def _give_up_life(ctx: _Ctx) -> list[_Hit]:
    """"다 포기했어 인생 자체를": life given up, the object said after the verb as people talk."""
    for sentence in re.split(r"[.!?\n]+", _normalise(ctx.text)):
        compact = re.sub(r"[\s,~…·'\"]+", "", sentence)
        m = _GIVE_UP_LIFE.search(compact)
        if m and not ctx.topic() and not _someone_else(ctx):
            return [_strong("ideation_indirect:give_up_life", m.group(0))]
    return []


_DEATH_CURIOSITY = re.compile(
    r"(죽으면|죽고나면|죽은후|죽은뒤|죽은다음|죽음이후|죽고난뒤|죽고난후|죽고난다음)(엔|에는|에)?[가-힣]{0,4}"
    r"(어떻게(되|될|돼)|어디로(가|갈)|뭐가(있|남)|어떨까|어떤느낌|편할까|편하겠|아플까|어떨지)"
)
_RUMINATION = re.compile(r"요즘|요새|자꾸|계속|매일|자주|밤마다|맨날|하루종일|궁금해")


def _death_curiosity(ctx: _Ctx) -> list[_Hit]:
    """"죽으면 어떻게 되는지 궁금해 요즘 자꾸": one's own death turned over and over."""
    m = _DEATH_CURIOSITY.search(ctx.compact)
    if not m or ctx.topic() or ctx.fiction() or _someone_else(ctx) or re.search(r"철학|종교|교회|성당|절에|신부|목사", ctx.compact):
        return []
    if any(ctx.form(k) in _NON_HUMAN | DEPENDANTS for k in range(len(ctx.ms))):
        return []  # "강아지는 죽으면 어디로 가?"
    if _RUMINATION.search(ctx.compact):
        return [_strong("ideation_direct:thinks_of_death", m.group(0))]
    return [_weak("ideation_direct:thinks_of_death", m.group(0))]


_SURVIVAL_DOUBT = re.compile(
    r"(살아남은|살아있는|살아난|안죽은|살아온|태어난)(게|것이|거|것)(정말|진짜)?(다행|잘한|잘된|좋은)(건지|인지|일까|일지|걸까)|"
    r"(안죽은|못죽은|살아남은|살아난|안죽고살아있는)(게|것이|거|것)[가-힣]{0,4}(후회|원망스러|아쉬|한스러)"
)
_HANGING_POINT = re.compile(
    r"(천장|문틀|문고리|샤워봉|옷걸이봉|철봉)[가-힣]{0,6}(걸|매달|묶)[가-힣]{0,8}(고리|줄|끈|로프|밧줄)[가-힣]{0,4}(샀|사놨|사뒀|주문|구했|준비|달았|박았)"
)


def _survival_doubt_or_hanging_point(ctx: _Ctx) -> list[_Hit]:
    """"살아남은 게 다행인지 모르겠어", "천장에 걸 수 있는 고리 샀어"."""
    hits: list[_Hit] = []
    if _SURVIVAL_DOUBT.search(ctx.compact) and not _someone_else(ctx) and not ctx.topic():
        hits.append(_strong("ideation_indirect:sorry_to_be_alive", "다행인지"))
    if _HANGING_POINT.search(ctx.compact) and not re.search(r"조명|모빌|전등|선풍기|식물|행거|화분|장식|샹들리에|해먹|그네|커튼|운동", ctx.compact):
        hits.append(_strong("plan_means:hanging", "고리"))
    return hits


_OWN_HAND = re.compile(
    r"(내손으로|제손으로|나의손으로|저의손으로|내스스로|제스스로|스스로)(다|그냥|이제|확|모든걸|모든것을)?"
    r"(끝(낼까|낼래|낼거|낼게|내려|내버|내고싶|내야겠|내자|낼생각|낼지|장낼|장내)|마무리(할까|할래|할거|하려|하고싶)|죽(을까|을래|을거|으려|고싶))"
)
_FALL_IF = re.compile(
    r"(떨어지|뛰어내리|떨어져버리)(면|면은)(다|그냥|바로|진짜|정말)?(어떨까|어떨지|어떻게될까|어떻게되|어떻게될지|죽을까|죽겠|죽을지|끝날까|끝나겠|끝나려나|편할까|편하겠|아플까|아프겠|살까)"
)
_NOT_LONG_LEFT = re.compile(r"(나|저|난|전|내가|제가)(는|도)?(이제|정말|진짜)?얼마(못|안)(갈|버틸|살)")
_FALL_HEIGHT = frozenset({"여기", "이곳", "층", "높이", "아래", "밑"}) | HIGH_PLACES


def _own_hand_or_fall(ctx: _Ctx) -> list[_Hit]:
    """"내 손으로 끝낼까", "여기서 떨어지면 어떨까": ending it oneself, falling weighed up."""
    hits: list[_Hit] = []
    c = ctx.compact
    m = _OWN_HAND.search(c)
    ends = [i for i, x in enumerate(ctx.ms) if x.lemma in ("끝내다", "끝장내다", "마무리", "죽다")]
    task = ends and any(ctx.tag(k) == "NNG" and ctx.tag(k + 1) in ("JKO", "JX") and ctx.form(k) not in _CRISIS_OBJECTS
                        for k in range(ends[0] + 1, len(ctx.ms)))
    if m and not task and not _someone_else(ctx) and not ctx.topic():
        hits.append(_strong("ideation_direct:by_my_own_hand", m.group(0)))
    elif re.search(r"(내손으로|제손으로|스스로)(다|그냥|이제)?정리(할까|할래|할거|하려|하고싶|해야겠)", c) and not task:
        hits.append(_weak("ideation_direct:by_my_own_hand", "정리"))  # "내 손으로 정리할 거야": a room, or a life
    if _search(ctx, _NOT_LONG_LEFT) and not ctx.topic() and not _someone_else(ctx):
        hits.append(_weak("ideation_indirect:not_long_left", "얼마 못 갈"))
    f = _FALL_IF.search(c)
    words = ctx.forms | {x.lemma for x in ctx.ms}
    if f and ctx.forms & _FALL_HEIGHT and not (words & (JUMP_HARMLESS - {"떨어지다"})) and not ctx.topic() and not _someone_else(ctx):
        hits.append(_strong("plan_means:fall_contemplated", f.group(0)))
    return hits


_ENTRUST = re.compile(
    r"(내|제|우리|울)(집)?(?P<who>[가-힣]{1,4}?)(들)?(좀|들좀|만)?(잘|꼭)?(부탁(해|할게|합니다|해요|드려요|드립니다|할께)|맡아(줘|주세요|줄래)|돌봐(줘|주세요)|챙겨(줘|주세요)|키워(줘|주세요))"
)
_TEMPORARY = re.compile(
    r"동안|까지|며칠|주말|내일|오늘|잠깐|잠시|출장|여행|휴가|병원|입원|수술|이사|가야|가는|갈때|때만|니까|해서|오면|올때|일주일|하루|"
    r"학원|학교|유치원|회사|야근|외출|나갔다|다녀올|갔다올|알바|시험|면접|선생님|담임|이번|당분간|한동안|주만|달만|날만|\?"
)
_GOODBYE_END = re.compile(
    r"(다들|모두|모두들|여러분|얘들아|다)(잘지내|잘살아|잘있어|행복해|건강해|잘지내요|잘있어요|잘살아요|행복하세요|건강하세요|잘지내세요|잘계세요)(요)?"
    r"(안녕|안녕히|고마웠어|미안했어|사랑해|사랑했어)?$"
)
_PAST_BOND = re.compile(r"미안했|고마웠|감사했|사랑했|즐거웠|행복했")
_GOODBYE = re.compile(r"잘\s*(있어|지내|살아)(요)?(?=$|[\s.,!~…ㅠㅜ])|안녕(?!하세요|하셨|하십|히주무)")
_NEVER_AGAIN = re.compile(r"(다시는?|이제)(안|못)(올|와|오게|볼|만날|찾아올|연락할|들를)|다시(는)?(올|볼|만날|연락할|찾아올)일(은|이|도)?없")
_NEVER_AGAIN_ORDINARY = re.compile(r"불친절|식당|가게|매장|카페|별로|최악|맛없|비싸|지역|지방|해외|외국|멀리|이민|돈아까")
_GAVE_AWAY = re.compile(
    r"(다|전부|모두)[가-힣]{0,6}(줬|주었|나눠줬|넘겼|보냈|드렸|줘버렸|가져가라고했)[가-힣]{0,12}(필요없|쓸일없|소용없|쓸데없)"
)
_GAVE_AWAY_ORDINARY = re.compile(r"작아|작아져|안입|안쓰|새로|이사|미니멀|중고|당근|졸업|다이어트|사이즈|고장|낡아|안맞|유행|질려|바꿔서|업그레이드|선물")
_SETTLED_LEAVE = re.compile(
    r"(빚|빌린돈|카드값|대출|외상|돈)[가-힣]{0,4}(다|전부|모두)?(갚|청산)[가-힣]{0,16}(깔끔하게|조용히|미련없이|홀가분하게|편하게|이제)"
    r"(떠나|가려|갈게|갈거|가도|갈수)|"
    r"정리(중|하고|했|해놨|해뒀)[가-힣]{0,8}(깔끔하게|조용히|미련없이|홀가분하게)(떠나|가려|갈게|갈거|가도|갈수|사라지)"
)


def _farewell_more(ctx: _Ctx) -> list[_Hit]:
    """Goodbyes that presume the speaker gone: pets entrusted, a group goodbye, a last thank-you."""
    c = ctx.compact
    if _FAREWELL_MITIGATORS.search(c) or _FAREWELL_ORDINARY.search(c) or ctx.fiction() or ctx.topic():
        return []
    hits: list[_Hit] = []
    e = _ENTRUST.search(c)
    if e and e.group("who") in DEPENDANTS and not _TEMPORARY.search(ctx.text.replace(" ", "")) and not _hearsay(ctx):
        hits.append(_strong("farewell:look_after_them", e.group(0)))  # "내 고양이 좀 부탁해"
    plain = ctx.text.rstrip()
    if not plain.endswith("?") and not _someone_else(ctx):
        end = re.sub(r"[^가-힣]", "", plain)
        if _GOODBYE_END.search(end):
            hits.append(_strong("farewell:goodbye", "다들 잘 지내"))  # "다들 잘 지내"
        elif _GOODBYE.search(ctx.text) and _PAST_BOND.search(c):
            hits.append(_strong("farewell:goodbye", "잘 있어 미안했어"))  # "잘 있어 미안했어 다"
    if _NEVER_AGAIN.search(c) and (_PAST_BOND.search(c) or "그동안" in c) and not _NEVER_AGAIN_ORDINARY.search(c):
        hits.append(_strong("farewell:last_words", "다시는 안 올"))  # "그동안 감사했어요 이제 다시는 안 올 거예요"
    g = _GAVE_AWAY.search(c)
    if g and not _GAVE_AWAY_ORDINARY.search(c) and not _hearsay(ctx):
        hits.append(_strong("farewell:settling_affairs", g.group(0)))  # "물건들 동생한테 다 줬어 이제 필요 없으니까"
    s = _SETTLED_LEAVE.search(c)
    if s and not re.search(r"유학|이민|여행|이사|취업|입사|새출발|새로시작", c):
        hits.append(_strong("farewell:settling_affairs", s.group(0)))  # "빌린 돈 다 갚고 … 깔끔하게 떠나려고"
    return hits


RULES: tuple[Rule, ...] = (
    _die, _suicide_word, _direct_phrases, _life_negated, _disappear, _end_it, _weak_phrases, _means, _self_harm, _farewell,
    _concept_core, _concept_phrases, _life_reason_missing, _stop_living, _forever_rest, _stop_life_activity,
    _breath_stops, _concept_means, _concept_self_harm, _concept_farewell,
    _past_attempt, _preparations, _soon_gone, _forever_gone, _give_up_life, _death_curiosity, _own_hand_or_fall,
    _farewell_more, _survival_doubt_or_hanging_point,
)


# -- blind-set 2 generalisation (helper B4): concepts met on crisis_blind2.tsv ---------------
# Cores new to the rules: not existing tomorrow, a journey with no return, a departure got ready,
# traces erased, an accident wished on oneself, an overdose taken, the dead joined, "it will all
# end soon, don't worry", the self let go of. Each carries its own structural exclusions.

_GONE_BY = re.compile(
    r"(내일|모레|다음주|다음달|이번주|주말|오늘밤|며칠뒤|며칠후|곧|이제|조만간)(이면|엔|에는|쯤이면|쯤엔|쯤|쯤에는|이)?"
    r"(나|난|저|전|나는|저는|나라는사람|저라는사람|나란사람|나라는존재)?(은|는)?(이제)?(이세상|세상|이승|지구)(어디)?(에|엔|에는|에서)?(도)?"
    r"(없을거|없을테|없을것|없겠|없어질거|없어질테)|"
    r"(나|난|저|전)(는|은)?(이제)?(여기|이곳)?(없을거|없을테|없을것)[가-힣]{0,6}(세상어디에도|이세상어디에도|어디에도)|"
    r"(나라는사람|저라는사람|나란사람|나라는존재|저란사람)(은|는|이|도)?[가-힣]{0,4}(없을거|없을테|없을것|없겠)|"
    r"(이세상|세상|이승)사람(이|은)?아닐(거|테|것)|"
    r"(곧|조만간|머지않아|얼마안가|며칠뒤면|며칠후면)(이세상|세상|이승)(에서)?(사라질|없어질)(거|테|것)"
)
_NONEXISTENT_ME = re.compile(
    r"(이세상|세상|이승)(에|엔)?(없는|없던)(사람|존재|애)(이|가)?(되고싶|되고파|됐으면|되었으면|되면좋|되길|되기를|될래|되려)|"
    r"(나란|나라는|저란|저라는|내)존재(자체)?(가|는|도)?(처음부터)?(없었으면|없었더라면|없어졌으면|없었음좋|사라졌으면)"
)
_NO_RETURN = re.compile(
    r"(돌아올|돌아갈|돌아오는)(생각|일|계획|마음|표|예정|수)(은|는|도|이|가)?(없|안샀|안끊|안사|안했|전혀없)|"
    r"(다시는?|두번다시)(안|못)돌아(올|와|오|갈)"
)
_AWAY = re.compile(r"편도|멀리|먼곳|먼데|떠나|떠날|떠난|가려|갈거|갈게|갈래|가버리|가요|간다")
_READY_TO_LEAVE = re.compile(
    r"(떠날|갈|가는|떠나는|보낼|마지막)준비(만|는|도|가|를|까지)?(다|이제|모두|거의|전부)?(남았|됐|되었|끝났|끝냈|마쳤|했|완료|끝|다했)"
)
_TIDIED_THEN_GO = re.compile(
    r"(정리|지우|지웠|갚았|갚고|치웠|비웠)[가-힣]{0,10}(이제)(가도|떠나도|사라져도|없어져도)(될|돼|되겠|괜찮)"
)
_TIDY_ORDINARY = re.compile(r"퇴근|회사|사무실|집에|학교|수업|과제|업무|마감|이사|여행|출근|휴가|알바|교실|가게|매장")
_TRACES = re.compile(
    r"흔적(을|도|하나|이)?[가-힣]{0,6}(안남기|남기지않|안남게|남지않게|없애|지우|지웠|지울|지워|없이사라|안남도록)|"
    r"(나|내가|제가|저)(는|도)?(원래|처음부터)?(없었던|존재하지않았던|없던|태어나지않은)(것처럼|거처럼|듯이|양)"
)
_TRACES_ORDINARY = re.compile(
    r"흑역사|ㅋㅋ|ㅎㅎ|창피|부끄|이불킥|전남친|전여친|헤어진|전애인|화장|얼룩|발자국|청소|낙서|범인|범죄|수사|증거|탐정|"
    r"개인정보|해킹|보안|디지털장의|잊혀질권리|사생활"
)
_ACCIDENT_ON_ME = re.compile(
    r"(내가|제가|나|저)(탄|타는|탈|타고있는)(비행기|버스|차|배|기차|택시|지하철|열차)[가-힣]{0,4}"
    r"(떨어졌으면|떨어지면좋|추락했으면|추락하면좋|사고났으면|사고나면좋|뒤집혔으면|침몰했으면|가라앉았으면|폭발했으면)|"
    r"(차|트럭|버스|기차|지하철|열차|오토바이|덤프트럭)(가|이|에|에게)?(나|날|저|절|나를|저를)(좀|그냥|확|제발)?"
    r"(치고|받고|덮치고|박고|들이받고|쳐|받아|덮쳐|박아)?(갔|가|줬|버렸|쳤|받았|덮쳤|박았)(으면|음좋|으면좋|면좋|기를|길)|"
    r"(차|트럭|버스|기차)(에|에게)(치였|받혔|깔렸)(으면|기를|길)"
)
_ACCIDENT_FEAR = re.compile(r"어떡|어쩌|큰일|걱정|무섭|무서|공포|조심|다행|할뻔|뻔했")
_OVERDOSE = re.compile(
    r"과다복용(했|해버|하려|할래|할거|하고싶|할까|해서|한거|했는데)|약물과다|"
    r"(약|알약|수면제|진통제|타이레놀|안정제|감기약|두통약|우울증약)(을|를)?(일부러|많이|잔뜩|한움큼|한주먹|한통|왕창|몽땅|통째로|한번에|한꺼번에|수십알|몇십알)"
    r"[가-힣]{0,4}(먹었|먹어버|삼켰|삼켜|털어넣|털어먹)|"
    r"(한움큼|한주먹|한통|수십알|몇십알)[가-힣]{0,6}(먹었|삼켰|털어넣|털어먹)"
)
_OVERDOSE_ORDINARY = re.compile(r"감기|두통|생리통|몸살|치통|배탈|소화|비염|알레르기|처방대로|주의|조심|안돼|안된|위험|부작용|경고|하면안|하지마|실수로|모르고|강아지|고양이|비타민|영양제|유산균")
_JOIN_DEAD = re.compile(
    r"(" + "|".join(DEAD_PLACES) + r")[가-힣]{0,6}(가고싶|가고파|갈래|가려|가면안될까|가도될까|갈수있|가고싶어|따라가|가버리|떠나고싶)|"
    r"(가고싶|가고파|갈래|가려고|가면안될까)[가-힣]{0,4}(" + "|".join(DEAD_PLACES) + r")"
)
_JOIN_IN_HEAVEN = re.compile(r"하늘(에|나라에)(있는|계신)[가-힣]{1,5}(한테|에게|께|곁으로|곁에)(가고싶|가고파|갈래|가려|가면안될까|가고싶어)")
_DEAD_CUE = re.compile(r"하늘|먼저|나도|저도|따라|돌아가신|떠난|세상떠|보고싶|그리워|만나러")
_JOIN_LIVING = re.compile(r"주말|방학|휴가|집에|여행|명절|설날|추석|퇴근|학교|회사|병원|입원|간호|돌보|돌봐|모시")
_ALL_ENDS_SOON = re.compile(
    r"(곧|이제곧|조금만있으면|조금만지나면|금방|얼마안있으면|머지않아|조만간|이제)(이|다|이제)?(모든게|모든것이|모든것|모든건|다|전부|모두)"
    r"(다|전부)?(끝날|끝나|끝이|끝나니까|끝날테니|편해질)"
)
_ALL_ENDS_NOUNS = frozenset({"모든", "전부", "모두", "걱정", "마음", "조금", "며칠", "시간", "이제"})
_DONT_WORRY = re.compile(r"걱정(마|하지마|하지말|안해도|말아|하지않아도)|괜찮(아|을|아요|을거)|슬퍼하지마|울지마|미안해하지마|편해질")
_LET_GO_SELF = re.compile(
    r"(내려놓|놓아버리|놔버리|포기하|포기할|버리)[가-힣]{0,8}(나|저|나자신|내자신|제자신)(까지|마저)(도)?$|"
    r"(나|저|나자신|내자신|제자신)(까지|마저)(도)?(내려놓|놓아버|놔버|포기하|버리)|"
    r"다내려놓[가-힣]{0,4}(나|저|나자신|내자신)(도|까지|마저)(내려놓|놓아|놔)"
)
_JUMP_FROM_HERE = re.compile(
    r"(여기|거기|저기|이곳|그곳|옥상|다리|난간|위|꼭대기|건물|아파트|층)(서|에서)(뛰|뛰어들|몸을던|몸던)(려고|ᆯ래|을래|ᆯ게|면끝|면다끝|면편|고싶|어버릴|면)"
)
_HEIGHT_CUE = re.compile(r"다리|옥상|높은|층|난간|🌉|한강|대교|절벽|아파트|베란다|창문|건물|빌딩")
_RUN_ORDINARY = re.compile(r"운동|달리기|조깅|마라톤|지각|버스|출근|학교|번지|다이빙|수영|점프|줄넘기|트램펄린|계단|러닝|헬스|시간|분이면|초|육상|경기")
_RELIEF_AFTER = re.compile(r"끝나겠|끝날|다끝|편하겠|편해지|편할|죽겠|죽을|죽나|끝이")
_HIGHEST_PLACE = re.compile(r"(제일|가장|젤)높은(지|곳|데|다리|건물|층|아파트|옥상)[가-힣]{0,10}(찾|알아보|검색)")
_NEVER_UP = re.compile(
    r"(영영|영원히|다시는?|그대로|계속)(안|못)(일어나|깨어나|깨|눈뜨)(면|으면)[가-힣]{0,3}(편하|좋|행복|낫|나을|좋을)|"
    r"(오래오래|영원히|영영|다시는?|앞으로)[가-힣]{0,6}(깨우지마|깨우지말|찾지마|찾지말)|"
    r"(내일|아침|다음날|내일아침)(이|은|가|는)?(영영|영원히|다시는?)(안|오지않|오지말)(오)?(면|으면|았으면|왔으면)(좋|편|행복)"
)
_NAP_ORDINARY = re.compile(r"ㅋㅋ|ㅎㅎ|주말|낮잠|피곤|늦잠|알람|출근|월요일|푹|꿀잠|시험|밤새")
_CANT_ANYMORE_CARE = re.compile(
    r"(내가|제가|나|저)(이제|앞으로)?(는|도)?(더는|더이상|이제)?(못|할수없|못하)[가-힣]{0,6}(될거|될테|될것|되니까|되거든|될거라|게될)"
)
_CARE_REQUEST = re.compile(r"시켜줘|챙겨줘|부탁|돌봐줘|밥줘|밥좀|키워줘|맡아줘|책임져줘|대신해줘")
_CARE_ORDINARY = re.compile(r"출장|여행|입원|수술|이사|바빠|바쁘|군대|입대|유학|취업|다쳐|다쳤|깁스|알바|야근|시험|당분간|동안|며칠|주만|기간")
_INSURANCE_LEFT = re.compile(r"보험금(이라도|이나마|만이라도|은|이)?[가-힣]{0,4}(남기고|남겨주고|남겨두고)(가|떠나|죽)")
_WOUND_AGAIN = re.compile(r"(상처|칼자국|자국|생채기|흉)(를|을)?(또|다시|일부러|몰래|좀|많이|계속|하나더)*(냈|내|낸|내고|내버|만들었)")

_INTO_WATER = re.compile(
    r"(물|바다|강|한강|호수|저수지|강물|바닷물)(에|에다|속에|속으로|으로|로|안으로)?(걸어)?(들어가|들어갈|뛰어들)[가-힣]{0,4}"
    r"(안나오|나오지않|안나올|다시안나|영영|영원히)"
)
_REST_NOW = re.compile(r"(이제|영원히|편히|편하게)(편히|편하게|푹)?쉴(게|께|래|게요|께요)[가-힣]{0,6}(안녕|잘있어|고마웠|미안해|사랑해)")
_FALL_IMAGINED = re.compile(
    r"(높은(데|곳)|옥상|다리|난간|창문|베란다|건물|아파트)(에서|서)?[가-힣]{0,4}(떨어지는|뛰어내리는|몸을던지는)(상상|생각)[가-힣]{0,6}(자꾸|계속|요즘|매일|자주|해|들어|나)"
)
_ON_THE_TRACKS = re.compile(r"(철길|선로|기찻길|철로)(앞|위|옆|근처)(에|이야|야|에서|서)?[가-힣]{0,4}(서있|있어|있어요|왔어|와있|앉아)")
_OWN_FUNERAL = re.compile(r"(내|제|나의|저의)?장례식(에|엔|에는)[가-힣]{0,4}(누가|누구|몇명|사람|아무도)")


def _blind2_concepts(ctx: _Ctx) -> list[_Hit]:
    """The miss classes of crisis_blind2.tsv, as concepts (see the block comment above)."""
    c = ctx.compact
    hits: list[_Hit] = []
    quiet = ctx.topic() or ctx.fiction()
    other = _someone_else(ctx)
    gone = _GONE_BY.search(c)
    if gone and not quiet and not (other and not re.search(r"나라는|저라는|나란|저란", gone.group(0))) and not _AWAY_ORDINARY.search(c):
        hits.append(_strong("farewell:gone_tomorrow", "없을 거야"))  # "내일이면 나 이 세상에 없을 거야"
    if _NONEXISTENT_ME.search(c) and not quiet:
        hits.append(_strong("ideation_indirect:wish_not_to_exist", "없는 사람"))  # "이 세상에 없는 사람이 되고 싶다"
    if _NO_RETURN.search(c) and _AWAY.search(c) and not ctx.forms & JOURNEY_ORDINARY and not quiet and not other \
            and not re.search(r"ㅋㅋ|ㅎㅎ|좋아|설레|신나|기대", c):
        hits.append(_strong("farewell:no_return", "돌아올 생각"))  # "멀리 떠나려고. 돌아올 생각은 없어"
    lemmas = {m.lemma for m in ctx.ms}
    if (_READY_TO_LEAVE.search(c) or _TIDIED_THEN_GO.search(c)) and not (ctx.forms | lemmas) & DEPARTURE_ORDINARY \
            and not _TIDY_ORDINARY.search(c) and not quiet and not other:
        hits.append(_strong("farewell:ready_to_leave", "떠날 준비"))  # "이제 떠날 준비만 남았다"
    if _TRACES.search(c) and not _TRACES_ORDINARY.search(c) and not quiet and not other:
        hits.append(_strong("farewell:erasing_traces", "흔적"))  # "계정 다 지웠어 세상에 흔적 안 남기려고"
    if _ACCIDENT_ON_ME.search(c) and not _ACCIDENT_FEAR.search(c) and not quiet:
        hits.append(_strong("ideation_indirect:accident_wish", "사고"))  # "내가 탄 비행기 떨어졌으면 좋겠다"
    if _OVERDOSE.search(c) and not _OVERDOSE_ORDINARY.search(c) and not quiet and not _hoarder_is_other(ctx) and not other:
        hits.append(_strong("plan_means:overdose", "과다복용"))  # "어제 약 일부러 과다복용했어요"
    if (_JOIN_DEAD.search(c) and _DEAD_CUE.search(c) or _JOIN_IN_HEAVEN.search(c)) and not _JOIN_LIVING.search(c) and not quiet:
        hits.append(_strong("ideation_indirect:join_the_dead", "곁으로"))  # "먼저 가고 싶어요 엄마 곁으로"
    if _ALL_ENDS_SOON.search(c) and _DONT_WORRY.search(c) and not quiet and not other \
            and not any(m.tag == "NNG" and m.form not in _ALL_ENDS_NOUNS and m.form not in OTHER_PEOPLE
                        and (ctx.tag(i + 1) in ("JX", "JKS") or ctx.form(i + 1) in ("곧", "이제", "다", "금방"))
                        for i, m in enumerate(ctx.ms)):  # "시험 곧 다 끝나니까": a task ends
        hits.append(_strong("farewell:all_ends_soon", "곧 끝날"))  # "이제 곧 모든 게 끝날 거예요. 걱정 마세요"
    if _LET_GO_SELF.search(c) and not quiet and not other:
        hits.append(_strong("ideation_indirect:let_go_of_myself", "나까지"))  # "다 내려놓을래요 진짜 다, 나까지"
    j = _JUMP_FROM_HERE.search(c)
    if j and _HEIGHT_CUE.search(ctx.text) and not _RUN_ORDINARY.search(c) and not quiet and not other \
            and (j.group(0).endswith(("려고", "래", "게", "고싶", "버릴")) or _RELIEF_AFTER.search(c, j.start())):
        hits.append(_strong("plan_means:jump_from_here", j.group(0)))  # "🌉 여기서 뛰면 끝나겠지"
    if _HIGHEST_PLACE.search(c) and re.search(r"뛰|떨어|몸을|죽|끝", c[_HIGHEST_PLACE.search(c).end():]) and not quiet:
        hits.append(_strong("plan_means:high_place", "제일 높은"))
    if _NEVER_UP.search(c) and not _NAP_ORDINARY.search(c) and not quiet:
        hits.append(_strong("ideation_indirect:never_wake", "영영"))  # "잠들어서 영영 안 일어나면 편하겠다"
    if _CANT_ANYMORE_CARE.search(c) and _CARE_REQUEST.search(c) and ctx.forms & DEPENDANTS and not _CARE_ORDINARY.search(c):
        hits.append(_strong("farewell:look_after_them", "못 하게 될"))  # "강아지 산책 꼭 시켜줘 내가 이제 못 하게 될 거라서"
    if _INSURANCE_LEFT.search(c) and not _INSURANCE_ORDINARY.search(c) and not quiet and not other:
        hits.append(_strong("plan_means:insurance", "보험금"))  # "보험금이라도 남기고 가야지"
    if _WOUND_AGAIN.search(c) and ctx.forms & (BODY | {"또", "다시", "일부러", "몰래"}) and not other \
            and not (ctx.forms | lemmas) & COOKING and not re.search(r"차에|차를|폰|액정|가구|벽지|바닥|마음", c):
        hits.append(_strong("self_harm:wound_myself", "상처"))  # "허벅지에 상처 또 냈어"
    if _INTO_WATER.search(c) and not re.search(r"수영|물놀이|해수욕|서핑|다이빙|스노클|튜브|구명|ㅋㅋ|ㅎㅎ|발만|잠수함", c) and not quiet and not other:
        hits.append(_strong("plan_means:drowning", "물에 들어가"))  # "물에 들어가서 안 나오고 싶어"
    if _REST_NOW.search(c) and not re.search(r"내일|낼|다음에|이따|주말|휴가|연차", c) and not _FAREWELL_MITIGATORS.search(c) and not _FAREWELL_ORDINARY.search(c) and not _OFF_TO_BED.search(c):
        hits.append(_strong("farewell:goodbye", "편히 쉴게요"))  # "이제 편히 쉴게요 안녕"
    if _FALL_IMAGINED.search(c) and not quiet and not other and "꿈" not in ctx.forms:
        hits.append(_strong("plan_means:fall_contemplated", "떨어지는 상상"))
    if _ON_THE_TRACKS.search(c) and not re.search(r"건널목|기다리|사진|출사|공사|산책|여행", c) and not other:
        hits.append(_weak("plan_means:on_the_tracks", "철길"))  # "철길 앞에 서 있어": a weak signal
    funeral = _OWN_FUNERAL.search(c)
    if funeral and (funeral.group(1) or not any(ctx.form(k) in (OTHER_PEOPLE | DEPENDANTS) - {"누구", "누가", "사람", "사람들", "다들"}
                                  for k in range(len(ctx.ms)))) and not quiet:
        hits.append(_weak("ideation_indirect:own_funeral", "장례식"))  # "장례식에 누가 올까 생각해봤어"
    return hits


RULES = (*RULES, _blind2_concepts)
