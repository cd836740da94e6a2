"""Exporters: one module per format, one shape: ``write_<fmt>(entries, dest, **options) -> int`` (rows written).

``dest`` is a binary file object. Modules are imported only when their format is used, so an optional
dependency (genanki, lxml) is needed only by the format that uses it.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import inspect
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import GlossaryError
from ..model import Entry

# format name -> (module in this package, writer function, whether its output must go to a file)
FORMATS: dict[str, tuple[str, str, bool]] = {
    "csv": ("delimited", "write_csv", False),
    "tsv": ("delimited", "write_tsv", False),
    "jsonl": ("jsonl", "write_jsonl", False),
    "anki": ("anki", "write_anki", True),
    "tbx": ("tbx", "write_tbx", False),
    "tbx2": ("tbx", "write_tbx2", False),
    "omegat": ("omegat", "write_omegat", False),
}


def writer(fmt: str) -> Callable[..., int]:
    module, function, _ = FORMATS[fmt]
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Write to ``path``, replacing a file only when writing succeeded.

    A regular file (or a new one) is written beside itself and renamed into place, with the old one's permissions;
    through a symlink, that is the file it points to, and the link stays. What stdout already is (/dev/stdout, a
    file the shell appends it to) is written as stdout. A FIFO or a device cannot be replaced, nor can anything
    under /dev or /proc: it is written to, and a reader that stops early is a closed pipe, as on stdout.
    """
    name = os.fspath(path)
    if name.endswith(("/", os.sep)):
        raise GlossaryError(f"cannot write {name}: a folder, not a file name")
    try:
        if _is_stdout(name):
            sys.stdout.flush()
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
        elif _is_regular_or_new(name) and not os.path.realpath(name).startswith(("/dev/", "/proc/")):
            if os.path.exists(name) and not os.access(name, os.W_OK):  # a rename would not ask
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            with _replacing(Path(os.path.realpath(name))) as f:
                yield f
        else:
            with open(name, "wb") as f:
                yield f
    except BrokenPipeError:
        raise
    except OSError as exc:  # a missing or read-only folder, a full disk: say so in one line, not a traceback
        raise GlossaryError(f"cannot write {name}: {exc.strerror}") from exc


def _is_stdout(name: str) -> bool:
    """Whether the path names the file stdout writes to: replaced or truncated, it would lose what the shell put
    there before (glossary export -o /dev/stdout >> log.txt)."""
    try:
        return os.path.samestat(os.stat(name), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):  # (no such file yet; a stdout with no file descriptor)
        return False


def _is_regular_or_new(path: str | os.PathLike) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:  # (a dangling symlink too: the file it names is created)
        return True


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[BinaryIO]:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            # mkstemp creates the file private (0600): the export gets the permissions (and owner, where that may be
            # given) of the file it replaces, as writing into it would keep them, else those any new file gets
            try:
                old = os.stat(target)
            except FileNotFoundError:
                umask = os.umask(0)
                os.umask(umask)
                os.fchmod(f.fileno(), 0o666 & ~umask)
            else:
                os.fchmod(f.fileno(), stat.S_IMODE(old.st_mode))
                with contextlib.suppress(PermissionError):
                    os.fchown(f.fileno(), old.st_uid, old.st_gid)
            yield f
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def needs_file(fmt: str) -> bool:
    return FORMATS[fmt][2]


def unsupported_options(fmt: str, options: dict[str, object]) -> list[str]:
    """Names of the options given (not None) that this format's writer does not take."""
    accepted = inspect.signature(writer(fmt)).parameters
    return [name for name, value in options.items() if value is not None and name not in accepted]


def export(fmt: str, entries: Iterable[Entry], dest: BinaryIO, **options: object) -> int:
    """Write entries in a format; options left as None are the writer's defaults."""
    return writer(fmt)(entries, dest, **{k: v for k, v in options.items() if v is not None})
