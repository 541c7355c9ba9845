"""static.empty-paragraph: empty <p> elements used as spacing.

WCAG 1.3.1 (Info and Relationships), best practice: an empty paragraph is markup used for
visual spacing; some screen readers announce it as an empty line or "blank", and spacing
belongs in CSS. Reported for review and as info: a rendered <p> without text (spaces and
non-breaking spaces count as none) and without embedded content (img, svg, video, form
controls, links, ...); a run of consecutive empty paragraphs is reported once, at its first one.
Paragraphs with a role or aria-live are left out: scripts fill them (error messages, live
regions), and so are paragraphs that hold only a fragment target (<a id>, <span id>).
Known false positives: paragraphs a script fills later (found by id or class).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_EMBEDDED = frozenset(
    """
    img svg video audio iframe object embed canvas picture math input button select textarea
    meter progress output
    """.split()
)
_SPACE = " \t\n\r\f\u00a0\u200b"


def _empty(el: HtmlElement) -> bool:
    if el.get("role") is not None or el.get("aria-live") or el.get("aria-atomic"):
        return False
    if (el.text or "").strip(_SPACE):
        return False
    for child in el.iterdescendants():
        if not isinstance(child.tag, str):
            continue
        tag = tag_of(child)
        if tag in _EMBEDDED or (tag == "a" and child.get("href") is not None):
            return False  # content (an empty link is static.link-name's)
        if child.get("id") is not None or child.get("name") is not None:
            return False  # a fragment target, not spacing
        if (child.text or "").strip(_SPACE):
            return False
        if (child.tail or "").strip(_SPACE):
            return False
    return True


def _next_element(el: HtmlElement) -> HtmlElement | None:
    if (el.tail or "").strip(_SPACE):
        return None
    return el.getnext()


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    seen: set[HtmlElement] = set()
    for el in known.tags("p"):
        if el in seen or el in known.not_rendered or not _empty(el):
            continue
        count = 1
        node = _next_element(el)
        while node is not None and tag_of(node) == "p" and _empty(node):
            seen.add(node)
            count += 1
            node = _next_element(node)
        yield PageHit(el, {"count": count})
