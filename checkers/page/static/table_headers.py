"""static.table-headers: headers attributes that point outside the table; data tables without th.

WCAG 1.3.1 (Info and Relationships). ACT rule a25f45 "Headers attribute specified on a cell
refers to cells in the same table element": every id in a cell's headers attribute must name
another cell of the same table (failure otherwise). In addition, a table that looks like a
data table (at least 3 rows and 2 columns) but has no header cells at all (no th, no
role=columnheader/rowheader, no scope or headers) is reported for review: it may be a
layout table, which a person must decide.
Known false positives: layout tables without role="presentation" (review only).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)

_CELLS = ("td", "th")


def _table_of(cell: HtmlElement) -> HtmlElement | None:
    node = cell.getparent()
    while node is not None:
        if tag_of(node) == "table":
            return node
        node = node.getparent()
    return None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    tables = known.tags("table")
    if not tables:
        return
    cells: dict[HtmlElement, list[HtmlElement]] = {t: [] for t in tables}
    for cell in known.tags("td") + known.tags("th"):
        table = _table_of(cell)
        if table is not None:
            cells[table].append(cell)
    rows: dict[HtmlElement, list[HtmlElement]] = {t: [] for t in tables}
    for row in known.tags("tr"):
        table = _table_of(row)
        if table is not None:
            rows[table].append(row)
    for table in tables:
        if table in known.excluded or explicit_role(table) not in (None, "table", "grid",
                                                                     "treegrid"):
            continue  # role none/presentation (layout) or another role: not a table
        own = cells[table]
        ids = {c.get("id") for c in own if c.get("id")}
        for cell in own:
            refs = (cell.get("headers") or "").split()
            for ref in refs:
                if ref == cell.get("id") or ref not in ids:
                    yield PageHit(cell, {"ref": ref})
                    break
        if explicit_role(table) is None and _looks_like_data_without_headers(table, own,
                                                                            rows[table]):
            yield PageHit(
                table, {"ref": ""}, outcome="needs_review", severity="warning",
                message=de_en(
                    "Die Tabelle hat keine Überschrift-Zellen (th). Ist sie eine Datentabelle?",
                    "The table has no header cells (th). Is it a data table?",
                ),
            )


def _looks_like_data_without_headers(
    table: HtmlElement, own: list[HtmlElement], rows: list[HtmlElement]
) -> bool:
    if len(rows) < 3:
        return False
    for cell in own:
        if tag_of(cell) == "th" or cell.get("scope") or cell.get("headers"):
            return False
        if explicit_role(cell) in ("columnheader", "rowheader"):
            return False
    if any(tag_of(el) == "table" for el in table.iterdescendants()):
        return False  # nested tables: a layout grid
    widths = [sum(1 for c in row if tag_of(c) in _CELLS) for row in rows]
    return max(widths) >= 2 and sum(1 for w in widths if w >= 2) >= 3
