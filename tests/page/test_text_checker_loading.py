"""The page audit may start while the text checker still loads (``a11y check`` loads it in the
background): pages wait for it only at their text engine, and a checker that cannot load stops
the run before the next page is loaded."""

from __future__ import annotations

import threading
from concurrent.futures import Future

import pytest

from a11y_core.errors import BilingualError
from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.options import AuditOptions

from .conftest import SITE

OPTIONS = AuditOptions(engines=frozenset({"static", "text"}))


def _targets() -> list[PageTarget]:
    return [PageTarget(html=(SITE / name).read_text(encoding="utf-8"))
            for name in ("barrierefreiheit.html", "bad.html")]


def _findings(auditor: PageAuditor) -> list[list[tuple[str, str, str | None]]]:
    run = auditor.audit(_targets())
    return [sorted((f.engine, f.rule_id, f.location.selector) for f in r.findings)
            for r in run.reports]


def test_a_checker_still_loading_gives_the_same_findings(checker) -> None:
    with PageAuditor(OPTIONS, text_checker=checker) as auditor:
        expected = _findings(auditor)
    loading: Future = Future()
    threading.Timer(0.3, lambda: loading.set_result(checker)).start()
    with PageAuditor(OPTIONS, text_checker=loading) as auditor:
        assert _findings(auditor) == expected
    assert any(engine == "text" for page in expected for engine, _, _ in page)


def test_a_checker_that_failed_to_load_stops_the_run() -> None:
    failed: Future = Future()
    failed.set_exception(BilingualError("text-resources", "Lexikon fehlt.", "Lexicon missing."))
    with PageAuditor(OPTIONS, text_checker=failed) as auditor, pytest.raises(BilingualError):
        auditor.audit(_targets())
