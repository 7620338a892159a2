"""The seq2seq style backend on tiny BARTs: batched conversion, rules for lost sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import testsupport  # noqa: F401  (offline hub before transformers loads)
from inference.backends.style_rules import RuleStyleBackend
from inference.backends.style_seq2seq import DEFAULT_MODEL, Seq2SeqStyleBackend, keeps_meaning
from inference.errors import BackendConfigError
from inference.types import CharacterStyle
from testsupport.fixtures import BART_FIXED_OUTPUT, tiny_model_path

pytestmark = pytest.mark.models

SEONBI = CharacterStyle(slug="seonbi", name="선비", style_token="선비", character_model=DEFAULT_MODEL)
SENTENCES = ["요즘 회사 일 때문에 너무 힘들어요.", "오늘은 기분이 좋아서 산책을 했어요."]


def count_generate(backend: Seq2SeqStyleBackend, model_name: str, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Batch sizes of the model's generate calls."""
    _, model, _ = backend._get(model_name)
    calls: list[int] = []
    real = model.generate

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(int(kwargs["input_ids"].shape[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(model, "generate", spy)
    return calls


def test_kept_sentences_come_from_the_model_and_lost_ones_from_the_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = str(tiny_model_path("bart_fixed"))  # always answers BART_FIXED_OUTPUT
    backend = Seq2SeqStyleBackend(style_model=path)
    calls = count_generate(backend, path, monkeypatch)
    out = backend.stylize(SENTENCES, SEONBI)
    assert calls == [2]  # both sentences in one batch
    assert out[0] == BART_FIXED_OUTPUT  # keeps 회사, 일, 힘들다: the model's 말투 is used
    # The model's answer for the second sentence has none of its words: rules take over.
    assert out[1] == RuleStyleBackend().stylize([SENTENCES[1]], SEONBI)[0]
    assert backend.fallbacks == 1


def test_a_converter_that_mangles_everything_falls_back_sentence_by_sentence() -> None:
    backend = Seq2SeqStyleBackend(style_model=str(tiny_model_path("bart")))  # random weights
    raw = backend.convert(SENTENCES, SEONBI, backend.model_for(SEONBI))
    assert all(not keeps_meaning(s, r) for s, r in zip(SENTENCES, raw, strict=True))
    assert backend.stylize(SENTENCES, SEONBI) == RuleStyleBackend().stylize(SENTENCES, SEONBI)


def test_the_characters_own_model_is_used_as_named(monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(tiny_model_path("bart_fixed"))
    backend = Seq2SeqStyleBackend(style_model="/not/used")
    own = CharacterStyle(slug="halbae", style_token="할아버지", character_model=path)
    calls = count_generate(backend, path, monkeypatch)
    assert backend.stylize(SENTENCES[:1], own) == [BART_FIXED_OUTPUT]
    assert calls == [1]


def test_a_character_without_a_model_gets_the_rules_and_loads_nothing() -> None:
    backend = Seq2SeqStyleBackend(style_model=str(tiny_model_path("bart")))
    expert = CharacterStyle(slug="expert", character_model="")
    assert backend.stylize(SENTENCES, expert) == RuleStyleBackend().stylize(SENTENCES, expert)
    assert backend._models == {}


def test_a_missing_converter_is_a_config_error(tmp_path: Path) -> None:
    backend = Seq2SeqStyleBackend(style_model=str(tmp_path / "no-bart"))
    with pytest.raises(BackendConfigError, match="style model not found"):
        backend.stylize(SENTENCES, SEONBI)


def test_meaning_is_judged_by_content_words_not_endings() -> None:
    source = "요즘 회사 일 때문에 너무 힘들어요."
    assert keeps_meaning(source, "요즘 회사 일 때문에 너무 힘들구려.")
    assert not keeps_meaning(source, "")
    assert not keeps_meaning(source, "오늘은 날씨가 맑소.")
    assert not keeps_meaning(source, source * 10)  # a converter stuck in a loop
    assert keeps_meaning("네.", "그렇소.")  # nothing to lose
