"""The Django side of memory: which turns a user's store holds, and keeping it in step.

A store is derived data: the `dialog` rows are the truth. A missing store (new machine,
wiped folder, changed embeddings) is rebuilt from them on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from .base import MemoryBackend
from .types import MemoryRecord

if TYPE_CHECKING:
    from accounts.models import User
    from counseling.models import Dialog


def memory_backend() -> MemoryBackend:
    from .django_glue import get_backend

    return get_backend("memory")


def _indexable(dialog: Dialog) -> bool:
    # Crisis turns stay out: a later reply must not open with "지난번에 말씀하신 …" about them.
    return dialog.status == dialog.Status.DONE and not dialog.is_crisis and bool(dialog.ai_message)


def to_record(dialog: Dialog) -> MemoryRecord:
    return MemoryRecord(
        dialog_id=int(dialog.dialog_id),
        u_message=dialog.u_message,
        reply=dialog.ai_message,
        dt=timezone.localdate(dialog.dt_dialog).isoformat(),
    )


def memory_records(user: User) -> list[MemoryRecord]:
    from counseling.models import Dialog

    rows = (
        Dialog.objects.filter(counsel__user=user, status=Dialog.Status.DONE, is_crisis=False)
        .exclude(ai_message="")
        .only("dialog_id", "u_message", "ai_message", "dt_dialog", "status", "is_crisis")
        .order_by("dialog_id")
    )
    return [to_record(d) for d in rows]


def ensure_memory(user: User) -> bool:
    """Rebuild the user's store from their finished turns if it is missing. True if rebuilt."""
    backend = memory_backend()
    if backend.exists(user.memory_key):
        return False
    backend.rebuild(user.memory_key, memory_records(user))
    return True


def index_dialog(dialog: Dialog) -> bool:
    """Add one finished turn to its user's memory (idempotent). True if it is indexed."""
    if not _indexable(dialog):
        return False
    user = dialog.counsel.user
    if not type(user)._default_manager.filter(pk=user.pk).exists():
        return False  # the account was deleted while the turn ran
    ensure_memory(user)
    # Added even right after a rebuild (idempotent): the row may not be committed yet.
    memory_backend().add(user.memory_key, to_record(dialog))
    if not type(dialog)._default_manager.filter(pk=dialog.pk).exists():
        delete_memory_key(user.memory_key)  # deleted while we wrote: leave nothing on disk
        return False
    return True


def delete_memory(user: User) -> None:
    delete_memory_key(user.memory_key)


def delete_memory_key(memory_key: str) -> None:
    """For callers that already deleted the user row (run on commit)."""
    memory_backend().delete_user(memory_key)
