"""Exporters: one module per format, one shape: ``write_<fmt>(entries, dest, **options) -> int`` (rows written).

``dest`` is a binary file object. Modules are imported only when their format is used, so an optional
dependency (genanki, lxml) is needed only by the format that uses it.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import os
import stat
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
    through a symlink, that is the file it points to, and the link stays. A FIFO or a device (/dev/stdout) cannot
    be replaced: it is written to, and a reader that stops early is a closed pipe, as on stdout.
    """
    if os.fspath(path).endswith(("/", os.sep)):
        raise GlossaryError(f"cannot write {os.fspath(path)}: a folder, not a file name")
    try:
        if _is_regular_or_new(path):
            with _replacing(Path(os.path.realpath(path))) as f:
                yield f
        else:
            with open(path, "wb") as f:
                yield f
    except BrokenPipeError:
        raise
    except OSError as exc:  # a missing or read-only folder, a full disk: say so in one line, not a traceback
        raise GlossaryError(f"cannot write {os.fspath(path)}: {exc.strerror}") from exc


def _is_regular_or_new(path: str | os.PathLike) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:  # (a dangling symlink too: the file it names is created)
        return True


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[BinaryIO]:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        # mkstemp creates the file private (0600): the export gets the permissions (and owner, where that may be
        # given) of the file it replaces, as writing into it would keep them, else those any new file gets
        try:
            old = os.stat(target)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
        else:
            os.fchmod(fd, stat.S_IMODE(old.st_mode))
            with contextlib.suppress(PermissionError):
                os.fchown(fd, old.st_uid, old.st_gid)
        with os.fdopen(fd, "wb") as f:
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
