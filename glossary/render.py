"""Plain-text tables that line up with Chinese in them (CJK characters take two columns)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, limit: int, *, keep_end: bool = False) -> str:
    """Cut text to at most ``limit`` columns, marking the cut with an ellipsis; ``keep_end`` cuts its start
    instead, as a path's file name is what tells it apart."""
    if width(text) <= limit:
        return text
    out, used = [], 0
    for c in reversed(text) if keep_end else text:
        w = width(c)
        if used + w > limit - 1:
            break
        out.append(c)
        used += w
    return "…" + "".join(reversed(out)) if keep_end else "".join(out) + "…"


def table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], max_width: int = 60, *, paths: Sequence[int] = ()
) -> str:
    """Rows under headers, each cell cut to ``max_width`` columns: at its start in the columns ``paths``."""
    cells = [[fit(" ".join(str(c).split()), max_width, keep_end=i in paths) for i, c in enumerate(row)] for row in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in cells)])
