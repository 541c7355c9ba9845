"""static.image-alt-repeated: different images share one text alternative.

WCAG 1.1.1 (Non-text Content); a review aid for ACT rule qt1vmo "Image accessible name is
descriptive" (not an implementation of it, so the finding names no ACT id): two
images with different sources that carry the same alt text ("Foto", "Logo", "Rathaus") cannot
both be described by it, unless they show the same thing. Reported for review on the second and
later images, with the number of images sharing the text. Images hidden from assistive
technology, decorative ones (alt=""), images named another way (aria-label) and images inside
a link or button (their alt names the target, see static.identical-links-different-targets)
are left out.
Known false positives: the same photo served in two sizes (different src, same motif).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.image-alt-repeated",
    engine="static",
    title=de_en("Gleicher Alternativtext für verschiedene Bilder",
                "Same text alternative for different images"),
    message=de_en(
        '{count} verschiedene Bilder haben den Alternativtext "{alt}". Er beschreibt '
        "vermutlich nicht jedes davon.",
        '{count} different images have the text alternative "{alt}". It probably does not '
        "describe each of them.",
    ),
    explanation=de_en(
        "Beschreiben Sie bei jedem Bild, was gerade dieses Bild zeigt. Reine Schmuckbilder "
        'bekommen alt="".',
        'Describe for each image what this image shows. Purely decorative images get alt="".',
    ),
    severity="info",
    outcome="needs_review",
    wcag=("1.1.1",),
    standards=("W3C ACT qt1vmo (Prüfhilfe, keine Umsetzung)", *wcag_standards("1.1.1")),
    examples=(
        Example('<img src="a.jpg" alt="Foto"><p>Text</p><img id="b" src="b.jpg" alt="Foto">',
                expect="needs_review", at="#b"),
        Example(
            '<img src="/m/1.jpg" alt="Rathaus"><img id="b" src="/m/2.jpg" '
            'alt=" rathaus "><img src="/m/3.jpg" alt="Markt">',
            expect="needs_review",
            at="#b",
        ),
        # The same image twice is one motif.
        Example(
            '<img src="logo.svg" alt="Stadt Musterstadt"><img src="logo.svg" '
            'alt="Stadt Musterstadt">',
            expect=None,
        ),
        Example('<img src="a.jpg" alt="Rathaus"><img src="b.jpg" alt="Marktplatz">', expect=None),
        Example('<img src="a.jpg" alt=""><img src="b.jpg" alt="">', expect=None),
        # Images in links are named by their target: another rule's question.
        Example(
            '<a href="/a"><img src="a.jpg" alt="Mehr"></a><a href="/b"><img '
            'src="b.jpg" alt="Mehr"></a>',
            expect=None,
        ),
        Example(
            '<img src="a.jpg" alt="Foto"><div hidden><img src="b.jpg" alt="Foto">'
            "</div>",
            expect=None,
        ),
        Example(
            '<template><img src="a.jpg" alt="Foto"></template><img src="b.jpg" '
            'alt="Foto">',
            expect=None,
        ),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    by_text: dict[str, list[tuple[str, object]]] = {}
    for el in known.tags("img"):
        alt = collapse(el.get("alt"))
        if not alt or el in known.excluded or el in known.not_rendered:
            continue
        if el.get("aria-label") or el.get("aria-labelledby") or el.get("role"):
            continue
        if any(a.tag in ("a", "button") for a in el.iterancestors() if isinstance(a.tag, str)):
            continue
        src = (el.get("src") or "").split("#")[0]
        by_text.setdefault(alt.casefold(), []).append((src, el))
    for images in by_text.values():
        sources = {src for src, _ in images}
        if len(sources) < 2:
            continue
        seen: set[str] = set()
        for src, el in images:
            if seen and src not in seen:
                yield PageHit(el, {"alt": collapse(el.get("alt")), "count": len(sources)})
            seen.add(src)
