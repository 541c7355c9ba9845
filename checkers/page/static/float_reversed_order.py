"""static.float-reversed-order: inline styles that show content in another order than the source.

WCAG 1.3.2 (Meaningful Sequence): screen readers and keyboard focus follow the source order.
Inline styles can show it differently: two or more consecutive siblings with float:right
appear right to left (the first in the source is shown last), flex-direction row-reverse or
column-reverse reverses a container, and order: moves single children. Reported for review,
once per container: the parent of a run of at least 2 right-floated siblings, a flex
container with a reversed direction and at least 2 children, or the parent of children with
an inline order other than 0.
Known false positives: the reversed visual order may be meaningless (icons, decorations) or
intended for right-to-left scripts; style sheets are not read.
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

_REVERSED = ("row-reverse", "column-reverse")


def _float_right(el: HtmlElement) -> bool:
    style = el.get("style")
    return bool(style) and "right" in style.lower() and declarations(style).get(
        "float") == "right"


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    reported: set[HtmlElement] = set()
    for el, lower in styled(context.page):
        style = lower
        parent = el.getparent()
        if "reverse" in lower:
            declared = declarations(style)
            direction = declared.get("flex-direction") or declared.get("flex-flow", "")
            if any(word in direction for word in _REVERSED) and len(
                [c for c in el if isinstance(c.tag, str)]
            ) >= 2 and el not in reported:
                reported.add(el)
                yield PageHit(el, {"how": direction.split()[0]})
                continue
        if parent is None or parent in reported:
            continue
        if "order" in lower:
            order = declarations(style).get("order", "").strip()
            if order and order not in ("0", "initial", "inherit", "unset"):
                reported.add(parent)
                yield PageHit(parent, {"how": f"order: {order}"})
                continue
        if "float" in lower and _float_right(el):
            sibling = el.getnext()
            while sibling is not None and not isinstance(sibling.tag, str):
                sibling = sibling.getnext()
            if sibling is not None and _float_right(sibling) and sibling not in known.not_rendered:
                reported.add(parent)
                yield PageHit(parent, {"how": "float: right"})
