from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rest_framework.exceptions import ValidationError

from counseling.history import parse_day


def parse_date_range(params: Mapping[str, str]) -> tuple[dt.date | None, dt.date | None]:
    """`date_from` / `date_to` as dates (YYYY-MM-DD); a bad value is a 400, not a 500."""
    out: list[dt.date | None] = []
    for key in ("date_from", "date_to"):
        raw = params.get(key) or ""
        if not raw:
            out.append(None)
            continue
        try:
            out.append(parse_day(raw))
        except ValueError as exc:
            raise ValidationError({key: str(exc)}) from exc
    return out[0], out[1]
