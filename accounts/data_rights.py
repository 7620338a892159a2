"""What a person can do with everything the service holds about them: export it, delete it."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from django.db import transaction
from django.utils import timezone

from counseling.models import Counsel, Dialog, EmotionLog

from .models import AuditLog, User


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def collect_export(user: User) -> dict[str, Any]:
    """Everything about `user`: profile, counsels with dialogs and emotion logs, the audit log."""
    counsels = list(Counsel.objects.filter(user=user).select_related("character").order_by("counsel_id"))
    dialogs_by_counsel: dict[int, list[dict[str, Any]]] = {c.counsel_id: [] for c in counsels}
    for d in Dialog.objects.filter(counsel__user=user).order_by("dialog_id").values(
        "dialog_id", "counsel_id", "dt_dialog", "u_message", "ai_message", "change_dialog",
        "dialog_emotion", "past_dialog", "status", "is_crisis", "dt_done",
    ):
        dialogs_by_counsel[d["counsel_id"]].append({k: _iso(v) for k, v in d.items()})
    logs_by_counsel: dict[int, list[dict[str, Any]]] = {c.counsel_id: [] for c in counsels}
    for e in EmotionLog.objects.filter(counsel__user=user).order_by("emotion_id").values(
        "emotion_id", "counsel_id", "dialog_id", "counsel_emotion", "dt_emotion_log"
    ):
        logs_by_counsel[e["counsel_id"]].append({k: _iso(v) for k, v in e.items()})
    return {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "user_id": user.user_id,
            "name": user.name,
            "dt_birth": _iso(user.dt_birth),
            "gender": user.gender,
            "language": user.language,
            "allow_training_use": user.allow_training_use,
            "date_joined": _iso(user.date_joined),
        },
        "counsels": [
            {
                "counsel_id": c.counsel_id,
                "character": c.character.slug,
                "character_name": c.character.character_name,
                "dt_start": _iso(c.dt_start),
                "dt_end": _iso(c.dt_end),
                "greeting": c.greeting,
                "is_crisis": c.is_crisis,
                "dialogs": dialogs_by_counsel[c.counsel_id],
                "emotion_logs": logs_by_counsel[c.counsel_id],
            }
            for c in counsels
        ],
        "audit_log": [
            {"dt": _iso(a.dt_audit), "staff": a.staff_label, "action": a.action, "object": a.object_repr}
            for a in AuditLog.objects.filter(subject=user).order_by("audit_id")
        ],
    }


def export_json(user: User) -> bytes:
    return json.dumps(collect_export(user), ensure_ascii=False, indent=2).encode("utf-8")


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    # a cell starting like a formula is shown as text by spreadsheet programs, never run
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    # A BOM so spreadsheet programs open the Korean text as UTF-8.
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def export_csv_zip(user: User) -> bytes:
    data = collect_export(user)
    counsels = data["counsels"]
    dialogs = [d for c in counsels for d in c["dialogs"]]
    logs = [e for c in counsels for e in c["emotion_logs"]]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("profile.csv", _csv([data["profile"]], list(data["profile"])))
        zf.writestr("counsels.csv", _csv(counsels, ["counsel_id", "character", "character_name", "dt_start", "dt_end", "greeting", "is_crisis"]))
        zf.writestr("dialogs.csv", _csv(dialogs, ["dialog_id", "counsel_id", "dt_dialog", "u_message", "ai_message", "change_dialog", "dialog_emotion", "past_dialog", "status", "is_crisis", "dt_done"]))
        zf.writestr("emotion_logs.csv", _csv(logs, ["emotion_id", "counsel_id", "dialog_id", "counsel_emotion", "dt_emotion_log"]))
        zf.writestr("audit_log.csv", _csv(data["audit_log"], ["dt", "staff", "action", "object"]))
    return out.getvalue()


def _delete_sessions_of(user: User) -> None:
    """Every stored session of the user (other browsers too): they hold the login id."""
    from django.contrib.sessions.models import Session

    uid = str(user.pk)
    stale = [
        s.session_key for s in Session.objects.iterator(chunk_size=500) if s.get_decoded().get("_auth_user_id") == uid
    ]
    Session.objects.filter(session_key__in=stale).delete()


def do_delete_account(user: User) -> None:
    """Delete the user and everything of theirs; the memory store on disk goes after commit."""
    from inference.memory_store import delete_memory_key

    memory_key = user.memory_key
    with transaction.atomic():
        # Rows go child-first so nothing of theirs outlives the user even without cascades.
        EmotionLog.objects.filter(counsel__user=user).delete()
        Dialog.objects.filter(counsel__user=user).delete()
        Counsel.objects.filter(user=user).delete()
        AuditLog.objects.filter(subject=user).delete()
        _delete_sessions_of(user)
        user.delete()
        transaction.on_commit(lambda: delete_memory_key(memory_key))
