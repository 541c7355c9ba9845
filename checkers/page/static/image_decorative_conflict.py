"""static.image-decorative-conflict: an image marked decorative that still carries a text.

WCAG 1.1.1 (Non-text Content): alt="" or role="presentation" says "decoration, ignore me",
yet a title attribute (shown as tooltip) or a non-empty alt says the image means something.
Screen readers follow the decorative marking and skip the text, sighted mouse users see it.
Reported for review and as info: a person must decide whether the image is decoration
(then drop the title or alt text) or content (then give it a proper alt text).
Known false positives: tooltips that only repeat nearby visible text.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import explicit_role, facts, wcag_standards

META = RuleMeta(
    id="static.image-decorative-conflict",
    engine="static",
    title=de_en("Schmuckbild mit Text", "Decorative image with text"),
    message=de_en(
        'Das Bild ist als Schmuck markiert ({marking}), trägt aber den Text "{text}".',
        'The image is marked as decoration ({marking}) but carries the text "{text}".',
    ),
    explanation=de_en(
        "Entscheiden Sie: Ist das Bild Schmuck, entfernen Sie title und Alternativtext "
        "(alt=\"\"). Ist es Inhalt, beschreiben Sie es im alt-Attribut und entfernen Sie "
        'role="presentation".',
        "Decide: if the image is decoration, remove the title and the text (alt=\"\"). If it "
        'is content, describe it in the alt attribute and remove role="presentation".',
    ),
    severity="info",
    outcome="needs_review",
    wcag=("1.1.1",),
    standards=wcag_standards("1.1.1"),
    examples=(
        Example('<img id="i" src="logo.png" alt="" title="Stadtwerke Musterstadt">',
                expect="needs_review", at="#i"),
        Example('<img id="i" src="linie.png" role="presentation" alt="Zierlinie blau">',
                expect="needs_review", at="#i"),
        Example('<img src="linie.png" alt="">', expect=None),
        Example('<img src="rathaus.jpg" alt="Rathaus" title="Rathaus">', expect=None),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.tags("img"):
        if el in known.excluded:
            continue
        alt = el.get("alt")
        title = collapse(el.get("title"))
        presentational = explicit_role(el) in ("presentation", "none")
        if alt is not None and alt == "" and title:
            yield PageHit(el, {"marking": 'alt=""', "text": title[:60]})
        elif presentational and collapse(alt):
            yield PageHit(el, {"marking": f'role="{explicit_role(el)}"',
                               "text": collapse(alt)[:60]})
