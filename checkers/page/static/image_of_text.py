"""static.image-of-text: an image that probably shows text (a banner, a text button).

WCAG 1.4.5 (Images of Text): text shown as a picture cannot be enlarged without blur, recoloured
or reflowed. The markup cannot see pixels, so the rule is conservative and reports for review
only images whose file name says "text", "schrift", "banner", "headline", "überschrift",
"slogan", "button"/"btn" or "zitat"/"quote" and whose alt text has at least three words (text
buttons: two), i.e. it reads like a sentence. Logos (file name or alt with logo, wappen,
signet, emblem) are exempt, as WCAG allows.
Known false positives: photos that happen to be named "banner"; decorative banners with a
descriptive alt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, wcag_standards
from checkers.page.urls import split_url

META = RuleMeta(
    id="static.image-of-text",
    engine="static",
    title=de_en("Text als Grafik", "Image of text"),
    message=de_en(
        'Das Bild "{file}" zeigt wohl Text ("{alt}"). Text als Grafik lässt sich nicht '
        "anpassen.",
        'The image "{file}" probably shows text ("{alt}"). Text in an image cannot be '
        "adapted.",
    ),
    explanation=de_en(
        "Setzen Sie Text als echten HTML-Text und gestalten Sie ihn mit CSS. Nur Logos dürfen "
        "Text als Bild enthalten.",
        "Use real HTML text and style it with CSS. Only logos may contain text as images.",
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("1.4.5",),
    standards=wcag_standards("1.4.5"),
    examples=(
        Example(
            '<img id="i" src="/img/banner-sommerfest.png" alt="Sommerfest am 12. Juli '
            'auf dem Marktplatz">',
            expect="needs_review",
            at="#i",
        ),
        Example('<input id="i" type="image" src="btn_absenden.gif" alt="Jetzt absenden">',
                expect="needs_review", at="#i"),
        Example('<img src="/img/logo-schriftzug.png" alt="Stadt Musterstadt Logo">', expect=None),
        Example('<img src="/img/rathaus.jpg" alt="Das Rathaus am Marktplatz im Sommer">',
                expect=None),
        Example('<img src="/img/banner.jpg" alt="">', expect=None),
        Example('<img src="contexts.gif" alt="The set of contexts of a node">', expect=None),
    ),
)

# At the start of a name part: "banner-sommerfest.png", "schriftzug.gif", not "contexts.gif".
_TEXTY = re.compile(r"(?:^|[^a-zäöü])(?:text|schrift|banner|headline|ueberschrift|überschrift|"
                    r"slogan|zitat|quote|motto|claim)", re.I)
_BUTTON = re.compile(r"(?:^|[^a-z])(?:btn|button|knopf)(?:[^a-z]|$)", re.I)
_LOGO = re.compile(r"logo|wappen|signet|emblem", re.I)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.tags("img") + known.tags("input"):
        if tag_of(el) == "input" and (el.get("type") or "").strip().lower() != "image":
            continue
        if el in known.excluded:
            continue
        src = el.get("src") or ""
        try:
            file = unquote(split_url(src).path.rsplit("/", 1)[-1]) if src else ""
        except ValueError:
            file = unquote(src.rsplit("/", 1)[-1])
        alt = collapse(el.get("alt"))
        if not file or not alt or _LOGO.search(file) or _LOGO.search(alt):
            continue
        words = len(alt.split())
        if (_TEXTY.search(file) and words >= 3) or (_BUTTON.search(file) and words >= 2):
            yield PageHit(el, {"file": file[:60], "alt": alt[:80]})
