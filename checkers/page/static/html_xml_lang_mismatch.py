"""static.html-xml-lang-mismatch: lang and xml:lang on the html element name different languages.

WCAG 3.1.1 (Language of Page), ACT rule 5b7ae0: when both attributes are present and valid,
their primary language subtags must match ("de" and "de-DE" match, "de" and "en" do not);
otherwise browsers and screen readers disagree about the page language.
SVG and MathML documents (the source starts with <svg> or <math>) are not checked.
Known false positives: none known.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import html_lang, is_foreign_document, xml_lang
from checkers.page.static._lang import check_tag

META = page_meta(__file__)


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
