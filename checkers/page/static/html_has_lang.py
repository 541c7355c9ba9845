"""static.html-has-lang: the html element of an HTML page has no lang attribute.

WCAG 3.1.1 (Language of Page), ACT rule b5c3f8: screen readers choose voice and pronunciation
from the page language; without it they read German text with an English voice. A lang
attribute that is empty or only whitespace counts as missing; xml:lang alone does not count.
Not applied to SVG or MathML documents (the source starts with <svg> or <math>).
Known false positives: a document that is only ever shown inside an iframe of a page with a
language (the ACT rule does not apply to embedded documents, which markup cannot tell).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import html_lang, is_foreign_document

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    if is_foreign_document(page):
        return
    if not (html_lang(page) or "").strip():
        yield PageHit(page.html_element)
