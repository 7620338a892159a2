"""Writes to the `user` table that people make themselves: sign up, edit profile, language."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction

from accounts.forms import SignupForm
from accounts.models import User

PROFILE_FIELDS = ("name", "dt_birth", "gender", "language", "allow_training_use")


class DuplicateUserId(Exception):
    """Someone took the id between the form's check and the insert."""


def do_create_user(form: SignupForm) -> User:
    """Save a valid sign-up form; a lost race on the id becomes DuplicateUserId, not a 500."""
    user = form.save(commit=False)  # hashes the password
    try:
        with transaction.atomic():
            # force_insert: the pk is the login id, and a plain save() would UPDATE an
            # existing row with that id, i.e. overwrite someone else's account.
            user.save(force_insert=True)
    except IntegrityError as e:
        raise DuplicateUserId(form.cleaned_data.get("user_id", "")) from e
    return user


def do_update_profile(user: User, changes: dict[str, Any]) -> list[str]:
    """Save the given profile fields (the form's changed data); returns their names."""
    changed = [f for f in PROFILE_FIELDS if f in changes]
    for field in changed:
        setattr(user, field, changes[field])
    if changed:
        user.save(update_fields=changed)
    return changed


def do_set_language(user: User, language: str) -> None:
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
