"""Emotion — transformers text classification (KcELECTRA by default).

The model's `id2label` must map one-to-one onto the 11 labels of `inference.labels`;
a model that does not is refused when it loads, because stored emotion history must stay
comparable across backends. Loaded lazily, once per process; torch is imported on load.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import BackendConfigError
from ..labels import EMOTION_LABELS
from ..types import Emotion
from .hf_common import check_model_name, load_error, placement, reraise

STAGE = "emotion"
DEFAULT_MODEL = "nlp04/korean_sentiment_analysis_kcelectra"


def _norm(label: str) -> str:
    return "".join(unicodedata.normalize("NFC", str(label)).split())


def map_labels(id2label: Mapping[Any, str]) -> list[str]:
    """Our label for each class id of the model, in id order, or BackendConfigError.

    A model label matches ours exactly (ignoring spaces) or by the part before the
    parenthesis ("기쁨" for "기쁨(행복한)"); every one of the 11 must be covered once.
    """
    exact = {_norm(lab): lab for lab in EMOTION_LABELS}
    short = {_norm(lab.split("(", 1)[0]): lab for lab in EMOTION_LABELS}
    ids = sorted(int(i) for i in id2label)
    mapped: list[str] = []
    unknown: list[str] = []
    for i in ids:
        raw = id2label.get(i, id2label.get(str(i)))  # type: ignore[call-overload]
        key = _norm(raw)
        ours = exact.get(key) or short.get(key) or short.get(key.split("(", 1)[0])
        if ours is None:
            unknown.append(str(raw))
        else:
            mapped.append(ours)
    if ids != list(range(len(ids))):
        raise BackendConfigError(STAGE, f"class ids must be 0..n-1, got {ids}")
    missing = [lab for lab in EMOTION_LABELS if lab not in mapped]
    duplicated = sorted({lab for lab in mapped if mapped.count(lab) > 1})
    if unknown or missing or duplicated:
        raise BackendConfigError(
            STAGE,
            "the model's labels do not map onto the 11 emotion labels"
            f" (unknown: {unknown}, missing: {missing}, duplicated: {duplicated});"
            " set id2label in its config.json to the labels of inference/labels.py",
        )
    return mapped


class TransformersEmotionBackend:
    """EmotionBackend over `AutoModelForSequenceClassification`.

    Options: emotion_model (default `nlp04/korean_sentiment_analysis_kcelectra`),
    emotion_batch_size (32), emotion_max_length (256).
    """

    def __init__(self, **options: Any) -> None:
        self.model_name = str(options.get("emotion_model") or DEFAULT_MODEL)
        self.batch_size = int(options.get("emotion_batch_size") or 32)
        self.max_length = int(options.get("emotion_max_length") or 256)
        self._lock = threading.Lock()
        self._loaded: tuple[Any, Any, list[str], Any] | None = None

    def load(self) -> None:
        """Load the model now (worker warm-up); refuses a model whose labels do not map."""
        self._get()

    def _get(self) -> tuple[Any, Any, list[str], Any]:
        if self._loaded is not None:
            return self._loaded
        with self._lock:
            if self._loaded is None:
                name = check_model_name(STAGE, self.model_name, "emotion model")
                from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

                try:
                    config = AutoConfig.from_pretrained(name)
                except Exception as exc:
                    raise load_error(STAGE, "emotion model", name, exc) from exc
                labels = map_labels(config.id2label)  # before spending time on the weights
                place = placement()
                try:
                    tokenizer = AutoTokenizer.from_pretrained(name)
                    model = AutoModelForSequenceClassification.from_pretrained(name, dtype=place.dtype)
                except Exception as exc:
                    raise load_error(STAGE, "emotion model", name, exc) from exc
                model.to(place.device).eval()
                self._loaded = (tokenizer, model, labels, place)
        return self._loaded

    def classify(self, texts: Sequence[str]) -> list[Emotion]:
        if not texts:
            return []
        tokenizer, model, labels, place = self._get()
        import torch

        out: list[Emotion] = []
        try:
            for start in range(0, len(texts), self.batch_size):
                batch = [t if t.strip() else "." for t in texts[start : start + self.batch_size]]
                enc = tokenizer(
                    batch, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt"
                ).to(place.device)
                if "token_type_ids" in enc and not _takes(model, "token_type_ids"):
                    del enc["token_type_ids"]
                with torch.inference_mode():
                    logits = model(**enc).logits.float()
                probs = torch.softmax(logits, dim=-1).cpu().tolist()
                for row in probs:
                    scores = dict.fromkeys(EMOTION_LABELS, 0.0)
                    for i, p in enumerate(row):
                        scores[labels[i]] += float(p)
                    best = max(EMOTION_LABELS, key=lambda lab: scores[lab])
                    out.append(Emotion(label=best, scores=scores))
        except Exception as exc:
            reraise(STAGE, exc)
        return out


def _takes(model: Any, arg: str) -> bool:
    import inspect

    return arg in inspect.signature(model.forward).parameters
