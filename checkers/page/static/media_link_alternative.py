"""static.media-link-alternative: a link to an audio, video or image file with no text version.

WCAG 1.2.1 (Audio-only and Video-only), 1.2.2 (Captions) and 1.1.1 (Non-text Content): a link
such as "Interview anhören" to an .mp3, "Film ansehen" to an .mp4, or a link to a bare .jpg
opens media outside the page, where no transcript, captions or text alternative can be
given. Links whose address ends in a common audio, video or image extension are reported,
for review and as info, unless the link's parent text or the next paragraph mentions a
transcript ("Transkript", "Textfassung", "Untertitel", "transcript", "captions", "Text zum
Bild").
Known false positives: media with an alternative elsewhere on the page; enlarged versions
of images that are described on the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import near_text, visible_text
from checkers.page.static._common import facts
from checkers.page.static.link_name import links
from checkers.page.urls import split_url

META = page_meta(__file__)

_KINDS = {
    **dict.fromkeys(("mp3", "wav", "ogg", "oga", "m4a", "aac", "flac", "wma", "opus"), "Audio"),
    **dict.fromkeys(("mp4", "mov", "avi", "wmv", "webm", "mkv", "m4v", "mpg", "mpeg", "flv"),
                    "Video"),
    **dict.fromkeys(("jpg", "jpeg", "png", "gif", "webp", "tif", "tiff", "bmp"), "Bild"),
}
_KINDS_EN = {"Audio": "audio", "Video": "video", "Bild": "image"}
_ALTERNATIVE = re.compile(r"transkript|transcript|textfassung|textversion|mitschrift|untertitel|"
                          r"caption|subtitle|beschreibung|description|text zum|als text|"
                          r"nachlesen", re.I)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in links(page):
        href = el.get("href") or ""
        if "." not in href or el in known.excluded:
            continue
        try:
            path = split_url(href).path.lower()
        except ValueError:
            continue  # a broken address: other rules and the link checker report it
        kind = _KINDS.get(path.rsplit(".", 1)[-1]) if "." in path else None
        if kind is None:
            continue
        if kind == "Bild" and next(el.iter("img"), None) is not None:
            continue  # a thumbnail linked to its enlargement: the thumbnail's alt describes it
        context_text = near_text(page, el, 1)
        following = el.getparent().getnext() if el.getparent() is not None else None
        if following is not None and isinstance(following.tag, str):
            context_text += " " + visible_text(page, following)
        if _ALTERNATIVE.search(context_text):
            continue
        name = page.accessible_name(el)
        yield PageHit(el, {"text": name[:60], "kind": kind},
                      message={"de": META.message["de"],
                               "en": META.message["en"].replace("{kind}", _KINDS_EN[kind])})
