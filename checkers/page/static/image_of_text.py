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
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts
from checkers.page.urls import split_url

META = page_meta(__file__)

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
