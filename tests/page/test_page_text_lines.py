"""Text findings of a page name the same line and column with and without the browser engine.

The browser engine hands the static and text engines the rendered DOM; the text check still
reads the page as fetched, so positions point into the file the editor opens."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.dom import Page
from checkers.page.options import AuditOptions, BrowserSettings, UrlPolicy
from checkers.page.text import page_text_findings

from .conftest import SITE

OPTIONS = AuditOptions(
    policy=UrlPolicy(allow_loopback=True),
    browser=BrowserSettings(pool_size=1, page_timeout=20, axe_timeout=20),
)


def _positions(findings) -> list[tuple[str, int | None, int | None, str | None]]:
    return sorted(
        (f.rule_id, f.location.line, f.location.column, f.location.selector)
        for f in findings
        if f.engine == "text"
    )


def _line_col(source: str, needle: str) -> tuple[int, int]:
    offset = source.index(needle)
    return source.count("\n", 0, offset) + 1, offset - source.rfind("\n", 0, offset)


def test_text_reads_the_fetched_source_not_the_rendered_dom(checker) -> None:
    fetched = (SITE / "barrierefreiheit.html").read_text(encoding="utf-8")
    # What a browser serialises: one line, different spacing; positions would move.
    rendered = "<!DOCTYPE html>" + " ".join(fetched.split("\n")[1:])
    alone, _, _ = page_text_findings(checker, Page(fetched, "http://x.de/"), None, "de")
    both, _, _ = page_text_findings(
        checker, Page(rendered, "http://x.de/", source=fetched), None, "de"
    )
    assert alone, "the fixture must have text findings"
    assert _positions(both) == _positions(alone)
    first = min(alone, key=lambda f: f.location.start or 0)
    assert first.location.start is not None
    excerpt = fetched[first.location.start : first.location.end]
    assert (first.location.line, first.location.column) == _line_col(fetched, excerpt)


@pytest.mark.browser
def test_text_positions_same_with_and_without_browser(site: str, checker) -> None:
    target = PageTarget(url=f"{site}/barrierefreiheit.html")
    runs = {}
    for name, engines in (("all", {"axe", "static", "text"}), ("static", {"static", "text"})):
        options = replace(OPTIONS, engines=frozenset(engines))
        with PageAuditor(options, text_checker=checker) as auditor:
            runs[name] = auditor.audit([target]).reports[0]
    assert runs["all"].error is None
    assert "axe" in runs["all"].metrics["engines"]
    text_all, text_static = _positions(runs["all"].findings), _positions(runs["static"].findings)
    assert text_static, "the fixture must have text findings"
    assert text_all == text_static
