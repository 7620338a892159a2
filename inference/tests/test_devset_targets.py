"""The offline emotion and crisis backends against the project's labelled dev sets.

`bench/offline_quality.py` prints the figures; these tests fail when one drops below target:
emotion group accuracy >= 85 %, 11-way accuracy >= 60 %; crisis recall 100 %, false
positives <= 5 %. The `*_holdout.tsv` sets were written later, without looking at the
backends' output on them, to show how the rules carry over to new phrasings; they are held
to the same targets.
"""

from __future__ import annotations

import pytest

from inference.labels import EMOTION_LABELS
from inference.quality import CRISIS_SETS, EMOTION_SETS, crisis_figures, emotion_figures, read_tsv

GROUP_TARGET = 0.85
LABEL_TARGET = 0.60
RECALL_TARGET = 1.0
FP_TARGET = 0.05


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
    assert f.group_acc >= GROUP_TARGET, f"{name}: {f}"
    assert f.label_acc >= LABEL_TARGET, f"{name}: {f}"


@pytest.mark.parametrize("with_emotion", [False, True], ids=["emotion=None", "emotion=lexicon"])
@pytest.mark.parametrize("name", CRISIS_SETS)
def test_crisis_recall_and_false_positives_meet_the_targets(name: str, with_emotion: bool) -> None:
    f = crisis_figures(name, with_emotion)
    assert f.recall >= RECALL_TARGET, f"missed: {f.misses}"
    assert f.fp_rate <= FP_TARGET, f"false alarms: {f.false_alarms}"
