"""The HTML table model for the table rules, computed once per page and cached.

Not a rule module. For every table in the accessibility tree that is not presentational
(role none/presentation) or given another role, :func:`tables` returns its own rows and
cells (cells of nested tables belong to the nested table), each cell placed on the grid
with its row and column spans as the HTML table-processing model does: a cell starts at
the first free slot of its row, rowspan is clipped at the end of its row group and
rowspan="0" reaches to that end. Rules use it to find header rows and columns, columns in
which no cell begins and rows narrower than the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from checkers.page.dom import HtmlElement, Page, collapse, tag_of
from checkers.page.static._common import explicit_role, facts

_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534
_CONTENT = frozenset({"img", "svg", "input", "select", "textarea", "button", "object",
                      "embed", "iframe", "video", "audio", "canvas", "math", "picture"})


@dataclass(slots=True)
class Cell:
    el: HtmlElement
    row: int
    col: int
    rowspan: int
    colspan: int
    header: bool  # th, or role columnheader/rowheader


@dataclass(slots=True)
class Table:
    el: HtmlElement
    rows: list[HtmlElement] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    width: int = 0  # columns of the grid
    row_extent: list[int] = field(default_factory=list)  # occupied slots up to, per row
    starts: set[int] = field(default_factory=set)  # columns in which some cell begins
    nested: bool = False  # contains another table

    @property
    def has_headers(self) -> bool:
        return any(c.header for c in self.cells)

    @property
    def has_data(self) -> bool:
        return any(not c.header for c in self.cells)

    def caption(self) -> HtmlElement | None:
        return next((c for c in self.el if tag_of(c) == "caption"), None)

    def is_data_table(self) -> bool:
        """Has header cells or a caption: the author meant a data table."""
        return self.has_headers or self.caption() is not None


_CACHE: WeakKeyDictionary[Page, list[Table]] = WeakKeyDictionary()


def tables(page: Page) -> list[Table]:
    cached = _CACHE.get(page)
    if cached is None:
        cached = [_model(t) for t in _candidates(page)]
        _CACHE[page] = cached
    return cached


def _candidates(page: Page) -> list[HtmlElement]:
    known = facts(page)
    return [
        t for t in known.tags("table")
        if t not in known.excluded
        and explicit_role(t) in (None, "table", "grid", "treegrid")
    ]


def _span(value: str | None, default: int, top: int) -> int:
    try:
        number = int((value or "").strip())
    except ValueError:
        return default
    if number < 0:
        return default
    return min(number, top)


def _groups(table: HtmlElement) -> list[list[HtmlElement]]:
    groups: list[list[HtmlElement]] = []
    loose: list[HtmlElement] = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            loose.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            if loose:
                groups.append(loose)
                loose = []
            groups.append([c for c in child if tag_of(c) == "tr"])
    if loose:
        groups.append(loose)
    return groups


def _model(table_el: HtmlElement) -> Table:
    table = Table(table_el)
    occupied: dict[int, set[int]] = {}
    index = 0
    for group in _groups(table_el):
        end = index + len(group)
        for row in group:
            table.rows.append(row)
            taken = occupied.setdefault(index, set())
            col = 0
            for cell in row:
                tag = tag_of(cell)
                if tag not in ("td", "th"):
                    continue
                while col in taken:
                    col += 1
                colspan = _span(cell.get("colspan"), 1, _MAX_COLSPAN) or 1
                rowspan = _span(cell.get("rowspan"), 1, _MAX_ROWSPAN)
                rowspan = end - index if rowspan == 0 else min(rowspan, end - index)
                rowspan = max(rowspan, 1)
                role = explicit_role(cell)
                header = (tag == "th" and role in (None, "columnheader", "rowheader")) or (
                    role in ("columnheader", "rowheader")
                )
                table.cells.append(Cell(cell, index, col, rowspan, colspan, header))
                table.starts.add(col)
                for r in range(index, index + rowspan):
                    occupied.setdefault(r, set()).update(range(col, col + colspan))
                col += colspan
            index += 1
    table.row_extent = [max(occupied.get(r, ()), default=-1) + 1 for r in range(index)]
    table.width = max(table.row_extent, default=0)
    table.nested = any(tag_of(el) == "table" for el in table_el.iterdescendants())
    return table


def empty_cell(cell: HtmlElement) -> bool:
    """No text and no embedded content (an image, a field) in the cell."""
    if collapse(cell.text_content()):
        return False
    return not any(tag_of(el) in _CONTENT for el in cell.iterdescendants())


def named(page: Page, table: HtmlElement) -> bool:
    """The table has an accessible name (caption, aria-label, aria-labelledby or title)."""
    return bool(page.accessible_name(table))
