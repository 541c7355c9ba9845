"""static.presentational-markup: obsolete presentational elements and attributes.

WCAG 1.3.1 (Info and Relationships): <center>, <font>, <big>, <strike>, <tt>, <basefont> and
the attributes align, bgcolor, color and border (outside tables) style text by markup. They
convey no structure, users' style sheets and high-contrast modes cannot override them
reliably, and they often stand in for real structure (a <font size="5"> as a heading).
Reported for review, once per element kind or attribute per page (not once per occurrence),
at the first occurrence; <blink> and <marquee> are static.blink-marquee's. Not inside svg
(SVG's own presentation attributes) and not in hidden or unrendered parts; img border="0"
(a harmless leftover) is left out.
Known false positives: HTML e-mail archives and legacy documents kept as they are.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts
from checkers.page.static._styled import source_lower

_ATTR_MESSAGE = de_en(
    'Das Gestaltungsattribut {name}="…" ist {count}-mal verwendet (zuerst an <{tag}>).',
    'The presentational attribute {name}="…" is used {count} time(s) (first on <{tag}>).',
)

META = page_meta(__file__)

_ELEMENTS = frozenset({"center", "font", "big", "strike", "tt", "basefont"})
_ATTRIBUTES = ("align", "bgcolor", "color", "border")
_TABLE = frozenset({"table", "tr", "td", "th", "thead", "tbody", "tfoot", "col", "colgroup",
                    "caption"})
# Elements where align is not presentational markup of text (legacy layout of the element).
_ALIGN_OK = frozenset({"html", "body"}) | _TABLE


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    first: dict[tuple[str, str], object] = {}
    counts: dict[tuple[str, str], int] = {}
    for name in _ELEMENTS:
        for el in known.tags(name):
            if el in known.not_rendered or el in known.in_svg:
                continue
            key = ("element", name)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, el)
    source = source_lower(context.page)
    candidates = known.elements if any(a in source for a in _ATTRIBUTES) else ()
    for el in candidates:
        if not el.attrib:
            continue
        tag = tag_of(el)
        if tag in _TABLE or el in known.in_svg or el in known.not_rendered:
            continue
        for name in _ATTRIBUTES:
            value = el.get(name)
            if value is None:
                continue
            if name == "border" and (tag != "img" or value.strip() in ("", "0")):
                continue
            if name == "color" and tag in ("font", "basefont"):
                continue  # reported as the element
            if name == "align" and tag in _ALIGN_OK:
                continue
            key = ("attribute", name)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, el)
    order = sorted(first.items(), key=lambda item: known.elements.index(item[1]))
    for (kind, name), el in order:
        params = {"name": name, "count": counts[(kind, name)], "tag": tag_of(el)}
        if kind == "element":
            yield PageHit(el, params)
        else:
            yield PageHit(el, params, message=_ATTR_MESSAGE)
