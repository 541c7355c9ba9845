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

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._tables import empty_cell, tables

META = RuleMeta(
    id="static.table-empty-cell",
    engine="static",
    title=de_en("Leere Tabellenzellen", "Empty table cells"),
    message=de_en(
        "Die Tabelle hat {count} leere Datenzelle(n).",
        "The table has {count} empty data cell(s).",
    ),
    explanation=de_en(
        "Schreiben Sie in leere Zellen, was sie bedeuten, zum Beispiel „keine Angabe“, "
        "„0“ oder „entfällt“.",
        'Write in empty cells what they mean, for example "none", "0" or "not applicable".',
    ),
    severity="info",
    outcome="needs_review",
    wcag=("1.3.1",),
    standards=("Best practice (WCAG 1.3.1)",),
    examples=(
        Example(
            '<table><tr><th>Haus</th><th>Titel</th></tr><tr><td id="c"> </td>'
            "<td>A</td></tr></table>",
            expect="needs_review",
            at="#c",
        ),
        Example(
            "<table><tr><td></td><th>Mo</th></tr><tr><th>8 Uhr</th><td>offen</td>"
            "</tr></table>",
            expect=None,
        ),
        Example(
            '<table><tr><th>Bild</th></tr><tr><td><img src="a.png" alt="A"></td>'
            "</tr></table>",
            expect=None,
        ),
        Example("<table><tr><td>a</td><td></td></tr></table>", expect=None),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    for table in tables(context.page):
        if not table.has_headers:
            continue
        empty = [c for c in table.cells
                 if not c.header and (c.row, c.col) != (0, 0) and empty_cell(c.el)]
        if empty:
            yield PageHit(empty[0].el, {"count": len(empty)})
