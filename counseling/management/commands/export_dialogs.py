"""`python manage.py export_dialogs --out FILE`: finished dialogs of users who opted in to
training use, anonymised, as `messages` rows that `python -m training prepare` reads.

One row per counsel: the character's greeting, then each done turn (the user's message and
the LLM's reply, `ai_message` — the model learns its own output, before the 말투 rewrite).
Counsels that hit the crisis protocol are left out whole. No user ids, names, dates or ids
of rows are written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Prefetch

from counseling.models import Counsel, Dialog
from training.anonymize import anonymize
from training.files import write_jsonl


def export_rows(character: str = "", min_turns: int = 1) -> Iterator[dict[str, Any]]:
    done = Dialog.objects.filter(status=Dialog.Status.DONE, is_crisis=False).order_by("dialog_id")
    counsels = (
        Counsel.objects.filter(user__allow_training_use=True, is_crisis=False)
        .select_related("user", "character")
        .prefetch_related(Prefetch("dialogs", queryset=done, to_attr="done_dialogs"))
        .order_by("counsel_id")
    )
    if character:
        counsels = counsels.filter(character__slug=character)
    for counsel in counsels.iterator(chunk_size=200):
        turns = [d for d in counsel.done_dialogs if d.u_message.strip() and d.ai_message.strip()]
        if len(turns) < min_turns:
            continue
        names = [counsel.user.name, counsel.user.user_id]
        messages: list[dict[str, str]] = []
        if counsel.greeting.strip():
            messages.append({"role": "assistant", "content": anonymize(counsel.greeting, names)})
        for d in turns:
            messages.append({"role": "user", "content": anonymize(d.u_message, names)})
            messages.append({"role": "assistant", "content": anonymize(d.ai_message, names)})
        yield {"messages": messages, "character": counsel.character.slug}


class Command(BaseCommand):
    help = ("Export finished dialogs of users who opted in to training use, anonymised, as JSONL "
            "`messages` rows for `python -m training prepare`.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, help="output .jsonl (written whole or not at all)")
        parser.add_argument("--character", default="", help="only counsels with this character slug")
        parser.add_argument("--min-turns", type=int, default=1, help="skip counsels with fewer done turns")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["min_turns"] < 1:
            raise CommandError("--min-turns must be at least 1")
        rows = list(export_rows(options["character"], options["min_turns"]))
        count = write_jsonl(options["out"], rows)
        turns = sum(sum(1 for m in r["messages"] if m["role"] == "user") for r in rows)
        self.stdout.write(f"exported {count} counsels ({turns} turns) to {options['out']}")
