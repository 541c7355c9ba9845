"""static.img-empty-alt-large: a large image marked as decorative with alt="".

WCAG 1.1.1 (Non-text Content): alt="" tells screen readers to skip the image. That is right
for decoration, but a large picture (width and height attributes of at least 150 x 100
pixels) is more often content: a photo, a chart, a map. Such images are reported for
review and as info, so a person can confirm that they are decorative. Skipped: images in a
link or button (the control's text names them), in a figure with a figcaption, hidden
images, images marked role=presentation/none as well, and file names that say decoration
(spacer, background, border, divider, shadow).
Known false positives: large decorative banners and mood pictures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import explicit_role, facts

META = page_meta(__file__)

_SIZE = re.compile(r"\s*(\d+)\s*(?:px)?\s*\Z", re.I)
_DECOR = re.compile(r"spacer|blank|background|\bbg[-_.]|border|divider|shadow|trenn|"
                    r"hintergrund|deko|ornament|pixel", re.I)
_CONTROLS = frozenset({"a", "button"})


def _size(value: str | None) -> int | None:
    found = _SIZE.match(value or "")
    return int(found.group(1)) if found else None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.tags("img"):
        alt = el.get("alt")
        if alt is None or alt.strip() or el in known.excluded:
            continue
        width, height = _size(el.get("width")), _size(el.get("height"))
        if width is None or height is None or width < 150 or height < 100:
            continue
        if explicit_role(el) in ("presentation", "none") or _DECOR.search(el.get("src") or ""):
            continue
        if _in_control_or_figure(el):
            continue
        yield PageHit(el, {"width": width, "height": height})


def _in_control_or_figure(el) -> bool:
    for node in el.iterancestors():
        tag = tag_of(node)
        if tag in _CONTROLS or explicit_role(node) in ("link", "button"):
            return True
        if tag == "figure" and any(tag_of(c) == "figcaption" for c in node):
            return True
    return False
