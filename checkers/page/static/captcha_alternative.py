"""static.captcha-alternative: a CAPTCHA without a second way to solve it.

WCAG 1.1.1 (Non-text Content: CAPTCHA exception) and 3.3.8 (Accessible Authentication
(Minimum)): a picture puzzle ("Geben Sie die Zeichen im Bild ein") locks out blind users and
is a cognitive test; WCAG asks for a text alternative that names its purpose and another
modality (an audio version) or another way. Images, inputs and iframes whose src, id, name,
class or alt mention "captcha" are found; the finding is reported for review unless an
audio alternative is near (a link, button or audio element mentioning audio, anhören,
vorlesen, "Audio-Version") in the same form. Third-party widgets that handle this themselves
(reCAPTCHA, hCaptcha, Friendly Captcha and similar iframes and divs) are skipped: they need a
browser check.
Known false positives: an alternative (phone, e-mail) offered further away on the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import visible_text
from checkers.page.static._common import facts

META = page_meta(__file__)

_CAPTCHA = re.compile(r"captcha", re.I)
_THIRD_PARTY = re.compile(r"recaptcha|hcaptcha|frc-captcha|friendly-?captcha|turnstile|"
                          r"mtcaptcha|altcha", re.I)
_AUDIO = re.compile(r"audio|anhören|vorlesen|hören|listen|vorgelesen|sprachausgabe", re.I)


def _is_captcha(el) -> bool:
    values = " ".join(el.get(a) or "" for a in ("src", "id", "name", "class", "alt"))
    return bool(_CAPTCHA.search(values)) and not _THIRD_PARTY.search(values)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    if "captcha" not in page.html.lower():
        return
    for el in known.tags("img") + known.tags("iframe"):
        if el in known.excluded or not _is_captcha(el):
            continue
        scope = next((a for a in el.iterancestors() if tag_of(a) == "form"), el.getparent())
        if scope is not None:
            if next(scope.iter("audio"), None) is not None:
                continue
            if _AUDIO.search(visible_text(page, scope)):
                continue
            if any(_AUDIO.search(" ".join(a.get(k) or "" for k in ("href", "aria-label",
                                                                   "title", "alt")))
                   for a in scope.iter("a", "button", "img", "input")):
                continue
        yield PageHit(el)
