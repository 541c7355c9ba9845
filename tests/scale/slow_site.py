"""A loopback site whose pages take a while: long enough to kill a worker mid-audit.

``/`` links to ``/seite/1`` … ``/seite/N``; every page answers after ``delay`` seconds (the
fetch and, with axe, the browser each wait). ``hits`` counts requests per path.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.ci.site import BAD, GOOD, page


@dataclass
class SlowSite:
    pages: int = 12
    delay: float = 0.4
    base: str = ""
    hits: Counter[str] = field(default_factory=Counter)

    def body(self, path: str) -> str | None:
        if path == "/":
            links = " ".join(
                f'<a href="/seite/{i}">Seite {i}</a>' for i in range(1, self.pages + 1)
            )
            return page("Startseite", f"{GOOD}<p>{links}</p>")
        if path.startswith("/seite/") and path[7:].isdigit() and 1 <= int(path[7:]) <= self.pages:
            number = int(path[7:])
            return page(f"Seite {number}", BAD if number % 3 == 0 else GOOD)
        return None


@contextmanager
def serve_slow(site: SlowSite | None = None) -> Iterator[SlowSite]:
    site = site or SlowSite()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            site.hits[path] += 1
            body = site.body(path)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            time.sleep(site.delay)
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the killed worker's request
                return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
