from __future__ import annotations

from django.urls import path

from .consumers import CounselConsumer

websocket_urlpatterns = [
    path("ws/counsels/<int:counsel_id>/", CounselConsumer.as_asgi()),
]
