"""Korean morphology for the offline backends: one shared kiwipiepy `Kiwi` per process.

Building a `Kiwi` takes about a second and ~100 MB, so every backend (emotion, crisis,
style, generate) shares the one built lazily by `get_kiwi()` on first use, never at import.
Django-free.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # kiwipiepy is imported only when the first analysis needs it
    from kiwipiepy import Kiwi
    from kiwipiepy._wrap import Token

_kiwi: Kiwi | None = None
_build_lock = threading.Lock()
# kiwipiepy holds the GIL while it analyses, so serialising calls costs nothing, and it
# keeps us safe should a future version mutate shared state during analysis.
_analyse_lock = threading.RLock()


class Morph(NamedTuple):
    """A morpheme, detached from kiwipiepy: cheap to cache and to compare."""

    form: str  # surface form as analysed: "행복", "하", "었"
    tag: str  # Sejong tag, irregular suffix stripped: "VV" for "VV-I"
    lemma: str  # dictionary form for predicates ("좋다", "긋다"), else the form
    start: int  # character offsets in the analysed text
    end: int


def get_kiwi() -> Kiwi:
    """The process-wide `Kiwi`, built on first call (thread-safe)."""
    global _kiwi
    if _kiwi is None:
        with _build_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
    return _kiwi


def tokenize(text: str) -> list[Token]:
    """kiwipiepy tokens of `text` (best analysis)."""
    kiwi = get_kiwi()
    with _analyse_lock:
        return kiwi.tokenize(text)


def tokenize_many(texts: Sequence[str]) -> list[list[Token]]:
    """kiwipiepy tokens of each text, in order."""
    kiwi = get_kiwi()
    with _analyse_lock:
        return [kiwi.tokenize(t) for t in texts]


def _to_morph(token: Token) -> Morph:
    tag = token.tag.split("-", 1)[0]  # "VV-I"/"VA-R" irregular marks are noise for lookups
    lemma = getattr(token, "lemma", "") or token.form
    return Morph(token.form, tag, lemma, token.start, token.start + token.len)


@lru_cache(maxsize=4096)
def morphs(text: str) -> tuple[Morph, ...]:
    """Detached, cached morphemes of `text` (repeated messages cost one dict lookup)."""
    return tuple(_to_morph(t) for t in tokenize(text))


def lemmas(text: str) -> list[str]:
    """Lemmas of the content morphemes: predicates as "좋다", nouns/adverbs as is."""
    return [m.lemma for m in morphs(text) if m.tag[:1] in ("N", "V", "M", "X") or m.tag in ("IC", "SL")]


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` as kiwipiepy splits them (keeps the final punctuation)."""
    if not text.strip():
        return []
    kiwi = get_kiwi()
    with _analyse_lock:
        return [s.text for s in kiwi.split_into_sents(text)]


def join(tokens: Iterable[Token | tuple[str, str]]) -> str:
    """Rebuild text from (form, tag) pairs or tokens, conjugating as Korean does."""
    kiwi = get_kiwi()
    with _analyse_lock:
        return kiwi.join(list(tokens))
