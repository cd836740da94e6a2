"""The Datasette plugin (entry point group ``datasette``): the glossary_* SQL functions in every query, and a
short rendering of terms.search.

Installed with the package, so it works for ``glossary serve`` and for ``datasette db/glossary.db`` alike.
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl
from markupsafe import Markup, escape

from . import sqlfunctions

SEARCH_TOKENS_SHOWN = 6


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    sqlfunctions.register(conn)


@hookimpl
def render_cell(value: object, column: str, table: str | None, database: str) -> Markup | None:
    """terms.search holds hundreds of tokens per term: on a page, show its start and how many there are."""
    if (database, table, column) != ("glossary", "terms", "search") or not isinstance(value, str):
        return None
    tokens = value.split()
    if len(tokens) <= SEARCH_TOKENS_SHOWN:
        return None
    shown = " ".join(tokens[:SEARCH_TOKENS_SHOWN])
    return Markup(f"{escape(shown)} … ({len(tokens)} tokens)")
