"""The crisis rules on the first blind set, written independently of the rules.

`devsets/crisis_blind1.tsv` (145 positives, 135 negatives) was written by someone who had not
seen the rules. On first contact the rules scored recall 85.5 % / false positives 10.4 % with
emotion=None, and 82.8 % / 9.6 % with the lexicon emotion. The misses and false alarms were
fixed by structure (spaced letters and jamo abbreviations normalised, a past attempt with an
urge now, sturdy rope and insurance as preparations, goodbyes that presume the speaker gone,
euphemisms of going forever; idiom pairs, games, bare-noun subjects, vanishing from a place,
reported words of someone else and recoveries without a past frame as exclusions), then
checked on three fresh batches of our own (see test_crisis_generalisation.py).

Since the blind set has now been used to fix the rules it is no longer blind: these floors only
guard against regressions. Run with `-s` to see the figures.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from inference.backends.crisis_rules import RuleCrisisBackend
from inference.backends.emotion_lexicon import LexiconEmotionBackend

BLIND = Path(__file__).resolve().parent.parent / "devsets" / "crisis_blind1.tsv"
RECALL_FLOOR = 0.98
FP_CEILING = 0.03


def _rows() -> list[dict[str, str]]:
    with open(BLIND, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("with_emotion", [False, True], ids=["emotion=None", "emotion=lexicon"])
def test_the_first_blind_set_keeps_its_recall_and_false_positive_figures(with_emotion: bool) -> None:
    rows = _rows()
    crisis, emotions = RuleCrisisBackend(), LexiconEmotionBackend()
    misses, false_alarms = [], []
    for row in rows:
        emotion = emotions.classify([row["text"]])[0] if with_emotion else None
        fired = crisis.check(row["text"], emotion).is_crisis
        if row["label"] == "1" and not fired:
            misses.append(row["text"])
        if row["label"] == "0" and fired:
            false_alarms.append(row["text"])
    positives = sum(r["label"] == "1" for r in rows)
    negatives = len(rows) - positives
    recall, fp = 1 - len(misses) / positives, len(false_alarms) / negatives
    print(f"\ncrisis_blind1.tsv ({'with' if with_emotion else 'without'} emotion): {positives} positives, "
          f"{negatives} negatives, recall {recall:.1%}, false positives {fp:.1%}")
    assert positives == 145 and negatives == 135
    assert recall >= RECALL_FLOOR, f"missed: {misses}"
    assert fp <= FP_CEILING, f"false alarms: {false_alarms}"
