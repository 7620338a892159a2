"""Chat pages: my counsels, start one, the chat itself, end one."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from characters.models import Character

from .access import counsel_for_page
from .actions import MAX_MESSAGE_CHARS, do_end_counsel, do_start_counsel
from .models import Counsel, Dialog


@login_required
def counsel_list(request: HttpRequest) -> HttpResponse:
    last = Dialog.objects.filter(counsel=OuterRef("pk")).order_by("-dialog_id")
    counsels = (
        Counsel.objects.filter(user=request.user)
        .select_related("character")
        .annotate(last_message=Subquery(last.values("u_message")[:1]))
        .order_by("-dt_start")
    )
    characters = Character.objects.filter(is_active=True).order_by("sort_order", "pk")
    return render(request, "counseling/list.html", {"counsels": counsels, "characters": characters})


@login_required
@require_POST
def counsel_new(request: HttpRequest, slug: str) -> HttpResponse:
    character = get_object_or_404(Character, slug=slug, is_active=True)
    counsel = do_start_counsel(request.user, character)
    return redirect("chat:detail", counsel_id=counsel.counsel_id)


@login_required
def counsel_detail(request: HttpRequest, counsel_id: int) -> HttpResponse:
    counsel = counsel_for_page(request, counsel_id)
    dialogs = list(counsel.dialogs.order_by("dialog_id"))
    return render(request, "counseling/detail.html", {
        "counsel": counsel, "character": counsel.character, "dialogs": dialogs,
        "max_chars": MAX_MESSAGE_CHARS,
    })


@login_required
@require_POST
def counsel_end(request: HttpRequest, counsel_id: int) -> HttpResponse:
    counsel = counsel_for_page(request, counsel_id)
    do_end_counsel(counsel)
    return redirect("chat:detail", counsel_id=counsel.counsel_id)
