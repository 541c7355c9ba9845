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

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import wcag_standards
from checkers.page.static._tables import Table, empty_cell, tables

META = RuleMeta(
    id="static.table-complex-headers",
    engine="static",
    title=de_en("Mehrstufige Tabellen-Überschriften ohne Zuordnung",
                "Multi-level table headers without associations"),
    message=de_en(
        "Die Tabelle hat Überschrift-Zellen in {where}, aber weder scope noch headers.",
        "The table has header cells in {where}, but neither scope nor headers.",
    ),
    explanation=de_en(
        'Ordnen Sie die Überschriften zu: scope="col"/"row" (bzw. "colgroup"/"rowgroup") an '
        "jeder th, bei verschachtelten Überschriften id an den th und headers an den "
        "Datenzellen. Oft ist es besser, die Tabelle in einfache Tabellen zu teilen.",
        'Associate the headers: scope="col"/"row" (or "colgroup"/"rowgroup") on every th; '
        "for nested headers, ids on the th and headers on the data cells. Splitting the "
        "table into simple tables is often better.",
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("1.3.1",),
    standards=(*wcag_standards("1.3.1"), "WCAG technique H43", "WCAG technique H63"),
    examples=(
        Example(
            '<table id="t"><tr><th>Straße</th><th>Kreuzung</th><th>Autos</th></tr>'
            "<tr><th>Hauptstr.</th><th>Markt</th><td>307</td></tr>"
            "<tr><th>Hauptstr.</th><th>Bahnhof</th><td>1731</td></tr></table>",
            expect="needs_review",
            at="#t",
        ),
        Example(
            '<table id="t"><tr><th></th><th colspan="2">2025</th></tr>'
            "<tr><th></th><th>Jan</th><th>Feb</th></tr>"
            "<tr><th>Bonn</th><td>1</td><td>2</td></tr></table>",
            expect="needs_review",
            at="#t",
        ),
        Example(
            '<table><tr><th scope="col">Straße</th><th scope="col">Kreuzung</th>'
            '<th scope="col">Autos</th></tr><tr><th scope="row">Hauptstr.</th>'
            '<th scope="row">Markt</th><td>307</td></tr></table>',
            expect=None,
        ),
        Example(
            '<table><tr><th id="s">Straße</th><th id="k">Kreuzung</th>'
            '<th id="a">Autos</th></tr><tr><th id="h">Hauptstr.</th><th id="m">'
            'Markt</th><td headers="h m a">307</td></tr></table>',
            expect=None,
        ),
        Example(
            "<table><tr><th>Ort</th><th>Zeit</th></tr><tr><td>Bonn</td><td>9</td>"
            "</tr></table>",
            expect=None,
        ),
        Example(
            "<table><tr><th>Ort</th><th>Zeit</th></tr><tr><th>Bonn</th><td>9</td>"
            "</tr></table>",
            expect=None,
        ),
        Example(
            '<table role="presentation"><tr><th>a</th><th>b</th><td>c</td></tr>'
            "<tr><th>d</th><th>e</th><td>f</td></tr></table>",
            expect=None,
        ),
        Example(
            '<table hidden><tr><th>a</th><th>b</th><td>c</td></tr>'
            "<tr><th>d</th><th>e</th><td>f</td></tr></table>",
            expect=None,
        ),
    ),
)


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
