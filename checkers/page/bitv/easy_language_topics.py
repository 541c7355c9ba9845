"""bitv.easy-language-topics: the Leichte-Sprache page covers the four topics of § 4 BITV 2.0.

Reads the page the homepage's "Leichte Sprache" link leads to (``context.linked
["easy_language"]``) and looks, in headings and text, for the four explanations § 4 asks for:
1. the main contents of the site, 2. how to navigate it, 3. what the accessibility statement
says, 4. where further information in Leichter Sprache and Gebärdensprache is. Always
"needs review": the keywords show that a topic is addressed, not that it is explained well.
Known false positives: a topic explained in words none of the patterns know ("Das machen wir"
without "Seite"/"Inhalt"); known false negatives: any text that merely mentions "Menü".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.bitv.applicability import easy_language_duty
from checkers.page.bitv.common import hit_at
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta

_LS = r"(?:leichter?\s*sprache|geb(?:ä|ae)rden[\s\-]*sprache)"
TOPICS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "was auf der Website steht",
        "what the site contains",
        re.compile(
            r"was\s+(?:steht|finden\s+sie|gibt\s+es|k(?:ö|oe)nnen\s+sie)|inhalt"
            r"|(?:ü|ue)ber\s+(?:uns|diese|die\s+stadt|die\s+gemeinde)|wer\s+(?:sind\s+wir|wir\s+sind)"
            r"|was\s+(?:machen|tun)\s+wir|unsere\s+aufgaben|informationen\s+(?:ü|ue)ber",
            re.I,
        ),
    ),
    (
        "wie man sich auf der Website zurechtfindet",
        "how to find one's way around the site",
        re.compile(
            r"navigation|zurecht|men(?:ü|ue)|so\s+(?:benutzen|finden)\s+sie|wie\s+(?:benutzen|finden)"
            r"|suche|such-?feld|klicken",
            re.I,
        ),
    ),
    (
        "was in der Erklärung zur Barrierefreiheit steht",
        "what the accessibility statement says",
        re.compile(r"barriere[\s\-]*frei", re.I),
    ),
    (
        "wo es weitere Informationen in Leichter Sprache und Gebärdensprache gibt",
        "where further information in Leichte Sprache and sign language is",
        re.compile(
            rf"(?:weitere|mehr|andere|noch)\b[^.!?]{{0,80}}{_LS}|{_LS}[^.!?]{{0,40}}\b(?:weitere|mehr)\b"
            r"|geb(?:ä|ae)rden[\s\-]*sprache",
            re.I,
        ),
    ),
)

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.linked.get("easy_language")
    if page is None or easy_language_duty(context.bitv) == "not_required":
        return
    text = f"{page.title} {page.text}"
    missing = [(de, en) for de, en, pattern in TOPICS if not pattern.search(text)]
    if missing:
        yield hit_at(
            context,
            page,
            params={
                "url": page.url or "",
                "missing_de": "; ".join(m[0] for m in missing),
                "missing_en": "; ".join(m[1] for m in missing),
            },
        )
