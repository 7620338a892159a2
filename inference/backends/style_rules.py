"""Offline style transfer: the counsellor's 해요체 reply in a character's 말투, by rules.

Each sentence is analysed with kiwipiepy; its sentence-final endings (EF) and, where the
speech level calls for it, the honorific 시 (EP) and honorific words are rewritten; the
changed words are rebuilt with `kiwi.join` (which conjugates: 축약, ㅂ/ㄷ 불규칙 ...); then
the character's lexical flavour is added (word swaps, interjections, tails, punctuation).

The rules live on the character (`Character.style_rules`, editable in admin); empty rules
fall back to `default_rules(slug)`. Flavour is chosen by a hash of the sentence, so the
same sentence always reads the same. A sentence whose rewrite fails comes back unchanged:
a reply is never lost to styling.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from inference.morph import join as kiwi_join
from inference.morph import tokenize
from inference.types import CharacterStyle

log = logging.getLogger(__name__)

LEVELS = ("haeyo", "hapsyo", "banmal", "hao", "hage", "haera", "naruto")
LEVEL_NAMES = {
    "haeyo": "해요체 (바꾸지 않음)",
    "hapsyo": "하십시오체 (-습니다/-습니까/-십시오)",
    "banmal": "반말/해체 (-어/-야/-지)",
    "hao": "하오체 (-오/-소/-구려)",
    "hage": "하게체 (-네/-나/-게/-세)",
    "haera": "해라체·할아버지 (-구나/-단다/-느냐/-거라)",
    "naruto": "반말 + -니깐!",
}
MOODS = ("statement", "question", "request", "suggest", "exclaim", "promise")
FLAVOUR_KEYS = (*MOODS, "any")
# Levels that speak down to the listener drop the honorific 시 and honorific words.
_DROP_HONORIFIC = {"banmal", "hage", "haera", "naruto"}

RULE_KEYS = {
    "level": "말투 단계",
    "honorific": "존대 '시' 처리 (keep | drop)",
    "conjecture": "추측 '-겠-' 표현 (geot = '-ㄹ 것입니다')",
    "lexicon": "낱말 바꾸기 {낱말: 바꿀 낱말}",
    "prefix": "문장 앞에 붙이는 말 {rate, statement: [...], ...}",
    "suffix": "문장 뒤에 붙이는 말 {rate, statement: [...], ...}",
    "address": "문장 부호 앞에 붙이는 부름말 {rate, any: [', 손님']}",
    "joke": "가벼운 문장에만 붙이는 농담·웃음 꼬리말 {rate, statement: [...]}",
    "punct": "문장 부호 바꾸기 {'.': ['!'], '?': ['?!'], '': ['!']}",
    "min_flavour": "앞말·뒷말 중 하나는 반드시 붙임 (true | false)",
    "advice": "하십시오체에서 권유를 '-시기 권합니다', 제안을 '-는 것이 좋겠습니다'로 (true | false)",
}


# ---------------------------------------------------------------- rules

def default_rules(slug: str) -> dict[str, Any]:
    """The preset rules of a seeded character (a copy), or {} for an unknown slug."""
    from inference.data.style_presets import STYLE_PRESETS

    return copy.deepcopy(dict(STYLE_PRESETS.get(slug, {})))


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _validate_flavour(name: str, value: Any, errors: list[str]) -> None:
    if not isinstance(value, Mapping):
        errors.append(f"{name}: 객체여야 합니다 (예: {{\"rate\": 0.5, \"statement\": [\"허허, \"]}}).")
        return
    for key, item in value.items():
        if key == "rate":
            if isinstance(item, bool) or not isinstance(item, int | float) or not 0 <= item <= 1:
                errors.append(f"{name}.rate: 0과 1 사이의 숫자여야 합니다 (지금: {item!r}).")
        elif key in FLAVOUR_KEYS:
            if not _is_str_list(item):
                errors.append(f"{name}.{key}: 문자열 목록이어야 합니다 (지금: {item!r}).")
        else:
            errors.append(
                f"{name}: 알 수 없는 키 {key!r} (가능: rate, {', '.join(FLAVOUR_KEYS)})."
            )


def validate_style_rules(rules: Any) -> list[str]:
    """Every problem with a `style_rules` value, as messages for the admin ([] = valid)."""
    if rules is None or rules == {}:
        return []
    if not isinstance(rules, Mapping):
        return [f"말투 규칙은 JSON 객체여야 합니다 (지금: {type(rules).__name__})."]
    errors: list[str] = []
    for key in rules:
        if key not in RULE_KEYS:
            errors.append(f"알 수 없는 키 {key!r} (가능: {', '.join(RULE_KEYS)}).")
    level = rules.get("level", "haeyo")
    if level not in LEVELS:
        errors.append(f"level: 알 수 없는 말투 단계 {level!r} (가능: {', '.join(LEVELS)}).")
    if "honorific" in rules and rules["honorific"] not in ("keep", "drop"):
        errors.append(f"honorific: 'keep' 또는 'drop'이어야 합니다 (지금: {rules['honorific']!r}).")
    if "conjecture" in rules and rules["conjecture"] not in ("", "geot"):
        errors.append(f"conjecture: '' 또는 'geot'이어야 합니다 (지금: {rules['conjecture']!r}).")
    for flag in ("min_flavour", "advice"):
        if flag in rules and not isinstance(rules[flag], bool):
            errors.append(f"{flag}: true 또는 false여야 합니다 (지금: {rules[flag]!r}).")
    lexicon = rules.get("lexicon", {})
    if not isinstance(lexicon, Mapping):
        errors.append("lexicon: {\"낱말\": \"바꿀 낱말\"} 형태의 객체여야 합니다.")
    else:
        for src, dst in lexicon.items():
            if not isinstance(dst, str) or not str(src).strip() or not dst.strip():
                errors.append(f"lexicon.{src}: 비어 있지 않은 문자열이어야 합니다 (지금: {dst!r}).")
    for name in ("prefix", "suffix", "address", "joke"):
        if name in rules:
            _validate_flavour(name, rules[name], errors)
    punct = rules.get("punct", {})
    if not isinstance(punct, Mapping):
        errors.append("punct: {\".\": [\"!\"]} 형태의 객체여야 합니다.")
    else:
        for key, item in punct.items():
            if key not in (".", "?", "!", ""):
                errors.append(f"punct: 알 수 없는 부호 {key!r} (가능: '.', '?', '!', '').")
            elif not (_is_str_list(item) and item) and not isinstance(item, str):
                errors.append(f"punct.{key}: 문자열 또는 비어 있지 않은 문자열 목록이어야 합니다.")
    return errors


# ---------------------------------------------------------------- morphology helpers

@dataclass
class _Tok:
    form: str
    tag: str
    word: int  # index of the whitespace-separated word it belongs to
    start: int = -1  # -1 = inserted, no place in the original text
    end: int = -1
    changed: bool = False
    orig: str = ""  # the honorific form a plain one replaced (계시 for 있)


@dataclass
class _Ending:
    """What replaces an EF: morphemes, whether 시 must be there, text glued after."""

    morphs: list[tuple[str, str]]
    need_si: bool = False
    tail: str = ""  # glued after the joined word ("소", "니깐", " 것입니다")
    punct: str | None = None  # replaces the sentence's final punctuation
    drop_eps: tuple[str, ...] = ()  # EPs to remove (formal "-겠-" → "-ㄹ 것")
    drop_copula: bool = False  # glue the tail to the noun: "누구" + "입니까" (not "누굽니까")


# kiwipiepy misreads a few common honorific forms ("계세요" → 계/NNG 이/VCP 세요/EF).
_WORD_FIXES: dict[str, list[tuple[str, str]]] = {
    "계세요": [("계시", "VV"), ("세요", "EF")],
    "주무세요": [("주무시", "VV"), ("세요", "EF")],
    "드세요": [("드시", "VV"), ("세요", "EF")],
}
# Honorific words → plain, for levels that speak down (반말 ...). Keyed by (form, tag class).
_PLAIN_STEMS = {
    "주무시": "자", "계시": "있", "드시": "먹", "잡수시": "먹", "편찮": "아프",
    "여쭈": "묻", "여쭙": "묻", "뵙": "보", "뵈": "보", "드리": "주",
}
_PLAIN_NOUNS = {"댁": "집", "연세": "나이", "성함": "이름", "진지": "밥", "말씀": "말"}
_PLAIN_PRONOUNS = {"저": "나", "저희": "우리"}
HONORIFIC_PLAIN = {**_PLAIN_STEMS, **_PLAIN_NOUNS, **_PLAIN_PRONOUNS}  # for tests and docs

_SI = ("시", "으시")
_HON_STEMS = ("계시", "주무시", "드시", "잡수시")  # the 시 is part of the stem
# Words that make a sentence a question even without its "?".
_WH = {"무엇", "뭐", "누구", "어디", "언제", "왜", "얼마나", "어떻", "어떤", "무슨", "몇"}
# Playful flavour (a laugh, a joke, a party emoji, a "wow") is opt-in: it goes only on a
# sentence that is plainly glad (a joy cue, no sorrow cue, no negation). The pipeline styles
# one sentence at a time, so a neutral line inside a sad reply ("지난번 일도 기억하고 있어요.")
# cannot know its neighbours: it gets no laugh either. A counsellor never laughs at pain.
_HEAVY_CUES = (
    "힘들", "힘드", "힘든", "힘겨", "아프", "아팠", "아파", "아픈", "아픔", "슬프", "슬퍼", "슬픈", "슬픔",
    "지치", "지쳤", "지친", "지쳐", "외롭", "외로", "우울", "불안", "걱정", "무거", "무겁", "죽", "상처",
    "눈물", "울었", "울고", "울어", "울컥", "화가", "화나", "화를", "괴로", "두렵", "두려", "무섭", "무서",
    "미안", "빈자리", "이별", "헤어", "잃", "떠나", "떠난", "떠나보", "잘못", "답답", "서운", "서러", "속상",
    "막막", "벅차", "벅찼", "버거", "버겁", "짜증", "혼자", "부담", "그리움", "그립", "그리워", "고통",
    "싸우", "싸웠", "다투", "다퉜", "실패", "떨어", "무너", "견디", "버티", "버텨", "억울", "후회", "자책",
    "차였", "돌아가", "상하", "다치", "다쳤", "긴장", "초조", "고민", "복잡", "허전", "공허", "쓸쓸", "조급",
    "아쉬", "아쉽", "불편", "불쾌", "무례", "갈등", "배신", "탓", "겁", "최악", "상실", "장례", "수술", "병원",
    "간병", "마음에 걸", "놓이지", "위로", "혼란", "헷갈", "떨리", "떨려",
    # a line about what was said last time belongs to a reply whose mood it cannot see
    "지난번",
)
# Words that say the sentence is glad ("저도 덩달아 기뻐요", "신난다고 하셨군요").
_LIGHT_CUES = (
    "기쁘", "기뻐", "기쁜", "기쁨", "행복", "신나", "신난", "신났", "신이 나", "즐거", "즐겁", "설레", "설렌",
    "축하", "재밌", "재미있", "반가", "반갑", "웃었", "웃음", "뿌듯", "환해", "밝아져", "좋아져", "합격",
)
_NEGATION = ("않", "안 ", "못", "없", "말고", "지만")
_LAUGHS = ("허허", "ㅎㅎ", "ㅋㅋ", "하하", "호호", "히히", "껄껄")
# Flavour that only a glad sentence may carry: laughs, jokes, "wow", festive emoji.
_PLAYFUL = (*_LAUGHS, "아재개그", "농담", "와, ", "우와", "헐", "🎉", "🥳", "🌈", "✨", "😆", "😂", "🤣", "😄")


def is_light(sentence: str) -> bool:
    """Whether `sentence` is plainly glad, so a laugh or a joke after it is kind."""
    return (any(cue in sentence for cue in _LIGHT_CUES)
            and not any(cue in sentence for cue in _HEAVY_CUES)
            and not any(neg in sentence for neg in _NEGATION))


def is_playful(text: str) -> bool:
    """Whether a flavour text laughs, jokes or celebrates."""
    return any(mark in text for mark in _PLAYFUL)


_HANGUL_WORD = re.compile(r"[가-힣]{2,}")
# Greetings are fixed phrases, not conjugated: "안녕하세요" → level's own greeting.
_GREETINGS = {"hapsyo": "안녕하십니까", "banmal": "안녕", "naruto": "안녕", "hage": "반갑네",
              "haera": "왔구나", "hao": "안녕하시오"}
_PAST = ("었", "았", "였", "었었", "겠")
_ADJ_VX = ("싶",)
_EXIST = ("있", "없", "계시")


def _ef_key(form: str) -> str:
    """An EF without its 으/ㄹ/ㄴ/ㅂ onset: "을까요"/"ᆯ까요" → "까요", "습니다" → "니다"."""
    key = form.lstrip("ᆯᆫᆸᆷ")
    for head in ("으", "습", "읍", "을"):
        if key.startswith(head) and len(key) > 1:
            return key[len(head):]
    return key


_HON_EF = {"세요", "셔요", "십시오", "십니다", "십니까", "시죠", "시지요"}
_QUESTION_EF = {"나요", "가요", "는가요", "니까", "냐", "느냐", "니", "나", "가", "는가", "래요"}
_EXCLAIM_EF = {"네요", "군요", "는군요", "구나", "는구나", "네", "구먼", "구려"}
_CONFIRM_EF = {"죠", "지요", "지", "잖아요", "잖아"}
_PROMISE_EF = {"게요", "게"}
_SUGGEST_EF = {"시다", "자"}


def _last_char_has_batchim(text: str) -> int:
    """0 = vowel, 1 = consonant, 2 = ㄹ (for 하오체 -오/-소)."""
    if not text:
        return 0
    code = ord(text[-1]) - 0xAC00
    if not 0 <= code < 11172:
        return 0
    final = code % 28
    return 0 if final == 0 else 2 if final == 8 else 1


def _hash(*parts: str) -> int:
    return zlib.crc32("\x1f".join(parts).encode("utf-8"))


# ---------------------------------------------------------------- endings per level

def _predicate(toks: list[_Tok], e: int) -> tuple[int, list[int], str]:
    """(stem index or -1, EP indexes, class) of the predicate whose EF is toks[e]."""
    eps: list[int] = []
    j = e - 1
    while j >= 0 and toks[j].tag == "EP":
        eps.insert(0, j)
        j -= 1
    stem = j if j >= 0 and (toks[j].tag[:1] == "V" or toks[j].tag.startswith("XS")) else -1
    if stem < 0:
        cls = "adj"
    else:
        form, tag = toks[stem].form, toks[stem].tag
        if tag in ("VCP", "VCN"):
            cls = "copula"
        elif form in _EXIST:
            cls = "exist"
        elif tag.startswith("VA") or tag.startswith("XSA") or (tag == "VX" and form in _ADJ_VX):
            cls = "adj"
        elif tag == "VX" and form == "않" and stem >= 2 and toks[stem - 2].tag.startswith("VA"):
            cls = "adj"
        else:
            cls = "verb"
    if eps and toks[eps[-1]].form in _PAST:
        cls = "past"  # a past copula ("거였", "상처였") conjugates like any past predicate
    return stem, eps, cls


def _mood(key: str, cls: str, punct: str, honorific_ef: bool) -> str:
    if key == "까요" or key == "까":
        return "suggest" if cls == "verb" else "question"
    if key in _SUGGEST_EF:
        return "suggest"
    if key in _PROMISE_EF:
        return "promise"
    if punct == "?" or key in _QUESTION_EF:
        return "question"
    if key in _EXCLAIM_EF:
        return "exclaim"
    if honorific_ef and key in ("세요", "셔요", "십시오") and cls in ("verb", "exist"):
        return "request"
    return "statement"


@dataclass(frozen=True)
class _Pred:
    """The predicate an EF closes, as the ending tables need it."""

    mood: str  # one of MOODS
    cls: str  # verb | adj | exist | copula | past
    key: str  # the EF without its onset ("까요", "어요", "세요" ...)
    h: int  # hash for variant choices
    stem: str = ""  # the stem's form ("주", "이" ...)
    last_ep: str = ""  # the last pre-final ending ("었", "겠" ...)
    noun: str = ""  # the noun before a copula ("거" ...)
    past: bool = False  # a past 었/았/였 before the EF ("거였나요": copula, past)
    clause: bool = False  # the EF closes a clause before a comma, not the sentence

    @property
    def maybe(self) -> bool:  # -ㄹ까요
        return self.key in ("까요", "까")

    @property
    def confirm(self) -> bool:  # -죠/-지요
        return self.key in _CONFIRM_EF and not self.key.startswith("잖")


def _banmal(p: _Pred, rules: Mapping[str, Any]) -> _Ending:
    if p.mood == "promise":
        return _Ending([("ᆯ게", "EF")])
    if p.mood == "suggest" and not p.maybe:
        return _Ending([("자", "EF")])  # 같이 생각해 봐요 → 같이 생각해 보자
    if p.mood == "suggest" or p.maybe:
        return _Ending([("ᆯ까", "EF")])
    if p.confirm:
        return _Ending([("지", "EF")])
    if p.key.startswith("잖"):
        return _Ending([("잖아", "EF")])
    if p.key in ("네요", "네"):
        return _Ending([("네", "EF")])
    if p.mood == "exclaim":  # 힘드셨군요 → 힘들었구나, 대단하시군요 → 대단하네
        return _Ending([("구나" if p.cls in ("past", "copula") else "네", "EF")])
    # "뭐였어?", not "뭐였야?": after a past 었 the copula takes -어 like any verb
    return _Ending([("야" if p.cls == "copula" and not p.past else "어", "EF")])


def _hapsyo(p: _Pred, rules: Mapping[str, Any]) -> _Ending:
    if rules.get("advice") and p.mood == "request":
        return _Ending([("기", "ETN")], need_si=True, tail=" 권합니다")  # 쉬어 보시기 권합니다
    if rules.get("advice") and p.mood == "suggest":
        return _Ending([("는", "ETM")], tail=" 것이 좋겠습니다", punct=".")
    if p.mood == "request":
        return _Ending([("ᆸ시오", "EF")], need_si=True)
    if p.mood == "suggest":
        return _Ending([("는", "ETM")], tail=" 것이 어떻겠습니까", punct="?")
    if p.mood == "promise":
        return _Ending([("겠", "EP"), ("습니다", "EF")])
    if p.mood == "question":
        if p.maybe:
            return _Ending([("겠", "EP"), ("습니까", "EF")])  # 괜찮을까요 → 괜찮겠습니까
        if p.cls == "copula" and p.stem == "이":  # 누구입니까, not 누굽니까
            return _Ending([("ᆸ니까", "EF")], tail="입니까", drop_copula=True)
        return _Ending([("ᆸ니까", "EF")])
    if (rules.get("conjecture") == "geot" and p.last_ep == "겠" and p.mood == "statement"
            and p.stem != "좋"):  # "-으면 좋겠어요" is a wish, not a guess
        return _Ending([("ᆯ", "ETM")], tail=" 것입니다", drop_eps=("겠",))
    if p.cls == "copula" and p.stem == "이":
        return _Ending([("ᆸ니다", "EF")], tail="입니다", drop_copula=True)
    return _Ending([("ᆸ니다", "EF")])


def _hao_ending(p: _Pred, rules: Mapping[str, Any]) -> _Ending:
    if p.mood == "request":
        return _Ending([], need_si=True, tail="구려" if p.h % 3 == 0 else "오")
    if p.mood == "suggest":
        # "찾아보는 것이 어떻겠소?": -ㅁ 명사형 misfires on verbs that are no one's act
        # ("떠오름이 어떻겠소"), the -는 것 of 하십시오체 never does
        return _Ending([("는", "ETM")], tail=" 것이 어떻겠소", punct="?")
    if p.mood == "promise" or (p.mood == "question" and p.maybe):
        return _Ending([("겠", "EP")], tail="소")
    if p.mood == "exclaim" or (p.mood == "statement" and p.h % 3 == 0):
        return _Ending([], tail="구려")
    return _Ending([], tail="hao")  # -오/-소, chosen from the sound of the joined word


def _hage(p: _Pred, rules: Mapping[str, Any]) -> _Ending:
    if p.mood == "request":
        return _Ending([("게", "EF")])
    if p.mood == "suggest":
        return _Ending([("세", "EF")], punct=".")
    if p.mood == "promise":
        # 도와줌세, 있음세: kiwi does not add the 으 of -음세 after a consonant itself
        return _Ending([("음세" if _last_char_has_batchim(p.stem) == 1 else "ᆷ세", "EF")])
    if p.mood == "question":
        if p.maybe:  # 무엇이 필요하겠나? 어디서부터 이야기해 보겠나? (not "보나?")
            return _Ending([("겠", "EP"), ("나", "EF")])
        if p.past:
            return _Ending([("나", "EF")])  # 거였나, 사람이었나 (never "거였은가")
        if p.cls == "copula" and p.stem == "이":  # "언제인가" (not "언젠가": someday)
            return _Ending([("ᆫ가", "EF")], tail="인가", drop_copula=True)
        return _Ending([("나" if p.cls in ("verb", "exist", "past") else "ᆫ가", "EF")])
    if p.mood == "exclaim":
        return _Ending([("구먼", "EF")])
    if p.cls == "copula":
        return _Ending([("라네", "EF")])
    if p.confirm:  # 그런 날도 있죠 → 있다네
        return _Ending([("ᆫ다네" if p.cls == "verb" else "다네", "EF")])
    return _Ending([("네", "EF")])


def _haera(p: _Pred, rules: Mapping[str, Any]) -> _Ending:
    if p.mood == "request":
        return _Ending([("렴" if p.stem == "주" else "거라", "EF")])
    if p.mood == "suggest":
        return _Ending([("자꾸나", "EF")], punct=".")
    if p.mood == "promise":
        return _Ending([("마", "EF")])  # 도와주마
    if p.mood == "question":
        if p.maybe:
            return _Ending([("겠", "EP"), ("느냐", "EF")])  # 괜찮을까요 → 괜찮겠느냐
        if p.cls in ("verb", "exist", "past") or p.past:
            return _Ending([("느냐", "EF")])  # 했느냐, 거였느냐 (never "거였으니")
        if p.cls == "copula":
            return _Ending([("니", "EF")])  # 언제니
        # 괜찮으냐, 같으냐, but 힘드냐, 아프냐 (never "괜찮으니", "힘들으냐")
        return _Ending([("으냐" if _last_char_has_batchim(p.stem) == 1 else "냐", "EF")])
    if p.mood == "exclaim" and p.cls == "past" and p.last_ep != "겠":  # not "즐거웠겠던 게로구나"
        return _Ending([("던", "ETM")], tail=" 게로구나")  # 힘들었던 게로구나
    if p.mood == "exclaim" and p.cls == "copula":
        return _Ending([("로구나", "EF")])  # 다행이로구나
    if p.cls == "copula" and p.noun in ("거", "것"):
        return _Ending([("란다", "EF")])  # "-ㄹ 거란다"
    if (p.mood == "exclaim" or p.last_ep == "겠" or p.h % 2 == 0) and not p.confirm:
        return _Ending([("는구나" if p.cls in ("verb", "exist") else "구나", "EF")])
    return _Ending([({"copula": "란다", "verb": "ᆫ단다"}.get(p.cls, "단다"), "EF")])


def _naruto(p: _Pred, rules: Mapping[str, Any]) -> _Ending:
    if p.clause:  # "붙었다고 했구나, …": -니깐 once, at the sentence's end
        return _banmal(p, rules)
    if p.mood == "question" and p.maybe:
        return _Ending([("겠", "EP"), ("냐", "EF")])  # 어떤 이름이 어울리겠냐? (not "어울리냐?")
    if p.mood == "question":
        return _Ending([("냐", "EF")])  # 먹었냐? 어떠냐? — rougher than the friend's -어?
    if p.mood == "suggest":
        return _Ending([("자", "EF")], punct="!")
    if p.mood == "request":
        return _Ending([("으라", "EF")], tail="니깐", punct="!")  # 쉬어 보라니깐!
    if p.mood == "promise":
        return _Ending([("ᆯ", "ETM")], tail=" 거니깐", punct="!")  # 도와줄 거니깐!
    plain = {"copula": "라", "verb": "ᆫ다"}.get(p.cls, "다")  # past: 상처였다니깐 (not "였으라")
    return _Ending([(plain, "EF")], tail="니깐", punct="!")  # 지쳤겠다니깐!


# haeyo has no table: it is the counsellor's own level, left as written.
_ENDINGS = {"banmal": _banmal, "hapsyo": _hapsyo, "hao": _hao_ending, "hage": _hage,
            "haera": _haera, "naruto": _naruto}


# ---------------------------------------------------------------- the rewrite

_FINAL_PUNCT = re.compile(r"([.?!…~]+)(\s*)$")
_TRAILING_SYMBOLS = re.compile(r"(\s*[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+)$")
_WORD = re.compile(r"\S+")


def _hao(word_text: str, last_tag: str) -> str:
    """The word in 하오체: -소 after a consonant (있소, 했겠소), -오 after a vowel (보오,
    일이오), and a stem's final ㄹ drops before -오 (힘들 → 힘드오)."""
    kind = _last_char_has_batchim(word_text)
    if kind == 1 and last_tag not in ("VCP", "VCN"):
        return word_text + "소"
    if kind == 2 and last_tag != "EP":
        return word_text[:-1] + chr(ord(word_text[-1]) - 8) + "오"
    return word_text + "오"


@dataclass
class _Rewrite:
    text: str
    toks: list[_Tok]
    word_spans: list[tuple[int, int]]
    cores: dict[int, tuple[int, int]] = field(default_factory=dict)  # word → span w/o punctuation
    edited: set[int] = field(default_factory=set)  # words that lost or gained a morpheme
    tails: dict[int, str] = field(default_factory=dict)
    punct: str | None = None
    mood: str = "statement"


@lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """kiwipiepy's reading of `text`, cached: a reply is styled once per character."""
    return tuple((t.form, t.tag, t.start, t.start + t.len) for t in tokenize(text))


def _analyse(text: str) -> _Rewrite:
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    toks: list[_Tok] = []
    w = 0
    for form, tag, start, end in _tokens(text):
        while w + 1 < len(spans) and start >= spans[w + 1][0]:
            w += 1
        toks.append(_Tok(form, tag, w, start, end))
    # Replace the morphemes of words kiwipiepy is known to misread.
    for w, (ws, we) in enumerate(spans):
        word = text[ws:we].rstrip(".?!…~,")
        fix = _WORD_FIXES.get(word)
        if fix is None:
            continue
        idx = [i for i, t in enumerate(toks) if t.word == w and not t.tag.startswith("S")]
        if not idx:
            continue
        first, last = idx[0], idx[-1]
        s, e = toks[first].start, toks[last].end
        toks[first:last + 1] = [_Tok(f, tg, w, s, e) for f, tg in fix]
    # A connective with the polite 요 ends the sentence: "때인가요" (ㄴ가/EC 요/JX) reads
    # as one sentence-final ending.
    for i in range(len(toks) - 1):
        t, n = toks[i], toks[i + 1]
        if t.tag in ("EC", "EF") and n.tag == "JX" and n.form == "요" and all(
                r.tag.startswith("S") for r in toks[i + 2:]):
            toks[i:i + 2] = [_Tok(t.form + "요", "EF", t.word, t.start, n.end)]
            break
    # "그랬군요, …": before a comma kiwipiepy calls a polite final ending a connective (EC).
    for i, t in enumerate(toks[:-1]):
        if t.tag == "EC" and t.form.endswith("요") and toks[i + 1].tag in ("SP", "SF"):
            t.tag = "EF"
    cores: dict[int, tuple[int, int]] = {}
    for t in toks:
        if t.tag.startswith("S") and t.form in ".?!…~,":
            continue
        cs, ce = cores.get(t.word, (t.start, t.end))
        cores[t.word] = (min(cs, t.start), max(ce, t.end))
    return _Rewrite(text, toks, spans, cores)


def morphemes(text: str) -> list[tuple[str, str]]:
    """(form, tag) of `text` as the styler reads it (kiwipiepy plus its honorific fixes)."""
    return [(t.form, t.tag) for t in _analyse(text).toks]


def _drop_honorific(rw: _Rewrite) -> None:
    toks = rw.toks
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.tag == "EP" and t.form in _SI:
            rw.edited.add(t.word)
            del toks[i]
            continue
        if t.tag.startswith("V") and t.form in _PLAIN_STEMS:
            if t.form == "드시" and i and (toks[i - 1].tag == "JKS" or toks[i - 1].form == "나이"
                                          or _feeling_follows(toks, i)):
                # "마음이 드셨어요" → "마음이 들었어", "나이 드신" → "나이 든" (never 먹다)
                t.orig, t.form, t.tag = t.form, "들", "VV"
            elif t.form == "드리" and i and toks[i - 1].form == "말씀":
                toks[i - 1].form, toks[i - 1].changed = "말", True
                t.form, t.tag = "하", "XSV"
            elif (t.form == "드리" and i and toks[i - 1].tag == "NNG" and toks[i - 1].word == t.word
                  and toks[i - 1].end == t.start):
                t.form, t.tag = "하", "XSV"  # 축하드려요 → 축하해 (not "축하줘"), 감사드려요 → 감사해
            else:
                t.orig, t.form = t.form, _PLAIN_STEMS[t.form]
                if t.form in ("묻",):
                    t.tag = "VV-I"
            t.changed = True
        elif t.tag.startswith("NN") and t.form in _PLAIN_NOUNS:
            t.form, t.changed = _PLAIN_NOUNS[t.form], True
        elif t.tag == "NP" and t.form in _PLAIN_PRONOUNS:
            t.form, t.changed = _PLAIN_PRONOUNS[t.form], True
        elif t.tag == "MAG" and t.form == "안녕히":
            t.form, t.changed = "잘", True  # 안녕히 주무세요 → 잘 자
        elif t.tag == "JKB" and t.form == "께":
            t.form, t.changed = "한테", True
        elif t.tag == "JX" and t.form == "요" and i and all(n.tag.startswith("S") for n in toks[i + 1:]):
            rw.edited.add(t.word)
            del toks[i]
            continue
        i += 1


def _subject(toks: list[_Tok], end: int) -> bool:
    """Whether a subject other than 우리 is named before `end` ("이야기도 함께 떠올라요")."""
    for i in range(end):
        t = toks[i]
        if t.tag == "JKS" or (t.tag == "JX" and t.form in ("도", "은", "는") and i and toks[i - 1].tag.startswith("N")):
            if not (i and toks[i - 1].form in ("우리", "저희", "나", "내")):
                return True
    return False


def _asks_about(toks: list[_Tok], e: int) -> bool:
    """A -ㄹ까요 that asks something (a wh-word, or a subject that is not "us")."""
    if any(t.form in _WH for t in toks[:e]) and not any(t.form in ("우리", "같이", "함께") for t in toks[:e]):
        return True
    return any(t.tag == "JKS" for t in toks[:e]) and not any(t.form in ("우리", "저희") for t in toks[:e])


# Verbs "we" do together; "함께 떠올라요"/"같이 느껴져요" are no invitation.
_LETS_STEMS = ("보", "하", "찾", "나누", "가", "걷", "정리하", "생각하", "고민하", "이야기하", "살펴보",
               "찾아보", "해보", "알아보", "만들", "세우", "적", "쉬")


def _lets(toks: list[_Tok], stem: int, e: int) -> bool:
    """A 해요 statement that means "let's": 우리, or 같이/함께 with a verb of doing and no subject."""
    before = toks[:e]
    if any(t.form == "우리" for t in before):
        return True
    if not any(t.form in ("같이", "함께") and t.tag.startswith("MA") for t in before):
        return False
    if stem < 0 or toks[stem].form not in _LETS_STEMS or toks[stem].tag in ("XSA", "VA"):
        return False
    return not _subject(toks, e)


def _feeling_follows(toks: list[_Tok], i: int) -> bool:
    """"드신 마음/생각": the 드시 at `i` is 들다 (a feeling arises), not 먹다."""
    j = i + 1
    while j < len(toks) and toks[j].tag in ("EP", "ETM"):
        j += 1
    return j < len(toks) and j > i + 1 and toks[j - 1].tag == "ETM" and toks[j].form in (
        "마음", "생각", "기분", "느낌", "감정")


def _greeting_start(toks: list[_Tok], stem: int) -> int:
    """Where "안녕하-" starts when the predicate at `stem` is that greeting, else -1."""
    if stem >= 0 and toks[stem].form == "안녕하":
        return stem
    if stem >= 1 and toks[stem].form == "하" and toks[stem - 1].form == "안녕":
        return stem - 1
    return -1


def _rewrite_endings(rw: _Rewrite, level: str, rules: Mapping[str, Any], seed: str) -> None:
    """Every sentence-final ending (EF) to `level`, conjugation left to the rebuild."""
    toks = rw.toks
    i = 0
    last_ef = -1
    while i < len(toks):
        if toks[i].tag != "EF":
            i += 1
            continue
        e = i
        nxt = toks[e + 1] if e + 1 < len(toks) else None
        if nxt is not None and nxt.tag.startswith("SS"):  # quoted speech keeps its own voice
            i += 1
            continue
        punct = nxt.form if nxt is not None and nxt.tag == "SF" else ("" if nxt is None else ",")
        stem, eps, cls = _predicate(toks, e)
        key = _ef_key(toks[e].form)
        honorific_ef = key in _HON_EF
        greet = _greeting_start(toks, stem)
        if greet >= 0 and level in _GREETINGS:
            word = toks[e].word
            toks[greet:e + 1] = [_Tok(_GREETINGS[level], "IC", word, changed=True)]
            rw.edited.add(word)
            i = greet + 1
            continue
        if punct == "" and e == len(toks) - 1 and any(t.form in _WH for t in toks[:e]):
            punct = "?"
            rw.punct = "?"
        if stem >= 1 and "계시" in (toks[stem].form, toks[stem].orig) and toks[stem - 1].form == "고":
            honorific_ef = False  # "잘하고 계세요." says what you are doing, it asks nothing
        mood = _mood(key, cls, punct, honorific_ef)
        if mood == "suggest" and key in ("까요", "까") and _asks_about(toks, e):
            mood = "question"  # "어떤 이름이 어울릴까요?" wonders; it does not say "let's"
        if (mood == "statement" and cls == "verb" and key in ("어요", "아요", "여요")
                and _lets(toks, stem, e)):
            mood = "suggest"  # "우리 같이 생각해 봐요." is "let's"
        last_ep = toks[eps[-1]].form if eps else ""
        stem_form = toks[stem].form if stem >= 0 else ""
        noun = toks[stem - 1] if stem >= 1 and toks[stem].tag == "VCP" else None
        if noun is not None and noun.form == "거" and noun.tag == "NNB" and level in ("hapsyo", "hao"):
            noun.form, noun.changed = "것", True  # "거입니다" → "것입니다"
        elif noun is not None and noun.form == "뭐" and level in ("hapsyo", "hao", "hage"):
            noun.form, noun.changed = "무엇", True  # "뭐예요" → "무엇입니까", not "뭐입니까"
        table = _ENDINGS.get(level)
        if table is None:
            i += 1
            continue
        past = any(toks[k].form in ("었", "았", "였", "었었") for k in eps)
        ending = table(_Pred(mood, cls, key, _hash(seed, str(e), toks[e].form), stem_form, last_ep,
                             noun.form if noun is not None else "", past, punct == ","), rules)
        word = toks[e].word
        if ending.drop_copula:
            honour = honorific_ef and level not in _DROP_HONORIFIC and rules.get("honorific") != "drop"
            if honour or stem < 1 or toks[stem - 1].word != word or eps:
                ending = _Ending(ending.morphs, punct=ending.punct)  # 학생이십니까
            else:
                del toks[stem]
                e -= 1
                ending = _Ending([], tail=ending.tail, punct=ending.punct)
        new: list[_Tok] = []
        has_si = any(toks[k].form in _SI for k in eps) or (stem >= 0 and toks[stem].form in _HON_STEMS)
        keep_si = honorific_ef and level not in _DROP_HONORIFIC and rules.get("honorific") != "drop"
        if (ending.need_si or keep_si) and not has_si and level not in _DROP_HONORIFIC:
            new.append(_Tok("시", "EP", word, changed=True))
        new.extend(_Tok(f, tg, word, changed=True) for f, tg in ending.morphs)
        toks[e:e + 1] = new
        rw.edited.add(word)
        if ending.drop_eps:
            for k in reversed(eps):
                if toks[k].form in ending.drop_eps:
                    del toks[k]
                    e -= 1
        if ending.tail:
            rw.tails[word] = ending.tail
        # an EF directly followed by the sentence's end decides the mood and punctuation
        last_ef = e
        rest = toks[e + len(new):]
        if all(t.tag.startswith("S") for t in rest):
            rw.mood = mood
            rw.punct = ending.punct or rw.punct
        i = e + len(new) if new else e
    if last_ef < 0 and rw.text.rstrip().endswith("?"):
        rw.mood = "question"


def _apply_lexicon(rw: _Rewrite, lexicon: Mapping[str, str]) -> None:
    if not lexicon:
        return
    for t in rw.toks:
        if t.tag[:1] in ("E", "J", "S"):
            continue
        dst = lexicon.get(f"{t.form}/{t.tag}") or lexicon.get(t.form)
        if dst is None or dst == t.form:
            continue
        form, _, tag = dst.partition("/")
        if form == "너" and sum(1 for o in rw.toks if o.word == t.word and not o.tag.startswith("S")) == 1:
            form = "네"  # "당신 잘못" → "네 잘못" (너의 → 네)
        t.form, t.tag, t.changed = form, tag or t.tag, True


def _rebuild(rw: _Rewrite) -> str:
    """The text with every changed word re-joined; untouched words keep their exact text."""
    text, toks = rw.text, rw.toks
    out: list[str] = []
    pos = 0
    for w in sorted(rw.cores):
        cs, ce = rw.cores[w]
        in_word = [t for t in toks if t.word == w]
        if not any(t.changed for t in in_word) and w not in rw.tails and w not in rw.edited:
            continue
        core = [t for t in in_word if not t.tag.startswith("S") or cs <= t.start < ce]
        joined = kiwi_join([(t.form, t.tag) for t in core]).replace(" ", "") if core else ""
        tail = rw.tails.get(w, "")
        if tail == "hao":
            last_tag = next((t.tag for t in reversed(core) if not t.tag.startswith("S")), "")
            joined, tail = _hao(joined, last_tag), ""
        out.append(text[pos:cs])
        out.append(joined + tail)
        pos = ce
    out.append(text[pos:])
    return "".join(out)


def _pick(options: Any, h: int) -> str:
    if isinstance(options, str):
        return options
    if not options:
        return ""
    return str(options[h % len(options)])


def _split_symbols(text: str) -> tuple[str, str]:
    m = _TRAILING_SYMBOLS.search(text)
    return (text[: m.start()], m.group(1)) if m else (text, "")


def _flavour(sentence: str, mood: str, rules: Mapping[str, Any], seed: str) -> str:
    sentence, symbols = _split_symbols(sentence)
    body, punct = sentence, ""
    m = _FINAL_PUNCT.search(sentence)
    if m:
        body, punct = sentence[: m.start()], m.group(1)
    punct_rules = rules.get("punct") or {}
    key = punct[-1] if punct else ""
    if key == "…":
        key = "."
    if key in punct_rules:
        punct = _pick(punct_rules[key], _hash(seed, "punct"))
    fired: dict[str, str] = {}
    light = is_light(seed) and is_light(sentence)  # the counsellor's words and the styled ones
    for slot in ("prefix", "suffix", "address"):
        spec = rules.get(slot) or {}
        pool = list(spec.get(mood) or []) + list(spec.get("any") or [])
        if not light:
            pool = [p for p in pool if not is_playful(p)]
        if slot == "prefix":  # not "혹시 혹시 …" when the sentence already opens that way
            opening = body.lstrip()
            pool = [p for p in pool if not any(opening.startswith(w) for w in _HANGUL_WORD.findall(p))]
        if not pool:
            continue
        rate = float(spec.get("rate", 1.0))
        h = _hash(seed, slot)
        choice = _pick(pool, h // 1000)
        if (h % 1000) < rate * 1000:
            fired[slot] = choice
        else:
            fired.setdefault("_" + slot, choice)
    if rules.get("min_flavour") and not {"prefix", "suffix", "address"} & fired.keys():
        for slot in ("prefix", "address", "suffix"):
            if "_" + slot in fired:
                fired[slot] = fired["_" + slot]
                break
    prefix = fired.get("prefix", "")
    suffix = fired.get("suffix", "")
    address = fired.get("address", "")
    if address.strip(" ,") and address.strip(" ,") in prefix:
        address = ""  # "손님, … 손님." says it twice
    joke = ""
    spec = rules.get("joke") or {}
    pool = list(spec.get(mood) or []) + list(spec.get("any") or [])
    h = _hash(seed, "joke")
    if pool and light and not suffix and (h % 1000) < float(spec.get("rate", 1.0)) * 1000:
        joke = _pick(pool, h // 1000)
    return f"{prefix}{body.strip()}{address}{punct}{symbols}{suffix}{joke}".strip()


def stylize_sentence(sentence: str, rules: Mapping[str, Any]) -> str:
    """One sentence in the 말투 the rules describe; the sentence itself if anything fails."""
    if not sentence or not sentence.strip() or not rules:
        return sentence
    try:
        level = rules.get("level", "haeyo")
        seed = sentence.strip()
        rw = _analyse(sentence.strip())
        drop = rules.get("honorific", "drop" if level in _DROP_HONORIFIC else "keep") == "drop"
        if drop and "께서" not in sentence:
            _drop_honorific(rw)
        _rewrite_endings(rw, level, rules, seed)
        _apply_lexicon(rw, rules.get("lexicon") or {})
        text = _rebuild(rw)
        if rw.punct is not None:
            text, symbols = _split_symbols(text)
            m = _FINAL_PUNCT.search(text)
            text = (text[: m.start()] if m else text.rstrip()) + rw.punct + symbols
        text = _flavour(text, rw.mood, rules, seed)
    except Exception:  # styling must never lose a reply
        log.exception("style rewrite failed; sentence kept as it was")
        return sentence
    return text if text.strip() else sentence


class RuleStyleBackend:
    """StyleBackend: the character's `style_rules` (or its preset) applied by kiwipiepy rules."""

    def __init__(self, **options: Any) -> None:
        self._valid: dict[str, bool] = {}

    def _rules_for(self, character: CharacterStyle) -> Mapping[str, Any]:
        rules = character.style_rules
        if not rules:
            return default_rules(character.slug)
        key = json.dumps(rules, sort_keys=True, ensure_ascii=False, default=str)
        ok = self._valid.get(key)
        if ok is None:
            if len(self._valid) > 256:  # rules change rarely; don't grow without bound
                self._valid.clear()
            errors = validate_style_rules(rules)
            if errors:
                log.warning("invalid style_rules for %s: %s; using the preset", character.slug, errors)
            ok = self._valid[key] = not errors
        return rules if ok else default_rules(character.slug)

    def stylize(self, sentences: Sequence[str], character: CharacterStyle) -> list[str]:
        rules = self._rules_for(character)
        if not rules or rules.get("level", "haeyo") == "haeyo" and len(rules) <= 1:
            return list(sentences)
        return [stylize_sentence(s, rules) for s in sentences]
