"""static.object-alt: an object element showing an image, audio or video without a name.

WCAG 1.1.1 (Non-text Content), ACT rule 8fc3b6 "Object element rendering non-text content has
non-empty accessible name". What an object renders is judged from its type attribute or the
file extension of its data URL (image, audio, video); other objects (HTML, PDF, plug-ins) are
left alone. The name comes from aria-labelledby, aria-label or title.
Known false positives: none known; objects whose resource fails to load show their fallback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)

_EXTENSIONS = {
    "image": r"jpe?g|png|gif|svg|webp|bmp|avif",
    "audio": r"mp3|wav|oga|ogg|m4a|aac|flac|opus",
    "video": r"mp4|webm|ogv|mov|m4v|avi",
}


def kind_of(type_value: str, data: str) -> str | None:
    mime = type_value.strip().lower().split("/", 1)[0]
    if mime in _EXTENSIONS:
        return mime
    path = data.split("?", 1)[0].split("#", 1)[0].lower()
    for kind, pattern in _EXTENSIONS.items():
        if re.search(rf"\.(?:{pattern})$", path):
            return kind
    return None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("object"):
        if el in known.excluded or explicit_role(el) is not None:
            continue
        kind = kind_of(el.get("type") or "", el.get("data") or "")
        if kind is None:
            continue
        if not page.accessible_name(el):
            yield PageHit(el, {"kind": kind})
