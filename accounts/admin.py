"""Staff admin for users (no password hash editing) and the read-only audit log."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts.models import AuditLog, User


class MentosUserChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = "__all__"
        field_classes: dict[str, type] = {}


class MentosUserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("user_id", "name")

    def clean_user_id(self) -> str:
        user_id: str = self.cleaned_data["user_id"]
        if User.objects.filter(user_id__iexact=user_id).exists():
            raise forms.ValidationError(_("이미 사용 중인 아이디예요. 다른 아이디를 골라 주세요."), code="duplicate")
        return user_id


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = MentosUserChangeForm
    add_form = MentosUserCreationForm
    fieldsets = (
        (None, {"fields": ("user_id", "password")}),
        (_("개인 정보"), {"fields": ("name", "dt_birth", "gender", "language", "allow_training_use")}),
        (
            _("권한"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("날짜"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("user_id", "name", "usable_password", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")
    list_display = ("user_id", "name", "language", "is_staff", "is_active", "date_joined")

    def get_readonly_fields(self, request: Any, obj: Any = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            # only a superuser hands out power: a user administrator cannot grant
            # themselves (or anyone) staff, superuser or the right to read messages
            fields += ["is_staff", "is_superuser", "groups", "user_permissions"]
        return fields
    list_filter = ("is_staff", "is_superuser", "is_active", "language", "groups")
    search_fields = ("user_id", "name")
    ordering = ("user_id",)


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    """Who read whose messages: evidence, so nobody edits or deletes it here."""

    list_display = ("dt_audit", "staff_label", "subject", "action", "object_repr")
    list_filter = ("action",)
    search_fields = ("staff_label", "subject__user_id", "object_repr")
    readonly_fields = ("subject", "staff", "staff_label", "action", "object_repr", "dt_audit")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditLog | None = None) -> bool:
        return False
