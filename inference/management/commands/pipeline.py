"""`python manage.py pipeline emotion|crisis|style|turn`: the pipeline from a shell.

One message a line on stdin, one JSON object a line on stdout, in input order. A bad line
(empty, or a stage that fails on it) gives {"text", "error"} and the run goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from inference.errors import StageError
from inference.types import CharacterStyle, HistoryTurn, TurnInput

MODES = ("emotion", "crisis", "style", "turn")
EMOTION_BATCH = 32  # lines classified together when stdin is not a terminal
HISTORY_TURNS = 3  # earlier lines of a `turn` run the counsellor sees, as in a chat
EMPTY_LINE = "empty line: nothing to analyse"


class Command(BaseCommand):
    help = "Run pipeline stages over stdin lines; write one JSON object a line."
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("mode", choices=MODES)
        parser.add_argument("--character", help="character slug (style, turn)")
        parser.add_argument("--user", help="user_id whose memory a turn retrieves from (turn)")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args: Any, **options: Any) -> None:
        mode: str = options["mode"]
        stdin: TextIO = options.get("stdin") or sys.stdin
        character = None
        if mode in ("style", "turn"):
            if not options.get("character"):
                raise CommandError(f"`pipeline {mode}` needs --character SLUG")
            character = _character(options["character"])
        elif options.get("character"):
            raise CommandError(f"`pipeline {mode}` takes no --character")
        if options.get("user") and mode != "turn":
            raise CommandError("--user only applies to `pipeline turn`")

        from inference.django_glue import get_backend, get_pipeline

        lines = (line.rstrip("\r\n").strip() for line in stdin)
        # Only the stages a mode needs are built: `emotion` never loads a language model.
        if mode == "emotion":
            batch = 1 if _interactive(stdin) else EMOTION_BATCH
            results: Iterable[dict[str, Any]] = self._emotion(get_backend("emotion"), lines, batch)
        elif mode == "crisis":
            emotion, crisis = get_backend("emotion"), get_backend("crisis")
            results = (self._guard(text, lambda t: self._crisis(emotion, crisis, t)) for text in lines)
        elif mode == "style":
            assert character is not None
            style = get_backend("style")
            results = (self._guard(text, lambda t: self._style(style, t, character)) for text in lines)
        else:
            assert character is not None
            results = self._turns(get_pipeline(), lines, character, options)
        for obj in results:
            self.stdout.write(json.dumps(obj, ensure_ascii=False))
            self.stdout.flush()

    # --- modes ------------------------------------------------------------------------------
    def _emotion(self, backend: Any, lines: Iterator[str], batch: int) -> Iterator[dict[str, Any]]:
        while chunk := list(islice(lines, batch)):
            texts = [t for t in chunk if t]
            emotions: Iterator[Any] | None
            try:
                emotions = iter(backend.classify(texts)) if texts else iter(())
            except Exception:  # one bad batch: redo it line by line so the good lines survive
                emotions = None
            for text in chunk:
                if not text:
                    yield {"text": "", "error": EMPTY_LINE}
                elif emotions is None:
                    yield self._guard(text, lambda t: _emotion_row(t, backend.classify([t])[0]))
                else:
                    yield _emotion_row(text, next(emotions))

    def _crisis(self, emotion_backend: Any, crisis_backend: Any, text: str) -> dict[str, Any]:
        emotion = emotion_backend.classify([text])[0]
        result = crisis_backend.check(text, emotion)
        return {"text": text, "crisis": result.is_crisis, "reason": result.reason}

    def _style(self, backend: Any, text: str, character: CharacterStyle) -> dict[str, Any]:
        from inference.sentences import split_sentences

        styled = backend.stylize(split_sentences(text), character)
        return {"text": text, "styled": " ".join(s.strip() for s in styled if s.strip())}

    def _turns(
        self, pipeline: Any, lines: Iterator[str], character: CharacterStyle, options: dict[str, Any]
    ) -> Iterator[dict[str, Any]]:
        user_key = _memory_key(options["user"]) if options.get("user") else ""
        history: list[HistoryTurn] = []
        for text in lines:
            if not text:
                yield {"text": "", "error": EMPTY_LINE}
                continue
            turn = TurnInput(
                text=text, character=character, user_key=user_key,
                history=tuple(history[-HISTORY_TURNS:]), seed=options["seed"],
            )
            try:
                result = pipeline.run(turn)
            except StageError as exc:
                yield {"text": text, "error": str(exc), "retryable": exc.retryable}
                continue
            history.append(HistoryTurn(u_message=text, reply=result.reply))
            yield {
                "text": text,
                "emotion": result.emotion.as_dict(),
                "crisis": result.crisis.is_crisis,
                "reply": result.reply,
                "styled": result.styled,
                "timings_ms": dict(result.timings_ms),
            }

    @staticmethod
    def _guard(text: str, fn: Any) -> dict[str, Any]:
        if not text:
            return {"text": "", "error": EMPTY_LINE}
        try:
            return fn(text)  # type: ignore[no-any-return]
        except Exception as exc:
            return {"text": text, "error": f"{type(exc).__name__}: {exc}"}


def _emotion_row(text: str, emotion: Any) -> dict[str, Any]:
    return {"text": text, **emotion.as_dict()}


def _interactive(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _character(slug: str) -> CharacterStyle:
    from characters.models import Character
    from inference.django_glue import character_style

    try:
        return character_style(Character.objects.get(slug=slug))
    except Character.DoesNotExist:
        known = ", ".join(Character.objects.values_list("slug", flat=True))
        raise CommandError(f"unknown character {slug!r} (known: {known})") from None


def _memory_key(user_id: str) -> str:
    from django.contrib.auth import get_user_model

    from inference.memory_store import ensure_memory

    try:
        user = get_user_model().objects.get(pk=user_id)
    except get_user_model().DoesNotExist:
        raise CommandError(f"unknown user {user_id!r}") from None
    ensure_memory(user)
    return str(user.memory_key)
