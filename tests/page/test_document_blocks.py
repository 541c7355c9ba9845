"""The page's one block model: kind, heading level, lang, element (and so selector), text."""

from __future__ import annotations

from checkers.page.bitv.common import blocks
from checkers.page.dom import Page


def test_blocks_in_document_order_with_kind_level_and_lang() -> None:
    page = Page(
        '<html lang="de"><body><main><h1>Titel</h1><p>Ein <b>Absatz</b> mit Text</p>'
        '<ul><li lang="en">Item</li></ul><div role="heading" aria-level="3">Unter</div>'
        "<table><tr><td>Zelle</td></tr></table><p hidden>versteckt</p>"
        "<div>vor <h2>Mitte</h2> nach</div></main></body></html>"
    )
    found = [(b.kind, b.level, b.lang, b.text) for b in page.blocks]
    assert found == [
        ("heading", 1, "de", "Titel"),
        ("paragraph", 0, "de", "Ein Absatz mit Text"),
        ("list-item", 0, "en", "Item"),
        ("heading", 3, "de", "Unter"),
        ("table-cell", 0, "de", "Zelle"),
        ("paragraph", 0, "de", "vor"),
        ("heading", 2, "de", "Mitte"),
        ("paragraph", 0, "de", "nach"),
    ]
    # The BITV rules read the same list, and a block's selector is the page's selector.
    assert blocks(page) is page.blocks
    cell = page.blocks[4]
    assert page.selector(cell.element) == "html > body > main > table > tbody > tr > td"
