"""static.table-empty-cell: data cells without any content in a data table.

WCAG 1.3.1 (Info and Relationships), best practice: an empty data cell is read as "blank";
users cannot tell whether a value is missing, zero or not applicable. For data tables (with
th cells; layout and hidden tables skipped) the first empty td (no text, image or field) is
reported once per table, for review and as info. The top left corner cell of a table with
row and column headers is not counted.
Known false positives: empty cells that are legitimately empty and obvious in context.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._tables import empty_cell, tables

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    for table in tables(context.page):
        if not table.has_headers:
            continue
        empty = [c for c in table.cells
                 if not c.header and (c.row, c.col) != (0, 0) and empty_cell(c.el)]
        if empty:
            yield PageHit(empty[0].el, {"count": len(empty)})
