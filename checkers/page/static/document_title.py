"""static.document-title: the page has no title element, or its title is empty.

WCAG 2.4.2 (Page Titled), ACT rule 2779a5: the first title element of the document (not one
inside inline SVG) must contain text other than whitespace. The title names the page in
browser tabs, bookmarks, search results and is the first thing a screen reader announces.
Whether the title describes the page is left to static review and the BITV engine.
SVG and MathML documents (the source starts with <svg> or <math>) are not checked.
Known false positives: documents only shown inside an iframe (not applicable in ACT).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts, is_foreign_document, text_of

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    if is_foreign_document(page):
        return
    in_svg = facts(page).in_svg
    first = next((t for t in facts(page).tags("title") if t not in in_svg), None)
    if first is None:
        yield PageHit(page.html_element)
    elif not text_of(first):
        yield PageHit(first)
