"""static.page-lang-parts: an English passage inside a German page without lang="en".

WCAG 3.1.2 (Language of Parts): screen readers read an English paragraph on a German page
with German pronunciation unless the passage says lang="en". The check is deliberately
conservative: only on pages whose language is German, only text blocks (paragraphs, list
items, table cells, quotes, headings) of at least 8 words that are not inside an element with
its own lang, and only when at least 3 and a fifth of the words are English function words
("the", "and", "with", "you") while at most one is a German one. Reported for review.
Known false positives: German texts quoting English titles at length; names of English
organisations. Single foreign words need no lang attribute (WCAG exception) and are not
reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import HtmlElement
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import Facts, facts

META = page_meta(__file__)

_BLOCKS = frozenset({"p", "li", "td", "th", "blockquote", "dd", "dt", "figcaption", "caption",
                     "h1", "h2", "h3", "h4", "h5", "h6"})
# Only words that are not also German words ("an", "in", "was", "will", "die" are left out).
_ENGLISH = frozenset(
    """
    the and of to is are were with for this that these those you your we our it its be been
    have has not from by on at which can would should there their they what when where who
    how if or please about us my me he she his her but do does did just than them into
    """.split()
)
_GERMAN = frozenset(
    """
    der die das und ist nicht mit für von zu den dem des ein eine einen einem einer auf sich
    auch es sie wir ihr ihre werden wird sind bei oder wenn dass kann nach über aus im zum
    zur als wie noch nur sehr hier mehr uns unser unsere haben hat gibt
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 8


def _text(el: HtmlElement, known: Facts, parts: list[str]) -> None:
    """Text of el that inherits its language (descendants with their own lang are left out)."""
    if el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and child not in known.not_rendered and (
            child.get("lang") is None
        ):
            _text(child, known, parts)
        if child.tail:
            parts.append(child.tail)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    lang = (page.html_element.get("lang") or "").strip().lower()
    if lang.split("-")[0] != "de":
        return
    known = facts(page)
    blocks = [el for tag in _BLOCKS for el in known.tags(tag)]
    # Judge the innermost blocks only: mark every ancestor of a block (each ancestor once).
    containers: set[HtmlElement] = set()
    for el in blocks:
        node = el.getparent()
        while node is not None and node not in containers:
            containers.add(node)
            node = node.getparent()
    for el in blocks:
        if el in containers or el in known.not_rendered or el.get("lang") is not None:
            continue
        parts: list[str] = []
        _text(el, known, parts)
        text = " ".join(" ".join(parts).split())
        if len(text) < MIN_WORDS * 4:
            continue  # too short to hold 8 words: skip the tokenizing
        words = _WORD.findall(text.lower())
        if len(words) < MIN_WORDS:
            continue
        english = sum(1 for w in words if w in _ENGLISH)
        if english < 3 or english * 5 < len(words):
            continue
        if sum(1 for w in words if w in _GERMAN) > 1:
            continue
        if any(a.get("lang") is not None for a in el.iterancestors() if a.tag != "html"):
            continue  # inside a part with its own language
        yield PageHit(el, {"text": text if len(text) <= 80 else text[:79] + "…"})
