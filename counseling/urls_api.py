from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.utils import extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.routers import DefaultRouter
from rest_framework.throttling import AnonRateThrottle

from .api import views

app_name = "api"


@extend_schema_view(post=extend_schema(summary="API 토큰 발급 / Obtain an API token", tags=["auth"]))
class ObtainToken(ObtainAuthToken):
    # DRF's view has no throttle: without one, passwords could be guessed here without end
    throttle_classes = [AnonRateThrottle]


router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("counsels", views.CounselViewSet, basename="counsel")

urlpatterns: list[URLPattern | URLResolver] = [
    path("characters/", views.CharacterList.as_view(), name="characters"),
    path("counsels/<int:counsel_id>/dialogs/", views.DialogList.as_view(), name="dialogs"),
    path("emotions/", views.EmotionList.as_view(), name="emotions"),
    path("me/", views.MeView.as_view(), name="me"),
    path("token/", ObtainToken.as_view(), name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
]
