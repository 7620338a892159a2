from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Character(models.Model):
    """The `character` table: one counsellor persona and how its replies are styled."""

    character_id = models.BigAutoField(primary_key=True)
    character_name = models.CharField(_("이름"), max_length=50)
    # The style-transfer (seq2seq) model id or path; empty = no model conversion.
    character_model = models.CharField(_("스타일 변환 모델"), max_length=200, blank=True)
    slug = models.SlugField(max_length=40, unique=True)
    description = models.TextField(_("설명"), blank=True)
    greeting = models.TextField(_("첫인사"), blank=True)
    avatar = models.CharField(_("아바타(이모지)"), max_length=16, blank=True)
    # The KoBART converter's style token: input is "<token> 형식으로 변환:<sentence>".
    style_token = models.CharField(_("스타일 토큰"), max_length=40, blank=True)
    # Offline style rules (speech level, endings, interjections ...), editable in admin.
    style_rules = models.JSONField(_("오프라인 말투 규칙"), default=dict, blank=True)
    # Optional peft adapter for the LLM (e.g. the DPO adapter for `expert`).
    llm_adapter = models.CharField(_("LLM 어댑터"), max_length=300, blank=True)
    is_active = models.BooleanField(_("사용"), default=True)
    sort_order = models.PositiveIntegerField(_("순서"), default=0)

    class Meta:
        db_table = "character"
        ordering = ["sort_order", "character_id"]
        verbose_name = _("캐릭터")
        verbose_name_plural = _("캐릭터")

    def __str__(self) -> str:
        return self.character_name

    @property
    def style_prompt(self) -> str:
        return f"{self.style_token} 형식으로 변환:" if self.style_token else ""
