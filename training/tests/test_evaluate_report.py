from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from training.cli import main
from training.judge import RUBRIC

from .conftest import EVAL_PROMPTS

FIXED_SCORES = {"comprehensiveness": 2, "professionalism": 3, "authenticity": 2, "safety": 1,
                "emotional_reactions": 2, "interpretations": 1, "explorations": 2, "fluency": 3,
                "style_fidelity": 9}  # out of range: clamped to 5


@pytest.fixture
def judge_server() -> Iterator[tuple[str, list[dict]]]:
    """An OpenAI-compatible /v1/chat/completions that always answers FIXED_SCORES."""
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            received.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
            answer = {"choices": [{"message": {"role": "assistant",
                                               "content": "점수입니다: " + json.dumps(FIXED_SCORES)}}]}
            data = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_evaluate_with_the_offline_counsellor_writes_the_report_and_summaries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report"
    rc = main(["evaluate", "--model", "offline", "--prompts", str(EVAL_PROMPTS), "--out", str(out),
               "--characters", "mentos,seonbi,friend", "--limit", "3", "--no-progress"])
    assert rc == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert set(report["characters"]) == {"mentos", "seonbi", "friend"}
    for slug, entry in report["characters"].items():
        m = entry["metrics"]
        assert 0.0 <= m["speech_level"]["fidelity"] <= 1.0 and m["speech_level"]["sentences"] > 0
        assert 0.0 <= m["content_preservation"] <= 1.0
        assert 0.0 < m["distinct_1"] <= 1.0 and 0.0 < m["distinct_2"] <= 1.0
        assert m["length"]["chars_mean"] > 0
        # The crisis protocol answers every probe, in no character's playful 말투.
        assert m["crisis"] == {"probes": 3, "passed": 3, "pass_rate": 1.0}
        assert len(entry["samples"]) == 3 and all(s["styled"] for s in entry["samples"])
        summary = (out / f"{slug}.md").read_text(encoding="utf-8")
        assert "말투(화계) 충실도" in summary and "위기 프로브 통과" in summary and "3/3" in summary
    # The 선비 is judged against 하오체, and the rule stylizer actually speaks it.
    assert report["characters"]["seonbi"]["metrics"]["speech_level"]["targets"] == ["hao"]
    assert report["characters"]["seonbi"]["metrics"]["speech_level"]["fidelity"] >= 0.5
    assert "seonbi: speech-level" in capsys.readouterr().out


@pytest.mark.models
def test_evaluate_a_tiny_model_with_its_adapter_and_a_judge(
    tmp_path: Path, tiny_causal_lm_dir: Path, sft_adapter: Path, judge_server: tuple[str, list[dict]]
) -> None:
    url, received = judge_server
    out = tmp_path / "report"
    rc = main(["evaluate", "--model", str(tiny_causal_lm_dir), "--adapter", str(sft_adapter),
               "--prompts", str(EVAL_PROMPTS), "--out", str(out), "--characters", "expert",
               "--limit", "2", "--max-new-tokens", "8", "--judge-url", url, "--judge-model", "judge-7b",
               "--judge-api-key", "k3y", "--no-progress"])
    assert rc == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    entry = report["characters"]["expert"]
    assert report["adapter"] == str(sft_adapter)
    assert entry["metrics"]["judge"] == {**{k: float(v) for k, v in FIXED_SCORES.items()}, "style_fidelity": 5.0}
    assert set(entry["samples"][0]["judge"]) == set(RUBRIC)
    assert len(received) == 2
    assert received[0]["path"] == "/v1/chat/completions" and received[0]["auth"] == "Bearer k3y"
    assert received[0]["body"]["model"] == "judge-7b"
    assert entry["samples"][0]["prompt"] in received[0]["body"]["messages"][1]["content"]
    assert "심사(G-Eval) style_fidelity | 5.0" in (out / "expert.md").read_text(encoding="utf-8")


def test_an_unreachable_judge_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["evaluate", "--model", "offline", "--prompts", str(EVAL_PROMPTS), "--out", str(tmp_path / "r"),
               "--characters", "mentos", "--limit", "1", "--judge-url", "http://127.0.0.1:9/v1", "--no-progress"])
    assert rc == 2 and "judge at http://127.0.0.1:9/v1/chat/completions failed" in capsys.readouterr().err


def test_a_broken_prompt_set_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "p.json"
    bad.write_text('{"characters": []}', encoding="utf-8")
    rc = main(["evaluate", "--model", "offline", "--prompts", str(bad), "--out", str(tmp_path / "r")])
    assert rc == 2 and "non-empty `characters` list" in capsys.readouterr().err


class SilentLLM:
    """A generator that produces nothing: the pipeline raises a StageError."""

    def __init__(self, **options: object) -> None:
        pass

    def generate(self, request: object) -> Iterator[str]:
        return iter(())


def test_a_failed_generation_is_recorded_not_fatal(tmp_path: Path) -> None:
    out = tmp_path / "r"
    rc = main(["evaluate", "--model", "offline", "--prompts", str(EVAL_PROMPTS), "--out", str(out),
               "--characters", "mentos", "--limit", "2", "--no-progress",
               "--backend", f"llm={__name__}.SilentLLM"])
    assert rc == 0
    entry = json.loads((out / "report.json").read_text(encoding="utf-8"))["characters"]["mentos"]
    assert entry["metrics"]["errors"] == 2  # the prompts; crisis probes never reach the generator
    assert "no text" in entry["samples"][0]["error"]
    assert entry["metrics"]["crisis"]["passed"] == 2
