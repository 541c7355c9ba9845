"""One CI run: targets resolved, login done, site crawled, pages audited, files text-checked.

The CLI (``a11y check``, ``a11y baseline create``) and the benchmark call :func:`collect`; it
returns the reports in the order of the targets, so the gate and the reporters are pure
functions over them (:mod:`ci.gate`, :mod:`ci.reporters`).

Target kinds: an ``http(s)`` URL is a page (on the command line a URL ending in ``.xml`` or
``.xml.gz`` is a sitemap; in ``[check.targets]`` ``urls`` and ``sitemaps`` say which is which);
a folder stands for its HTML and Markdown files; an ``.html``/``.htm`` file is audited as a page
(its findings get the line of the element they name), a ``.md`` file goes to the text check.
Targets on the command line replace ``[check.targets]``; file globs there are relative to the
configuration file. HTML files and pages share the ``max_pages`` budget.

Discovered pages (sitemaps, crawling) that turn out not to be HTML (a linked PDF served without
a telling extension) are left out and listed in the limits; a URL named explicitly that is not
HTML is a report with an error (exit 2). Every URL left out is counted in the limits by reason
(``other-origin``, ``invalid-url``, ``not-html``, ``robots``, ``limit`` ...).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from a11y_core.errors import BilingualError
from checkers.page.options import AuditOptions, Cookie
from checkers.page.site.config import CheckConfig
from checkers.page.site.crawl import Crawler, fetcher_fetch, normalize_url, try_normalize
from checkers.report import Report, ReportError, Target

if TYPE_CHECKING:
    from checkers.page.audit import PageDetails
    from checkers.page.browser import BrowserPool
    from checkers.text.engine import TextChecker

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".md", ".markdown")
_SKIP_DIRS = frozenset({".git", "node_modules", ".venv", "__pycache__", ".cache"})
T = TypeVar("T")


class RunError(BilingualError):
    """A usage or tool problem before any page is audited: both languages, exit 2."""

    def __init__(self, de: str, en: str) -> None:
        super().__init__("run", de, en)

    def message(self, locale: str = "de") -> str:
        return self.both(locale)


@dataclass(slots=True)
class Slot:
    """One target in the run's order: a page (URL or HTML file) or a text file."""

    kind: str  # "url", "html", "text", "error"
    value: str
    path: Path | None = None  # an HTML or text file
    error: ReportError | None = None
    discovered: bool = False  # a page found in a sitemap or by crawling, not named
    html: str | None = None  # an HTML document given as text (the API's ``html``)
    homepage: bool | None = None  # the caller says whether the page is the homepage


@dataclass(slots=True)
class AuditedPages:
    """The page slots' reports in slot order; None where a slot was left out (a discovered
    address that is no HTML page)."""

    reports: list[Report | None]
    limits: list[str] = field(default_factory=list)
    browser_seconds: float = 0.0  # summed over pages (scripts/bench_ci.py)
    # The parsed page and axe's raw results per slot, when the options keep them
    # (``keep_details``: the web app's grouped report); empty otherwise.
    details: list[PageDetails | None] = field(default_factory=list)


@dataclass(slots=True)
class Collected:
    reports: list[Report]
    limits: list[str] = field(default_factory=list)
    seconds: float = 0.0
    browser_seconds: float = 0.0  # summed over pages (scripts/bench_ci.py)
    # True when auditing nothing is fine: --changed-only with file targets only
    empty_ok: bool = False


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def is_sitemap(url: str) -> bool:
    path = url.split("?", 1)[0].lower()
    return path.endswith((".xml", ".xml.gz"))


# ------------------------------------------------------------------ files


def changed_files(ref: str, cwd: Path) -> set[Path]:
    """Files changed against ``ref`` (committed, staged, unstaged) plus untracked ones."""
    # -z: names as they are (no quoting of non-ASCII names like "Bürgerbüro.md")
    commands = (
        ["git", "diff", "--name-only", "-z", "--diff-filter=ACMR", ref, "--"],
        ["git", "ls-files", "-z", "--others", "--exclude-standard"],
    )
    changed: set[Path] = set()
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=cwd, capture_output=True, text=True,
            check=True,
        ).stdout.strip()
        for command in commands:
            out = subprocess.run(command, cwd=top, capture_output=True, check=True)
            changed.update((Path(top) / os.fsdecode(name)).resolve()
                           for name in out.stdout.split(b"\0") if name)
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        raise RunError(
            f"--changed-only {ref}: git nennt die geänderten Dateien nicht ({detail.strip()})",
            f"--changed-only {ref}: git cannot list the changed files ({detail.strip()})",
        ) from None
    return changed


def _walk(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if any(part in _SKIP_DIRS for part in path.relative_to(folder).parts):
            continue
        if path.is_file() and path.suffix.lower() in HTML_SUFFIXES + TEXT_SUFFIXES:
            found.append(path)
    return found


def _file_slot(path: Path) -> Slot:
    kind = "html" if path.suffix.lower() in HTML_SUFFIXES else "text"
    return Slot(kind, str(path), path=path)


def _display(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def resolve_targets(
    targets: Iterable[str], config: CheckConfig, cwd: Path
) -> tuple[list[Slot], list[str], list[str]]:
    """(file and page slots in order, start URLs, sitemap URLs). Unknown targets: RunError."""
    slots: list[Slot] = []
    urls: list[str] = []
    sitemaps: list[str] = []
    given = list(targets)
    from_config = not given
    if from_config:  # the configuration says which is which; no guessing by the suffix
        urls.extend(config.urls)
        sitemaps.extend(config.sitemaps)
    for value in given:
        if is_url(value):
            (sitemaps if is_sitemap(value) else urls).append(value)
            continue
        path = Path(value) if Path(value).is_absolute() else cwd / value
        if path.is_dir():
            slots.extend(_file_slot(p) for p in _walk(path))
        elif path.is_file():
            if path.suffix.lower() not in HTML_SUFFIXES + TEXT_SUFFIXES:
                raise RunError(
                    f"{value}: nur HTML- und Markdown-Dateien werden geprüft.",
                    f"{value}: only HTML and Markdown files are checked.",
                )
            slots.append(_file_slot(path))
        else:
            raise RunError(
                f"{value}: weder eine Adresse (http/https) noch eine Datei oder ein Ordner.",
                f"{value}: neither a URL (http/https) nor a file or folder.",
            )
    if from_config:
        base = config.base_dir
        for pattern in config.files:
            matched = sorted(p for p in base.glob(pattern) if p.is_file())
            slots.extend(
                _file_slot(p) for p in matched
                if p.suffix.lower() in HTML_SUFFIXES + TEXT_SUFFIXES
            )
    unique: list[Slot] = []
    seen: set[Path] = set()
    for slot in slots:
        key = slot.path.resolve() if slot.path else Path(slot.value)
        if key not in seen:
            seen.add(key)
            unique.append(slot)
    return unique, urls, sitemaps


# ------------------------------------------------------------------ login and crawl


def login_cookies(config: CheckConfig, fetcher: Any) -> tuple[Cookie, ...]:
    """Run the login step; the session's cookies go to every page (fetcher and browser)."""
    if config.login is None:
        return ()
    from checkers.page.fetch import FetchError

    login = config.login
    try:
        result = fetcher.get(login.url, method=login.method, data=dict(login.fields) or None)
    except FetchError as error:
        raise RunError(f"Login {login.url}: {error.de}", f"Login {login.url}: {error.en}") from None
    if result.status >= 400:
        raise RunError(
            f"Login {login.url}: HTTP-Status {result.status}, Anmeldung fehlgeschlagen.",
            f"Login {login.url}: HTTP status {result.status}, login failed.",
        )
    cookies = []
    for cookie in fetcher.client.cookies.jar:
        cookies.append(Cookie(cookie.name, cookie.value or "", cookie.domain or None,
                              cookie.path or "/"))
    if not cookies:
        raise RunError(
            f"Login {login.url}: keine Sitzung erhalten (kein Cookie gesetzt).",
            f"Login {login.url}: no session received (no cookie set).",
        )
    return tuple(cookies)


# ------------------------------------------------------------------ the run


def _in_background(work: Callable[[], T]) -> Future[T]:
    """``work()`` in a daemon thread (an interrupted run does not wait for it); its result or
    exception comes through the future."""
    future: Future[T] = Future()

    def run() -> None:
        try:
            future.set_result(work())
        except BaseException as error:  # handed to whoever waits for the result
            future.set_exception(error)

    threading.Thread(target=run, name="text-checker", daemon=True).start()
    return future


def _check_text_file(checker: TextChecker, slot: Slot, config: CheckConfig, label: str) -> Report:
    from checkers.text.engine import CheckRequest
    from checkers.text.errors import TextInputError

    assert slot.path is not None
    try:
        raw = slot.path.read_bytes()
        report = checker.check(CheckRequest(
            raw, "markdown", None, config.text_profile, label, config.locale,  # type: ignore[arg-type]
        ))
    except OSError as error:
        return Report(target=Target(kind="file", id=label),
                      error=ReportError("file", f"{label}: {error.strerror}"))
    except TextInputError as error:
        return Report(target=Target(kind="file", id=label),
                      error=ReportError(error.kind, error.message(config.locale)))
    target = msgspec.structs.replace(report.target, kind="file", id=label)
    return msgspec.structs.replace(report, target=target)


def _as_file_report(report: Report, label: str) -> Report:
    target = msgspec.structs.replace(report.target, kind="file", id=label, url=None)
    for finding in report.findings:
        if finding.location.url and finding.location.url.startswith("file:"):
            finding.location.url = None
    return msgspec.structs.replace(report, target=target)


def _error_report(url: str, kind: str, message: str) -> Report:
    return Report(target=Target(kind="page", url=url), error=ReportError(kind, message))


def _skipped_limits(skipped: dict[str, str]) -> list[str]:
    """One line per reason a discovered URL was not audited, with a few examples."""
    by_reason: dict[str, list[str]] = {}
    for url, reason in skipped.items():
        by_reason.setdefault(reason, []).append(url)
    lines = []
    for reason, found in by_reason.items():
        if reason == "limit":
            lines.append(f"pages: {len(found)} weitere Seiten nicht geprüft (max_pages) / "
                         f"{len(found)} more pages not audited (max_pages)")
            continue
        examples = ", ".join(found[:3]) + (", …" if len(found) > 3 else "")
        lines.append(f"skipped {reason}: {len(found)} Adressen nicht geprüft / "
                     f"{len(found)} URLs not audited ({examples})")
    return lines


def add_file_lines(report: Report, path: Path) -> Report:
    """Line (and column) of the element each finding's selector names, from the file's source:
    page findings of an HTML file carry a selector but no line, and a reviewer wants the line."""
    todo = [f for f in report.findings if f.location.line is None and f.location.selector]
    if not todo:
        return report
    from checkers.document.html import parse_html

    try:
        source = path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return report
    # The same parse as the page audit's, so its selectors name the same elements.
    parsed = parse_html(source)
    for finding in todo:
        try:
            found = parsed.root.cssselect(finding.location.selector or "")
        except Exception:  # cssselect cannot read every selector axe writes; no line then
            continue
        position = parsed.position(found[0]) if found else None
        if position is not None:
            finding.location.line, finding.location.column = position
    return report


def collect(
    config: CheckConfig,
    targets: Iterable[str] = (),
    cwd: Path | None = None,
    changed_only: str | None = None,
    on_report: Callable[[Report, int, int], None] | None = None,
) -> Collected:
    """Audit everything the targets and the configuration name; reports in target order."""
    started = time.perf_counter()
    cwd = cwd or Path.cwd()
    slots, urls, sitemaps = resolve_targets(targets, config, cwd)
    if changed_only:
        changed = changed_files(changed_only, cwd)
        slots = [s for s in slots if s.path is None or s.path.resolve() in changed]
    from a11y_core import engines

    options = engines.audit_options(config=config)
    # The text checker loads its lexicon, glossaries and rules (1-3 s of Python) while the
    # sitemap is read and the browsers start; only the first page's text engine waits for it.
    loading = (
        _in_background(lambda: engines.text_checker(config.path))
        if "text" in config.engines
        else None
    )
    limits: list[str] = []
    # HTML files and pages share one budget (max_pages): the auditor would cut the rest.
    html_slots = [s for s in slots if s.kind == "html"]
    if len(html_slots) > config.max_pages:
        dropped = {id(s) for s in html_slots[config.max_pages:]}
        slots = [s for s in slots if id(s) not in dropped]
        limits.append(f"pages: {len(dropped)} HTML-Dateien nicht geprüft (max_pages) / "
                      f"{len(dropped)} HTML files not audited (max_pages)")
    page_budget = max(0, config.max_pages - sum(1 for s in slots if s.kind == "html"))
    from checkers.page.fetch import Fetcher

    with Fetcher(options.policy, options.headers, options.cookies) as fetcher:
        cookies = login_cookies(config, fetcher)
        if cookies:
            options = replace(options, cookies=(*options.cookies, *cookies))
        page_slots: list[Slot] = []
        if urls or sitemaps:
            crawler = Crawler(fetcher_fetch(fetcher), config.crawl, page_budget)
            found = crawler.discover(urls, sitemaps)
            explicit = {key for key in map(try_normalize, urls) if key is not None}
            page_slots = [Slot("url", url, discovered=url not in explicit) for url in found.urls]
            page_slots += [
                Slot("error", p.url, error=ReportError(p.kind, p.message)) for p in found.problems
            ]
            limits.extend(_skipped_limits(found.skipped))
    ordered = slots + page_slots
    total = len(ordered)
    done = 0
    reports: dict[int, Report] = {}
    lock = threading.Lock()  # the auditor calls back from its worker threads

    def progress(report: Report) -> None:
        nonlocal done
        with lock:
            done += 1
            if on_report is not None:
                on_report(report, done, total)

    # A broken glossary or [text] section raises its own BilingualError (file, entry, line):
    # the front end shows it as it is.
    checker: TextChecker | Future[TextChecker] | None = loading or (
        engines.text_checker(config.path) if any(s.kind == "text" for s in ordered) else None
    )
    audit_indexes = [i for i, s in enumerate(ordered) if s.kind in ("url", "html")]
    browser_seconds = 0.0
    if audit_indexes:
        audited = audit_pages([ordered[i] for i in audit_indexes], options, checker, cwd=cwd,
                              on_report=progress)
        limits.extend(audited.limits)
        browser_seconds = audited.browser_seconds
        for index, report in zip(audit_indexes, audited.reports, strict=True):
            if report is not None:
                reports[index] = report
    if isinstance(checker, Future):
        checker = checker.result()
    for index, slot in enumerate(ordered):
        if slot.kind == "text" and checker is not None:
            reports[index] = _check_text_file(checker, slot, config, _display(slot.path, cwd))
            progress(reports[index])
        elif slot.kind == "error" and slot.error is not None:
            reports[index] = _error_report(slot.value, slot.error.kind, slot.error.message)
            progress(reports[index])
    in_order = _drop_redirect_duplicates([reports[i] for i in range(total) if i in reports],
                                         limits)
    return Collected(in_order, limits, time.perf_counter() - started, browser_seconds,
                     empty_ok=bool(changed_only) and not (urls or sitemaps))


def audit_pages(
    slots: Sequence[Slot],
    options: AuditOptions,
    checker: TextChecker | Future[TextChecker] | None = None,
    pool: BrowserPool | None = None,
    cwd: Path | None = None,
    on_report: Callable[[Report], None] | None = None,
) -> AuditedPages:
    """Audit page slots (URLs, HTML files, HTML documents) with one auditor, in slot order.

    The one site-audit path: :func:`collect` (``a11y check``, ``a11y baseline create``) and
    ``POST /v1/audits`` come through here, and so do the service's site-audit jobs (each report
    handed to ``on_report`` as soon as its page is done, from the auditor's worker threads) and
    the web app's page audit (``keep_details``). An HTML file's report names the file and the
    line of each finding; a discovered address that turns out not to be HTML is left out (a
    limit).
    """
    from checkers.page.audit import PageAuditor, PageTarget

    targets = [
        PageTarget(path=slot.path) if slot.path is not None
        else PageTarget(html=slot.html) if slot.html is not None
        else PageTarget(url=slot.value)
        for slot in slots
    ]
    reports: list[Report | None] = []
    limits: list[str] = []
    not_html: list[str] = []
    details: list[PageDetails | None] = []
    browser_seconds = 0.0
    with PageAuditor(options, text_checker=checker, pool=pool) as auditor:
        if len(slots) == 1 and slots[0].homepage is not None:
            # One page whose caller says whether it is the homepage (the API's ``homepage``).
            audited = [auditor.audit_one(targets[0], is_homepage=slots[0].homepage)]
            if on_report is not None:
                on_report(audited[0])
        else:
            run = auditor.audit(targets, on_report=on_report)
            audited = run.reports
            limits.extend(run.limits)
        for slot, raw in zip(slots, audited, strict=True):
            report = raw
            if options.keep_details:
                details.append(auditor.details_of(raw))
            if slot.kind == "html" and slot.path is not None:
                label = _display(slot.path, cwd or Path.cwd())
                report = add_file_lines(_as_file_report(raw, label), slot.path)
            elif slot.discovered and raw.error is not None and raw.error.kind == "not-html":
                not_html.append(slot.value)  # a linked PDF or image: not a page, not a failure
                reports.append(None)
                continue
            reports.append(report)
            browser_seconds += auditor.timings_of(raw).get("browser", 0.0)
    if not_html:
        limits.extend(_skipped_limits(dict.fromkeys(not_html, "not-html")))
    return AuditedPages(reports, limits, browser_seconds, details)


def _drop_redirect_duplicates(reports: list[Report], limits: list[str]) -> list[Report]:
    """Two addresses that redirect to the same page are one page: keep its first report."""
    seen: set[str] = set()
    kept = []
    for report in reports:
        url = report.target.url
        if report.error is None and report.target.kind == "page" and is_url(url or ""):
            key = normalize_url(url or "")
            if key in seen:
                limits.append(f"duplicate: {url} (Weiterleitung auf eine schon geprüfte Seite / "
                              "redirect to a page already audited)")
                continue
            seen.add(key)
        kept.append(report)
    return kept

