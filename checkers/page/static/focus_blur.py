"""static.focus-blur: a script takes the keyboard focus away as soon as an element gets it.

WCAG 2.1.1 (Keyboard), 2.4.7 (Focus Visible) and 3.2.1 (On Focus), technique failure F55:
``onfocus="this.blur()"`` (or ``blur()`` in an onfocus/onfocusin handler) throws keyboard
users off the element; they can never operate it and may lose their place. The handler is
read from the markup, so this is a failure. Hidden elements are skipped.
Known false positives: none known for inline handlers; the same done by addEventListener is
not seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_BLUR = re.compile(r"(?:\bthis|\bevent\.target|\be\.target)\.blur\s*\(|^\s*blur\s*\(", re.I)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.elements:
        code = el.get("onfocus") or el.get("onfocusin")
        if not code or el in known.not_rendered:
            continue
        if _BLUR.search(code):
            short = code.strip()
            yield PageHit(el, {"tag": tag_of(el), "code": short[:60]})
