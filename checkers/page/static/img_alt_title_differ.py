"""static.img-alt-title-differ: an image whose alt and title say different things.

WCAG 1.1.1 (Non-text Content), best practice: screen readers announce the alt text, sighted
mouse users see the title as a tooltip, and keyboard and touch users see neither tooltip. When
the two differ, the groups get different information, and often one of the texts is stale.
Reported for review and as info: an img (in the accessibility tree) with a non-empty alt and a
non-empty title that differ after case, spacing and end punctuation are ignored.
Known false positives: a title that deliberately adds a photo credit or a longer caption.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.img-alt-title-differ",
    engine="static",
    title=de_en("Alternativtext und Titel des Bildes verschieden",
                "Image alt and title differ"),
    message=de_en('Alternativtext "{alt}" und Titel "{title}" des Bildes sind verschieden.',
                  'The image\'s alt "{alt}" and title "{title}" differ.'),
    explanation=de_en(
        "Prüfen Sie, welcher Text stimmt. Der Titel erscheint nur als Tooltip für Mausnutzer; "
        "Screenreader lesen den Alternativtext. Verzichten Sie besser auf title oder "
        "verwenden Sie denselben Text.",
        "Check which text is right. The title is only a tooltip for mouse users; screen "
        "readers read the alt. Better drop the title or use the same text.",
    ),
    severity="info",
    outcome="needs_review",
    wcag=("1.1.1",),
    standards=wcag_standards("1.1.1"),
    examples=(
        Example('<img id="i" src="r.jpg" alt="Rathaus" title="Bürgermeisterin beim Fest">',
                expect="needs_review", at="#i"),
        Example('<img src="r.jpg" alt="Rathaus" title="Rathaus.">', expect=None),
        Example('<img src="r.jpg" alt="Rathaus">', expect=None),
        Example('<img src="r.jpg" alt="" title="Rathaus">', expect=None),
        Example('<img src="r.jpg" alt="Rathaus" title="Fest" hidden>', expect=None),
    ),
)


def _norm(text: str) -> str:
    return collapse(text).lower().strip(" .:!?-–")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.tags("img"):
        alt = el.get("alt")
        title = el.get("title")
        if not alt or not title or el in known.excluded:
            continue
        a, t = _norm(alt), _norm(title)
        if a and t and a != t:
            yield PageHit(el, {"alt": collapse(alt)[:60], "title": collapse(title)[:60]})
