"""glossary serve: a real Datasette server on 127.0.0.1, read-only, and its errors in one line."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys

import pytest

from glossary import serve as serve_module
from glossary.store import open_glossary

from .conftest import FIXTURES, ROOT
from .server import running_server
from .test_datasette import build_glossary


@pytest.fixture
def served_db(db_path):
    build_glossary(db_path)
    return db_path


def sidecars(path) -> set[str]:
    return {p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-")}


@pytest.mark.parametrize("options", [(), ("--immutable",)])
def test_server_answers_the_json_api_and_leaves_the_file_unchanged(served_db, options):
    before = served_db.read_bytes()
    with running_server(served_db, *options) as server:
        assert server.json("/glossary/terms.json", _search="奖励", _shape="array")[0]["zh"] == "奖励模型"
        pairs = server.json("/glossary/pairs.json", _search="模型", _shape="array", _labels="on")
        assert {p["term_id"]["label"] for p in pairs} == {"大语言模型", "奖励模型", "奖赏模型", "模型"}
        assert [r["zh"] for r in server.json("/glossary/search.json", q="後訓練", _shape="array")] == ["后训练"]
        sql = "select glossary_simplified('獎勵') as zh"
        assert server.json("/glossary.json", sql=sql, _shape="array") == [{"zh": "奖励"}]
        status, _ = server.get("/glossary.json", sql="delete from pairs")
        assert status == 400  # Datasette refuses writes in arbitrary SQL; the file is opened read-only anyway
    assert server.process.returncode == 0, server.stderr
    assert served_db.read_bytes() == before
    if options:
        assert sidecars(served_db) == set()  # immutable: nothing created beside the database


def test_changes_made_while_serving_show_up(served_db):
    with running_server(served_db) as server:
        assert server.json("/glossary/terms.json", _search="策略", _shape="array") == []
        with open_glossary(served_db) as g:
            g.add("策略梯度", "policy gradient")
        assert [r["zh"] for r in server.json("/glossary/terms.json", _search="策略", _shape="array")] == ["策略梯度"]


def test_announces_where_it_serves(served_db):
    with running_server(served_db) as server:
        assert server.stderr[0] == f"Serving {served_db} (read-only) at {server.url} -- Ctrl-C to stop\n"


def test_open_opens_the_announced_url(run, served_db, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(serve_module.webbrowser, "open", opened.append)
    monkeypatch.setattr("uvicorn.Server.run", lambda self, sockets=None: None)
    result = run("serve", "--open", "--port", "0")
    assert result.exit_code == 0
    assert len(opened) == 1 and opened[0].startswith("http://127.0.0.1:") and opened[0].endswith("/glossary")
    assert opened[0] in result.output


def test_missing_extra_is_a_one_line_hint(run, served_db, monkeypatch):
    monkeypatch.setitem(sys.modules, "datasette", None)  # import datasette -> ImportError
    result = run("serve", "--port", "0")
    assert result.exit_code == 1
    assert (
        result.output
        == "Error: datasette is not installed; install it from glossary's folder with: pip install '.[datasette]'\n"
    )


def test_missing_database(run, tmp_path):
    result = run("serve", "--port", "0")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: no glossary at {tmp_path / 'test.db'}; extract documents into it first: "
        f"glossary extract --db {tmp_path / 'test.db'} FILES (or pass --db with an existing glossary)\n"
    )
    assert not (tmp_path / "test.db").exists()


def test_not_a_glossary(run, db_path):
    db_path.write_text("not a database", encoding="utf-8")
    result = run("serve", "--port", "0")
    assert result.exit_code == 1
    assert result.output == f"Error: {db_path} is not a glossary database (not SQLite); it was left untouched\n"


def test_port_in_use(run, served_db):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port))
    assert result.exit_code == 1
    assert result.output == (
        f"Error: cannot listen on 127.0.0.1:{port} (Address already in use); pick another with --host/--port, "
        "or --port 0 for any\n"
    )


def test_unknown_host(run, served_db):
    result = run("serve", "--host", "no-such-host.invalid", "--port", "0")
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot listen on no-such-host.invalid:0 (")
    assert result.output.endswith("); pick another with --host/--port, or --port 0 for any\n")
    assert len(result.output.splitlines()) == 1


def test_immutable_refuses_changes_not_yet_in_the_file(run, served_db):
    writer = sqlite3.connect(served_db)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE terms SET note = 'x'")
    writer.commit()
    try:
        result = run("serve", "--immutable")
    finally:
        writer.close()
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {served_db} has changes in test.db-wal not yet merged into it (is a glossary command "
        "running?); serve it without --immutable, or wait until that command ends\n"
    )


def test_an_older_database_is_upgraded_before_serving(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "glossary-v1.db", path)
    checked = serve_module.check_servable(path, immutable=True)
    assert checked == path
    with running_server(path, "--immutable") as server:
        assert [r["zh"] for r in server.json("/glossary/terms.json", _search="模型", _shape="array")] == ["大语言模型"]


def test_metadata_is_found_in_an_installed_package(tmp_path):
    """A wheel holds glossary/data/metadata.yml as a file (the link resolved) and no db/ beside the package."""
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "glossary", site / "glossary", symlinks=False)
    code = (
        "from glossary.serve import metadata_path, load_metadata; "
        "print(metadata_path()); print(load_metadata()['title'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.splitlines() == [str(site / "glossary" / "data" / "metadata.yml"), "Glossary"]
    assert (site / "glossary" / "data" / "metadata.yml").read_bytes() == (ROOT / "db" / "metadata.yml").read_bytes()


def test_metadata_of_a_checkout_is_db_metadata_yml():
    assert serve_module.metadata_path() == ROOT / "db" / "metadata.yml"
