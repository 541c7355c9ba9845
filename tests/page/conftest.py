"""A local site on loopback for the page audit: fixture pages plus routes for the URL policy."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

SITE = Path(__file__).parent / "site"


class Handler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output readable
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        if parts.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", query["to"][0])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif parts.path == "/big":
            body = b"<html><body>" + b"x" * 50_000 + b"</body></html>"
            self._send(body, length=True)
        elif parts.path == "/big-unannounced":
            self._send(b"<html><body>" + b"y" * 50_000 + b"</body></html>", length=False)
        elif parts.path == "/slow":
            time.sleep(float(query.get("s", ["3"])[0]))
            self._send(b"<html lang='de'><title>Langsam</title><body>spaet</body></html>")
        elif parts.path == "/browser-only-error":
            # The fetch gets the page; a browser gets an error page (as behind some WAFs).
            if "Chrome" in (self.headers.get("User-Agent") or ""):
                self.send_error(503)
            else:
                self._send(b"<html lang='de'><title>OK</title><body><main>ok</main></body></html>")
        elif parts.path == "/members":
            if "session=ok" in (self.headers.get("Cookie") or ""):
                self._send(
                    b"<html lang='de'><title>Intern</title><body><main><h1>Mitglieder</h1>"
                    b"<img src='a.png'></main></body></html>"
                )
            else:
                self.send_response(302)
                self.send_header("Location", "/login")
                self.send_header("Content-Length", "0")
                self.end_headers()
        else:
            super().do_GET()

    def _send(self, body: bytes, length: bool = True) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


@pytest.fixture(scope="session")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(SITE)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
