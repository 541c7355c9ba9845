"""Images of text (1.4.5) and their alt text (1.1.1): images made here with Pillow and a Debian
font, served as data URLs, read by the real Tesseract from real Chromium screenshots."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest

from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.browser import BrowserPool
from checkers.page.options import AuditOptions, BrowserSettings
from checkers.page.rendered import rendered_findings, rendered_limits
from checkers.page.rendered.images import alt_overlap, tesseract_ready, words

OPTIONS = AuditOptions(
    engines=frozenset({"axe"}),
    browser=BrowserSettings(pool_size=1, page_timeout=30),
    locale="en",
)
FONTS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
]
needs_ocr = pytest.mark.skipif(not tesseract_ready(), reason="tesseract not installed")


def _png(text: str | None, size: tuple[int, int] = (420, 90)) -> str:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    if text:
        font_path = next(p for p in FONTS if p.exists())
        draw.text((12, 24), text, fill=(0, 0, 0), font=ImageFont.truetype(str(font_path), 28))
    else:  # a "photo": coloured shapes, no letters
        for i in range(6):
            draw.ellipse((i * 60, 10, i * 60 + 70, 80), fill=(40 * i, 120, 200 - 30 * i))
    out = io.BytesIO()
    image.save(out, "PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


@pytest.fixture(scope="module")
def pool():
    shared = BrowserPool(OPTIONS.browser, OPTIONS.policy)
    yield shared
    shared.close()


def _findings(pool, body: str):
    head = '<!DOCTYPE html><html lang="de"><head><title>Bilder</title></head>'
    page = f"{head}<body>{body}</body></html>"
    with PageAuditor(OPTIONS, pool=pool) as auditor:
        report = auditor.audit_one(PageTarget(html=page))
    assert report.error is None
    return [
        (f.rule_id, f.outcome, f.location.selector)
        for f in report.findings
        if f.rule_id.startswith("browser.image")
    ]


@pytest.mark.browser
@needs_ocr
def test_image_of_text_with_empty_alt_fails_and_is_reviewed(pool) -> None:
    body = f'<img id="i" alt="" src="{_png("Anmeldung zum Sommerfest")}">'
    assert _findings(pool, body) == [
        ("browser.image-of-text", "needs_review", "#i"),
        ("browser.image-text-alt", "failed", "#i"),
    ]


@pytest.mark.browser
@needs_ocr
def test_alt_that_repeats_the_text_only_leaves_the_review(pool) -> None:
    body = f'<img id="i" alt="Anmeldung zum Sommerfest" src="{_png("Anmeldung zum Sommerfest")}">'
    assert _findings(pool, body) == [("browser.image-of-text", "needs_review", "#i")]


@pytest.mark.browser
@needs_ocr
def test_alt_that_says_something_else_is_for_review(pool) -> None:
    body = f'<img id="i" alt="Bild" src="{_png("Anmeldung zum Sommerfest")}">'
    assert _findings(pool, body) == [
        ("browser.image-of-text", "needs_review", "#i"),
        ("browser.image-text-alt", "needs_review", "#i"),
    ]


@pytest.mark.browser
@needs_ocr
def test_pictures_without_text_and_tiny_or_decorative_images_pass(pool) -> None:
    body = (
        f'<img alt="Blumen" src="{_png(None)}">'
        f'<img alt="" role="presentation" src="{_png("Anmeldung zum Sommerfest")}">'
        f'<img alt="" width="40" height="10" src="{_png("Anmeldung zum Sommerfest")}">'
    )
    # The decorative image with text is still an image of text, but no alt failure.
    assert _findings(pool, body) == [
        ("browser.image-of-text", "needs_review", "html > body > img:nth-of-type(2)")
    ]


def test_word_overlap_is_normalised() -> None:
    assert words("Anmeldung zum Sommerfest 2026!") == ["anmeldung", "zum", "sommerfest"]
    assert alt_overlap(words("Anmeldung zum Sommerfest"), "anmeldung, ZUM sommerfest") == 1.0
    assert alt_overlap(words("Anmeldung zum Sommerfest"), "Bild") == 0.0
    # Inflected or compound forms count (same first five letters).
    assert alt_overlap(words("Sommerfest Anmeldung"), "Sommerfeste: Anmeldungen") == 1.0


def test_missing_tesseract_is_a_limit_not_a_crash() -> None:
    raw = {"images": {"skipped": "tesseract"}}
    assert rendered_findings(raw, None, "de") == []
    (limit,) = rendered_limits(raw)
    assert (
        limit.startswith("Texterkennung (Tesseract) fehlt") and "OCR (Tesseract) missing" in limit
    )


@pytest.mark.browser
def test_audit_without_tesseract_on_the_path_names_the_limit(pool, monkeypatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")  # the browser is already running
    page = (
        '<!DOCTYPE html><html lang="de"><head><title>Bilder</title></head><body>'
        f'<img alt="" src="{_png("Anmeldung zum Sommerfest")}"></body></html>'
    )
    with PageAuditor(OPTIONS, pool=pool) as auditor:
        report = auditor.audit_one(PageTarget(html=page))
    assert report.error is None
    assert any("OCR (Tesseract) missing" in limit for limit in report.limits)
    assert not [f for f in report.findings if f.rule_id.startswith("browser.image")]
