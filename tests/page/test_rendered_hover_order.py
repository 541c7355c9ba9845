"""Content on hover or focus (1.4.13) and focus order (2.4.3): which reason each page gets,
with real pointer and key events in a real Chromium."""

from __future__ import annotations

import pytest

from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.browser import BrowserPool
from checkers.page.options import AuditOptions, BrowserSettings
from checkers.page.rendered import CONTENT_ON_HOVER, FOCUS_ORDER, rendered_findings

OPTIONS = AuditOptions(
    engines=frozenset({"axe"}),
    browser=BrowserSettings(pool_size=1, page_timeout=20),
    locale="en",
)


@pytest.fixture(scope="module")
def pool():
    shared = BrowserPool(OPTIONS.browser, OPTIONS.policy)
    yield shared
    shared.close()


def _page(body: str) -> str:
    head = '<!DOCTYPE html><html lang="en"><head><title>Example</title></head>'
    return f"{head}<body>{body}</body></html>"


def _found(pool, body: str, rule_id: str):
    with PageAuditor(OPTIONS, pool=pool) as auditor:
        report = auditor.audit_one(PageTarget(html=_page(body)))
    assert report.error is None
    return [f for f in report.findings if f.rule_id == rule_id]


@pytest.mark.browser
def test_css_tooltip_with_a_gap_is_neither_hoverable_nor_dismissible(pool) -> None:
    found = _found(pool, CONTENT_ON_HOVER.examples[0].text, CONTENT_ON_HOVER.id)
    assert len(found) == 1
    message = found[0].message
    assert message.startswith("Content that appears on hover is ")
    assert "gone when the pointer moved onto it" in message
    assert "not dismissible with Escape" in message
    assert "gone by itself" not in message
    assert "Hilfetext" in (found[0].location.snippet or "")


@pytest.mark.browser
def test_tooltip_that_hides_itself_is_not_persistent(pool) -> None:
    found = _found(pool, CONTENT_ON_HOVER.examples[1].text, CONTENT_ON_HOVER.id)
    assert [f.message for f in found] == ["Content that appears on hover is gone by itself."]


@pytest.mark.browser
def test_hint_shown_on_keyboard_focus_must_close_with_escape(pool) -> None:
    # Shown on focus only (CSS), over the page: Escape cannot close it.
    body = (
        "<style>.hint{display:none;position:absolute;top:4em;left:0;background:#fff}"
        "#f:focus+.hint{display:block}</style>"
        '<p><input id="f" aria-label="Name"><span class="hint">Vor- und Nachname</span></p>'
        "<p>Mehr Text.</p>"
    )
    found = _found(pool, body, CONTENT_ON_HOVER.id)
    assert [(f.location.selector, f.message) for f in found] == [
        ("#f", "Content that appears on focus is not dismissible with Escape.")
    ]


@pytest.mark.browser
def test_focus_content_closed_by_escape_passes(pool) -> None:
    body = (
        "<style>.hint{position:absolute;top:4em;left:0}</style>"
        '<p><input id="f" aria-label="Name"><span class="hint" hidden>Vor- und Nachname</span></p>'
        "<script>var f=document.getElementById('f'),h=document.querySelector('.hint');"
        "f.addEventListener('focus',function(){h.hidden=false;});"
        "f.addEventListener('blur',function(){h.hidden=true;});"
        "f.addEventListener('keydown',function(e){if(e.key==='Escape')h.hidden=true;});</script>"
    )
    assert _found(pool, body, CONTENT_ON_HOVER.id) == []


@pytest.mark.browser
def test_positive_tabindex_jump_names_the_reason(pool) -> None:
    found = _found(pool, FOCUS_ORDER.examples[0].text, FOCUS_ORDER.id)
    assert len(found) == 1
    assert found[0].outcome == "needs_review"
    assert found[0].location.selector == "#z"
    assert "because of tabindex=1" in found[0].message


@pytest.mark.browser
def test_shift_tab_that_does_not_mirror_tab_is_reported(pool) -> None:
    found = _found(pool, FOCUS_ORDER.examples[1].text, FOCUS_ORDER.id)
    assert len(found) == 1
    assert found[0].location.selector == "#b"
    assert "Shift+Tab from #c goes to #b, but Tab came to #c from #a" in found[0].message


def test_order_and_hover_raw_results_in_german() -> None:
    raw = {
        "trap": {
            "trapped": [],
            "order": [
                {"selector": "#z", "kind": "tabindex", "from": "#z", "to": "#a", "tabindex": 3}
            ],
        },
        "hover": {
            "problems": [
                {
                    "selector": "#t",
                    "html": "<span>Tipp</span>",
                    "mode": "focus",
                    "reasons": ["persistent", "dismissible"],
                }
            ]
        },
    }
    found = rendered_findings(raw, "https://example.de/", "de")
    assert [f.rule_id for f in found] == ["browser.focus-order", "browser.content-on-hover"]
    assert "wegen tabindex=3" in found[0].message and found[0].wcag == ["2.4.3"]
    assert found[1].message == (
        "Inhalt, der bei Fokus erscheint, ist von selbst verschwunden, "
        "nicht mit Escape zu schließen."
    )
    assert found[1].wcag == ["1.4.13"] and found[1].outcome == "failed"
