"""static.fake-heading: text that looks like a heading but is not marked up as one.

WCAG 1.3.1 (Info and Relationships), technique failure F2 / H42: a short paragraph or div
whose whole text is bold (<b>, <strong>), large (<font size>, <big>) or styled inline with
font-weight: bold or a large font-size, and that is followed by more content, is a visual
heading that screen reader users cannot find with heading navigation. Paragraphs inside
lists, tables, labels, links and buttons are skipped, and so are texts ending like a
sentence (. ! ?) or longer than 10 words. axe-core has a similar rule only as experimental.
Reported for review: bold lead-in text or emphasis may be meant.
Known false positives: emphasised one-line notes ("Wichtig:"), bold captions, class-based
headings styled by CSS files (not seen at all).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import HtmlElement, collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import declarations, visible_text
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)

_CANDIDATES = ("p", "div")
_EMPHASIS = frozenset({"b", "strong", "font", "big", "u", "span", "em"})
_SKIP_ANCESTORS = frozenset({"li", "td", "th", "label", "a", "button", "h1", "h2", "h3", "h4",
                             "h5", "h6", "caption", "legend", "figcaption", "summary", "dt",
                             "nav", "header", "footer", "form"})
_FOLLOWERS = frozenset({"p", "ul", "ol", "dl", "table", "div", "address", "blockquote",
                        "form", "section"})
_LARGE = re.compile(r"^(?:(\d+(?:\.\d+)?)(px|pt|em|rem|%)|(large|x-large|xx-large|larger))$")


def _bold_or_large(el: HtmlElement) -> bool:
    tag = tag_of(el)
    if tag in ("b", "strong", "big"):
        return True
    if tag == "font":
        size = (el.get("size") or "").strip()
        return size.startswith("+") or (size.isdigit() and int(size) >= 4)
    style = el.get("style")
    if not style:
        return False
    decls = declarations(style)
    weight = decls.get("font-weight", "")
    if weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600):
        return True
    match = _LARGE.match(decls.get("font-size", ""))
    if not match:
        return False
    if match.group(3):
        return True
    value, unit = float(match.group(1)), match.group(2)
    return {"px": 20, "pt": 15, "em": 1.25, "rem": 1.25, "%": 125}[unit] <= value


def _styled_whole(el: HtmlElement) -> bool:
    """The element's whole text is inside bold/large markup (or it is styled itself)."""
    node = el
    while True:
        if _bold_or_large(node):
            return True
        children = [c for c in node if isinstance(c.tag, str)]
        if collapse(node.text) or len(children) != 1 or collapse(children[0].tail):
            return False
        node = children[0]
        if tag_of(node) not in _EMPHASIS:
            return False


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for tag in _CANDIDATES:
        for el in known.tags(tag):
            if el in known.excluded or explicit_role(el) is not None:
                continue
            if tag == "div" and any(tag_of(c) in _FOLLOWERS for c in el):
                continue
            if not _styled_whole(el):
                continue
            if next(el.iter("code", "kbd", "samp", "pre", "img", "input", "button"), None) \
                    is not None:
                continue  # a command or a control, not a heading
            text = visible_text(page, el)
            if not text or len(text.split()) > 10 or text[-1] in ".!?,;)" or len(text) < 3:
                continue
            follower = next((s for s in el.itersiblings() if isinstance(s.tag, str)), None)
            if follower is None or tag_of(follower) not in _FOLLOWERS:
                continue
            if any(tag_of(a) in _SKIP_ANCESTORS for a in el.iterancestors()):
                continue
            yield PageHit(el, {"text": text[:60]})
