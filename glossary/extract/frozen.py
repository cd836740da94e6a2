"""A base for the frozen dataclasses that pass 1 sends from worker processes to the main one."""

from __future__ import annotations

from dataclasses import fields
from typing import Any


class Picklable:
    """Unpickles a frozen dataclass through its constructor. mypyc compiles this package, and pickle's default
    for a compiled class sets its fields one by one, which a frozen one refuses (mypyc issue 1213)."""

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return type(self), tuple(getattr(self, f.name) for f in fields(self))  # type: ignore[arg-type]
