"""Figures of the offline emotion and crisis backends on the labelled sets in `devsets/`.

Shared by the tests that hold the backends to their targets and by
`bench/offline_quality.py`, which prints the figures.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path

DEVSETS = Path(__file__).resolve().parent / "devsets"
EMOTION_SETS = ("emotion_dev.tsv", "emotion_holdout.tsv")
CRISIS_SETS = ("crisis_dev.tsv", "crisis_holdout.tsv")
BLIND_SETS = ("crisis_blind1.tsv", "crisis_blind2.tsv", "crisis_blind3.tsv")


def read_tsv(name: str) -> list[dict[str, str]]:
    with open(DEVSETS / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass
class EmotionFigures:
    n: int
    label_acc: float
    group_acc: float
    ms_per_sentence: float

    def __str__(self) -> str:
        return (f"n={self.n} group accuracy {self.group_acc:.1%} 11-way accuracy {self.label_acc:.1%} "
                f"{self.ms_per_sentence:.2f} ms/sentence")


@dataclass
class CrisisFigures:
    positives: int
    negatives: int
    recall: float
    fp_rate: float
    misses: list[str]
    false_alarms: list[str]

    def __str__(self) -> str:
        return (f"{self.positives} positives, {self.negatives} negatives, recall {self.recall:.1%}, "
                f"false positives {self.fp_rate:.1%}")


def emotion_figures(name: str) -> EmotionFigures:
    from .backends.emotion_lexicon import LexiconEmotionBackend
    from .labels import group_of

    rows = read_tsv(name)
    backend = LexiconEmotionBackend()
    backend.classify(["준비"])  # build Kiwi outside the timing
    start = time.perf_counter()
    preds = backend.classify([r["text"] for r in rows])
    elapsed = time.perf_counter() - start
    label_ok = sum(p.label == r["label"] for p, r in zip(preds, rows, strict=True))
    group_ok = sum(group_of(p.label) == group_of(r["label"]) for p, r in zip(preds, rows, strict=True))
    return EmotionFigures(len(rows), label_ok / len(rows), group_ok / len(rows), elapsed * 1000 / len(rows))


def crisis_figures(name: str, with_emotion: bool) -> CrisisFigures:
    from .backends.crisis_rules import RuleCrisisBackend
    from .backends.emotion_lexicon import LexiconEmotionBackend

    rows = read_tsv(name)
    crisis, emotions = RuleCrisisBackend(), LexiconEmotionBackend()
    misses, false_alarms = [], []
    for row in rows:
        emo = emotions.classify([row["text"]])[0] if with_emotion else None
        fired = crisis.check(row["text"], emo).is_crisis
        if row["label"] == "1" and not fired:
            misses.append(row["text"])
        if row["label"] == "0" and fired:
            false_alarms.append(row["text"])
    pos = sum(r["label"] == "1" for r in rows)
    neg = len(rows) - pos
    return CrisisFigures(pos, neg, 1 - len(misses) / pos, len(false_alarms) / neg, misses, false_alarms)
