"""inference.morph: one lazily built, shared Kiwi and the small helpers around it."""

from __future__ import annotations

import threading
import time

import kiwipiepy
import pytest

from inference import morph


def test_it_gives_lemmas_so_every_conjugation_meets_one_entry() -> None:
    for text in ("행복했어", "행복하다", "행복해요"):
        assert morph.morphs(text)[0].form == "행복"
    assert [m.lemma for m in morph.morphs("안 좋아") if m.tag == "VA"] == ["좋다"]
    assert [m.tag for m in morph.morphs("손목을 그었어") if m.lemma == "긋다"] == ["VV"]  # "VV-I" stripped


def test_tokenize_returns_kiwipiepy_tokens() -> None:
    tokens = morph.tokenize("오늘 좀 힘들었어요")
    assert tokens and all(hasattr(t, "form") and hasattr(t, "tag") for t in tokens)


def test_split_sentences_and_join_round_trip() -> None:
    assert morph.split_sentences("오늘 좀 힘들었어요. 근데 괜찮아요! 고마워") == [
        "오늘 좀 힘들었어요.", "근데 괜찮아요!", "고마워",
    ]
    assert morph.split_sentences("   ") == []
    assert morph.join([("좋", "VA"), ("어요", "EF")]) == "좋아요"
    assert morph.join(morph.tokenize("행복했어")) == "행복했어"


def test_get_kiwi_is_one_instance_for_the_whole_process() -> None:
    assert morph.get_kiwi() is morph.get_kiwi()


def test_get_kiwi_builds_only_once_when_threads_race(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []

    class SlowKiwi:
        def __init__(self) -> None:
            time.sleep(0.05)  # widen the race window
            built.append(self)

    monkeypatch.setattr(morph, "_kiwi", None)
    monkeypatch.setattr(kiwipiepy, "Kiwi", SlowKiwi)
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(morph.get_kiwi())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 1
    assert all(k is built[0] for k in got)


def test_module_is_django_free_and_lazy() -> None:
    import sys

    source = open(morph.__file__, encoding="utf-8").read()
    assert "django" not in source
    assert "inference.morph" in sys.modules
