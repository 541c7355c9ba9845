"""static.aria-hidden-focus: content hidden with aria-hidden="true" can still get keyboard focus.

WCAG 4.1.2 (Name, Role, Value) and 1.3.1; ACT rule 6cfa84 "Element with aria-hidden has no
content in sequential focus navigation": keyboard users land on a link or button that screen
readers do not announce. Focusable are links and areas with href, buttons, form fields,
iframes, media with controls, summary, contenteditable and tabindex >= 0 — unless disabled,
hidden, inert or taken out of the tab order with tabindex="-1".
An element whose id an inline script listens to for focus (or with an onfocus handler) is
reported as needs_review only: focus sentinels before and after a modal dialog move focus on
at once and are not focusable in the ACT sense; whether the script does so needs a browser.
When the page was rendered, the browser focused such elements (``context.extra["focus_probe"]``):
one that passed focus on at once passes; one that kept it stays a review.
Known false positives: content made unfocusable by external scripts or hidden by CSS classes.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import (
    facts,
    in_tab_order,
    script_manages_focus,
)

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    probe = context.extra.get("focus_probe")
    for root in known.aria_hidden_roots:
        unsure = None
        for el in root.iter():
            if not isinstance(el.tag, str) or el in known.not_rendered or el in known.inert:
                continue
            if in_tab_order(el):
                if script_manages_focus(page, el):
                    # A focus sentinel: a script moves focus on as soon as it arrives, so the
                    # element is not focusable in the ACT sense. Only a browser can tell: its
                    # probe (checkers.page.rendered.focus_probe) answers when it ran.
                    # One that kept focus stays a review: its script may move focus a moment
                    # later (a timer), which the probe does not wait for.
                    if probe is not None and page.selector(el) in probe["left"]:
                        continue
                    unsure = unsure if unsure is not None else el
                    continue
                yield PageHit(root, {"focus": f"<{el.tag}>"})
                break
        else:
            if unsure is not None:
                yield PageHit(root, {"focus": f"<{unsure.tag}>"}, outcome="needs_review")
