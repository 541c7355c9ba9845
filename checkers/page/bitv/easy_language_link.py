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

from checkers.page.bitv.applicability import describe, easy_language_duty
from checkers.page.bitv.common import EASY_NAME, easy_language_links, find_links
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta

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

META = page_meta(__file__)


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
