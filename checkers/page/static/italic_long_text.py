"""static.italic-long-text: long passages in italics.

Best practice for readability (the German Leichte-Sprache rules, BITV 2.0 Anlage 2 Teil 2,
ask not to use italics; WCAG 1.4.8 asks for readable text presentation): italic text is
harder to read for people with dyslexia or low vision, most of all in long passages.
Reported for review and as info: an <i> or <em> element, or an element with inline
font-style: italic or oblique, with more than 50 words of visible text; the outermost one
only.
Known false positives: quotations and titles of works set in italics by convention.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import declarations, visible_text
from checkers.page.static._common import facts
from checkers.page.static._styled import styled

META = page_meta(__file__)

MAX_WORDS = 50


def _italic(el: HtmlElement) -> bool:
    if tag_of(el) in ("i", "em"):
        return True
    style = el.get("style")
    if not style or ("italic" not in style.lower() and "oblique" not in style.lower()):
        return False
    return declarations(style).get("font-style", "").split(" ")[0] in ("italic", "oblique")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    reported: set[HtmlElement] = set()
    candidates = [*known.tags("i"), *known.tags("em")]
    candidates += [el for el, lower in styled(page) if "italic" in lower or "oblique" in lower
                   if _italic(el)]
    candidates.sort(key=lambda el: (len(list(el.iterancestors())),))
    for el in candidates:
        if el in known.not_rendered or el in known.in_svg:
            continue
        if len(el.text_content()) < MAX_WORDS * 3:
            continue
        if any(a in reported for a in el.iterancestors()):
            continue
        words = len(visible_text(page, el).split())
        if words > MAX_WORDS:
            reported.add(el)
            yield PageHit(el, {"words": words})
