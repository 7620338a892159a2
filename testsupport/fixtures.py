"""Tiny models built once per test process, and pytest fixtures that hand out their paths.

Use as a plugin (root conftest: `pytest_plugins = ["testsupport.fixtures"]`), or call
`tiny_model_path(name)` from your own session fixture: the cache is per process, so two
fixture definitions of the same model still build it once.

Names: tokenizer, causal_lm, lora_a, lora_b, classifier, classifier_wrong_labels, bart
(random: mangles everything), bart_fixed (always answers BART_FIXED_OUTPUT),
sentence_embedder, sentence_embedder_b (a second embedder of another dimension).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from . import tiny_models as tm

_lock = threading.Lock()
_root: Path | None = None
_built: dict[str, Path] = {}

WRONG_LABELS: tuple[str, ...] = ("positive", "negative", "neutral")
# What the "bart_fixed" converter says, whatever it is given (see build_tiny_bart).
BART_FIXED_OUTPUT = "요즘 회사 일 때문에 너무 힘들구려."


def _cache_root() -> Path:
    global _root
    if _root is None:
        _root = Path(tempfile.mkdtemp(prefix="mentos-tiny-models-"))
        atexit.register(shutil.rmtree, _root, True)
    return _root


def _builders() -> dict[str, Callable[[Path], Path]]:
    return {
        "tokenizer": lambda d: (tm.train_tokenizer(d), d)[1],
        "causal_lm": tm.build_tiny_causal_lm,
        "lora_a": lambda d: tm.build_tiny_lora_adapter(tiny_model_path("causal_lm"), d, seed=1),
        "lora_b": lambda d: tm.build_tiny_lora_adapter(tiny_model_path("causal_lm"), d, seed=2),
        "classifier": tm.build_tiny_classifier,
        "classifier_wrong_labels": lambda d: tm.build_tiny_classifier(d, labels=WRONG_LABELS),
        "bart": tm.build_tiny_bart,
        "bart_fixed": lambda d: tm.build_tiny_bart(d, fixed_output=BART_FIXED_OUTPUT),
        "sentence_embedder": tm.build_tiny_sentence_embedder,
        "sentence_embedder_b": lambda d: tm.build_tiny_sentence_embedder(d, seed=7, dim=48),
    }


def tiny_model_path(name: str) -> Path:
    """The directory of tiny model `name`, built on first request in this process."""
    with _lock:
        path = _built.get(name)
        if path is not None:
            return path
    builders = _builders()
    if name not in builders:
        raise KeyError(f"unknown tiny model {name!r}; known: {sorted(builders)}")
    target = _cache_root() / name
    # Built outside the lock: a LoRA build asks for its base, which takes the lock again.
    path = Path(builders[name](target))
    with _lock:
        _built.setdefault(name, path)
        return _built[name]


@pytest.fixture(scope="session")
def tiny_tokenizer_dir() -> Path:
    return tiny_model_path("tokenizer")


@pytest.fixture(scope="session")
def tiny_causal_lm_dir() -> Path:
    return tiny_model_path("causal_lm")


@pytest.fixture(scope="session")
def tiny_lora_adapter_dirs() -> tuple[Path, Path]:
    """Two different adapters on `tiny_causal_lm_dir`."""
    return tiny_model_path("lora_a"), tiny_model_path("lora_b")


@pytest.fixture(scope="session")
def tiny_classifier_dir() -> Path:
    """11 labels, id2label = inference.labels.EMOTION_LABELS."""
    return tiny_model_path("classifier")


@pytest.fixture(scope="session")
def tiny_wrong_label_classifier_dir() -> Path:
    return tiny_model_path("classifier_wrong_labels")


@pytest.fixture(scope="session")
def tiny_bart_dir() -> Path:
    return tiny_model_path("bart")


@pytest.fixture(scope="session")
def tiny_fixed_bart_dir() -> Path:
    """A BART whose greedy output is always BART_FIXED_OUTPUT."""
    return tiny_model_path("bart_fixed")


@pytest.fixture(scope="session")
def tiny_sentence_embedder_dir() -> Path:
    return tiny_model_path("sentence_embedder")
