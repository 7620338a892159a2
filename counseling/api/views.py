"""The REST API: every object is scoped to its owner; someone else's id answers 404."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from characters.models import Character
from counseling.history import day_start
from counseling.models import Counsel, Dialog, EmotionLog

from .filters import parse_date_range
from .serializers import (
    CharacterSerializer,
    CounselSerializer,
    DialogSerializer,
    EmotionLogSerializer,
    MeSerializer,
)


@extend_schema_view(
    get=extend_schema(summary="상담 캐릭터 목록 / List the active counsellor characters", tags=["characters"])
)
class CharacterList(generics.ListAPIView[Character]):
    serializer_class = CharacterSerializer
    pagination_class = None
    queryset = Character.objects.filter(is_active=True)


@extend_schema_view(
    list=extend_schema(summary="내 상담 목록 / List my counsels", tags=["counsels"]),
    retrieve=extend_schema(summary="상담 하나 보기 / Retrieve one of my counsels", tags=["counsels"]),
    create=extend_schema(summary="상담 시작 / Start a counsel with a character", tags=["counsels"]),
)
class CounselViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Counsel]
):
    serializer_class = CounselSerializer
    lookup_field = "counsel_id"
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> QuerySet[Counsel]:
        return Counsel.objects.filter(user=self.request.user).select_related("character")

    def perform_create(self, serializer: CounselSerializer) -> None:  # type: ignore[override]
        from counseling import actions

        counsel = actions.do_start_counsel(self.request.user, serializer.validated_data["character"])
        serializer.instance = counsel

    @extend_schema(summary="상담 종료 / End one of my counsels", request=None, tags=["counsels"])
    @action(detail=True, methods=["post"])
    def end(self, request: Request, counsel_id: str | None = None) -> Response:
        counsel = self.get_object()
        if not counsel.is_open:
            raise ValidationError({"detail": "counsel_ended"})
        from counseling import actions

        counsel = actions.do_end_counsel(counsel)
        return Response(self.get_serializer(counsel).data)


@extend_schema_view(
    get=extend_schema(summary="상담의 대화 목록 / List the dialogs of one of my counsels", tags=["counsels"])
)
class DialogList(generics.ListAPIView[Dialog]):
    serializer_class = DialogSerializer

    def get_queryset(self) -> QuerySet[Dialog]:
        counsel = get_object_or_404(Counsel, counsel_id=self.kwargs["counsel_id"], user=self.request.user)
        return Dialog.objects.filter(counsel=counsel).order_by("dialog_id")


@extend_schema_view(
    get=extend_schema(
        summary="내 감정 기록 / My emotion history",
        tags=["emotions"],
        parameters=[
            OpenApiParameter("counsel", OpenApiTypes.INT, description="상담 id / counsel id"),
            OpenApiParameter("date_from", OpenApiTypes.DATE, description="이 날짜부터 / from this date"),
            OpenApiParameter("date_to", OpenApiTypes.DATE, description="이 날짜까지 / up to this date"),
        ],
    )
)
class EmotionList(generics.ListAPIView[EmotionLog]):
    serializer_class = EmotionLogSerializer

    def get_queryset(self) -> QuerySet[EmotionLog]:
        qs = EmotionLog.objects.filter(counsel__user=self.request.user).order_by("emotion_id")
        counsel = self.request.query_params.get("counsel")
        if counsel:
            if not re.fullmatch(r"[0-9]{1,18}", counsel):
                raise ValidationError({"counsel": "must be an integer id"})
            qs = qs.filter(counsel_id=int(counsel))
        start, end = parse_date_range(self.request.query_params)
        if start:
            qs = qs.filter(dt_emotion_log__gte=day_start(start))
        if end:
            qs = qs.filter(dt_emotion_log__lt=day_start(end + dt.timedelta(days=1)))
        return qs


class MeView(generics.RetrieveUpdateAPIView[Any]):
    serializer_class = MeSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self) -> Any:
        return self.request.user

    @extend_schema(summary="내 프로필 / My profile", tags=["me"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="내 프로필 수정 / Update my profile", tags=["me"])
    def patch(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().patch(request, *args, **kwargs)
