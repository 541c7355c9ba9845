"""static.text-justified: running text set in justified alignment (Blocksatz).

WCAG 1.4.8 (Visual Presentation, AAA), technique failure F88: justified text makes uneven
gaps ("rivers") between words that make reading hard for people with dyslexia or low vision;
the German Leichte-Sprache rules (BITV 2.0 Anlage 2 Teil 2 and the Netzwerk Leichte Sprache
rules) also ask for left-aligned text. Inline style ``text-align: justify``, the old
``align="justify"`` attribute, and <style> element rules that justify text are reported,
for review and as info. Elements with less than 10 words of text are ignored.
Known false positives: justified text in a narrow decorative box; rules in <style> for
elements not on this page.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import css_rules, declarations, visible_text
from checkers.page.static._common import facts

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for rule in css_rules(page):
        if rule.declarations.get("text-align", "").startswith("justify"):
            yield PageHit(rule.style, {"where": f"Die CSS-Regel „{rule.selector}“"},
                          message={"de": META.message["de"], "en": META.message["en"].replace(
                              "{where}", f'The CSS rule "{rule.selector}"')})
            break
    reported: set = set()
    for el in known.elements:
        if not el.attrib or el in known.not_rendered:
            continue
        style = el.get("style")
        justified = (el.get("align") or "").strip().lower() == "justify"
        if not justified and style and "justify" in style:
            justified = declarations(style).get("text-align", "").startswith("justify")
        if not justified:
            continue
        if len(visible_text(page, el).split()) < 10:
            continue
        if any(a in reported for a in el.iterancestors()):
            continue  # the justified container is reported already
        reported.add(el)
        yield PageHit(el, {"where": "Das style-Attribut"},
                      message={"de": META.message["de"], "en": META.message["en"].replace(
                          "{where}", "The style attribute")})
