from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.models import User
from characters.models import Character
from counseling.models import Counsel, Dialog, EmotionLog


class CharacterSerializer(serializers.ModelSerializer[Character]):
    class Meta:
        model = Character
        fields = ("slug", "character_name", "description", "greeting", "avatar")


class CounselSerializer(serializers.ModelSerializer[Counsel]):
    character = serializers.SlugRelatedField(
        slug_field="slug", queryset=Character.objects.filter(is_active=True)
    )
    is_open = serializers.BooleanField(read_only=True)

    class Meta:
        model = Counsel
        fields = ("counsel_id", "character", "dt_start", "dt_end", "is_open", "greeting")
        read_only_fields = ("counsel_id", "dt_start", "dt_end", "is_open", "greeting")


class DialogSerializer(serializers.ModelSerializer[Dialog]):
    class Meta:
        model = Dialog
        fields = (
            "dialog_id", "dt_dialog", "u_message", "ai_message", "change_dialog",
            "dialog_emotion", "status", "is_crisis", "dt_done",
        )
        read_only_fields = fields


class EmotionLogSerializer(serializers.ModelSerializer[EmotionLog]):
    counsel_id = serializers.IntegerField(read_only=True)
    dialog_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = EmotionLog
        fields = ("emotion_id", "counsel_id", "dialog_id", "counsel_emotion", "dt_emotion_log")
        read_only_fields = fields


class MeSerializer(serializers.ModelSerializer[User]):
    class Meta:
        model = User
        fields = ("user_id", "name", "dt_birth", "gender", "language", "allow_training_use", "date_joined")
        read_only_fields = ("user_id", "date_joined")

    def validate_dt_birth(self, value: dt.date | None) -> dt.date | None:
        if value is not None and value > timezone.localdate():
            raise serializers.ValidationError(_("생년월일은 미래일 수 없어요."))
        return value

    def update(self, instance: User, validated_data: dict[str, Any]) -> User:
        for key, value in validated_data.items():
            setattr(instance, key, value)
        instance.save(update_fields=list(validated_data))
        return instance
