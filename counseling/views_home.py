"""The home page: what Mentos is, where to get urgent help, and whom to talk to."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from characters.models import Character


def index(request: HttpRequest) -> HttpResponse:
    characters = (
        Character.objects.filter(is_active=True).only(
            "slug", "character_name", "description", "avatar", "sort_order"
        )
        if request.user.is_authenticated
        else Character.objects.none()
    )
    return render(request, "home/index.html", {"characters": characters})
