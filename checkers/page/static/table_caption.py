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
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import wcag_standards
from checkers.page.static._tables import Table, named, tables

META = RuleMeta(
    id="static.table-caption",
    engine="static",
    title=de_en("Datentabelle ohne Beschriftung", "Data table without caption"),
    message=de_en("Die Tabelle hat keine Beschriftung (caption).",
                  "The table has no caption."),
    explanation=de_en(
        "Schreiben Sie als erstes Element der Tabelle eine <caption>, die sagt, was die "
        "Tabelle zeigt, zum Beispiel <caption>Öffnungszeiten des Bürgerbüros</caption>.",
        "Add a <caption> as the table's first element that says what it shows, for example "
        "<caption>Opening times of the citizens' office</caption>.",
    ),
    severity="info",
    outcome="needs_review",
    wcag=("1.3.1",),
    standards=(*wcag_standards("1.3.1"), "WCAG technique H39"),
    examples=(
        Example(
            '<table id="t"><tr><th>Name</th><th>Alter</th></tr><tr><td>Jackie</td>'
            "<td>5</td></tr></table>",
            expect="needs_review",
            at="#t",
        ),
        Example(
            '<table id="t"><thead><tr><td>Name</td><td>Alter</td><td>Ort</td></tr>'
            "</thead><tr><td>A</td><td>5</td><td>B</td></tr><tr><td>C</td><td>8</td>"
            "<td>D</td></tr></table>",
            expect="needs_review",
            at="#t",
        ),
        Example(
            "<table><caption>Kinder</caption><tr><th>Name</th><th>Alter</th></tr>"
            "<tr><td>Jackie</td><td>5</td></tr></table>",
            expect=None,
        ),
        Example(
            '<table aria-label="Kinder"><tr><th>Name</th></tr><tr><td>Jackie</td>'
            "</tr></table>",
            expect=None,
        ),
        Example(
            '<h2 id="k">Kinder</h2><table aria-labelledby="k"><tr><th>Name</th></tr>'
            "<tr><td>Jackie</td></tr></table>",
            expect=None,
        ),
        Example(
            "<table><tr><td>Mo</td><td>8 Uhr</td></tr><tr><td>Di</td><td>9 Uhr</td>"
            "</tr></table>",
            expect=None,
        ),
        Example(
            '<table role="presentation"><tr><th>a</th></tr><tr><td>b</td></tr>'
            "</table>",
            expect=None,
        ),
    ),
)


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
