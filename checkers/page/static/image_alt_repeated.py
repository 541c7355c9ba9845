"""static.image-alt-repeated: different images share one text alternative.

WCAG 1.1.1 (Non-text Content); a review aid for ACT rule qt1vmo "Image accessible name is
descriptive" (not an implementation of it, so the finding names no ACT id): two
images with different sources that carry the same alt text ("Foto", "Logo", "Rathaus") cannot
both be described by it, unless they show the same thing. Reported for review on the second and
later images, with the number of images sharing the text. Images hidden from assistive
technology, decorative ones (alt=""), images named another way (aria-label) and images inside
a link or button (their alt names the target, see static.identical-links-different-targets)
are left out.
Known false positives: the same photo served in two sizes (different src, same motif).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    by_text: dict[str, list[tuple[str, object]]] = {}
    for el in known.tags("img"):
        alt = collapse(el.get("alt"))
        if not alt or el in known.excluded or el in known.not_rendered:
            continue
        if el.get("aria-label") or el.get("aria-labelledby") or el.get("role"):
            continue
        if any(a.tag in ("a", "button") for a in el.iterancestors() if isinstance(a.tag, str)):
            continue
        src = (el.get("src") or "").split("#")[0]
        by_text.setdefault(alt.casefold(), []).append((src, el))
    for images in by_text.values():
        sources = {src for src, _ in images}
        if len(sources) < 2:
            continue
        seen: set[str] = set()
        for src, el in images:
            if seen and src not in seen:
                yield PageHit(el, {"alt": collapse(el.get("alt")), "count": len(sources)})
            seen.add(src)
