"""static.tabindex-positive: tabindex greater than 0 changes the keyboard order of the page.

WCAG 2.4.3 (Focus Order), technique failure F44: elements with tabindex="1" or higher are
focused before everything else, in their own order, so the Tab key jumps around the page
instead of following the reading order. Reported for review (a warning): the order may still
be meaningful, which a person must judge. axe-core reports this only as best practice.
Known false positives: a page whose every focusable element has a positive tabindex in
reading order (rare; still fragile).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import disabled, facts, tabindex, wcag_standards

META = RuleMeta(
    id="static.tabindex-positive",
    engine="static",
    title=de_en("Positiver tabindex", "Positive tabindex"),
    message=de_en(
        'tabindex="{value}" stellt das Element in der Tab-Reihenfolge vor alle anderen.',
        'tabindex="{value}" puts the element before all others in the tab order.',
    ),
    explanation=de_en(
        'Verwenden Sie nur tabindex="0" oder "-1". Die Tab-Reihenfolge soll der Reihenfolge '
        "im Quelltext folgen; ordnen Sie dafür den Quelltext.",
        'Use only tabindex="0" or "-1". The tab order should follow the source order; '
        "reorder the source instead.",
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("2.4.3",),
    standards=wcag_standards("2.4.3"),
    examples=(
        Example('<a id="t" href="/kontakt" tabindex="3">Kontakt</a>',
                expect="needs_review", at="#t"),
        Example('<input id="t" tabindex="1" aria-label="Suche">', expect="needs_review", at="#t"),
        Example('<a href="/kontakt" tabindex="0">Kontakt</a>', expect=None),
        Example('<div tabindex="-1">Inhalt</div>', expect=None),
        Example('<a href="/k" tabindex="2" hidden>Kontakt</a>', expect=None),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.elements:
        if el.get("tabindex") is None:
            continue
        value = tabindex(el)
        if value is None or value <= 0 or el in known.not_rendered or disabled(el):
            continue
        yield PageHit(el, {"value": value})
