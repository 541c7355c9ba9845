"""static.animation-infinite: an endless CSS animation without a way to stop it.

WCAG 2.2.2 (Pause, Stop, Hide): moving or blinking content that starts by itself and lasts
more than five seconds needs a way to pause it; people with attention disorders or
vestibular disorders are distracted or made ill. An ``animation`` with ``infinite``
iterations (inline style or a rule in a <style> element) is reported for review, unless the
page's style elements also honour ``prefers-reduced-motion`` (then the user's system setting
stops it). Spinners and loading indicators are common and legitimate (they are part of an
activity), hence review only.
Known false positives: loading spinners; animations paused by a button the markup does not
reveal.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import css_rules, declarations
from checkers.page.static._common import facts

META = page_meta(__file__)


def _infinite(decls: dict[str, str]) -> bool:
    return ("infinite" in decls.get("animation", "")
            or decls.get("animation-iteration-count", "") == "infinite")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    styles = known.tags("style")
    if any("prefers-reduced-motion" in (s.text or "") for s in styles):
        return
    for rule in css_rules(page):
        if _infinite(rule.declarations):
            yield PageHit(rule.style, {"where": f"Die CSS-Regel „{rule.selector}“"},
                          message={"de": META.message["de"], "en": META.message["en"].replace(
                              "{where}", f'The CSS rule "{rule.selector}"')})
            break
    for el in known.elements:
        style = el.get("style")
        if not style or "infinite" not in style or el in known.not_rendered:
            continue
        if _infinite(declarations(style)):
            yield PageHit(el, {"where": "Das style-Attribut"},
                          message={"de": META.message["de"], "en": META.message["en"].replace(
                              "{where}", "The style attribute")})
