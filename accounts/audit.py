"""The audit trail of staff reading people's messages; each person sees theirs on the profile."""

from __future__ import annotations

from django.db import transaction

from .models import AuditLog, User

VIEW_COUNSEL = "view_counsel"


def do_record_staff_view(staff: User, subject: User, action: str, object_repr: str) -> AuditLog:
    with transaction.atomic():
        return AuditLog.objects.create(
            subject=subject,
            staff=staff,
            staff_label=staff.user_id[:80],
            action=action[:40],
            object_repr=object_repr[:200],
        )
