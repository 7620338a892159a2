from __future__ import annotations

from django.urls import URLPattern, URLResolver

app_name = "data"
urlpatterns: list[URLPattern | URLResolver] = []
