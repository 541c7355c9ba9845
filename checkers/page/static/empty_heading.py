"""static.empty-heading: a heading without text.

WCAG 1.3.1 (Info and Relationships) and 2.4.6 (Headings and Labels), ACT rule ffd0e9
"Heading has non-empty accessible name": h1–h6 and role="heading" in the accessibility tree.
Empty headings are announced as "heading" with nothing to say; they often hold only an icon
or are left over from a template. Text hidden with aria-hidden does not count; the alt text
of an image inside does.
Known false positives: headings filled by script after loading (the static engine sees the
source).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import accessible_name, headings, wcag_standards

META = RuleMeta(
    id="static.empty-heading",
    engine="static",
    title=de_en("Leere Überschrift", "Empty heading"),
    message=de_en("Die Überschrift (Ebene {level}) hat keinen Text.",
                  "The heading (level {level}) has no text."),
    explanation=de_en(
        "Schreiben Sie Text in die Überschrift, oder entfernen Sie die leere Überschrift. "
        "Für Abstände nehmen Sie CSS, keine leeren Überschriften.",
        "Put text in the heading or remove the empty heading. Use CSS for spacing, not "
        "empty headings.",
    ),
    severity="error",
    wcag=("1.3.1", "2.4.6"),
    act=("ffd0e9",),
    standards=wcag_standards("1.3.1", "2.4.6"),
    examples=(
        Example('<h2 id="h"></h2>', expect="failed", at="#h"),
        Example('<h2 id="h"><span aria-hidden="true">Hallo</span></h2>', expect="failed", at="#h"),
        Example('<h3 id="h"><img src="icon.png" alt=""></h3>', expect="failed", at="#h"),
        Example('<div id="h" role="heading" aria-level="2"> </div>', expect="failed", at="#h"),
        Example("<h2>Öffnungszeiten</h2>", expect=None),
        Example('<h2><img src="logo.png" alt="Stadt Musterstadt"></h2>', expect=None),
        Example('<h2 aria-label="Kontakt"></h2>', expect=None),
        Example('<h2 style="display:none"></h2>', expect=None),
        Example('<h2 aria-hidden="true"></h2>', expect=None),
        Example('<h2 role="none"></h2>', expect=None),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    for el, level in headings(page):
        if not accessible_name(page, el):
            yield PageHit(el, {"level": level})
