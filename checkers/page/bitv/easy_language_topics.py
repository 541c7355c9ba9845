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

from checkers.page.bitv import samples as s
from checkers.page.bitv.applicability import easy_language_duty
from checkers.page.bitv.common import hit_at
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule

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
REVIEW = de_en(
    "Die Seite in Leichter Sprache ({url}) erklärt offenbar nicht: {missing_de}. § 4 BITV 2.0 "
    "verlangt diese Erläuterungen.",
    "The Leichte Sprache page ({url}) does not seem to explain: {missing_en}. § 4 BITV 2.0 "
    "asks for these explanations.",
)

META = RuleMeta(
    id="bitv.easy-language-topics",
    engine="bitv",
    title=de_en(
        "Seite in Leichter Sprache erklärt die vier Themen aus § 4 BITV 2.0",
        "Leichte Sprache page explains the four topics of § 4 BITV 2.0",
    ),
    message=REVIEW,
    explanation=de_en(
        "Die Seite in Leichter Sprache soll vier Dinge erklären, am besten jeweils mit einer "
        "eigenen Überschrift: 1. Was steht auf dieser Internet-Seite? 2. Wie finde ich mich "
        "zurecht (Menü, Suche)? 3. Was steht in der Erklärung zur Barriere-Freiheit? 4. Wo gibt "
        "es noch mehr Texte in Leichter Sprache und Videos in Gebärden-Sprache?",
        "The Leichte Sprache page should explain four things, ideally each under its own "
        "heading: 1. What is on this site? 2. How do I find my way (menu, search)? 3. What "
        "does the accessibility statement say? 4. Where are further texts in Leichte Sprache "
        "and videos in sign language?",
    ),
    severity="warning",
    outcome="needs_review",
    standards=("BITV 2.0 § 4", "BITV 2.0 Anlage 2 Teil 2"),
    examples=(
        Example(s.homepage(),
                expect=None,
                context={"linked": {"easy_language": (s.EASY_URL, s.EASY_LANGUAGE_PAGE)}}),
        Example(
            s.homepage(),
            expect=None,
            context={
                "bitv": s.BY_MUNICIPAL,
                "linked": {
                    "easy_language": (s.EASY_URL, "<html><body><p>Hallo.</p></body></html>")
                },
            },
        ),
        Example(
            s.homepage(),
            expect="needs_review",
            context={
                "bitv": s.BW_MUNICIPAL,
                "linked": {
                    "easy_language": (
                        s.EASY_URL,
                        '<html lang="de"><body><h1>Leichte Sprache</h1><p>Hier finden Sie '
                        "Informationen über die Stadt Musterstadt.</p><p>Oben ist das Menü."
                        "</p></body></html>",
                    )
                },
            },
        ),
    ),
)


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
