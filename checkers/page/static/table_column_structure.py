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

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import wcag_standards
from checkers.page.static._tables import tables

META = RuleMeta(
    id="static.table-column-structure",
    engine="static",
    title=de_en("Tabellen-Raster uneinheitlich", "Inconsistent table grid"),
    message=de_en(
        "Die Tabelle ist {width} Spalten breit, aber {problem}.",
        "The table is {width} columns wide, but {problem}.",
    ),
    explanation=de_en(
        "Prüfen Sie colspan und rowspan: Jede Zeile sollte gleich viele Spalten abdecken, "
        "und in jeder Spalte sollte mindestens eine Zelle beginnen.",
        "Check colspan and rowspan: every row should cover the same number of columns, and "
        "at least one cell should begin in every column.",
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("1.3.1",),
    standards=wcag_standards("1.3.1"),
    examples=(
        Example(
            '<table id="t"><tr><th colspan="4">Angaben</th></tr><tr><th>Name</th>'
            '<td colspan="3">Jon</td></tr><tr><th>Tel</th><td colspan="3">0228</td>'
            "</tr></table>",
            expect="needs_review",
            at="#t",
        ),
        Example(
            '<table id="t"><tr><th>Ort</th><th>Zeit</th><th>Raum</th></tr>'
            "<tr><td>Bonn</td><td>9</td></tr></table>",
            expect="needs_review",
            at="#t",
        ),
        Example(
            '<table><tr><th>Ort</th><th>Zeit</th></tr><tr><td>Bonn</td><td>9</td>'
            '</tr><tr><td colspan="2">Stand: Mai</td></tr></table>',
            expect=None,
        ),
        Example(
            '<table><tr><th rowspan="2">Ort</th><th>Zeit</th></tr><tr><td>9</td>'
            "</tr></table>",
            expect=None,
        ),
        Example("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", expect=None),
    ),
)


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
