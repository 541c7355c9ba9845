"""Text on gradients and background images: the browser measures what axe leaves undecided."""

from __future__ import annotations

import pytest

from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.browser import BrowserPool
from checkers.page.options import AuditOptions, BrowserSettings, UrlPolicy
from checkers.page.rendered.contrast import contrast_range, luminance, verdict

OPTIONS = AuditOptions(
    engines=frozenset({"axe"}),
    policy=UrlPolicy(allow_loopback=True),
    browser=BrowserSettings(pool_size=1, page_timeout=20, axe_timeout=20),
)


def test_contrast_range_of_a_text_colour_inside_the_background_range_starts_at_one() -> None:
    white, black, grey = luminance((255, 255, 255)), luminance((0, 0, 0)), luminance((119,) * 3)
    assert contrast_range(white, black, black) == pytest.approx((21.0, 21.0))
    low, high = contrast_range(grey, black, white)
    assert low == 1.0 and high == pytest.approx(4.69, abs=0.01)  # against black


def test_verdict_needs_the_whole_range_on_one_side() -> None:
    assert verdict({"low": 4.6, "high": 12.0, "large": False}, enhanced=False) == "passed"
    assert verdict({"low": 1.2, "high": 4.4, "large": False}, enhanced=False) == "failed"
    assert verdict({"low": 4.0, "high": 9.0, "large": False}, enhanced=False) is None
    assert verdict({"low": 3.1, "high": 3.5, "large": True}, enhanced=False) == "passed"
    assert verdict({"low": 5.0, "high": 6.0, "large": False}, enhanced=True) == "failed"
    assert verdict(None, enhanced=False) is None


@pytest.fixture(scope="module")
def pool():
    shared = BrowserPool(OPTIONS.browser, OPTIONS.policy)
    yield shared
    shared.close()


def _contrast(pool, body: str) -> list[tuple[str, str | None]]:
    html = f'<html lang="en"><head><title>K</title></head><body><main>{body}</main></body></html>'
    with PageAuditor(OPTIONS, pool=pool) as auditor:
        report = auditor.audit([PageTarget(url="https://example.org/k", html=html)]).reports[0]
    assert report.error is None, report.error
    return [
        (f.outcome, f.location.selector)
        for f in report.findings
        if f.rule_id == "axe.color-contrast"
    ]


_GRADIENT = "background:linear-gradient(to right,{});width:{}px"


@pytest.mark.parametrize(
    ("style", "text", "expected"),
    [
        # Dark text on a light gradient: clearly enough contrast, the review goes.
        ("color:#333;" + _GRADIENT.format("#fff,#ddd", 400), "Some text in a human language", []),
        # Light text from white to blue: clearly too little everywhere.
        ("color:#aaa;" + _GRADIENT.format("#fff,#00f", 300), "Some text in English",
         [("failed", "#t")]),
        # White (21:1) to black (1:1) behind black text: straddles the threshold, stays a review.
        ("color:#000;" + _GRADIENT.format("#fff,#000", 200), "Some text in English here",
         [("needs_review", "#t")]),
        # A text shadow changes the colours: not measured, stays a review.
        ("color:#aaa;text-shadow:0 0 2px #000;" + _GRADIENT.format("#fff,#00f", 300),
         "Some text in English", [("needs_review", "#t")]),
    ],
)
def test_text_on_a_gradient(pool, style: str, text: str, expected: list) -> None:
    assert _contrast(pool, f'<p id="t" style="{style}">{text}</p>') == expected


def test_text_in_the_colour_of_its_background_is_hidden_text_not_low_contrast(pool) -> None:
    found = _contrast(pool, '<p style="color:#fff;background:#fff">Hidden text</p><p>Visible</p>')
    assert found == []


def test_an_aaa_audit_judges_measured_gradient_text_against_seven_to_one(pool) -> None:
    # ACT 09o5cg: #666 on a gradient from white to #eee is 5.0-5.7:1, enough for 1.4.3 and too
    # little for 1.4.6. axe's enhanced rule says nothing about such text; the measurement does.
    from dataclasses import replace

    from checkers.page.axe import act_audit_tags

    body = (
        '<p id="t" style="color:#666;background:linear-gradient(to right,#fff,#eee);'
        'width:400px">Some text in a human language</p>'
    )
    html = f'<html lang="en"><head><title>K</title></head><body><main>{body}</main></body></html>'
    aaa = replace(OPTIONS, axe_tags=act_audit_tags())
    with PageAuditor(aaa, pool=pool) as auditor:
        report = auditor.audit([PageTarget(url="https://example.org/k", html=html)]).reports[0]
    found = {(f.rule_id, f.outcome, f.location.selector) for f in report.findings}
    assert ("axe.color-contrast-enhanced", "failed", "#t") in found, found
    assert not [f for f in report.findings if f.rule_id == "axe.color-contrast"]
    # The same page in an AA audit: nothing to report.
    assert _contrast(pool, body) == []
