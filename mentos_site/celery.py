from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentos_site.settings")

app = Celery("mentos_site")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# The periodic check that re-queues turns stuck past MENTOS_TURN_TIMEOUT_S (`celery -A mentos_site beat`).
app.conf.beat_schedule = {
    "requeue-stuck-turns": {
        "task": "inference.tasks.requeue_stuck_turns",
        "schedule": 30.0,
        "options": {"queue": "inference"},
    },
}

import inference.warmup  # noqa: E402,F401  (loads model backends at worker start when MENTOS_WARM_MODELS)
