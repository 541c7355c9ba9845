"""static.lang-mismatch: text that is clearly in another language than its lang attribute says.

WCAG 3.1.1 (Language of Page) and 3.1.2 (Language of Parts): screen readers pick voice and
pronunciation from the lang attribute; English text under lang="fr" is read with French
rules and becomes hard to understand. A small stop-word identifier (German, English, French,
Spanish, Italian, Dutch, Turkish, Polish function words) judges (a) the page's main text
(<main>, else the body; at least 40 words) against <html lang>, and (b) the text of an element
with its own lang (at least 8 words) against that lang. Text in parts with another lang
attribute, code and unrendered parts are left out. Only a clear verdict counts: many function
words and the winning language at least three (page: four) times as strong as any other.
Languages outside the eight are not judged. Reported for review.
Known false positives: pages that mostly quote another language; mixed-language glossaries.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import raw_text
from checkers.page.static._common import Facts, facts
from checkers.page.static._langid import LANGUAGES, identify
from checkers.page.static._styled import source_lower

_NAMES = {
    "de": ("Deutsch", "German"), "en": ("Englisch", "English"), "fr": ("Französisch", "French"),
    "es": ("Spanisch", "Spanish"), "it": ("Italienisch", "Italian"),
    "nl": ("Niederländisch", "Dutch"), "tr": ("Türkisch", "Turkish"), "pl": ("Polnisch", "Polish"),
}
_PAGE_MESSAGE = de_en(
    'Die Seite ist mit lang="{lang}" ausgezeichnet, ihr Text ist aber wohl {found_de}.',
    'The page is marked lang="{lang}", but its text seems to be {found_en}.',
)

META = page_meta(__file__)

_SKIP = frozenset({"code", "pre", "kbd", "samp", "var", "script", "style", "template",
                   "noscript", "svg", "math"})
PAGE_WORDS = 40
PART_WORDS = 8
MAX_CHARS = 6000  # about 800 words: enough for a verdict
QUICK_CHARS = 3000  # the prefilter on the raw body text


def _text(el: HtmlElement, known: Facts, parts: list[str], size: list[int]) -> None:
    """Text of el in its own language (descendants with their own lang left out)."""
    if size[0] > MAX_CHARS:
        return
    if el.text:
        parts.append(el.text)
        size[0] += len(el.text)
    for child in el:
        if isinstance(child.tag, str) and child not in known.not_rendered and (
            child.get("lang") is None and tag_of(child) not in _SKIP
        ):
            _text(child, known, parts, size)
        if child.tail:
            parts.append(child.tail)
            size[0] += len(child.tail)


def _primary(value: str | None) -> str:
    return (value or "").strip().lower().replace("_", "-").split("-")[0]


def _judge(el: HtmlElement, known: Facts, declared: str, min_words: int, margin: float):
    parts: list[str] = []
    _text(el, known, parts, [0])
    text = " ".join(" ".join(parts).split())
    if len(text) < min_words * 3:
        return None, text
    guess = identify(text, margin=margin)
    if guess.words < min_words or guess.language is None or guess.language == declared:
        return None, text
    return guess.language, text


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    declared = _primary(page.html_element.get("lang"))
    if declared in LANGUAGES:
        mains = [m for m in known.tags("main") if m not in known.not_rendered]
        area = mains[0] if mains else next(iter(known.tags("body")), None)
        quick = identify(raw_text(page)[:QUICK_CHARS], margin=4.0)
        if quick.language not in (None, declared) and area is not None and area.get(
            "lang"
        ) is None:
            found, _ = _judge(area, known, declared, PAGE_WORDS, 4.0)
            if found:
                yield PageHit(area, {"lang": page.html_element.get("lang"),
                                     "found_de": _NAMES[found][0],
                                     "found_en": _NAMES[found][1]}, message=_PAGE_MESSAGE)
    if source_lower(page).count("lang") < 2:
        return  # no lang attribute below <html>
    for el in known.elements:
        value = el.get("lang")
        if value is None or el is page.html_element or el in known.not_rendered:
            continue
        lang = _primary(value)
        if lang not in LANGUAGES or tag_of(el) in _SKIP or el in known.in_svg:
            continue
        if len(el.text_content()) < PART_WORDS * 3:
            continue  # too short for 8 words
        found, text = _judge(el, known, lang, PART_WORDS, 3.0)
        if found:
            yield PageHit(el, {"lang": value.strip(), "found_de": _NAMES[found][0],
                               "found_en": _NAMES[found][1],
                               "text": text if len(text) <= 80 else text[:79] + "…"})
