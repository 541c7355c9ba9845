"""static.table-caption: a data table without a caption or other name.

WCAG 1.3.1 (Info and Relationships), technique H39 (caption): a caption tells screen reader
users what a table holds before they enter it, and names it in the list of tables. A data
table (with th cells, or at least 3 rows and 3 columns whose first row sits in thead or is
all bold) without a caption, aria-label, aria-labelledby or title is reported for review
and as info: WCAG does not require a caption when a heading right before the table
identifies it. Layout tables (role none/presentation) and hidden tables are skipped.
Known false positives: tables introduced by a heading or a sentence just above them.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._tables import Table, named, tables

META = page_meta(__file__)


def _header_like_first_row(table: Table) -> bool:
    if len(table.rows) < 3 or table.width < 3:
        return False
    first = table.rows[0]
    parent = first.getparent()
    if parent is not None and tag_of(parent) == "thead":
        return True
    cells = [c.el for c in table.cells if c.row == 0]
    return bool(cells) and all(_bold(cell) for cell in cells)


def _bold(cell) -> bool:
    text = collapse(cell.text_content())
    if not text:
        return False
    strong = " ".join(collapse(el.text_content()) for el in cell.iter("b", "strong"))
    return collapse(strong) == text


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    for table in tables(page):
        if not table.has_data:
            continue
        if not (table.has_headers or _header_like_first_row(table)):
            continue
        if named(page, table.el):
            continue
        yield PageHit(table.el)
