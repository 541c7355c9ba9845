"""static.label-not-visible: a form field named only by title or aria-label, with no visible label.

WCAG 3.3.2 (Labels or Instructions) and 2.5.3 (Label in Name): the accessible name from title
or aria-label satisfies axe-core and ACT rule e086e5, but sighted users see no label (a title
appears only on mouse hover, never for keyboard or touch users). Fields whose name comes from
a label element, aria-labelledby or their placeholder (reported by static.form-label) are not
considered here. Not reported: a form's only field followed at once by a visible button
(technique G167: the button labels the field), fields inside table cells (the column or row
header usually labels them), and fields with visible text right before them in the same parent.
Reported for review: visible text near the field may serve as label.
Known false positives: fields labelled by nearby text or icons the markup does not connect.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import disabled, explicit_role, facts

META = page_meta(__file__)

_TEXT_TYPES = frozenset({"text", "email", "tel", "password", "number", "date", "url", "search",
                         "datetime-local", "month", "week", "time", ""})


_INLINE_TEXT = frozenset({"span", "b", "strong", "em", "i", "font", "small", "abbr"})


def _has_label(page, el) -> bool:
    ident = el.get("id")
    if ident and page.label_index.get(ident):
        return True
    if any(tag_of(a) == "label" for a in el.iterancestors()):
        return True
    return bool((el.get("aria-labelledby") or "").strip())


def _button_after(el) -> bool:
    """G167: a single field followed at once by its button (search box + "Suchen")."""
    following = el.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    if following is None:
        return False
    tag = tag_of(following)
    kind = (following.get("type") or "").lower()
    if not (tag == "button" or (tag == "input" and kind in ("submit", "image", "button"))):
        return False
    form = next((a for a in el.iterancestors() if tag_of(a) == "form"), None)
    if form is None:
        return True
    fields = [
        f for f in form.iter("input", "select", "textarea")
        if (f.get("type") or "").lower() not in ("hidden", "submit", "image", "button", "reset")
    ]
    return len(fields) == 1


def _text_before(el) -> bool:
    """Visible text right before the field ("PLZ: <input>"): the text after the previous
    sibling, an inline text element just before, or the parent's leading text."""
    previous = el.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if previous is None:
        parent = el.getparent()
        return parent is not None and len(collapse(parent.text)) >= 2
    if len(collapse(previous.tail)) >= 2:
        return True
    return tag_of(previous) in _INLINE_TEXT and len(collapse(previous.text_content())) >= 2


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("input") + known.tags("select") + known.tags("textarea"):
        tag = tag_of(el)
        kind = (el.get("type") or "text").strip().lower() if tag == "input" else ""
        if tag == "input" and kind not in _TEXT_TYPES:
            continue
        if el in known.excluded or disabled(el) or explicit_role(el) in ("none", "presentation"):
            continue
        if _has_label(page, el) or (el.get("placeholder") or "").strip():
            continue
        label = collapse(el.get("aria-label"))
        title = collapse(el.get("title"))
        if not label and not title:
            continue  # no name at all: static.form-label
        if _button_after(el) or _text_before(el):
            continue
        if any(tag_of(a) in ("td", "th") for a in el.iterancestors()):
            continue
        source, name = ("aria-label", label) if label else ("title", title)
        yield PageHit(el, {"source": source, "name": name[:80]})
