"""Test-only LLM backend: the offline counsellor, slowed down so a test can kill the worker
mid-turn. MENTOS_TEST_LLM_DELAY_S (seconds per sentence, however the generator cuts its
pieces) sets the pace."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

from inference.registry import import_string
from inference.types import GenerateRequest

OFFLINE = "inference.backends.llm_offline.OfflineCounsellorBackend"


class SlowLLMBackend:
    def __init__(self, **options: Any) -> None:
        self.inner = import_string(OFFLINE)(**options)
        self.delay = float(os.environ.get("MENTOS_TEST_LLM_DELAY_S", "0"))

    def generate(self, req: GenerateRequest) -> Iterator[str]:
        for piece in self.inner.generate(req):
            if any(mark in piece for mark in ".?!\n"):
                time.sleep(self.delay)
            yield piece
