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
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import accessible_name, facts, wcag_standards

META = RuleMeta(
    id="static.duplicate-field-label",
    engine="static",
    title=de_en("Gleiche Beschriftung für mehrere Felder", "Same label for several fields"),
    message=de_en('Mehrere Felder dieses Formulars heißen "{name}".',
                  'Several fields of this form are called "{name}".'),
    explanation=de_en(
        "Geben Sie jedem Feld eine eindeutige Beschriftung, z. B. „Name des Kindes“ und "
        "„Name der Mutter“, oder gruppieren Sie die Felder mit <fieldset> und <legend>.",
        'Give every field a unique label, e.g. "Name of the child" and "Name of the mother", '
        "or group the fields with <fieldset> and <legend>.",
    ),
    severity="info",
    outcome="needs_review",
    wcag=("2.4.6", "1.3.1"),
    standards=wcag_standards("2.4.6", "1.3.1"),
    examples=(
        Example(
            '<form><label for="a">Name</label><input id="a"><label for="b">Name</label>'
            '<input id="b"></form>',
            expect="needs_review",
            at="#b",
        ),
        Example(
            '<form><fieldset><legend>Kind</legend><label>Name <input></label></fieldset>'
            "<fieldset><legend>Mutter</legend><label>Name <input></label></fieldset>"
            "</form>",
            expect=None,
        ),
        Example('<form><label>Vorname <input></label><label>Name <input></label></form>',
                expect=None),
        Example(
            '<form><label><input type="radio" name="a"> Ja</label><label><input '
            'type="radio" name="b"> Ja</label></form>',
            expect=None,
        ),
    ),
)

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
            name = accessible_name(page, field).strip().lower()
            if not name:
                continue
            key = (name, _group(field))
            if key in seen and name not in reported:
                reported.add(name)
                yield PageHit(field, {"name": accessible_name(page, field)[:60]})
            seen.setdefault(key, field)
