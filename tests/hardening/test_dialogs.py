"""Pages that open dialogs are audited in real Chromium: dismissed, listed as a limit."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.browser import BrowserPool
from checkers.page.options import AuditOptions, BrowserSettings, UrlPolicy

pytestmark = pytest.mark.browser

OPTIONS = AuditOptions(
    engines=frozenset({"axe", "static"}),
    policy=UrlPolicy(allow_loopback=True),
    browser=BrowserSettings(pool_size=1, page_timeout=20, axe_timeout=20),
)
PAGE = (
    '<!doctype html><html lang="de"><head><title>{name}</title><script>{script}</script>'
    "</head><body><main><h1>{name}</h1><p>Inhalt</p></main></body></html>"
)
SCRIPTS = {
    "alert-on-load": "alert('Willkommen');",
    "alert-in-timer": "setTimeout(function () { alert('Später'); }, 50);"
    "window.addEventListener('load', function () { alert('Geladen'); });",
    "confirm": "if (!confirm('Cookies erlauben?')) { document.title = 'abgelehnt'; }",
    "prompt": "var name = prompt('Ihr Name?');",
    "beforeunload": "window.onbeforeunload = function () { return 'Wirklich gehen?'; };"
    "window.addEventListener('beforeunload', function (e) { e.preventDefault();"
    " e.returnValue = ''; });",
}


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("dialogs")
    for name, script in SCRIPTS.items():
        (folder / f"{name}.html").write_text(PAGE.format(name=name, script=script), "utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_dialog_pages_are_audited_and_dialogs_listed(site: str) -> None:
    pool = BrowserPool(OPTIONS.browser, OPTIONS.policy)
    try:
        # beforeunload first: the next page is the navigation away from it. One browser for
        # all pages, so a dialog left open would break every later page.
        names = ["beforeunload", "alert-on-load", "alert-in-timer", "confirm", "prompt"]
        targets = [PageTarget(url=f"{site}/{name}.html") for name in names]
        with PageAuditor(OPTIONS, pool=pool) as auditor:
            run = auditor.audit(targets)
        for name, report in zip(names, run.reports, strict=True):
            assert report.error is None, (name, report.error)
            assert "axe" in report.metrics, name
            kind = name.split("-")[0]
            assert any(
                limit.startswith("dialog:") and f"({kind})" in limit for limit in report.limits
            ), (name, report.limits)
        assert any("Willkommen" in limit for limit in run.reports[1].limits)
    finally:
        pool.close()
