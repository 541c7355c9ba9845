from __future__ import annotations

import pytest

from checkers.page.fetch import Fetcher, FetchError
from checkers.page.options import UrlPolicy
from ci.config import CrawlSettings
from ci.crawl import Crawler, Fetched, fetcher_fetch, matches, normalize_url
from tests.ci.site import Site


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
