"""static.text-viewport-units: font size set only in viewport units (vw, vh).

WCAG 1.4.4 (Resize Text), technique failure F94: text sized with ``font-size: 4vw`` follows
the window width, not the browser's zoom or text-size setting, so it cannot be enlarged to
200 %. Inline styles and rules in <style> elements are checked; ``calc()``/``clamp()``/
``max()`` that mix in rem, em or px pass (the text can grow). Reported for review: browsers
differ in how they zoom viewport units.
Known false positives: decorative large display text that is also available elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import css_rules, declarations
from checkers.page.static._common import facts

META = page_meta(__file__)

_VIEWPORT = re.compile(r"\d\s*(?:vw|vh|vmin|vmax|svw|lvw|dvw)\b")
_SCALABLE = re.compile(r"\d\s*(?:rem|em|px|pt|%)|\b(?:larger|smaller|medium|large|small)\b")


def _viewport_only(value: str) -> bool:
    return bool(_VIEWPORT.search(value)) and not _SCALABLE.search(value)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for rule in css_rules(page):
        value = rule.declarations.get("font-size", "") or rule.declarations.get("font", "")
        if _viewport_only(value):
            yield PageHit(rule.style, {"where": f"Die CSS-Regel „{rule.selector}“",
                                       "value": value},
                          message={"de": META.message["de"], "en": META.message["en"].replace(
                              "{where}", f'The CSS rule "{rule.selector}"')})
            break
    for el in known.elements:
        style = el.get("style")
        if not style or "v" not in style or el in known.not_rendered:
            continue
        decls = declarations(style)
        value = decls.get("font-size", "") or decls.get("font", "")
        if value and _viewport_only(value):
            yield PageHit(el, {"where": "Das style-Attribut", "value": value},
                          message={"de": META.message["de"], "en": META.message["en"].replace(
                              "{where}", "The style attribute")})
