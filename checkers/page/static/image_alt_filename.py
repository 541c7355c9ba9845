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
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.image-alt-filename",
    engine="static",
    title=de_en("Alternativtext ohne Aussage", "Meaningless text alternative"),
    message=de_en(
        'Der Alternativtext "{alt}" beschreibt das Bild nicht.',
        'The text alternative "{alt}" does not describe the image.',
    ),
    explanation=de_en(
        "Schreiben Sie statt Dateinamen oder „Bild“ kurz, was das Bild zeigt oder wozu es "
        'dient. Schmuckbilder bekommen alt="".',
        'Instead of a file name or "image", say briefly what the image shows or what it is '
        'for. Decorative images get alt="".',
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("1.1.1",),
    standards=wcag_standards("1.1.1"),
    examples=(
        Example('<img id="i" src="x.jpg" alt="DSC_0012.JPG">', expect="needs_review", at="#i"),
        Example('<img id="i" src="x.jpg" alt="bild.png">', expect="needs_review", at="#i"),
        Example('<img id="i" src="x.jpg" alt="Bild">', expect="needs_review", at="#i"),
        Example('<img id="i" src="x.jpg" alt="IMG_4711">', expect="needs_review", at="#i"),
        Example('<img id="i" src="/m/rathaus-2.jpg" alt="rathaus-2">',
                expect="needs_review", at="#i"),
        Example('<input id="i" type="image" src="go.png" alt="go.png">',
                expect="needs_review", at="#i"),
        Example('<img src="x.jpg" alt="Rathaus am Marktplatz">', expect=None),
        Example('<img src="x.jpg" alt="">', expect=None),
        Example('<img src="x.jpg" alt="Bild: Rathaus im Winter">', expect=None),
        Example('<img src="x.jpg" alt="Bild" aria-hidden="true">', expect=None),
    ),
)

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
