"""static.table-column-structure: a data table whose rows and columns do not line up.

WCAG 1.3.1 (Info and Relationships): the HTML table model places every cell on a grid
(colspan, rowspan). When some column has no cell beginning in it, or a row covers fewer or
more columns than the table is wide, the grid screen readers navigate differs from the one
sighted users see: "column 4" may not exist, headers land on the wrong cells. The rule runs
the table model for data tables (with th or a caption; layout and hidden tables skipped)
and reports such tables for review. Empty rows are ignored.
Known false positives: a short last row (a footnote) that is clear in context.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._tables import tables

META = page_meta(__file__)


def _numbers(values: list[int]) -> str:
    shown = ", ".join(str(v + 1) for v in values[:6])
    return shown + (", …" if len(values) > 6 else "")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    for table in tables(context.page):
        if table.width < 2 or len(table.rows) < 2 or not table.is_data_table():
            continue
        empty_columns = [c for c in range(table.width) if c not in table.starts]
        uneven = [r for r, e in enumerate(table.row_extent) if 0 < e != table.width]
        if not empty_columns and not uneven:
            continue
        de: list[str] = []
        en: list[str] = []
        if empty_columns:
            de.append(f"in Spalte {_numbers(empty_columns)} beginnt keine Zelle")
            en.append(f"no cell begins in column {_numbers(empty_columns)}")
        if uneven:
            de.append(f"Zeile {_numbers(uneven)} deckt weniger Spalten ab")
            en.append(f"row {_numbers(uneven)} covers fewer columns")
        params = {"width": table.width, "problem": "; ".join(de)}
        yield PageHit(table.el, params, message={
            "de": META.message["de"],
            "en": META.message["en"].replace("{problem}", "; ".join(en)),
        })
