"""Masking what identifies a person in counselling text before it leaves the service.

Phone numbers and e-mail addresses by pattern; the user's own name and login id literally;
other people's names by kiwipiepy morphemes: a proper noun (NNP) that is addressed (민수야),
titled (김민수 씨, 지훈 님), or the person a particle points at (영희한테, 서연이가 with the
hypocoristic -이), plus any surname + given-name proper noun. Over-masking a place name now
and then is the price of not leaking a person's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NAME, PHONE, EMAIL = "[이름]", "[전화번호]", "[이메일]"

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_PHONE = re.compile(
    r"(?<!\d)(?:\+?82[-.\s]?)?\(?0?(?:1[016789]|2|[3-6][1-5]|70)\)?[-.\s]?\d{3,4}[-.\s]?\d{4}(?!\d)"
)
SURNAMES = set(
    "김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부"
)
TITLES = {"씨", "님", "군", "양", "선생님", "선생", "선배", "후배", "언니", "오빠", "누나", "형", "씨가", "씨는"}
PERSON_PARTICLES = {"한테", "에게", "께", "랑", "이랑", "하고", "한테서", "에게서"}
_HANGUL_NAME = re.compile(r"^[가-힣]{2,4}$")


def _literal_names(names: Iterable[str]) -> list[str]:
    out: set[str] = set()
    for raw in names:
        name = (raw or "").strip()
        if len(name) < 2:
            continue
        out.add(name)
        # "김민수" is also called "민수"
        if _HANGUL_NAME.match(name) and len(name) == 3 and name[0] in SURNAMES:
            out.add(name[1:])
    return sorted(out, key=len, reverse=True)


def _name_spans(text: str) -> list[tuple[int, int]]:
    from inference.morph import tokenize

    tokens = list(tokenize(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.tag != "NNP":
            i += 1
            continue
        # a run of proper nouns: 박 + 지훈
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].tag == "NNP" and tokens[j + 1].start == tokens[j].start + tokens[j].len:
            j += 1
        start, end = tok.start, tokens[j].start + tokens[j].len
        surface = text[start:end]
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        person = (
            (nxt is not None and (nxt.tag == "JKV" or nxt.form in TITLES or nxt.form in PERSON_PARTICLES))
            or j > i
            or (_HANGUL_NAME.match(surface) is not None and len(surface) == 3
                and (surface[0] in SURNAMES or surface.endswith("이")))
        )
        if person:
            spans.append((start, end))
        i = j + 1
    return spans


def anonymize(text: str, names: Iterable[str] = ()) -> str:
    """`text` with e-mails, phone numbers, `names` (the user's own) and people's names masked."""
    if not text:
        return text
    out = _EMAIL.sub(EMAIL, text)
    out = _PHONE.sub(PHONE, out)
    for name in _literal_names(names):
        out = out.replace(name, NAME)
    spans = _name_spans(out)
    for start, end in sorted(spans, reverse=True):
        if out[start:end] != NAME and NAME not in out[start:end]:
            out = out[:start] + NAME + out[end:]
    return out
