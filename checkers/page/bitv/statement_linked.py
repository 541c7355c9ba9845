"""bitv.statement-linked: every page links to the accessibility statement.

Flags a page without a link whose accessible name is "Erklärung zur Barrierefreiheit",
"Erklärung zur digitalen Barrierefreiheit", "Barrierefreiheitserklärung" or just
"Barrierefreiheit", whose href contains erklaerung-zur-barrierefreiheit, or which points to
``BitvSettings.statement_url``. § 7 BITV 2.0 (and the Länder rules that copy it) asks for the
statement to be reachable from the homepage and from every page; the EU model statement
(Durchführungsbeschluss (EU) 2018/1523) suggests a static header or footer link. When a
statement URL is configured and the page's statement link points elsewhere, the finding needs
review (two statements, or a stale link). The statement page itself is not checked.
Known false positives: a footer injected by JavaScript (the static HTML lacks it); a link
named only with an icon whose alt text says something else.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.bitv.applicability import settings_of
from checkers.page.bitv.common import (
    is_statement,
    normalize_url,
    public_body_duty,
    statement_links,
)
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta

ELSEWHERE = de_en(
    "Der Link „{name}“ führt zu {found}, die Erklärung zur Barrierefreiheit ist aber unter "
    "{expected} eingestellt. Alle Seiten sollen auf dieselbe Erklärung verlinken.",
    "The link '{name}' leads to {found}, but the accessibility statement is configured as "
    "{expected}. All pages should link to the same statement.",
)

META = page_meta(__file__)


@page_rule(META)
@public_body_duty
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    if is_statement(page):
        return
    settings = settings_of(context.bitv)
    links = statement_links(page, settings.statement_url)
    if not links:
        yield PageHit()
        return
    if settings.statement_url:
        expected = normalize_url(page.absolute(settings.statement_url))
        if not any(normalize_url(m.url) == expected for m in links):
            first = links[0]
            yield PageHit(
                element=first.element,
                outcome="needs_review",
                severity="warning",
                message=ELSEWHERE,
                params={"name": first.name, "found": first.url or "", "expected": expected},
            )
