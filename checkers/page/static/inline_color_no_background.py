"""static.inline-color-no-background: inline text colour without background colour, or the reverse.

WCAG 1.4.3 (Contrast (Minimum)), failure F24: when an author sets the text colour but leaves
the background to the user's settings (or the reverse), a user who chose their own colours
(for example light text on black) may get text that is barely visible. Reported for review
and as info: an inline style that sets color without background/background-color, or a
background colour without color, on an element with text, unless an ancestor's inline style
sets both. Once per distinct declaration value per page.
Known false positives: the missing colour is set by a style sheet (not read here); colours
that contrast with any background the user might choose are rare.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import declarations
from checkers.page.static._common import facts
from checkers.page.static._styled import styled

META = page_meta(__file__)

_NEUTRAL = frozenset({"", "inherit", "initial", "unset", "revert", "currentcolor",
                      "transparent", "none"})


def _sets(declared: dict[str, str]) -> tuple[str | None, str | None]:
    color = declared.get("color")
    background = declared.get("background-color") or declared.get("background")
    color = None if color is None or color in _NEUTRAL else color
    background = None if background is None or background in _NEUTRAL else background
    return color, background


def _both_above(el: HtmlElement, memo: dict[HtmlElement, bool]) -> bool:
    chain: list[HtmlElement] = []
    node = el.getparent()
    result = False
    while node is not None:
        if node in memo:
            result = memo[node]
            break
        chain.append(node)
        style = node.get("style")
        if (style and "color" in style.lower()) or (style and "background" in style.lower()):
            color, background = _sets(declarations(style))
            if color and background:
                result = True
                break
        node = node.getparent()
    for item in chain:
        memo[item] = result
    return result


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    memo: dict[HtmlElement, bool] = {}
    seen: set[tuple[str, str]] = set()
    for el, lower in styled(context.page):
        if "color" not in lower and "background" not in lower:
            continue
        if el in known.in_svg:
            continue
        style = lower
        color, background = _sets(declarations(style))
        if bool(color) == bool(background):
            continue
        if not el.text_content().strip():
            continue
        if color:
            key = ("color", color)
            params = {"set": "color", "value": color, "missing": "background-color"}
        else:
            key = ("background", background or "")
            params = {"set": "background-color", "value": background, "missing": "color"}
        if key in seen or _both_above(el, memo):
            continue
        seen.add(key)
        yield PageHit(el, params)
