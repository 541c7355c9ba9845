"""static.label-in-name: the visible text of a link or button is missing from its accessible name.

WCAG 2.5.3 (Label in Name), ACT rule 2ee8b8 "Visible label is part of accessible name":
applies to elements with a widget role that takes its name from content (link, button,
checkbox, menuitem, option, radio, switch, tab, treeitem, gridcell, searchbox) that have
visible text and an aria-label or aria-labelledby attribute. Each visible text node must be
contained in the accessible name; case, surrounding whitespace, punctuation and symbol
characters (non-text content such as "×" or "»") are ignored, and text nodes with fewer than
two letters or digits count as symbols. A single word drawn by a ligature icon font (an icon
class, or an icon font family or font link) is only reported for review. axe-core runs its
version of this only as an experimental rule.
Text inside a descendant with a class attribute may be hidden visually by a style sheet
("sr-only"), which the markup cannot tell: those mismatches are reported for review.
Known false positives: visible text hidden by CSS without a class (an id-based style).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import (
    NOT_RENDERED,
    explicit_role,
    facts,
)

META = page_meta(__file__)

_WIDGETS = frozenset({"button", "checkbox", "gridcell", "link", "menuitem", "menuitemcheckbox",
                      "menuitemradio", "option", "radio", "searchbox", "switch", "tab",
                      "treeitem"})
_NOISE = re.compile(r"[^\w]+|_")


def _norm(text: str) -> str:
    return collapse(_NOISE.sub(" ", text.lower()))


def _role(el) -> str | None:
    role = explicit_role(el)
    if role is not None:
        return role
    tag = tag_of(el)
    if tag == "a" and el.get("href") is not None:
        return "link"
    if tag == "button":
        return "button"
    return None


def _text_nodes(known, el) -> Iterator[tuple[str, bool]]:
    """(text, inside a descendant with a class) for each visible text node."""
    def walk(node, classed: bool) -> Iterator[tuple[str, bool]]:
        if node.text:
            yield node.text, classed
        for child in node:
            if isinstance(child.tag, str):
                hidden = (child in known.excluded or tag_of(child) in NOT_RENDERED
                          or (child.get("aria-hidden") or "").strip().lower() == "true")
                if not hidden:
                    yield from walk(child, classed or child.get("class") is not None)
            if child.tail:
                yield child.tail, classed
    yield from walk(el, False)


_ICON_FONT = re.compile(r"icon|symbol|glyph|awesome|material", re.I)
_ICON_CLASS = re.compile(
    r"(?:^|\s)(?:material-icons\S*|material-symbols\S*|fa[srlbd]?|fa-\S+|glyphicon\S*|"
    r"icon\S*|bi|bi-\S+)(?:\s|$)",
    re.I,
)
_FONT_FAMILY = re.compile(r"font-family\s*:[^;}]*", re.I)


def _icon_font(page, el) -> bool:
    """Does the element (or an ancestor) use an icon font: an icon class, or a style sheet or
    inline style giving a font family named like an icon font, or an icon font link?"""
    node = el
    while node is not None and isinstance(node.tag, str):
        if _ICON_CLASS.search(node.get("class") or ""):
            return True
        node = node.getparent()
    known = facts(page)
    for link in known.tags("link"):
        href = link.get("href") or ""
        if "font" in href.lower() and _ICON_FONT.search(href):
            return True
    styles = [s.text or "" for s in known.tags("style")]
    styles.extend(n.get("style") or "" for n in el.iter() if isinstance(n.tag, str))
    return any(_ICON_FONT.search(m) for text in styles for m in _FONT_FAMILY.findall(text))


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    candidates = known.tags("a") + known.tags("button") + known.with_role
    seen = set()
    for el in candidates:
        if el in seen or (el.get("aria-label") is None and el.get("aria-labelledby") is None):
            continue
        seen.add(el)
        if _role(el) not in _WIDGETS or el in known.excluded:
            continue
        name = page.accessible_name(el)
        key = _norm(name)
        missing: list[str] = []
        review = False
        for text, classed in _text_nodes(known, el):
            norm = _norm(text)
            if sum(c.isalnum() for c in norm) < 2 or norm in key:
                continue
            missing.append(collapse(text))
            review = review or classed
        if not missing:
            continue
        if not review and len(missing) == 1 and " " not in missing[0] and _icon_font(page, el):
            review = True  # a ligature icon font may draw the word as a symbol ("search")
        visible = " ".join(missing)[:80]
        if review:
            yield PageHit(el, {"visible": visible, "name": name[:80]},
                          outcome="needs_review", severity="warning")
        else:
            yield PageHit(el, {"visible": visible, "name": name[:80]})
