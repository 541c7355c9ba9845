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
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.fake-list",
    engine="static",
    title=de_en("Liste nicht als Liste ausgezeichnet", "List not marked up as a list"),
    message=de_en(
        "{count} Zeilen beginnen mit „{marker}“: eine Liste ohne <ul> oder <ol>.",
        '{count} lines start with "{marker}": a list without <ul> or <ol>.',
    ),
    explanation=de_en(
        "Zeichnen Sie Aufzählungen mit <ul><li> und nummerierte Schritte mit <ol><li> aus.",
        "Mark up bullet lists with <ul><li> and numbered steps with <ol><li>.",
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("1.3.1",),
    standards=wcag_standards("1.3.1"),
    examples=(
        Example('<p id="l">* Personalausweis<br>* Meldebescheinigung<br>* Passfoto</p>',
                expect="needs_review", at="#l"),
        Example(
            '<div id="l">1. Antrag ausfüllen<br>2. Unterlagen beifügen<br>3. Absenden'
            "</div>",
            expect="needs_review",
            at="#l",
        ),
        Example('<div id="l"><p>• Restmüll</p><p>• Papier</p><p>• Glas</p></div>',
                expect="needs_review", at="#l"),
        Example("<ul><li>Personalausweis</li><li>Meldebescheinigung</li></ul>", expect=None),
        Example("<p>Rathaus<br>Markt 1<br>12345 Musterstadt</p>", expect=None),
        Example("<p>- Anfang<br>Mitte<br>- Ende</p>", expect=None),
    ),
)

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
