"""static.fake-button: an element styled as a button (class "button", "btn", "close") that the
keyboard cannot reach.

WCAG 2.1.1 (Keyboard) and 4.1.2 (Name, Role, Value): a div or span with class="button" is
almost always made clickable by a script (addEventListener, invisible in markup) but has no
button role and no tabindex, so keyboard and screen reader users cannot use it. Class names
are only a hint, hence review: the element has a class token btn, button, close,
btn-*/button-* or *-button/*-btn (not container names like button-group or btn-wrapper), is
a div, span, li, p, td, i, img or an <a> without href, has content, and neither it, an
ancestor nor a descendant can take focus. Elements with an inline click handler or a
control role are left to static.click-handler-not-focusable and static.widget-not-focusable.
Known false positives: purely decorative "button-like" labels that do nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts, focusable

META = page_meta(__file__)

_CONTAINER = re.compile(r"(?:group|wrapper|wrap|container|row|bar|list|text|label|icon|area|"
                        r"holder|box|set|toolbar|col|section|block|outer|inner)$")
_TOKEN = re.compile(r"^(?:btn|button|close|(?:btn|button)-[a-z0-9-]+|[a-z0-9-]+-(?:button|btn))$")
_TAGS = frozenset({"div", "span", "li", "p", "td", "i", "img", "a"})
_ROLED = frozenset({"none", "presentation"})


def _button_class(value: str) -> str | None:
    for token in value.lower().split():
        if _TOKEN.match(token) and not _CONTAINER.search(token):
            return token
    return None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.elements:
        cls = el.get("class")
        if not cls or ("btn" not in cls and "button" not in cls and "close" not in cls):
            continue
        tag = tag_of(el)
        if tag not in _TAGS or (tag == "a" and el.get("href") is not None):
            continue
        token = _button_class(cls)
        if token is None or el in known.excluded or focusable(el):
            continue
        role = explicit_role(el)
        if role is not None and role not in _ROLED:
            continue
        if el.get("onclick") is not None or el.get("onmousedown") is not None:
            continue
        if not (collapse(el.text_content()) or tag == "img" or next(el.iter("img", "svg"), None)
                is not None):
            continue
        if any(focusable(a) or tag_of(a) in ("label", "button") for a in el.iterancestors()):
            continue
        if any(isinstance(d.tag, str) and focusable(d) for d in el.iterdescendants()):
            continue
        yield PageHit(el, {"tag": tag, "cls": token})
