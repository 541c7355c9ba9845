"""The block model of a page: headings and runs of text in document order.

One model for every reader of a page's text: a :class:`Block` names its element (and so its
CSS selector, the one :meth:`Page.selector` gives every finding), its kind (the vocabulary of
the text check's blocks: heading, paragraph, list-item, table-cell, caption, quote, ...), its
heading level and its effective ``lang``. :meth:`checkers.page.dom.Page.blocks` builds the list
once per page; the BITV rules read sections and sentences from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checkers.page.dom import HtmlElement, collapse, tag_of

if TYPE_CHECKING:
    from checkers.page.dom import Page

# Elements whose loose text is a block of its own (the rest is inline and joins its parent's).
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header li main nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul hgroup legend".split()
)
SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript", "head", "title"})
# The kind of a block by its element, as the text check names them.
_KINDS = {
    "p": "paragraph",
    "li": "list-item",
    "dt": "list-item",
    "dd": "list-item",
    "td": "table-cell",
    "th": "table-cell",
    "caption": "caption",
    "figcaption": "caption",
    "blockquote": "quote",
    "summary": "summary",
    "legend": "legend",
    "pre": "preformatted",
}
_HEADING = re.compile(r"h([1-6])\Z")


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, or the loose text of a block element, with what every reader needs of it."""

    element: HtmlElement
    level: int  # 1-6 for headings, 0 otherwise
    text: str  # whitespace collapsed
    kind: str = "paragraph"
    lang: str | None = None  # effective (inherited) lang of the element


def heading_level(page: Page, el: HtmlElement) -> int:
    """1-6 for h1-h6 and role=heading (aria-level, else 2), 0 for everything else."""
    match = _HEADING.match(tag_of(el))
    if match:
        return int(match.group(1))
    if page.role(el) == "heading":
        level = (el.get("aria-level") or "").strip()
        return int(level) if level in ("1", "2", "3", "4", "5", "6") else 2
    return 0


def build_blocks(page: Page) -> list[Block]:
    """Headings and text runs of the whole body, in document order; hidden text left out."""
    body = next(page.iter("body"), page.root)
    out: list[Block] = []
    _walk(page, body, out)
    return out


def _kind(el: HtmlElement, level: int) -> str:
    return "heading" if level else _KINDS.get(tag_of(el), "paragraph")


def _walk(page: Page, el: HtmlElement, out: list[Block]) -> None:
    run: list[str] = [el.text] if el.text else []

    def flush() -> None:
        text = collapse(" ".join(run))
        if text:
            out.append(Block(el, 0, text, _kind(el, 0), page.element_lang(el)))
        run.clear()

    for child in el:
        if (
            isinstance(child.tag, str)
            and tag_of(child) not in SKIPPED_TAGS
            and not page.hidden(child)
        ):
            level = heading_level(page, child)
            if level:
                flush()
                text = collapse(" ".join(page.texts(child)))
                out.append(Block(child, level, text, "heading", page.element_lang(child)))
            elif tag_of(child) in BLOCK_TAGS:
                flush()
                _walk(page, child, out)
            else:
                run.extend(page.texts(child))
        if child.tail:
            run.append(child.tail)
    flush()
