"""The page audit with a real Chromium: axe-core findings, iframes, merging, the pool, failures."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from dataclasses import replace

import pytest

from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.axe import act_audit_tags
from checkers.page.browser import BrowserPool, _descendants
from checkers.page.options import AuditOptions, BrowserSettings, Cookie, UrlPolicy

pytestmark = pytest.mark.browser

BASE = AuditOptions(
    engines=frozenset({"axe", "static"}),
    policy=UrlPolicy(allow_loopback=True),
    browser=BrowserSettings(pool_size=1, page_timeout=20, axe_timeout=20),
)


@pytest.fixture(scope="module")
def pool():
    shared = BrowserPool(BASE.browser, BASE.policy)
    yield shared
    shared.close()


def audit(pool, *targets: PageTarget, options: AuditOptions = BASE):
    with PageAuditor(options, pool=pool) as auditor:
        return auditor.audit(list(targets))


def rule_ids(report) -> set[str]:
    return {f.rule_id for f in report.findings} | {r for f in report.findings for r in f.related}


def test_bad_page_finds_the_barriers(pool, site: str) -> None:
    run = audit(pool, PageTarget(url=f"{site}/bad.html"))
    report = run.reports[0]
    assert report.error is None
    found = rule_ids(report)
    for expected in (
        "axe.image-alt",
        "axe.label",
        "axe.color-contrast",
        "axe.link-name",
        "axe.html-has-lang",
        "axe.button-name",
    ):
        assert expected in found, (expected, sorted(found))
    image = next(
        f
        for f in report.findings
        if f.rule_id == "axe.image-alt" and f.location.selector == "html > body > header > img"
    )
    assert image.wcag == ["1.1.1"] and "23a2a8" in image.act
    assert image.severity == "error" and image.outcome == "failed"
    assert image.message.startswith("Ein Bild hat keinen Alternativtext")  # own German text
    assert image.fingerprint and image.location.snippet.startswith("<img")
    # The image inside the iframe is found too, addressed through the frame.
    assert any(
        ">>>" in (f.location.selector or "") and f.rule_id == "axe.image-alt"
        for f in report.findings
    )
    assert report.metrics["axe"]["version"].startswith("4.")


def test_engines_fold_findings_on_the_same_element(pool, site: str) -> None:
    report = audit(pool, PageTarget(url=f"{site}/bad.html")).reports[0]
    keys = [
        (f.location.selector, c)
        for f in report.findings
        if f.engine != "text"
        for c in f.wcag
        if f.outcome == "failed"
    ]
    assert len(keys) == len(set(keys)), "one finding per element and criterion"
    folded = [f for f in report.findings if f.related]
    assert folded, "static and axe findings on the same element are folded"


def test_english_messages(pool, site: str) -> None:
    options = replace(BASE, locale="en")
    report = audit(pool, PageTarget(url=f"{site}/bad.html"), options=options).reports[0]
    image = next(f for f in report.findings if f.rule_id == "axe.image-alt")
    assert image.message.startswith("Images must have alternative text")


def test_good_page_has_no_errors(pool, site: str) -> None:
    report = audit(pool, PageTarget(url=f"{site}/good.html")).reports[0]
    errors = [
        f"{f.rule_id} {f.location.selector}"
        for f in report.findings
        if f.severity == "error" and f.outcome == "failed"
    ]
    assert errors == []


def test_page_that_cannot_be_loaded_is_an_error_report(pool, site: str) -> None:
    run = audit(pool, PageTarget(url=f"{site}/missing.html"), PageTarget(url=f"{site}/good.html"))
    assert run.reports[0].error is not None and run.reports[0].error.kind == "http-status"
    assert "404" in run.reports[0].error.message
    assert run.reports[1].error is None
    assert run.summary.reports_failed == 1


def test_html_document_target(pool) -> None:
    html = (
        "<!DOCTYPE html><html lang='de'><title>T</title>"
        "<body><main><img src='x.png' id='bild'></main></body></html>"
    )
    report = audit(pool, PageTarget(html=html)).reports[0]
    assert report.error is None
    assert any(f.location.selector == "#bild" for f in report.findings)


def test_browser_is_reused(site: str) -> None:
    local = BrowserPool(BASE.browser, BASE.policy)
    try:
        targets = [PageTarget(url=f"{site}/good.html")] * 3
        run = audit(local, *targets)
        assert run.summary.reports_failed == 0
        assert local.started == 1
    finally:
        local.close()


class _RecordingPool(BrowserPool):
    """The real pool, remembering the sessions it hands out: the audit runs one worker more
    than browsers, so when a page's report comes back its browser is usually busy with the
    next page already, not idle in the queue."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.handed_out: list = []

    def _acquire(self):
        session = super()._acquire()
        self.handed_out.append(session)
        return session


def _chromium_pids(pool: _RecordingPool) -> list[int]:
    session = pool.handed_out[-1]
    assert session.pid
    return _descendants(session.pid)


def test_browser_killed_mid_run_is_replaced(site: str) -> None:
    local = _RecordingPool(BASE.browser, BASE.policy)
    killed = threading.Event()

    def kill_after_first(report) -> None:
        if not killed.is_set():
            killed.set()
            for pid in _chromium_pids(local):
                os.kill(pid, signal.SIGKILL)

    try:
        with PageAuditor(BASE, pool=local) as auditor:
            run = auditor.audit(
                [
                    PageTarget(url=f"{site}/good.html"),
                    PageTarget(url=f"{site}/bad.html"),
                    PageTarget(url=f"{site}/index.html"),
                ],
                on_report=kill_after_first,
            )
        assert killed.is_set()
        assert run.summary.reports_failed == 0, [r.error for r in run.reports]
        assert local.replaced >= 1 and local.started == 2
        assert any(f.rule_id == "axe.image-alt" for f in run.reports[1].findings)
    finally:
        local.close()


def test_hung_browser_is_replaced(site: str) -> None:
    options = replace(BASE, browser=replace(BASE.browser, page_timeout=3, axe_timeout=3))
    local = _RecordingPool(options.browser, options.policy)
    stopped: list[int] = []

    def freeze_after_first(report) -> None:
        if not stopped:
            stopped.extend(_chromium_pids(local))
            for pid in stopped:
                os.kill(pid, signal.SIGSTOP)

    try:
        with PageAuditor(options, pool=local) as auditor:
            run = auditor.audit(
                [PageTarget(url=f"{site}/good.html"), PageTarget(url=f"{site}/bad.html")],
                on_report=freeze_after_first,
            )
        assert stopped
        assert run.reports[1].error is None, run.reports[1].error
        assert local.replaced >= 1
    finally:
        for pid in stopped:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        local.close()


def test_slow_page_times_out_with_error_report(pool, site: str) -> None:
    options = replace(
        BASE,
        policy=replace(BASE.policy, timeout=1),
        browser=replace(BASE.browser, page_timeout=1),
    )
    report = audit(pool, PageTarget(url=f"{site}/slow?s=3"), options=options).reports[0]
    assert report.error is not None and report.error.kind == "timeout"


def test_page_behind_login_with_cookie(pool, site: str) -> None:
    without = audit(pool, PageTarget(url=f"{site}/members")).reports[0]
    assert without.error is not None  # redirected to /login, which does not exist
    options = replace(BASE, cookies=(Cookie("session", "ok", domain="127.0.0.1"),))
    report = audit(pool, PageTarget(url=f"{site}/members"), options=options).reports[0]
    assert report.error is None, report.error
    assert any(f.rule_id == "axe.image-alt" for f in report.findings)


def test_remote_webdriver_path(site: str) -> None:
    """A Selenium Grid speaks the W3C WebDriver protocol; a standalone ChromeDriver on a port is
    the smallest such endpoint. No CDP there: axe is injected per page into every frame."""
    import socket
    import subprocess
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    driver = subprocess.Popen(
        ["/usr/bin/chromedriver", f"--port={port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as conn:
                if conn.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        options = replace(
            BASE, browser=replace(BASE.browser, remote_url=f"http://127.0.0.1:{port}")
        )
        remote = BrowserPool(options.browser, options.policy)
        try:
            report = audit(remote, PageTarget(url=f"{site}/bad.html"), options=options).reports[0]
        finally:
            remote.close()
        assert report.error is None, report.error
        selectors = [f.location.selector or "" for f in report.findings
                     if f.rule_id == "axe.image-alt"]
        assert any(">>>" in s for s in selectors), selectors  # the iframe was audited too
    finally:
        driver.kill()
        driver.wait(timeout=10)


def test_ignored_selectors_are_not_audited(pool, site: str) -> None:
    options = replace(BASE, ignore_selectors=("header", "#suche"))
    report = audit(pool, PageTarget(url=f"{site}/bad.html"), options=options).reports[0]
    selectors = [f.location.selector or "" for f in report.findings]
    assert not any(s.startswith(("html > body > header", "#suche")) for s in selectors), selectors
    assert any(f.rule_id == "axe.link-name" for f in report.findings)  # the rest still counts


def test_browser_requests_go_through_the_policy(pool, site: str) -> None:
    """Sub-resources of an audited page are held to the URL policy too: internal addresses are
    refused by the guard proxy before any connection, the page itself is still audited."""
    report = audit(pool, PageTarget(url=f"{site}/ssrf.html")).reports[0]
    assert report.error is None, report.error
    refused = set(pool.refused)
    assert {"169.254.169.254:80", "10.0.0.1:80", "192.168.1.1:80"} <= refused, refused
    assert not any(entry.startswith("127.0.0.1") for entry in refused)


def test_loopback_sub_resource_refused_when_not_allowed(site: str) -> None:
    port = site.rsplit(":", 1)[1]
    policy = UrlPolicy(allowed_hosts=("localhost",))
    options = replace(BASE, policy=policy)
    local = BrowserPool(options.browser, policy)
    html = (
        "<!DOCTYPE html><html lang='de'><title>T</title><body><main><h1>T</h1>"
        f"<img src='http://127.0.0.1:{port}/good.html' alt='intern'></main></body></html>"
    )
    try:
        report = audit(local, PageTarget(html=html, url=f"http://localhost:{port}/"),
                       options=options).reports[0]
        assert report.error is None, report.error
        assert f"127.0.0.1:{port}" in local.refused
    finally:
        local.close()



def test_error_page_in_the_browser_is_not_audited_as_the_site(pool, site: str) -> None:
    report = audit(pool, PageTarget(url=f"{site}/browser-only-error")).reports[0]
    assert report.error is not None and report.error.kind == "browser-load"
    assert "503" in report.error.message


def test_busy_pool_gives_an_error_report_not_a_crash(site: str) -> None:
    options = replace(BASE, browser=replace(BASE.browser, page_timeout=1, axe_timeout=5))
    local = BrowserPool(options.browser, options.policy)
    try:
        with local.session():  # the only browser stays taken
            report = audit(local, PageTarget(url=f"{site}/good.html"), options=options).reports[0]
        assert report.error is not None and report.error.kind == "browser-busy"
        again = audit(local, PageTarget(url=f"{site}/good.html"), options=options).reports[0]
        assert again.error is None
    finally:
        local.close()


def test_instant_meta_redirect_to_a_refused_host_is_audited_on_its_own_markup(
    pool, site: str
) -> None:
    # The browser follows the meta refresh to a private address the policy refuses and gets an
    # error page; the page itself was fetched and is judged on its markup (ACT bc659a: delay 0
    # passes), with the browser checks left out and said so.
    report = audit(pool, PageTarget(url=f"{site}/sofort-weiter.html")).reports[0]
    assert report.error is None, report.error
    assert "static.meta-refresh" not in rule_ids(report)
    assert not any(f.rule_id.startswith("axe.") for f in report.findings)
    assert any("meta refresh" in limit for limit in report.limits)
    assert report.metrics["engines"] == ["static"]


def test_delayed_meta_refresh_is_still_audited_in_the_browser(pool, site: str) -> None:
    report = audit(
        pool,
        PageTarget(
            url=f"{site}/x.html",
            html='<html lang="de"><head><title>T</title><meta http-equiv="refresh" content="30">'
            "</head><body><p>Text</p></body></html>",
        ),
    ).reports[0]
    assert report.error is None, report.error
    assert "static.meta-refresh" in rule_ids(report)
    assert "axe" in report.metrics["engines"]


_SENTINEL_PAGE = """<html lang="en"><head><title>Dialog</title></head><body><main>
<div role="dialog" aria-label="Form" aria-modal="true"><label>Name <input id="first"></label>
<button>Close</button></div>
<div aria-hidden="true"><a href="#" id="after" style="position:absolute; top:-999em">wrap</a></div>
<script>%s</script></main></body></html>"""
_MOVES_FOCUS = (
    "document.getElementById('after').addEventListener('focus', () => "
    "document.getElementById('first').focus())"
)


def test_focus_sentinel_in_aria_hidden_passes_after_the_browser_probe(pool) -> None:
    # ACT 6cfa84: an element that passes focus on at once is not focusable. The browser focuses
    # it; neither the own rule nor axe leaves it for review.
    report = audit(
        pool, PageTarget(url="https://example.org/s", html=_SENTINEL_PAGE % _MOVES_FOCUS)
    ).reports[0]
    assert report.error is None, report.error
    hits = [f for f in report.findings if "aria-hidden-focus" in f.rule_id]
    assert hits == [], hits


def test_sentinel_without_its_handler_fails(pool) -> None:
    # The same markup whose focus handler was removed: the link keeps focus, a real failure.
    page = PageTarget(url="https://example.org/s", html=_SENTINEL_PAGE % "")
    report = audit(pool, page).reports[0]
    hits = [f for f in report.findings if "aria-hidden-focus" in f.rule_id]
    assert any(f.outcome == "failed" for f in hits), hits


_ACT_TAGS = replace(BASE, axe_tags=act_audit_tags())


def test_frame_behind_an_open_modal_dialog_is_not_excluded_from_the_tab_order(pool, site) -> None:
    # ACT akn7bn: a modal dialog makes the frame behind it inert; its tabindex -1 hides nothing.
    page = PageTarget(url=f"{site}/rahmen-hinter-dialog.html")
    report = audit(pool, page, options=_ACT_TAGS).reports[0]
    assert report.error is None, report.error
    assert not [f for f in report.findings if f.rule_id == "axe.frame-focusable-content"]


def test_frame_out_of_the_tab_order_without_a_dialog_fails(pool, site) -> None:
    report = audit(pool, PageTarget(url=f"{site}/rahmen-ohne-tab.html"), options=_ACT_TAGS)
    hits = [f for f in report.reports[0].findings if f.rule_id == "axe.frame-focusable-content"]
    assert [f.outcome for f in hits] == ["failed"], hits


def test_img_with_nothing_that_could_give_it_an_image_is_not_judged(pool) -> None:
    # ACT 23a2a8: a bare <img> renders nothing; one with a CSS background shows an image.
    html = (
        '<html lang="en"><head><title>Bilder</title></head><body><main><img>'
        '<img id="bg" style="width:72px;height:48px;background-image:url(a.png)">'
        "</main></body></html>"
    )
    report = audit(pool, PageTarget(url="https://example.org/i", html=html)).reports[0]
    hits = [f for f in report.findings if "image-alt" in f.rule_id]
    assert {f.location.selector for f in hits if f.outcome == "failed"} == {"#bg"}, hits
    assert all(f.location.selector == "#bg" for f in hits), hits
