"""Images of text (WCAG 1.4.5) and their text alternative (1.1.1), read by OCR.

The element's rendered pixels (an element screenshot, so CSS scaling and clipping count) go to
Tesseract (German and English). An image with substantial text is reported for review (1.4.5:
text should be real text unless the look is essential, as in a logo). Its alt text must carry
what the image says: a normalised word overlap below ``ALT_OVERLAP`` is reported, and an empty
alt on an image with text is a failure unless the image is explicitly decorative
(role presentation/none). Without Tesseract the check is skipped and named in the limits.
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
from typing import Any

log = logging.getLogger(__name__)

IMAGE_LIMIT = 5  # images read per page (OCR costs a few hundred milliseconds each)
MIN_WIDTH = 60
MIN_HEIGHT = 16
MIN_CONFIDENCE = 60  # Tesseract's word confidence (0-100)
MIN_WORDS = 3  # words of at least three letters that make "substantial text"
ALT_OVERLAP = 0.5  # share of the image's words the alt text must contain
LANGUAGES = "deu+eng"

IMAGES_JS = r"""
var limit = arguments[0], minW = arguments[1], minH = arguments[2];
var out = [];
var imgs = document.images;
for (var i = 0; i < imgs.length && out.length < limit; i++) {
  var el = imgs[i];
  if (!el.complete || !el.naturalWidth) continue;
  var r = el.getBoundingClientRect();
  if (r.width < minW || r.height < minH) continue;
  if (el.checkVisibility && !el.checkVisibility({opacityProperty: true, visibilityProperty: true}))
    continue;
  if (el.closest('[aria-hidden=true]')) continue;
  out.push([el, {selector: __a11ySelector(el), alt: el.getAttribute('alt'),
    role: (el.getAttribute('role') || '').trim().toLowerCase(),
    html: el.outerHTML.slice(0, 300)}]);
}
return out;
"""

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def tesseract_ready() -> bool:
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return True


def words(text: str) -> list[str]:
    """Lower-case words of three or more letters: what OCR and alt text are compared on."""
    return [w.lower() for w in _WORD.findall(text)]


def alt_overlap(image_words: list[str], alt: str) -> float:
    wanted = set(image_words)
    if not wanted:
        return 1.0
    said = set(words(alt))
    # A word counts when the alt has it, or a word that starts with it (inflection, compounds).
    hits = sum(1 for w in wanted if w in said or any(s.startswith(w[:5]) for s in said))
    return hits / len(wanted)


def read_text(png: bytes) -> str:
    """The words Tesseract is confident about, in reading order."""
    import pytesseract
    from PIL import Image

    # Tesseract's OpenMP threads fight each other (and the browser) on small machines: one
    # thread per call was five times faster here. Only set when the operator has not.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")

    image = Image.open(io.BytesIO(png)).convert("L")
    if image.height < 40:  # small text: enlarge so Tesseract sees letters of usable size
        factor = 40 / image.height
        image = image.resize((int(image.width * factor), 40))
    data = pytesseract.image_to_data(
        image, lang=LANGUAGES, config="--psm 11", output_type=pytesseract.Output.DICT
    )
    kept = [
        text
        for text, conf in zip(data["text"], data["conf"], strict=True)
        if text.strip() and float(conf) >= MIN_CONFIDENCE
    ]
    return " ".join(kept)


def check_images(driver: Any, prelude: str) -> dict[str, Any]:
    """Returns ``{"checked": n, "images": [{selector, html, alt, role, text, overlap}]}`` for
    images with substantial text, or ``{"skipped": "tesseract"}``."""
    if not tesseract_ready():
        return {"skipped": "tesseract"}
    found = driver.execute_script(prelude + IMAGES_JS, IMAGE_LIMIT, MIN_WIDTH, MIN_HEIGHT)
    results: list[dict[str, Any]] = []
    for element, info in found or []:
        try:
            text = read_text(element.screenshot_as_png)
        except Exception as error:  # one unreadable image must not cost the page the rest
            log.warning("OCR of %s failed: %s", info.get("selector"), error)
            continue
        image_words = words(text)
        if len(image_words) < MIN_WORDS:
            continue
        alt = info.get("alt")
        results.append({
            **info,
            "text": text[:200],
            "overlap": None if alt is None else round(alt_overlap(image_words, alt), 2),
        })
    return {"checked": len(found or []), "images": results}
