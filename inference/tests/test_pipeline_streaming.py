"""Style is applied sentence by sentence while the generator is still streaming."""

from __future__ import annotations

import time

from inference.pipeline import Pipeline
from inference.tests.pipeline_fakes import FakeCrisis, FakeEmotion, FakeMemory, ScriptedLLM, TagStyle
from inference.types import CharacterStyle, TurnEvent, TurnInput

FRIEND = CharacterStyle(slug="friend")


def test_the_first_sentence_is_sent_before_the_generator_has_finished() -> None:
    log: list[str] = []
    llm = ScriptedLLM(log=log)
    pipeline = Pipeline(FakeEmotion(), FakeCrisis(), FakeMemory(), llm, TagStyle())

    def emit(event: TurnEvent) -> None:
        if event.type == "delta":
            log.append(f"delta:{event.data['seq']}")

    pipeline.run(TurnInput(text="힘들어요", character=FRIEND), emit=emit)
    assert log.index("delta:0") < log.index("llm:2")  # sent while pieces 2.. were not yet made
    assert log.index("delta:1") < log.index("llm:4")
    assert log.index("llm:finished") < log.index("delta:2")  # the last sentence ends with the stream


def test_with_a_slow_generator_the_first_delta_arrives_long_before_done() -> None:
    llm = ScriptedLLM(delay_s=0.03)  # six pieces: the stream takes ~180 ms
    pipeline = Pipeline(FakeEmotion(), FakeCrisis(), FakeMemory(), llm, TagStyle())
    arrivals: dict[str, float] = {}
    start = time.perf_counter()

    def emit(event: TurnEvent) -> None:
        arrivals.setdefault(event.type, time.perf_counter() - start)

    pipeline.run(TurnInput(text="힘들어요", character=FRIEND), emit=emit)
    assert arrivals["delta"] < 0.1
    assert arrivals["done"] - arrivals["delta"] > 0.08


def test_generate_and_stylize_time_add_up_across_sentences_without_overlap() -> None:
    llm = ScriptedLLM(delay_s=0.01)  # 6 pieces → ≥ 60 ms generating
    style = TagStyle(delay_s=0.02)  # 3 sentences → ≥ 60 ms stylizing
    pipeline = Pipeline(FakeEmotion(), FakeCrisis(), FakeMemory(), llm, style)
    result = pipeline.run(TurnInput(text="힘들어요", character=FRIEND))
    t = result.timings_ms
    assert 60 <= t["generate"] < 100
    assert 60 <= t["stylize"] < 100
    assert t["total"] >= t["generate"] + t["stylize"]
    assert all(t[k] >= 0 for k in ("emotion", "crisis", "retrieve"))


def test_a_reply_without_final_punctuation_is_flushed_at_the_end() -> None:
    llm = ScriptedLLM(pieces=("그랬구나. ", "더 얘기해 줄래"))
    events: list[TurnEvent] = []
    Pipeline(FakeEmotion(), FakeCrisis(), FakeMemory(), llm, TagStyle()).run(
        TurnInput(text="힘들어", character=FRIEND), emit=events.append
    )
    assert [e.data["text"] for e in events if e.type == "delta"] == ["그랬구나. [friend]", "더 얘기해 줄래 [friend]"]
