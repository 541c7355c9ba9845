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

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import html_lang, is_foreign_document, wcag_standards
from checkers.page.static._lang import check_tag

META = RuleMeta(
    id="static.html-lang-valid",
    engine="static",
    title=de_en("Ungültige Sprache der Seite", "Invalid page language"),
    message=de_en(
        'Die Sprache "{lang}" im html-Element ist kein gültiger Sprach-Code.',
        'The language "{lang}" on the html element is not a valid language tag.',
    ),
    explanation=de_en(
        'Verwenden Sie einen Sprach-Code nach BCP 47, zum Beispiel lang="de" für Deutsch '
        'oder lang="en" für Englisch.',
        'Use a BCP 47 language tag, for example lang="de" for German or lang="en" for '
        "English.",
    ),
    severity="error",
    wcag=("3.1.1",),
    act=("bf051a",),
    standards=wcag_standards("3.1.1"),
    examples=(
        Example('<html lang="english"><body>Hello</body></html>', expect="failed", at="html"),
        Example('<html lang="xx-invalid"><body>Hallo</body></html>', expect="failed", at="html"),
        Example('<html lang="de_DE"><body>Hallo</body></html>', expect="failed", at="html"),
        Example('<html lang="#!"><body>Hallo</body></html>', expect="failed", at="html"),
        Example('<html lang="deu"><body>Hallo</body></html>', expect="failed", at="html"),
        Example('<html lang="i-lux"><body>Moien</body></html>', expect="failed", at="html"),
        Example('<html lang="en-US-GB"><body>Hello</body></html>', expect=None),
        Example('<html lang="de"><body>Hallo</body></html>', expect=None),
        Example('<html lang="de-DE"><body>Hallo</body></html>', expect=None),
        Example('<html lang="EN-us"><body>Hello</body></html>', expect=None),
        Example('<html lang="hsb"><body>Witajće</body></html>', expect=None),
        # Missing or empty lang is static.html-has-lang's finding, not this rule's.
        Example('<html lang=" "><body>Hallo</body></html>', expect=None),
        Example("<html><body>Hallo</body></html>", expect=None),
    ),
)


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
