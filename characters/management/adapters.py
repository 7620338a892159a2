"""Registering a trained LLM adapter as a character's (check, then write)."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from characters.models import Character
from training.adapters import verify_adapter
from training.errors import TrainingError


class AdapterRejected(Exception):
    pass


def check_register_adapter(slug: str, path: str, base_model: str,
                           load_weights: bool = False) -> tuple[Character, str, dict[str, object]]:
    """The character, the adapter's absolute path and a summary; AdapterRejected when the
    adapter is missing, was trained for another base model, or does not load on it."""
    try:
        character = Character.objects.get(slug=slug)
    except Character.DoesNotExist:
        raise AdapterRejected(f"no character with slug {slug!r}") from None
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise AdapterRejected(f"{path}: adapter folder not found")
    try:
        summary = verify_adapter(folder, base_model, load_weights=load_weights)
    except TrainingError as exc:
        raise AdapterRejected(str(exc)) from exc
    return character, str(folder.resolve()), summary


def do_set_llm_adapter(character: Character, adapter_path: str) -> Character:
    with transaction.atomic():
        locked = Character.objects.select_for_update().get(pk=character.pk)
        locked.llm_adapter = adapter_path
        locked.save(update_fields=["llm_adapter"])
    return locked
