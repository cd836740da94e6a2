"""The Datasette plugin (entry point group ``datasette``): the glossary_* SQL functions in every query.

Installed with the package, so it works for ``glossary serve`` and for ``datasette db/glossary.db`` alike.
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

from . import sqlfunctions


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    sqlfunctions.register(conn)
