"""static.tabindex-non-interactive: plain text made focusable with tabindex="0".

Best practice for WCAG 2.4.3 (Focus Order) and 4.1.2: a paragraph, heading or image with
tabindex="0" adds a tab stop that does nothing; keyboard users must tab through it and
screen readers announce no role that explains why it is focusable. Reported for review and
as info: elements without an interactive role, handler (onclick, onkeydown), aria-label,
contenteditable or scrollable-region role, and that are not a skip-link target (those use
tabindex="-1", which is fine).
Known false positives: scrollable boxes that need focus for keyboard scrolling (give them
role="region" and a name).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import (
    explicit_role,
    facts,
    natively_focusable,
    tabindex,
)

META = page_meta(__file__)

_TEXT_TAGS = frozenset({"p", "span", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td",
                        "th", "img", "strong", "em", "b", "i", "section", "article", "label",
                        "dt", "dd", "figure", "blockquote"})


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.elements:
        if el.get("tabindex") is None:
            continue
        value = tabindex(el)
        if value is None or value < 0 or el in known.excluded:
            continue
        if value > 0:
            continue  # static.tabindex-positive
        tag = tag_of(el)
        if tag not in _TEXT_TAGS or natively_focusable(el) or explicit_role(el) is not None:
            continue
        if any(k.startswith("on") or k in ("aria-label", "aria-labelledby", "contenteditable",
                                           "aria-describedby", "title") for k in el.attrib):
            continue
        yield PageHit(el, {"tag": tag, "value": value})
