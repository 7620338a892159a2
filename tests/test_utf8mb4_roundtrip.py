"""Korean text and emoji (4-byte UTF-8, ZWJ sequences) come back unchanged from every text
column of the five tables and the audit log, on whichever database is configured
(SQLite locally; `make test` runs it again on MariaDB, where a 3-byte `utf8` would break)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection, models

from accounts.models import AuditLog, User
from characters.models import Character
from counseling.models import Counsel, Dialog, EmotionLog

pytestmark = pytest.mark.django_db

TEXT = "오늘 너무 힘들었어 😢🙏 👨‍👩‍👧"
JSON_VALUE = {
    "label": "힘듦(지침)",
    "scores": {"슬픔(우울한)": 0.25, "힘듦(지침)": 0.75},
    "note": TEXT,
    "list": [TEXT, {"u_message": TEXT}],
}
# Not free text: a hash and enumerations whose values are ASCII codes.
NOT_FREE_TEXT = {(User, "password"), (User, "gender"), (User, "language"), (Dialog, "status")}
MODELS = (User, Character, Counsel, Dialog, EmotionLog, AuditLog)


def text_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField | models.JSONField)
        and (model, f.name) not in NOT_FREE_TEXT
    ]


def korean_values(model: type[models.Model], tag: str) -> dict[str, Any]:
    """A Korean+emoji value for every text column (cut to its max_length)."""
    values: dict[str, Any] = {}
    for f in text_fields(model):
        if isinstance(f, models.JSONField):
            values[f.name] = JSON_VALUE
        else:
            text = f"{tag}{TEXT}"
            values[f.name] = text[: f.max_length] if f.max_length else text
    return values


def assert_round_trip(instance: models.Model, values: dict[str, Any]) -> None:
    fresh = type(instance).objects.get(pk=instance.pk)
    for name, value in values.items():
        assert getattr(fresh, name) == value, f"{type(instance).__name__}.{name} changed on the way"


def test_korean_and_emoji_survive_every_text_column() -> None:
    user_values = korean_values(User, "사용자")
    user = User.objects.create_user(password="s3cret-Passw0rd!", **user_values)
    staff = User.objects.create_user("staffer", "s3cret-Passw0rd!", name="관리자 👩‍⚕️", is_staff=True)

    character_values = korean_values(Character, "캐릭터")
    character = Character.objects.create(**character_values)

    counsel_values = korean_values(Counsel, "상담")
    counsel = Counsel.objects.create(user=user, character=character, **counsel_values)

    dialog_values = korean_values(Dialog, "대화")
    dialog = Dialog.objects.create(counsel=counsel, **dialog_values)

    log_values = korean_values(EmotionLog, "감정")
    log = EmotionLog.objects.create(counsel=counsel, dialog=dialog, **log_values)

    audit_values = korean_values(AuditLog, "열람")
    audit = AuditLog.objects.create(subject=user, staff=staff, **audit_values)

    for instance, values in [
        (user, user_values), (character, character_values), (counsel, counsel_values),
        (dialog, dialog_values), (log, log_values), (audit, audit_values),
    ]:
        assert_round_trip(instance, values)
    assert User.objects.get(pk=user.pk).check_password("s3cret-Passw0rd!")


def test_the_round_trip_covers_the_columns_the_design_names() -> None:
    covered = {(m._meta.db_table, f.column) for m in MODELS for f in text_fields(m)}

    for column in [
        ("user", "user_id"), ("user", "name"),
        ("character", "character_name"), ("character", "character_model"), ("character", "description"),
        ("character", "greeting"), ("character", "avatar"), ("character", "style_token"),
        ("character", "style_rules"),
        ("counsel", "greeting"),
        ("dialog", "u_message"), ("dialog", "ai_message"), ("dialog", "change_dialog"),
        ("dialog", "dialog_emotion"), ("dialog", "past_dialog"), ("dialog", "error"),
        ("dialog", "client_msg_id"), ("dialog", "timings"),
        ("emotion_log", "counsel_emotion"),
        ("audit_log", "staff_label"), ("audit_log", "object_repr"),
    ]:
        assert column in covered


def test_a_korean_search_finds_the_row_again() -> None:
    Character.objects.create(slug="rt", character_name="눈물 😢 상담사", greeting=TEXT)

    assert Character.objects.filter(character_name__contains="눈물 😢").get().greeting == TEXT


def test_mysql_tables_and_connection_are_utf8mb4() -> None:
    if connection.vendor != "mysql":
        pytest.skip("only MySQL/MariaDB has 3-byte 'utf8' to guard against")
    with connection.cursor() as cursor:
        cursor.execute("SELECT @@character_set_connection, @@character_set_client")
        assert cursor.fetchone() == ("utf8mb4", "utf8mb4")
        tables = [m._meta.db_table for m in MODELS]
        cursor.execute(
            "SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_SET_NAME FROM information_schema.COLUMNS "
            "WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL "
            f"AND TABLE_NAME IN ({', '.join(['%s'] * len(tables))})",
            tables,
        )
        rows = cursor.fetchall()
    assert rows, "the tables have text columns"
    assert {charset for _, _, charset in rows} == {"utf8mb4"}, rows
