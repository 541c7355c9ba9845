"""Text contrast on backgrounds axe-core cannot read: gradients and background images.

axe-core leaves such text undecided ("needs review"). The ACT rules afw4f7 and 09o5cg measure
the contrast between the text colour and every background colour behind the text. Here the
browser draws the element once more with its text made transparent, and the pixels behind the
text's own box are read from a screenshot: their lightest and darkest colour give the range of
contrast ratios. Only a clear answer counts: the whole range at or above the threshold (passed:
the review is dropped) or the whole range below it (failed). Text with a transparent colour, a
text shadow or a translucent ancestor is not measured (the shadow or the blending changes the
colours), and neither is text whose box the screenshot does not hold; those stay for review.
"""

from __future__ import annotations

import io
import logging
from typing import Any

log = logging.getLogger(__name__)

CONTRAST_LIMIT = 8  # elements measured per page (a screenshot each)

CANDIDATES_JS = r"""
var limit = arguments[0], countOnly = arguments[1];
function ownText(el) {
  for (var n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 && n.nodeValue.trim()) return true;
  }
  return false;
}
var behind = new Map();  // element -> is there an image behind it (ancestors are shared)
function imageBehind(el) {  // a background image or gradient up to the first opaque colour
  var chain = [], answer = false;  // a loop, not recursion: pages nest thousands deep
  for (var a = el; a && a.nodeType === 1; a = a.parentElement) {
    if (behind.has(a)) { answer = behind.get(a); break; }
    chain.push(a);
    var cs = getComputedStyle(a);
    if (cs.backgroundImage && cs.backgroundImage !== 'none') { answer = true; break; }
    var m = cs.backgroundColor.match(/rgba?\(([^)]*)\)/);
    if (m && (m[1].split(',').length < 4 || parseFloat(m[1].split(',')[3]) === 1)) break;
  }
  for (var i = 0; i < chain.length; i++) behind.set(chain[i], answer);
  return answer;
}
function opaque(el) {
  for (var a = el; a && a.nodeType === 1; a = a.parentElement) {
    if (parseFloat(getComputedStyle(a).opacity) < 1) return false;
  }
  return true;
}
var out = [];
var all = document.body ? document.body.querySelectorAll('*') : [];
for (var i = 0; i < all.length && out.length < limit; i++) {
  var el = all[i];
  if (!ownText(el) || !imageBehind(el)) continue;
  var cs = getComputedStyle(el);
  var c = cs.color.match(/rgba?\(([^)]*)\)/);
  if (!c) continue;
  var parts = c[1].split(',').map(parseFloat);
  if (parts.length > 3 && parts[3] < 1) continue;
  if (cs.textShadow !== 'none' || !opaque(el)) continue;
  if (cs.visibility !== 'visible' || !el.getClientRects().length) continue;
  var range = document.createRange();
  var box = null;
  for (var n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 3 || !n.nodeValue.trim()) continue;
    range.selectNodeContents(n);
    var r = range.getBoundingClientRect();
    box = box ? {left: Math.min(box.left, r.left), top: Math.min(box.top, r.top),
                 right: Math.max(box.right, r.right), bottom: Math.max(box.bottom, r.bottom)}
              : {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  }
  var er = el.getBoundingClientRect();
  if (!box || er.width < 1 || er.height < 1) continue;
  var size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight, 10) >= 700;
  out.push([el, {selector: __a11ySelector(el), color: parts.slice(0, 3),
    large: size >= 24 || (bold && size >= 18.66),
    box: [box.left - er.left, box.top - er.top, box.right - er.left, box.bottom - er.top],
    width: er.width}]);
}
return countOnly ? out.length : out;
"""

_HIDE_TEXT_JS = r"""
var el = arguments[0], on = arguments[1];
if (on) {
  el.setAttribute('data-a11y-contrast', '');
  var s = document.createElement('style');
  s.id = '__a11y_contrast_style';
  s.textContent = '[data-a11y-contrast], [data-a11y-contrast] * {color: transparent !important;' +
    ' -webkit-text-fill-color: transparent !important; text-decoration-color: transparent' +
    ' !important; caret-color: transparent !important}';
  document.head.appendChild(s);
} else {
  el.removeAttribute('data-a11y-contrast');
  var old = document.getElementById('__a11y_contrast_style');
  if (old) old.remove();
}
"""


def luminance(rgb: tuple[float, float, float] | list[float]) -> float:
    """Relative luminance of an sRGB colour (0-255 channels), as WCAG defines it."""

    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: float, b: float) -> float:
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def contrast_range(text: float, darkest: float, lightest: float) -> tuple[float, float]:
    """The lowest and highest contrast of a text luminance against background luminances
    between ``darkest`` and ``lightest``: the lowest is 1 where the text's own luminance lies
    in that range."""
    ends = (ratio(text, darkest), ratio(text, lightest))
    low = 1.0 if darkest <= text <= lightest else min(ends)
    return low, max(ends)


def background_range(png: bytes, box: list[float], css_width: float) -> tuple[float, float] | None:
    """Darkest and lightest luminance behind the text box, from the element's screenshot."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    scale = image.width / css_width if css_width else 1.0
    left, top, right, bottom = (round(v * scale) for v in box)
    left, top = max(left, 0), max(top, 0)
    right, bottom = min(right, image.width), min(bottom, image.height)
    if right - left < 1 or bottom - top < 1:
        return None
    colours = image.crop((left, top, right, bottom)).getcolors(maxcolors=1 << 20) or []
    values = [luminance(colour) for _, colour in colours]
    return (min(values), max(values)) if values else None


# Counts such text without touching the page; run in the focus probe's script (``run_checks``),
# so a page without any costs no round trip of its own.
COUNT_JS = "(function () {" + CANDIDATES_JS + "}).apply(null, [arguments[1], true])"


def check_background_contrast(driver: Any, prelude: str) -> dict[str, dict[str, Any]]:
    """``{selector: {"low": ratio, "high": ratio, "large": bool}}`` for text on gradients and
    background images. The driver must return elements (not the CDP script runner)."""
    found = driver.execute_script(prelude + CANDIDATES_JS, CONTRAST_LIMIT, False)
    results: dict[str, dict[str, Any]] = {}
    for element, info in found or []:
        try:
            driver.execute_script(_HIDE_TEXT_JS, element, True)
            try:
                png = element.screenshot_as_png
            finally:
                driver.execute_script(_HIDE_TEXT_JS, element, False)
            behind = background_range(png, info["box"], float(info["width"]))
        except Exception as error:  # one element must not cost the page the others
            log.warning("contrast of %s not measured: %s", info.get("selector"), error)
            continue
        if behind is None:
            continue
        low, high = contrast_range(luminance(info["color"]), *behind)
        results[str(info["selector"])] = {"low": low, "high": high, "large": bool(info["large"])}
    return results


def verdict(measured: dict[str, Any] | None, enhanced: bool) -> str | None:
    """passed / failed for a measured element against the AA (or AAA) threshold; None when the
    range straddles it or nothing was measured."""
    if not measured:
        return None
    large = bool(measured.get("large"))
    threshold = (4.5 if large else 7.0) if enhanced else (3.0 if large else 4.5)
    if measured["low"] >= threshold:
        return "passed"
    if measured["high"] < threshold:
        return "failed"
    return None
