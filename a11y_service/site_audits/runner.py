"""One site audit in a worker: the same crawler, auditor, gate and JSON as ``a11y check``.

The phases are those of :func:`checkers.page.site.runner.collect` (crawl with
:class:`checkers.page.site.crawl.Crawler`, audit with :func:`checkers.page.site.runner.audit_pages`,
decide with :func:`ci.gate.decide`, render with the ``json`` reporter), split so that each
result is stored as soon as it exists:

1. claim the audit (conditional UPDATE with a lease); a heartbeat thread renews the lease;
2. discovery, once: the page list is stored, so a resumed audit never crawls again;
3. the pages not stored yet are audited; each report is stored when its page finishes;
4. the run report is built from all stored pages and the audit finished (fenced by the lease).

Known difference to one uninterrupted ``a11y check``: after a resume, run-wide BITV checks (the
statement owner, ``bitv.statement-contradiction``) see only the pages audited in the resumed part.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import msgspec

from a11y_core import engines
from a11y_core.config.env import Settings
from a11y_core.errors import BilingualError
from a11y_service.site_audits.store import LeaseLost, SiteAuditRecord, SiteAuditStore
from checkers.page.options import AuditOptions
from checkers.page.site.config import CheckConfig, CrawlSettings
from checkers.page.site.crawl import try_normalize
from checkers.report import Report, encode_report

if TYPE_CHECKING:
    from checkers.page.browser import BrowserPool
    from checkers.text.engine import TextChecker

log = logging.getLogger(__name__)
_report_decoder = msgspec.json.Decoder(Report)


def worker_id() -> str:
    """host:pid:thread:random, unique per run; the pid lets an operator find the process."""
    thread = threading.current_thread().name.replace(":", "_")[:40]
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{thread}:{uuid.uuid4().hex[:8]}"


@dataclass
class AuditContext:
    """What a worker process shares between audits: the store, one browser pool, the text
    checker (loaded on first use: it takes seconds)."""

    settings: Settings
    store: SiteAuditStore
    pool: BrowserPool | None = None
    text_checker: TextChecker | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def from_settings(cls, settings: Settings) -> AuditContext:
        return cls(settings, SiteAuditStore.open(settings.database_url))

    def checker(self) -> TextChecker:
        with self._lock:
            if self.text_checker is None:
                self.text_checker = engines.text_checker(
                    self.settings.config_path, self.settings.max_chars
                )
            return self.text_checker

    def browser_pool(self, options: AuditOptions) -> BrowserPool:
        with self._lock:
            if self.pool is None:
                self.pool = engines.browser_pool(options)
            return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        self.store.close()


def check_config(record: SiteAuditRecord, settings: Settings) -> CheckConfig:
    """The ``a11y check`` configuration this audit stands for: its start URL (and sitemap),
    crawling on within the depth and page limits, the service's address policy and BITV scope."""
    return CheckConfig(
        urls=(record.start_url,),
        sitemaps=(record.sitemap_url,) if record.sitemap_url else (),
        crawl=CrawlSettings(
            enabled=True, max_depth=record.max_depth, max_pages=record.max_pages
        ),
        engines=frozenset(record.engines),
        locale=record.locale,
        max_pages=record.max_pages,
        concurrency=max(1, settings.browser_pool),
        timeout=min(settings.page_timeout, 30.0),
        allow_loopback=settings.allow_loopback,
        allow_private=settings.allow_private,
        land=record.land or settings.bitv_land,
        body=record.body_kind or settings.bitv_body,
        # The start page is the homepage (BITV §4 duties), also in a resumed part of the run.
        homepage=_normalized(record.start_url),
    )


def _normalized(url: str) -> str:
    return try_normalize(url) or url


class _Heartbeat:
    """Renews the lease every third of its length; ``lost`` once another worker holds it."""

    def __init__(self, store: SiteAuditStore, audit_id: str, worker: str, lease: float) -> None:
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._args = (store, audit_id, worker, lease)
        self._thread = threading.Thread(target=self._run, name="lease-heartbeat", daemon=True)

    def _run(self) -> None:
        store, audit_id, worker, lease = self._args
        while not self._stop.wait(max(0.2, lease / 3)):
            try:
                if not store.heartbeat(audit_id, worker, lease):
                    log.warning("site audit %s: lease lost by %s", audit_id, worker)
                    self.lost.set()
                    return
            except Exception:  # a database hiccup: the next beat tries again
                log.exception("site audit %s: heartbeat failed", audit_id)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def run_site_audit(
    context: AuditContext,
    audit_id: str,
    worker: str | None = None,
    on_page: Callable[[str], None] | None = None,
) -> str:
    """Claim and run (or resume) one audit; returns what happened: done, failed, lost, skipped."""
    worker = worker or worker_id()
    store = context.store
    lease = context.settings.site_audit_lease_seconds
    if not store.claim(audit_id, worker, lease):
        return "skipped"  # done, failed, or running under a live lease elsewhere
    log.info("site audit %s claimed by %s", audit_id, worker)
    with _Heartbeat(store, audit_id, worker, lease) as heartbeat:
        try:
            record = store.get(audit_id)
            config = check_config(record, context.settings)
            options = engines.audit_options(context.settings, config)
            discovery = store.discovery(audit_id)
            if discovery is None:
                discovery = discover(config, options)
                store.save_discovery(audit_id, worker, lease, discovery)
                discovery = store.discovery(audit_id) or discovery  # a racing writer's wins
            _audit_pending(context, audit_id, worker, config, options, discovery, heartbeat,
                           on_page)
            if heartbeat.lost.is_set():
                raise LeaseLost(audit_id)
            report = build_run_report(store, audit_id, config, discovery)
            if not store.finish(audit_id, worker, report):
                raise LeaseLost(audit_id)
            log.info("site audit %s done by %s", audit_id, worker)
            return "done"
        except LeaseLost:
            log.warning("site audit %s: %s lost the lease; another worker continues",
                        audit_id, worker)
            return "lost"
        except Exception as error:
            log.exception("site audit %s failed", audit_id)
            # A project error with where it is (a glossary's file and entry), German first.
            text = (error.both() if isinstance(error, BilingualError) else
                    f"Interner Fehler / internal error: {type(error).__name__}: {error}")
            store.fail(audit_id, worker, text)
            return "failed"


def discover(config: CheckConfig, options: AuditOptions) -> dict[str, Any]:
    """The crawl of ``a11y check``: explicit start URL, sitemap pages, then same-origin links."""
    from checkers.page.fetch import Fetcher
    from checkers.page.site.crawl import Crawler, fetcher_fetch
    from checkers.page.site.runner import _skipped_limits

    with Fetcher(options.policy, options.headers, options.cookies) as fetcher:
        crawler = Crawler(fetcher_fetch(fetcher), config.crawl, config.max_pages)
        found = crawler.discover(config.urls, config.sitemaps)
    return {
        "urls": list(found.urls),
        "problems": [[p.url, p.kind, p.message] for p in found.problems],
        "limits": _skipped_limits(found.skipped),
    }


def _audit_pending(
    context: AuditContext,
    audit_id: str,
    worker: str,
    config: CheckConfig,
    options: AuditOptions,
    discovery: dict[str, Any],
    heartbeat: _Heartbeat,
    on_page: Callable[[str], None] | None,
) -> None:
    from checkers.page.site.runner import Slot, audit_pages

    store = context.store
    lease = context.settings.site_audit_lease_seconds
    done = store.done_urls(audit_id)
    pending = [(i, url) for i, url in enumerate(discovery["urls"]) if url not in done]
    if not pending:
        return
    by_url = {url: i for i, url in pending}
    stored: set[str] = set()
    lock = threading.Lock()

    def save(url: str, position: int, report: Report, replace: bool = False) -> None:
        store.save_page(audit_id, worker, lease, url=url, position=position,
                        report=encode_report(report).decode("utf-8"), replace=replace)
        if on_page is not None:
            on_page(url)

    def progress(report: Report) -> None:
        # Stored as soon as the page is done. A redirected page's report names its final URL;
        # it is stored after the batch, when the run gives each report its target.
        if heartbeat.lost.is_set():
            raise LeaseLost(audit_id)
        key = try_normalize(report.target.url or "") if report.target.url else None
        with lock:
            if key is None or key not in by_url or key in stored:
                return
            stored.add(key)
        save(key, by_url[key], report)

    checker = context.checker() if "text" in options.engines else None
    pool = context.browser_pool(options) if "axe" in options.engines else None
    # Named, not discovered: a linked PDF's report is stored too, and the run report decides.
    audited = audit_pages([Slot("url", url) for _, url in pending], options, checker, pool,
                          on_report=progress)
    for (position, url), report in zip(pending, audited.reports, strict=True):
        assert report is not None  # only discovered slots are left out
        # Again for every page: run-wide findings (a statement contradicting the audit) are
        # added to a report after its page was stored.
        save(url, position, report, replace=True)


def build_run_report(
    store: SiteAuditStore, audit_id: str, config: CheckConfig, discovery: dict[str, Any]
) -> str:
    """The run JSON of ``a11y check --format json`` from the stored pages, in crawl order."""
    from checkers.page.site.runner import _drop_redirect_duplicates, _error_report, _skipped_limits
    from ci.gate import decide
    from ci.reporters import render

    limits = list(discovery.get("limits") or [])
    explicit = {key for key in map(try_normalize, config.urls) if key is not None}
    reports: list[Report] = []
    not_html: list[str] = []
    for result in store.page_results(audit_id):
        report = _report_decoder.decode(result.report)
        if (result.url not in explicit and report.error is not None
                and report.error.kind == "not-html"):
            not_html.append(result.url)  # a linked PDF or image: not a page, not a failure
            continue
        reports.append(report)
    for url, kind, message in discovery.get("problems") or []:
        reports.append(_error_report(url, kind, message))
    if not_html:
        limits.extend(_skipped_limits(dict.fromkeys(not_html, "not-html")))
    reports = _drop_redirect_duplicates(reports, limits)
    result = decide(reports, config, None, None, limits, config.locale, allow_empty=False)
    return render("json", result)


__all__ = [
    "AuditContext",
    "LeaseLost",
    "build_run_report",
    "check_config",
    "discover",
    "run_site_audit",
    "worker_id",
]
