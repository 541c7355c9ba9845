"""static.duplicate-id-aria: an id used more than once, where labels or ARIA refer to it.

WCAG 1.3.1 (Info and Relationships) and 4.1.2 (Name, Role, Value): label for=, aria-
labelledby, aria-describedby, aria-controls, headers and similar references take the first
element with the id, so the second field gets the first field's label, or none. Such
duplicates are failures. Other duplicate ids are reported as info for review (since WCAG 2.2
no longer a failure of their own; the old ACT rule 3ea0c8 is deprecated, so not cited).
Ids inside template elements are not counted (inert content, not in the document).
Known false positives: parts that are never shown together.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_REFERENCE_ATTRS = (
    "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-activedescendant",
    "aria-flowto", "aria-details", "aria-errormessage", "headers", "list", "for", "form",
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    duplicates = {ident: els for ident, els in page.ids.items() if ident.strip() and len(els) > 1}
    if not duplicates:
        return
    # Template content is an inert fragment, not part of the document: its ids clash with
    # nothing until a script clones it.
    known = facts(page)
    templated = {el for t in known.tags("template") for el in t.iterdescendants()}
    if templated:
        duplicates = {
            ident: kept for ident, els in duplicates.items()
            if len(kept := [el for el in els if el not in templated]) > 1
        }
    referenced: set[str] = set()
    for el in known.elements:
        if el in templated:
            continue
        attrib = el.attrib
        for attr in _REFERENCE_ATTRS:
            value = attrib.get(attr)
            if value:
                referenced.update(value.split())
    for ident, elements in duplicates.items():
        params = {"id": ident, "count": len(elements)}
        if ident in referenced:
            yield PageHit(elements[1], params)
        else:
            yield PageHit(
                elements[1], params, outcome="needs_review", severity="info",
                message=de_en('Die id "{id}" kommt {count}-mal vor.',
                              'The id "{id}" occurs {count} times.'),
            )
