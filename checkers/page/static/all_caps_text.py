"""static.all-caps-text: passages written in capital letters.

Best practice for readability (no WCAG success criterion; the German Leichte-Sprache rules of
BITV 2.0 Anlage 2 Teil 2 and the Netzwerk Leichte Sprache ask not to write whole words in
capitals): text in capitals is harder to read for people with dyslexia or low vision, and
some screen readers spell capital words letter by letter. Reported for review and as info:
at least four capital words in a row (each of two letters or more, together 20 letters or
more) in the markup text, or inline ``text-transform: uppercase`` on text of more than three
words.
Known false positives: sequences of abbreviations; legal names written in capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import declarations, innermost_matches, visible_text
from checkers.page.static._common import facts

META = page_meta(__file__)

_WORD = r"[A-ZÄÖÜ][A-ZÄÖÜß\-]+"
# Words separated by spaces (after : ! ? . too), not by commas: "FD, SOCKET, LISTEN" is a list
# of constants, not a shouted sentence.
_CAPS = re.compile(rf"\b{_WORD}(?:(?:[:!?.]?\s+){_WORD}){{3,}}\b")


def _long_enough(match: re.Match[str]) -> bool:
    """20 letters or more, in at least three different words (not "BITS BITS BITS BITS")."""
    text = match.group(0)
    distinct = {w.strip(":!?.") for w in text.split()}
    return sum(c.isalpha() for c in text) >= 20 and len(distinct) >= 3


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    reported = set()
    for el, found in innermost_matches(page, _CAPS):
        match = next((m for m in _CAPS.finditer(found.string) if _long_enough(m)), None)
        if match is None:
            continue
        reported.add(el)
        yield PageHit(el, {"text": match.group(0)[:60]})
    for el in known.elements:
        style = el.get("style")
        if not style or "uppercase" not in style or el in known.not_rendered:
            continue
        if declarations(style).get("text-transform") != "uppercase" or el in reported:
            continue
        text = visible_text(page, el)
        if len(text.split()) > 3:
            yield PageHit(el, {"text": text[:60]})
