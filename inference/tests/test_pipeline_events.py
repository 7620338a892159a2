"""The order of a turn's events and what they carry (fake backends: orchestration only)."""

from __future__ import annotations

from inference.pipeline import Pipeline
from inference.tests.pipeline_fakes import FakeCrisis, FakeEmotion, FakeMemory, ScriptedLLM, TagStyle
from inference.types import CharacterStyle, MemoryItem, TurnEvent, TurnInput

SEONBI = CharacterStyle(slug="seonbi", name="선비")


def make_pipeline(**overrides: object) -> Pipeline:
    parts: dict[str, object] = {
        "emotion": FakeEmotion(), "crisis": FakeCrisis(), "memory": FakeMemory(),
        "llm": ScriptedLLM(), "style": TagStyle(),
    }
    parts.update(overrides)
    return Pipeline(**parts)  # type: ignore[arg-type]


def run(pipeline: Pipeline, text: str = "요즘 너무 힘들어요", **turn: object) -> tuple[list[TurnEvent], object]:
    events: list[TurnEvent] = []
    result = pipeline.run(TurnInput(text=text, character=SEONBI, **turn), emit=events.append)  # type: ignore[arg-type]
    return events, result


def test_events_come_in_stage_order() -> None:
    events, _ = run(make_pipeline())
    assert [e.type for e in events] == ["emotion", "delta", "delta", "delta", "done"]


def test_the_emotion_event_carries_label_and_scores() -> None:
    events, result = run(make_pipeline())
    assert events[0].data["label"] == "슬픔(우울한)"
    assert abs(sum(events[0].data["scores"].values()) - 1.0) < 1e-3
    assert result.emotion.label == "슬픔(우울한)"  # type: ignore[attr-defined]


def test_each_sentence_is_stylized_and_sent_with_its_sequence_number() -> None:
    style = TagStyle()
    events, _ = run(make_pipeline(style=style))
    deltas = [e.data for e in events if e.type == "delta"]
    assert deltas == [
        {"seq": 0, "text": "그동안 많이 힘드셨겠어요. [seonbi]"},
        {"seq": 1, "text": "3.5시간밖에 못 주무셨다니요! [seonbi]"},
        {"seq": 2, "text": "요즘 어떤 생각이 가장 많이 드세요? [seonbi]"},
    ]
    assert style.calls == [
        ["그동안 많이 힘드셨겠어요."], ["3.5시간밖에 못 주무셨다니요!"], ["요즘 어떤 생각이 가장 많이 드세요?"],
    ]


def test_done_carries_the_raw_reply_and_the_joined_styled_sentences() -> None:
    events, result = run(make_pipeline())
    done = events[-1].data
    deltas = [e.data["text"] for e in events if e.type == "delta"]
    assert done["ai_message"] == "그동안 많이 힘드셨겠어요. 3.5시간밖에 못 주무셨다니요! 요즘 어떤 생각이 가장 많이 드세요?"
    assert done["change_dialog"] == " ".join(deltas)
    assert done["ai_message"] == result.reply  # type: ignore[attr-defined]
    assert done["change_dialog"] == result.styled  # type: ignore[attr-defined]
    assert done["crisis"] is False
    assert done["emotion"]["label"] == "슬픔(우울한)"
    assert set(done["timings_ms"]) == {"emotion", "crisis", "retrieve", "generate", "stylize", "total"}


def test_the_generator_gets_the_message_emotion_memories_history_and_character() -> None:
    memory = FakeMemory()
    memory.items["alice-key"] = [MemoryItem(7, "잠을 못 자요\n힘드셨겠어요", 0.8, "잠을 못 자요", "힘드셨겠어요", "2026-11-01")]
    llm = ScriptedLLM()
    events, result = run(make_pipeline(memory=memory, llm=llm), user_key="alice-key", dialog_id=9, seed=5)
    request = llm.requests[0]
    assert request.text == "요즘 너무 힘들어요"
    assert request.emotion.label == "슬픔(우울한)"
    assert [m.dialog_id for m in request.memories] == [7]
    assert request.character == SEONBI
    assert request.seed == 5
    assert memory.calls == [("alice-key", "요즘 너무 힘들어요", 3, 9)]
    assert events[-1].data["past_dialog"][0]["dialog_id"] == 7
    assert [m.dialog_id for m in result.memories] == [7]  # type: ignore[attr-defined]


def test_a_turn_never_gets_itself_back_from_memory() -> None:
    memory = FakeMemory()  # a careless backend that ignores exclude_dialog_id
    memory.items["k"] = [MemoryItem(9, "same turn", 1.0), MemoryItem(3, "older turn", 0.4)]
    _, result = run(make_pipeline(memory=memory), user_key="k", dialog_id=9)
    assert [m.dialog_id for m in result.memories] == [3]  # type: ignore[attr-defined]


def test_without_a_user_key_memory_is_not_asked() -> None:
    memory = FakeMemory()
    _, result = run(make_pipeline(memory=memory))
    assert memory.calls == []
    assert result.memories == ()  # type: ignore[attr-defined]


def test_emit_is_optional() -> None:
    result = make_pipeline().run(TurnInput(text="안녕하세요", character=SEONBI))
    assert result.styled.endswith("[seonbi]")
