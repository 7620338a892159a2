from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from inference.labels import EMOTION_LABELS, NEGATIVE, NEUTRAL, POSITIVE

from . import charts
from .history import counsel_flow, parse_day, summarize
from .models import Counsel


def _date_param(request: HttpRequest, key: str) -> tuple[dt.date | None, str]:
    raw = request.GET.get(key, "").strip()
    if not raw:
        return None, ""
    try:
        return parse_day(raw), ""
    except ValueError:
        return None, _("날짜는 YYYY-MM-DD 형식으로 입력해 주세요.")


@login_required
def index(request: HttpRequest) -> HttpResponse:
    date_from, err_from = _date_param(request, "from")
    date_to, err_to = _date_param(request, "to")
    error = err_from or err_to
    if date_from and date_to and date_from > date_to:
        error = _("시작 날짜가 끝 날짜보다 늦어요.")
        date_from = date_to = None
    summary = summarize(request.user, date_from, date_to)
    group_names = {POSITIVE: _("긍정"), NEUTRAL: _("중립"), NEGATIVE: _("부정")}
    context = {
        "summary": summary,
        "labels": EMOTION_LABELS,
        "group_names": group_names,
        "date_from": date_from,
        "date_to": date_to,
        "date_error": error,
    }
    if not summary.is_empty:
        context["charts"] = {
            "groups": charts.daily_groups(summary, group_names),
            "labels": charts.daily_labels(summary),
            "characters": charts.per_character(summary),
            "shifts": charts.shifts(summary, _("시작"), _("마지막")),
        }
    return render(request, "history/index.html", context)


@login_required
def detail(request: HttpRequest, counsel_id: int) -> HttpResponse:
    counsel = get_object_or_404(Counsel.objects.select_related("character"), counsel_id=counsel_id, user=request.user)
    rows = counsel_flow(counsel)
    context = {"counsel": counsel, "rows": rows, "labels": EMOTION_LABELS}
    if rows:
        context["flow_chart"] = charts.flow(rows, _("긍정-부정 지수"))
    return render(request, "history/detail.html", context)
