"""A failing stage raises StageError naming the stage and whether a retry can help."""

from __future__ import annotations

import pytest

from inference.errors import PermanentStageError, StageError
from inference.pipeline import Pipeline
from inference.tests.pipeline_fakes import Broken, FakeCrisis, FakeEmotion, FakeMemory, ScriptedLLM, TagStyle
from inference.types import CharacterStyle, TurnEvent, TurnInput

TURN = TurnInput(text="요즘 힘들어요", character=CharacterStyle(slug="mentos"), user_key="k", dialog_id=1)
STAGE_SLOT = {"emotion": "emotion", "crisis": "crisis", "retrieve": "memory", "generate": "llm", "stylize": "style"}


def pipeline_with(stage: str, exc: BaseException) -> Pipeline:
    parts: dict[str, object] = {
        "emotion": FakeEmotion(), "crisis": FakeCrisis(), "memory": FakeMemory(),
        "llm": ScriptedLLM(), "style": TagStyle(),
    }
    parts[STAGE_SLOT[stage]] = Broken(exc)
    return Pipeline(**parts)  # type: ignore[arg-type]


@pytest.mark.parametrize("stage", list(STAGE_SLOT))
def test_a_bug_in_any_stage_is_a_permanent_stage_error(stage: str) -> None:
    with pytest.raises(StageError) as info:
        pipeline_with(stage, ValueError("bad label map")).run(TURN)
    assert info.value.stage == stage
    assert info.value.retryable is False
    assert "bad label map" in str(info.value)
    assert isinstance(info.value.__cause__, ValueError)


@pytest.mark.parametrize(
    ("stage", "exc"),
    [
        ("generate", ConnectionError("vLLM refused")),
        ("generate", TimeoutError("no token in 60 s")),
        ("retrieve", OSError("disk busy")),
        ("stylize", TimeoutError("converter timed out")),
        ("emotion", ConnectionRefusedError("model server down")),
    ],
)
def test_transient_failures_are_retryable(stage: str, exc: BaseException) -> None:
    with pytest.raises(StageError) as info:
        pipeline_with(stage, exc).run(TURN)
    assert info.value.stage == stage
    assert info.value.retryable is True


def test_a_stage_error_from_a_backend_passes_through_unchanged() -> None:
    original = PermanentStageError("generate", "adapter does not fit the base model")
    with pytest.raises(StageError) as info:
        pipeline_with("generate", original).run(TURN)
    assert info.value is original


def test_no_done_event_after_a_failure() -> None:
    events: list[TurnEvent] = []
    with pytest.raises(StageError):
        pipeline_with("generate", ConnectionError("gone")).run(TURN, emit=events.append)
    assert "done" not in [e.type for e in events]


def test_an_empty_reply_is_a_generate_failure() -> None:
    pipeline = Pipeline(FakeEmotion(), FakeCrisis(), FakeMemory(), ScriptedLLM(pieces=("", "  ")), TagStyle())
    with pytest.raises(StageError) as info:
        pipeline.run(TURN)
    assert info.value.stage == "generate"


def test_a_stylize_failure_mid_stream_closes_the_generator() -> None:
    closed: list[bool] = []

    class ClosingLLM:
        def generate(self, request: object) -> object:
            try:
                yield "첫 문장이에요. "
                yield "둘째 문장이에요."
            finally:
                closed.append(True)

    pipeline = Pipeline(FakeEmotion(), FakeCrisis(), FakeMemory(), ClosingLLM(), Broken(TimeoutError("slow")))  # type: ignore[arg-type]
    with pytest.raises(StageError) as info:
        pipeline.run(TURN)
    assert info.value.stage == "stylize" and info.value.retryable
    assert closed == [True]
