from __future__ import annotations

from django.urls import re_path

from .consumers import CounselConsumer

websocket_urlpatterns = [
    # any id reaches the consumer, which closes 4404 for one that is not a counsel
    re_path(r"^ws/counsels/(?P<counsel_id>[^/]+)/$", CounselConsumer.as_asgi()),
]
