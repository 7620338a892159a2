"""The crisis rules on the second blind set, written independently of the rules.

`devsets/crisis_blind2.tsv` (126 positives, 125 negatives) was written by someone who had not
seen the rules after the first blind set had been used. On first contact the rules scored
recall 81.7 % / false positives 4.0 % with emotion=None, and 81.0 % / 4.0 % with the lexicon
emotion. The misses and false alarms were read as classes and fixed by structure (helper B4:
not existing tomorrow, a journey with no return, a departure got ready, traces erased, letters
typed one by one or backwards, an accident wished on oneself, cutting urges and wounds made
"again", an overdose taken, joining the dead, "it will all end soon, don't worry", the self let
go of; own goals and game pieces, a recovery told with gratitude, a last message before bed
and a film scene as exclusions), then checked first try on fresh batches of our own (see
test_crisis_generalisation.py, batches B23-B26).

The set has now been used to fix the rules, so it is no longer blind: these floors only guard
against regressions. Run with `-s` to see the figures.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from inference.backends.crisis_rules import RuleCrisisBackend
from inference.backends.emotion_lexicon import LexiconEmotionBackend

BLIND = Path(__file__).resolve().parent.parent / "devsets" / "crisis_blind2.tsv"
RECALL_FLOOR = 0.99
FP_CEILING = 0.01


def _rows() -> list[dict[str, str]]:
    with open(BLIND, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("with_emotion", [False, True], ids=["emotion=None", "emotion=lexicon"])
def test_the_second_blind_set_keeps_its_recall_and_false_positive_figures(with_emotion: bool) -> None:
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
    print(f"\ncrisis_blind2.tsv ({'with' if with_emotion else 'without'} emotion): {positives} positives, "
          f"{negatives} negatives, recall {recall:.1%}, false positives {fp:.1%}")
    assert positives == 126 and negatives == 125
    assert recall >= RECALL_FLOOR, f"missed: {misses}"
    assert fp <= FP_CEILING, f"false alarms: {false_alarms}"
