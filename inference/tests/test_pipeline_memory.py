"""The pipeline with the real FAISS memory: past turns reach the generator, never the turn itself."""

from __future__ import annotations

from pathlib import Path

from inference.backends.memory_faiss import NgramFaissMemoryBackend
from inference.pipeline import Pipeline
from inference.tests.pipeline_fakes import FakeCrisis, FakeEmotion, ScriptedLLM, TagStyle
from inference.types import CharacterStyle, MemoryRecord, TurnEvent, TurnInput

MENTOS = CharacterStyle(slug="mentos")


def test_past_turns_of_the_same_user_reach_the_generator_with_scores(tmp_path: Path) -> None:
    memory = NgramFaissMemoryBackend(memory_dir=tmp_path)
    memory.rebuild("alicekey", [
        MemoryRecord(1, "요즘 잠이 안 와서 새벽까지 뒤척여요", "잠들기 어려우시군요."),
        MemoryRecord(2, "팀장님 때문에 회사 가기가 싫어요", "직장에서 지치셨겠어요."),
        MemoryRecord(3, "오늘도 잠이 안 와요", "오늘도 힘드시군요."),  # the turn being answered
    ])
    memory.rebuild("bobkey", [MemoryRecord(9, "잠이 안 와서 새벽까지 뒤척여요", "bob의 기억")])
    llm = ScriptedLLM()
    events: list[TurnEvent] = []
    result = Pipeline(FakeEmotion(), FakeCrisis(), memory, llm, TagStyle(), top_k=2).run(
        TurnInput(text="오늘도 잠이 안 와요", character=MENTOS, user_key="alicekey", dialog_id=3),
        emit=events.append,
    )
    ids = [m.dialog_id for m in llm.requests[0].memories]
    assert ids[0] == 1 and len(ids) == 2
    assert 3 not in ids and 9 not in ids
    past = events[-1].data["past_dialog"]
    assert [p["dialog_id"] for p in past] == ids
    assert all(0 <= p["score"] <= 1 for p in past)
    assert past[0]["u_message"] == "요즘 잠이 안 와서 새벽까지 뒤척여요"
    assert result.timings_ms["retrieve"] > 0
