"""static.blink-marquee: blinking or scrolling text with <blink> or <marquee>.

WCAG 2.2.2 (Pause, Stop, Hide): moving text that starts by itself and cannot be paused is
hard to read and distracts people with attention or reading difficulties. marquee moves until
stopped by script; blink is obsolete but still found in old pages.
Known false positives: a marquee with scrollamount="0" or one stopped by script.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for tag in ("marquee", "blink"):
        for el in known.tags(tag):
            if el in known.not_rendered:
                continue
            if tag == "marquee" and (el.get("scrollamount") or "").strip() == "0":
                continue
            yield PageHit(el, {"tag": tag})
