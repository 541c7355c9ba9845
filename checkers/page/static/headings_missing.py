"""static.headings-missing: a long page without any heading.

WCAG 1.3.1 (Info and Relationships) and 2.4.6 (Headings and Labels); BITV test step 9.1.3.1a
(headings): screen reader users jump from heading to heading to get an overview; a page with
a lot of text and no h1–h6 (or role="heading") gives them nothing to jump to. Reported for
review and as info when the visible text has at least 250 words: the text may really have no
sections. axe-core's page-has-heading-one is only a best practice and looks for h1 only.
Known false positives: long single-topic texts (a poem, a legal notice without sections).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts, headings, is_foreign_document

META = page_meta(__file__)

MIN_WORDS = 250


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    if is_foreign_document(page):
        return
    if headings(page):
        return
    words = len(page.text.split())
    if words < MIN_WORDS:
        return
    body = next(iter(facts(page).tags("body")), page.html_element)
    yield PageHit(body, {"words": words})
