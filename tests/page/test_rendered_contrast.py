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


def test_dark_text_on_a_light_gradient_passes(pool) -> None:
    found = _contrast(
        pool, '<p id="t" style="color:#333;background:linear-gradient(to right,#fff,#ddd);'
        'width:400px">Some text in a human language</p>'
    )
    assert found == []


def test_light_text_on_a_light_gradient_fails(pool) -> None:
    found = _contrast(
        pool, '<p id="t" style="color:#aaa;background:linear-gradient(to right,#fff,#00f);'
        'width:300px">Some text in English</p>'
    )
    assert found == [("failed", "#t")]


def test_text_whose_contrast_straddles_the_threshold_stays_for_review(pool) -> None:
    # From white (text 21:1 at the left) to black (1:1 at the right) behind black text.
    found = _contrast(
        pool, '<p id="t" style="color:#000;background:linear-gradient(to right,#fff,#000);'
        'width:200px">Some text in English here</p>'
    )
    assert found == [("needs_review", "#t")]


def test_text_with_a_shadow_is_not_measured(pool) -> None:
    found = _contrast(
        pool, '<p id="t" style="color:#aaa;text-shadow:0 0 2px #000;'
        'background:linear-gradient(to right,#fff,#00f);width:300px">Some text in English</p>'
    )
    assert found == [("needs_review", "#t")]


def test_text_in_the_colour_of_its_background_is_hidden_text_not_low_contrast(pool) -> None:
    found = _contrast(pool, '<p style="color:#fff;background:#fff">Hidden text</p><p>Visible</p>')
    assert found == []
