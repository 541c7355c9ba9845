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

from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import headings

META = page_meta(__file__)


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
