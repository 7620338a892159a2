from __future__ import annotations

from django.urls import path

from . import views_chat

app_name = "chat"
urlpatterns = [
    path("", views_chat.counsel_list, name="list"),
    path("new/<slug:slug>/", views_chat.counsel_new, name="new"),
    path("<int:counsel_id>/", views_chat.counsel_detail, name="detail"),
    path("<int:counsel_id>/end/", views_chat.counsel_end, name="end"),
]
