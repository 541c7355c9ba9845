"""static.layout-table: a table used for page layout.

WCAG 1.3.1 (Info and Relationships), technique F49 / F46: screen readers announce layout
tables as data tables ("table with 2 columns, row 1 ...") and read their cells in table
order. A table is reported for review, as info, when it is not marked role="presentation"
/ "none", has no th, caption, summary or scope, and either contains another table, or
holds page structure in its cells (nav, form, headings, several paragraphs or lists).
Tables with at least three rows and two columns are left to static.table-headers, which
asks for header cells.
Known false positives: simple data tables that contain a heading or a form in a cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)

_STRUCTURE = frozenset({"nav", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
                        "main", "aside", "section", "article"})


def _rows(table: HtmlElement) -> list[HtmlElement]:
    rows = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child if tag_of(c) == "tr")
    return rows


def _reason(table: HtmlElement) -> tuple[str, str] | None:
    """Why the table looks like layout, in German and English."""
    paragraphs = 0
    for el in table.iterdescendants():
        tag = tag_of(el)
        if tag == "table":
            return "eine Tabelle in der Tabelle", "a table inside the table"
        if tag in _STRUCTURE:
            return f"enthält <{tag}>", f"contains <{tag}>"
        if tag in ("p", "ul", "ol"):
            paragraphs += 1
    return ("Fließtext in den Zellen", "running text in the cells") if paragraphs >= 4 else None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    tables = known.tags("table")
    if not tables:
        return
    inner: set[HtmlElement] = set()
    for table in tables:
        if table in inner or table in known.excluded:
            continue
        if explicit_role(table) in ("presentation", "none", "grid", "treegrid"):
            continue
        if table.get("summary") or next(table.iter("th", "caption"), None) is not None:
            continue
        if any(cell.get("scope") or cell.get("headers") for cell in table.iter("td")):
            continue
        rows = _rows(table)
        columns = max((len([c for c in r if tag_of(c) in ("td", "th")]) for r in rows),
                      default=0)
        if len(rows) >= 3 and columns >= 2:
            continue  # static.table-headers asks for header cells there
        reason = _reason(table)
        if reason is None:
            continue
        inner.update(t for t in table.iter("table") if t is not table)
        yield PageHit(table, {"reason": reason[0]}, message={
            "de": META.message["de"],
            "en": META.message["en"].replace("{reason}", reason[1]),
        })
