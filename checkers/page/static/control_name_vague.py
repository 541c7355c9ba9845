"""static.control-name-vague: a button whose name is only "click", "button", "image" or similar.

WCAG 2.4.6 (Headings and Labels) and 1.1.1 (Non-text Content): the name of a button must say
what it does. Image buttons (input type="image", a button holding only an image) often get
alt="click", "button", "image" or "submit" (or "Klick", "Knopf", "Bild", "Schaltfläche"),
which name the kind of control or picture, not its action. Buttons (button, input
type=submit/reset/button/image, role=button) in the accessibility tree whose whole name is
such a word are reported for review. "Submit"/"Absenden" counts as vague only on image
buttons: on a text button in a form it is a common, understandable label. Buttons without a
name are left to static.button-name and static.input-image-alt.
Known false positives: a "Submit" image button at the end of a clearly labelled form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import (
    explicit_role,
    facts,
    presentational,
)

META = page_meta(__file__)

_VAGUE = frozenset(
    phrase.strip()
    for phrase in """
    click|click here|click me|press|press me|button|image|img|picture|photo|graphic|icon|
    image button|klick|klicken|hier klicken|klick hier|drücken|knopf|taste|bild|grafik|
    foto|symbol|icon|schaltfläche|button|bildschaltfläche|grafik-schaltfläche|hier
    """.split("|")
)
_IMAGE_ONLY = frozenset({"submit", "submit here", "absenden", "senden", "abschicken",
                         "submit button", "send"})
_EDGES = re.compile(r"^[\s»«›‹>→←<.:…\-–—|()\[\]+*!]+|[\s»«›‹>→←<.:…\-–—|()\[\]+*!]+$")
_INPUT_BUTTONS = frozenset({"submit", "reset", "button", "image"})


def _image_button(el) -> bool:
    if tag_of(el) == "input":
        return (el.get("type") or "").strip().lower() == "image"
    if collapse("".join(el.itertext())):
        return False
    return any(tag_of(d) in ("img", "svg", "picture") for d in el.iterdescendants())


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    candidates = list(known.tags("button"))
    candidates.extend(el for el in known.tags("input")
                      if (el.get("type") or "").strip().lower() in _INPUT_BUTTONS)
    candidates.extend(el for el in known.with_role
                      if tag_of(el) not in ("button", "input") and explicit_role(el) == "button")
    for el in candidates:
        if el in known.excluded or el in known.in_svg or presentational(el):
            continue
        if tag_of(el) in ("button", "input") and explicit_role(el) not in (None, "button"):
            continue
        name = page.accessible_name(el)
        key = _EDGES.sub("", collapse(name).lower())
        if not key:
            continue
        if key in _VAGUE or (key in _IMAGE_ONLY and _image_button(el)):
            yield PageHit(el, {"name": name[:60]})
