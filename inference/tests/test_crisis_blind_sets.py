"""The crisis rules on three blind sets, each written by someone who had not seen the rules.

| set | first contact (recall / false positives) | after fixing | floors here |
|---|---|---|---|
| crisis_blind1.tsv (145 / 135) | 82.8 % / 9.6 % | 100 % / 0 % | regression guard |
| crisis_blind2.tsv (126 / 125) | 81.0 % / 4.0 % | 100 % / 0 % | regression guard |
| crisis_blind3.tsv (110 / 117) | 67.3 % / 9.4 % | never tuned on | the honest figure |

Sets 1 and 2 were used to fix the rules by structure (see test_crisis_generalisation.py for
the batch history), so they only guard against regressions now. Set 3 has NOT been used
for tuning: its figures are what the offline rules do on phrasings they have never seen —
about two thirds of risky messages. Keep it untouched (measure on it, do not fix against
it) until a fourth blind set exists. `bench/offline_quality.py` prints the figures.
"""

from __future__ import annotations

import pytest

from inference.quality import crisis_figures

# name: (positives, negatives, recall floor, false-positive ceiling)
BLIND_SETS = {
    "crisis_blind1.tsv": (145, 135, 0.98, 0.03),
    "crisis_blind2.tsv": (126, 125, 0.99, 0.01),
    "crisis_blind3.tsv": (110, 117, 0.67, 0.10),
}


@pytest.mark.parametrize("with_emotion", [False, True], ids=["emotion=None", "emotion=lexicon"])
@pytest.mark.parametrize("name", list(BLIND_SETS))
def test_each_blind_set_keeps_its_recall_and_false_positive_figures(name: str, with_emotion: bool) -> None:
    positives, negatives, recall_floor, fp_ceiling = BLIND_SETS[name]
    f = crisis_figures(name, with_emotion)
    assert (f.positives, f.negatives) == (positives, negatives)
    assert f.recall >= recall_floor, f"{name}: {f}; missed: {f.misses}"
    assert f.fp_rate <= fp_ceiling, f"{name}: {f}; false alarms: {f.false_alarms}"
