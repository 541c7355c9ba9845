"""static.nested-table: a table inside a header cell or a data cell of another data table.

WCAG 1.3.1 (Info and Relationships): a table inside a th makes the whole inner table the
header text of every cell in that row or column; screen readers repeat it or give up. That
is reported as a failure. A table inside a td of a data table (one with th or a caption)
cannot be navigated as part of the outer table and its headers are easily confused with the
outer ones; reported for review. Layout tables (role none/presentation, or without any
header cell and caption) and hidden tables are skipped.
Known false positives: a small data table deliberately placed in a cell, announced correctly.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts
from checkers.page.static._tables import tables

META = page_meta(__file__)

_REVIEW = de_en(
    "Die Tabelle steht in einer Datenzelle einer anderen Datentabelle.",
    "The table sits in a data cell of another data table.",
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    inner_tables = known.tags("table")
    if len(inner_tables) < 2:
        return
    model = {t.el: t for t in tables(page)}
    for table in inner_tables:
        if table in known.excluded:
            continue
        cell = table.getparent()
        while cell is not None and tag_of(cell) not in ("td", "th", "table"):
            cell = cell.getparent()
        if cell is None or tag_of(cell) == "table":
            continue
        outer = cell.getparent()
        while outer is not None and tag_of(outer) != "table":
            outer = outer.getparent()
        found = model.get(outer) if outer is not None else None
        if found is None:
            continue  # presentational, hidden or another role
        entry = next((c for c in found.cells if c.el is cell), None)
        if entry is None:
            continue
        if entry.header:
            yield PageHit(table)
        elif found.is_data_table():
            yield PageHit(table, outcome="needs_review", severity="warning", message=_REVIEW)
