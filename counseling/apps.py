from __future__ import annotations

from django.apps import AppConfig


class CounselingConfig(AppConfig):
    name = "counseling"
    default_auto_field = "django.db.models.BigAutoField"
