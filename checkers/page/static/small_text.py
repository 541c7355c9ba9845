"""static.small-text: text set in a very small font size by inline style or <font size>.

Best practice related to WCAG 1.4.4 (Resize Text): text below 12 CSS pixels is hard to read
for many users, and fixed pixel sizes are often not enlarged by browser text-size settings.
Reported for review and as info, once per size value: an element with text whose inline
font-size is below 12px (pt converted: 1pt = 4/3 px; the keywords xx-small, x-small and
smaller sizes in rem) or a <font size="1">.
Known false positives: legal small print and footnotes that users can enlarge by zoom.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import HtmlElement
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import declarations
from checkers.page.static._common import facts
from checkers.page.static._styled import styled

META = page_meta(__file__)

MIN_PX = 12.0
_SIZE = re.compile(r"(?:^|\s)(\d*\.?\d+)(px|pt|rem)(?:$|[\s/])")
_KEYWORDS = {"xx-small": 9.0, "x-small": 10.0}
_UNITS = {"px": 1.0, "pt": 4 / 3, "rem": 16.0}


def pixels(value: str) -> float | None:
    value = value.strip()
    if value in _KEYWORDS:
        return _KEYWORDS[value]
    for word in value.split():
        if word in _KEYWORDS:
            return _KEYWORDS[word]
    found = _SIZE.search(value)
    if not found:
        return None
    return float(found.group(1)) * _UNITS[found.group(2)]


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    seen: set[str] = set()
    candidates: list[tuple[HtmlElement, str]] = []
    for el in known.tags("font"):
        size = (el.get("size") or "").strip()
        if size in ("1", "-2", "-3") and el not in known.not_rendered:
            candidates.append((el, f'<font size="{size}">'))
    for el, lower in styled(page):
        if "font" not in lower:
            continue
        declared = declarations(lower)
        value = declared.get("font-size")
        if value is None and "font" in declared:
            value = declared["font"]
        if value is None:
            continue
        px = pixels(value)
        if px is None or px >= MIN_PX or px <= 0:
            continue
        candidates.append((el, value))
    if len(candidates) > 1:
        order = {el: n for n, el in enumerate(known.elements)}
        candidates.sort(key=lambda item: order[item[0]])
    for el, shown in candidates:
        if el in known.in_svg or shown in seen:
            continue
        if not el.text_content().strip(" \t\n\r\u00a0"):
            continue
        seen.add(shown)
        yield PageHit(el, {"size": shown})
