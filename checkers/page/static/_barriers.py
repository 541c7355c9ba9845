"""Helpers shared by the barrier rules (event handlers, inline styles, style elements, text blocks).

Not a rule module. Everything is computed once per page and cached, like ``_common.facts``:
the style elements' rules, the visible text of text blocks, the inline handler attributes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from checkers.page.dom import HtmlElement, Page, collapse, style_declarations, tag_of
from checkers.page.static._common import NOT_RENDERED, facts

# Block elements that hold running text (the innermost matching one is reported; inline
# elements such as strong or a count as part of their block).
TEXT_BLOCKS = frozenset(
    """
    p li td th dd dt label legend caption figcaption h1 h2 h3 h4 h5 h6 blockquote div
    section article aside header footer main address summary form fieldset nav details
    """.split()
)
_CODE = frozenset({"pre", "code", "kbd", "samp", "var", "script", "style", "template",
                   "noscript"})
_BRACE = re.compile(r"[{}]")
# Handlers that do nothing a user would want (stop a bubbling click, cancel a default).
_TRIVIAL = re.compile(
    r"\A\s*(?:(?:javascript:)?\s*(?:return\s+(?:false|true)|void\s*\(?\s*0\s*\)?|"
    r"(?:event|e)\.(?:stopPropagation|preventDefault)\(\)|;)\s*;?\s*)*\Z",
    re.I,
)


@dataclass(slots=True)
class CssRule:
    style: HtmlElement  # the <style> element
    selector: str
    declarations: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Cache:
    css: list[CssRule] | None = None
    words: tuple[frozenset[str], frozenset[str]] | None = None
    raw_text: str | None = None
    block_text: dict[HtmlElement, str] = field(default_factory=dict)
    prose: dict[HtmlElement, str] = field(default_factory=dict)


_CACHE: WeakKeyDictionary[Page, _Cache] = WeakKeyDictionary()


def _cache(page: Page) -> _Cache:
    found = _CACHE.get(page)
    if found is None:
        found = _Cache()
        _CACHE[page] = found
    return found


def declarations(style: str | None) -> dict[str, str]:
    """Inline style or rule body as {property: value}, lower case: the page's own parser
    (cascade with !important), after CSS comments are removed."""
    if not style:
        return {}
    parsed = style_declarations(strip_css_comments(style))
    return {name: collapse(value) for name, value in parsed.items()}


def strip_css_comments(css: str) -> str:
    """CSS without ``/* ... */`` comments (an unclosed one runs to the end, as in CSS).
    One forward scan: a regular expression with a lazy ``.*?`` rescanned the rest of the text
    from every unclosed ``/*`` and made hostile style sheets quadratic."""
    if "/*" not in css:
        return css
    parts: list[str] = []
    position = 0
    while True:
        start = css.find("/*", position)
        if start < 0:
            parts.append(css[position:])
            break
        parts.append(css[position:start])
        end = css.find("*/", start + 2)
        if end < 0:
            break
        position = end + 2
    return "".join(parts)


def innermost_blocks(css: str) -> Iterator[tuple[str, str]]:
    """(prelude, body) of every block that holds no other block: the selector is the text since
    the previous brace. Linear in the text: each brace is looked at once (a backtracking
    expression tried every start position of a brace-less text and was quadratic)."""
    after_brace = 0
    open_at = -1
    prelude_start = 0
    for match in _BRACE.finditer(css):
        position = match.start()
        if match.group() == "{":
            open_at, prelude_start = position, after_brace
        elif open_at >= 0:
            yield css[prelude_start:open_at], css[open_at + 1 : position]
            open_at = -1
        after_brace = position + 1


def css_rules(page: Page) -> list[CssRule]:
    """The rules of the page's <style> elements (innermost blocks; @media wrappers dropped)."""
    cache = _cache(page)
    if cache.css is None:
        rules: list[CssRule] = []
        for style in facts(page).tags("style"):
            text = strip_css_comments(style.text or "")
            for raw, body in innermost_blocks(text):
                selector = collapse(raw)
                if selector.startswith("@"):
                    continue  # @font-face, @page
                rules.append(CssRule(style, selector, declarations(body)))
        cache.css = rules
    return cache.css


_PUNCT = ".,;:!?()[]{}„“”\"'»«›‹–—-/*…"


def raw_text(page: Page) -> str:
    """The body text for prefilters: fast (lxml's own iteration), script and style left out,
    but text hidden by attributes or inline styles included. Never report from it."""
    cache = _cache(page)
    if cache.raw_text is None:
        known = facts(page)
        body = next(iter(known.tags("body")), None)
        tags = [t for t in known.by_tag if t not in NOT_RENDERED]
        cache.raw_text = " ".join(body.itertext(*tags)) if body is not None and tags else ""
    return cache.raw_text


def words(page: Page) -> tuple[frozenset[str], frozenset[str]]:
    """The words of the page's visible text, as written and in lower case (a cheap prefilter
    for the word-list rules: a page without any trigger word skips the big expressions)."""
    cache = _cache(page)
    if cache.words is None:
        raw = frozenset(w.strip(_PUNCT) for w in raw_text(page).split())
        cache.words = (raw, frozenset(w.lower() for w in raw))
    return cache.words


def trivial_handler(code: str | None) -> bool:
    return code is None or bool(_TRIVIAL.match(code))


def visible_text(page: Page, el: HtmlElement) -> str:
    """Rendered text of an element (hidden parts left out), cached."""
    cache = _cache(page).block_text
    text = cache.get(el)
    if text is None:
        text = collapse(" ".join(page.texts(el)))
        cache[el] = text
    return text


def innermost_matches(
    page: Page, pattern: re.Pattern[str], tags: frozenset[str] = TEXT_BLOCKS
) -> Iterator[tuple[HtmlElement, re.Match[str]]]:
    """Innermost rendered text blocks whose prose matches (code, pre, kbd and samp left out:
    program text is not an instruction); a quick test on the whole page text first, so pages
    without a match cost one regex search."""
    if not pattern.search(raw_text(page)):
        return
    known = facts(page)
    body = next(iter(known.tags("body")), None)
    if body is None:
        return
    matched: list[tuple[HtmlElement, re.Match[str]]] = []
    for el in body.iter():
        if not isinstance(el.tag, str) or tag_of(el) not in tags:
            continue
        if el in known.not_rendered:
            continue
        found = pattern.search(prose_text(page, el))
        if found:
            matched.append((el, found))
    inner = {el for el, _ in matched}
    for el, found in matched:
        if any(other is not el and other in inner for other in el.iterdescendants()):
            continue
        yield el, found


def prose_text(page: Page, el: HtmlElement) -> str:
    """Rendered text of an element without program code, cached."""
    cache = _cache(page).prose
    text = cache.get(el)
    if text is None:
        known = facts(page)
        parts: list[str] = []
        _prose(el, known.not_rendered, parts)
        text = collapse(" ".join(parts))
        cache[el] = text
    return text


def _prose(el: HtmlElement, hidden: set[HtmlElement], parts: list[str]) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and child not in hidden and tag_of(child) not in _CODE:
            _prose(child, hidden, parts)
        if child.tail:
            parts.append(child.tail)


def near_text(page: Page, el: HtmlElement, levels: int = 2) -> str:
    """Rendered text of the element's parent (or grandparent): the context a reader sees."""
    node = el
    for _ in range(levels):
        parent = node.getparent()
        if parent is None or tag_of(parent) in ("body", "html"):
            break
        node = parent
    return visible_text(page, node)
