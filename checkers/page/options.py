"""Settings of a page audit: which engines, the URL policy, timeouts, BITV scope, browser pool.

Plain frozen dataclasses: the CLI builds them from flags and ``a11y.toml``, the service from
``A11Y_*`` variables and the request, the CI runner from its configuration.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

ENGINES = ("axe", "static", "bitv", "text")
BodyKind = Literal["federal", "state", "municipal", "association", "other"]
BODY_KINDS: tuple[str, ...] = ("federal", "state", "municipal", "association", "other")


def default_concurrency() -> int:
    """Browsers auditing in parallel for a CI run: one per core and one more, because a page's
    rendered checks spend much of their time waiting (hover delays, key presses) while another
    browser can use the core. At most 4 (memory). 2 cores: 3 browsers, 15 % faster than 2 on
    the 144 GOV.UK pages (scripts/bench_vs_axe_cli.py --concurrency)."""
    return min(4, (os.cpu_count() or 1) + 1)


@dataclass(frozen=True, slots=True)
class UrlPolicy:
    """Which URLs may be fetched, and how much of them.

    Loopback, private, link-local and other special addresses are refused unless allowed: a
    service that fetches what users name must not become a door into the network it runs in.
    """

    allow_loopback: bool = False
    allow_private: bool = False
    allowed_hosts: tuple[str, ...] = ()  # always allowed, whatever they resolve to
    max_bytes: int = 5_000_000
    timeout: float = 15.0  # seconds for one request (connect + read)
    max_redirects: int = 5
    allow_files: bool = False  # file:// and local paths: the CLI only, never the API
    user_agent: str = "a11y-audit/0.1 (+Barrierefreiheit)"


@dataclass(frozen=True, slots=True)
class Cookie:
    name: str
    value: str
    domain: str | None = None
    path: str = "/"


@dataclass(frozen=True, slots=True)
class BitvSettings:
    """Which German duties apply. §4 BITV 2.0 (Leichte Sprache and DGS on the homepage) depends
    on the Land and the kind of body; an association's site is not held to it."""

    # "bund" or a Land code: BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH
    land: str = "bund"
    body: BodyKind = "municipal"
    homepage: str | None = None  # the homepage URL; default: the first target of a run
    statement_url: str | None = None  # when the link text does not say "Barrierefreiheit"
    enforcement_hosts: tuple[str, ...] = ()  # extends the per-Land allow-list
    require_easy_language: bool | None = None  # None: from the per-Land table
    max_statement_age_days: int = 366


@dataclass(frozen=True, slots=True)
class BrowserSettings:
    chromium: str = "/usr/bin/chromium"
    chromedriver: str = "/usr/bin/chromedriver"
    remote_url: str | None = None  # a Selenium Grid: audits run on its nodes
    pool_size: int = 2
    page_timeout: float = 30.0
    axe_timeout: float = 30.0
    width: int = 1280
    height: int = 1024
    # Pages a browser serves before it is replaced, so memory does not grow without bound.
    max_pages_per_browser: int = 200
    # Focus visible, reflow at 320 px, text spacing, keyboard walk (checkers.page.rendered).
    rendered_checks: bool = True


@dataclass(frozen=True, slots=True)
class AuditOptions:
    engines: frozenset[str] = frozenset(ENGINES)
    locale: Literal["de", "en"] = "de"
    policy: UrlPolicy = field(default_factory=UrlPolicy)
    browser: BrowserSettings = field(default_factory=BrowserSettings)
    bitv: BitvSettings = field(default_factory=BitvSettings)
    headers: Mapping[str, str] = field(default_factory=dict)
    cookies: tuple[Cookie, ...] = ()
    text_profile: str | None = None  # None: the text configuration's profile
    disabled_rules: frozenset[str] = frozenset()
    # CSS selectors of parts not to audit (cookie banners, third-party widgets): axe excludes
    # them, and findings of the other engines inside them are dropped.
    ignore_selectors: tuple[str, ...] = ()
    axe_tags: tuple[str, ...] = (
        "wcag2a",
        "wcag2aa",
        "wcag21a",
        "wcag21aa",
        "wcag22aa",
        "best-practice",
    )
    max_pages: int = 500  # per run
    # For the web report only (off for the CLI and the API, so their JSON stays the same):
    # pictures of up to this many failed elements per page, and the page, axe's raw results and
    # the pictures kept for ``PageAuditor.details_of(report)``.
    screenshots: int = 0
    keep_details: bool = False
    # Seconds of engine work per page after loading (static, BITV, text). A page that uses it up
    # is not audited further; the report lists the rules and engines left out as a limit.
    page_budget: float = 30.0

