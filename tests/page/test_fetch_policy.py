"""The URL policy: schemes, internal addresses, redirects re-checked, size and time limits."""

from __future__ import annotations

import pytest

from checkers.page.fetch import Fetcher, FetchError, address_allowed, check_url
from checkers.page.options import Cookie, UrlPolicy

LOOPBACK_OK = UrlPolicy(allow_loopback=True)


def fetch_error(url: str, policy: UrlPolicy) -> FetchError:
    with Fetcher(policy) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    return caught.value


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "::1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::ffff:127.0.0.1",
        "fe80::1",
        "fd00::1",
        "224.0.0.1",
    ],
)
def test_internal_addresses_refused_by_default(address: str) -> None:
    assert not address_allowed(address, UrlPolicy())


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::6810:84e5"])
def test_public_addresses_allowed(address: str) -> None:
    assert address_allowed(address, UrlPolicy())


def test_loopback_and_private_only_when_allowed() -> None:
    assert address_allowed("127.0.0.1", LOOPBACK_OK)
    assert not address_allowed("10.0.0.1", LOOPBACK_OK)
    assert address_allowed("10.0.0.1", UrlPolicy(allow_private=True))
    assert not address_allowed("0.0.0.0", UrlPolicy(allow_private=True, allow_loopback=True))


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("ftp://example.org/", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("http:///nohost", "url"),
        ("http://user:secret@example.org/", "url"),
    ],
)
def test_bad_urls_rejected_before_network(url: str, kind: str) -> None:
    with pytest.raises(FetchError) as caught:
        check_url(url, UrlPolicy())
    assert caught.value.kind == kind
    assert caught.value.de and caught.value.en


@pytest.mark.parametrize(
    "url", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]/"]
)
def test_private_address_refused_without_connecting(url: str) -> None:
    error = fetch_error(url, UrlPolicy(timeout=2))
    assert error.kind == "address-refused"
    assert "intern" in error.de and "internal" in error.en


def test_loopback_refused_by_default(site: str) -> None:
    assert fetch_error(f"{site}/good.html", UrlPolicy()).kind == "address-refused"


def test_loopback_allowed_explicitly(site: str) -> None:
    with Fetcher(LOOPBACK_OK) as fetcher:
        result = fetcher.get(f"{site}/good.html")
    assert result.status == 200 and result.is_html
    assert "Termine im Bürgeramt" in result.text


def test_redirect_to_loopback_is_rechecked(site: str) -> None:
    # The first hop is allowed by name; the redirect target (127.0.0.1) is not.
    port = site.rsplit(":", 1)[1]
    policy = UrlPolicy(allowed_hosts=("localhost",))
    with Fetcher(policy) as fetcher:
        assert fetcher.get(f"http://localhost:{port}/good.html").status == 200
    url = f"http://localhost:{port}/redirect?to=http://127.0.0.1:{port}/good.html"
    assert fetch_error(url, policy).kind == "address-refused"


def test_redirect_to_other_scheme_refused(site: str) -> None:
    error = fetch_error(f"{site}/redirect?to=file:///etc/passwd", LOOPBACK_OK)
    assert error.kind == "scheme"


def test_redirects_followed_and_recorded(site: str) -> None:
    with Fetcher(LOOPBACK_OK) as fetcher:
        result = fetcher.get(f"{site}/redirect?to=/good.html")
    assert result.url == f"{site}/good.html"
    assert result.redirects == [f"{site}/redirect?to=/good.html"]


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_oversized_page(site: str, path: str) -> None:
    error = fetch_error(f"{site}{path}", UrlPolicy(allow_loopback=True, max_bytes=10_000))
    assert error.kind == "too-large"
    assert "10 kB" in error.de


def test_timeout(site: str) -> None:
    error = fetch_error(f"{site}/slow?s=3", UrlPolicy(allow_loopback=True, timeout=0.5))
    assert error.kind == "timeout"


def test_unknown_host() -> None:
    assert fetch_error("http://does-not-exist.invalid/", UrlPolicy(timeout=2)).kind == "dns"


def test_cookies_sent(site: str) -> None:
    with Fetcher(LOOPBACK_OK, cookies=[Cookie("session", "ok")]) as fetcher:
        fetcher.bind([f"{site}/"])
        result = fetcher.get(f"{site}/members")
    assert "Mitglieder" in result.text


def test_credentials_only_for_the_audited_hosts(site: str) -> None:
    """A cookie without a domain and configured headers go to the run's own hosts only: not
    to a host the page redirects or links to."""
    with Fetcher(LOOPBACK_OK, cookies=[Cookie("session", "ok")]) as fetcher:
        fetcher.bind(["http://www.example.org/"])
        assert fetcher.get(f"{site}/members").url.endswith("/login")
