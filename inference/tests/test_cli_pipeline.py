"""`manage.py pipeline`: one JSON object a line on stdout for each line on stdin, in order."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inference import django_glue
from inference.crisis_protocol import CRISIS_MESSAGE

FAKES = "inference.tests.pipeline_fakes"


@pytest.fixture
def fakes(settings: Any) -> Any:
    settings.MENTOS_EMOTION_BACKEND = f"{FAKES}.FakeEmotion"
    settings.MENTOS_CRISIS_BACKEND = f"{FAKES}.FakeCrisis"
    settings.MENTOS_MEMORY_BACKEND = f"{FAKES}.FakeMemory"
    settings.MENTOS_LLM_BACKEND = f"{FAKES}.ScriptedLLM"
    settings.MENTOS_STYLE_BACKEND = f"{FAKES}.TagStyle"
    yield
    django_glue.reset_pipeline()


@pytest.fixture
def real_backends() -> Any:
    django_glue.reset_pipeline()
    yield
    django_glue.reset_pipeline()


def run(*args: str, lines: list[str]) -> list[dict[str, Any]]:
    out = StringIO()
    call_command("pipeline", *args, stdin=StringIO("".join(f"{line}\n" for line in lines)), stdout=out)
    text = out.getvalue()
    assert text.endswith("\n")
    return [json.loads(row) for row in text.splitlines()]


def test_emotion_writes_label_and_scores_per_line_in_order(db: None, fakes: Any) -> None:
    lines = [f"평범한 하루 {i}" if i % 3 else f"너무 힘들어요 {i}" for i in range(70)]  # > one batch
    rows = run("emotion", lines=lines)
    assert [r["text"] for r in rows] == lines
    assert [r["label"] for r in rows[:3]] == ["슬픔(우울한)", "일상적인", "일상적인"]
    assert set(rows[0]) == {"text", "label", "scores"}
    assert abs(sum(rows[0]["scores"].values()) - 1) < 1e-3


def test_emotion_batches_lines_but_keeps_their_order(db: None, fakes: Any) -> None:
    run("emotion", lines=["하나", "둘", "", "셋"])
    calls = django_glue.get_backend("emotion").calls
    assert calls == [["하나", "둘", "셋"]]


def test_an_empty_line_gives_an_error_object_and_the_run_goes_on(db: None, fakes: Any) -> None:
    for mode in (["emotion"], ["crisis"], ["style", "--character", "friend"], ["turn", "--character", "friend"]):
        rows = run(*mode, lines=["첫 줄이에요", "", "   ", "마지막 줄이에요"])
        assert len(rows) == 4, mode
        assert rows[1] == {"text": "", "error": rows[1]["error"]} and rows[1]["error"]
        assert rows[2]["text"] == "" and rows[2]["error"]
        assert rows[3]["text"] == "마지막 줄이에요" and "error" not in rows[3]


def test_crisis_writes_decision_and_reason(db: None, fakes: Any) -> None:
    rows = run("crisis", lines=["오늘 날씨 좋네요", "요즘 죽고 싶어요"])
    assert rows == [
        {"text": "오늘 날씨 좋네요", "crisis": False, "reason": ""},
        {"text": "요즘 죽고 싶어요", "crisis": True, "reason": "fake: 죽고 싶"},
    ]


def test_style_uses_the_character_from_the_database(db: None, fakes: Any) -> None:
    rows = run("style", "--character", "seonbi", lines=["힘드셨겠어요. 어떤 일이 있었나요?"])
    assert rows == [{"text": "힘드셨겠어요. 어떤 일이 있었나요?",
                     "styled": "힘드셨겠어요. [seonbi] 어떤 일이 있었나요? [seonbi]"}]


def test_turn_writes_the_whole_turn(db: None, fakes: Any) -> None:
    rows = run("turn", "--character", "friend", lines=["요즘 힘들어요"])
    row = rows[0]
    assert set(row) == {"text", "emotion", "crisis", "reply", "styled", "timings_ms"}
    assert row["emotion"]["label"] == "슬픔(우울한)"
    assert row["crisis"] is False
    assert row["reply"].startswith("그동안 많이 힘드셨겠어요.")
    assert row["styled"].endswith("[friend]")
    assert set(row["timings_ms"]) == {"emotion", "crisis", "retrieve", "generate", "stylize", "total"}


def test_style_and_turn_need_a_known_character(db: None, fakes: Any) -> None:
    with pytest.raises(CommandError, match="--character"):
        run("style", lines=["안녕"])
    with pytest.raises(CommandError, match="unknown character 'nobody'"):
        run("turn", "--character", "nobody", lines=["안녕"])


def test_a_failing_line_reports_its_error_and_the_run_goes_on(db: None, fakes: Any, settings: Any) -> None:
    settings.MENTOS_LLM_BACKEND = "inference.tests.test_cli_pipeline.FlakyLLM"
    rows = run("turn", "--character", "mentos", lines=["첫째", "망가져", "셋째"])
    assert [("error" in r) for r in rows] == [False, True, False]
    assert rows[1]["retryable"] is True and rows[1]["error"].startswith("generate:")


class FlakyLLM:
    def __init__(self, **options: Any) -> None:
        pass

    def generate(self, request: Any) -> Any:
        if request.text == "망가져":
            raise ConnectionError("model server went away")
        yield "알겠어요."


# --- end to end, the offline backends the embedded default runs ---------------------------

def test_turn_end_to_end_with_the_offline_backends(db: None, real_backends: Any) -> None:
    rows = run("turn", "--character", "friend", lines=["요즘 회사 일 때문에 잠을 못 자서 너무 힘들어요", "",
                                                       "이제 그냥 죽고 싶어요"])
    first, empty, crisis = rows
    assert first["crisis"] is False
    assert first["emotion"]["label"] in first["emotion"]["scores"]
    assert first["reply"] and first["styled"] and first["styled"] != first["reply"]
    assert first["timings_ms"]["total"] > 0
    assert empty["error"]
    assert crisis["crisis"] is True
    assert crisis["reply"] == crisis["styled"] == CRISIS_MESSAGE


def test_every_mode_end_to_end_with_the_offline_backends(db: None, real_backends: Any) -> None:
    assert run("emotion", lines=["오늘 정말 행복해요"])[0]["label"] == "기쁨(행복한)"
    assert run("crisis", lines=["배고파 죽겠다"])[0]["crisis"] is False
    assert run("style", "--character", "mentos", lines=["그랬군요. 많이 힘드셨겠어요."])[0]["styled"] == (
        "그랬군요. 많이 힘드셨겠어요."
    )
    assert run("style", "--character", "formal", lines=["많이 힘드셨겠어요."])[0]["styled"] != "많이 힘드셨겠어요."


def test_turn_with_a_user_retrieves_from_that_users_memory(fakes: Any, alice: Any, alice_counsel: Any) -> None:
    from counseling.models import Dialog

    Dialog.objects.create(counsel=alice_counsel, u_message="잠이 안 와요", client_msg_id="c1",
                          ai_message="힘드시겠어요.", status=Dialog.Status.DONE)
    run("turn", "--character", "mentos", "--user", "alice", lines=["오늘도 잠이 안 와요"])
    memory = django_glue.get_backend("memory")
    assert [c[0] for c in memory.calls] == [alice.memory_key]
    assert [i.u_message for i in memory.items[alice.memory_key]] == ["잠이 안 와요"]  # rebuilt from the rows


def test_turn_refuses_an_unknown_user(db: None, fakes: Any) -> None:
    with pytest.raises(CommandError, match="unknown user"):
        run("turn", "--character", "mentos", "--user", "nobody", lines=["안녕"])


def test_options_that_do_not_fit_the_mode_are_refused(db: None, fakes: Any) -> None:
    with pytest.raises(CommandError, match="takes no --character"):
        run("emotion", "--character", "friend", lines=["안녕"])
    with pytest.raises(CommandError, match="--user only applies"):
        run("crisis", "--user", "alice", lines=["안녕"])


def test_it_works_as_a_shell_pipe() -> None:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-W", "ignore", "manage.py", "pipeline", "emotion"],
        input="오늘 정말 행복해요\n\n너무 지쳤어요\n", capture_output=True, text=True, cwd=root, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["오늘 정말 행복해요", "", "너무 지쳤어요"]
    assert rows[0]["label"] == "기쁨(행복한)" and "error" in rows[1]
    assert "\\u" not in proc.stdout  # Korean written as is (ensure_ascii=False)
