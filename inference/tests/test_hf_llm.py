"""The transformers LLM backend on a tiny Llama, with and without LoRA adapters."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

import testsupport  # noqa: F401  (offline hub before transformers loads)
from inference.backends import llm_hf
from inference.backends.llm_hf import TransformersLLMBackend
from inference.errors import BackendConfigError
from inference.types import HistoryTurn, MemoryItem
from testsupport.fixtures import tiny_model_path
from testsupport.samples import request

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def base_dir() -> Path:
    return tiny_model_path("causal_lm")


@pytest.fixture(scope="module")
def adapters() -> tuple[Path, Path]:
    return tiny_model_path("lora_a"), tiny_model_path("lora_b")


def backend(base_dir: Path, **options: Any) -> TransformersLLMBackend:
    return TransformersLLMBackend(**{"llm_model": str(base_dir), "llm_max_new_tokens": 48, **options})


def test_pieces_stream_before_the_generation_ends(base_dir: Path) -> None:
    llm = backend(base_dir)
    arrivals: list[float] = []
    pieces: list[str] = []
    for piece in llm.generate(request(seed=3)):
        arrivals.append(time.perf_counter())
        pieces.append(piece)
    stats = llm.last_stats
    assert len(pieces) > 3 and "".join(pieces).strip()
    assert stats.finished > 0
    # The first pieces were in our hands while the generation thread was still working.
    assert arrivals[0] < stats.finished
    assert sum(t < stats.finished for t in arrivals) >= 2


def test_the_same_seed_gives_the_same_reply(base_dir: Path) -> None:
    llm = backend(base_dir)
    first = "".join(llm.generate(request(seed=5)))
    assert "".join(llm.generate(request(seed=5))) == first
    assert "".join(llm.generate(request(seed=6))) != first


def test_an_adapter_changes_the_reply_for_the_same_seed(base_dir: Path, adapters: tuple[Path, Path]) -> None:
    llm = backend(base_dir)
    plain = "".join(llm.generate(request(seed=3)))
    adapted = "".join(llm.generate(request(seed=3, adapter=str(adapters[0]))))
    assert adapted != plain
    # The default adapter (MENTOS_LLM_ADAPTER) applies when the character names none ...
    with_default = backend(base_dir, llm_adapter=str(adapters[0]))
    assert "".join(with_default.generate(request(seed=3))) == adapted
    # ... and the bare base is still there for characters without one.
    assert "".join(llm.generate(request(seed=3))) == plain


def test_two_adapters_on_one_base_load_the_base_once(
    base_dir: Path, adapters: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from transformers import AutoModelForCausalLM

    loads: list[str] = []
    real = AutoModelForCausalLM.from_pretrained.__func__  # type: ignore[attr-defined]

    def counting(cls: Any, name: Any, *args: Any, **kwargs: Any) -> Any:
        loads.append(str(name))
        return real(cls, name, *args, **kwargs)

    monkeypatch.setattr(AutoModelForCausalLM, "from_pretrained", classmethod(counting))
    llm_hf.clear_cache()
    expert = backend(base_dir)
    friend = backend(base_dir)  # another backend instance in the same process
    a = "".join(expert.generate(request(seed=3, adapter=str(adapters[0]))))
    b = "".join(friend.generate(request(seed=3, adapter=str(adapters[1]))))
    again = "".join(expert.generate(request(seed=3, adapter=str(adapters[0]))))
    assert loads == [str(base_dir)]
    base = llm_hf.get_base(str(base_dir))
    assert set(base.adapters) == {str(adapters[0]), str(adapters[1])}
    assert a != b and again == a
    llm_hf.clear_cache()


def test_a_missing_model_or_adapter_is_a_config_error(base_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(BackendConfigError, match="not found"):
        list(backend(tmp_path / "no-model").generate(request()))
    with pytest.raises(BackendConfigError, match="adapter"):
        list(backend(base_dir).generate(request(adapter=str(tmp_path / "no-adapter"))))


def test_history_and_memories_are_trimmed_to_the_token_budget(base_dir: Path) -> None:
    history = tuple(HistoryTurn(f"이야기 {i}: 잠을 잘 못 자서 피곤해요.", "많이 힘드셨겠어요.") for i in range(40))
    memories = (MemoryItem(1, "시험 걱정", 0.9, "시험이 걱정돼요", "걱정이 많으시군요", "2026-01-02"),)
    llm = backend(base_dir, llm_context_tokens=48 + 260)
    base = llm_hf.get_base(str(base_dir))
    ids = llm.prompt_ids(base, request(history=history, memories=memories))
    assert len(ids) <= 260
    prompt = base.tokenizer.decode(ids)
    assert "힘들어요" in prompt  # the message being answered always stays
    assert "이야기 39:" in prompt  # the latest turns stay ...
    assert "이야기 0:" not in prompt  # ... the oldest went first
    roomy = backend(base_dir, llm_context_tokens=4096)
    full = base.tokenizer.decode(roomy.prompt_ids(base, request(history=history[-2:], memories=memories)))
    assert "이야기 38:" in full and "시험이 걱정돼요" in full and "상담사" in full


def test_a_reader_that_goes_away_stops_the_generation(base_dir: Path) -> None:
    llm = backend(base_dir, llm_max_new_tokens=800)
    pieces = llm.generate(request(seed=3))
    next(pieces)
    pieces.close()  # e.g. the turn failed while stylizing the first sentence
    base = llm_hf.get_base(str(base_dir))
    assert base.lock.acquire(timeout=5)  # the generation thread let go of the model
    base.lock.release()
    assert 0 < llm.last_stats.new_tokens < 200  # not the 800 it was allowed


def test_out_of_memory_during_generation_is_worth_a_retry(base_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    from inference.errors import RetryableStageError

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    llm = backend(base_dir)
    base = llm_hf.get_base(str(base_dir))
    monkeypatch.setattr(base.model, "generate", boom)
    with pytest.raises(RetryableStageError, match="out of memory"):
        list(llm.generate(request()))
