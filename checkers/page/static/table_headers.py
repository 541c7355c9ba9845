"""static.table-headers: headers attributes that point outside the table; data tables without th.

WCAG 1.3.1 (Info and Relationships). ACT rule a25f45 "Headers attribute specified on a cell
refers to cells in the same table element": every id in a cell's headers attribute must name
another cell of the same table (failure otherwise). In addition, a table that looks like a
data table (at least 3 rows and 2 columns) but has no header cells at all (no th, no
role=columnheader/rowheader, no scope or headers) is reported for review: it may be a
layout table, which a person must decide.
Known false positives: layout tables without role="presentation" (review only).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import explicit_role, facts, wcag_standards

META = RuleMeta(
    id="static.table-headers",
    engine="static",
    title=de_en("Tabellen-Überschriften fehlerhaft", "Table headers broken"),
    message=de_en(
        'Das headers-Attribut verweist auf "{ref}", das keine andere Zelle dieser Tabelle ist.',
        'The headers attribute refers to "{ref}", which is no other cell of this table.',
    ),
    explanation=de_en(
        "Kennzeichnen Sie Spalten- und Zeilenüberschriften mit <th> (und scope). Ein "
        "headers-Attribut darf nur ids von Zellen derselben Tabelle nennen.",
        "Mark column and row headers with <th> (and scope). A headers attribute may only "
        "name ids of cells in the same table.",
    ),
    severity="error",
    wcag=("1.3.1",),
    act=("a25f45",),
    standards=wcag_standards("1.3.1"),
    examples=(
        Example(
            '<table><tr><th id="a">Ort</th></tr><tr><td id="c" headers="b">Bonn</td>'
            "</tr></table>",
            expect="failed",
            at="#c",
        ),
        Example(
            '<p id="b">x</p><table><tr><th id="a">Ort</th></tr><tr>'
            '<td id="c" headers="b">Bonn</td></tr></table>',
            expect="failed",
            at="#c",
        ),
        Example(
            '<table><tr><th id="a">Ort</th></tr><tr><td id="c" headers="c">Bonn</td>'
            "</tr></table>",
            expect="failed",
            at="#c",
        ),
        Example(
            '<table id="t"><tr><td>Ort</td><td>Zeit</td></tr><tr><td>Bonn</td>'
            "<td>9 Uhr</td></tr><tr><td>Köln</td><td>10 Uhr</td></tr></table>",
            expect="needs_review",
            at="#t",
        ),
        Example(
            '<table><tr><th id="a">Ort</th><th id="z">Zeit</th></tr><tr>'
            '<td headers="a">Bonn</td><td headers="z">9 Uhr</td></tr></table>',
            expect=None,
        ),
        Example(
            '<table><tr><th>Ort</th><th>Zeit</th></tr><tr><td>Bonn</td><td>9</td>'
            "</tr><tr><td>Köln</td><td>10</td></tr></table>",
            expect=None,
        ),
        Example(
            '<table role="presentation"><tr><td>a</td><td>b</td></tr><tr><td>c</td>'
            "<td>d</td></tr><tr><td>e</td><td>f</td></tr></table>",
            expect=None,
        ),
        Example('<table role="presentation"><tr><td headers="x">a</td></tr></table>', expect=None),
        Example('<table hidden><tr><td headers="x">a</td></tr></table>', expect=None),
        Example('<table role="region"><tr><td id="s" headers="s">a</td></tr></table>', expect=None),
        Example(
            '<table><tr><td><span id="p">Ort</span></td></tr><tr>'
            '<td id="c" headers="p">Bonn</td></tr></table>',
            expect="failed",
            at="#c",
        ),
        Example("<table><tr><td>Nur</td><td>eine Zeile</td></tr></table>", expect=None),
    ),
)

_CELLS = ("td", "th")


def _table_of(cell: HtmlElement) -> HtmlElement | None:
    node = cell.getparent()
    while node is not None:
        if tag_of(node) == "table":
            return node
        node = node.getparent()
    return None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    tables = known.tags("table")
    if not tables:
        return
    cells: dict[HtmlElement, list[HtmlElement]] = {t: [] for t in tables}
    for cell in known.tags("td") + known.tags("th"):
        table = _table_of(cell)
        if table is not None:
            cells[table].append(cell)
    rows: dict[HtmlElement, list[HtmlElement]] = {t: [] for t in tables}
    for row in known.tags("tr"):
        table = _table_of(row)
        if table is not None:
            rows[table].append(row)
    for table in tables:
        if table in known.excluded or explicit_role(table) not in (None, "table", "grid",
                                                                     "treegrid"):
            continue  # role none/presentation (layout) or another role: not a table
        own = cells[table]
        ids = {c.get("id") for c in own if c.get("id")}
        for cell in own:
            refs = (cell.get("headers") or "").split()
            for ref in refs:
                if ref == cell.get("id") or ref not in ids:
                    yield PageHit(cell, {"ref": ref})
                    break
        if explicit_role(table) is None and _looks_like_data_without_headers(table, own,
                                                                            rows[table]):
            yield PageHit(
                table, {"ref": ""}, outcome="needs_review", severity="warning",
                message=de_en(
                    "Die Tabelle hat keine Überschrift-Zellen (th). Ist sie eine Datentabelle?",
                    "The table has no header cells (th). Is it a data table?",
                ),
            )


def _looks_like_data_without_headers(
    table: HtmlElement, own: list[HtmlElement], rows: list[HtmlElement]
) -> bool:
    if len(rows) < 3:
        return False
    for cell in own:
        if tag_of(cell) == "th" or cell.get("scope") or cell.get("headers"):
            return False
        if explicit_role(cell) in ("columnheader", "rowheader"):
            return False
    if any(tag_of(el) == "table" for el in table.iterdescendants()):
        return False  # nested tables: a layout grid
    widths = [sum(1 for c in row if tag_of(c) in _CELLS) for row in rows]
    return max(widths) >= 2 and sum(1 for w in widths if w >= 2) >= 3
