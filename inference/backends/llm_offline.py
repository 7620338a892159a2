"""The offline counsellor: a warm 해요체 reply composed from the project's response bank.

No model and no downloads. A reply is 2–4 sentences:

1. a reflection of the person's own words — their clause turned into reported speech with
   kiwipiepy ("시험 때문에 잠을 못 잔다고 하셨는데, …") or, failing that, their key noun;
2. when a retrieved memory is relevant (score above a threshold *and* sharing a noun or the
   topic), a line about it ("지난번에 말씀하신 팀장님 이야기와도 …");
3. a validating sentence and 4. exactly one open question, both from the bank entry chosen
   by retrieval over the message (topic keywords + char-bigram TF-IDF) and the emotion.

Everything is decided by a `random.Random` seeded from (seed, text), so a request always
gets the same reply; the reply is streamed as 1–3 eojeol pieces that join back exactly.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from inference import morph
from inference.data import response_bank as bank
from inference.labels import NEGATIVE, POSITIVE, group_of
from inference.types import GenerateRequest, MemoryItem

# --- Korean particles ---------------------------------------------------------------------

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_DIGIT_BATCHIM = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False,
                  "6": True, "7": True, "8": True, "9": False}
_DIGIT_RIEUL = {"1", "7", "8"}


def _final_jong(word: str) -> int | None:
    """Index of the last syllable's final consonant (0 = none); None if not Hangul."""
    for ch in reversed(word.strip()):
        code = ord(ch)
        if _HANGUL_FIRST <= code <= _HANGUL_LAST:
            return (code - _HANGUL_FIRST) % 28
        if ch.isdigit():
            return 8 if ch in _DIGIT_RIEUL else (1 if _DIGIT_BATCHIM[ch] else 0)
        if ch.isalpha():
            return 0  # Latin words: read as ending in a vowel, the common case
    return None


def has_batchim(word: str) -> bool:
    return bool(_final_jong(word))


_AFTER_BATCHIM = {"이", "을", "은", "과", "으로", "이라고", "아", "이나", "이랑", "이에요", "이야", "이라서"}


def josa(word: str, pair: str) -> str:
    """`word` with the right particle of `pair` ("이/가", "을/를", "은/는", "와/과", "으로/로", "이라고/라고").

    Either order works; 으로/로 takes 로 after ㄹ as well (서울로, 집으로).
    """
    with_batchim, without = pair.split("/")
    if without in _AFTER_BATCHIM:
        with_batchim, without = without, with_batchim
    jong = _final_jong(word)
    if with_batchim == "으로":
        use_first = bool(jong) and jong != 8  # ㄹ (index 8) takes 로: 서울로, 집으로
    else:
        use_first = bool(jong)
    return word + (with_batchim if use_first else without)


# --- the bank and its index ---------------------------------------------------------------


@dataclass(frozen=True)
class BankEntry:
    topic: str
    cues: str
    mood: str  # "neg" | "pos" | "any"
    validation: str
    question: str


def load_bank() -> list[BankEntry]:
    return [
        BankEntry(topic, cues, mood, validation, question)
        for topic, entries in bank.BANK.items()
        for cues, mood, validation, question in entries
    ]


def _grams(text: str) -> Counter[str]:
    """Char bigrams inside each eojeol (a one-syllable word counts as itself)."""
    grams: Counter[str] = Counter()
    for word in _NON_WORD_RE.sub(" ", text).split():
        if len(word) == 1:
            grams[word] += 1
        else:
            grams.update(word[i : i + 2] for i in range(len(word) - 1))
    return grams


_NON_WORD_RE = re.compile(r"[^0-9A-Za-z가-힣]+")
_SPACE_RE = re.compile(r"\s+")


class _BankIndex:
    """TF-IDF over char bigrams of each entry's cues (counted twice) and sentences."""

    def __init__(self, entries: Sequence[BankEntry]) -> None:
        docs = [_grams(f"{e.cues} {e.cues} {e.validation} {e.question}") for e in entries]
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.keys())
        n = len(docs)
        self.idf = {g: math.log((n + 1) / (c + 1)) + 1.0 for g, c in df.items()}
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            weights = {g: (1.0 + math.log(c)) * self.idf[g] for g, c in doc.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            for g, w in weights.items():
                self.postings[g].append((i, w / norm))

    def cosine(self, text: str) -> dict[int, float]:
        q = {g: (1.0 + math.log(c)) * self.idf[g] for g, c in _grams(text).items() if g in self.idf}
        norm = math.sqrt(sum(w * w for w in q.values()))
        scores: dict[int, float] = defaultdict(float)
        if not norm:
            return scores
        for g, w in q.items():
            for i, ew in self.postings[g]:
                scores[i] += w * ew / norm
        return scores


# --- reading the message --------------------------------------------------------------------

_PRED_TAGS = {"VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA"}
_VERB_TAGS = {"VV", "XSV"}
_ADJ_LIKE = {"있", "없", "싶", "계시"}  # report with -다고, not -는다고
_HONORIFIC_EP = {"시", "으시"}
_AFTER_PRED_OK = {"EP", "EF", "EC", "JX", "SF", "SW", "SE", "SS", "SO", "SP", "JKQ", "W_EMOJI"}
_QUESTION_EF = ("까", "나요", "니", "냐", "ㄴ가", "는가", "던가", "ᆫ가", "ᆯ까", "는지", "래요", "을래")
_QUESTION_ADVERBS = {"왜", "어째서", "어떡하"}
_NOUN_TAGS = {"NNG", "NNP"}
_NOUN_GLUE = {"NNG", "NNP", "XSN", "NR", "SN", "SL", "XPN"}
_STOP_NOUNS = {
    "것", "거", "수", "때", "생각", "마음", "요즘", "오늘", "어제", "내일", "사람", "정도", "말", "일",
    "중", "뭐", "때문", "진짜", "하루", "지금", "이번", "다음", "전", "후", "느낌", "기분", "이유",
    "문제", "상황", "자신", "스스로", "아무것", "시간", "매일", "계속", "항상", "이제", "얼마", "번",
    "가지", "쪽", "게", "건", "데", "무엇", "모두", "우리", "저희", "나", "저", "너무", "좀", "요",
    "처음", "평소", "자꾸", "너", "상담", "선생님", "이야기", "얘기", "지난번", "한번", "마지막",
    "약",  # medication is never named back
}
# The person's "I" is dropped when reported back ("제가 너무 한심해요" → "너무 한심하다고") …
_FIRST_PERSON_WORDS = {
    "나는", "저는", "제가", "내가", "저", "나", "저한테", "나한테", "저에게", "나에게",
    "저를", "나를", "절", "날", "우리", "저희", "저희는", "우리는", "우리가", "저희가", "저랑", "나랑",
    "제게", "내게",
}
# … unless the meaning hangs on it ("저만 빼고" → "나만 빼고").
_FIRST_PERSON_KEEP = {"저만": "나만", "저도": "나도", "저희만": "우리만", "저희도": "우리도", "저밖에": "나밖에",
                      "제": "내", "저의": "내", "나의": "내"}  # "동료가 내 실수를 일렀다고"
# Dropped first when a clause is too long to report whole.
_DROPPABLE = {"어제", "오늘", "요즘", "너무", "정말", "진짜", "되게", "완전", "엄청", "많이", "계속", "그냥"}
_FILLER_WORDS = {
    "그래서", "근데", "그런데", "그리고", "하지만", "그러니까", "그니까", "아", "음", "흠", "아니",
    "진짜", "정말", "완전", "걍", "그냥", "솔직히", "사실", "참", "뭔가", "막", "좀", "존나", "졸라",
    "개", "씨발", "시발", "ㅅㅂ",
}
_SLANG = (("땜에", " 때문에"), ("땜시", " 때문에"), ("짱나", "짜증 나"), ("뭔가 ", ""), ("왜케", "왜 이렇게"),
          ("왜캐", "왜 이렇게"))
_JAMO_RE = re.compile(r"[ㄱ-ㅎㅏ-ㅣ]+")
_ODD_RE = re.compile(r"[^\w\s.,?!~'\"%·()\-]")  # emoji and symbols
_QUOTE_STRIP_RE = re.compile(r"[.?!~…\"'“”‘’()\[\]<>]+")
_MAX_QUOTE_WORDS = 8
_MAX_QUOTE_CHARS = 40


def _clean(text: str) -> str:
    text = _JAMO_RE.sub(" ", text)
    text = _ODD_RE.sub(" ", text)
    for slang, plain in _SLANG:
        text = text.replace(slang, plain)
    return _SPACE_RE.sub(" ", text).strip()


def _base(tag: str) -> str:
    return tag.split("-", 1)[0]


@dataclass(frozen=True)
class _Reading:
    """What the composer needs of one text: its clauses as reported speech, its nouns."""

    clean: str
    compact: str
    forms: frozenset[str]
    quotes: tuple[tuple[float, str], ...]  # (salience, "시험 때문에 잠을 못 잔다고")
    asks: tuple[tuple[float, str, str], ...]  # (salience, "asked" | "why", "어떻게 해야 할지")
    nouns: tuple[str, ...]  # key nouns in order of appearance, compounds glued


def _forbidden(text: str) -> bool:
    return any(word in text for word in bank.FORBIDDEN_WORDS)


def _clauses(tokens: Sequence[Any]) -> list[list[Any]]:
    clauses: list[list[Any]] = []
    current: list[Any] = []
    for tok in tokens:
        current.append(tok)
        if _base(tok.tag) in ("EF", "SF"):
            clauses.append(current)
            current = []
    if current:
        clauses.append(current)
    # a lone "." or "?" after an EF belongs to the clause before it
    merged: list[list[Any]] = []
    for clause in clauses:
        if merged and all(_base(t.tag) in ("SF", "SW", "SE", "SS", "SO") for t in clause):
            merged[-1].extend(clause)
        else:
            merged.append(clause)
    return merged


def _is_question(clause: Sequence[Any]) -> bool:
    for tok in clause:
        tag = _base(tok.tag)
        if tag == "SF" and "?" in tok.form:
            return True
        if tag == "EF" and any(tok.form.endswith(q) or q in tok.form for q in _QUESTION_EF):
            return True
        if tok.form in _QUESTION_ADVERBS and tag in ("MAG", "NP", "VA"):
            return True
    return False


def _final_predicate(clause: Sequence[Any]) -> int | None:
    for i in range(len(clause) - 1, -1, -1):
        tag = _base(clause[i].tag)
        if tag in _PRED_TAGS:
            if all(_base(t.tag) in _AFTER_PRED_OK for t in clause[i + 1 :]):
                return i
            return None
    return None


def _report_ending(clause: Sequence[Any], p: int, eps: Sequence[str]) -> str:
    pred = clause[p]
    tag = _base(pred.tag)
    if tag in ("VCP", "VCN"):
        return "다고" if any(e not in _HONORIFIC_EP for e in eps) else "라고"
    if any(e not in _HONORIFIC_EP for e in eps):
        return "다고"
    if pred.form in _ADJ_LIKE:
        return "다고"
    if tag == "VX" and pred.form in ("않", "못하"):
        for k in range(p - 1, -1, -1):
            tag_k = _base(clause[k].tag)
            if tag_k in _PRED_TAGS:
                verbal = tag_k in _VERB_TAGS or (tag_k == "VX" and clause[k].form not in _ADJ_LIKE)
                return "는다고" if verbal else "다고"
        return "다고"
    if tag in _VERB_TAGS or tag == "VX":
        return "는다고"
    return "다고"


_SELF_SUBJECT = {"제가": "내가", "내가": "내가", "저는": "나는", "나는": "나는"}


def _words_before(text: str, start: int, end: int, keep_self: bool = False) -> tuple[list[str], str]:
    """The whole eojeol between start and end, and the part glued to the predicate.

    keep_self keeps the person's own subject, as a self-question needs it ("내가 이상한 건지").
    """
    words = text[start:end].split(" ")
    attached = words[-1]
    kept: list[str] = []
    for word in words[:-1]:
        if not word:
            continue
        if keep_self and word in _SELF_SUBJECT:
            kept.append(_SELF_SUBJECT[word])
            continue
        if word in _FIRST_PERSON_WORDS:
            continue
        word = _FIRST_PERSON_KEEP.get(word, word)
        if not kept and word in _FILLER_WORDS:
            continue
        if word in ("존나", "졸라", "씨발", "시발", "개"):
            continue
        kept.append(word)
    return kept, attached


_SECOND_PERSON = {"선생님", "상담사", "상담사님", "너", "당신", "님", "멘토스"}


def _quote(text: str, clause: Sequence[Any]) -> tuple[str, str] | None:
    """The clause as reported speech, ("said", "어제 팀장님이 소리를 질러서 너무 창피했다고"),
    or a question as an indirect one, ("asked", "어떻게 해야 할지") / ("why", "왜 나만 이런지")."""
    question = _is_question(clause)
    p = _final_predicate(clause)
    if p is None:
        return None
    pred = clause[p]
    eps = []
    j = p + 1
    while j < len(clause) and _base(clause[j].tag) == "EP":
        eps.append(clause[j].form)
        j += 1
    ef = clause[j].form if j < len(clause) and _base(clause[j].tag) == "EF" else ""
    if "세요" in ef or "셔요" in ef:
        # "도와주세요" asks the counsellor for something: nothing to report back. "엄마가
        # 잔소리하세요" is about someone else, honoured: "잔소리하신다고".
        has_subject = any(_base(t.tag) in ("JKS", "JX") for t in clause[:p])
        if question or pred.form == "주" or not has_subject:
            return None
        eps = ["시", *eps]
    if question and (any(t.form in _SECOND_PERSON for t in clause) or any(e in _HONORIFIC_EP for e in eps)):
        return None  # a question to the counsellor is answered, not mirrored
    start = next((t.start for t in clause if _base(t.tag) not in ("MAJ", "IC", "SF", "SW", "SP", "SS",
                                                                   "SE", "SO")), pred.start)
    end = pred.start
    contracted = ""
    if p > 0 and clause[p - 1].start + clause[p - 1].len > pred.start and clause[p - 1].start >= start:
        # "걸까요" is 거+이+ㄹ까요 written as one syllable: keep the noun, rebuild the rest
        end, contracted = clause[p - 1].start, clause[p - 1].form
    words, attached = _words_before(text, start, end, keep_self=question)
    attached += contracted
    if attached in ("못", "안"):  # "못자" → "못 잔다고"
        attached += " "
    while len(words) > _MAX_QUOTE_WORDS or len("".join(words)) > _MAX_QUOTE_CHARS - 8:
        droppable = [i for i, w in enumerate(words) if w in _DROPPABLE]
        if droppable:
            del words[droppable[0]]
        elif words:
            del words[0]
        else:
            break
    glue = " ".join(words + [attached]).strip()
    tag = _base(pred.tag)
    tense = any(e not in _HONORIFIC_EP for e in eps)
    verbal = tag in _VERB_TAGS or (tag == "VX" and pred.form not in _ADJ_LIKE)
    kind = "said"
    if question:
        kind = "why" if "왜" in words else "asked"
        if tag == "VCP":
            ending = "ᆫ지"  # "이상한 걸까요" → "이상한 건지"
        elif kind == "asked" and not tense and ("까" in ef or ef.startswith("지")):
            ending = "ᆯ지"  # "어떻게 해야 할까요" → "어떻게 해야 할지", "어떡하지" → "어떡할지"
        elif tense or verbal:
            ending = "는지"  # "왜 잠이 안 오지" → "왜 잠이 안 오는지"
        else:
            ending = "ᆫ지"  # "왜 나만 이래요" → "왜 나만 이런지"
        tail = morph.join([(pred.form, pred.tag), *[(e, "EP") for e in eps], (ending, "EC")])
        if tag == "VCP" and glue.endswith("거") and tail == "인지":
            glue, attached, tail = glue[:-1], attached[:-1], "건지"
    elif tag == "VCP":
        if not glue:
            return None
        if not tense:
            tail = "이라고" if has_batchim(glue) else "라고"
        else:
            tail = morph.join([(pred.form, pred.tag), *[(e, "EP") for e in eps], ("다고", "EC")])
            if not has_batchim(glue) and tail.startswith("이었"):
                tail = "였" + tail[2:]
    else:
        tail = morph.join([(pred.form, pred.tag), *[(e, "EP") for e in eps],
                           (_report_ending(clause, p, eps), "EC")])
    quote = " ".join([*words, attached + tail]).replace("  ", " ")
    quote = _SPACE_RE.sub(" ", _QUOTE_STRIP_RE.sub(" ", quote)).strip(" ,")
    while len(quote) > _MAX_QUOTE_CHARS and " " in quote:
        quote = quote.split(" ", 1)[1]
    if not re.search("[가-힣]", quote) or _forbidden(quote) or len(quote) > _MAX_QUOTE_CHARS:
        return None
    if kind != "said" and len(quote.split()) < 2:
        return None  # "할지 고민이 많으시군요" says nothing
    return kind, quote


def _nouns(text: str, tokens: Sequence[Any]) -> list[str]:
    nouns: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if _base(tok.tag) in _NOUN_TAGS:
            j = i
            # glue 남자+친구, 팀장+님, 중간+고사 written without a space
            while (j + 1 < len(tokens) and _base(tokens[j + 1].tag) in _NOUN_GLUE
                   and tokens[j + 1].start == tokens[j].start + tokens[j].len):
                j += 1
            while i > 0 and _base(tokens[i - 1].tag) == "XPN" and tokens[i - 1].start + tokens[i - 1].len == tokens[i].start:
                i -= 1
            word = text[tokens[i].start : tokens[j].start + tokens[j].len]
            if word not in _STOP_NOUNS and not _forbidden(word) and re.search("[가-힣]", word):
                nouns.append(word)
            i = j + 1
        else:
            i += 1
    return nouns


@lru_cache(maxsize=4096)  # past turns come back as memories again and again
def read(text: str) -> _Reading:
    clean = _clean(text)
    tokens = morph.tokenize(clean) if clean else []
    forms = frozenset(t.form for t in tokens)
    quotes: list[tuple[float, str]] = []
    asks: list[tuple[float, str, str]] = []
    clauses = _clauses(tokens)
    for idx, clause in enumerate(clauses):
        found = _quote(clean, clause)
        if found:
            kind, q = found
            content = sum(1 for t in clause if _base(t.tag) in _NOUN_TAGS)
            salience = 0.5 * content + 0.3 * idx / max(1, len(clauses)) + 0.05 * len(q.split())
            if kind == "said":
                quotes.append((salience, q))
            else:
                asks.append((salience, kind, q))
    return _Reading(clean, clean.replace(" ", ""), forms, tuple(quotes), tuple(asks), tuple(_nouns(clean, tokens)))


# --- the backend ------------------------------------------------------------------------------


def _mood_of(label: str) -> str:
    group = group_of(label)
    return "pos" if group == POSITIVE else "neg" if group == NEGATIVE else "neu"


def _fill(template: str, **fields: str) -> str:
    n = fields.get("n", "")
    return template.format(
        n_iga=josa(n, "이/가"), n_eul=josa(n, "을/를"), n_eun=josa(n, "은/는"), n_wa=josa(n, "와/과"),
        **fields,
    )


_COMMON_STEMS = {"마음", "많이", "그동", "정말", "혼자", "얼마", "그대", "여기", "저도", "저한", "듣는",
                 "덩달", "차분", "조금", "쉽게", "고스", "그것", "것"}


def _echoes(feel: str, validation: str) -> bool:
    """Whether the acknowledgement would repeat a word of the validation ("버텨 … 버텨")."""
    return any(w[:2] in validation for w in feel.split() if len(w) >= 2 and w[:2] not in _COMMON_STEMS)


def _marker(template: str) -> str:
    """The fixed words of a template, to spot it in the previous reply."""
    return max(re.split(r"\{[a-z_]+\}", template), key=len).strip(" ,.")


class OfflineCounsellorBackend:
    """`LLMBackend` without a model: retrieval + templates over `inference.data.response_bank`."""

    def __init__(self, **options: Any) -> None:
        self.memory_min_score = float(options.get("llm_memory_min_score", 0.15))
        self.entries = load_bank()
        self.index = _BankIndex(self.entries)
        self.keywords = {
            # a one-syllable keyword must be a whole morpheme, so it is as sure as a two-syllable one
            topic: tuple((kw.replace(" ", ""), min(2.0, 0.8 + 0.3 * max(2, len(kw.replace(" ", ""))))) for kw in kws)
            for topic, kws in bank.TOPIC_KEYWORDS.items()
        }
        # one-syllable nouns mean something only when they are topic words (잠, 돈, 딸)
        self._topic_cache: dict[str, dict[str, float]] = {}
        self.short_nouns = {kw for kws in bank.TOPIC_KEYWORDS.values() for kw in kws if len(kw) == 1}
        # build the analyser and run it once now, not on the first turn
        morph.tokenize("요즘 잠을 잘 못 자요.")

    # -- routing --------------------------------------------------------------------------
    def topic_scores(self, reading: _Reading) -> dict[str, float]:
        cached = self._topic_cache.get(reading.clean)
        if cached is None:
            if len(self._topic_cache) > 4096:
                self._topic_cache.clear()
            cached = self._topic_cache[reading.clean] = self._score_topics(reading)
        return cached

    def _score_topics(self, reading: _Reading) -> dict[str, float]:
        scores: dict[str, float] = {}
        words = len(reading.clean.split())
        for topic, kws in self.keywords.items():
            s = 0.0
            for kw, weight in kws:
                if (kw in reading.forms) if len(kw) == 1 else (kw in reading.compact):
                    s += weight
            if topic == bank.GREETING_TOPIC and words > 6:
                s *= 0.4  # "안녕하세요, 요즘 회사 때문에 … 힘들어요" is about the company
            if topic in bank.FEELING_TOPICS:
                s *= 1.15  # what the person feels outranks where it happened (퇴근 … 허전해요)
            if s:
                scores[topic] = min(s, 4.0)
        return scores

    @staticmethod
    def mood(reading: _Reading, label: str) -> str:
        """The emotion group, unless the words plainly say otherwise."""
        mood = _mood_of(label)
        negative = any(cue.replace(" ", "") in reading.compact for cue in bank.NEGATIVE_CUES)
        if negative and mood != "neg":
            return "neg"
        if mood == "neu" and any(cue.replace(" ", "") in reading.compact for cue in bank.POSITIVE_CUES):
            return "pos"
        return mood

    def rank(self, reading: _Reading, label: str) -> list[tuple[float, int]]:
        topic_scores = self.topic_scores(reading)
        cos = self.index.cosine(reading.clean)
        mood = self.mood(reading, label)
        nudge = bank.LABEL_TOPIC_NUDGE.get(label)
        label_cue = bank.LABEL_CUE.get(label, "")
        ranked: list[tuple[float, int]] = []
        for i, entry in enumerate(self.entries):
            c = cos.get(i, 0.0)
            if entry.topic == bank.FALLBACK_TOPIC:
                s = 0.3 + (0.5 if label_cue and label_cue in entry.cues.split() else 0.0) + c
            elif entry.topic in topic_scores:
                s = topic_scores[entry.topic] + 5.0 * c + (0.4 if entry.topic == nudge else 0.0)
            else:  # shared syllables alone are weak evidence for a topic
                s = 2.0 * c + (0.4 if entry.topic == nudge else 0.0)
                if entry.topic == bank.GREETING_TOPIC:
                    s -= 1.0
            s += _MOOD_FIT[mood][entry.mood]
            ranked.append((s, i))
        ranked.sort(key=lambda pair: (-pair[0], pair[1]))
        return ranked

    def choose(self, reading: _Reading, label: str, recent: Sequence[str], rng: random.Random) -> BankEntry:
        """The entry for this message: never the one of the previous reply, and an entry of the
        turns before that only when nothing else fits nearly as well."""
        ranked = self.rank(reading, label)
        if recent:
            last, earlier = recent[-1], " ".join(recent[:-1])
            pool = []
            for s, i in ranked:
                entry = self.entries[i]
                if entry.question in last or entry.validation in last:
                    continue
                if earlier and (entry.question in earlier or entry.validation in earlier):
                    s -= 0.5
                pool.append((s, i))
            pool.sort(key=lambda pair: (-pair[0], pair[1]))
        else:
            pool = ranked
        best = pool[0][0]
        shortlist = [i for s, i in pool[:3] if s >= best - 0.08]
        return self.entries[rng.choice(shortlist)]

    # -- composing -------------------------------------------------------------------------
    def _nouns(self, reading: _Reading) -> list[str]:
        return [n for n in reading.nouns if len(n) > 1 or n in self.short_nouns]

    def _key_noun(self, reading: _Reading, topic: str) -> str | None:
        kws = [kw for kw, _ in self.keywords.get(topic, ())]
        best: tuple[float, int, str] | None = None
        for pos, noun in enumerate(self._nouns(reading)):
            s = (2.0 if any(kw in noun or (len(noun) > 1 and noun in kw) for kw in kws) else 0.0)
            s += 0.5 if len(noun) > 1 else 0.0
            cand = (s, -pos, noun)
            if best is None or cand > best:
                best = cand
        return best[2] if best else None

    def _acknowledgement(self, reading: _Reading, entry: BankEntry, label: str) -> tuple[Sequence[str], str]:
        """Which feeling to acknowledge, and in which register ("neg" | "pos" | "neu").

        The emotion label decides, except where the words and the entry say otherwise: trouble
        read as calm or glad ("고백했는데 차였어요" as 설레는) is acknowledged as trouble, and
        a calm message never gets sympathy it did not ask for ("혼자 영화 보러 갔어요").
        """
        label_mood = _mood_of(label)
        text_mood = self.mood(reading, label)
        if entry.mood == "neg":
            if label_mood == "neg":
                return bank.FEEL.get(label, ()), "neg"
            if text_mood == "neg":
                topic_label = bank.TOPIC_FEEL_LABEL.get(entry.topic)
                return (bank.FEEL[topic_label] if topic_label else bank.NEG_GENERIC_FEEL), "neg"
            return (bank.FEEL.get(label, ()) if label_mood == "neu" else ()), "neu"
        if entry.mood == "pos":
            if label_mood == "neg" or text_mood == "neg":
                return (), "neu"
            return (bank.FEEL.get(label, ()) if label_mood == "pos" else bank.FEEL["기쁨(행복한)"]), "pos"
        if text_mood != label_mood:
            return (), "neu"
        return bank.FEEL.get(label, ()), label_mood

    def _reflection(self, reading: _Reading, entry: BankEntry, label: str, last: str,
                    rng: random.Random) -> str | None:
        kws = [kw for kw, _ in self.keywords.get(entry.topic, ())]
        # the clause that carries the topic is the one worth reporting back
        quote = max(((s + (1.0 if any(kw in q.replace(" ", "") for kw in kws) else 0.0), q)
                     for s, q in reading.quotes), default=(0.0, None))[1]
        if entry.topic == bank.GREETING_TOPIC:
            # "안녕하다고 하셨군요" is no reflection; "덕분에 마음이 편해졌다고" is
            if quote is None or len(quote.split()) < 2:
                return None
        feel_options, mood = self._acknowledgement(reading, entry, label)
        feels = [f for f in feel_options if f not in last and not _echoes(f, entry.validation)]
        feel = rng.choice(feels) if feels else ""
        if quote:
            templates = [t for t in bank.REFLECT_TEMPLATES[mood] if _marker(t) not in last]
            if not feel or any(w in entry.validation for w in ("저도", "저까지", "전해져")):
                templates = [t for t in templates if "{feel}" not in t]  # the validation already says it
            if re.search(r"데\s", quote):
                templates = [t for t in templates if "하셨는데" not in t]  # no "…는데 … 하셨는데"
            template = rng.choice(templates or [t for t in bank.REFLECT_TEMPLATES[mood] if "{feel}" not in t])
            return _fill(template, q=quote, feel=feel)
        if reading.asks and entry.topic != bank.GREETING_TOPIC:
            _, kind, ask = max(reading.asks)
            templates = [t for t in bank.ASK_TEMPLATES[kind] if _marker(t) not in last]
            return _fill(rng.choice(templates or list(bank.ASK_TEMPLATES[kind])), iq=ask)
        noun = self._key_noun(reading, entry.topic)
        if noun is None:
            return None
        templates = [t for t in bank.NOUN_TEMPLATES[mood] if _marker(t) not in last]
        return _fill(rng.choice(templates or list(bank.NOUN_TEMPLATES[mood])), n=noun)

    def _memory_line(self, memories: Sequence[MemoryItem], reading: _Reading, topic: str, text: str,
                     last: str, rng: random.Random) -> str | None:
        if "지난번에" in last:
            return None  # "지난번에 …" every turn would sound rehearsed
        for item in sorted(memories, key=lambda m: -m.score):
            if item.score < self.memory_min_score:
                continue
            past = item.u_message or item.text.split("\n", 1)[0]
            if not past.strip() or past.strip() == text.strip():
                continue
            past_reading = read(past)
            mine = self._nouns(reading)
            shared = [n for n in mine if n in past_reading.nouns]
            shared.sort(key=lambda n: (-len(n), mine.index(n)))
            if shared:
                noun = shared[0]
                if f"말씀하신 {noun}" in last:
                    continue
                past_quote = max(past_reading.quotes)[1] if past_reading.quotes else None
                # "지난번에 말씀하신 잠 일도" is too thin: a one-syllable noun gets the whole clause
                if past_quote and (len(noun) == 1 or rng.random() < 0.35):
                    return _fill(rng.choice(bank.MEMORY_CLAUSE_TEMPLATES), q=past_quote)
                return _fill(rng.choice(bank.MEMORY_NOUN_TEMPLATES), n=noun)
            if topic in (bank.FALLBACK_TOPIC, bank.GREETING_TOPIC):
                continue
            past_topics = self.topic_scores(past_reading)
            if not past_topics or max(past_topics, key=lambda t: (past_topics[t], t)) != topic:
                continue
            if past_reading.quotes:
                return _fill(rng.choice(bank.MEMORY_CLAUSE_TEMPLATES), q=max(past_reading.quotes)[1])
            noun = self._key_noun(past_reading, topic)
            if noun and f"말씀하신 {noun}" not in last:
                return _fill(rng.choice(bank.MEMORY_NOUN_TEMPLATES), n=noun)
        return None

    def compose(self, request: GenerateRequest) -> str:
        rng = random.Random(f"{request.seed}\x1f{request.text}")
        reading = read(request.text)
        recent = [turn.reply for turn in request.history[-3:]]
        last = recent[-1] if recent else ""
        label = request.emotion.label
        entry = self.choose(reading, label, recent, rng)
        sentences = [
            self._reflection(reading, entry, label, last, rng),
            self._memory_line(request.memories, reading, entry.topic, request.text, last, rng),
            entry.validation,
            entry.question,
        ]
        return " ".join(s for s in sentences if s)

    def generate(self, request: GenerateRequest) -> Iterator[str]:
        reply = self.compose(request)
        rng = random.Random(f"pieces\x1f{request.seed}\x1f{request.text}")
        words = re.findall(r"\S+\s*", reply)
        i = 0
        while i < len(words):
            n = rng.randint(1, 3)
            yield "".join(words[i : i + n])
            i += n


_MOOD_FIT: dict[str, dict[str, float]] = {
    # how well an entry's mood suits the emotion group of the message
    "pos": {"pos": 0.5, "neg": -0.9, "any": 0.0},
    "neg": {"pos": -1.2, "neg": 0.3, "any": 0.0},
    "neu": {"pos": -0.2, "neg": -0.1, "any": 0.1},
}
