"""The sqlite-utils plugin (entry point group ``sqlite_utils``): the glossary_* SQL functions there too.

sqlite-utils query db/glossary.db "select zh, glossary_pinyin(zh) from terms"
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from . import sqlfunctions


@sqlite_utils.hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    sqlfunctions.register(conn)
