"""The transformers emotion backend, driven through from_pretrained on tiny saved models."""

from __future__ import annotations

from pathlib import Path

import pytest

import testsupport  # noqa: F401  (offline hub before transformers loads)
from inference import registry
from inference.backends.emotion_hf import TransformersEmotionBackend, map_labels
from inference.errors import BackendConfigError
from inference.labels import EMOTION_LABELS
from testsupport.fixtures import tiny_model_path

pytestmark = pytest.mark.models

TEXTS = ["요즘 너무 힘들어요.", "오늘은 기분이 좋아요!", "시험이 걱정돼요.", "그냥 평범한 하루였어요.", "고마워요."]


@pytest.fixture(scope="module")
def classifier_dir() -> Path:
    return tiny_model_path("classifier")


def test_it_scores_all_eleven_labels_for_each_text(classifier_dir: Path) -> None:
    backend = TransformersEmotionBackend(emotion_model=str(classifier_dir))
    emotions = backend.classify(TEXTS)
    assert len(emotions) == len(TEXTS)
    for e in emotions:
        assert list(e.scores) == list(EMOTION_LABELS)
        assert sum(e.scores.values()) == pytest.approx(1.0, abs=1e-4)
        assert e.label == max(e.scores, key=lambda k: e.scores[k])
        assert e.group in {"positive", "neutral", "negative"}


def test_batches_give_the_same_scores_as_one_by_one(classifier_dir: Path) -> None:
    batched = TransformersEmotionBackend(emotion_model=str(classifier_dir), emotion_batch_size=2)
    single = [TransformersEmotionBackend(emotion_model=str(classifier_dir)).classify([t])[0] for t in TEXTS[:3]]
    for one, many in zip(single, batched.classify(TEXTS[:3]), strict=True):
        assert one.label == many.label
        for label in EMOTION_LABELS:
            assert one.scores[label] == pytest.approx(many.scores[label], abs=1e-4)


def test_the_registry_builds_it_from_settings_style_options(classifier_dir: Path) -> None:
    registry.reset()
    try:
        backend = registry.get_backend(
            "emotion", "inference.backends.emotion_hf.TransformersEmotionBackend",
            {"emotion_model": str(classifier_dir), "llm_model": "unused"},
        )
        assert backend.classify(["안녕하세요"])[0].label in EMOTION_LABELS
    finally:
        registry.reset()


def test_a_model_whose_labels_do_not_map_is_refused_at_load() -> None:
    backend = TransformersEmotionBackend(emotion_model=str(tiny_model_path("classifier_wrong_labels")))
    with pytest.raises(BackendConfigError) as err:
        backend.load()
    assert "do not map onto the 11 emotion labels" in str(err.value)
    assert "positive" in str(err.value)
    assert err.value.retryable is False


def test_a_missing_model_folder_is_a_config_error() -> None:
    with pytest.raises(BackendConfigError, match="not found"):
        TransformersEmotionBackend(emotion_model="/nonexistent/kcelectra").classify(["안녕"])


def test_labels_map_by_their_short_names_and_generic_labels_do_not() -> None:
    short = {i: label.split("(")[0] for i, label in enumerate(EMOTION_LABELS)}
    assert map_labels(short) == list(EMOTION_LABELS)
    with pytest.raises(BackendConfigError):
        map_labels({i: f"LABEL_{i}" for i in range(11)})
    with pytest.raises(BackendConfigError, match="duplicated"):
        map_labels({**{i: label for i, label in enumerate(EMOTION_LABELS)}, 10: EMOTION_LABELS[0]})
