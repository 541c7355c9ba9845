"""static.html-lang-valid: the lang attribute of the html element is not a valid language tag.

WCAG 3.1.1 (Language of Page), ACT rule bf051a: only the primary language subtag is judged
("de" in "de-DE"), against ISO 639-1 and a list of common three-letter codes. Values such as
"english", "xx-invalid", "de_DE", "#", ISO 639-2 codes like "deu" and grandfathered tags like
"i-lux" fail. An unknown three-letter code (there are thousands of rare ones) is reported for
review, not as a failure.
SVG and MathML documents (the source starts with <svg> or <math>) are not checked.
Known false positives: none known; rare languages with three-letter codes need a review.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import html_lang, is_foreign_document
from checkers.page.static._lang import check_tag

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    value = html_lang(page)
    if is_foreign_document(page) or value is None or not value.strip():
        return
    verdict = check_tag(value)
    if verdict == "invalid":
        yield PageHit(page.html_element, {"lang": value.strip()})
    elif verdict == "unsure":
        yield PageHit(page.html_element, {"lang": value.strip()}, outcome="needs_review",
                      severity="info")
