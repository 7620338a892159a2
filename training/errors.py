from __future__ import annotations


class TrainingError(Exception):
    """A problem the person running the command can fix (bad file, bad option).

    The CLI prints the message without a traceback and exits with status 2.
    """


class DataError(TrainingError):
    """An input data file is missing or malformed."""

    def __init__(self, path: object, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else f"{path}"
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
