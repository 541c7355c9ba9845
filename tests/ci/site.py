"""A small local site for the CI tests: a sitemap index with a nested and a gzipped sitemap,
robots.txt, pages that pass and fail, a page that never answers in time, a 404 and a page behind
a login (cookie ``session=ok``, set by ``POST /login``)."""

from __future__ import annotations

import gzip
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

SLOW_SECONDS = 4.0


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n{body}\n"
        "</main>\n</body>\n</html>\n"
    )


GOOD = "<p>Hier finden Sie Hilfe.</p>"
BAD = '<p>Unser Haus.</p>\n<img src="/haus.png">'


def urlset(paths: list[str], base: str) -> str:
    entries = "".join(
        f"<url><loc>{escape(p if '://' in p else base + p)}</loc></url>" for p in paths
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>')


class Site:
    """Pages by path; ``hits`` counts requests per path (each page must be fetched once)."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {
            "/": page("Startseite", GOOD + '<p><a href="/kontakt#top">Kontakt</a> '
                      '<a href="/news/">Neues</a> <a href="/tief/1">Tief</a> '
                      '<a href="https://example.org/">Extern</a> '
                      '<a href="/privat/geheim">Privat</a></p>'),
            "/kontakt": page("Kontakt", BAD),
            "/news": page("Neues", GOOD + '<p><a href="/">Start</a></p>'),
            "/liste": page("Liste", GOOD),
            "/tief/1": page("Tief 1", '<p><a href="/tief/2">weiter</a></p>'),
            "/tief/2": page("Tief 2", '<p><a href="/tief/3">weiter</a></p>'),
            "/tief/3": page("Tief 3", GOOD),
            "/privat/geheim": page("Geheim", GOOD),
            "/intern": page("Intern", BAD),
        }
        self.hits: Counter[str] = Counter()
        self.base = ""
        self.sitemap_paths = ["/", "/kontakt/", "/liste?b=2&a=1", "/privat/geheim",
                              "https://example.org/fremd"]
        self.gz_paths = ["/news", "/kontakt", "/liste?a=1&b=2", "/slow"]
        self.robots = "User-agent: *\nDisallow: /privat/\n"
        self.robots_status = 200
        # extra responses by path: (status, body, content type)
        self.extra: dict[str, tuple[int, bytes, str]] = {}

    def sitemap(self, path: str) -> tuple[bytes, str] | None:
        if path == "/sitemap.xml":
            body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<sitemap><loc>{self.base}/sitemaps/seiten.xml</loc></sitemap>"
                    f"<sitemap><loc>{self.base}/sitemaps/mehr.xml.gz</loc></sitemap>"
                    "</sitemapindex>")
            return body.encode(), "application/xml"
        if path == "/sitemaps/seiten.xml":
            return urlset(self.sitemap_paths, self.base).encode(), "application/xml"
        if path == "/sitemaps/mehr.xml.gz":
            return gzip.compress(urlset(self.gz_paths, self.base).encode()), "application/gzip"
        return None


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet tests
            pass

        def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8",
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            path = parts.path
            site.hits[path + (f"?{parts.query}" if parts.query else "")] += 1
            host = self.headers.get("Host") or ""
            if host.startswith("localhost"):  # the "apex": everything moved to 127.0.0.1
                self._send(301, b"", headers={"Location": site.base + self.path})
                return
            if path == "/robots.txt":
                self._send(site.robots_status, site.robots.encode(), "text/plain")
                return
            if path in site.extra:
                status, body, kind = site.extra[path]
                self._send(status, body, kind)
                return
            sitemap = site.sitemap(path)
            if sitemap is not None:
                self._send(200, sitemap[0], sitemap[1])
                return
            if path == "/slow":
                time.sleep(SLOW_SECONDS)
                self._send(200, page("Langsam", GOOD).encode())
                return
            if path == "/intern" and "session=ok" not in (self.headers.get("Cookie") or ""):
                self._send(403, page("Verboten", "<p>Bitte anmelden.</p>").encode())
                return
            if path == "/alt":
                self._send(301, b"", headers={"Location": "/news/"})
                return
            if path == "/haus.png":
                self._send(200, b"\x89PNG", "image/png")
                return
            key = path.rstrip("/") or "/"
            if key in site.pages:
                self._send(200, site.pages[key].encode())
                return
            self._send(404, page("Nicht gefunden", GOOD).encode())

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            data = parse_qs(self.rfile.read(length).decode())
            if self.path == "/login" and data.get("password") == ["geheim"]:
                self._send(200, page("Angemeldet", GOOD).encode(),
                           headers={"Set-Cookie": "session=ok; Path=/"})
                return
            self._send(403, page("Falsch", GOOD).encode())

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # The checker hangs up on the slow page after its timeout: that is what the page is
        # for, not a fault of the site. Anything else is still printed (and, with the CLI run
        # in-process, lands in its stderr, where the tests look for tracebacks).
        if isinstance(sys.exc_info()[1], BrokenPipeError | ConnectionResetError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(site: Site | None = None) -> Iterator[Site]:
    site = site or Site()
    server = _Server(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
