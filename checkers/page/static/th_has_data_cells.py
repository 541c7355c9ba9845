"""static.th-has-data-cells: a table header cell that heads no cell.

WCAG 1.3.1 (Info and Relationships), ACT rule d0f69e "Table header cell has assigned cells":
every rendered header cell (th, role columnheader or rowheader) of a table or grid in the
accessibility tree must be assigned to at least one other cell, data or header. HTML tables
follow the table model: a column header (scope col/colgroup, or a th in a row of header
cells) heads the cells below it in its columns, a row header (scope row/rowgroup, or a th
beside data cells) the cells to its right; a cell with a headers attribute is headed only by
the cells it names. ARIA tables and grids (role table/grid/treegrid on other elements) count
cells by their position in each row.
A th with role="cell" is no header; tables that are presentational or hidden, and tables of
header cells only (an empty list of results), are skipped.
axe-core's th-has-data-cells leaves most of these cases for review; this rule decides them.
Known false positives: aria-colindex and aria-owns are not followed in ARIA grids.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, Page, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts
from checkers.page.static._tables import Cell, Table, tables

META = page_meta(__file__)

_HEADER_ROLES = ("columnheader", "rowheader")
_CELL_ROLES = ("cell", "gridcell", "columnheader", "rowheader")
_TABLE_ROLES = ("table", "grid", "treegrid")


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())[:60]


def _is_column_header(table: Table, header: Cell) -> bool:
    scope = (header.el.get("scope") or "").strip().lower()
    role = explicit_role(header.el)
    if role in _HEADER_ROLES:
        return role == "columnheader"
    if scope in ("col", "colgroup"):
        return True
    if scope in ("row", "rowgroup"):
        return False
    # auto: a th in a row of header cells (or in thead) heads its column, otherwise its row
    row = [c for c in table.cells if c.row == header.row]
    parent = header.el.getparent()
    in_head = parent is not None and tag_of(parent.getparent()) == "thead"
    return in_head or all(c.header for c in row)


def _assigned(table: Table, header: Cell, page: Page) -> bool:
    own_id = (header.el.get("id") or "").strip()
    columns = range(header.col, header.col + header.colspan)
    rows = range(header.row, header.row + header.rowspan)
    column_header = _is_column_header(table, header)
    for cell in table.cells:
        if cell is header or cell.el in facts(page).excluded:
            continue
        refs = (cell.el.get("headers") or "").split()
        if refs:
            if own_id and own_id in refs:
                return True
            continue  # a headers attribute replaces the implicit headers
        if column_header:
            below = cell.row >= header.row + header.rowspan
            if below and any(c in columns for c in range(cell.col, cell.col + cell.colspan)):
                return True
        else:
            right = cell.col >= header.col + header.colspan
            if right and any(r in rows for r in range(cell.row, cell.row + cell.rowspan)):
                return True
    return False


def _html_tables(page: Page) -> Iterator[HtmlElement]:
    known = facts(page)
    for table in tables(page):
        if not table.has_data:
            continue  # headers only (an empty result list): nothing is misassigned
        for header in table.cells:
            if not header.header or header.el in known.excluded:
                continue
            if not _assigned(table, header, page):
                yield header.el


def _aria_rows(table: HtmlElement) -> list[list[HtmlElement]]:
    rows: list[list[HtmlElement]] = []
    for el in table.iterdescendants():
        if explicit_role(el) != "row" or _owner(el, _TABLE_ROLES) is not table:
            continue
        cells = [c for c in el.iterdescendants()
                 if explicit_role(c) in _CELL_ROLES and _owner(c, ("row",)) is el]
        rows.append(cells)
    return rows


def _owner(el: HtmlElement, roles: tuple[str, ...]) -> HtmlElement | None:
    parent = el.getparent()
    while parent is not None:
        if explicit_role(parent) in roles:
            return parent
        parent = parent.getparent()
    return None


def _aria_tables(page: Page) -> Iterator[HtmlElement]:
    known = facts(page)
    for table in known.with_role:
        if tag_of(table) == "table" or explicit_role(table) not in _TABLE_ROLES:
            continue
        if table in known.excluded:
            continue
        rows = _aria_rows(table)
        if all(explicit_role(c) in _HEADER_ROLES for row in rows for c in row):
            continue  # headers only: nothing is misassigned
        for index, row in enumerate(rows):
            for position, cell in enumerate(row):
                role = explicit_role(cell)
                if role not in _HEADER_ROLES or cell in known.excluded:
                    continue
                if role == "columnheader":
                    others = [r[position] for i, r in enumerate(rows)
                              if i != index and position < len(r)]
                else:
                    others = [c for c in row if c is not cell]
                if not any(c not in known.excluded for c in others):
                    yield cell


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    if not known.tags("th") and not any(
        explicit_role(el) in _HEADER_ROLES for el in known.with_role
    ):
        return
    for el in (*_html_tables(page), *_aria_tables(page)):
        yield PageHit(el, {"text": _text(el)})
