"""Cut a stream of text pieces into sentences, as soon as each one is complete.

The generator yields arbitrary pieces (tokens, words, half-words); the stylizer wants whole
sentences. A sentence ends at `. ? ! … 。` (plus any closing quotes, brackets or emoticons
that follow) once the next character shows it really ends — so `3.5`, `naver.com` and
`e.g.` never split — at a newline, or, for unpunctuated chat, after a sentence-final Korean
ending (`…어요`, `…습니다`, `…었다`) followed by whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

TERMINATORS = frozenset(".?!…。？！")
# Word-final endings that close a sentence even without punctuation. Kept narrow on purpose:
# `필요 없어요`, `중요 하다`, `다 같이`, `할까 봐` must not split, so `요` needs a verbal
# syllable before it and `다` a past/existential stem.
_ENDING_RE = re.compile(
    r"(?:[어아여해에예세네군죠지나까래걸데게구줘봐워와셔뇨든니랴]요|니다|"
    r"[었았였했겠있없싶좋같됐갔왔봤줬컸셨]다|[한된간는]다)$"
)
_ABBREVIATION_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # e.g. i.e. a.m.
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "vs", "no"})
_SOFT_LIMIT = 300  # seq2seq converters take short inputs: cut an endless run at a space


def _is_formal_question(buf: str, i: int) -> bool:
    """`합니까 ` / `있습니까 ` close a sentence; a connective `떠니까 ` does not: only -니까
    after a syllable ending in ㅂ (the 하십시오체 question) counts."""
    if i < 3 or buf[i - 2:i] != "니까":
        return False
    code = ord(buf[i - 3]) - 0xAC00
    return 0 <= code < 11172 and code % 28 == 17  # final consonant ㅂ


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class SentenceSplitter:
    """Feed pieces, get back the sentences they complete; `flush()` returns the rest."""

    def __init__(self, soft_limit: int = _SOFT_LIMIT) -> None:
        self._buf = ""
        self._pos = 0  # everything before this index has been scanned and holds no cut
        self._soft_limit = soft_limit

    def feed(self, piece: str) -> list[str]:
        if not piece:
            return []
        self._buf += piece
        return self._drain(final=False)

    def flush(self) -> list[str]:
        out = self._drain(final=True)
        rest = self._buf.strip()
        self._buf, self._pos = "", 0
        if rest:
            out.append(rest)
        return out

    def _drain(self, *, final: bool) -> list[str]:
        out: list[str] = []
        while True:
            cut = self._find_cut(final=final)
            if cut is None:
                break
            end, resume = cut
            sentence = self._buf[:end].strip()
            self._buf = self._buf[resume:]
            self._pos = 0
            if sentence:
                out.append(sentence)
        return out

    def _find_cut(self, *, final: bool) -> tuple[int, int] | None:
        """(end of the sentence, start of the rest) or None when no cut is known yet."""
        buf, n = self._buf, len(self._buf)
        i = self._pos
        while i < n:
            ch = buf[i]
            if ch == "\n":
                return i, i + 1
            if ch in TERMINATORS:
                j = i + 1
                # Closers ride with the sentence: more terminators, quotes, brackets, ^^, emoji.
                while j < n and not buf[j].isspace() and not buf[j].isalnum():
                    j += 1
                if j == n:
                    if final:
                        return n, n
                    self._pos = i  # decide when the next piece shows what follows
                    return None
                nxt = buf[j]
                if nxt.isspace():
                    if not (self._is_list_marker(buf[:j]) or self._is_abbreviation(buf, i, j)):
                        return j, j
                elif not (set(buf[i:j]) <= {"."} and _is_ascii_alnum(nxt)):
                    return j, j  # `끝났어요.그리고`, `정말?네` — but not 3.5 / naver.com
                i = j
                continue
            if ch.isspace() and (_ENDING_RE.search(buf, max(0, i - 3), i) or _is_formal_question(buf, i)):
                return i, i
            if ch.isspace() and i >= self._soft_limit:
                return i, i
            i += 1
        self._pos = n
        return None

    @staticmethod
    def _is_abbreviation(buf: str, i: int, j: int) -> bool:
        if buf[i:j] != ".":
            return False
        start = i
        while start > 0 and not buf[start - 1].isspace():
            start -= 1
        token = buf[start:i]
        return bool(_ABBREVIATION_RE.fullmatch(token)) or token.lower() in _ABBREVIATIONS

    @staticmethod
    def _is_list_marker(text: str) -> bool:
        # `1. 먼저` — a numbered list marker is not a sentence of its own.
        last = text.rsplit(None, 1)[-1] if text.strip() else ""
        return bool(last) and last.rstrip(".").isdigit() and len(text.strip()) == len(last)


def iter_sentences(pieces: Iterable[str]) -> Iterator[str]:
    """Sentences of a stream of pieces, each yielded as soon as it is complete."""
    splitter = SentenceSplitter()
    for piece in pieces:
        yield from splitter.feed(piece)
    yield from splitter.flush()


def split_sentences(text: str) -> list[str]:
    return list(iter_sentences([text]))
