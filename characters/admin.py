"""Staff manage the counsellor characters: list, search, reorder, edit and preview."""

from __future__ import annotations

import logging

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from characters.models import Character

log = logging.getLogger(__name__)

# The offline rule backend is cheap and never loads a model, so the admin may run it.
PREVIEW_STYLE_BACKEND = "inference.backends.style_rules.RuleStyleBackend"
# What the plain counsellor might say; the preview shows it in the character's 말투.
SAMPLE_SENTENCES = (
    "오늘 하루 정말 힘드셨겠어요.",
    "그런 마음이 드는 건 자연스러운 일이에요.",
    "괜찮다면 조금 더 이야기해 주실 수 있을까요?",
)


def styled_sample(character: Character) -> list[str] | None:
    """The sample sentences in the character's style, or None when no rule backend is there."""
    try:
        from inference.registry import get_backend
        from inference.types import CharacterStyle

        backend = get_backend("style", PREVIEW_STYLE_BACKEND, {})
    except Exception:  # the style backend is optional here: no backend, no sample
        log.info("style preview unavailable: %s cannot be loaded", PREVIEW_STYLE_BACKEND, exc_info=True)
        return None
    style = CharacterStyle(
        slug=character.slug,
        name=character.character_name,
        style_token=character.style_token,
        character_model=character.character_model,
        style_rules=dict(character.style_rules or {}),
        llm_adapter=character.llm_adapter,
    )
    try:
        return list(backend.stylize(list(SAMPLE_SENTENCES), style))
    except Exception:  # a broken rule set must not break the admin page
        log.warning("style preview failed for %s", character.slug, exc_info=True)
        return None


class CharacterForm(forms.ModelForm):
    class Meta:
        model = Character
        fields = (
            "character_name", "slug", "avatar", "description", "greeting", "style_token",
            "character_model", "style_rules", "llm_adapter", "is_active", "sort_order",
        )

    def clean_style_rules(self) -> dict:
        from inference.backends.style_rules import validate_style_rules

        rules = self.cleaned_data["style_rules"]
        errors = validate_style_rules(rules)
        if errors:
            raise forms.ValidationError(errors)
        return rules


@admin.register(Character)
class CharacterAdmin(admin.ModelAdmin):
    form = CharacterForm
    list_display = (
        "avatar_display", "character_name", "slug", "style_token", "is_active", "sort_order", "preview_link",
    )
    list_display_links = ("character_name",)
    list_editable = ("sort_order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("character_name", "slug", "description", "style_token")
    ordering = ("sort_order", "character_id")
    prepopulated_fields = {"slug": ("character_name",)}
    readonly_fields = ("preview",)
    actions = ("activate", "deactivate")
    fieldsets = (
        (None, {"fields": ("character_name", "slug", "avatar", "description", "greeting", "is_active", "sort_order")}),
        (_("말투"), {"fields": ("style_token", "character_model", "style_rules", "llm_adapter")}),
        (_("미리보기"), {"fields": ("preview",)}),
    )

    @admin.action(description=_("선택한 캐릭터를 사용하게 하기"), permissions=["change"])
    def activate(self, request: HttpRequest, queryset: QuerySet[Character]) -> None:
        queryset.update(is_active=True)

    @admin.action(description=_("선택한 캐릭터를 숨기기"), permissions=["change"])
    def deactivate(self, request: HttpRequest, queryset: QuerySet[Character]) -> None:
        # Hidden from the home page; open counsels with it keep working.
        queryset.update(is_active=False)

    @admin.display(description=_("아바타"))
    def avatar_display(self, obj: Character) -> str:
        return obj.avatar or "—"

    @admin.display(description=_("미리보기"))
    def preview_link(self, obj: Character) -> SafeString:
        url = reverse("admin:characters_character_preview", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("미리보기"))

    @admin.display(description=_("미리보기"))
    def preview(self, obj: Character | None) -> SafeString | str:
        if obj is None or obj.pk is None:
            return _("저장한 뒤에 미리 볼 수 있어요.")
        url = reverse("admin:characters_character_preview", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("이 캐릭터가 사용자에게 어떻게 보이는지 보기"))

    def get_urls(self) -> list[URLPattern]:
        preview = path(
            "<int:object_id>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="characters_character_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        character = get_object_or_404(Character, pk=object_id)
        if not self.has_view_or_change_permission(request, character):
            raise PermissionDenied
        styled = styled_sample(character)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": character,
            "title": _("%(name)s 미리보기") % {"name": character.character_name},
            "character": character,
            "styled": styled,
            "sample_pairs": list(zip(SAMPLE_SENTENCES, styled or [], strict=False)),
        }
        return TemplateResponse(request, "admin/characters/character/preview.html", context)
