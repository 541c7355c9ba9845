"""static.document-link-hint: a link to a PDF, Word or other document that does not say so.

WCAG 2.4.4 (Link Purpose) as best practice; BITV 2.0 test step 9.2.4.4 and the German
accessibility guidance ask that links to documents name the format, and ideally the size,
because they leave the browser or start a download. Links whose address ends in .pdf, .doc(x),
.xls(x), .ppt(x), .odt, .ods, .odp, .rtf, .zip, .epub, .csv are checked; the link text, title,
aria-describedby text and the text right after the link count as hint. A missing size hint
is reported as info.
Known false positives: format named by an icon that is not exposed (CSS background images).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static.link_name import links
from checkers.page.urls import split_url

META = page_meta(__file__)

_FORMATS = {
    "pdf": ("PDF", r"pdf"),
    "doc": ("Word", r"word|doc"),
    "docx": ("Word", r"word|docx?"),
    "xls": ("Excel", r"excel|xlsx?|tabelle"),
    "xlsx": ("Excel", r"excel|xlsx?|tabelle"),
    "ppt": ("PowerPoint", r"powerpoint|pptx?|präsentation"),
    "pptx": ("PowerPoint", r"powerpoint|pptx?|präsentation"),
    "odt": ("OpenDocument", r"odt|opendocument|libreoffice|openoffice"),
    "ods": ("OpenDocument", r"ods|opendocument|libreoffice|openoffice|tabelle"),
    "odp": ("OpenDocument", r"odp|opendocument|libreoffice|openoffice"),
    "rtf": ("RTF", r"rtf"),
    "zip": ("ZIP", r"zip|archiv"),
    "epub": ("EPUB", r"epub|e-book|ebook"),
    "csv": ("CSV", r"csv"),
}
_SIZE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:[kmg]i?b|[kmg]byte|bytes?|seiten|pages)\b", re.I)


_EXTENSION = re.compile(
    r"\.(" + "|".join(_FORMATS) + r")(?:[?#]|$)", re.I
)


def extension(href: str) -> str | None:
    """The document format from the path of the URL (query and fragment ignored)."""
    match = _EXTENSION.search(href.strip())
    if match is None:
        return None
    path = split_url(href.strip()).path.lower()  # only for the few candidates
    ext = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return ext if ext in _FORMATS else None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    for el in links(page):
        href = el.get("href")
        ext = extension(href) if href else None
        if ext is None:
            continue
        label, pattern = _FORMATS[ext]
        name = page.accessible_name(el)
        hints = [name, collapse(el.get("title")), collapse(el.tail)[:60]]
        hints.extend(
            collapse(ref.text_content())
            for ref in (page.by_id(i) for i in (el.get("aria-describedby") or "").split())
            if ref is not None
        )
        # Icons inside the link often carry the format in alt or title.
        hints.extend(collapse(img.get("alt") or img.get("title")) for img in el.iter("img"))
        text = " ".join(hints)
        params = {"text": name or href, "format": label}
        if not re.search(rf"(?<![a-z])(?:{pattern})(?![a-z])", text, re.I):
            yield PageHit(el, params)
        elif not _SIZE.search(text):
            yield PageHit(
                el, params, severity="info",
                message=de_en(
                    'Beim Link "{text}" ({format}) fehlt die Dateigröße.',
                    'The link "{text}" ({format}) does not give the file size.',
                ),
            )
