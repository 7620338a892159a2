from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from . import views_history

app_name = "history"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views_history.index, name="index"),
    path("<int:counsel_id>/", views_history.detail, name="detail"),
]
