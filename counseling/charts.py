"""Plotly figures for the history pages, as JSON for plotly.js (served from our static files)."""

from __future__ import annotations

import json
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from inference.labels import EMOTION_LABELS, LABEL_GROUP

from .history import GROUP_COLORS, GROUPS, FlowRow, HistorySummary

LABEL_COLORS = {
    "기쁨(행복한)": "#f2b134", "고마운": "#9bc53d", "설레는(기대하는)": "#e8a1c4", "사랑하는": "#e56b9b",
    "즐거운(신나는)": "#5bc0be", "일상적인": "#b8c0c8", "생각이 많은": "#8d99ae",
    "슬픔(우울한)": "#5a7bb5", "힘듦(지침)": "#7d5ba6", "짜증남": "#d1495b", "걱정스러운(불안한)": "#e07a3f",
}

_LAYOUT: dict[str, Any] = {
    "margin": {"l": 40, "r": 10, "t": 30, "b": 40},
    "legend": {"orientation": "h", "y": -0.25},
    "font": {"family": "Apple SD Gothic Neo, Malgun Gothic, Noto Sans KR, Noto Sans CJK KR, sans-serif"},
    "paper_bgcolor": "rgba(0,0,0,0)",
    "plot_bgcolor": "rgba(0,0,0,0)",
    "autosize": True,
}


def _json(fig: go.Figure) -> dict[str, Any]:
    # A plain dict, so the template can emit it with json_script (escaped, never raw HTML).
    return json.loads(pio.to_json(fig, validate=False))


def daily_groups(summary: HistorySummary, names: dict[str, str]) -> dict[str, Any]:
    days = [row.day.isoformat() for row in summary.days]
    fig = go.Figure(
        [
            go.Bar(x=days, y=[row.group_share[g] for row in summary.days], name=names[g], marker_color=GROUP_COLORS[g])
            for g in GROUPS
        ]
    )
    fig.update_layout(barmode="stack", yaxis={"tickformat": ".0%", "range": [0, 1]}, xaxis={"type": "category"}, **_LAYOUT)
    return _json(fig)


def daily_labels(summary: HistorySummary) -> dict[str, Any]:
    days = [row.day.isoformat() for row in summary.days]
    fig = go.Figure(
        [
            go.Scatter(
                x=days, y=[row.label_share[label] for row in summary.days], name=label,
                mode="lines+markers", stackgroup="one", line={"color": LABEL_COLORS[label]},
            )
            for label in EMOTION_LABELS
        ]
    )
    fig.update_layout(yaxis={"tickformat": ".0%", "range": [0, 1]}, xaxis={"type": "category"}, **_LAYOUT)
    return _json(fig)


def per_character(summary: HistorySummary) -> dict[str, Any]:
    names = list(summary.per_character)
    fig = go.Figure(
        [
            go.Bar(
                y=names, x=[summary.per_character[n][label] for n in names], name=label, orientation="h",
                marker_color=LABEL_COLORS[label],
            )
            for label in EMOTION_LABELS
        ]
    )
    fig.update_layout(barmode="stack", **_LAYOUT)
    return _json(fig)


def shifts(summary: HistorySummary, start_name: str, end_name: str) -> dict[str, Any]:
    x = [f"#{s.counsel_id} {s.character_name}" for s in summary.shifts]
    fig = go.Figure(
        [
            go.Bar(x=x, y=[s.start_valence for s in summary.shifts], name=start_name, marker_color="#b8c0c8"),
            go.Bar(x=x, y=[s.end_valence for s in summary.shifts], name=end_name, marker_color="#3a9d6a"),
        ]
    )
    fig.update_layout(barmode="group", yaxis={"range": [-1, 1]}, **_LAYOUT)
    return _json(fig)


def flow(rows: list[FlowRow], valence_name: str) -> dict[str, Any]:
    x = [row.index for row in rows]
    traces: list[Any] = [
        go.Scatter(
            x=x, y=[row.distribution.get(label, 0.0) for row in rows], name=label, mode="lines",
            stackgroup="one", line={"color": LABEL_COLORS[label], "width": 0.5},
            hovertemplate="%{y:.0%}",
        )
        for label in EMOTION_LABELS
    ]
    traces.append(
        go.Scatter(
            x=x, y=[row.valence for row in rows], name=valence_name, mode="lines+markers", yaxis="y2",
            line={"color": "#222", "width": 2},
        )
    )
    fig = go.Figure(traces)
    fig.update_layout(
        yaxis={"tickformat": ".0%", "range": [0, 1]},
        yaxis2={"overlaying": "y", "side": "right", "range": [-1, 1], "showgrid": False},
        xaxis={"dtick": 1},
        **_LAYOUT,
    )
    return _json(fig)


def group_of(label: str) -> str:
    return LABEL_GROUP.get(label, "")
