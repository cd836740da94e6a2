"""Shared fixtures: a migrated temporary database, a CLI runner bound to it, the sample corpus."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import cli
from glossary.store import open_glossary

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def generated_by_tool(data: str, tool: str) -> bool:
    """Whether glossary/data/DATA is what tools/TOOL.py's function of the same name as TOOL (without make_) makes
    from the dictionaries installed: data derived from them must not go stale when they change."""
    spec = importlib.util.spec_from_file_location(tool, ROOT / "tools" / f"{tool}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    listed = (ROOT / "glossary" / "data" / data).read_text(encoding="utf-8")
    return listed == getattr(module, tool.removeprefix("make_"))()


def pytest_configure(config):
    """Refuse to test compiled modules (setup.py) older than their source: the tests would pass or fail on code
    that is no longer there."""
    stale = sorted(
        source.relative_to(ROOT).as_posix()
        for compiled in (ROOT / "glossary").rglob("*.so")
        if (source := compiled.with_name(compiled.name.split(".")[0] + ".py")).exists()
        and source.stat().st_mtime > compiled.stat().st_mtime
    )
    if stale:
        advice = "`make test` compiles them again, `make pure` drops them"
        pytest.exit(f"compiled before their last edit: {', '.join(stale)}; {advice}", 2)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    """No test sees the developer's GLOSSARY_DB or writes db/glossary.db; locks give up fast."""
    monkeypatch.delenv("GLOSSARY_DB", raising=False)
    monkeypatch.setenv("GLOSSARY_BUSY_TIMEOUT", "1")
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@contextlib.contextmanager
def write_locked(path: Path) -> Iterator[None]:
    """Another process's write transaction on the database, held for the block (longer than the busy timeout)."""
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.rollback()
        holder.close()


@pytest.fixture
def glossary(db_path):
    with open_glossary(db_path) as g:
        yield g


class Run:
    """Invoke the CLI against the test database: run("lookup", "后训练") -> click Result."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None, db: bool = True):
        argv = list(args)
        if db:
            argv[1:1] = ["--db", str(self.db_path)]
        return self.runner.invoke(cli, argv, input=input, catch_exceptions=False)


@pytest.fixture
def run(db_path) -> Run:
    return Run(db_path)


@pytest.fixture
def seeds(tmp_path) -> Path:
    """A private copy of the sample corpus."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def venv_bin(name: str) -> str:
    """The console script installed beside the running interpreter."""
    candidate = Path(os.sys.executable).parent / name
    return str(candidate) if candidate.exists() else name
