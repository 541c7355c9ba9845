"""static.area-alt: a clickable area of an image map without a text alternative.

WCAG 1.1.1, 2.4.4 and 4.1.2; ACT rule c487ae "Link has non-empty accessible name" (area
elements with href are links). Applies to area elements with href inside a map that a shown
img uses (usemap); the name comes from aria-labelledby, aria-label, alt or title.
Known false positives: none known; maps whose img is hidden by CSS are still checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import explicit_role, facts, wcag_standards

META = RuleMeta(
    id="static.area-alt",
    engine="static",
    title=de_en("Bereich einer Image-Map ohne Namen", "Image map area without a name"),
    message=de_en(
        "Der klickbare Bereich der Grafik hat keinen Alternativtext.",
        "The clickable area of the image has no text alternative.",
    ),
    explanation=de_en(
        "Schreiben Sie in das alt-Attribut jedes area-Elements, wohin der Bereich führt, "
        'zum Beispiel alt="Stadtteil Nord".',
        'Write in the alt attribute of each area element where it leads, for example '
        'alt="North district".',
    ),
    severity="error",
    wcag=("1.1.1", "2.4.4", "4.1.2"),
    act=("c487ae",),
    standards=wcag_standards("1.1.1", "2.4.4", "4.1.2"),
    examples=(
        Example(
            '<img src="plan.png" alt="Stadtplan" usemap="#m"><map name="m">'
            '<area id="a" href="/nord" shape="rect" coords="0,0,10,10"></map>',
            expect="failed",
            at="#a",
        ),
        Example(
            '<img src="plan.png" alt="Stadtplan" usemap="#m"><map name="m">'
            '<area id="a" href="/nord" alt="" coords="0,0,10,10"></map>',
            expect="failed",
            at="#a",
        ),
        Example(
            '<img src="plan.png" alt="Stadtplan" usemap="#m"><map name="m">'
            '<area href="/nord" alt="Stadtteil Nord" coords="0,0,10,10"></map>',
            expect=None,
        ),
        Example(
            '<img src="plan.png" alt="Stadtplan" usemap="#m"><map name="m">'
            '<area href="/nord" aria-label="Nord" coords="0,0,10,10"></map>',
            expect=None,
        ),
        # Without href the area is no link.
        Example(
            '<img src="plan.png" alt="Stadtplan" usemap="#m"><map name="m">'
            '<area coords="0,0,10,10"></map>',
            expect=None,
        ),
        # No image uses the map: nothing is rendered.
        Example('<map name="m"><area href="/nord" coords="0,0,10,10"></map>', expect=None),
        Example(
            '<img src="plan.png" alt="" usemap="#m" hidden><map name="m">'
            '<area href="/nord" coords="0,0,10,10"></map>',
            expect=None,
        ),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    used = {
        (img.get("usemap") or "").strip().lstrip("#").lower()
        for img in known.tags("img")
        if img.get("usemap") and img not in known.excluded
    }
    if not used:
        return
    for map_el in known.tags("map"):
        map_name = (map_el.get("name") or map_el.get("id") or "").strip().lower()
        if map_name not in used:
            continue
        for area in map_el.iter("area"):
            if area.get("href") is None or area in known.excluded:
                continue
            if explicit_role(area) not in (None, "link"):
                continue
            if not page.accessible_name(area):
                yield PageHit(area)
