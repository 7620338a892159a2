from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from counseling import views_home

app_name = "home"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views_home.index, name="index"),
]
