"""bitv.sign-language-link: the homepage links to explanations in Deutscher Gebärdensprache.

Flags a homepage without a link or button whose accessible name says "Gebärdensprache" /
"Gebaerdensprache" / "DGS" (the alt text of the DGS logo inside a link counts) and without an
href containing gebaerdensprache or a "dgs" path segment. § 4 BITV 2.0 with Anlage 2 Teil 1 asks
for DGS videos on the Startseite of federal bodies; for Länder and municipalities the per-Land
table (``lands.yaml``) decides: failed where the duty applies, needs review where it is
conditional or unknown, nothing for associations or where the Land does not ask for it.
Known false positives: a DGS offer reachable only through a JavaScript overlay without a
matching name or href; a link named just with a hand icon and no alt text.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.bitv.applicability import describe, easy_language_duty
from checkers.page.bitv.common import sign_language_links
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta

REVIEW = de_en(
    "Auf der Startseite fehlt ein Link „Gebärdensprache“. Ob die Pflicht aus § 4 BITV 2.0 für "
    "{subject_de} gilt, ist bedingt geregelt oder uns nicht bekannt: Bitte prüfen Sie es.",
    "The homepage has no 'Gebärdensprache' (sign language) link. Whether the § 4 BITV 2.0 "
    "duty applies to {subject_en} is conditional or unknown to us: please check.",
)

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    if not context.is_homepage:
        return
    duty = easy_language_duty(context.bitv)
    if duty == "not_required" or sign_language_links(context.page):
        return
    params = describe(context.bitv)
    if duty == "needs_review":
        yield PageHit(params=params, outcome="needs_review", severity="warning", message=REVIEW)
    else:
        yield PageHit(params=params)
