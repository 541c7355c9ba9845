"""static.focus-outline-removed: the focus outline is switched off without a replacement.

WCAG 2.4.7 (Focus Visible), technique failure F78: ``outline: none`` or ``outline: 0`` on
focusable elements (inline style), or in a <style> element for a :focus / :focus-visible
selector or for all links, buttons or fields (``*``, ``a``, ``button``, ...), hides where the
keyboard focus is. A rule that sets another visible property (border, box-shadow,
background, color, text-decoration) alongside is taken as a replacement, and so is any other
:focus rule on the page that sets one; ``:focus:not(:focus-visible)`` is the accepted pattern
and passes. Reported for review: style sheet files are not read and may restore a focus style.
Known false positives: a focus style set in an external style sheet or by script.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import css_rules, declarations
from checkers.page.static._common import facts, in_tab_order

META = page_meta(__file__)

_FOCUS = re.compile(r":focus(?:-visible)?(?![-\w])")
_GLOBAL = frozenset({"*", "a", "button", "input", "select", "textarea", "a:link", "a:visited",
                     "html *", "body *"})
_NOT_VISIBLE = frozenset({"border-radius", "border-collapse", "border-spacing", "outline-offset",
                          "background-clip", "background-origin"})
_VISIBLE = ("box-shadow", "border", "background", "color", "text-decoration", "outline")


def _removes(decls: dict[str, str]) -> str | None:
    value = decls.get("outline")
    if value is not None and (value in ("none", "0", "0px", "0 none") or ("none" in value.split()
                              and len(value.split()) <= 2)):
        return value
    if decls.get("outline-style") == "none":
        return "none"
    if decls.get("outline-width") in ("0", "0px"):
        return "0"
    return None


def _replaces(decls: dict[str, str]) -> bool:
    for name, value in decls.items():
        if not name.startswith(_VISIBLE) or name in _NOT_VISIBLE:
            continue
        if value in ("none", "0", "inherit", "transparent"):
            continue
        if name.startswith("outline") and _removes({name: value}):
            continue
        return True
    return False


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    rules = css_rules(page)
    replaced = any(_FOCUS.search(r.selector) and _replaces(r.declarations) for r in rules)
    if not replaced:
        reported = set()
        for rule in rules:
            value = _removes(rule.declarations)
            if value is None or rule.style in reported or _replaces(rule.declarations):
                continue
            pieces = [p.strip() for p in rule.selector.split(",")]
            if not any(
                (_FOCUS.search(p) and ":not(:focus-visible)" not in p) or p in _GLOBAL
                for p in pieces
            ):
                continue
            reported.add(rule.style)
            yield PageHit(rule.style, {"where": f"Die CSS-Regel „{rule.selector}“",
                                       "value": value},
                          message=_message(f'The CSS rule "{rule.selector}"'))
    for el in known.elements:
        style = el.get("style")
        if not style or "outline" not in style or el in known.not_rendered:
            continue
        decls = declarations(style)
        value = _removes(decls)
        if value is None or not in_tab_order(el) or replaced:
            continue
        if el.get("onfocus") is not None or el.get("onfocusin") is not None:
            continue
        yield PageHit(el, {"where": "Das style-Attribut", "value": value},
                      message=_message("The style attribute"))


def _message(where_en: str) -> dict[str, str]:
    """The English message names the place in English; German keeps the {where} text."""
    return {"de": META.message["de"], "en": META.message["en"].replace("{where}", where_en)}
