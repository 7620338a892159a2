"""Load the configured model backends when a Celery worker process starts.

With MENTOS_WARM_MODELS on, a GPU worker pays the model loading at start, not on the first
person's turn. The hook runs in each pool process (prefork children after the fork —
CUDA must not cross a fork — and the solo pool's own process); the threads pool and the
in-process runner load lazily on first use. Importing this module only connects the hook.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from celery.signals import worker_process_init

log = logging.getLogger(__name__)

STAGES = ("emotion", "crisis", "memory", "llm", "style")


def warm_models(force: bool = False) -> dict[str, float]:
    """Build every stage's backend and load its model; {stage: seconds} of those loaded.

    Does nothing unless settings.MENTOS_WARM_MODELS (or `force`)."""
    from django.conf import settings

    if not (force or settings.MENTOS_WARM_MODELS):
        return {}
    from .django_glue import get_backend

    took: dict[str, float] = {}
    for stage in STAGES:
        start = time.perf_counter()
        backend = get_backend(stage)
        load = getattr(backend, "load", None)
        if callable(load):
            load()
        took[stage] = round(time.perf_counter() - start, 3)
    log.info("warmed model backends: %s", took)
    return took


@worker_process_init.connect
def _warm_worker_process(**kwargs: Any) -> None:
    try:
        warm_models()
    except Exception:
        # A broken model setting must not put the pool in a respawn loop; each turn will
        # fail with the same typed error, which says what to fix.
        log.exception("warming the model backends failed")
