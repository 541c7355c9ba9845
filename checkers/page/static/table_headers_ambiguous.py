"""static.table-headers-ambiguous: header cells in the first row and the first column, no scope.

WCAG 1.3.1 (Info and Relationships), technique H63 (scope): in a two-way table (days across
the top, times down the side) a th without scope leaves it to the browser to guess whether
it heads a column or a row. Most guess right for the simple case, some screen readers do
not. Reported for review when the first row and the first column both hold th cells and no
th has scope and no cell uses headers. Tables with multi-level headers are left to
static.table-complex-headers.
Known false positives: browsers that infer the direction correctly (common for simple grids).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._tables import tables
from checkers.page.static.table_complex_headers import complex_headers

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    for table in tables(context.page):
        if not table.has_data or len(table.rows) < 2:
            continue
        headers = [c for c in table.cells if c.header]
        if not headers or any((c.el.get("scope") or "").strip() for c in headers):
            continue
        if any(c.el.get("headers") for c in table.cells):
            continue
        top = any(c.row == 0 and c.col > 0 for c in headers)
        side = any(c.col == 0 and c.row > 0 for c in headers)
        if not (top and side):
            continue
        # a header row on top plus one row header column that is all th would be a list of
        # header cells in both directions; rows of data must exist below the first row
        if not any(not c.header and c.row > 0 for c in table.cells):
            continue
        if complex_headers(table) is not None:
            continue
        yield PageHit(table.el)
