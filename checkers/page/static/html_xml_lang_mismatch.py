"""static.html-xml-lang-mismatch: lang and xml:lang on the html element name different languages.

WCAG 3.1.1 (Language of Page), ACT rule 5b7ae0: when both attributes are present and valid,
their primary language subtags must match ("de" and "de-DE" match, "de" and "en" do not);
otherwise browsers and screen readers disagree about the page language.
SVG and MathML documents (the source starts with <svg> or <math>) are not checked.
Known false positives: none known.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import html_lang, is_foreign_document, wcag_standards, xml_lang
from checkers.page.static._lang import check_tag

META = RuleMeta(
    id="static.html-xml-lang-mismatch",
    engine="static",
    title=de_en("lang und xml:lang widersprechen sich", "lang and xml:lang disagree"),
    message=de_en(
        'lang="{lang}" und xml:lang="{xml_lang}" nennen verschiedene Sprachen.',
        'lang="{lang}" and xml:lang="{xml_lang}" name different languages.',
    ),
    explanation=de_en(
        "Geben Sie in lang und xml:lang dieselbe Sprache an, oder lassen Sie xml:lang weg.",
        "Give the same language in lang and xml:lang, or remove xml:lang.",
    ),
    severity="error",
    wcag=("3.1.1",),
    act=("5b7ae0",),
    standards=wcag_standards("3.1.1"),
    examples=(
        Example('<html lang="de" xml:lang="en"><body>Hallo</body></html>',
                expect="failed", at="html"),
        Example('<html lang="de" xml:lang="de-DE"><body>Hallo</body></html>', expect=None),
        Example('<html lang="de" xml:lang="DE"><body>Hallo</body></html>', expect=None),
        Example('<html lang="de"><body>Hallo</body></html>', expect=None),
        # An invalid xml:lang is out of scope for this rule.
        Example('<html lang="de" xml:lang="english"><body>Hallo</body></html>', expect=None),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    if is_foreign_document(page):
        return
    lang = (html_lang(page) or "").strip()
    xlang = (xml_lang(page.html_element) or "").strip()
    if not lang or not xlang or check_tag(lang) != "valid" or check_tag(xlang) != "valid":
        return
    if lang.split("-")[0].lower() != xlang.split("-")[0].lower():
        yield PageHit(page.html_element, {"lang": lang, "xml_lang": xlang})
