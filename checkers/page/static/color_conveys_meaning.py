"""static.color-conveys-meaning: text that uses colour to tell items apart, with colour coding.

WCAG 1.4.1 (Use of Color): "the green items are available, the red ones are sold out" or
"die rot markierten Termine" only works for people who see the colours. Reported for review:
a rendered text block whose prose names a colour as the key ("the green mushrooms", "shown in
red", "in Grün", "die rot markierten …"; own word lists), on a page that also colours content
by inline style (color/background) or <font color>, or whose neighbouring list or table
items differ only by class (colour coding from a style sheet). Code and program text are left
out; colour plus an interface noun ("the red button") is static.sensory-instructions'.
Known false positives: texts about colours themselves (a paint shop, a flag); colour coding
that is also given as text or symbols.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import declarations, innermost_matches, words
from checkers.page.static._common import Facts, facts
from checkers.page.static._sensory import COLOR_MEANING, may_match_color_meaning

META = page_meta(__file__)

_NEUTRAL = frozenset({"", "inherit", "initial", "unset", "revert", "currentcolor",
                      "transparent", "none"})
_GENERIC_CLASS = re.compile(r"^(?:odd|even|first|last|active|current|selected|item|"
                            r"[a-z]+-item|list-item|row|col|clearfix)$", re.I)
_ITEMS = {"ul": "li", "ol": "li", "tbody": "tr", "table": "tr", "dl": "dt"}


def _inline_colour(known: Facts) -> bool:
    for el in known.elements:
        if el in known.not_rendered:
            continue
        if tag_of(el) == "font" and el.get("color"):
            return True
        style = el.get("style")
        if not style or ("color" not in style.lower() and "background" not in style.lower()):
            continue
        declared = declarations(style)
        for name in ("color", "background-color", "background"):
            if declared.get(name, "") not in _NEUTRAL:
                return True
    return False


def _class_coded(block: HtmlElement) -> bool:
    """A list or table next to the block whose items differ only by class."""
    candidates: list[HtmlElement] = []
    node = block
    for _ in range(2):
        sibling = node.getnext()
        while sibling is not None:
            if isinstance(sibling.tag, str):
                candidates.append(sibling)
                break
            sibling = sibling.getnext()
        parent = node.getparent()
        if parent is None:
            break
        node = parent
    for container in candidates:
        lists = [container] + [d for d in container.iterdescendants() if tag_of(d) in _ITEMS]
        for found in lists[:5]:
            item = _ITEMS.get(tag_of(found))
            if item is None:
                continue
            classes = {
                " ".join(c for c in (child.get("class") or "").split()
                         if not _GENERIC_CLASS.match(c))
                for child in found.iterdescendants(item)
            }
            classes.discard("")
            if len(classes) >= 2:
                return True
    return False


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    if not may_match_color_meaning(words(page)):
        return
    known = facts(page)
    inline: bool | None = None
    for el, found in innermost_matches(page, COLOR_MEANING):
        if not _class_coded(el):
            if inline is None:
                inline = _inline_colour(known)
            if not inline:
                continue
        text = found.string
        start = max(0, found.start() - 30)
        excerpt = text[start:found.end() + 40].strip()
        yield PageHit(el, {"text": excerpt if len(excerpt) <= 90 else excerpt[:89] + "…"})
