"""User-facing error family: the message is the sentence the clerk reads (Indonesian)."""


class RecapError(Exception):
    """Base of every error meant for the clerk.

    Args:
        message: the complete Indonesian sentence shown to the user; it names the file,
            sheet, cell or field, what was found and what was expected.
        code: a stable machine-readable reason (e.g. ``"wrong_election"``).
    """

    def __init__(self, message: str, code: str = "error"):
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


class WorkspaceError(RecapError):
    """The workspace file cannot be created, opened or written."""


class ElectionError(RecapError):
    """An election definition is missing or malformed."""


class ImportRefused(RecapError):
    """A file was refused on import; nothing was written."""


class NotAllowed(RecapError):
    """The acting user may not do this (role, separation of duties)."""


class NotNow(NotAllowed):
    """The state of the thing acted on does not allow this now (adopted, not received, open
    errors, a second entry waiting): every "not now" refusal of the lifecycle is this type."""


class TextError(RecapError):
    """A text typed by a person (reason, explanation, name) cannot be accepted as it is."""


class Cancelled(Exception):
    """Silent unwinding: the user cancelled; no dialog, no message."""
