from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

USER_ID_VALIDATOR = RegexValidator(
    r"^[A-Za-z0-9_.-]{3,30}$",
    _("아이디는 3~30자의 영문, 숫자, 밑줄(_), 점(.), 하이픈(-)만 쓸 수 있어요."),
)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, user_id: str, password: str | None = None, **extra: object) -> User:
        if not user_id:
            raise ValueError("user_id is required")
        user = self.model(user_id=user_id, **extra)
        user.set_password(password)
        # force_insert: an existing user_id must fail, never overwrite that account
        user.save(using=self._db, force_insert=True)
        return user

    def create_superuser(self, user_id: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("name", user_id)
        return self.create_user(user_id, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """The `user` table: login by `user_id`, which is also the primary key."""

    class Gender(models.TextChoices):
        FEMALE = "female", _("여성")
        MALE = "male", _("남성")
        OTHER = "other", _("기타")
        UNDISCLOSED = "undisclosed", _("밝히지 않음")

    class Language(models.TextChoices):
        KO = "ko", "한국어"
        EN = "en", "English"

    user_id = models.CharField(
        _("아이디"), max_length=30, primary_key=True, validators=[USER_ID_VALIDATOR]
    )
    name = models.CharField(_("이름"), max_length=50)
    dt_birth = models.DateField(_("생년월일"), null=True, blank=True)
    gender = models.CharField(
        _("성별"), max_length=12, choices=Gender.choices, default=Gender.UNDISCLOSED
    )
    language = models.CharField(
        _("언어"), max_length=5, choices=Language.choices, default=Language.KO
    )
    allow_training_use = models.BooleanField(
        _("상담 기록을 익명화해 상담 품질 개선(모델 학습)에 쓰는 데 동의"), default=False
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "user_id"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        db_table = "user"
        verbose_name = _("사용자")
        verbose_name_plural = _("사용자")

    def __str__(self) -> str:
        return self.user_id

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name

    @property
    def memory_key(self) -> str:
        """The name of this user's memory store on disk (never the raw login id)."""
        import hashlib

        # date_joined too: a new account that reuses a freed login id gets a store of its own
        joined = f"{self.date_joined.timestamp():.6f}" if self.date_joined else ""
        return hashlib.sha256(f"mentos-memory:{self.user_id}:{joined}".encode()).hexdigest()[:32]

    def age_on(self, day: dt.date) -> int | None:
        if self.dt_birth is None:
            return None
        return day.year - self.dt_birth.year - ((day.month, day.day) < (self.dt_birth.month, self.dt_birth.day))


class AuditLog(models.Model):
    """One row per staff view of a user's messages; the user sees these on their profile."""

    audit_id = models.BigAutoField(primary_key=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="audit_entries",
        db_column="user_id",
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        db_column="staff_id",
    )
    staff_label = models.CharField(max_length=80)
    action = models.CharField(max_length=40)
    object_repr = models.CharField(max_length=200)
    dt_audit = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        db_table = "audit_log"
        ordering = ["-dt_audit"]
        verbose_name = _("열람 기록")
        verbose_name_plural = _("열람 기록")

    def __str__(self) -> str:
        return f"{self.staff_label} {self.action} {self.object_repr}"
