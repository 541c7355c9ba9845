"""A forward proxy on loopback that applies the URL policy to everything the browser loads.

The fetcher checks the page's own address, but a page makes the browser load more: styles,
scripts, images, iframes, redirects, ``fetch()`` calls. Without this proxy an audited page could
make the audit machine send requests into its own network (cloud metadata at 169.254.169.254,
intranet hosts). Local Chromium is started with ``--proxy-server`` pointing here, and
``--proxy-bypass-list=<-loopback>`` so not even loopback addresses go around it.

Each connection (HTTPS ``CONNECT`` or a plain-HTTP request) resolves the host itself, refuses
addresses the policy does not allow (``resolve_checked``: the same check as the fetcher) and
connects to exactly the address it checked. Refusals answer 403. TLS stays end to end: the proxy
relays bytes and never sees plaintext.
"""

from __future__ import annotations

import contextlib
import logging
import select
import socket
import socketserver
import threading
from collections import deque
from urllib.parse import urlsplit

from checkers.page.fetch import FetchError, resolve_checked
from checkers.page.options import UrlPolicy

log = logging.getLogger(__name__)
_HEADER_LIMIT = 65_536
_IDLE_SECONDS = 60.0


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        client: socket.socket = self.request
        client.settimeout(self.server.policy.timeout)
        try:
            head = _read_head(client)
        except (OSError, ValueError):
            return
        if not head:
            return
        request_line, _, rest = head.partition(b"\r\n")
        try:
            method, target, version = request_line.decode("latin-1").split(" ", 2)
        except ValueError:
            _answer(client, 400, "Bad Request")
            return
        connect = method.upper() == "CONNECT"
        try:
            if connect:
                host, _, port_text = target.rpartition(":")
                port = int(port_text or 443)
            else:
                parts = urlsplit(target)
                host, port = parts.hostname or "", parts.port or 80
                if parts.scheme != "http":
                    host = ""
        except ValueError:
            host, port = "", 0
        if not host or not 0 < port < 65536:
            _answer(client, 400, "Bad Request")
            return
        if connect:
            self._tunnel(client, host.strip("[]"), port, b"")
            return
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        forwarded = f"{method} {path} {version}\r\n".encode("latin-1") + _strip_proxy_headers(rest)
        self._tunnel(client, host, port, forwarded)

    def _tunnel(self, client: socket.socket, host: str, port: int, first: bytes) -> None:
        policy = self.server.policy
        try:
            addresses = resolve_checked(host, port, policy)
        except FetchError as error:
            self.server.refused.append(f"{host}:{port}")
            log.info("browser request refused: %s:%s (%s)", host, port, error.kind)
            _answer(client, 403, "Forbidden")
            return
        upstream = None
        for address in addresses:
            try:
                upstream = socket.create_connection((address, port), timeout=policy.timeout)
                break
            except OSError:
                continue
        if upstream is None:
            _answer(client, 502, "Bad Gateway")
            return
        with contextlib.closing(upstream):
            if first:
                upstream.sendall(first)
            else:
                client.sendall(b"HTTP/1.1 200 Connection Established\r\n\r\n")
            _relay(client, upstream)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, policy: UrlPolicy) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.policy = policy
        self.refused: deque[str] = deque(maxlen=1000)  # the latest refusals, bounded


class GuardProxy:
    """Started once per browser pool; ``url`` goes into Chromium's ``--proxy-server``."""

    def __init__(self, policy: UrlPolicy) -> None:
        self._server = _Server(policy)
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="guard-proxy", daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def refused(self) -> list[str]:
        """host:port of requests refused so far (for logs and tests)."""
        return list(self._server.refused)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _read_head(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            return b""
        data += chunk
        if len(data) > _HEADER_LIMIT:
            raise ValueError("request head too large")
    return data


def _strip_proxy_headers(rest: bytes) -> bytes:
    """Headers for the origin: without Proxy-* and with the connection closed after one
    response, so one relayed connection carries exactly one checked host."""
    lines = [
        line
        for line in rest.split(b"\r\n")
        if not line.lower().startswith((b"proxy-", b"connection:", b"keep-alive:"))
    ]
    head, _, body = b"\r\n".join(lines).partition(b"\r\n\r\n")
    return head + b"\r\nConnection: close\r\n\r\n" + body


def _answer(sock: socket.socket, status: int, reason: str) -> None:
    with contextlib.suppress(OSError):
        sock.sendall(
            f"HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode()
        )


def _relay(a: socket.socket, b: socket.socket) -> None:
    sockets = [a, b]
    while True:
        readable, _, broken = select.select(sockets, [], sockets, _IDLE_SECONDS)
        if broken or not readable:
            return
        for source in readable:
            try:
                data = source.recv(65_536)
            except OSError:
                return
            if not data:
                return
            target = b if source is a else a
            try:
                target.sendall(data)
            except OSError:
                return
