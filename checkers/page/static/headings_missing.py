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

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, headings, is_foreign_document, wcag_standards

META = RuleMeta(
    id="static.headings-missing",
    engine="static",
    title=de_en("Seite ohne Überschriften", "Page without headings"),
    message=de_en(
        "Die Seite hat {words} Wörter Text, aber keine einzige Überschrift.",
        "The page has {words} words of text but not a single heading.",
    ),
    explanation=de_en(
        "Gliedern Sie den Text mit Überschriften: eine <h1> für das Thema der Seite, <h2> für "
        "die Abschnitte.",
        "Structure the text with headings: one <h1> for the topic of the page, <h2> for the "
        "sections.",
    ),
    severity="info",
    outcome="needs_review",
    wcag=("1.3.1", "2.4.6"),
    standards=wcag_standards("1.3.1", "2.4.6"),
    examples=(
        Example(
            '<body id="b">' + "<p>" + "Die Stadt informiert über Termine. " * 60
            + "</p></body>",
            expect="needs_review",
            at="#b",
        ),
        Example(
            "<h1>Termine</h1><p>" + "Die Stadt informiert über Termine. " * 60
            + "</p>",
            expect=None,
        ),
        Example(
            '<div role="heading" aria-level="1">Termine</div><p>'
            + "Die Stadt informiert über Termine. " * 60 + "</p>",
            expect=None,
        ),
        Example("<p>Kurzer Text ohne Überschrift.</p>", expect=None),
    ),
)

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
