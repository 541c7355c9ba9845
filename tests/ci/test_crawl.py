from __future__ import annotations

import gzip

import pytest

from checkers.page.fetch import Fetcher, FetchError
from checkers.page.options import UrlPolicy
from checkers.page.site.config import CrawlSettings
from checkers.page.site.crawl import (
    Crawler,
    Fetched,
    RobotsRules,
    _links,
    fetcher_fetch,
    matches,
    normalize_url,
)
from tests.ci.site import GOOD, Site, page, urlset


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://Example.DE:80/a/b/?z=1&a=2#teil", "http://example.de/a/b?a=2&z=1"),
        ("https://example.de:443", "https://example.de/"),
        ("https://example.de:8443/x/", "https://example.de:8443/x"),
        ("http://example.de/a/./b/../c", "http://example.de/a/c"),
        ("http://example.de/%7Ename", "http://example.de/~name"),
        ("http://example.de//doppelt", "http://example.de/doppelt"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize_url(raw) == expected


def test_matches_path_and_url_globs() -> None:
    assert matches("https://x.de/archiv/2020", ["/archiv/*"])
    assert matches("https://x.de/a.pdf", ["*.pdf"])
    assert matches("https://x.de/a", ["https://x.de/*"])
    assert not matches("https://x.de/aktuell", ["/archiv/*"])


def _crawler(site: Site, **settings: object) -> tuple[Crawler, Fetcher]:
    fetcher = Fetcher(UrlPolicy(allow_loopback=True, timeout=2))
    crawler = Crawler(fetcher_fetch(fetcher), CrawlSettings(**settings), max_pages=100)  # type: ignore[arg-type]
    return crawler, fetcher


def _paths(site: Site, urls: list[str]) -> list[str]:
    return [u.removeprefix(site.base) for u in urls]


def test_sitemap_index_nested_and_gzip_each_page_once(site: Site) -> None:
    crawler, fetcher = _crawler(site)
    with fetcher:
        result = crawler.discover([], [site.base + "/sitemap.xml"])
    assert _paths(site, result.urls) == ["/", "/kontakt", "/liste?a=1&b=2", "/news", "/slow"]
    assert result.skipped[site.base + "/privat/geheim"] == "robots"
    assert not result.problems
    # the sitemap-only crawl fetched no page: pages are fetched by the audit alone
    assert site.hits["/kontakt"] == 0


def test_robots_can_be_ignored(site: Site) -> None:
    crawler, fetcher = _crawler(site, respect_robots=False)
    with fetcher:
        result = crawler.discover([], [site.base + "/sitemap.xml"])
    assert site.base + "/privat/geheim" in result.urls


def test_link_crawl_depth_and_same_origin(site: Site) -> None:
    crawler, fetcher = _crawler(site, enabled=True, max_depth=2)
    with fetcher:
        result = crawler.discover([site.base + "/"])
    paths = _paths(site, result.urls)
    assert paths == ["/", "/kontakt", "/news", "/tief/1", "/tief/2"]
    assert "/tief/3" not in paths  # depth 3
    assert all(not p.startswith("http") for p in paths)  # example.org was not followed
    assert site.hits["/"] == 1 + 0  # the start page once (crawl), not again via /news


def test_link_crawl_page_limit(site: Site) -> None:
    crawler = Crawler(
        fetcher_fetch(Fetcher(UrlPolicy(allow_loopback=True))),
        CrawlSettings(enabled=True, max_depth=5, max_pages=3),
    )
    result = crawler.discover([site.base + "/"])
    assert len(result.urls) == 3
    assert "limit" in result.skipped.values()


def test_include_and_exclude(site: Site) -> None:
    crawler, fetcher = _crawler(site, enabled=True, max_depth=5, exclude=["/tief/2"])
    with fetcher:
        result = crawler.discover([site.base + "/"])
    paths = _paths(site, result.urls)
    assert "/tief/2" not in paths and "/tief/3" not in paths
    crawler, fetcher = _crawler(site, enabled=True, max_depth=5, include=["/tief/*"])
    with fetcher:
        result = crawler.discover([site.base + "/"])
    assert _paths(site, result.urls) == ["/", "/tief/1", "/tief/2", "/tief/3"]


def test_policy_applies_to_crawled_urls(site: Site) -> None:
    crawler = Crawler(fetcher_fetch(Fetcher(UrlPolicy())), CrawlSettings())
    result = crawler.discover([], [site.base + "/sitemap.xml"])
    assert result.urls == []
    assert result.problems and result.problems[0].kind != "sitemap"


def test_broken_sitemap_is_a_problem_not_a_crash() -> None:
    def fetch(url: str) -> Fetched:
        if url.endswith("robots.txt"):
            raise FetchError("network", "weg", "gone", url)
        return Fetched(url, 200, "application/xml", b"<urlset><url><loc>")

    result = Crawler(fetch, CrawlSettings()).discover([], ["https://x.de/sitemap.xml"])
    assert result.problems[0].kind == "sitemap"


def test_xml_entities_are_not_expanded() -> None:
    evil = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<urlset><url><loc>https://x.de/&x;</loc></url></urlset>')

    def fetch(url: str) -> Fetched:
        return Fetched(url, 200 if "sitemap" in url else 404, "application/xml", evil)

    result = Crawler(fetch, CrawlSettings()).discover([], ["https://x.de/sitemap.xml"])
    assert all("root:" not in u for u in result.urls)


# ------------------------------------------------------------------ review fixes

PDF = (200, b"%PDF-1.4\n%\xe2\xe3\n", "application/pdf")


def _rathaus(site: Site, links: str) -> str:
    site.pages["/rathaus"] = page("Rathaus", GOOD + f"<p>{links}</p>")
    return site.base + "/rathaus"


def test_linked_documents_and_images_are_skipped_not_pages(site: Site) -> None:
    site.extra["/satzung.pdf"] = PDF
    site.extra["/download"] = PDF  # no extension: known by its content type while crawling
    start = _rathaus(site, '<a href="/satzung.pdf">Satzung</a> <a href="/haus.png">Bild</a> '
                     '<a href="/Plan.DOCX">Plan</a> <a href="/download?id=1">Formular</a> '
                     '<a href="/news">Neues</a>')
    crawler, fetcher = _crawler(site, enabled=True, max_depth=2)
    with fetcher:
        result = crawler.discover([start])
    assert _paths(site, result.urls) == ["/rathaus", "/news", "/"]  # "/" is linked from /news
    for path in ("/satzung.pdf", "/haus.png", "/Plan.DOCX", "/download?id=1"):
        assert result.skipped[site.base + path] == "not-html", path
    assert site.hits["/satzung.pdf"] == 0  # skipped by its extension, never fetched


def test_bad_links_are_skipped_as_invalid_url(site: Site) -> None:
    start = _rathaus(site, '<a href="https://x.de:70000/">Port</a> <a href="http://[::1">v6</a> '
                     '<a href="/news">Neues</a>')
    crawler, fetcher = _crawler(site, enabled=True, max_depth=1)
    with fetcher:
        result = crawler.discover([start, "http://[::1"])
    assert _paths(site, result.urls) == ["/rathaus", "/news"]
    assert result.skipped["https://x.de:70000/"] == "invalid-url"
    assert result.skipped["http://[::1"] == "invalid-url"
    assert [(p.url, p.kind) for p in result.problems] == [("http://[::1", "invalid-url")]


def test_broken_sitemaps_are_problems_not_crashes(site: Site) -> None:
    packed = gzip.compress(urlset(["/news"] * 200, "http://h").encode())
    site.extra["/kaputt.xml.gz"] = (200, packed[:30] + bytes(reversed(packed[30:])),
                                    "application/gzip")
    site.extra["/loc.xml"] = (200, f"<loc>{site.base}/news</loc>".encode(), "application/xml")
    site.extra["/falsch.xml"] = (200, urlset(["https://x.de:70000/", "/news"], site.base)
                                 .encode(), "application/xml")
    crawler, fetcher = _crawler(site)
    with fetcher:
        result = crawler.discover([], [site.base + "/kaputt.xml.gz", site.base + "/loc.xml",
                                       site.base + "/falsch.xml"])
    assert _paths(site, result.urls) == ["/news"]
    assert [p.kind for p in result.problems] == ["sitemap", "sitemap"]
    assert result.skipped["https://x.de:70000/"] == "invalid-url"


def test_sitemap_pages_on_another_origin_are_recorded(site: Site) -> None:
    crawler, fetcher = _crawler(site)
    with fetcher:
        result = crawler.discover([], [site.base + "/sitemap.xml"])
    assert result.skipped["https://example.org/fremd"] == "other-origin"


def test_redirected_start_url_follows_links_of_the_final_origin(site: Site) -> None:
    port = site.base.rsplit(":", 1)[1]
    crawler, fetcher = _crawler(site, enabled=True, max_depth=1)
    with fetcher:
        result = crawler.discover([f"http://localhost:{port}/"])
    assert result.urls[0] == f"http://localhost:{port}/"
    assert _paths(site, result.urls[1:]) == ["/kontakt", "/news", "/tief/1"]
    assert site.base + "/" not in result.urls  # the final URL is the start page, not a new one


@pytest.mark.parametrize("status", [500, 503])
def test_robots_server_error_disallows_discovered_pages(site: Site, status: int) -> None:
    site.robots_status = status
    crawler, fetcher = _crawler(site, enabled=True, max_depth=2)
    with fetcher:
        result = crawler.discover([site.base + "/"])
    assert result.urls == [site.base + "/"]  # named explicitly: audited anyway
    assert result.skipped[site.base + "/kontakt"] == "robots-unavailable"


def test_robots_not_found_allows_everything(site: Site) -> None:
    site.robots_status = 404
    crawler, fetcher = _crawler(site)
    with fetcher:
        result = crawler.discover([], [site.base + "/sitemap.xml"])
    assert site.base + "/privat/geheim" in result.urls


def test_robots_wildcards_and_longest_match_on_the_site(site: Site) -> None:
    site.robots = ("User-agent: *\nDisallow: /\n\n"
                   "User-agent: a11y-audit\nDisallow: /*?\nDisallow: /tief/\n"
                   "Allow: /tief/2$\nDisallow: /news$\n")
    crawler, fetcher = _crawler(site, enabled=True, max_depth=5)
    with fetcher:
        result = crawler.discover([site.base + "/"])
    assert _paths(site, result.urls) == ["/", "/kontakt", "/privat/geheim"]
    assert result.skipped[site.base + "/news"] == "robots"
    assert result.skipped[site.base + "/tief/1"] == "robots"


@pytest.mark.parametrize(
    ("robots", "path", "allowed"),
    [
        ("Disallow: /privat/", "/privat/x", False),
        ("Disallow: /privat/", "/privatweg", True),
        ("Disallow: /*.pdf$", "/a/b.pdf", False),
        ("Disallow: /*.pdf$", "/a/b.pdf?x=1", True),
        ("Disallow: /*.pdf", "/a/b.pdf?x=1", False),
        ("Disallow: /a\nAllow: /a/b", "/a/b/c", True),  # longer Allow wins
        ("Allow: /a\nDisallow: /a/b", "/a/b/c", False),  # longer Disallow wins
        ("Allow: /a/\nDisallow: /a/", "/a/x", True),  # a tie: Allow wins
        ("Allow: /a*\nDisallow: /a/", "/a/x", True),  # same length, Allow wins
        ("Disallow: /", "/robots.txt", True),
        ("Disallow:", "/x", True),
        ("Disallow: /suche?q=", "/suche?q=rathaus", False),
        ("Disallow: /%C3%BCber", "/%C3%BCber/uns", False),
    ],
)
def test_robots_matcher_rfc_9309(robots: str, path: str, allowed: bool) -> None:
    rules = RobotsRules.parse(f"User-agent: *\n{robots}\n")
    assert rules.allows("https://x.de" + path) is allowed


def test_robots_groups_pick_our_agent_and_combine() -> None:
    text = ("User-agent: googlebot\nDisallow: /\n\nUser-agent: A11Y-Audit/2.0\n"
            "User-agent: other\nDisallow: /a\n\nUser-agent: a11y-audit\nDisallow: /b\n"
            "\nUser-agent: *\nDisallow: /c\n")
    rules = RobotsRules.parse(text)
    assert not rules.allows("https://x.de/a") and not rules.allows("https://x.de/b")
    assert rules.allows("https://x.de/c")
    assert RobotsRules.parse("User-agent: *\nDisallow: /c\n").allows("https://x.de/a")


def test_links_are_read_from_the_browsers_tree() -> None:
    """Links come from the page audit's parse (HTML5): a template's content is no link, a
    noscript's links are, the page's charset is honoured, and <base> applies."""
    body = (
        "<html><head><meta charset=iso-8859-1><base href='/neu/'></head><body>"
        "<template><a href='vorlage'>x</a></template><noscript><a href='ohne-js'>y</a></noscript>"
        "<table><a href='vor-der-tabelle'>z</a><tr><td><area href='gr\xfcn'></table>"
        "<a href='weg' rel='nofollow'>n</a><a href='http://[::1'>kaputt</a>"
    ).encode("latin-1")
    links, invalid = _links(Fetched("http://x.de/a/b.html", 200, "text/html", body))
    assert links == [
        "http://x.de/neu/ohne-js",
        "http://x.de/neu/vor-der-tabelle",
        "http://x.de/neu/gr%C3%BCn",
    ]
    assert invalid == ["http://[::1"]
