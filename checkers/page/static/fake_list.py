"""static.fake-list: a list typed with bullet characters and line breaks instead of ul/ol.

WCAG 1.3.1 (Info and Relationships), technique failure F2 / H48: lines such as "* Personalausweis
<br> * Meldebescheinigung <br> * Foto" look like a list but screen readers announce neither
the list nor the number of items. Reported for review when an element holds at least three
<br>-separated lines that all start with the same bullet (*, -, –, •, ·, ►, >) or with
consecutive numbers ("1.", "2)"), or when three or more sibling paragraphs do so.
Known false positives: poems or addresses that start lines with a dash.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import HtmlElement, collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_BULLET = re.compile(r"^\s*([*\-–•·►▪■○●>→]|\d{1,2}[.)])\s+\S")


def _marker(line: str) -> str | None:
    match = _BULLET.match(line)
    return match.group(1) if match else None


def _same_list(markers: list[str | None]) -> str | None:
    """The marker when all lines start with the same bullet or with 1., 2., 3. ..."""
    if len(markers) < 3 or any(m is None for m in markers):
        return None
    if all(m == markers[0] for m in markers) and not markers[0][0].isdigit():
        return markers[0]
    numbers = [m[:-1] for m in markers if m and m[0].isdigit()]
    if len(numbers) == len(markers) and [int(n) for n in numbers] == list(
        range(int(numbers[0]), int(numbers[0]) + len(numbers))
    ):
        return markers[0]
    return None


def _br_lines(el: HtmlElement) -> list[str]:
    lines = [el.text or ""]
    for child in el:
        if tag_of(child) == "br":
            lines.append(child.tail or "")
        else:
            if isinstance(child.tag, str):
                lines[-1] += child.text_content()
            lines[-1] += child.tail or ""
    return [line for line in (collapse(x) for x in lines) if line]


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    brs = known.tags("br")
    parents: dict[HtmlElement, None] = {}
    for br in brs:
        parent = br.getparent()
        if parent is not None:
            parents.setdefault(parent, None)
    for el in parents:
        if el in known.not_rendered or tag_of(el) in ("pre", "code", "li", "td", "th"):
            continue
        lines = _br_lines(el)
        marker = _same_list([_marker(line) for line in lines])
        if marker:
            yield PageHit(el, {"count": len(lines), "marker": marker})
    for el in known.elements:
        paragraphs = [c for c in el if tag_of(c) == "p"]
        if len(paragraphs) < 3 or el in known.not_rendered:
            continue
        run: list[HtmlElement] = []
        for child in el:
            if tag_of(child) == "p":
                run.append(child)
                continue
            if isinstance(child.tag, str):
                break
        marker = _same_list([_marker(collapse(p.text_content())) for p in run])
        if marker:
            yield PageHit(el, {"count": len(run), "marker": marker})
