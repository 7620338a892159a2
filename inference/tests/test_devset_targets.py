"""The offline emotion and crisis backends against the project's labelled dev sets.

Prints the figures (run with `-s` to see them) and fails when one drops below target:
emotion group accuracy >= 85 %, 11-way accuracy >= 60 %; crisis recall 100 %, false
positives <= 5 %. The `*_holdout.tsv` sets were written later, without looking at the
backends' output on them, to show how the rules carry over to new phrasings; they are held
to the same targets.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from inference.backends.crisis_rules import RuleCrisisBackend
from inference.backends.emotion_lexicon import LexiconEmotionBackend
from inference.labels import EMOTION_LABELS, group_of

DEVSETS = Path(__file__).resolve().parent.parent / "devsets"
EMOTION_SETS = ("emotion_dev.tsv", "emotion_holdout.tsv")
CRISIS_SETS = ("crisis_dev.tsv", "crisis_holdout.tsv")

GROUP_TARGET = 0.85
LABEL_TARGET = 0.60
RECALL_TARGET = 1.0
FP_TARGET = 0.05


def read_tsv(name: str) -> list[dict[str, str]]:
    with open(DEVSETS / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass
class EmotionFigures:
    n: int
    label_acc: float
    group_acc: float
    ms_per_sentence: float


@dataclass
class CrisisFigures:
    positives: int
    negatives: int
    recall: float
    fp_rate: float
    misses: list[str]
    false_alarms: list[str]


def emotion_figures(name: str) -> EmotionFigures:
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


def test_the_dev_sets_are_big_enough_and_well_formed() -> None:
    emotion = read_tsv("emotion_dev.tsv")
    assert len(emotion) >= 200
    assert {r["label"] for r in emotion} == set(EMOTION_LABELS)
    crisis = read_tsv("crisis_dev.tsv")
    assert len(crisis) >= 120
    assert {r["label"] for r in crisis} == {"0", "1"}
    assert sum(r["label"] == "0" for r in crisis) >= 60  # many hard negatives
    for name in (*EMOTION_SETS, *CRISIS_SETS):
        rows = read_tsv(name)
        assert all(r["text"] and r["text"] == r["text"].strip() for r in rows), name
        assert len({r["text"] for r in rows}) == len(rows), f"duplicate sentence in {name}"


@pytest.mark.parametrize("name", EMOTION_SETS)
def test_emotion_accuracy_meets_the_targets(name: str) -> None:
    f = emotion_figures(name)
    print(f"\n{name}: n={f.n} group accuracy {f.group_acc:.1%} 11-way accuracy {f.label_acc:.1%} "
          f"{f.ms_per_sentence:.2f} ms/sentence")
    assert f.group_acc >= GROUP_TARGET
    assert f.label_acc >= LABEL_TARGET


@pytest.mark.parametrize("with_emotion", [False, True], ids=["emotion=None", "emotion=lexicon"])
@pytest.mark.parametrize("name", CRISIS_SETS)
def test_crisis_recall_and_false_positives_meet_the_targets(name: str, with_emotion: bool) -> None:
    f = crisis_figures(name, with_emotion)
    print(f"\n{name} ({'with' if with_emotion else 'without'} emotion): {f.positives} positives, "
          f"{f.negatives} negatives, recall {f.recall:.1%}, false positives {f.fp_rate:.1%}")
    assert f.recall >= RECALL_TARGET, f"missed: {f.misses}"
    assert f.fp_rate <= FP_TARGET, f"false alarms: {f.false_alarms}"
