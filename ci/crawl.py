"""Finding the pages of a site: sitemaps (indexes, gzip), robots.txt and same-origin links.

A CI gate must audit every page of a site exactly once: a page audited twice doubles the run
time and the findings, a page missed hides regressions. So every URL is normalised before it is
counted (:func:`normalize_url`), sitemap indexes are followed recursively, ``robots.txt`` is
honoured for discovered pages (pages named explicitly are audited as asked) and link crawling
stays on the origin of its start page, within depth and page limits.

The crawler fetches through a small callable (:data:`FetchFn`), so it works with the project's
safe :class:`checkers.page.fetch.Fetcher` (the URL policy applies to crawled URLs too) and with
test doubles alike.
"""

from __future__ import annotations

import gzip
import io
import posixpath
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import NamedTuple
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import lxml.html
from lxml import etree

from ci.config import CrawlSettings

MAX_SITEMAP_DEPTH = 5
MAX_SITEMAP_BYTES = 50_000_000  # the sitemap protocol's own limit for an uncompressed file
ROBOTS_AGENT = "a11y-audit"
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SAFE_PATH = "/:@!$&'()*+,;=-._~"


class Fetched(NamedTuple):
    url: str  # final URL after redirects
    status: int
    content_type: str
    body: bytes


FetchFn = Callable[[str], Fetched]


@dataclass(slots=True)
class CrawlProblem:
    url: str
    kind: str
    message: str


@dataclass(slots=True)
class CrawlResult:
    urls: list[str] = field(default_factory=list)
    problems: list[CrawlProblem] = field(default_factory=list)  # sitemaps that could not be read
    skipped: dict[str, str] = field(default_factory=dict)  # url -> reason (robots, excluded, limit)


def normalize_url(url: str, base: str | None = None) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no fragment, no
    trailing slash (except the root), ``.``/``..`` resolved, query parameters sorted,
    percent-escapes of unreserved characters decoded and the rest upper-cased."""
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host
    if ":" in host:  # IPv6
        netloc = f"[{host}]"
    if port and _DEFAULT_PORTS.get(scheme) != port:
        netloc += f":{port}"
    path = quote(unquote(parts.path), safe=_SAFE_PATH)
    path = posixpath.normpath(path) if path else "/"
    if path.startswith("//"):
        path = "/" + path.lstrip("/")
    if path == ".":
        path = "/"
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return urlunsplit((scheme, netloc, path, query, ""))


def origin(url: str) -> str:
    parts = urlsplit(normalize_url(url))
    return f"{parts.scheme}://{parts.netloc}"


def matches(url: str, patterns: Iterable[str]) -> bool:
    """Globs: a pattern with ``://`` is matched against the whole URL, others against the path
    with its query (``/archiv/*``, ``*.pdf``)."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return any(fnmatchcase(url if "://" in p else path, p) for p in patterns)


def _problem_message(error: Exception) -> tuple[str, str]:
    kind = getattr(error, "kind", "network")
    message = error.message("de") if hasattr(error, "message") else str(error)
    return kind, message


class Crawler:
    def __init__(
        self, fetch: FetchFn, settings: CrawlSettings, max_pages: int = 500, workers: int = 4
    ) -> None:
        self.fetch = fetch
        self.workers = max(1, workers)
        self.settings = settings
        self.max_pages = max(1, min(max_pages, settings.max_pages if settings.enabled else
                                    max_pages))
        self._robots: dict[str, RobotFileParser | None] = {}

    # ------------------------------------------------------------ public

    def discover(self, urls: Iterable[str], sitemaps: Iterable[str] = ()) -> CrawlResult:
        """Explicit URLs first (in the order given), then sitemap pages, then crawled links."""
        result = CrawlResult()
        seen: set[str] = set()

        def add(url: str, explicit: bool) -> bool:
            key = normalize_url(url)
            if key in seen:
                return False
            if not explicit:
                reason = self._refusal(key)
                if reason:
                    result.skipped.setdefault(key, reason)
                    return False
            if len(result.urls) >= self.max_pages:
                result.skipped.setdefault(key, "limit")
                return False
            seen.add(key)
            result.urls.append(key)
            return True

        starts = [normalize_url(u) for u in urls]
        for url in starts:
            add(url, explicit=True)
        for sitemap in sitemaps:
            for url in self.sitemap_urls(sitemap, result):
                add(url, explicit=False)
        if self.settings.enabled:
            self._crawl([*starts] or list(result.urls), add, result)
        return result

    def sitemap_urls(self, url: str, result: CrawlResult) -> list[str]:
        found: list[str] = []
        visited: set[str] = set()
        self._sitemap(normalize_url(url), 0, found, visited, result)
        return found

    # ------------------------------------------------------------ sitemaps

    def _sitemap(
        self, url: str, depth: int, found: list[str], visited: set[str], result: CrawlResult
    ) -> None:
        if url in visited or depth > MAX_SITEMAP_DEPTH:
            return
        visited.add(url)
        try:
            fetched = self.fetch(url)
        except Exception as error:  # FetchError and friends: reported, the run goes on
            kind, message = _problem_message(error)
            result.problems.append(CrawlProblem(url, kind, message))
            return
        if fetched.status >= 400:
            result.problems.append(CrawlProblem(
                url, "http", f"HTTP {fetched.status}: Sitemap nicht lesbar / sitemap not readable"
            ))
            return
        try:
            root = _parse_xml(_maybe_gunzip(fetched.body))
        except (etree.XMLSyntaxError, OSError, EOFError, ValueError) as error:
            result.problems.append(CrawlProblem(
                url, "sitemap", f"Sitemap ist kein gültiges XML / not valid XML: {error}"
            ))
            return
        tag = etree.QName(root).localname
        locs = [
            (el.text or "").strip()
            for el in root.iter("{*}loc")
            if etree.QName(el.getparent()).localname in ("sitemap", "url")
        ]
        if tag == "sitemapindex":
            for loc in locs:
                self._sitemap(normalize_url(loc, fetched.url), depth + 1, found, visited, result)
        else:
            home = origin(fetched.url)
            found.extend(
                normalize_url(loc, fetched.url)
                for loc in locs
                if loc and origin(urljoin(fetched.url, loc)) == home
            )

    # ------------------------------------------------------------ links

    def _crawl(
        self, starts: list[str], add: Callable[[str, bool], bool], result: CrawlResult
    ) -> None:
        """Breadth first, one depth level at a time: the pages of a level are fetched in
        parallel, their links are added in page order, so the result does not depend on
        which answer came first."""
        level = list(dict.fromkeys(starts))
        expanded: set[str] = set()
        depth = 0
        with ThreadPoolExecutor(self.workers, thread_name_prefix="crawl") as pool:
            while level and depth < self.settings.max_depth:
                todo = [url for url in level if url not in expanded]
                expanded.update(todo)
                following: list[str] = []
                for url, links in zip(todo, pool.map(self._page_links, todo), strict=True):
                    home = origin(url)
                    for link in links:
                        if origin(link) == home and add(link, False):
                            following.append(link)
                level = following
                depth += 1

    def _page_links(self, url: str) -> list[str]:
        try:
            fetched = self.fetch(url)
        except Exception:  # the audit reports the page itself; here it only has no links
            return []
        if fetched.status >= 400 or not _is_html(fetched):
            return []
        return _links(fetched)

    def _refusal(self, url: str) -> str | None:
        if self.settings.include and not matches(url, self.settings.include):
            return "not-included"
        if self.settings.exclude and matches(url, self.settings.exclude):
            return "excluded"
        if self.settings.respect_robots and not self._robots_allows(url):
            return "robots"
        return None

    def _robots_allows(self, url: str) -> bool:
        home = origin(url)
        if home not in self._robots:
            self._robots[home] = self._load_robots(home)
        parser = self._robots[home]
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, home: str) -> RobotFileParser | None:
        try:
            fetched = self.fetch(home + "/robots.txt")
        except Exception:
            return None  # unreachable robots.txt: nothing is forbidden
        if fetched.status >= 400:
            return None
        parser = RobotFileParser()
        parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
        return parser


def _maybe_gunzip(body: bytes) -> bytes:
    if body[:2] != b"\x1f\x8b":
        return body
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
        data = stream.read(MAX_SITEMAP_BYTES + 1)
    if len(data) > MAX_SITEMAP_BYTES:
        raise ValueError("sitemap larger than 50 MB")
    return data


def _parse_xml(body: bytes) -> etree._Element:
    # No entities, no network: a sitemap is untrusted input (XXE, billion laughs).
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False)
    return etree.fromstring(body, parser=parser)


def _is_html(fetched: Fetched) -> bool:
    kind = fetched.content_type.split(";", 1)[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml", "")


def _links(fetched: Fetched) -> list[str]:
    try:
        root = lxml.html.document_fromstring(fetched.body or b"<html></html>")
    except (etree.ParserError, ValueError):
        return []
    base = fetched.url
    for el in root.iter("base"):
        if el.get("href"):
            base = urljoin(base, el.get("href"))
            break
    links = []
    for el in root.iter("a", "area"):
        href = (el.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
            continue
        if (el.get("rel") or "").lower().find("nofollow") >= 0:
            continue
        absolute = urljoin(base, href)
        if urlsplit(absolute).scheme in ("http", "https"):
            links.append(normalize_url(absolute))
    return links


def fetcher_fetch(fetcher: object) -> FetchFn:
    """Adapt :class:`checkers.page.fetch.Fetcher` (``.get(url)``) to :data:`FetchFn`."""

    def fetch(url: str) -> Fetched:
        result = fetcher.get(url)  # type: ignore[attr-defined]
        return Fetched(result.url, result.status, result.content_type, result.body)

    return fetch
