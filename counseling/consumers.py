"""The chat websocket: thin. connect = authenticate, check access, join the group;
receive = parse, call an action, turn client errors into error frames; group handlers
only forward."""

from __future__ import annotations

import json
import time
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from .access import AccessError, NotYourCounsel, access_counsel, access_dialog
from .actions import (
    ChatError,
    ack_frame,
    check_retry_dialog,
    check_send_message,
    do_end_counsel,
    do_retry_dialog,
    do_send_message,
    error_frame,
)
from .dispatch import recover_turns
from .models import Counsel, Dialog
from .turns import done_frame, failed_frame, progress_of
from .ws_auth import still_signed_in

# Forwarded frames re-check the session at most this often (a stream is many frames);
# every frame the client sends is checked.
SESSION_RECHECK_S = 2.0
CLOSE_SIGNED_OUT = 4401


class CounselConsumer(AsyncWebsocketConsumer):
    counsel: Counsel | None = None
    _session_checked_at = 0.0
    _signed_out = False

    async def _signed_in(self, *, force: bool) -> bool:
        now = time.monotonic()
        if not force and now - self._session_checked_at < SESSION_RECHECK_S:
            return True
        ok = await database_sync_to_async(still_signed_in, thread_sensitive=False)(self.scope)
        self._session_checked_at = now
        if not ok:
            self._signed_out = True
            await self.close(code=CLOSE_SIGNED_OUT)
        return ok

    async def connect(self) -> None:
        await self.accept()  # accept first: a close code only reaches a browser after accept
        try:
            self.counsel = await database_sync_to_async(access_counsel, thread_sensitive=False)(
                self.scope.get("user"), self.scope["url_route"]["kwargs"]["counsel_id"]
            )
        except AccessError as exc:
            await self.close(code=exc.close_code)
            return
        await self.channel_layer.group_add(self.counsel.group_name, self.channel_name)
        await database_sync_to_async(recover_turns, thread_sensitive=False)(self.counsel.counsel_id)

    async def disconnect(self, code: int) -> None:
        if self.counsel is not None:
            await self.channel_layer.group_discard(self.counsel.group_name, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if self.counsel is None or self._signed_out or not await self._signed_in(force=True):
            return
        try:
            frame = json.loads(text_data or "")
            if not isinstance(frame, dict):
                raise ValueError
        except ValueError:
            await self.send_json(error_frame("invalid_json"))
            return
        handler = self.HANDLERS.get(str(frame.get("type")))
        if handler is None:
            await self.send_json(error_frame("unknown_type"))
            return
        try:
            # thread_sensitive=False: sockets' actions run in parallel threads, not queued
            # behind one shared thread (one socket's frames still run one at a time)
            for reply in await database_sync_to_async(handler, thread_sensitive=False)(self, frame):
                await self.send_json(reply)
        except ChatError as exc:
            reply = error_frame(exc.code)
            if isinstance(frame.get("client_msg_id"), str):
                reply["client_msg_id"] = frame["client_msg_id"]  # which unsent message it was
            await self.send_json(reply)

    # --- actions (run in a worker thread; return the frames for this socket only) -----------
    def on_message(self, frame: dict[str, Any]) -> list[dict[str, Any]]:
        counsel = self._fresh_counsel()
        request = check_send_message(self.scope["user"], counsel, frame.get("text"), frame.get("client_msg_id"))
        dialog, created = do_send_message(request)
        if created:
            return []  # the ack reaches every tab, this one included, through the group
        return [ack_frame(dialog), *_state_frames(dialog)]

    def on_end(self, frame: dict[str, Any]) -> list[dict[str, Any]]:
        counsel = self._fresh_counsel()
        if not counsel.is_open:
            raise ChatError("counsel_ended")
        do_end_counsel(counsel)
        return []

    def on_resume(self, frame: dict[str, Any]) -> list[dict[str, Any]]:
        try:
            after = int(frame.get("after") or 0)
        except (TypeError, ValueError, OverflowError):
            raise ChatError("invalid_message") from None
        frames: list[dict[str, Any]] = []
        for dialog in Dialog.objects.filter(counsel=self.counsel, dialog_id__gt=after).order_by("dialog_id"):
            if dialog.status in (Dialog.Status.PENDING, Dialog.Status.RUNNING):
                frames.append(ack_frame(dialog))
            frames.extend(_state_frames(dialog))
        return frames

    def on_retry(self, frame: dict[str, Any]) -> list[dict[str, Any]]:
        try:
            dialog = access_dialog(self.scope["user"], frame.get("dialog_id"))
        except NotYourCounsel:
            raise ChatError("forbidden") from None
        except AccessError:
            raise ChatError("not_found") from None
        do_retry_dialog(check_retry_dialog(self._fresh_counsel(), dialog))
        return []

    HANDLERS = {"message": on_message, "end": on_end, "resume": on_resume, "retry": on_retry}

    def _fresh_counsel(self) -> Counsel:
        assert self.counsel is not None
        self.counsel.refresh_from_db(fields=["dt_end"])
        return self.counsel

    # --- group handler: forward -------------------------------------------------------------
    async def chat_frame(self, event: dict[str, Any]) -> None:
        if self.counsel is None or self._signed_out or not await self._signed_in(force=False):
            return
        await self.send_json(event["frame"])

    async def send_json(self, frame: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(frame, ensure_ascii=False))


def _state_frames(dialog: Dialog) -> list[dict[str, Any]]:
    """What a client that missed the stream needs to show `dialog` as it is now."""
    if dialog.status == Dialog.Status.DONE:
        return [done_frame(dialog)]
    if dialog.status == Dialog.Status.FAILED:
        return [failed_frame(dialog.dialog_id)]
    progress = progress_of(dialog.dialog_id) or {}
    frames: list[dict[str, Any]] = []
    if progress.get("emotion"):
        frames.append({"type": "emotion", "dialog_id": dialog.dialog_id, **progress["emotion"]})
    if progress.get("text"):
        # the text so far in one frame; `replace` tells the client not to append it
        frames.append({"type": "delta", "dialog_id": dialog.dialog_id, "seq": progress["seq"],
                       "text": progress["text"], "replace": True})
    return frames
