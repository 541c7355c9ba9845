"""static.input-image-alt: an image button (input type="image") without a text alternative.

WCAG 1.1.1 (Non-text Content) and 4.1.2 (Name, Role, Value), ACT rule 59796f "Image button has
non-empty accessible name": the name comes from aria-labelledby, aria-label, alt or title.
Without it screen readers announce only "button" or the browser's default "Submit".
Known false positives: buttons hidden by CSS classes (style sheets are not read).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import explicit_role, facts, wcag_standards

META = RuleMeta(
    id="static.input-image-alt",
    engine="static",
    title=de_en("Grafik-Schaltfläche ohne Namen", "Image button without a name"),
    message=de_en(
        "Die Grafik-Schaltfläche hat keinen Alternativtext.",
        "The image button has no text alternative.",
    ),
    explanation=de_en(
        "Schreiben Sie ins alt-Attribut, was die Schaltfläche tut, zum Beispiel "
        'alt="Suchen" oder alt="Formular absenden".',
        'Write what the button does in the alt attribute, for example alt="Search".',
    ),
    severity="error",
    wcag=("1.1.1", "4.1.2"),
    act=("59796f",),
    standards=wcag_standards("1.1.1", "4.1.2"),
    examples=(
        Example('<input id="b" type="image" src="lupe.png">', expect="failed", at="#b"),
        Example('<input id="b" type="image" src="lupe.png" alt="">', expect="failed", at="#b"),
        Example('<input id="b" type="IMAGE" src="lupe.png" aria-labelledby="fehlt">',
                expect="failed", at="#b"),
        Example('<input type="image" src="lupe.png" alt="Suchen">', expect=None),
        Example('<input type="image" src="lupe.png" aria-label="Suchen">', expect=None),
        Example('<input type="image" src="lupe.png" title="Suchen">', expect=None),
        Example(
            '<span id="s">Suchen</span>'
            '<input type="image" src="lupe.png" aria-labelledby="s">',
            expect=None,
        ),
        Example('<input type="image" src="lupe.png" style="display:none">', expect=None),
        Example(
            '<div aria-hidden="true"><input type="image" src="l.png" tabindex="-1">'
            "</div>",
            expect=None,
        ),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("input"):
        if (el.get("type") or "").strip().lower() != "image" or el in known.excluded:
            continue
        if explicit_role(el) not in (None, "button", "none", "presentation"):
            continue
        if not page.accessible_name(el):
            yield PageHit(el)
