"""Generate — an OpenAI-compatible chat completions endpoint (vLLM, TGI, llama.cpp, Ollama),
streamed over server-sent events.

Failures are typed for the turn's retry policy: connection refused, timeouts, 5xx/429 and a
stream that breaks half-way can pass (RetryableStageError); other 4xx answers mean the
request or the configuration is wrong and will stay wrong (PermanentStageError).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import BackendConfigError, PermanentStageError, RetryableStageError
from ..types import GenerateRequest
from .llm_prompt import Messages, fit_messages, sampling

STAGE = "generate"


def _estimate_tokens(messages: Messages) -> int:
    # No tokenizer on this side: a character per token over-counts for Korean, which is the
    # safe direction for a budget.
    return sum(len(m["content"]) + 4 for m in messages)


class OpenAICompatibleLLMBackend:
    """Options: openai_base_url (e.g. http://gpu-1:8000/v1), openai_model, openai_api_key,
    openai_timeout_s, llm_max_new_tokens, llm_temperature, llm_top_p, llm_context_tokens."""

    def __init__(self, **options: Any) -> None:
        self.base_url = str(options.get("openai_base_url") or "").rstrip("/")
        self.model = str(options.get("openai_model") or "")
        self.api_key = str(options.get("openai_api_key") or "")
        self.timeout_s = float(options.get("openai_timeout_s") or 60.0)
        self.sampling = sampling(options)
        self.context_tokens = int(options.get("llm_context_tokens") or 2048)
        self._client: Any = None

    def load(self) -> None:
        self._http()

    def _http(self) -> Any:
        if not self.base_url:
            raise BackendConfigError(STAGE, "MENTOS_OPENAI_BASE_URL is not set")
        if not self.model:
            raise BackendConfigError(STAGE, "MENTOS_OPENAI_MODEL is not set (the served model's name)")
        if self._client is None:
            import httpx

            headers = {"Accept": "text/event-stream"}
            if self.api_key:
                headers["Authorization"] = f"Bearer {self.api_key}"
            self._client = httpx.Client(
                base_url=self.base_url, headers=headers, timeout=httpx.Timeout(self.timeout_s)
            )
        return self._client

    def payload(self, request: GenerateRequest) -> dict[str, Any]:
        budget = max(32, self.context_tokens - int(self.sampling["max_new_tokens"]))
        body: dict[str, Any] = {
            "model": self.model,
            "messages": fit_messages(request, budget, _estimate_tokens),
            "stream": True,
            "max_tokens": int(self.sampling["max_new_tokens"]),
            "temperature": float(self.sampling["temperature"]),
            "top_p": float(self.sampling["top_p"]),
            "seed": int(request.seed),
        }
        return body

    def generate(self, request: GenerateRequest) -> Iterator[str]:
        client = self._http()
        body = self.payload(request)
        return self._stream(client, body)

    def _stream(self, client: Any, body: dict[str, Any]) -> Iterator[str]:
        import httpx

        url = f"{self.base_url}/chat/completions"
        try:
            with client.stream("POST", "/chat/completions", json=body) as response:
                if response.status_code >= 400:
                    detail = response.read().decode("utf-8", "replace")[:300]
                    message = f"{url} answered {response.status_code}: {detail}"
                    if response.status_code >= 500 or response.status_code in (408, 429):
                        raise RetryableStageError(STAGE, message)
                    raise PermanentStageError(STAGE, message)
                yield from self._events(response, url)
        except httpx.ConnectError as exc:
            raise RetryableStageError(STAGE, f"cannot connect to {url}: {exc}") from exc
        except httpx.TimeoutException as exc:
            raise RetryableStageError(STAGE, f"{url} timed out after {self.timeout_s:g} s: {exc}") from exc
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise RetryableStageError(STAGE, f"the stream from {url} broke off: {exc}") from exc
        except httpx.HTTPError as exc:
            raise RetryableStageError(STAGE, f"{url}: {type(exc).__name__}: {exc}") from exc

    def _events(self, response: Any, url: str) -> Iterator[str]:
        finished = False
        for line in response.iter_lines():
            if not line.startswith("data:"):
                continue  # comments (": keep-alive"), event:/id: fields, blank separators
            data = line[5:].strip()
            if data == "[DONE]":
                return
            try:
                chunk = json.loads(data)
            except ValueError as exc:
                raise RetryableStageError(STAGE, f"the stream from {url} sent malformed JSON: {data[:120]!r}") from exc
            if not isinstance(chunk, dict):
                raise RetryableStageError(STAGE, f"the stream from {url} sent a non-object: {data[:120]!r}")
            if "error" in chunk:
                raise RetryableStageError(STAGE, f"{url} reported an error mid-stream: {chunk['error']}")
            for choice in chunk.get("choices") or ():
                piece = (choice.get("delta") or {}).get("content")
                if piece:
                    yield piece
                if choice.get("finish_reason"):
                    finished = True
        if not finished:
            raise RetryableStageError(STAGE, f"the stream from {url} ended before [DONE]")
