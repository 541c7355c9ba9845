"""static.fieldset-no-legend: a fieldset without a legend, or with an empty legend.

WCAG 1.3.1 (Info and Relationships), technique H71: a fieldset groups form controls; its
legend is the group's label that screen readers announce on entering the group ("Address,
group"). Without a legend (and without aria-label or aria-labelledby) or with a legend
that has no text the group has no name, and the question the controls answer is lost. Both
are failures. A fieldset that only wraps other fieldsets (a layout frame around a whole
form), or whose legend sits misplaced inside another element, is reported for review
instead, and so is one around a single labelled field (its label carries the question).
Hidden fieldsets and fieldsets with role none/presentation are skipped.
Known false positives: fieldsets used purely for visual framing around a single control
whose label says everything.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts, presentational

META = page_meta(__file__)

_BUTTONS = frozenset({"submit", "reset", "button", "image", "hidden"})
_SINGLE = de_en(
    "Das fieldset ohne Legende enthält nur ein beschriftetes Feld. Braucht es die Gruppe?",
    "The fieldset without a legend holds only one labelled field. Is the group needed?",
)
_EMPTY = de_en("Die Legende (legend) der Gruppe hat keinen Text.",
               "The group's legend has no text.")
_WRAPPER = de_en(
    "Das fieldset hat keine eigene Legende (als erstes Kind); es umschließt nur weitere "
    "Gruppen oder eine verschachtelte Legende. Ist es nur ein Rahmen?",
    "The fieldset has no legend of its own (as first child); it only wraps other groups or "
    "a nested legend. Is it just a frame?",
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for fieldset in known.tags("fieldset"):
        if fieldset in known.excluded or presentational(fieldset):
            continue
        legend = next((c for c in fieldset if tag_of(c) == "legend"), None)
        if collapse(fieldset.get("aria-label")) or collapse(fieldset.get("title")) or (
            fieldset.get("aria-labelledby") and page.accessible_name(fieldset)
        ):
            continue
        if legend is not None:
            if legend not in known.excluded and not page.accessible_name(legend):
                yield PageHit(legend, message=_EMPTY)
            continue
        inner = [d for d in fieldset.iterdescendants() if tag_of(d) in ("fieldset", "legend")]
        controls = _own_controls(fieldset, known)
        if inner and not controls:
            yield PageHit(fieldset, outcome="needs_review", severity="warning",
                          message=_WRAPPER)
        elif len(controls) == 1 and page.accessible_name(controls[0], placeholder=False):
            yield PageHit(fieldset, outcome="needs_review", severity="warning",
                          message=_SINGLE)
        else:
            yield PageHit(fieldset)


def _own_controls(fieldset, known) -> list:
    """Form controls (not buttons) directly in this fieldset, not in a nested one."""
    found = []
    for el in fieldset.iter("input", "select", "textarea"):
        if el in known.excluded or (el.get("type") or "").strip().lower() in _BUTTONS:
            continue
        node = el.getparent()
        while node is not None and node is not fieldset and tag_of(node) != "fieldset":
            node = node.getparent()
        if node is fieldset:
            found.append(el)
    return found
