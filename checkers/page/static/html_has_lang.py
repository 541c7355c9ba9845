"""static.html-has-lang: the html element of an HTML page has no lang attribute.

WCAG 3.1.1 (Language of Page), ACT rule b5c3f8: screen readers choose voice and pronunciation
from the page language; without it they read German text with an English voice. A lang
attribute that is empty or only whitespace counts as missing; xml:lang alone does not count.
Not applied to SVG or MathML documents (the source starts with <svg> or <math>).
Known false positives: a document that is only ever shown inside an iframe of a page with a
language (the ACT rule does not apply to embedded documents, which markup cannot tell).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import html_lang, is_foreign_document, wcag_standards

META = RuleMeta(
    id="static.html-has-lang",
    engine="static",
    title=de_en("Sprache der Seite fehlt", "Page language missing"),
    message=de_en(
        "Das html-Element hat kein lang-Attribut.",
        "The html element has no lang attribute.",
    ),
    explanation=de_en(
        'Geben Sie die Sprache der Seite an, zum Beispiel <html lang="de">. Dann lesen '
        "Screenreader den Text mit der richtigen Aussprache vor.",
        'State the language of the page, for example <html lang="de">. Screen readers then '
        "read the text with the right pronunciation.",
    ),
    severity="error",
    wcag=("3.1.1",),
    act=("b5c3f8",),
    standards=wcag_standards("3.1.1"),
    examples=(
        Example("<html><head><title>T</title></head><body>Hallo</body></html>",
                expect="failed", at="html"),
        Example('<html lang=""><body>Hallo</body></html>', expect="failed", at="html"),
        Example('<html lang="  "><body>Hallo</body></html>', expect="failed", at="html"),
        Example('<html xml:lang="de"><body>Hallo</body></html>', expect="failed", at="html"),
        Example('<html lang="de"><body>Hallo</body></html>', expect=None),
        Example('<html lang="en-GB"><body>Hello</body></html>', expect=None),
        Example('<svg xmlns="http://www.w3.org/2000/svg"><title>Logo</title></svg>', expect=None),
        # A MathML (XML) document is no HTML page; MathML inside an HTML page changes nothing.
        Example('<?xml version="1.0"?><math display="block"><mi>a</mi></math>', expect=None),
        Example('<!DOCTYPE html><html><body><math><mi>a</mi></math></body></html>',
                expect="failed", at="html"),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    if is_foreign_document(page):
        return
    if not (html_lang(page) or "").strip():
        yield PageHit(page.html_element)
