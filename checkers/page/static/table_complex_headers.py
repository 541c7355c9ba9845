"""static.table-complex-headers: a data table with headers in several rows or columns, no scope.

WCAG 1.3.1 (Info and Relationships), techniques H43 (headers and id) and H63 (scope): when
header cells sit in two or more rows (multi-level column headers) or in two or more columns
(double row headers, "Road" and "Junction" before the figures), browsers guess which
headers belong to a data cell and often guess wrong; screen readers then announce the wrong
or only part of the headers. Reported for review when some header cell has no scope and no
data cell names its headers with the headers attribute. Tables with role none/presentation,
hidden tables and tables without data cells are skipped.
Known false positives: tables whose second header row is a plain group heading that browsers
happen to associate correctly.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._tables import Table, empty_cell, tables

META = page_meta(__file__)


def header_layout(table: Table) -> tuple[int, int]:
    """(rows made of header cells only, columns holding row headers in rows with data)."""
    by_row: dict[int, list[bool]] = {}
    for cell in table.cells:
        if cell.header or not empty_cell(cell.el):  # an empty corner cell is neither
            by_row.setdefault(cell.row, []).append(cell.header)
    header_rows = sum(1 for kinds in by_row.values() if all(kinds))
    data_rows = {r for r, kinds in by_row.items() if not all(kinds)}
    header_cols = {c.col for c in table.cells if c.header and c.row in data_rows}
    return header_rows, len(header_cols)


def complex_headers(table: Table) -> tuple[int, int] | None:
    """The header layout when the table has multi-level headers without associations."""
    if not table.has_data or not table.has_headers:
        return None
    if any(c.el.get("headers") for c in table.cells):
        return None
    if all((c.el.get("scope") or "").strip() for c in table.cells if c.header):
        return None
    rows, cols = header_layout(table)
    if rows >= 2 or cols >= 2:
        return rows, cols
    return None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    for table in tables(context.page):
        found = complex_headers(table)
        if found is None:
            continue
        rows, cols = found
        de = []
        en = []
        if rows >= 2:
            de.append(f"{rows} Zeilen")
            en.append(f"{rows} rows")
        if cols >= 2:
            de.append(f"{cols} Spalten")
            en.append(f"{cols} columns")
        yield PageHit(table.el, {"where": " und ".join(de)}, message={
            "de": META.message["de"],
            "en": META.message["en"].replace("{where}", " and ".join(en)),
        })
