"""Fetching pages safely: http and https only, address policy checked at connect time, limits.

The service fetches what its users name, so it must not become a door into the network it runs
in (SSRF). The address check sits in the connection layer, not only in front of the request:
every TCP connection (the first request and every redirect hop) resolves the host itself,
refuses loopback, private, link-local and other non-global addresses unless the policy allows
them, and then connects to exactly the address it checked, so DNS rebinding between check and
connect is not possible. TLS still verifies the certificate against the host name.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpcore
import httpx

from a11y_core.errors import BilingualError
from checkers.page.options import Cookie, UrlPolicy

REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Longer URLs are refused before any parsing: browsers and servers give up near this length too.
MAX_URL_CHARS = 8192
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


class FetchError(BilingualError):
    """A page could not be fetched; ``kind`` is stable for reports and tests."""

    def __init__(self, kind: str, de: str, en: str, url: str | None = None) -> None:
        super().__init__(kind, de, en)
        self.url = url


@dataclass(slots=True)
class FetchResult:
    url: str  # the final URL, after redirects
    status: int
    content_type: str
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    redirects: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return decode_html(self.body, self.content_type)

    @property
    def is_html(self) -> bool:
        kind = self.content_type.split(";", 1)[0].strip().lower()
        return kind in ("text/html", "application/xhtml+xml", "") and b"\x00" not in self.body[:512]


def decode_html(body: bytes, content_type: str = "") -> str:
    charset = None
    match = re.search(r"charset=([\w.:-]+)", content_type, re.I)
    if match:
        charset = match.group(1)
    elif body.startswith(b"\xef\xbb\xbf"):
        charset = "utf-8-sig"
    else:
        meta = _CHARSET.search(body[:4096])
        if meta:
            charset = meta.group(1).decode("ascii", "replace")
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return body.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("windows-1252", errors="replace")


# --------------------------------------------------------------------------- address policy


_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4, Teredo, compatible):
    such an address reaches the IPv4 host, so the IPv4 host is what the policy must judge."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if any(ip in net for net in _NAT64) or (ip in _IPV4_COMPATIBLE and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def address_allowed(address: str, policy: UrlPolicy) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            ip = embedded
    if ip.is_loopback:
        return policy.allow_loopback
    if ip.is_global and not ip.is_multicast:
        return True
    # Private, link-local (cloud metadata at 169.254.169.254), shared, reserved, unspecified.
    return policy.allow_private and not ip.is_unspecified and not ip.is_multicast


def _refused(host: str, address: str, url: str | None = None) -> FetchError:
    return FetchError(
        "address-refused",
        f"Die Adresse {host} ({address}) ist eine interne Adresse (Loopback, privat oder "
        "link-lokal) und wird nicht abgerufen. Erlauben Sie sie in der Konfiguration, wenn das "
        "gewollt ist.",
        f"{host} ({address}) is an internal address (loopback, private or link-local) and is "
        "not fetched. Allow it in the configuration if this is intended.",
        url,
    )


def resolve_checked(host: str, port: int, policy: UrlPolicy) -> list[str]:
    """Resolve ``host`` and return the addresses the policy allows; raise if there are none."""
    host = host.strip("[]")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(
            "dns",
            f"Der Rechnername {host} ist unbekannt ({error}).",
            f"Unknown host name {host} ({error}).",
        ) from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if host.lower() in {h.lower() for h in policy.allowed_hosts}:
        return addresses
    allowed = [a for a in addresses if address_allowed(a, policy)]
    if not allowed:
        raise _refused(host, addresses[0] if addresses else "?")
    if len(allowed) != len(addresses):
        # One name pointing both outside and inside is how rebinding attacks look: refuse.
        inside = next(a for a in addresses if a not in allowed)
        raise _refused(host, inside)
    return allowed


class _GuardedBackend(httpcore.NetworkBackend):
    """Connects only to addresses the policy allows, exactly the ones it checked."""

    def __init__(self, policy: UrlPolicy) -> None:
        self.policy = policy
        self.inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in resolve_checked(host, port, self.policy):
            try:
                return self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as error:
                last = error
        raise httpcore.ConnectError(str(last or f"cannot connect to {host}"))

    def connect_unix_socket(self, *args: object, **kwargs: object) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, policy: UrlPolicy) -> None:
        super().__init__(retries=0)
        # httpx builds its httpcore pool without a backend hook; swap in the guarded backend.
        self._pool._network_backend = _GuardedBackend(policy)


def guarded_transport(policy: UrlPolicy) -> httpx.HTTPTransport:
    """An httpx transport that connects only to addresses the policy allows, checked at connect
    time: a host name that resolves again to another address (DNS rebinding) cannot slip by."""
    return _GuardedTransport(policy)


# --------------------------------------------------------------------------- fetcher


def check_url(url: str, policy: UrlPolicy) -> str:
    """Syntax and scheme check before any network access; returns the URL without fragment.
    Every URL the HTTP client could not parse (an over-long URL, a host in full-width or octal
    digits, control characters, a bad IDNA label or port) is a :class:`FetchError` here."""
    if len(url) > MAX_URL_CHARS:
        raise FetchError(
            "url",
            f"Die Adresse ist länger als {MAX_URL_CHARS} Zeichen.",
            f"The URL is longer than {MAX_URL_CHARS} characters.",
            url[:200],
        )
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https", "file"):
        raise FetchError(
            "scheme",
            f"Nur http- und https-Adressen werden geprüft: {url!r}",
            f"Only http and https URLs are audited: {url!r}",
            url,
        )
    if parts.scheme.lower() == "file":
        if not policy.allow_files:
            raise FetchError(
                "scheme",
                "Lokale Dateien (file:) werden hier nicht gelesen.",
                "Local files (file:) are not read here.",
                url,
            )
        return url
    if not parts.hostname:
        raise FetchError(
            "url",
            f"Die Adresse hat keinen Rechnernamen: {url!r}",
            f"The URL has no host: {url!r}",
            url,
        )
    if parts.username or parts.password:
        raise FetchError(
            "url",
            "Adressen mit Benutzername oder Passwort werden nicht abgerufen.",
            "URLs with user name or password are not fetched.",
            url,
        )
    cleaned = parts._replace(fragment="").geturl()
    try:
        _ = parts.port  # raises ValueError when out of range
        httpx.URL(cleaned)
    except (httpx.InvalidURL, ValueError, UnicodeError) as error:
        raise FetchError(
            "url",
            f"Die Adresse ist ungültig ({error}): {url[:200]!r}",
            f"The URL is invalid ({error}): {url[:200]!r}",
            url[:200],
        ) from None
    return cleaned


def client_can_fetch(url: str) -> bool:
    """Can the HTTP client parse this http(s) URL at all (length, host syntax, port)? For
    crawlers: a link it cannot parse is skipped as invalid, not fetched into an error."""
    try:
        check_url(url, UrlPolicy())
    except FetchError:
        return False
    return True


class Fetcher:
    """One HTTP client per run; thread-safe for concurrent ``get`` calls."""

    def __init__(
        self,
        policy: UrlPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        cookies: Iterable[Cookie] = (),
    ) -> None:
        self.policy = policy or UrlPolicy()
        # Credentials (configured headers, cookies without a domain) go only to the hosts
        # the run audits (see bind), never to redirect targets or linked pages elsewhere.
        self._auth_headers = dict(headers or {})
        self._hostless = [c for c in cookies if not c.domain]
        self._auth_hosts: set[str] = set()
        jar = httpx.Cookies()
        for cookie in cookies:
            if cookie.domain:
                jar.set(cookie.name, cookie.value, domain=cookie.domain, path=cookie.path)
        self.client = httpx.Client(
            transport=_GuardedTransport(self.policy),
            headers={"user-agent": self.policy.user_agent},
            cookies=jar,
            follow_redirects=False,
            timeout=httpx.Timeout(self.policy.timeout),
        )

    def bind(self, urls: Iterable[str]) -> None:
        """Let the configured headers and domain-less cookies go to these URLs' hosts."""
        for url in urls:
            host = (urlsplit(url).hostname or "").lower()
            if host and host not in self._auth_hosts:
                self._auth_hosts.add(host)
                for c in self._hostless:
                    self.client.cookies.set(c.name, c.value, domain=host, path=c.path)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, url: str, method: str = "GET", data: Mapping[str, str] | None = None
    ) -> FetchResult:
        url = check_url(url, self.policy)
        if url.lower().startswith("file:"):
            return self._file(url)
        redirects: list[str] = []
        deadline = time.monotonic() + self.policy.timeout * 2
        for _ in range(self.policy.max_redirects + 1):
            result = self._once(url, deadline, method, data)
            if result.status in REDIRECTS and "location" in result.headers:
                target = urljoin(url, result.headers["location"])
                redirects.append(url)
                url = check_url(target, self.policy)
                if url.lower().startswith("file:"):
                    raise FetchError(
                        "scheme",
                        "Weiterleitung auf eine lokale Datei.",
                        "Redirect to a local file.",
                        url,
                    )
                if result.status in (301, 302, 303):
                    method, data = "GET", None
                continue
            result.redirects = redirects
            return result
        raise FetchError(
            "redirects",
            f"Zu viele Weiterleitungen (mehr als {self.policy.max_redirects}).",
            f"Too many redirects (more than {self.policy.max_redirects}).",
            url,
        )

    def _once(
        self, url: str, deadline: float, method: str, data: Mapping[str, str] | None
    ) -> FetchResult:
        limit = self.policy.max_bytes
        try:
            host = (urlsplit(url).hostname or "").lower()
            headers = self._auth_headers if host in self._auth_hosts else None
            with self.client.stream(method, url, data=data, headers=headers) as response:
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise _too_large(url, limit)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise _too_large(url, limit)
                    if time.monotonic() > deadline:
                        raise _timeout(url, self.policy.timeout)
                    chunks.append(chunk)
                return FetchResult(
                    url=str(response.url),
                    status=response.status_code,
                    content_type=response.headers.get("content-type", ""),
                    body=b"".join(chunks),
                    headers={k.lower(): v for k, v in response.headers.items()},
                )
        except FetchError as error:
            error.url = error.url or url
            raise
        except httpx.TimeoutException:
            raise _timeout(url, self.policy.timeout) from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, ValueError, UnicodeError) as error:
            # check_url catches these first; a redirect target or client quirk still must not
            # end the audit with an exception that is not a finding.
            raise FetchError(
                "url",
                f"Die Adresse ist ungültig ({error}).",
                f"The URL is invalid ({error}).",
                url[:200],
            ) from None
        except httpx.HTTPError as error:
            cause = error.__cause__ or error.__context__
            if isinstance(cause, FetchError):
                cause.url = url
                raise cause from None
            raise FetchError(
                "network",
                f"Die Seite ist nicht erreichbar: {error}",
                f"The page cannot be reached: {error}",
                url,
            ) from None

    def _file(self, url: str) -> FetchResult:
        path = Path(unquote(urlsplit(url).path))
        try:
            size = path.stat().st_size
            if size > self.policy.max_bytes:
                raise _too_large(url, self.policy.max_bytes)
            body = path.read_bytes()
        except OSError as error:
            raise FetchError(
                "file",
                f"Datei nicht lesbar: {path} ({error.strerror})",
                f"Cannot read file: {path} ({error.strerror})",
                url,
            ) from None
        kind = "text/html" if path.suffix.lower() in (".html", ".htm", ".xhtml") else ""
        return FetchResult(url=url, status=200, content_type=kind, body=body)


def _too_large(url: str, limit: int) -> FetchError:
    return FetchError(
        "too-large",
        f"Die Seite ist größer als die Grenze von {limit // 1000} kB und wird nicht geprüft.",
        f"The page is larger than the limit of {limit // 1000} kB and is not audited.",
        url,
    )


def _timeout(url: str, seconds: float) -> FetchError:
    return FetchError(
        "timeout",
        f"Die Seite hat nicht rechtzeitig geantwortet (Grenze {seconds:g} s).",
        f"The page did not answer in time (limit {seconds:g} s).",
        url,
    )
