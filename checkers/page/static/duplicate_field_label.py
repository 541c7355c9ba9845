"""static.duplicate-field-label: two fields of one form with the same label.

WCAG 2.4.6 (Headings and Labels) and 1.3.1: two fields both called "Name" (or "Telefon") in
one form leave screen reader users guessing which is which, because the field is announced
without the visual grouping around it. Text fields, selects and text areas of the same form
whose accessible names are equal (case-insensitive) are reported for review and as info,
unless they sit in different fieldsets with legends (the legend is announced with the
field). Radio buttons and checkboxes are not checked (repeated "Ja"/"Nein" is normal).
Known false positives: repeated rows (several children's names) grouped by headings only.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_SKIP_TYPES = frozenset({"hidden", "submit", "reset", "button", "image", "radio", "checkbox"})


def _group(field: HtmlElement) -> HtmlElement | None:
    for ancestor in field.iterancestors():
        if tag_of(ancestor) == "fieldset" and next(
            (c for c in ancestor if tag_of(c) == "legend"), None
        ) is not None:
            return ancestor
        if tag_of(ancestor) == "form":
            return None
    return None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for form in known.tags("form"):
        if form in known.excluded:
            continue
        seen: dict[tuple[str, HtmlElement | None], HtmlElement] = {}
        reported: set[str] = set()
        for field in form.iter("input", "select", "textarea"):
            kind = (field.get("type") or "text").strip().lower()
            if tag_of(field) == "input" and kind in _SKIP_TYPES:
                continue
            if field in known.excluded:
                continue
            ident = field.get("id")
            if ident and len(page.ids.get(ident, ())) > 1:
                continue  # duplicate ids: static.duplicate-id-aria; names are unreliable
            # Labels only: fields named by their placeholder alone are static.form-label's.
            label = page.accessible_name(field, placeholder=False)
            name = label.strip().lower()
            if not name:
                continue
            key = (name, _group(field))
            if key in seen and name not in reported:
                reported.add(name)
                yield PageHit(field, {"name": label[:60]})
            seen.setdefault(key, field)
