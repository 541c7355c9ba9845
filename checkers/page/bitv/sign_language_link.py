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

from checkers.page.bitv import samples as s
from checkers.page.bitv.applicability import describe, easy_language_duty
from checkers.page.bitv.common import sign_language_links
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule

REVIEW = de_en(
    "Auf der Startseite fehlt ein Link „Gebärdensprache“. Ob die Pflicht aus § 4 BITV 2.0 für "
    "{subject_de} gilt, ist bedingt geregelt oder uns nicht bekannt: Bitte prüfen Sie es.",
    "The homepage has no 'Gebärdensprache' (sign language) link. Whether the § 4 BITV 2.0 "
    "duty applies to {subject_en} is conditional or unknown to us: please check.",
)

META = RuleMeta(
    id="bitv.sign-language-link",
    engine="bitv",
    title=de_en(
        "Startseite verlinkt Informationen in Deutscher Gebärdensprache",
        "Homepage links to information in German Sign Language (DGS)",
    ),
    message=de_en(
        "Auf der Startseite fehlt ein Link „Gebärdensprache“. Für {subject_de} verlangt "
        "{law_de} Erläuterungen in Deutscher Gebärdensprache auf der Startseite.",
        "The homepage has no 'Gebärdensprache' (sign language) link. For {subject_en}, "
        "{law_en} requires explanations in German Sign Language on the homepage.",
    ),
    explanation=de_en(
        "Setzen Sie oben auf der Startseite einen Link mit dem Text „Gebärdensprache“, gern mit "
        "dem DGS-Logo und dem Alternativtext „Gebärdensprache“. Er führt zu einer Seite mit "
        "Videos in Deutscher Gebärdensprache: was auf der Website steht, wie man sich "
        "zurechtfindet, was in der Erklärung zur Barrierefreiheit steht und wo es weitere "
        "Angebote in Gebärdensprache und Leichter Sprache gibt. Jedes Video auch zum "
        "Herunterladen, mit Dateigröße und Dauer.",
        "Put a link with the text 'Gebärdensprache' near the top of the homepage, ideally with "
        "the DGS logo and the alt text 'Gebärdensprache'. It leads to a page with videos in "
        "German Sign Language: what the site contains, how to find one's way, what the "
        "accessibility statement says and where further sign-language and Leichte Sprache "
        "content is. Each video also as a download, with file size and duration.",
    ),
    severity="error",
    standards=("BITV 2.0 § 4", "BITV 2.0 Anlage 2 Teil 1"),
    examples=(
        Example(s.homepage('<a href="/gebaerdensprache/">Gebärdensprache</a>'),
                expect=None, context={"is_homepage": True, "bitv": s.BW_MUNICIPAL}),
        Example(s.homepage('<a href="/dgs/"><img src="/dgs-logo.svg" alt="DGS"></a>'),
                expect=None, context={"is_homepage": True, "bitv": s.FEDERAL}),
        Example(s.homepage(), expect=None, context={"is_homepage": True, "bitv": s.BY_MUNICIPAL}),
        Example(s.homepage(), expect=None, context={"is_homepage": True, "bitv": s.ASSOCIATION}),
        # "budgets" contains "dgs" but is no DGS link.
        Example(s.homepage('<a href="/haushalt/budgets/">Haushalt</a>'),
                expect="failed", context={"is_homepage": True, "bitv": s.BW_MUNICIPAL}),
        Example(s.homepage('<a href="/gebaerdensprachdolmetscher/">Dolmetscher buchen</a>'),
                expect="failed", context={"is_homepage": True, "bitv": s.FEDERAL}),
        Example(s.homepage(),
                expect="needs_review", context={"is_homepage": True, "bitv": s.SN_MUNICIPAL}),
        # A jump link within the page is no link to a DGS page, even at a /dgs/ address.
        Example(s.homepage('<a href="#inhalt">Zum Inhalt</a>'),
                expect="failed", context={"is_homepage": True, "bitv": s.FEDERAL}, url="https://www.example.de/dgs/"),
    ),
)


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
