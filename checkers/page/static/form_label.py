"""static.form-label: a form field without an accessible name (no label).

WCAG 1.3.1 (Info and Relationships) and 4.1.2 (Name, Role, Value), ACT rule e086e5 "Form
field has non-empty accessible name": input, select and textarea, and elements with a field
role (textbox, combobox, listbox, checkbox, radio, slider, spinbutton, searchbox, switch,
menuitemcheckbox, menuitemradio) that are in the accessibility tree. Names come from label
(for= or wrapping), aria-labelledby, aria-label and title. A field named only by its
placeholder is reported for review under 3.3.2 only: browsers use it as name (so 4.1.2 and
e086e5 are met), but it vanishes while typing.
Buttons (submit, reset, button, image) and hidden inputs have their own rules.
Known false positives: fields hidden by CSS classes (style sheets are not read).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import (
    explicit_role,
    facts,
    presentational,
    text_of,
)

META = page_meta(__file__)

_NOT_FIELDS = frozenset({"hidden", "submit", "reset", "button", "image"})
FIELD_ROLES = frozenset(
    """
    checkbox combobox listbox menuitemcheckbox menuitemradio radio searchbox slider spinbutton
    switch textbox
    """.split()
)
_NAME_FROM_CONTENT = frozenset({"checkbox", "radio", "switch", "menuitemcheckbox",
                                "menuitemradio"})


def _candidates(known) -> Iterator[tuple[object, str]]:
    for tag in ("input", "select", "textarea"):
        for el in known.tags(tag):
            kind = tag
            if tag == "input":
                kind = (el.get("type") or "text").strip().lower() or "text"
                if kind in _NOT_FIELDS:
                    continue
            role = explicit_role(el)
            if role in ("none", "presentation"):
                if presentational(el):
                    continue  # e.g. disabled: the browser honours role="none"
            elif role is not None and role not in FIELD_ROLES:
                continue  # e.g. role="button": judged by other rules
            yield el, kind
    for el in known.with_role:
        if tag_of(el) in ("input", "select", "textarea"):
            continue
        role = explicit_role(el)
        if role in FIELD_ROLES:
            yield el, role


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el, kind in _candidates(known):
        if el in known.excluded:
            continue
        # Named without its placeholder: labelled. Named only by it: the review below.
        if page.accessible_name(el, placeholder=False):
            continue
        if explicit_role(el) in _NAME_FROM_CONTENT and tag_of(el) != "input" and text_of(el):
            continue
        if (el.get("placeholder") or el.get("aria-placeholder") or "").strip():
            # The placeholder gives the field its accessible name (4.1.2 and ACT e086e5 are
            # met); only the visible label of 3.3.2 is in doubt, as it vanishes while typing.
            yield PageHit(
                el, {"kind": kind}, outcome="needs_review", severity="warning",
                wcag=("3.3.2",), act=(),
                message=de_en(
                    "Das Formularfeld ({kind}) ist nur durch seinen Platzhalter-Text beschriftet.",
                    "The form field ({kind}) is labelled only by its placeholder text.",
                ),
            )
            continue
        yield PageHit(el, {"kind": kind})
