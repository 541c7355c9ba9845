"""static.change-on-input: choosing an option loads another page or submits the form at once.

WCAG 3.2.2 (On Input), techniques G80 / SCR19 and failures F36 / F37: a <select> whose
inline onchange handler sets location, opens a window or submits the form changes the
context as soon as keyboard users arrow through the options (in several browsers every arrow
key fires change), before they reach the option they want. Such selects fail unless the
text around them warns about it (then: review). Radio buttons, checkboxes and text fields
with such handlers are reported for review: auto-submitting filters can be acceptable when
announced.
Known false positives: handlers that check the key pressed before navigating; a warning far
from the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import near_text
from checkers.page.static._common import facts

META = page_meta(__file__)

_CONTEXT = re.compile(
    r"\blocation\b|window\.open|\.submit\s*\(|\bnavigate\w*\s*\(|requestSubmit",
    re.I,
)
_WARNED = re.compile(
    r"automatisch|sofort|direkt|weitergeleitet|wechselt|neu geladen|lädt|"
    r"automatic|immediately|reload|redirect",
    re.I,
)
_ACTION_DE = {"submit": "das Absenden des Formulars", "open": "ein neues Fenster",
              "go": "einen Seitenwechsel"}
_ACTION_EN = {"submit": "a form submission", "open": "a new window", "go": "a page change"}


def _action(code: str) -> str:
    if "submit" in code.lower():
        return "submit"
    if "window.open" in code.lower():
        return "open"
    return "go"


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("select") + known.tags("input") + known.tags("textarea"):
        tag = tag_of(el)
        kind = (el.get("type") or "text").strip().lower() if tag == "input" else tag
        if kind in ("submit", "button", "image", "reset", "hidden"):
            continue
        code = el.get("onchange") or ""
        if kind in ("checkbox", "radio"):
            code = code + ";" + (el.get("onclick") or "")
        if not _CONTEXT.search(code) or el in known.excluded:
            continue
        action = _action(code)
        described = " ".join(
            collapse(r.text_content())
            for r in (page.by_id(i) for i in (el.get("aria-describedby") or "").split())
            if r is not None
        )
        warned = bool(_WARNED.search(
            " ".join((page.accessible_name(el), described, near_text(page, el, 1)))
        ))
        review = warned or tag != "select"
        yield PageHit(
            el, {"tag": kind},
            outcome="needs_review" if review else None,
            severity="warning" if review else None,
            message={
                "de": META.message["de"].replace("{action}", _ACTION_DE[action]),
                "en": META.message["en"].replace("{action}", _ACTION_EN[action]),
            },
        )
