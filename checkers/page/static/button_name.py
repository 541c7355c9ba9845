"""static.button-name: a button without an accessible name.

WCAG 4.1.2 (Name, Role, Value), ACT rule 97a4e1 "Button has non-empty accessible name":
button elements, input type=submit/reset/button and elements with role="button" that are in
the accessibility tree. Icon buttons (an svg or img without text alternative) are the usual
case. input type=image has its own rule (static.input-image-alt). A submit or reset button
with an empty value attribute is reported for review (browsers differ).
Known false positives: buttons hidden by CSS classes; icon fonts with text in CSS ::before.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import (
    explicit_role,
    facts,
    presentational,
)

META = page_meta(__file__)

_INPUT_BUTTONS = frozenset({"submit", "reset", "button"})


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    candidates = list(known.tags("button"))
    candidates.extend(
        el for el in known.tags("input")
        if (el.get("type") or "").strip().lower() in _INPUT_BUTTONS
    )
    candidates.extend(
        el for el in known.with_role
        if tag_of(el) not in ("button", "input") and explicit_role(el) == "button"
    )
    for el in candidates:
        if el in known.excluded or el in known.in_svg:
            continue
        if tag_of(el) in ("button", "input") and explicit_role(el) not in (
            None, "button", "none", "presentation"
        ):
            continue
        if presentational(el):
            continue
        if tag_of(el) == "input":
            value = el.get("value")
            kind = (el.get("type") or "").strip().lower()
            if kind in ("submit", "reset") and value is not None and not value.strip():
                if not any(el.get(a) for a in ("aria-label", "aria-labelledby", "title")):
                    yield PageHit(el, outcome="needs_review", severity="warning")
                continue
        if not page.accessible_name(el):
            yield PageHit(el)
