"""Offline emotion backend: a Korean emotion lexicon over kiwipiepy morphemes.

Words are looked up by lemma, so every conjugation of a predicate hits the same entry
("행복했어", "행복하다", "행복해요"). Around each hit we read the small grammar that
changes its meaning: negation (`안/못 V`, `V-지 않다/못하다`, `N 없다`), intensifiers
(`너무`, `진짜`, `개-`), hedges (`좀`, `약간`), hyperbole used as an intensifier
(`좋아 죽겠어`), contrast (`-지만`, `근데`: what follows counts more), deliberation
(`-ㄹ지`, `-ㄹ까 말까`, `모르겠다`) and worry (`-ㄹ까 봐`). Raw scores become a softmax over
the 11 labels of `inference.labels`; with no cue at all, `일상적인` wins.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from inference.data import emotion_lexicon as lex
from inference.labels import EMOTION_LABELS, NEGATIVE, POSITIVE, group_of
from inference.morph import Morph, morphs
from inference.types import Emotion

NEUTRAL_LABEL = "일상적인"
DELIBERATE_LABEL = "생각이 많은"
WORRY_LABEL = "걱정스러운(불안한)"
LOVE_LABEL = "사랑하는"
HOPE_LABEL = "설레는(기대하는)"
JOY_LABEL = "기쁨(행복한)"

_NEGATORS = frozenset({"안", "못"})
_NEG_AUX = frozenset({"않다", "못하다", "말다"})
_STRONG_NEG = frozenset({"전혀", "하나도", "절대", "별로", "딱히", "결코"})
_CONTRAST_EC = frozenset({"지만", "는데도", "ᆫ데도"})
_CONTRAST_WORDS = frozenset({"하지만", "그런데", "근데", "그래도", "그렇지만", "그치만", "근대"})
_HYPERBOLE = frozenset({"죽다", "미치다"})
_PRED_AFTER_NOUN = frozenset({"되다", "하다", "나다", "스럽다"})
_SKIP_TAGS = ("J", "E", "XS", "S", "VCP", "Z", "UN", "W_")
_KEEP_SYMBOLS = frozenset({"ㅈㄴ"})
_MODIFIER_WORDS = frozenset(lex.INTENSIFIERS) | frozenset(lex.HEDGES)


@dataclass
class _Item:
    """A content morpheme: what the lexicon is looked up by, and where it sits."""

    key: str
    tag: str
    pos: int  # index into the sentence's morphemes


@dataclass
class _Hit:
    at: int  # index into the content items
    weights: dict[str, float]
    mult: float = 1.0
    negated: bool = False
    strong_neg: bool = False


def _key(m: Morph) -> str:
    return m.lemma if m.tag.startswith("V") else m.form


def _root(key: str) -> str:
    """"답답하다" -> "답답": the analyser gives either, the lexicon lists the root."""
    for suffix in ("하다", "스럽다", "되다"):
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)]
    return key


def _content(ms: Sequence[Morph]) -> list[_Item]:
    items: list[_Item] = []
    for i, m in enumerate(ms):
        if m.tag.startswith(_SKIP_TAGS) and m.form not in _KEEP_SYMBOLS:
            continue
        items.append(_Item(_key(m), m.tag, i))
    return items


class LexiconEmotionBackend:
    """`EmotionBackend` over the project's lexicon; ~1 ms a sentence once Kiwi is warm."""

    def __init__(self, beta: float = 2.0, neutral_prior: float = 0.5, **options: Any) -> None:
        self.beta = float(beta)  # softmax sharpness
        self.neutral_prior = float(neutral_prior)  # what a hit must beat to leave 일상적인

    def load(self) -> None:
        """Build the morpheme analyser now (worker warm-up), not on the first turn."""
        self.classify(["오늘은 마음이 조금 편안해요."])

    def classify(self, texts: Sequence[str]) -> list[Emotion]:
        return [self._emotion(self.raw_scores(t)) for t in texts]

    # -- scoring -----------------------------------------------------------------------

    def raw_scores(self, text: str) -> dict[str, float]:
        raw = dict.fromkeys(EMOTION_LABELS, 0.0)
        raw[NEUTRAL_LABEL] = self.neutral_prior
        text = (text or "").strip()
        if not text:
            return raw
        ms = morphs(text)
        items = _content(ms)
        hits = self._hits(ms, items)
        contrast_at = self._last_contrast(ms, items)
        for hit in hits:
            weight_scale = hit.mult * (0.5 if hit.at < contrast_at else 1.0)
            for label, w in hit.weights.items():
                w *= weight_scale
                if not hit.negated:
                    raw[label] += w
                elif group_of(label) == POSITIVE:
                    raw[lex.NEGATED_TO[label]] += w * (0.9 if hit.strong_neg else 0.8)
                elif group_of(label) == NEGATIVE:
                    # "안 힘들어" is not joy, but it is calmer: damp toward the calm side
                    raw[NEUTRAL_LABEL] += 0.35 * w
                    raw[JOY_LABEL] += 0.35 * w
                else:
                    raw[NEUTRAL_LABEL] += 0.3 * w
        compact = "".join(text.split())
        for cue, weights in lex.SURFACE.items():
            if cue in compact:
                for label, w in weights.items():
                    raw[label] += w
        return raw

    def _hits(self, ms: Sequence[Morph], items: list[_Item]) -> list[_Hit]:
        hits: list[_Hit] = []
        keys = [it.key for it in items]
        person_subject = self._person_subject(ms)
        neither = sum(1 for a, b in zip(ms, ms[1:], strict=False) if a.form == "지" and a.tag == "EC" and b.form == "도") >= 2
        for i, it in enumerate(items):
            negated, strong = self._negated(ms, items, i)
            if negated and it.key in lex.NEGATED_ONLY:
                # meaningful only when negated: the weights already say what it means
                weights: dict[str, float] | None = lex.NEGATED_ONLY[it.key]
                negated = False
            elif neither and (negated or self._followed_by_jido(ms, it.pos)):
                # "좋지도 싫지도 않아": neither way, i.e. flat
                weights = {NEUTRAL_LABEL: 0.4} if it.key in lex.LEMMAS else None
                negated = False
            else:
                weights = self._lookup(ms, items, i, negated, person_subject)
            if it.key in _HYPERBOLE and self._after_connective(ms, it.pos):
                # "좋아 죽겠어", "짜증나 미치겠어": the previous feeling, stronger
                prev = [h for h in hits if h.at >= i - 2]
                if prev:
                    prev[-1].mult *= 1.5
                    continue
            if weights:
                hits.append(_Hit(i, dict(weights), self._modifier(ms, items, i), negated, strong))
            for j in (i + 1, i + 2):
                if j < len(items):
                    pair = lex.PAIRS.get((it.key, keys[j]))
                    if pair:
                        pair_neg, pair_strong = self._negated(ms, items, j)
                        hits.append(_Hit(j, dict(pair), self._modifier(ms, items, i), pair_neg, pair_strong))
        hits.extend(self._grammar_hits(ms, items))
        return hits

    def _lookup(
        self, ms: Sequence[Morph], items: list[_Item], i: int, negated: bool, person_subject: bool
    ) -> dict[str, float] | None:
        it = items[i]
        if it.tag in ("MAG", "MM") and it.key in _MODIFIER_WORDS:
            return None
        weights = lex.LEMMAS.get(it.key) or lex.LEMMAS.get(_root(it.key))
        if weights is None and it.key.startswith(("개", "핵", "존")) and len(it.key) > 2:
            # "개짜증", "핵행복": slang prefix glued into one noun by the analyser
            base = lex.LEMMAS.get(it.key[1:]) or lex.LEMMAS.get(_root(it.key[1:]))
            weights = {k: v * 1.5 for k, v in base.items()} if base else None
        if weights is None:
            return None
        if it.key == "모르다":
            before = ms[it.pos - 1].form if it.pos else ""
            after = ms[it.pos + 1].form if it.pos + 1 < len(ms) else ""
            if before == "줄":  # "시간 가는 줄 몰랐어": idiom, not doubt
                return None
            if after == "겠":
                return {DELIBERATE_LABEL: 1.4}
        if it.key == "기다리다" and it.pos + 2 < len(ms) and ms[it.pos + 2].lemma == "지다":
            return lex.LEMMAS["기다려지다"]  # "기다려져요": looking forward to it
        if it.key in ("좋다", "좋아지다") and not negated:
            prev = ms[it.pos - 1] if it.pos else None
            if prev is not None and prev.tag == "EC" and prev.form in ("면", "으면"):
                return {HOPE_LABEL: 1.2}  # "빨리 왔으면 좋겠다": a wish
            if person_subject:
                return {LOVE_LABEL: 1.1, JOY_LABEL: 0.3}
        return weights

    @staticmethod
    def _followed_by_jido(ms: Sequence[Morph], pos: int) -> bool:
        nxt = ms[pos + 1 : pos + 3]
        return len(nxt) == 2 and nxt[0].form == "지" and nxt[0].tag == "EC" and nxt[1].form == "도"

    @staticmethod
    def _person_subject(ms: Sequence[Morph]) -> bool:
        for i, m in enumerate(ms[:-1]):
            if m.form in lex.PERSON_NOUNS and m.tag in ("NNG", "NNP", "NP"):
                nxt = ms[i + 1]
                if nxt.tag in ("JKS", "JKO", "JX") or (nxt.tag.startswith("N") and nxt.form in lex.PERSON_NOUNS):
                    return True
        return False

    @staticmethod
    def _after_connective(ms: Sequence[Morph], pos: int) -> bool:
        return pos > 0 and ms[pos - 1].tag == "EC" and ms[pos - 1].form in ("어", "아", "어서", "아서", "게")

    @staticmethod
    def _modifier(ms: Sequence[Morph], items: list[_Item], i: int) -> float:
        mult = 1.0
        for j in range(max(0, i - 2), i):
            it = items[j]
            if it.key in lex.INTENSIFIERS:
                if it.key == "개":
                    # "개웃겨", "개빡치네": only glued to the next word is it slang "very"
                    nxt = items[j + 1]
                    if ms[it.pos].end != ms[nxt.pos].start:
                        continue
                elif it.tag not in ("MAG", "XPN", "SW", "NNG", "MM", "NR"):
                    continue
                mult *= lex.INTENSIFIERS[it.key]
            elif it.key in lex.HEDGES and it.tag == "MAG" and it.key not in _STRONG_NEG:
                mult *= lex.HEDGES[it.key]
        return mult

    @staticmethod
    def _negated(ms: Sequence[Morph], items: list[_Item], i: int) -> tuple[bool, bool]:
        it = items[i]
        strong = any(x.key in _STRONG_NEG for x in items[max(0, i - 3) : i])
        # 안/못 right before the predicate, or between a noun and its 하다/되다 ("기대 안 돼")
        if i > 0 and items[i - 1].key in _NEGATORS and items[i - 1].tag == "MAG":
            return True, strong
        if (
            it.tag.startswith("N") or it.tag == "XR"
        ) and i + 2 < len(items) and items[i + 1].key in _NEGATORS and items[i + 2].key in _PRED_AFTER_NOUN:
            return True, strong
        # V-지 않다 / V-지 못하다 / V-지도 않다
        k = it.pos + 1
        if it.tag.startswith("N") and k < len(ms) and ms[k].lemma in _PRED_AFTER_NOUN:
            k += 1  # "짜증나지 않아": the noun's light verb
        while k < len(ms) and ms[k].tag in ("XSA", "XSV", "EP"):
            k += 1
        if k < len(ms) and ms[k].tag == "EC" and ms[k].form == "지":
            k += 1
            while k < len(ms) and ms[k].tag in ("JX", "JKO"):
                k += 1
            if k < len(ms) and _key(ms[k]) in _NEG_AUX:
                return True, strong
        # N 없다 ("재미가 하나도 없어"), "즐거운 일이 없어", "쉴 수가 없어", "좋은 건 아니야"
        following = [x for x in items[i + 1 : i + 4] if x.key not in _STRONG_NEG and x.tag != "NR"]
        nxt = following[0].key if following else ""
        if it.tag.startswith("N") and nxt == "없다":
            return True, True
        if it.tag.startswith("V") and it.pos + 1 < len(ms) and ms[it.pos + 1].tag == "ETM":
            tail = [x.key for x in items[i + 1 : i + 4] if x.key not in _STRONG_NEG and x.tag != "NR"]
            if len(tail) >= 2 and tail[0] in ("일", "수", "것", "거", "때", "적") and tail[1] == "없다":
                return True, True
        if nxt in ("것", "거") and i + 2 < len(items) and items[i + 2].key == "아니다":
            return True, strong
        return False, strong

    @staticmethod
    def _grammar_hits(ms: Sequence[Morph], items: list[_Item]) -> list[_Hit]:
        """Endings that carry the feeling: -ㄹ까 봐 (worry), -ㄹ지 / -ㄹ까 말까 (deliberation)."""
        hits: list[_Hit] = []
        at_of_pos = {it.pos: n for n, it in enumerate(items)}
        for p, m in enumerate(ms):
            if m.tag not in ("EC", "EF"):
                continue
            nxt = ms[p + 1] if p + 1 < len(ms) else None
            at = at_of_pos.get(p - 1, 0)
            if m.form in ("ᆯ까", "을까", "ᆯ까요", "을까요"):
                if nxt is not None and nxt.lemma == "보다" and nxt.tag == "VX":
                    hits.append(_Hit(at, {WORRY_LABEL: 1.1}))
                else:
                    hits.append(_Hit(at, {DELIBERATE_LABEL: 0.6}))
                if nxt is not None and nxt.lemma == "말다":
                    hits.append(_Hit(at, {DELIBERATE_LABEL: 0.9}))
            elif m.form in ("ᆯ지", "을지", "는지", "ᆫ지", "은지"):
                hits.append(_Hit(at, {DELIBERATE_LABEL: 0.6}))
                if nxt is not None and nxt.lemma == "말다":
                    hits.append(_Hit(at, {DELIBERATE_LABEL: 0.9}))
            elif m.form == "나" and m.tag == "EC" and p > 0 and ms[p - 1].lemma == "하다" and ms[p - 1].tag == "VX":
                hits.append(_Hit(at, {DELIBERATE_LABEL: 0.5}))  # "연락해야 하나"
        return hits

    @staticmethod
    def _last_contrast(ms: Sequence[Morph], items: list[_Item]) -> int:
        """Index (in items) after which the feeling counts in full; 0 = no contrast."""
        last = 0
        at_of_pos = {it.pos: n for n, it in enumerate(items)}
        for p, m in enumerate(ms):
            if (m.tag == "EC" and m.form in _CONTRAST_EC) or (m.form in _CONTRAST_WORDS and m.tag in ("MAJ", "MAG", "IC")):
                later = [n for q, n in at_of_pos.items() if q > p]
                last = min(later) if later else last
        return last

    def _emotion(self, raw: dict[str, float]) -> Emotion:
        top = max(raw.values())
        exps = {k: math.exp(self.beta * (v - top)) for k, v in raw.items()}
        total = sum(exps.values())
        scores = {k: exps[k] / total for k in EMOTION_LABELS}
        # argmax over raw keeps ties deterministic: the label order of EMOTION_LABELS
        label = max(EMOTION_LABELS, key=lambda k: (raw[k], -EMOTION_LABELS.index(k)))
        return Emotion(label=label, scores=scores)
