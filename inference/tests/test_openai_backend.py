"""The OpenAI-compatible backend against a local SSE server started in the test."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from inference.backends.llm_openai import OpenAICompatibleLLMBackend
from inference.errors import BackendConfigError, PermanentStageError, RetryableStageError
from inference.types import HistoryTurn
from testsupport.samples import request

pytestmark = pytest.mark.models

PIECES = ["많이 ", "힘드셨겠어요. ", "어떤 일이 ", "있었나요?"]


def sse(obj: Any) -> bytes:
    return f"data: {json.dumps(obj, ensure_ascii=False)}\n\n".encode()


def chunk(piece: str, finish: str | None = None) -> dict[str, Any]:
    return {"id": "c1", "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": finish}]}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[dict[str, Any]] = []

    def log_message(self, *args: Any) -> None:  # keep pytest output clean
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Handler.seen.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        scenario = self.path.split("/")[1]
        if scenario in ("500", "400"):
            payload = b'{"error": {"message": "nope"}}'
            self.send_response(int(scenario))
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return
        if scenario == "slow":
            time.sleep(1.5)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if scenario == "ok":
            events = [b": keep-alive\n\n", *(sse(chunk(p)) for p in PIECES), sse(chunk("", "stop")), b"data: [DONE]\n\n"]
            for event in events:
                self._chunk(event)
                time.sleep(0.01)
            self._chunk(b"")
        elif scenario == "broken":
            self._chunk(sse(chunk(PIECES[0])))
            self.wfile.flush()
            time.sleep(0.05)
            self.connection.shutdown(socket.SHUT_RDWR)  # cut mid-stream: no final chunk
            self.close_connection = True
        elif scenario == "malformed":
            self._chunk(sse(chunk(PIECES[0])) + b"data: {not json\n\n")
            self._chunk(b"")
        elif scenario == "short":
            self._chunk(sse(chunk(PIECES[0])))  # a clean end, but neither finish_reason nor [DONE]
            self._chunk(b"")

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def backend(base: str, **options: Any) -> OpenAICompatibleLLMBackend:
    return OpenAICompatibleLLMBackend(
        openai_base_url=base, openai_model="eeve-counsel", openai_timeout_s=0.5, **options
    )


def test_it_streams_the_pieces_of_an_sse_answer(server: str) -> None:
    Handler.seen.clear()
    llm = backend(f"{server}/ok/v1/", openai_api_key="sk-test", llm_max_new_tokens=64, llm_temperature=0.3)
    req = request(history=(HistoryTurn("안녕하세요", "반가워요"),), seed=9)
    assert list(llm.generate(req)) == PIECES
    sent = Handler.seen[-1]
    assert sent["path"] == "/ok/v1/chat/completions"
    assert sent["auth"] == "Bearer sk-test"
    body = sent["body"]
    assert body["model"] == "eeve-counsel" and body["stream"] is True
    assert (body["max_tokens"], body["temperature"], body["seed"]) == (64, 0.3, 9)
    assert [m["role"] for m in body["messages"]] == ["system", "user", "assistant", "user"]
    assert "상담사" in body["messages"][0]["content"]
    assert body["messages"][-1]["content"] == req.text


def test_a_500_is_worth_a_retry(server: str) -> None:
    with pytest.raises(RetryableStageError, match="answered 500"):
        list(backend(f"{server}/500/v1").generate(request()))


def test_a_400_is_not(server: str) -> None:
    with pytest.raises(PermanentStageError, match="answered 400") as err:
        list(backend(f"{server}/400/v1").generate(request()))
    assert not isinstance(err.value, RetryableStageError) and err.value.retryable is False


def test_a_stream_cut_half_way_is_retryable_with_a_clear_message(server: str) -> None:
    got: list[str] = []
    with pytest.raises(RetryableStageError, match="broke off|ended before"):
        for piece in backend(f"{server}/broken/v1").generate(request()):
            got.append(piece)
    assert got == PIECES[:1]  # what arrived before the cut was still streamed


def test_malformed_json_in_the_stream_is_retryable(server: str) -> None:
    with pytest.raises(RetryableStageError, match="malformed JSON"):
        list(backend(f"{server}/malformed/v1").generate(request()))


def test_a_stream_that_ends_without_done_is_retryable(server: str) -> None:
    with pytest.raises(RetryableStageError, match="ended before"):
        list(backend(f"{server}/short/v1").generate(request()))


def test_a_server_that_does_not_answer_in_time_is_retryable(server: str) -> None:
    with pytest.raises(RetryableStageError, match="timed out"):
        list(backend(f"{server}/slow/v1").generate(request()))


def test_a_refused_connection_is_retryable() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(RetryableStageError, match="cannot connect"):
        list(backend(f"http://127.0.0.1:{port}/v1").generate(request()))


def test_no_base_url_or_model_is_a_config_error(server: str) -> None:
    with pytest.raises(BackendConfigError, match="MENTOS_OPENAI_BASE_URL"):
        list(OpenAICompatibleLLMBackend().generate(request()))
    with pytest.raises(BackendConfigError, match="MENTOS_OPENAI_MODEL"):
        list(OpenAICompatibleLLMBackend(openai_base_url=f"{server}/ok/v1").generate(request()))
