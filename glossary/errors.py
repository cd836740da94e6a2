"""Every error a user can cause, each with a one-line message that says what to do next.

The CLI turns a GlossaryError into a message and exit status 1; nothing else reaches the user as a traceback.
"""

from __future__ import annotations


class GlossaryError(Exception):
    """Base class: the message is the whole story, shown as one line."""


class NotAGlossaryError(GlossaryError):
    """The file exists but is not a glossary database (another SQLite file, or not SQLite at all)."""


class NewerSchemaError(GlossaryError):
    """The database was written by a newer version of glossary."""


class DatabaseLockedError(GlossaryError):
    """Another process held a write lock for longer than the busy timeout."""


class DocumentError(GlossaryError):
    """A document cannot be read: binary, undecodable, empty, too large or missing."""


class NoSuchTermError(GlossaryError):
    """A command named a term or pair the glossary does not have."""


class AmbiguousError(GlossaryError):
    """A command's arguments match several pairs where one was meant; ``zh`` names the term (the CLI says how to
    name one)."""

    def __init__(self, message: str, zh: str):
        super().__init__(message)
        self.zh = zh


class FormatError(GlossaryError):
    """A file to import is malformed; the message names the line or element."""


class MissingExtraError(GlossaryError):
    """An optional dependency is not installed."""

    def __init__(self, package: str, extra: str):
        # (from the project's folder: glossary installs from a checkout, not from an index)
        super().__init__(
            f"{package} is not installed; install it from glossary's folder with: pip install '.[{extra}]'"
        )


class BadSettingError(GlossaryError):
    """An environment variable (GLOSSARY_*) holds a value glossary cannot use."""


class BadOptionError(GlossaryError):
    """An option value the chosen format cannot take; the CLI reports it as a usage error (exit status 2)."""
