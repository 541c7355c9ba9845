"""The page audit: fetch, render and run axe-core, then the static, BITV and text engines, merged.

One :class:`PageAuditor` per run (CLI, API request, CI run). It owns the safe fetcher and uses a
browser pool (its own, or the service's shared one). Each page yields one report; a page that
cannot be loaded yields a report with ``error`` set, never a silent pass. Findings of different
engines on the same element and success criterion are folded into one (``related`` names the
others), so a barrier is counted once.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from a11y_core.errors import BilingualError
from checkers.page.axe import axe_findings
from checkers.page.dialogs import dialog_limits
from checkers.page.dom import Page
from checkers.page.fetch import Fetcher, FetchError, FetchResult, check_url
from checkers.page.options import AuditOptions
from checkers.page.rendered import focus_probe, rendered_findings, rendered_limits
from checkers.page.rule import PageContext, PageRule, run_rules
from checkers.page.text import page_text_findings
from checkers.report import (
    Finding,
    Report,
    ReportError,
    Run,
    Target,
    fingerprint,
    summarize,
    summarize_run,
)
from checkers.rules import severity_rank

if TYPE_CHECKING:
    from checkers.page.browser import AxeOutcome, BrowserPool
    from checkers.text.engine import TextChecker

log = logging.getLogger(__name__)
ENGINE_PREFERENCE = {"axe": 0, "static": 1, "browser": 2, "bitv": 3, "text": 4, "translation": 5}
CONTRADICTION_RULE = "bitv.statement-contradiction"
# axe rules about the HTML page as a whole (its language and title), which only text/html
# documents have.
HTML_PAGE_RULES = frozenset(
    {"axe.html-has-lang", "axe.html-lang-valid", "axe.html-xml-lang-mismatch", "axe.document-title"}
)


@dataclass(frozen=True, slots=True)
class PageTarget:
    """What to audit: a URL, an HTML document (with an optional base URL) or a local file."""

    url: str | None = None
    html: str | None = None
    path: Path | None = None

    @property
    def label(self) -> str:
        if self.path is not None:
            return str(self.path)
        return self.url or "(html)"


@dataclass(slots=True)
class _Loaded:
    html: str
    url: str | None
    axe: AxeOutcome | None = None
    fetched: FetchResult | None = None
    timings: dict[str, float] = field(default_factory=dict)
    xml_root: str | None = None  # "svg", "math", ...: an XML document that is no HTML page
    source: str | None = None  # the fetched HTML when ``html`` became the rendered DOM
    limits: list[str] = field(default_factory=list)  # what could not be audited, and why


@dataclass(slots=True)
class PageDetails:
    """What the web report needs beyond the findings: the rendered page (to place findings in
    header, navigation, main or footer) and axe's raw results (check data, pictures)."""

    page: Page
    axe: AxeOutcome | None = None


class PageLoadError(BilingualError):
    """The page could not be loaded or rendered: its report carries the error."""


def _followed_instant_redirect(loaded: _Loaded) -> bool:
    """The fetched page redirects at once with ``<meta http-equiv="refresh" content="0; ...">``
    and the browser, following it, got an error page (the target host is refused or down).
    The fetched document is still a page of its own: its markup is audited by the static
    rules, which judge the refresh by its ``content`` (ACT bc659a/bisz58), not by where it
    leads; the browser checks are left out and the report says so."""
    if loaded.fetched is None:
        return False
    from checkers.page.static.meta_refresh import redirects_at_once

    if not redirects_at_once(Page(loaded.html, loaded.url)):
        return False
    loaded.limits.append(
        "Weiterleitung: Die Seite leitet sofort weiter (meta refresh), das Ziel war im Browser "
        "nicht erreichbar; nur das HTML der Seite selbst wurde geprüft / redirect: the page "
        "redirects at once (meta refresh) and the browser could not load the target; only the "
        "page's own HTML was audited"
    )
    return True


class AuditOptionsError(BilingualError, ValueError):
    """Settings that cannot work (unknown Land, ...): a usage error before any page is loaded."""


def validate_options(options: AuditOptions) -> None:
    probe = Page("<html><body></body></html>")
    for selector in options.ignore_selectors:
        try:
            probe.select(selector)
        except ValueError:
            raise AuditOptionsError(
                "ignore-selector",
                f"Ungültiger CSS-Selektor zum Ignorieren: {selector!r}",
                f"Invalid CSS selector to ignore: {selector!r}",
            ) from None
    if "bitv" in options.engines:
        from checkers.page.bitv import validate_settings

        try:
            validate_settings(options.bitv)
        except ValueError as error:
            raise AuditOptionsError(
                "bitv-settings",
                f"BITV-Einstellungen ungültig: {error}. Länder: bund, BW, BY, BE, BB, HB, HH, HE, "
                "MV, NI, NW, RP, SL, SN, ST, SH, TH.",
                f"Invalid BITV settings: {error}.",
            ) from None


class PageAuditor:
    def __init__(
        self,
        options: AuditOptions | None = None,
        text_checker: TextChecker | Future[TextChecker] | None = None,
        pool: BrowserPool | None = None,
    ) -> None:
        """``text_checker`` may still be loading (a future, see ``checkers.page.site.runner``):
        pages are fetched and rendered meanwhile, and only their text engine waits for it."""
        self.options = options or AuditOptions()
        validate_options(self.options)
        self.fetcher = Fetcher(self.options.policy, self.options.headers, self.options.cookies)
        self._text_checker = text_checker
        self._pool = pool
        self._own_pool = pool is None
        self._pool_lock = threading.Lock()
        self._linked_lock = threading.Lock()
        self._linked: dict[str, tuple[Page | None, tuple[str, str] | None]] = {}
        # Statements seen in this run, by target index: the page and the URL of the report its
        # findings went to. Chosen after the run, so threads cannot make the choice vary.
        self._statement_candidates: dict[int, tuple[Page, str | None]] = {}
        self._timings: dict[int, dict[str, float]] = {}
        self._details: dict[int, PageDetails] = {}
        self.static_rules, self.bitv_rules = _rules()

    @property
    def text_checker(self) -> TextChecker | None:
        if isinstance(self._text_checker, Future):
            self._text_checker = self._text_checker.result()
        return self._text_checker

    def _raise_if_text_checker_failed(self) -> None:
        """A text checker that could not load fails the run before the next page is loaded,
        not after every page has been rendered."""
        loading = self._text_checker
        if isinstance(loading, Future) and loading.done() and loading.exception() is not None:
            loading.result()

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> PageAuditor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.fetcher.close()
        if self._own_pool and self._pool is not None:
            self._pool.close()
            self._pool = None

    @property
    def pool(self) -> BrowserPool:
        with self._pool_lock:
            if self._pool is None:
                from checkers.page.browser import BrowserPool

                self._pool = BrowserPool(self.options.browser, self.options.policy)
            return self._pool

    # ------------------------------------------------------------------ runs

    def audit(
        self,
        targets: Sequence[PageTarget],
        on_report: Callable[[Report], None] | None = None,
    ) -> Run:
        limits: list[str] = []
        targets = list(targets)
        self.fetcher.bind(t.url for t in targets if t.url)
        with self._linked_lock:
            self._statement_candidates = {}
        if len(targets) > self.options.max_pages:
            limits.append(
                f"pages: {len(targets)} > {self.options.max_pages}; nur die ersten werden "
                "geprüft / only the first are audited"
            )
            targets = targets[: self.options.max_pages]
        homepage = self._homepage(targets)
        statement_owner = self._statement_owner(targets)
        # One worker more than browsers: while a worker runs the static, BITV and text engines
        # on its page (Python, no browser needed), the browser it used renders the next page.
        workers = self.options.browser.pool_size + 1 if "axe" in self.options.engines else 4
        workers = max(1, min(workers, len(targets) or 1))

        def one(index: int) -> Report:
            target = targets[index]
            report = self._audit(
                target,
                is_homepage=index == homepage,
                owns_statement=index == statement_owner,
                index=index,
            )
            if on_report is not None:
                on_report(report)
            return report

        if workers == 1:
            reports = [one(i) for i in range(len(targets))]
        else:
            with ThreadPoolExecutor(workers, thread_name_prefix="audit") as executor:
                reports = list(executor.map(one, range(len(targets))))
        self._cross_check(reports, statement_owner)
        return summarize_run(reports, limits)

    def audit_one(self, target: PageTarget, is_homepage: bool | None = None) -> Report:
        home = self._homepage([target]) == 0 if is_homepage is None else is_homepage
        self.fetcher.bind([target.url] if target.url else [])
        with self._linked_lock:
            self._statement_candidates = {}
        report = self._audit(target, is_homepage=home, owns_statement=True, index=0)
        self._cross_check([report], 0)
        return report

    def _homepage(self, targets: Sequence[PageTarget]) -> int | None:
        wanted = self.options.bitv.homepage
        for index, target in enumerate(targets):
            if target.url is None:
                continue
            if wanted is not None:
                if _same_page(target.url, wanted):
                    return index
                continue
            path = urlsplit(target.url).path
            if path in ("", "/") or path.rsplit("/", 1)[-1] in (
                "index.html",
                "index.htm",
                "index.php",
            ):
                return index
        return None

    def _statement_owner(self, targets: Sequence[PageTarget]) -> int:
        home = self._homepage(targets)
        return home if home is not None else 0

    # ------------------------------------------------------------------ one page

    def _audit(
        self, target: PageTarget, is_homepage: bool, owns_statement: bool, index: int
    ) -> Report:
        started = time.perf_counter()
        locale = self.options.locale
        self._raise_if_text_checker_failed()
        try:
            loaded = self._load(target)
        except BilingualError as error:  # PageLoadError, FetchError
            return _error_report(target, error.kind, error.message(locale))
        page = Page(loaded.html, loaded.url, source=loaded.source)
        findings: list[Finding] = []
        metrics: dict[str, Any] = {}
        limits: list[str] = list(loaded.limits)
        engines = self.options.engines
        if "text" in engines:
            _ = self.text_checker  # still loading: wait here, outside the page's time budget
        deadline = time.monotonic() + self.options.page_budget
        if loaded.axe is not None:
            act = self.pool.act_ids_cached()
            found = axe_findings(loaded.axe, act, loaded.url, locale)
            if loaded.xml_root is not None:
                # axe checks the document element as if it were HTML's; in an SVG or MathML
                # document the page's language and title rules have nothing to apply to.
                found = [f for f in found if f.rule_id not in HTML_PAGE_RULES]
            else:
                found += rendered_findings(loaded.axe.rendered, loaded.url, locale)
                limits += rendered_limits(loaded.axe.rendered)
            findings += found
            limits += dialog_limits(loaded.axe.dialogs)
            metrics["axe"] = {
                "version": loaded.axe.engine_version,
                "passes": loaded.axe.passes,
                "violations": len(loaded.axe.violations),
                "incomplete": len(loaded.axe.incomplete),
            }
        if loaded.xml_root is not None:
            engines = engines & {"axe"}
            limits.append(
                f"XML-Dokument <{loaded.xml_root}>: keine HTML-Seite, nur axe-core geprüft / "
                f"XML document <{loaded.xml_root}>: not an HTML page, only axe-core audited"
            )
        t0 = time.perf_counter()
        if "static" in engines:
            static_context = PageContext(
                page=page, is_homepage=is_homepage, bitv=self.options.bitv, deadline=deadline,
                extra={"focus_probe": focus_probe(loaded.axe.rendered if loaded.axe else None)},
            )
            findings += run_rules(
                self.static_rules, static_context, locale, self.options.disabled_rules
            )
            limits += _failed_rules(static_context)
            limits += budget_limits(static_context.skipped_rules, self.options.page_budget)
        loaded.timings["static"] = time.perf_counter() - t0
        if "bitv" in engines and self.bitv_rules:
            t1 = time.perf_counter()
            bitv_findings, bitv_context = self._bitv(
                page, is_homepage, owns_statement, locale, index, deadline
            )
            findings += bitv_findings
            limits += _failed_rules(bitv_context)
            limits += budget_limits(bitv_context.skipped_rules, self.options.page_budget)
            loaded.timings["bitv"] = time.perf_counter() - t1
        if "text" in engines and self.text_checker is not None and time.monotonic() > deadline:
            limits += budget_limits(["text"], self.options.page_budget)
        elif "text" in engines and self.text_checker is not None:
            t2 = time.perf_counter()
            text_findings, text_metrics, text_limits = page_text_findings(
                self.text_checker, page, self.options.text_profile, locale
            )
            findings += text_findings
            limits += text_limits
            if text_metrics:
                metrics["text"] = text_metrics
            loaded.timings["text"] = time.perf_counter() - t2
        if self.options.ignore_selectors:
            findings = _drop_ignored(findings, page, self.options.ignore_selectors)
        findings = merge_findings(findings)
        loaded.timings["total"] = time.perf_counter() - started
        metrics["engines"] = sorted(engines if loaded.axe is not None else engines - {"axe"})
        report = Report(
            target=Target(kind="page", url=loaded.url, lang=page.lang),
            summary=summarize(findings),
            metrics=metrics,
            findings=findings,
            limits=limits,
        )
        # Timings stay out of the report: the same input must give the same JSON from the CLI
        # and the API. Benchmarks and the CI runner read them here.
        with self._linked_lock:
            self._timings[id(report)] = dict(loaded.timings)
            if self.options.keep_details:
                self._details[id(report)] = PageDetails(page=page, axe=loaded.axe)
        return report

    def details_of(self, report: Report) -> PageDetails | None:
        """The parsed page and axe's raw results (with pictures) behind a report, when the
        options keep them (``keep_details``); handed out once per report."""
        with self._linked_lock:
            return self._details.pop(id(report), None)

    def timings_of(self, report: Report) -> dict[str, float]:
        """Seconds per phase (fetch, browser, browser_load, browser_axe, static, …, total);
        handed out once per report."""
        with self._linked_lock:
            return self._timings.pop(id(report), {})

    def _load(self, target: PageTarget) -> _Loaded:
        timings: dict[str, float] = {}
        fetched: FetchResult | None = None
        if target.html is not None:
            html, url = target.html, target.url
            if len(html) > self.options.policy.max_bytes:
                raise PageLoadError(
                    "too-large",
                    f"Das HTML ist größer als {self.options.policy.max_bytes // 1000} kB.",
                    f"The HTML is larger than {self.options.policy.max_bytes // 1000} kB.",
                )
        else:
            url = target.path.resolve().as_uri() if target.path is not None else target.url
            assert url is not None
            t0 = time.perf_counter()
            fetched = self.fetcher.get(url)
            timings["fetch"] = time.perf_counter() - t0
            if fetched.status >= 400:
                raise PageLoadError(
                    "http-status",
                    f"Die Seite antwortet mit dem HTTP-Status {fetched.status}.",
                    f"The page answers with HTTP status {fetched.status}.",
                )
            xml_root = xml_document_root(fetched)
            if xml_root is not None:
                # An SVG or MathML document is no HTML page: the HTML rules do not apply to it
                # (ACT: inapplicable). Only axe-core runs, in the browser, on the real document.
                loaded = _Loaded(
                    html=fetched.text, url=fetched.url, fetched=fetched, timings=timings
                )
                loaded.xml_root = xml_root
                if "axe" in self.options.engines:
                    self._render(target, loaded)
                return loaded
            if not fetched.is_html:
                raise PageLoadError(
                    "not-html",
                    f"Das ist keine HTML-Seite ({fetched.content_type or 'unbekannter Typ'}).",
                    f"This is not an HTML page ({fetched.content_type or 'unknown type'}).",
                )
            html, url = fetched.text, fetched.url
        loaded = _Loaded(html=html, url=url, fetched=fetched, timings=timings)
        if "axe" in self.options.engines:
            self._render(target, loaded)
        return loaded

    def _render(self, target: PageTarget, loaded: _Loaded) -> None:
        from checkers.page.browser import (
            BrowserBusy,
            BrowserUnavailable,
            DriverConnectionError,
            TimeoutException,
            WebDriverException,
        )

        last: Exception | None = None
        for attempt in (1, 2):  # a crashed or hung browser is replaced and the page retried once
            try:
                pool = self.pool
                with pool.session() as session:
                    t0 = time.perf_counter()
                    if target.html is not None:
                        outcome = session.audit_html(
                            target.html,
                            target.url,
                            self.options.axe_tags,
                            self.options.locale,
                            self.options.ignore_selectors,
                            screenshots=self.options.screenshots,
                        )
                    else:
                        assert loaded.url is not None
                        session.prepare(
                            loaded.url,
                            dict(self.options.headers),
                            [_cookie(c) for c in self.options.cookies],
                        )
                        outcome = session.audit(
                            loaded.url,
                            self.options.axe_tags,
                            self.options.locale,
                            self.options.ignore_selectors,
                            screenshots=self.options.screenshots,
                        )
                    loaded.timings["browser"] = time.perf_counter() - t0
                    loaded.timings.update({f"browser_{k}": v for k, v in outcome.timings.items()})
                    pool.remember_act_ids(session)
                if outcome.final_url.startswith("chrome-error:") or outcome.status >= 400:
                    # The browser got an error page (or a different answer than the fetch):
                    # auditing it would report the error page's barriers as the site's.
                    if _followed_instant_redirect(loaded):
                        return
                    status = outcome.status or "?"
                    raise PageLoadError(
                        "browser-load",
                        f"Der Browser konnte die Seite nicht laden (HTTP-Status {status}).",
                        f"The browser could not load the page (HTTP status {status}).",
                    )
                if outcome.final_url.startswith(("http:", "https:")) and target.html is None:
                    check_url(outcome.final_url, self.options.policy)
                    self._check_final_host(outcome.final_url)
                    loaded.url = outcome.final_url
                loaded.axe = outcome
                if outcome.html:
                    loaded.source = loaded.html
                    loaded.html = outcome.html
                return
            except BrowserUnavailable as error:
                raise PageLoadError("browser-unavailable", str(error), str(error)) from None
            except BrowserBusy as error:
                raise PageLoadError("browser-busy", str(error), str(error)) from None
            except (TimeoutException, WebDriverException, DriverConnectionError, OSError) as error:
                last = error
                log.warning("browser failed on %s (attempt %d): %s", target.label, attempt, error)
        if isinstance(last, TimeoutException | DriverConnectionError | TimeoutError):
            seconds = self.options.browser.page_timeout
            raise PageLoadError(
                "timeout",
                f"Die Seite hat im Browser nicht rechtzeitig geladen (Grenze {seconds:g} s, "
                "zweimal versucht).",
                f"The page did not load in the browser in time (limit {seconds:g} s, tried twice).",
            )
        message = getattr(last, "msg", None) or str(last)
        raise PageLoadError(
            "browser",
            f"Der Browser ist beim Prüfen abgestürzt (zweimal versucht): {message}",
            f"The browser crashed while auditing (tried twice): {message}",
        )

    def _check_final_host(self, url: str) -> None:
        from checkers.page.fetch import resolve_checked

        parts = urlsplit(url)
        if parts.hostname:
            try:
                resolve_checked(parts.hostname, parts.port or 443, self.options.policy)
            except FetchError as error:
                raise PageLoadError(error.kind, error.de, error.en) from None

    # ------------------------------------------------------------------ BITV

    def _bitv(
        self,
        page: Page,
        is_homepage: bool,
        owns_statement: bool,
        locale: str,
        index: int,
        deadline: float | None = None,
    ) -> tuple[list[Finding], PageContext]:
        from checkers.page import bitv

        context = PageContext(
            page=page, is_homepage=is_homepage, bitv=self.options.bitv, deadline=deadline
        )
        links = bitv.discover(page, self.options.bitv)
        statement_href = links.get("statement")
        if statement_href:
            context.extra["statement_link_href"] = statement_href
        wanted: list[str] = []
        if owns_statement and not bitv.is_statement(page):
            wanted.append("statement")
        if is_homepage:
            wanted += ["easy_language", "sign_language"]
        unreachable: dict[str, tuple[str, str, str]] = {}
        for role in wanted:
            href = links.get(role)
            if href and not href.lower().split("?", 1)[0].endswith(".pdf"):
                linked, problem = self._linked_page(href, page.url)
                if linked is not None:
                    context.linked[role] = linked
                elif problem is not None:
                    unreachable[role] = (href, *problem)
        if unreachable:
            context.extra["unreachable"] = unreachable
        candidate = None
        if bitv.is_statement(page):
            candidate = (page, page.url)
        elif "statement" in context.linked:
            candidate = (context.linked["statement"], page.url)
        if candidate is not None:
            with self._linked_lock:
                self._statement_candidates[index] = candidate
        disabled = set(self.options.disabled_rules) | {CONTRADICTION_RULE}
        return run_rules(self.bitv_rules, context, locale, disabled), context

    def _linked_page(
        self, url: str, referrer: str | None
    ) -> tuple[Page | None, tuple[str, str] | None]:
        """The linked page, or why it could not be loaded (German, English); cached per run."""
        with self._linked_lock:
            if url in self._linked:
                return self._linked[url]
        page: Page | None = None
        problem: tuple[str, str] | None = None
        try:
            if url.lower().startswith("file:") and not (referrer or "").startswith("file:"):
                # A web page must not make the audit read local files through its links.
                raise FetchError("scheme", "Lokale Datei verlinkt.", "Links a local file.", url)
            result = self.fetcher.get(url)
            if result.status >= 400:
                problem = (f"HTTP-Status {result.status}", f"HTTP status {result.status}")
            elif result.is_html:
                page = Page(result.text, result.url)
        except FetchError as error:
            if error.kind not in ("address-refused", "scheme"):  # policy, not the site's fault
                problem = (error.de, error.en)
            log.info("linked page %s not fetched: %s", url, error)
        with self._linked_lock:
            self._linked[url] = (page, problem)
        return page, problem

    def _cross_check(self, reports: list[Report], owner: int) -> None:
        """Run-wide: a statement claiming full compliance while the audit found violations."""
        rule = next((r for r in self.bitv_rules if r.meta.id == CONTRADICTION_RULE), None)
        if (
            rule is None
            or not self._statement_candidates
            or "bitv" not in self.options.engines
            or CONTRADICTION_RULE in self.options.disabled_rules
        ):
            return
        candidates = self._statement_candidates
        statement, owner_url = candidates.get(owner) or candidates[min(candidates)]
        violations = sum(
            1
            for report in reports
            for f in report.findings
            if f.outcome == "failed" and f.engine in ("axe", "static") and f.wcag
        )
        context = PageContext(page=statement, bitv=self.options.bitv, violations=violations)
        context.linked["statement"] = statement
        found = run_rules([rule], context, self.options.locale)
        for report in reports:
            if found and report.error is None and report.target.url == owner_url:
                report.findings.extend(found)
                report.summary = summarize(report.findings)
                return


# --------------------------------------------------------------------------- helpers

_XML_TYPES = ("application/xml", "text/xml", "image/svg+xml", "application/mathml+xml")
_XML_SUFFIXES = (".svg", ".xml", ".mml")
_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]")


def xml_document_root(fetched: FetchResult) -> str | None:
    """The root element's name when the response is an XML document that is no (X)HTML page,
    such as SVG or MathML served on its own (even with an ``html`` root, an XML type is not
    ``text/html``); None for HTML pages."""
    kind = fetched.content_type.split(";", 1)[0].strip().lower()
    path = urlsplit(fetched.url).path.lower()
    if not (
        kind in _XML_TYPES
        or (kind.endswith("+xml") and kind != "application/xhtml+xml")
        or (kind == "" and path.endswith(_XML_SUFFIXES))
    ):
        return None
    head = fetched.body[:4096]
    # Skip the XML declaration, comments and doctype to reach the root element.
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.S)
    match = _XML_ROOT.search(head)
    return match.group(1).decode("ascii", "replace").lower() if match else "xml"



def _rules() -> tuple[list[PageRule], list[PageRule]]:
    from checkers.page import bitv, static

    return list(static.all_rules()), list(bitv.all_rules())


def budget_limits(skipped: Sequence[str], budget: float) -> list[str]:
    """The limit entry for rules (or engines) that a page's work budget left out."""
    if not skipped:
        return []
    names = ", ".join(skipped[:10]) + (f" (+{len(skipped) - 10})" if len(skipped) > 10 else "")
    return [
        f"budget: Prüfzeit je Seite ({budget:g} s) aufgebraucht, nicht geprüft: {names} / "
        f"work budget per page ({budget:g} s) used up, not checked: {names}"
    ]


def _failed_rules(context: PageContext) -> list[str]:
    return [
        f"rule {rule_id}: Prüfung fehlgeschlagen, Seite ohne diese Regel geprüft / "
        "check failed, page audited without this rule"
        for rule_id in context.failed_rules
    ]


def _cookie(cookie: Any) -> dict[str, Any]:
    data = {"name": cookie.name, "value": cookie.value, "path": cookie.path}
    if cookie.domain:
        data["domain"] = cookie.domain
    return data


def _same_page(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    return (pa.hostname or "", pa.path.rstrip("/") or "/") == (
        pb.hostname or "",
        pb.path.rstrip("/") or "/",
    )


def _error_report(target: PageTarget, kind: str, message: str) -> Report:
    url = target.url if target.path is None else target.path.resolve().as_uri()
    return Report(
        target=Target(kind="page", url=url),
        error=ReportError(kind=kind, message=message),
    )


def _drop_ignored(findings: list[Finding], page: Page, selectors: tuple[str, ...]) -> list[Finding]:
    ignored = {el for selector in selectors for el in page.select(selector)}
    if not ignored:
        return findings
    return [
        f
        for f in findings
        if not (
            f.location.selector
            and (f.location.url in (None, page.url))
            and ">>>" not in f.location.selector
            and page.inside_any(f.location.selector, ignored)
        )
    ]


# Own rules that check the same thing as an axe rule of another name; rules of the same name in
# both engines (axe.heading-order, static.heading-order) are twins anyway.
TWIN_NAMES = {
    "static.role-valid": "aria-roles",
    "static.aria-attr-valid": "aria-valid-attr",
    "static.tabindex-positive": "tabindex",
    "static.form-label": "label",
    "static.iframe-title": "frame-title",
    "static.autoplay-audio": "no-autoplay-audio",
    "static.video-captions": "video-caption",
}


def _twin_key(finding: Finding) -> tuple[str, str, str] | None:
    """Findings of axe and an own rule checking the same thing on the same element (or the
    page) share this key, whatever success criteria each names."""
    if finding.engine not in ("axe", "static"):
        return None
    name = TWIN_NAMES.get(finding.rule_id) or finding.rule_id.split(".", 1)[-1]
    selector = finding.location.selector or ""
    if selector == "html":  # axe names the page by its root element
        selector = ""
    return (finding.location.url or "", selector, "twin:" + name)


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """Fold findings on the same element and success criterion into one; fingerprint the rest.

    The most severe finding stays (failed over needs_review, then severity, then axe, the
    reference engine); the folded ones are named in ``related``.
    """
    ordered = sorted(
        findings,
        key=lambda f: (
            f.outcome != "failed",
            -severity_rank(f.severity),
            ENGINE_PREFERENCE.get(f.engine, 9),
        ),
    )
    claimed: dict[tuple[str, str, str], Finding] = {}
    kept: list[Finding] = []
    for finding in ordered:
        selector = finding.location.selector
        keys = (
            [(finding.location.url or "", selector, criterion) for criterion in finding.wcag]
            if selector and finding.engine != "text"
            else []
        )
        twin = _twin_key(finding)
        if twin is not None:
            keys.append(twin)
        owner = next((claimed[k] for k in keys if k in claimed), None)
        if owner is not None and owner.engine != finding.engine:
            if finding.rule_id not in owner.related and finding.rule_id != owner.rule_id:
                owner.related.append(finding.rule_id)
            # The folded finding's criteria and ACT rules stay on record with its owner.
            owner.wcag += [c for c in finding.wcag if c not in owner.wcag]
            owner.act += [a for a in finding.act if a not in owner.act]
            continue
        for key in keys:
            claimed.setdefault(key, finding)
        kept.append(finding)
    kept.sort(
        key=lambda f: (
            f.location.url or "",
            f.location.selector or "",
            f.location.start or 0,
            f.rule_id,
        )
    )
    occurrences: Counter[tuple[str, str]] = Counter()
    for finding in kept:
        content = finding.location.snippet or finding.excerpt or finding.location.selector or ""
        key = (finding.rule_id, " ".join(content.split()).casefold())
        finding.fingerprint = fingerprint(finding.rule_id, content, "page", occurrences[key])
        occurrences[key] += 1
    return kept
