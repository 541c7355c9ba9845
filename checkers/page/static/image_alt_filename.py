"""static.image-alt-filename: an alt text that is a file name or only says "Bild".

WCAG 1.1.1 (Non-text Content): content management systems often fill alt with the file name
("DSC_0012.jpg", "rathaus_2.png") or a generic word ("Bild", "Foto", "image"). Such a text
alternative tells nothing about the image. Reported for review, since a person must write the
right text.
Known false positives: images whose content really is a file name (screenshots of a file list).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_FILE = re.compile(
    r"[\w()\[\]~%+-]+(?:[ .][\w()\[\]~%+-]+)*\.(?:jpe?g|png|gif|svg|webp|bmp|tiff?|avif|ico|heic)",
    re.I,
)
_CAMERA = re.compile(r"(?:img|dsc|dscn|dscf|dcim|pict?|p|photo|foto|bild|image|screenshot)"
                     r"[ _-]?\d{2,}(?:[ _-]\d+)*", re.I)
_GENERIC = frozenset(
    """
    bild bilder foto fotos grafik abbildung image img picture photo graphic pic icon symbol
    platzhalter placeholder spacer blank alt alttext alt-text unbenannt untitled
    """.split()
)


def meaningless(alt: str, src: str | None) -> bool:
    text = collapse(alt)
    lower = text.lower().strip(" .:-_")
    if not lower:
        return False
    if lower in _GENERIC or _FILE.fullmatch(text) or _CAMERA.fullmatch(text):
        return True
    if src:
        stem = src.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
        stem = stem.rsplit(".", 1)[0].lower()
        # Only stems that look generated ("rathaus-2", "header_bg"), not "rathaus" for rathaus.jpg.
        return lower == stem and bool(re.search(r"[\d_-]", stem)) and not re.search(r"\s", lower)
    return False


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for tag in ("img", "input", "area"):
        for el in known.tags(tag):
            if tag == "input" and (el.get("type") or "").strip().lower() != "image":
                continue
            alt = el.get("alt")
            if not alt or el in known.excluded:
                continue
            if el.get("aria-label") or el.get("aria-labelledby"):
                continue  # the name does not come from alt
            if meaningless(alt, el.get("src")):
                yield PageHit(el, {"alt": collapse(alt)})
