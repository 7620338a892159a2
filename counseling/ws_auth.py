"""Is the session a socket was opened with still signed in? A websocket lives long: after a
logout, a password change that logs other sessions out, a deactivation or a deletion, the
socket must stop, not keep streaming someone's counsel."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.utils.crypto import constant_time_compare


def still_signed_in(scope: dict[str, Any]) -> bool:
    user, session = scope.get("user"), scope.get("session")
    key = getattr(session, "session_key", None)
    if user is None or not user.is_authenticated or not key:
        return False
    # a fresh read of the store, not the copy the socket connected with
    data = import_module(settings.SESSION_ENGINE).SessionStore(session_key=key).load()
    if str(data.get(SESSION_KEY)) != str(user.pk):
        return False
    fresh = get_user_model()._default_manager.filter(pk=user.pk, is_active=True).first()
    return fresh is not None and constant_time_compare(data.get(HASH_SESSION_KEY, ""), fresh.get_session_auth_hash())
