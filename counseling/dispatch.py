"""How a turn leaves the request: started in a worker thread (embedded default) or sent to
the Celery queue `inference` (settings.MENTOS_TURN_RUNNER), and how frames reach the
counsel's channel-layer group from sync code.

Publishing runs every `group_send` on one long-lived event loop per process, so the
channel layer keeps one connection (channels_redis pools connections per event loop;
`async_to_sync` would open a fresh loop, hence a fresh connection, per frame). Inside the
web process the loop is the server's own: the in-memory layer only works on the loop its
consumers wait on.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Coroutine
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from asgiref.sync import SyncToAsync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, close_old_connections, connections

log = logging.getLogger(__name__)

FRAME_HANDLER = "chat.frame"  # the consumer method `chat_frame` forwards these
ALIVE_KEY = "turn-alive:{dialog_id}"

_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None
_loop_pid = 0
_executor: ThreadPoolExecutor | None = None
_in_flight: set[Future[None]] = set()


# --- publishing ---------------------------------------------------------------------------
def server_loop() -> asyncio.AbstractEventLoop | None:
    """The server's event loop when called from a sync_to_async thread, else None.

    The same lookup async_to_sync does to find the loop to run on (asgiref keeps it in
    SyncToAsync's thread-local), without running anything.
    """
    local = SyncToAsync.threadlocal
    if getattr(local, "main_event_loop_pid", None) != os.getpid():
        return None
    loop = getattr(local, "main_event_loop", None)
    return loop if loop is not None and loop.is_running() else None


def _publisher_loop() -> asyncio.AbstractEventLoop:
    global _loop, _loop_pid
    with _lock:
        if _loop is None or _loop_pid != os.getpid() or _loop.is_closed():
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="mentos-publisher", daemon=True).start()
            _loop, _loop_pid = loop, os.getpid()
        return _loop


def _run(coro: Coroutine[Any, Any, Any], loop: asyncio.AbstractEventLoop | None) -> None:
    target = loop if loop is not None and loop.is_running() else _publisher_loop()
    asyncio.run_coroutine_threadsafe(coro, target).result(timeout=10)


def publish(group: str, frame: dict[str, Any], loop: asyncio.AbstractEventLoop | None = None) -> None:
    """Send one frame to every socket of `group`; never raises (the row is the truth)."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        _run(layer.group_send(group, {"type": FRAME_HANDLER, "frame": frame}), loop or server_loop())
    except Exception:  # a lost frame is healed by `done` and `resume`; the turn goes on
        log.exception("could not publish a %s frame to %s", frame.get("type"), group)


def mark_alive(dialog_id: int) -> None:
    """Tell the stuck-turn check that this dialog is queued or moving."""
    cache.set(ALIVE_KEY.format(dialog_id=dialog_id), time.time(), timeout=settings.MENTOS_TURN_TIMEOUT_S)


def is_alive(dialog_id: int) -> bool:
    return cache.get(ALIVE_KEY.format(dialog_id=dialog_id)) is not None


# --- running turns --------------------------------------------------------------------------
def dispatch_turn(dialog_id: int) -> None:
    """Start the turn of `dialog_id` (call it from transaction.on_commit)."""
    mark_alive(dialog_id)
    if settings.MENTOS_TURN_RUNNER == "celery":
        from inference.tasks import run_turn_task

        run_turn_task.delay(dialog_id)
        return
    loop = server_loop()
    future = _thread_executor().submit(_run_in_thread, dialog_id, loop)
    _in_flight.add(future)
    future.add_done_callback(_in_flight.discard)


RECOVER_GRACE_S = 10  # a dialog this young may still be waiting for its on_commit dispatch


def recover_turns(counsel_id: int) -> int:
    """In-process runner only: start again the turns of this counsel that a restart left
    pending or running (no thread of this process is on them); one whose attempts are spent
    is marked failed, so the page offers a retry. Celery deployments have beat for this."""
    if settings.MENTOS_TURN_RUNNER != "thread":
        return 0
    from django.utils import timezone

    from .models import Dialog

    cutoff = timezone.now() - timezone.timedelta(seconds=RECOVER_GRACE_S)
    started = 0
    for dialog_id, attempts in Dialog.objects.filter(
        counsel_id=counsel_id, status__in=[Dialog.Status.PENDING, Dialog.Status.RUNNING], dt_dialog__lt=cutoff
    ).values_list("dialog_id", "attempts"):
        started += restart_or_fail(dialog_id, attempts) == "requeued"
    return started


def restart_or_fail(dialog_id: int, attempts: int) -> str | None:
    """A turn that no worker is on: run it again, or mark it failed once its attempts are
    spent. None when it is still alive (queued or moving)."""
    from .turns import mark_failed

    if is_alive(dialog_id):
        return None
    if attempts >= settings.MENTOS_TURN_MAX_ATTEMPTS:
        mark_failed(dialog_id, "timed out")
        return "failed"
    dispatch_turn(dialog_id)
    return "requeued"


def wait_for_threads(timeout: float = 30.0) -> bool:
    """Wait until no in-process turn runs (tests, shutdown). True if all finished."""
    deadline = time.monotonic() + timeout
    while _in_flight and time.monotonic() < deadline:
        time.sleep(0.02)
    return not _in_flight


def _thread_executor() -> ThreadPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="mentos-turn")
        return _executor


def _run_in_thread(dialog_id: int, loop: asyncio.AbstractEventLoop | None) -> None:
    from .turns import TurnRetry, run_turn

    close_old_connections()
    try:
        for _ in range(20):  # bounded: run_turn counts attempts, this only guards a dead database
            try:
                run_turn(dialog_id, loop=loop)
                return
            except TurnRetry as retry:
                time.sleep(retry.countdown)
            except DatabaseError:
                log.warning("turn %s: database error, trying again", dialog_id, exc_info=True)
                time.sleep(1)
    except Exception:
        log.exception("turn %s crashed", dialog_id)
    finally:
        connections.close_all()
