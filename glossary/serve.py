"""Browse the glossary in Datasette: read-only, with the project's metadata (db/metadata.yml) and plugin.

Two ways to open the file, both leaving it byte-for-byte as it was:

- live (default): SQLite's mode=ro, so changes made while serving (glossary approve in another terminal) show
  on the next page load. A WAL database needs its -wal/-shm files for that; SQLite creates them beside the
  database if no other process has, as any glossary command does.
- immutable: immutable=1, no locks and nothing created beside the file, faster counts; for a copy nobody writes
  while it is served. SQLite then ignores the -wal file, so a database with unmerged changes there is refused.

The database is always served as /glossary, whatever the file is called, so the metadata and links apply.
"""

from __future__ import annotations

import contextlib
import os
import socket
import webbrowser
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import GlossaryError, MissingExtraError
from .store import open_glossary, resolve_db_path

if TYPE_CHECKING:
    from datasette.app import Datasette

DATABASE_NAME = "glossary"
METADATA = "metadata.yml"


def require_datasette() -> None:
    try:
        import datasette  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("datasette", "datasette") from exc


def metadata_path() -> Path:
    """db/metadata.yml of the source checkout this package runs from, else the copy shipped in the package.

    The package copy (glossary/data/metadata.yml) is a link to db/metadata.yml that a wheel build resolves into
    a file; the checkout's own file is preferred so that a checkout without symlinks works too.
    """
    checkout = Path(__file__).resolve().parent.parent / "db" / METADATA
    if checkout.is_file():
        return checkout
    return Path(str(resources.files("glossary") / "data" / METADATA))


def load_metadata() -> dict[str, Any]:
    import yaml

    with open(metadata_path(), encoding="utf-8") as f:
        return yaml.safe_load(f)


def make_datasette(path: str | os.PathLike, *, immutable: bool = False) -> Datasette:
    """A Datasette instance serving one glossary database, read-only, as /glossary."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from . import datasette_plugin

    # A checkout run without installing has no entry point; an installed one has already registered the plugin.
    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, "glossary")
    file = str(Path(path).resolve())
    if "?" in file or "#" in file:
        # Datasette opens the file as a URI built by string concatenation, where these start the query part.
        raise GlossaryError(f"Datasette cannot open a path containing ? or #: {file}; move or link the database")
    ds = Datasette(
        files=[] if immutable else [file],
        immutables=[file] if immutable else [],
        metadata=load_metadata(),
    )
    (db,) = [db for db in ds.databases.values() if db.path == file]
    if db.name != DATABASE_NAME:
        ds.remove_database(db.name)
        ds.add_database(db, name=DATABASE_NAME)
    return ds


def check_servable(path: str | os.PathLike | None, *, immutable: bool) -> Path:
    """The database to serve, checked the way every command checks it (and upgraded if it is older)."""
    db_path = resolve_db_path(path)
    wal = db_path.with_name(db_path.name + "-wal")
    if immutable and wal.exists() and wal.stat().st_size > 0:
        raise GlossaryError(
            f"{db_path} has changes in {wal.name} not yet merged into it (is a glossary command running?); "
            "serve it without --immutable, or wait until that command ends"
        )
    with open_glossary(db_path, create=False, readonly=True, immutable=immutable):
        return db_path


def listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        # create_server's own message names the address again; a bad host name has a negative (resolver) errno.
        reason = os.strerror(exc.errno) if exc.errno and exc.errno > 0 else exc.strerror or str(exc)
        raise GlossaryError(
            f"cannot listen on {host}:{port} ({reason}); pick another with --host/--port, or --port 0 for any"
        ) from exc


def serve(
    path: str | os.PathLike | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    immutable: bool = False,
    open_browser: bool = False,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the glossary until interrupted (Ctrl-C)."""
    require_datasette()
    import uvicorn

    db_path = check_servable(path, immutable=immutable)
    ds = make_datasette(db_path, immutable=immutable)
    sock = listening_socket(host, port)
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{sock.getsockname()[1]}/{DATABASE_NAME}"
    mode = "immutable" if immutable else "read-only"
    announce(f"Serving {db_path} ({mode}) at {url} -- Ctrl-C to stop")
    if open_browser:
        webbrowser.open(url)
    server = uvicorn.Server(uvicorn.Config(ds.app(), log_level="warning", lifespan="on"))
    # uvicorn shuts down gracefully on Ctrl-C, then raises it again: stopping is the normal end, not an abort.
    with sock, contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[sock])
