"""A crisis turn gets the fixed crisis reply: no generation, never stylized."""

from __future__ import annotations

from inference.crisis_protocol import CRISIS_MESSAGE, CRISIS_RESOURCES
from inference.pipeline import Pipeline
from inference.tests.pipeline_fakes import FakeCrisis, FakeEmotion, FakeMemory, ScriptedLLM, TagStyle
from inference.types import CharacterStyle, MemoryItem, TurnEvent, TurnInput

AZAE = CharacterStyle(slug="azae", style_rules={"speech_level": "하게체"})


def crisis_run() -> tuple[list[TurnEvent], object, ScriptedLLM, TagStyle, FakeMemory]:
    llm, style, memory = ScriptedLLM(), TagStyle(), FakeMemory()
    memory.items["k"] = [MemoryItem(1, "old", 0.9)]
    events: list[TurnEvent] = []
    result = Pipeline(FakeEmotion(), FakeCrisis(), memory, llm, style).run(
        TurnInput(text="요즘 그냥 죽고 싶어요", character=AZAE, user_key="k", dialog_id=2), emit=events.append
    )
    return events, result, llm, style, memory


def test_crisis_events_come_in_order() -> None:
    events, *_ = crisis_run()
    assert [e.type for e in events] == ["emotion", "crisis", "delta", "done"]


def test_the_crisis_event_carries_the_message_and_the_helplines() -> None:
    events, *_ = crisis_run()
    crisis = events[1].data
    assert crisis["message"] == CRISIS_MESSAGE
    assert crisis["resources"] == [dict(r) for r in CRISIS_RESOURCES]
    assert {r["number"] for r in crisis["resources"]} >= {"109", "1388", "112", "119"}


def test_the_reply_is_the_fixed_message_never_generated_nor_stylized() -> None:
    events, result, llm, style, memory = crisis_run()
    assert llm.requests == []
    assert style.calls == []
    assert memory.calls == []
    assert events[2].data == {"seq": 0, "text": CRISIS_MESSAGE}
    done = events[-1].data
    assert done["ai_message"] == done["change_dialog"] == CRISIS_MESSAGE
    assert done["crisis"] is True
    assert done["past_dialog"] == []
    assert result.crisis.is_crisis and result.crisis.reason == "fake: 죽고 싶"  # type: ignore[attr-defined]
    assert result.styled == result.reply == CRISIS_MESSAGE  # type: ignore[attr-defined]


def test_a_crisis_turn_still_reports_every_timing() -> None:
    _, result, *_ = crisis_run()
    timings = result.timings_ms  # type: ignore[attr-defined]
    assert set(timings) == {"emotion", "crisis", "retrieve", "generate", "stylize", "total"}
    assert timings["generate"] == timings["stylize"] == 0.0
