"""static.valid-lang: a lang attribute inside the page is not a valid language tag.

WCAG 3.1.2 (Language of Parts), ACT rule de46e4: applies to elements in the body with a
non-empty lang attribute that hold text inheriting their language, not overridden by a
nested non-empty lang and not hidden. Rendered text counts even under aria-hidden; an alt or
aria-label counts only on elements in the accessibility tree. The primary language subtag is
judged like static.html-lang-valid (whitespace only fails); unknown three-letter codes are
reported for review.
Known false positives: none known; rare languages need a review.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import Facts, facts
from checkers.page.static._lang import check_tag

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    body_elements = known.tags("body")
    if not body_elements:
        return
    for el in body_elements[0].iter():
        if not isinstance(el.tag, str):
            continue
        value = el.get("lang")
        if value is None or value == "" or el in known.not_rendered:
            continue
        if not _inherited_text(el, known):
            continue
        verdict = check_tag(value)
        if verdict == "invalid":
            yield PageHit(el, {"lang": value.strip()})
        elif verdict == "unsure":
            yield PageHit(el, {"lang": value.strip()}, outcome="needs_review", severity="info")


def _inherited_text(el: HtmlElement, known: Facts) -> bool:
    """Is there shown text (or an accessible name) that takes its language from el, not from a
    descendant with its own non-empty lang attribute? Text nodes count when rendered (even
    under aria-hidden); names (alt, aria-label) only of elements in the accessibility tree."""
    if el.text and el.text.strip():
        return True
    if el not in known.excluded and _own_name(el):
        return True
    for child in el:
        if child.tail and child.tail.strip():
            return True
        if not isinstance(child.tag, str) or child in known.not_rendered:
            continue
        if child.get("lang"):  # lang="" inherits the language of its parent
            continue
        if _inherited_text(child, known):
            return True
    return False


def _own_name(el: HtmlElement) -> bool:
    if el.tag in ("img", "area") and (el.get("alt") or "").strip():
        return True
    return bool((el.get("aria-label") or "").strip())
