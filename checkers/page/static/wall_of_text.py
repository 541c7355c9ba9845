"""static.wall-of-text: long text without structure.

WCAG 1.3.1 (Info and Relationships) and 2.4.6 (Headings and Labels), and the German
Leichte-Sprache rules (BITV 2.0 Anlage 2 Teil 2): long text not divided into paragraphs,
headings and lists is hard to read and to navigate, especially for people with cognitive or
reading disabilities and for screen reader users who jump by heading. Reported for review and
as info: a paragraph or a div's own running text (link text left out) of more than 250
words, or a main content area (<main>, else the body) of more than 400 words, mostly outside
links, with no heading and no list in it.
Known false positives: legal texts and literary prose that are long by nature.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import prose_text
from checkers.page.static._common import Facts, facts

_MAIN_MESSAGE = de_en(
    "Der Hauptinhalt hat {words} Wörter, aber keine Überschrift und keine Liste.",
    "The main content has {words} words but no heading and no list.",
)

META = page_meta(__file__)

BLOCK_WORDS = 250
MAIN_WORDS = 400
_BLOCK_CHILDREN = frozenset(
    """
    p div section article aside header footer main nav ul ol dl table form fieldset pre
    blockquote figure h1 h2 h3 h4 h5 h6 details address hr
    """.split()
)
_STRUCTURE = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl"})


def _own_words(el: HtmlElement, known: Facts) -> int:
    """Words of a div's running text: its text and inline children, not child blocks."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child not in known.not_rendered and tag_of(
            child
        ) not in _BLOCK_CHILDREN and tag_of(child) != "a":
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return len(" ".join(parts).split())


def _link_words(area: HtmlElement) -> int:
    return sum(len(a.text_content().split()) for a in area.iter("a"))


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("p"):
        if el in known.not_rendered:
            continue
        text = el.text_content()
        if len(text) < BLOCK_WORDS * 3:
            continue
        count = len(prose_text(page, el).split())
        if count > BLOCK_WORDS:
            yield PageHit(el, {"words": count})
    for el in known.tags("div"):
        if el in known.not_rendered or len(el.text_content()) < BLOCK_WORDS * 3:
            continue
        count = _own_words(el, known)
        if count > BLOCK_WORDS:
            yield PageHit(el, {"words": count})
    mains = [m for m in known.tags("main") if m not in known.not_rendered]
    area = mains[0] if mains else next(iter(known.tags("body")), None)
    if area is None or len(area.text_content()) < MAIN_WORDS * 3:
        return
    for el in area.iterdescendants():
        if isinstance(el.tag, str) and (tag_of(el) in _STRUCTURE or (
            (el.get("role") or "").strip() in ("heading", "list")
        )) and el not in known.not_rendered:
            return
    count = len(prose_text(page, area).split())
    if count > MAIN_WORDS and _link_words(area) * 2 < count:
        yield PageHit(area, {"words": count}, message=_MAIN_MESSAGE)
