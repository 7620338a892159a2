"""`python manage.py register_adapter --character SLUG --path DIR`: check that a peft adapter
was trained for the configured base model and loads on it, then make it the character's."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from characters.management.adapters import AdapterRejected, check_register_adapter, do_set_llm_adapter


class Command(BaseCommand):
    help = "Check a LoRA adapter against the base LLM and set it as a character's llm_adapter."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--character", required=True, help="character slug, e.g. expert")
        parser.add_argument("--path", required=True, help="adapter folder (adapter_config.json + weights)")
        parser.add_argument("--base-model", default="",
                            help="base model the service runs (default: settings.MENTOS_LLM_MODEL)")
        parser.add_argument("--load-weights", action="store_true",
                            help="load the base's real weights too (default: its architecture only, on the "
                                 "meta device: module names and shapes are checked without the memory)")

    def handle(self, *args: Any, **options: Any) -> None:
        base = options["base_model"] or settings.MENTOS_LLM_MODEL
        try:
            character, path, summary = check_register_adapter(
                options["character"], options["path"], base, load_weights=options["load_weights"]
            )
        except AdapterRejected as exc:
            raise CommandError(str(exc)) from exc
        do_set_llm_adapter(character, path)
        self.stdout.write(
            f"{character.slug}: llm_adapter = {path} (base {summary['base_model']}, r {summary['r']}, "
            f"modules {', '.join(map(str, summary['target_modules']))})"
        )
