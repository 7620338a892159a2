"""Read-only staff admin for counsels. Reading messages needs `counseling.view_messages`,
and every such view is written to the user's audit log."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from accounts.audit import VIEW_COUNSEL, do_record_staff_view

from .models import Counsel, Dialog

VIEW_MESSAGES = "counseling.view_messages"


class OpenEndedFilter(admin.SimpleListFilter):
    title = _("상태")
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("open", _("진행 중")), ("ended", _("종료"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Counsel]) -> QuerySet[Counsel]:
        if self.value() == "open":
            return queryset.filter(dt_end__isnull=True)
        if self.value() == "ended":
            return queryset.filter(dt_end__isnull=False)
        return queryset


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_active and request.user.is_staff and request.user.has_perm(VIEW_MESSAGES))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)


class DialogInline(ReadOnlyMixin, admin.TabularInline):
    model = Dialog
    extra = 0
    can_delete = False
    show_change_link = False
    fields = ("dt_dialog", "u_message", "emotion", "change_dialog", "status", "is_crisis")
    readonly_fields = fields

    @admin.display(description=_("감정"))
    def emotion(self, obj: Dialog) -> str:
        return obj.emotion_label


@admin.register(Counsel)
class CounselAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("counsel_id", "user", "character", "dt_start", "dt_end", "is_crisis")
    list_filter = ("character", OpenEndedFilter, "is_crisis")
    search_fields = ("user__user_id",)
    list_select_related = ("user", "character")
    fields = ("counsel_id", "user", "character", "dt_start", "dt_end", "is_crisis", "greeting")
    readonly_fields = fields
    inlines = [DialogInline]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        counsel = self.get_object(request, object_id)
        if counsel is not None and response.status_code == 200:
            do_record_staff_view(request.user, counsel.user, VIEW_COUNSEL, f"counsel {counsel.counsel_id}")  # type: ignore[arg-type]
        return response
