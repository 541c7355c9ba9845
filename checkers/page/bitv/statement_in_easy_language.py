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

from checkers.page.bitv import samples as s
from checkers.page.bitv.applicability import easy_language_duty, settings_of
from checkers.page.bitv.common import STATEMENT_NAME, hit_at, statement_links
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule

META = RuleMeta(
    id="bitv.statement-in-easy-language",
    engine="bitv",
    title=de_en(
        "Erklärung zur Barrierefreiheit in Leichter Sprache",
        "Accessibility statement explained in Leichte Sprache",
    ),
    message=de_en(
        "Die Seite in Leichter Sprache ({url}) erklärt die Erklärung zur Barrierefreiheit nicht "
        "und verlinkt sie nicht.",
        "The Leichte Sprache page ({url}) neither explains nor links the accessibility statement.",
    ),
    explanation=de_en(
        "Ergänzen Sie auf der Seite in Leichter Sprache einen Abschnitt „Erklärung zur "
        "Barriere-Freiheit“: Was ist auf der Website noch nicht barriere-frei? Wie können Sie "
        "uns eine Barriere melden? Setzen Sie dort einen Link zur Erklärung zur "
        "Barrierefreiheit.",
        "Add a section 'Erklärung zur Barriere-Freiheit' to the Leichte Sprache page: what on "
        "the site is not yet accessible, and how to report a barrier. Link the accessibility "
        "statement there.",
    ),
    severity="warning",
    standards=("BITV 2.0 § 4 Satz 1 Nr. 3",),
    examples=(
        Example(s.homepage(),
                expect=None,
                context={"linked": {"easy_language": (s.EASY_URL, s.EASY_LANGUAGE_PAGE)}}),
        Example(
            s.homepage(),
            expect=None,
            context={
                "bitv": s.ASSOCIATION,
                "linked": {
                    "easy_language": (s.EASY_URL, "<html><body><p>Hallo.</p></body></html>")
                },
            },
        ),
        Example(
            s.homepage(),
            expect="failed",
            context={
                "bitv": s.FEDERAL,
                "linked": {
                    "easy_language": (
                        s.EASY_URL,
                        '<html lang="de"><body><h1>Leichte Sprache</h1><p>Hier finden Sie '
                        "Informationen über das Amt.</p></body></html>",
                    )
                },
            },
        ),
    ),
)


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
