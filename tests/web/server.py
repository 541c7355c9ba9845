"""The web app under a real uvicorn on a free loopback port, as a person's browser sees it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(workdir: Path, **env: str) -> Iterator[str]:
    port = free_port()
    environment = {
        **os.environ,
        "A11Y_CACHE_DIR": str(workdir / "cache"),
        "A11Y_DATABASE_URL": f"sqlite:///{workdir / 'a11y.sqlite3'}",
        "A11Y_SECRET_KEY": "browser-test-secret-key-0123456789abcdef",
        "A11Y_QUEUE_WORKERS": "0",
        "A11Y_BROWSER_POOL": "1",
        "A11Y_ALLOW_LOOPBACK": "1",
        "A11Y_WEB_RATE_LIMIT": "1000",
        "PYTHONPATH": str(ROOT),
        **env,
    }
    # The lexicon is built once per checkout; a fresh cache dir must still find it.
    if os.environ.get("A11Y_CACHE_DIR"):
        environment["A11Y_CACHE_DIR"] = os.environ["A11Y_CACHE_DIR"]
    log = (workdir / "server.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "a11y_service.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-access-log",
        ],
        cwd=workdir,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            if process.poll() is not None:
                raise RuntimeError((workdir / "server.log").read_text(errors="replace"))
            try:
                if httpx.get(base + "/health", timeout=1).status_code < 500:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start in 240 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
