"""bitv.easy-language-link: the homepage links to explanations in Leichter Sprache.

Flags a homepage without a link or button whose accessible name says "Leichte Sprache" (the
alt text of the Leichte-Sprache logo inside a link counts) and without an href containing
leichte-sprache / leichtesprache / leichte_sprache. § 4 BITV 2.0 with Anlage 2 Teil 2 asks for
these explanations on the Startseite of federal bodies; Länder law extends it to their own and
municipal bodies in some Länder only, so the outcome follows the per-Land table
(``lands.yaml``): failed where the duty applies, needs review where it is conditional or
unknown, nothing for an association or where the Land does not ask for it.
Known false positives: a link that only opens a "Leichte Sprache" overlay via JavaScript and
has neither the name nor the href; a logo image without alt text (that is an axe finding too).
A link named "Einfache Sprache" does not count: Einfache Sprache is not Leichte Sprache.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.bitv import samples as s
from checkers.page.bitv.applicability import describe, easy_language_duty
from checkers.page.bitv.common import EASY_NAME, easy_language_links, find_links
from checkers.page.options import BitvSettings
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule

EASY_HINT = de_en(
    " Der Link „Einfache Sprache“ zählt nicht: Einfache Sprache ist nicht Leichte Sprache.",
    " The link 'Einfache Sprache' does not count: plain language is not Leichte Sprache.",
)
REVIEW = de_en(
    "Auf der Startseite fehlt ein Link „Leichte Sprache“. Ob die Pflicht aus § 4 BITV 2.0 für "
    "{subject_de} gilt, ist bedingt geregelt oder uns nicht bekannt: Bitte prüfen Sie "
    "es.{hint_de}",
    "The homepage has no 'Leichte Sprache' link. Whether the § 4 BITV 2.0 duty applies to "
    "{subject_en} is conditional or unknown to us: please check.{hint_en}",
)

META = RuleMeta(
    id="bitv.easy-language-link",
    engine="bitv",
    title=de_en(
        "Startseite verlinkt Informationen in Leichter Sprache",
        "Homepage links to information in Leichte Sprache (easy-to-read German)",
    ),
    message=de_en(
        "Auf der Startseite fehlt ein Link „Leichte Sprache“. Für {subject_de} verlangt "
        "{law_de} Erläuterungen in Leichter Sprache auf der Startseite.{hint_de}",
        "The homepage has no 'Leichte Sprache' link. For {subject_en}, {law_en} requires "
        "explanations in Leichte Sprache on the homepage.{hint_en}",
    ),
    explanation=de_en(
        "Setzen Sie oben auf der Startseite (z. B. neben der Suche) einen Link mit dem Text "
        "„Leichte Sprache“, gern mit dem Logo für Leichte Sprache und dem Alternativtext "
        "„Leichte Sprache“. Er führt zu einer Seite in Leichter Sprache, die erklärt: was auf "
        "der Website steht, wie man sich zurechtfindet, was in der Erklärung zur "
        "Barrierefreiheit steht und wo es weitere Texte in Leichter Sprache und Gebärdensprache "
        "gibt. Gilt die Pflicht für Ihre Stelle nicht, stellen Sie Land und Art der Stelle in "
        "der Konfiguration ein (require_easy_language).",
        "Put a link with the text 'Leichte Sprache' near the top of the homepage (e.g. next to "
        "the search), ideally with the Leichte Sprache logo and the alt text 'Leichte Sprache'. "
        "It leads to a page in Leichte Sprache that explains what the site contains, how to "
        "find one's way, what the accessibility statement says and where further texts in "
        "Leichte Sprache and sign language are. If the duty does not apply to your body, set "
        "the Land and kind of body in the configuration (require_easy_language).",
    ),
    severity="error",
    standards=("BITV 2.0 § 4", "BITV 2.0 Anlage 2 Teil 2"),
    examples=(
        Example(s.homepage('<a href="/leichte-sprache/">Leichte Sprache</a>'),
                expect=None, context={"is_homepage": True, "bitv": s.BW_MUNICIPAL}),
        # The logo alone is enough when its alt text names Leichte Sprache.
        Example(s.homepage('<a href="/ls/"><img src="/logo-ls.svg" alt="Leichte Sprache"></a>'),
                expect=None, context={"is_homepage": True, "bitv": s.FEDERAL}),
        Example(s.homepage('<a href="/leichtesprache/index.html"><img src="/ls.png" alt=""></a>'),
                expect=None, context={"is_homepage": True, "bitv": s.BW_MUNICIPAL}),
        # Bavaria does not hold its municipalities to § 4 (per-Land table).
        Example(s.homepage(), expect=None, context={"is_homepage": True, "bitv": s.BY_MUNICIPAL}),
        # An association's site is never held to § 4 ...
        Example(s.homepage(), expect=None, context={"is_homepage": True, "bitv": s.ASSOCIATION}),
        # ... and only the homepage is.
        Example(s.homepage(), expect=None, context={"is_homepage": False, "bitv": s.BW_MUNICIPAL}),
        Example(s.homepage(),
                expect="failed", context={"is_homepage": True, "bitv": s.BW_MUNICIPAL}),
        Example(s.homepage('<a href="/einfach/">Einfache Sprache</a>'),
                expect="failed", context={"is_homepage": True, "bitv": s.FEDERAL}),
        # A jump link on a homepage whose own address says "leichte-sprache" is no link to a
        # Leichte-Sprache page.
        Example(s.homepage('<a href="#inhalt">Zum Inhalt</a>'),
                expect="failed", context={"is_homepage": True, "bitv": s.FEDERAL}, url="https://www.example.de/leichte-sprache-start.html"),
        Example(s.homepage('<a href="#leichte-sprache">Leichte Sprache</a>'),
                expect="failed", context={"is_homepage": True, "bitv": s.FEDERAL}),
        # Sachsen: conditional duty, so the finding needs review.
        Example(s.homepage(),
                expect="needs_review", context={"is_homepage": True, "bitv": s.SN_MUNICIPAL}),
        # A Bavarian municipality that opted in is checked.
        Example(
            s.homepage(),
            expect="failed",
            context={
                "is_homepage": True,
                "bitv": BitvSettings(land="BY", body="municipal", require_easy_language=True),
            },
        ),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    if not context.is_homepage:
        return
    duty = easy_language_duty(context.bitv)
    if duty == "not_required" or easy_language_links(context.page):
        return
    params: dict[str, str] = {**describe(context.bitv), "hint_de": "", "hint_en": ""}
    if find_links(context.page, EASY_NAME):
        params["hint_de"], params["hint_en"] = EASY_HINT["de"], EASY_HINT["en"]
    if duty == "needs_review":
        yield PageHit(params=params, outcome="needs_review", severity="warning", message=REVIEW)
    else:
        yield PageHit(params=params)
