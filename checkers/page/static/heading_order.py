"""static.heading-order: heading levels skip (h2 followed by h4), or the page has no h1.

WCAG 1.3.1 (Info and Relationships) as best practice: screen reader users jump through the
page by headings and read the outline from their levels. A jump of more than one level down
suggests a missing heading or a heading chosen for its look. Not a WCAG failure by itself,
so reported for review; a page with headings but no level 1 is reported as info.
Known false positives: pages assembled from components (sidebars, teasers) whose heading
levels are correct within each part.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import headings, wcag_standards

META = RuleMeta(
    id="static.heading-order",
    engine="static",
    title=de_en("Überschriften-Ebene übersprungen", "Heading level skipped"),
    message=de_en(
        "Nach einer Überschrift der Ebene {previous} folgt eine der Ebene {level}.",
        "A level {level} heading follows a level {previous} heading.",
    ),
    explanation=de_en(
        "Gliedern Sie die Seite mit Überschriften ohne Lücken: h1 für den Seitentitel, dann "
        "h2, darunter h3. Wählen Sie die Ebene nach der Gliederung, nicht nach dem Aussehen.",
        "Structure the page with headings without gaps: h1 for the page title, then h2, "
        "below that h3. Choose the level by structure, not by looks.",
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("1.3.1",),
    standards=wcag_standards("1.3.1"),
    examples=(
        Example('<h1>Stadt</h1><h2>Bürgerservice</h2><h4 id="h">Öffnungszeiten</h4>',
                expect="needs_review", at="#h"),
        Example('<h1>Stadt</h1><div role="heading" aria-level="3" id="h">Termine</div>',
                expect="needs_review", at="#h"),
        Example('<h2 id="h">Bürgerservice</h2><h3>Öffnungszeiten</h3>',
                expect="needs_review", at="#h"),
        Example("<h1>Stadt</h1><h2>Bürgerservice</h2><h3>Zeiten</h3><h2>Kontakt</h2>", expect=None),
        Example("<h1>Stadt</h1><h3 hidden>Versteckt</h3><h2>Kontakt</h2>", expect=None),
        Example('<h1>Stadt</h1><h4 role="presentation">Deko</h4><h2>Kontakt</h2>', expect=None),
        Example("<p>Keine Überschriften</p>", expect=None),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    found = headings(context.page)
    if not found:
        return
    if all(level != 1 for _, level in found):
        yield PageHit(
            found[0][0], {"level": found[0][1], "previous": 0}, severity="info",
            message=de_en("Die Seite hat keine Überschrift der Ebene 1 (h1).",
                          "The page has no level 1 heading (h1)."),
        )
    for (_, previous), (el, level) in pairwise(found):
        if level > previous + 1:
            yield PageHit(el, {"level": level, "previous": previous})
