"""Writes of the chat: `check_*` validate input and access, `do_*` write atomically and
schedule their side effects (the broadcast, the turn) with transaction.on_commit, so a
rolled-back write never pushes an event or starts a turn."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .dispatch import dispatch_turn, publish
from .models import Counsel, Dialog

MAX_MESSAGE_CHARS = 2000
MAX_CLIENT_MSG_ID = 64
RATE_LIMIT = 10  # messages per user ...
RATE_WINDOW_S = 60  # ... per this many seconds
RATE_KEY = "chat-rate:{user_pk}"

# The `message` of each error frame; the client shows its own text per code when it has one.
ERROR_MESSAGES: dict[str, Any] = {
    "invalid_json": _("메시지 형식이 올바르지 않아요."),
    "unknown_type": _("알 수 없는 요청이에요."),
    "invalid_message": _("메시지 형식이 올바르지 않아요."),
    "empty_message": _("메시지를 입력해 주세요."),
    "message_too_long": _("메시지는 2,000자까지 보낼 수 있어요."),
    "rate_limited": _("메시지를 너무 빨리 보내고 있어요. 잠시 후에 다시 보내 주세요."),
    "counsel_ended": _("이미 종료된 상담이에요."),
    "not_found": _("대화를 찾을 수 없어요."),
    "forbidden": _("이 대화에 접근할 수 없어요."),
    "not_retryable": _("다시 시도할 수 없는 대화예요."),
    "turn_failed": _("답변을 만들지 못했어요. 다시 시도해 주세요."),
}


class ChatError(Exception):
    """A client error; the consumer turns it into {"type": "error", "code": ...}."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def error_frame(code: str) -> dict[str, Any]:
    return {"type": "error", "code": code, "message": str(ERROR_MESSAGES.get(code, code))}


def ack_frame(dialog: Dialog) -> dict[str, Any]:
    return {"type": "ack", "dialog_id": dialog.dialog_id, "client_msg_id": dialog.client_msg_id,
            "u_message": dialog.u_message, "status": dialog.status}


# --- counsels -----------------------------------------------------------------------------
def do_start_counsel(user: Any, character: Any) -> Counsel:
    """A new counsel; the character's greeting, as it is now, is its first message."""
    return Counsel.objects.create(user=user, character=character, greeting=character.greeting)


def do_end_counsel(counsel: Counsel) -> Counsel:
    with transaction.atomic():
        updated = Counsel.objects.filter(pk=counsel.pk, dt_end__isnull=True).update(dt_end=timezone.now())
        counsel.refresh_from_db(fields=["dt_end"])
        if updated:
            group, frame = counsel.group_name, {"type": "ended", "counsel_id": counsel.pk}
            transaction.on_commit(lambda: publish(group, frame))
    return counsel


# --- messages -----------------------------------------------------------------------------
@dataclass(frozen=True)
class MessageRequest:
    counsel: Counsel
    text: str
    client_msg_id: str


def _encodable(value: str) -> bool:
    """False for text no database can store, e.g. half an emoji (a lone surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_send_message(user: Any, counsel: Counsel, text: Any, client_msg_id: Any) -> MessageRequest:
    if client_msg_id in (None, ""):
        client_msg_id = uuid.uuid4().hex
    if not isinstance(text, str) or isinstance(client_msg_id, bool) \
            or not isinstance(client_msg_id, str | int) or len(str(client_msg_id)) > MAX_CLIENT_MSG_ID \
            or not _encodable(text) or not _encodable(str(client_msg_id)):
        raise ChatError("invalid_message")
    text = text.strip()
    if not text:
        raise ChatError("empty_message")
    if len(text) > MAX_MESSAGE_CHARS:
        raise ChatError("message_too_long")
    if not counsel.is_open:
        raise ChatError("counsel_ended")
    request = MessageRequest(counsel=counsel, text=text, client_msg_id=str(client_msg_id))
    # a resent message is answered from its dialog and does not count against the limit
    if not Dialog.objects.filter(counsel=counsel, client_msg_id=request.client_msg_id).exists():
        try:
            _check_rate(user)
        except ChatError:
            # never refuse someone in crisis: such a message always gets its reply (helplines)
            if not _is_crisis(text):
                raise
    return request


def _is_crisis(text: str) -> bool:
    """The crisis stage alone (rules; no model loads in the web process for this)."""
    from inference.django_glue import backend_options
    from inference.registry import get_backend

    backend = get_backend("crisis", settings.MENTOS_CRISIS_BACKEND, backend_options())
    return bool(backend.check(text, None).is_crisis)


def _check_rate(user: Any) -> None:
    """More than RATE_LIMIT messages in the last RATE_WINDOW_S seconds: refuse (sliding window)."""
    key = RATE_KEY.format(user_pk=user.pk)
    now = time.time()
    recent = [t for t in cache.get(key, []) if t > now - RATE_WINDOW_S]
    if len(recent) >= RATE_LIMIT:
        raise ChatError("rate_limited")
    cache.set(key, [*recent, now], timeout=RATE_WINDOW_S)


def do_send_message(request: MessageRequest) -> tuple[Dialog, bool]:
    """Store the message (status pending) and start its turn on commit.

    Idempotent on (counsel, client_msg_id): the second call returns the first dialog and
    created=False, and starts nothing.
    """
    counsel = request.counsel
    try:
        with transaction.atomic():
            dialog, created = Dialog.objects.get_or_create(
                counsel=counsel, client_msg_id=request.client_msg_id,
                defaults={"u_message": request.text},
            )
            if created:
                group, frame, dialog_id = counsel.group_name, ack_frame(dialog), dialog.dialog_id

                def after_commit() -> None:
                    publish(group, frame)  # every tab shows the message before any reply frame
                    dispatch_turn(dialog_id)

                transaction.on_commit(after_commit)
    except IntegrityError:  # the same client_msg_id raced in from a second socket
        return Dialog.objects.get(counsel=counsel, client_msg_id=request.client_msg_id), False
    return dialog, created


def check_retry_dialog(counsel: Counsel, dialog: Dialog) -> Dialog:
    if dialog.counsel_id != counsel.pk:
        raise ChatError("not_found")
    if not counsel.is_open:
        raise ChatError("counsel_ended")
    if dialog.status != Dialog.Status.FAILED:
        raise ChatError("not_retryable")
    return dialog


def do_retry_dialog(dialog: Dialog) -> Dialog:
    """Run a failed dialog's turn again, with a fresh count of attempts."""
    with transaction.atomic():
        updated = Dialog.objects.filter(pk=dialog.pk, status=Dialog.Status.FAILED).update(
            status=Dialog.Status.PENDING, error="", attempts=0
        )
        dialog.refresh_from_db()
        if updated:
            group, frame, dialog_id = dialog.counsel.group_name, ack_frame(dialog), dialog.dialog_id

            def after_commit() -> None:
                publish(group, frame)
                dispatch_turn(dialog_id)

            transaction.on_commit(after_commit)
    return dialog
