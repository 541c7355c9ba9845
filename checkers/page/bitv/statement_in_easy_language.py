"""bitv.statement-in-easy-language: the Leichte-Sprache page explains or links the statement.

Reads the page the homepage's "Leichte Sprache" link leads to (``context.linked
["easy_language"]``) and flags it when it neither links to the accessibility statement nor
mentions it ("Erklärung zur Barrierefreiheit", also in the Leichte-Sprache spelling
"Erklärung zur Barriere-Freiheit"). § 4 Satz 1 Nr. 3 BITV 2.0 asks for an explanation of the
statement's main contents in Leichter Sprache. Skipped where § 4 does not apply.
Known false positives: a statement explained in Leichter Sprache on a sub-page the LS page
links to under another name ("Das ist schwer für Sie").
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.bitv.applicability import easy_language_duty, settings_of
from checkers.page.bitv.common import STATEMENT_NAME, hit_at, statement_links
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.linked.get("easy_language")
    if page is None or easy_language_duty(context.bitv) == "not_required":
        return
    if statement_links(page, settings_of(context.bitv).statement_url):
        return
    if STATEMENT_NAME.search(page.text):
        return
    yield hit_at(context, page, params={"url": page.url or ""})
