"""static.ascii-art: ASCII art or text drawings in <pre> without a text alternative.

WCAG 1.1.1 (Non-text Content), technique H86: a picture drawn with characters is read by
screen readers symbol by symbol ("slash, slash, underscore ..."). It needs a text alternative
(for example role="img" with aria-label, or a figure caption) and a way to skip it. Reported
for review: a rendered <pre> without code, samp or kbd inside, with at least 3 non-empty
lines, at least 2 of them mostly symbols, more than 30 % symbols (not letters, digits or
spaces) overall, fewer than a quarter of the lines looking like program code (prompts,
keywords, calls, lines ending in ; { } , [ ]), and no aria-label, aria-labelledby or
figcaption.
Known false positives: preformatted tables drawn with | and -, text charts and diagrams that
are explained in the following text, program output without prompts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_CODE = frozenset({"code", "samp", "kbd"})
MIN_LINES = 3
MIN_SHARE = 0.3
# Program text, shell sessions and data: lines ending like code, prompts, keywords, calls.
_CODE_LINE = re.compile(
    r"[;{}\[\],:]\s*$|^\s*(?:>>>|\$\s|//|/\*|\(gdb\)|==\d+==|#(?:include|pragma|define))"
    r"|\b(?:function|return|var|let|const|int|char|void|def|if|else|for|while|print|printf|"
    r"echo|define|class|import|from|select|where)\b|=>|==|\w\(",
    re.I,
)


def _symbol_share(text: str) -> float:
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    return sum(1 for c in chars if not c.isalnum()) / len(chars)


def drawing_share(text: str) -> float | None:
    """The symbol share of a text that looks drawn, or None: at least 3 lines, 2 of them mostly
    symbols, and few lines that look like program code."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < MIN_LINES:
        return None
    code = sum(1 for line in lines if _CODE_LINE.search(line))
    if code * 4 >= len(lines):
        return None
    drawn = sum(1 for line in lines if len(line.strip()) >= 3 and _symbol_share(line) >= 0.5)
    if drawn < 2:
        return None
    share = _symbol_share(text)
    return share if share > MIN_SHARE else None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.tags("pre"):
        if el in known.excluded:
            continue
        if el.get("aria-label", "").strip() or el.get("aria-labelledby", "").strip():
            continue
        if any(isinstance(d.tag, str) and tag_of(d) in _CODE for d in el.iterdescendants()):
            continue
        parent = el.getparent()
        if parent is not None and tag_of(parent) == "figure" and parent.find("figcaption") \
                is not None:
            continue
        share = drawing_share(el.text_content())
        if share is not None:
            yield PageHit(el, {"share": round(share * 100)})
