"""Who may open a counsel: one call that fetches and checks ownership together.

Views map the typed errors to 404/403 (anonymous users go to the login page first);
the websocket consumer maps them to close codes 4401/4404/4403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from .models import Counsel, Dialog


class AccessError(Exception):
    close_code = 4400


class NotLoggedIn(AccessError):
    close_code = 4401


class NoSuchCounsel(AccessError):
    close_code = 4404


class NotYourCounsel(AccessError):
    close_code = 4403


def access_counsel(user: Any, counsel_id: int | str) -> Counsel:
    """The counsel `counsel_id` if `user` owns it; a typed AccessError otherwise."""
    if user is None or not user.is_authenticated:
        raise NotLoggedIn()
    try:
        counsel = Counsel.objects.select_related("character").get(pk=int(counsel_id))
    except (Counsel.DoesNotExist, ValueError, TypeError, OverflowError):
        raise NoSuchCounsel() from None
    if counsel.user_id != user.pk:
        raise NotYourCounsel()
    return counsel


def access_dialog(user: Any, dialog_id: int | str) -> Dialog:
    """The dialog `dialog_id` if `user` owns its counsel (same errors as access_counsel)."""
    if user is None or not user.is_authenticated:
        raise NotLoggedIn()
    try:
        dialog = Dialog.objects.select_related("counsel").get(pk=int(dialog_id))
    except (Dialog.DoesNotExist, ValueError, TypeError, OverflowError):
        raise NoSuchCounsel() from None
    if dialog.counsel.user_id != user.pk:
        raise NotYourCounsel()
    return dialog


def counsel_for_page(request: HttpRequest, counsel_id: int) -> Counsel:
    """access_counsel for views: Http404 / PermissionDenied (use with login_required)."""
    try:
        return access_counsel(request.user, counsel_id)
    except NotYourCounsel:
        raise PermissionDenied() from None
    except AccessError:
        raise Http404() from None
