"""static.avoid-inline-spacing: text spacing locked in a style attribute with !important.

WCAG 1.4.12 (Text Spacing), ACT rules 78fd32 (line height), 24afc2 (letter spacing) and 9e45ec
(word spacing): a value declared with !important in the style attribute wins over every style
sheet a user or an assistive technology adds with author origin, so text spacing can no longer
be raised. It fails only when the locked value is below the criterion's minimum: line height
1.5, letter spacing 0.12 and word spacing 0.16 times the font size. ``normal`` counts as below
(browsers use about 1.2 and 0), ``inherit``, ``unset`` and ``revert`` take the parent's value
and are not locked. Lengths in px are compared with the font size from inline styles or simple
tag rules in the page's own style elements (16 px when none is found).
As in the ACT rules, only elements with text of their own are judged (a wrapper whose text
sits in child elements passes its spacing on by inheritance, and the children are judged), and a
line height only matters for text that can wrap: text that fits in a width the element's own
style fixes in px is skipped (an estimate of about half the font size per character).
Elements that are not rendered or are moved off screen by their inline style are skipped.
Known false positives: a font size set by a class rule is not seen (16 px is assumed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import HtmlElement, Page, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts
from checkers.page.static._styled import source_lower, styled

META = page_meta(__file__)

# property -> (minimum as a multiple of the font size, German name, English name, ACT rule)
_MINIMUM = {
    "line-height": (1.5, "Zeilenabstand", "line height", "78fd32"),
    "letter-spacing": (0.12, "Zeichenabstand", "letter spacing", "24afc2"),
    "word-spacing": (0.16, "Wortabstand", "word spacing", "9e45ec"),
}
_NOT_LOCKED = ("inherit", "unset", "revert", "revert-layer")
_NUMBER = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(px|em|rem|%|pt)?$")
_DEFAULT_FONT_PX = 16.0
_TAG_RULE = re.compile(r"([a-z0-9,\s]+)\{([^}]*)\}")
_FONT_SIZE_PX = re.compile(r"font-size\s*:\s*([\d.]+)px")
_FIXED_WIDTH = re.compile(r"(?:^|;)\s*(?:min-)?width\s*:\s*(\d+(?:\.\d+)?)px")
# An average glyph of a proportional font is about half the font size wide; rounded up so that
# text which might wrap is never taken for one line.
_GLYPH_WIDTH = 0.6
_OFFSCREEN = re.compile(r"(?:^|;)\s*(?:top|left)\s*:\s*-\s*(\d+(?:\.\d+)?)(px|em|rem)")


def _declarations(style: str) -> dict[str, tuple[str, bool]]:
    """name -> (value, important) as the cascade within one style attribute decides it:
    !important beats a normal declaration, and a later one beats an earlier of equal weight."""
    found: dict[str, tuple[str, bool]] = {}
    for part in style.split(";"):
        name, sep, value = part.partition(":")
        if not sep:
            continue
        name = name.strip()
        value = value.strip()
        important = value.replace(" ", "").endswith("!important")
        if important:
            value = value[: value.rfind("!")].strip()
        earlier = found.get(name)
        if earlier is not None and earlier[1] and not important:
            continue
        found[name] = (value, important)
    return found


def _tag_font_sizes(page: Page) -> dict[str, float]:
    """Font sizes in px set by simple tag selectors (``p { font-size: 20px }``) in the page's
    style elements: enough for the common case of one base size per element type."""
    sizes: dict[str, float] = {}
    if "font-size" not in source_lower(page):
        return sizes
    for style in facts(page).tags("style"):
        for selectors, body in _TAG_RULE.findall((style.text or "").lower()):
            size = _FONT_SIZE_PX.search(body)
            if size is None:
                continue
            for selector in selectors.split(","):
                name = selector.strip()
                if name.isalnum():
                    sizes[name] = float(size.group(1))
    return sizes


def _font_px(el: HtmlElement, sizes: dict[str, float]) -> float:
    node: HtmlElement | None = el
    while node is not None and isinstance(node.tag, str):
        declared = _declarations((node.get("style") or "").lower()).get("font-size")
        if declared is not None:
            match = _NUMBER.match(declared[0])
            if match and match.group(2) == "px":
                return float(match.group(1))
        if tag_of(node) in sizes:
            return sizes[tag_of(node)]
        node = node.getparent()
    return _DEFAULT_FONT_PX


def _offscreen(el: HtmlElement) -> bool:
    """Moved far off screen by an inline style of the element or an ancestor."""
    node: HtmlElement | None = el
    while node is not None and isinstance(node.tag, str):
        style = (node.get("style") or "").lower()
        if "position" in style:
            for amount, unit in _OFFSCREEN.findall(style):
                px = float(amount) * (16.0 if unit in ("em", "rem") else 1.0)
                if px >= 500:
                    return True
        node = node.getparent()
    return False


def _own_text(el: HtmlElement) -> str:
    """The element's own text nodes (not its children's), whitespace collapsed."""
    parts = [el.text or ""]
    parts.extend(child.tail or "" for child in el)
    return " ".join(" ".join(parts).split())


def _fits_one_line(style: str, text: str, font_px: float) -> bool:
    """The text cannot wrap: the element's own style fixes a width in px wider than the text."""
    widths = [float(found) for found in _FIXED_WIDTH.findall(style)]
    return bool(widths) and len(text) * _GLYPH_WIDTH * font_px < max(widths)


def _ratio(prop: str, value: str, font_px: float) -> float | None:
    """The value as a multiple of the font size; None when it cannot be judged."""
    if value in ("normal", "initial"):
        return 1.2 if prop == "line-height" else 0.0
    match = _NUMBER.match(value)
    if match is None:
        return None
    number, unit = float(match.group(1)), match.group(2)
    if unit is None:
        return number if prop == "line-height" else (0.0 if number == 0 else None)
    if unit == "em":
        return number
    if unit == "rem":
        return number * _DEFAULT_FONT_PX / font_px
    if unit == "%":
        return number / 100 if prop == "line-height" else None
    if unit == "pt":
        return number * 4 / 3 / font_px
    return number / font_px


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    if "!important" not in source_lower(page):
        return
    sizes: dict[str, float] | None = None
    for el, style in styled(page):
        if "!important" not in style or not any(prop in style for prop in _MINIMUM):
            continue
        text = _own_text(el)
        if not text:
            continue
        declared = _declarations(style)
        for prop, (minimum, name_de, name_en, act) in _MINIMUM.items():
            value, important = declared.get(prop, ("", False))
            if not important or value in _NOT_LOCKED or value.startswith("var("):
                continue
            if sizes is None:
                sizes = _tag_font_sizes(page)
            font_px = _font_px(el, sizes)
            ratio = _ratio(prop, value, font_px)
            if ratio is None or ratio >= minimum - 1e-9 or _offscreen(el):
                continue
            if prop == "line-height" and _fits_one_line(style, text, font_px):
                continue
            yield PageHit(
                el,
                {"what": name_de, "what_en": name_en, "value": value,
                 "minimum": str(minimum)},
                act=(act,),
            )
