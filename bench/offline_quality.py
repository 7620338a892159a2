"""Prints the offline emotion and crisis figures on every labelled set in inference/devsets/.

    .venv/bin/python bench/offline_quality.py

Emotion: accuracy per dev set (targets: group >= 85 %, 11-way >= 60 %). Crisis: recall and
false positives per set, without and with the lexicon emotion (targets on the dev and holdout
sets: 100 % / <= 5 %; crisis_blind3.tsv was never used for tuning: its figure is the honest one).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inference.quality import BLIND_SETS, CRISIS_SETS, EMOTION_SETS, crisis_figures, emotion_figures


def main() -> None:
    for name in EMOTION_SETS:
        print(f"{name}: {emotion_figures(name)}")
    for name in (*CRISIS_SETS, *BLIND_SETS):
        for with_emotion in (False, True):
            label = "with" if with_emotion else "without"
            print(f"{name} ({label} emotion): {crisis_figures(name, with_emotion)}")


if __name__ == "__main__":
    main()
