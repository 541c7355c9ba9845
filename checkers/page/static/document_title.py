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

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, is_foreign_document, text_of, wcag_standards

META = RuleMeta(
    id="static.document-title",
    engine="static",
    title=de_en("Seitentitel fehlt", "Page title missing"),
    message=de_en("Die Seite hat keinen Titel (title-Element).",
                  "The page has no title (title element)."),
    explanation=de_en(
        "Geben Sie jeder Seite einen kurzen Titel, der sagt, worum es auf der Seite geht, "
        "zum Beispiel: <title>Wohngeld beantragen – Stadt Musterstadt</title>.",
        "Give every page a short title that says what the page is about, for example: "
        "<title>Apply for housing benefit – City of Example</title>.",
    ),
    severity="error",
    wcag=("2.4.2",),
    act=("2779a5",),
    standards=wcag_standards("2.4.2"),
    examples=(
        Example('<html lang="de"><head></head><body>Hallo</body></html>',
                expect="failed", at="html"),
        Example(
            '<html lang="de"><head><title id="t"> </title></head><body>Hallo</body>'
            "</html>",
            expect="failed",
            at="#t",
        ),
        Example(
            '<html lang="de"><head><title></title><title>Start</title></head>'
            "<body>Hallo</body></html>",
            expect="failed",
            at="html > head > title:nth-of-type(1)",
        ),
        # An SVG title is not the page title.
        Example('<html lang="de"><body><svg><title>Logo</title></svg></body></html>',
                expect="failed", at="html"),
        Example('<html lang="de"><head><title>Wohngeld</title></head><body>x</body></html>',
                expect=None),
        Example('<svg xmlns="http://www.w3.org/2000/svg"><circle r="5"/></svg>', expect=None),
    ),
)


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
