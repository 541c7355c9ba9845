"""Finding the pages of a site: sitemaps (indexes, gzip), robots.txt and same-origin links.

A CI gate must audit every page of a site exactly once: a page audited twice doubles the run
time and the findings, a page missed hides regressions. So every URL is normalised before it is
counted (:func:`normalize_url`), sitemap indexes are followed recursively, ``robots.txt`` is
honoured for discovered pages as RFC 9309 reads it (:class:`RobotsRules`; pages named explicitly
are audited as asked) and link crawling stays on the origin of its start page (after its
redirects), within depth and page limits.

Nothing a site links to may stop the run: links to documents and media (by extension, or by
content type once fetched) are skipped as ``not-html``, links that are no valid URL as
``invalid-url``, sitemap pages on another origin as ``other-origin``; broken sitemaps (bad XML,
corrupt gzip, no ``urlset``) are problems of their own. Every URL left out is in
:attr:`CrawlResult.skipped` with its reason.

The crawler fetches through a small callable (:data:`FetchFn`), so it works with the project's
safe :class:`checkers.page.fetch.Fetcher` (the URL policy applies to crawled URLs too) and with
test doubles alike.
"""

from __future__ import annotations

import gzip
import io
import posixpath
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import NamedTuple
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

from checkers.document.html import HtmlElement, parse_html
from checkers.page.fetch import client_can_fetch, decode_html
from checkers.page.site.config import CrawlSettings

MAX_SITEMAP_DEPTH = 5
MAX_SITEMAP_BYTES = 50_000_000  # the sitemap protocol's own limit for an uncompressed file
ROBOTS_AGENT = "a11y-audit"
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SAFE_PATH = "/:@!$&'()*+,;=-._~"
# Links to these are documents and media, not pages: a discovered one is skipped ("not-html"),
# only a URL named explicitly is fetched and reported when it is not HTML.
NON_HTML_EXTENSIONS = frozenset({
    "pdf", "doc", "docx", "dot", "xls", "xlsx", "xlsm", "ppt", "pptx", "pps", "ppsx", "odt",
    "ods", "odp", "odg", "rtf", "txt", "csv", "tsv", "xml", "rss", "atom", "json", "ics", "vcf",
    "epub", "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar", "exe", "msi", "dmg", "apk",
    "jpg", "jpeg", "png", "gif", "svg", "webp", "avif", "bmp", "ico", "tif", "tiff", "heic",
    "mp3", "mp4", "m4a", "m4v", "wav", "ogg", "oga", "ogv", "webm", "avi", "mov", "mkv", "flac",
    "css", "js", "mjs", "woff", "woff2", "ttf", "otf", "eot",
})


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
    # url -> reason: limit, robots, robots-unavailable, excluded, not-included, not-html,
    # invalid-url, other-origin
    skipped: dict[str, str] = field(default_factory=dict)


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


def try_normalize(url: str, base: str | None = None) -> str | None:
    """:func:`normalize_url`, or None for a URL that cannot be one (a port out of range, an
    unclosed IPv6 bracket): one bad link must not stop the run."""
    try:
        normalized = normalize_url(url, base)
    except (ValueError, UnicodeError):
        return None
    # A host in full-width or octal digits, an over-long URL: the HTTP client cannot parse it.
    if urlsplit(normalized).scheme in ("http", "https") and not client_can_fetch(normalized):
        return None
    return normalized


def has_non_html_extension(url: str) -> bool:
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    return "." in name and name.rsplit(".", 1)[-1].lower() in NON_HTML_EXTENSIONS


class RobotsRules:
    """robots.txt as RFC 9309 reads it: the group of our product token (else ``*``), the
    longest matching rule wins, ``Allow`` wins a tie, ``*`` matches any run of characters and
    ``$`` ends a pattern. (``urllib.robotparser`` knows neither wildcards nor longest match.)"""

    def __init__(self, rules: list[tuple[bool, str]] | None = None,
                 disallow_all: bool = False) -> None:
        self.rules = [(allow, pattern, _robots_regex(pattern)) for allow, pattern in rules or []
                      if pattern]
        self.disallow_all = disallow_all

    @classmethod
    def parse(cls, text: str, agent: str = ROBOTS_AGENT) -> RobotsRules:
        groups: list[tuple[list[str], list[tuple[bool, str]]]] = []
        in_agents = False
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            key, _, value = line.partition(":")
            key, value = key.strip().lower(), value.strip()
            if key == "user-agent":
                if not in_agents:
                    groups.append(([], []))
                    in_agents = True
                groups[-1][0].append(value.split("/", 1)[0].strip().lower())
            elif key in ("allow", "disallow"):
                in_agents = False
                if groups:
                    groups[-1][1].append((key == "allow", value))
            # other lines (sitemap, crawl-delay, ...) neither end nor start a group
        token = agent.lower()
        mine = [rule for agents, rules in groups if token in agents for rule in rules]
        if not any(token in agents for agents, _ in groups):
            mine = [rule for agents, rules in groups if "*" in agents for rule in rules]
        return cls(mine)

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        path = unquote(parts.path or "/") + (f"?{unquote(parts.query)}" if parts.query else "")
        if path == "/robots.txt":
            return True
        if self.disallow_all:
            return False
        best: tuple[int, bool] | None = None
        for allow, pattern, regex in self.rules:
            if regex.match(path):
                candidate = (len(pattern), allow)  # longer wins; on a tie True (Allow) > False
                if best is None or candidate > best:
                    best = candidate
        return best is None or best[1]


def _robots_regex(pattern: str) -> re.Pattern[str]:
    pattern = unquote(pattern)
    anchored = pattern.endswith("$")
    body = pattern[:-1] if anchored else pattern
    regex = ".*".join(re.escape(part) for part in body.split("*"))
    return re.compile(regex + (r"\Z" if anchored else ""), re.DOTALL)


class _PageLinks(NamedTuple):
    final_url: str
    is_html: bool
    links: list[str]
    invalid: list[str]


class Crawler:
    def __init__(
        self, fetch: FetchFn, settings: CrawlSettings, max_pages: int = 500, workers: int = 4
    ) -> None:
        self.fetch = fetch
        self.workers = max(1, workers)
        self.settings = settings
        self.max_pages = max(0, min(max_pages, settings.max_pages if settings.enabled else
                                    max_pages))
        self._robots: dict[str, RobotsRules] = {}

    # ------------------------------------------------------------ public

    def discover(self, urls: Iterable[str], sitemaps: Iterable[str] = ()) -> CrawlResult:
        """Explicit URLs first (in the order given), then sitemap pages, then crawled links."""
        result = CrawlResult()
        seen: set[str] = set()

        def add(key: str, explicit: bool) -> bool:
            if key in seen:
                return False
            if not explicit:
                reason = "not-html" if has_non_html_extension(key) else self._refusal(key)
                if reason:
                    result.skipped.setdefault(key, reason)
                    return False
            if len(result.urls) >= self.max_pages:
                result.skipped.setdefault(key, "limit")
                return False
            seen.add(key)
            result.urls.append(key)
            return True

        starts: list[str] = []
        for raw in urls:
            key = try_normalize(raw)
            if key is None:
                result.problems.append(CrawlProblem(
                    raw, "invalid-url",
                    "Keine gültige Adresse / not a valid URL",
                ))
                continue
            starts.append(key)
            add(key, explicit=True)
        for sitemap in sitemaps:
            for url in self.sitemap_urls(sitemap, result):
                add(url, explicit=False)
        if self.settings.enabled:
            self._crawl(starts or list(result.urls), set(starts), add, seen, result)
        return result

    def sitemap_urls(self, url: str, result: CrawlResult) -> list[str]:
        found: list[str] = []
        visited: set[str] = set()
        key = try_normalize(url)
        if key is None:
            result.problems.append(CrawlProblem(
                url, "invalid-url", "Keine gültige Sitemap-Adresse / not a valid sitemap URL"))
            return found
        self._sitemap(key, 0, found, visited, result)
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
        except (etree.XMLSyntaxError, OSError, EOFError, ValueError, zlib.error) as error:
            result.problems.append(CrawlProblem(
                url, "sitemap", f"Sitemap ist kein gültiges XML / not valid XML: {error}"
            ))
            return
        tag = etree.QName(root).localname
        if tag not in ("sitemapindex", "urlset"):
            result.problems.append(CrawlProblem(
                url, "sitemap", f"Sitemap ohne <urlset> oder <sitemapindex> (<{tag}>) / "
                f"sitemap without <urlset> or <sitemapindex> (<{tag}>)"
            ))
            return
        locs = []
        for el in root.iter("{*}loc"):
            parent = el.getparent()
            if parent is not None and etree.QName(parent).localname in ("sitemap", "url"):
                locs.append((el.text or "").strip())
        home = origin(fetched.url)
        for loc in locs:
            if not loc:
                continue
            key = try_normalize(loc, fetched.url)
            if key is None:
                result.skipped.setdefault(loc, "invalid-url")
            elif tag == "sitemapindex":
                self._sitemap(key, depth + 1, found, visited, result)
            elif origin(key) != home:
                result.skipped.setdefault(key, "other-origin")
            else:
                found.append(key)

    # ------------------------------------------------------------ links

    def _crawl(
        self, starts: list[str], explicit: set[str], add: Callable[[str, bool], bool],
        seen: set[str], result: CrawlResult,
    ) -> None:
        """Breadth first, one depth level at a time: the pages of a level are fetched in
        parallel, their links are added in page order, so the result does not depend on
        which answer came first. Links are compared with the origin of the page's final URL
        (after redirects: http→https, apex→www)."""
        level = list(dict.fromkeys(starts))
        expanded: set[str] = set()
        depth = 0
        with ThreadPoolExecutor(self.workers, thread_name_prefix="crawl") as pool:
            while level and depth < self.settings.max_depth:
                todo = [url for url in level if url not in expanded]
                expanded.update(todo)
                following: list[str] = []
                for url, page in zip(todo, pool.map(self._page_links, todo), strict=True):
                    if page is None:
                        continue
                    if not page.is_html:
                        if url not in explicit and url in result.urls:
                            result.urls.remove(url)
                            result.skipped[url] = "not-html"
                        continue
                    final = page.final_url
                    if final != url:
                        seen.add(final)
                        expanded.add(final)
                    for bad in page.invalid:
                        result.skipped.setdefault(bad, "invalid-url")
                    home = origin(final)
                    for link in page.links:
                        if origin(link) == home and add(link, False):
                            following.append(link)
                level = following
                depth += 1

    def _page_links(self, url: str) -> _PageLinks | None:
        try:
            fetched = self.fetch(url)
        except Exception:  # the audit reports the page itself; here it only has no links
            return None
        if fetched.status >= 400:
            return None
        final = try_normalize(fetched.url) or url
        if not _is_html(fetched):
            return _PageLinks(final, False, [], [])
        links, invalid = _links(fetched)
        return _PageLinks(final, True, links, invalid)

    def _refusal(self, url: str) -> str | None:
        if self.settings.include and not matches(url, self.settings.include):
            return "not-included"
        if self.settings.exclude and matches(url, self.settings.exclude):
            return "excluded"
        if self.settings.respect_robots:
            rules = self._robots_for(url)
            if not rules.allows(url):
                return "robots-unavailable" if rules.disallow_all else "robots"
        return None

    def _robots_for(self, url: str) -> RobotsRules:
        home = origin(url)
        if home not in self._robots:
            self._robots[home] = self._load_robots(home)
        return self._robots[home]

    def _load_robots(self, home: str) -> RobotsRules:
        """RFC 9309 2.3.1: 4xx means no rules; a server error or no answer at all means
        everything is disallowed (for discovered pages; explicit ones are audited anyway)."""
        try:
            fetched = self.fetch(home + "/robots.txt")
        except Exception:
            return RobotsRules(disallow_all=True)
        if fetched.status >= 500:
            return RobotsRules(disallow_all=True)
        if fetched.status >= 400:
            return RobotsRules()
        return RobotsRules.parse(fetched.body[:500_000].decode("utf-8", "replace"))


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


def _links(fetched: Fetched) -> tuple[list[str], list[str]]:
    """(normalised http(s) links, hrefs that are no valid URL), read from the tree the page
    audit reads (:mod:`checkers.document.html`); links inside ``<noscript>`` count too."""
    root = parse_html(decode_html(fetched.body or b"", fetched.content_type)).root
    base = fetched.url
    for el in root.iter("base"):
        if el.get("href"):
            base = urljoin(base, el.get("href"))
            break
    links: list[str] = []
    invalid: list[str] = []
    for el in _anchors(root):
        href = (el.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
            continue
        if (el.get("rel") or "").lower().find("nofollow") >= 0:
            continue
        try:
            absolute = urljoin(base, href)
            scheme = urlsplit(absolute).scheme
        except ValueError:
            invalid.append(href)
            continue
        if scheme in ("http", "https"):
            key = try_normalize(absolute)
            if key is None:
                invalid.append(absolute)
            else:
                links.append(key)
    return links, invalid


def _anchors(root: HtmlElement) -> Iterator[HtmlElement]:
    """``a`` and ``area`` in document order; a noscript's content (text in the tree, as in a
    browser with scripting on) is parsed for its links."""
    for el in root.iter("a", "area", "noscript"):
        if el.tag != "noscript":
            yield el
        elif el.text and "<" in el.text:
            yield from _anchors(parse_html(el.text).root)


def fetcher_fetch(fetcher: object) -> FetchFn:
    """Adapt :class:`checkers.page.fetch.Fetcher` (``.get(url)``) to :data:`FetchFn`."""

    def fetch(url: str) -> Fetched:
        result = fetcher.get(url)  # type: ignore[attr-defined]
        return Fetched(result.url, result.status, result.content_type, result.body)

    return fetch
