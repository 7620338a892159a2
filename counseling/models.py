from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Counsel(models.Model):
    """The `counsel` table: one session between a user and a character."""

    counsel_id = models.BigAutoField(primary_key=True)
    character = models.ForeignKey(
        "characters.Character", on_delete=models.PROTECT, db_column="character_id",
        related_name="counsels",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, db_column="user_id",
        related_name="counsels",
    )
    dt_start = models.DateTimeField(default=timezone.now, db_index=True)
    dt_end = models.DateTimeField(null=True, blank=True)
    # The character's greeting as it was when the session started: its first message.
    greeting = models.TextField(blank=True)
    # Set when any turn of this counsel hit the crisis protocol: staff follow up.
    is_crisis = models.BooleanField(_("위기 신호"), default=False, db_index=True)

    class Meta:
        db_table = "counsel"
        ordering = ["-dt_start"]
        permissions = [("view_messages", "Can read users' counselling messages")]
        indexes = [models.Index(fields=["user", "-dt_start"], name="counsel_user_start")]

    def __str__(self) -> str:
        return f"counsel {self.counsel_id}"

    @property
    def is_open(self) -> bool:
        return self.dt_end is None

    @property
    def group_name(self) -> str:
        return f"counsel.{self.counsel_id}"


class Dialog(models.Model):
    """The `dialog` table: one turn — the user's message and the counsellor's reply."""

    class Status(models.TextChoices):
        PENDING = "pending", _("대기")
        RUNNING = "running", _("진행 중")
        DONE = "done", _("완료")
        FAILED = "failed", _("실패")

    dialog_id = models.BigAutoField(primary_key=True)
    counsel = models.ForeignKey(
        Counsel, on_delete=models.CASCADE, db_column="counsel_id", related_name="dialogs"
    )
    dt_dialog = models.DateTimeField(default=timezone.now, db_index=True)
    u_message = models.TextField()
    client_msg_id = models.CharField(max_length=64)
    ai_message = models.TextField(blank=True)  # the LLM's reply
    dialog_emotion = models.JSONField(null=True, blank=True)  # {"label": ..., "scores": {...}}
    past_dialog = models.JSONField(default=list, blank=True)  # what memory retrieval gave the LLM
    change_dialog = models.TextField(blank=True)  # the reply in the character's style
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    is_crisis = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    timings = models.JSONField(default=dict, blank=True)  # per-stage milliseconds
    dt_done = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "dialog"
        ordering = ["dialog_id"]
        constraints = [
            models.UniqueConstraint(fields=["counsel", "client_msg_id"], name="dialog_client_msg_once")
        ]
        indexes = [models.Index(fields=["status", "dt_dialog"], name="dialog_status_dt")]

    def __str__(self) -> str:
        return f"dialog {self.dialog_id}"

    @property
    def is_finished(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def emotion_label(self) -> str:
        return (self.dialog_emotion or {}).get("label", "")


class EmotionLog(models.Model):
    """The `emotion_log` table: the session's running emotion, one row per update."""

    emotion_id = models.BigAutoField(primary_key=True)
    counsel = models.ForeignKey(
        Counsel, on_delete=models.CASCADE, db_column="counsel_id", related_name="emotion_logs"
    )
    dialog = models.ForeignKey(
        Dialog, on_delete=models.CASCADE, db_column="dialog_id", related_name="emotion_logs",
        null=True, blank=True,
    )
    # {"label": dominant label, "distribution": {label: p}}
    counsel_emotion = models.JSONField()
    dt_emotion_log = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        db_table = "emotion_log"
        ordering = ["emotion_id"]

    def __str__(self) -> str:
        return f"emotion_log {self.emotion_id}"
