"""static.italic-long-text: long passages in italics.

Best practice for readability (the German Leichte-Sprache rules, BITV 2.0 Anlage 2 Teil 2,
ask not to use italics; WCAG 1.4.8 asks for readable text presentation): italic text is
harder to read for people with dyslexia or low vision, most of all in long passages.
Reported for review and as info: an <i> or <em> element, or an element with inline
font-style: italic or oblique, with more than 50 words of visible text; the outermost one
only.
Known false positives: quotations and titles of works set in italics by convention.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._barriers import declarations, visible_text
from checkers.page.static._common import facts
from checkers.page.static._styled import styled

META = RuleMeta(
    id="static.italic-long-text",
    engine="static",
    title=de_en("Langer Text in Kursivschrift", "Long text in italics"),
    message=de_en("{words} Wörter sind kursiv gesetzt.", "{words} words are set in italics."),
    explanation=de_en(
        "Setzen Sie längere Texte nicht kursiv. Zum Hervorheben einzelner Wörter nutzen Sie "
        "<strong>.",
        "Do not set longer texts in italics. To emphasise single words, use <strong>.",
    ),
    severity="info",
    outcome="needs_review",
    standards=("Best practice (readability)", "BITV 2.0 Anlage 2 Teil 2 (Leichte Sprache)",
               "WCAG 1.4.8 (related)"),
    examples=(
        Example('<p><em id="e">' + "Bitte bringen Sie Ihren Ausweis mit. " * 9 + "</em></p>",
                expect="needs_review", at="#e"),
        Example(
            '<p id="p" style="font-style: italic">' + "Bitte bringen Sie Ihren Ausweis "
            "mit. " * 9 + "</p>",
            expect="needs_review",
            at="#p",
        ),
        Example("<p><em>Bitte</em> bringen Sie Ihren Ausweis mit.</p>", expect=None),
        Example('<p style="font-style: italic">Bitte bringen Sie Ihren Ausweis mit.</p>',
                expect=None),
    ),
)

MAX_WORDS = 50


def _italic(el: HtmlElement) -> bool:
    if tag_of(el) in ("i", "em"):
        return True
    style = el.get("style")
    if not style or ("italic" not in style.lower() and "oblique" not in style.lower()):
        return False
    return declarations(style).get("font-style", "").split(" ")[0] in ("italic", "oblique")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    reported: set[HtmlElement] = set()
    candidates = [*known.tags("i"), *known.tags("em")]
    candidates += [el for el, lower in styled(page) if "italic" in lower or "oblique" in lower
                   if _italic(el)]
    candidates.sort(key=lambda el: (len(list(el.iterancestors())),))
    for el in candidates:
        if el in known.not_rendered or el in known.in_svg:
            continue
        if len(el.text_content()) < MAX_WORDS * 3:
            continue
        if any(a in reported for a in el.iterancestors()):
            continue
        words = len(visible_text(page, el).split())
        if words > MAX_WORDS:
            reported.add(el)
            yield PageHit(el, {"words": words})
