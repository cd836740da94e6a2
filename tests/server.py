"""Run `glossary serve` as a real process on a free 127.0.0.1 port, for the tests that talk HTTP to it."""

from __future__ import annotations

import contextlib
import json
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from .conftest import venv_bin

STARTUP_SECONDS = 30


@dataclass
class Server:
    url: str  # http://127.0.0.1:PORT/glossary
    process: subprocess.Popen
    stderr: list[str] = field(default_factory=list)

    @property
    def root(self) -> str:
        return self.url.rsplit("/", 1)[0]

    def get(self, path: str, **params: str) -> tuple[int, bytes]:
        url = self.root + path + ("?" + urlencode(params) if params else "")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def json(self, path: str, **params: str):
        status, body = self.get(path, **params)
        assert status == 200, body[:500]
        return json.loads(body)


@contextlib.contextmanager
def running_server(db: Path, *options: str) -> Iterator[Server]:
    """`glossary serve --db DB --port 0 OPTIONS`: yields once it answers HTTP; stops it with Ctrl-C (SIGINT)."""
    process = subprocess.Popen(
        [venv_bin("glossary"), "serve", "--db", str(db), "--port", "0", *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    announced = threading.Event()

    def read_stderr() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            announced.set()

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    try:
        if not announced.wait(STARTUP_SECONDS):
            raise AssertionError("glossary serve said nothing")
        match = re.search(r"at (http://127\.0\.0\.1:\d+/glossary) ", lines[0])
        assert match, lines
        server = Server(match.group(1), process, lines)
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                server.get("/-/versions.json")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("".join(lines)) from None
                time.sleep(0.1)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        reader.join(timeout=5)
