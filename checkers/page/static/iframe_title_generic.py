"""static.iframe-title-generic: an iframe title that says nothing about the frame.

WCAG 4.1.2 (Name, Role, Value) and 2.4.1 (Bypass Blocks): screen readers announce a frame by
its title, and users pick frames from a list by it. A title such as "iframe", "Inhalt" or the
file name of the framed page does not tell what the frame holds. (A missing or empty title is
static.iframe-title's.) Reported for review: a rendered iframe in the accessibility tree
whose title is one generic word (optionally with a number), only the name of a platform
("YouTube video player", "Facebook", "Google Maps"), or equals the file name of its src
(with or without extension).
Known false positives: a frame whose file name really is its best description; a page
that names the embedded content right next to the frame.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_GENERIC = re.compile(
    r"(?:i?frame|content|contents|inhalt|inhalte|widget|embed|embedded|untitled|unbenannt|"
    r"title|titel|null|undefined|none|blank|empty|leer|default|test|placeholder|platzhalter)"
    r"[ _-]?\d*"
    # a platform's name alone says nothing about the embedded video, post or map
    r"|(?:facebook|youtube|vimeo|twitter|x|instagram|tiktok|linkedin|google\s*maps|"
    r"openstreetmap|google|maps?|karte|video|player|social\s*media)"
    r"(?:\s*(?:video\s*)?(?:player|embed|widget|iframe|frame|plugin|inhalt|content))?",
    re.I,
)


def _stem(src: str) -> str:
    name = src.split("?", maxsplit=1)[0].split("#", maxsplit=1)[0].rstrip("/").rsplit("/", 1)[-1]
    return name.lower()


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.tags("iframe"):
        title = collapse(el.get("title"))
        if not title or el in known.excluded:
            continue
        if el.get("aria-label", "").strip() or el.get("aria-labelledby", "").strip():
            continue
        lower = title.lower().strip(" .:")
        generic = bool(_GENERIC.fullmatch(lower))
        if not generic:
            name = _stem(el.get("src") or "")
            generic = bool(name) and lower in (name, name.rsplit(".", 1)[0]) and (
                "." in name or lower == name)
        if generic:
            yield PageHit(el, {"title": title[:60]})
