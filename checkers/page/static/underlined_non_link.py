"""static.underlined-non-link: underlined text that is not a link.

Best practice for WCAG 1.4.1 (Use of Color) and 3.2.4 (Consistent Identification): on the web
underlining means "link"; underlined plain text makes people click on it in vain, and people
who rely on the underline to find links (because they cannot see the link colour) are misled.
<u> elements and inline ``text-decoration: underline`` outside links are reported, for review
and as info (<u> may legitimately mark misspellings or Chinese proper names).
Known false positives: <u> for spelling errors; underline used in a legend explaining links.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import declarations, visible_text
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)

_LINKISH = frozenset({"link", "button", "tab", "menuitem"})


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    candidates = list(known.tags("u"))
    for el in known.elements:
        style = el.get("style")
        if style and "underline" in style and tag_of(el) != "u":
            decoration = declarations(style)
            value = decoration.get("text-decoration", "") + decoration.get(
                "text-decoration-line", "")
            if "underline" in value:
                candidates.append(el)
    for el in candidates:
        if el in known.not_rendered or tag_of(el) in ("a", "button"):
            continue
        if explicit_role(el) in _LINKISH:
            continue
        if any(tag_of(a) in ("a", "button") or explicit_role(a) in _LINKISH
               for a in el.iterancestors()):
            continue
        text = visible_text(page, el)
        if not text:
            continue
        yield PageHit(el, {"text": text[:60]})
