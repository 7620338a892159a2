from __future__ import annotations


class StageError(Exception):
    """A pipeline stage failed. `retryable` says whether running the turn again can help."""

    def __init__(self, stage: str, message: str, *, retryable: bool) -> None:
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message
        self.retryable = retryable


class RetryableStageError(StageError):
    """A transient failure (timeout, connection refused, a busy GPU)."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(stage, message, retryable=True)


class PermanentStageError(StageError):
    """A failure that will repeat (bad configuration, a model that does not fit)."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(stage, message, retryable=False)


class BackendConfigError(PermanentStageError):
    """A backend cannot be loaded from its settings (wrong path, labels that do not map...)."""
