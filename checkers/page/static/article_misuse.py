"""static.article-misuse: an <article> that holds only links or only a form.

WCAG 1.3.1 (Info and Relationships): <article> says "a self-contained composition" (a news
item, a post, a comment); screen readers announce it as such and list it. Used as a generic
wrapper for a menu, a list of links or a form it gives a wrong structure. Reported for review
and as info: a rendered <article> that holds a form, or at least 2 links outside its headings,
and fewer than 3 words of text outside headings and the form (or links).
Known false positives: teasers made of several links only (an image link plus a "more" link);
a one-link teaser with a linked heading is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIP = _HEADINGS | {"a", "form", "script", "style", "template"}


def _words_outside(el, known, skip: frozenset[str], enough: int = 3) -> int:
    """Words of el's rendered text outside descendants whose tag is in skip (stops counting
    at ``enough``)."""
    count = 0
    stack = [el]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            count += len(node.split())
        else:
            if node.text:
                count += len(node.text.split())
            for child in reversed(node):
                if child.tail:
                    stack.append(child.tail)
                if isinstance(child.tag, str) and child not in known.not_rendered and (
                    tag_of(child) not in skip
                ):
                    stack.append(child)
        if count >= enough:
            return count
    return count


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("article"):
        if el in known.not_rendered:
            continue
        if _words_outside(el, known, _SKIP) >= 3:
            continue  # running text outside headings, links and forms: a real article
        links = 0
        forms = 0
        for d in el.iterdescendants("a", "form"):
            if d in known.not_rendered:
                continue
            if tag_of(d) == "form":
                forms += 1
            elif d.get("href") is not None and not any(
                tag_of(a) in _HEADINGS for a in d.iterancestors()
            ):
                links += 1
        if forms:
            what = de_en("ein Formular", "a form")
        elif links >= 2:
            what = de_en("Links", "links")
        else:
            continue
        yield PageHit(el, {}, message=de_en(
            META.message["de"].replace("{what}", what["de"]),
            META.message["en"].replace("{what}", what["en"])))
