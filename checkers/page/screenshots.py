"""Pictures of the failed elements, taken in the browser that holds the audited page.

A person fixing a barrier first has to find the element; a picture of it next to the advice
does that faster than a CSS selector. Only the web report asks for them (option
``AuditOptions.screenshots``, off for the CLI and the API, whose JSON stays the same): they cost
about 50-100 ms each, so a page gets at most ``limit`` of them.

Skipped: elements that are not shown, have no size, are the whole page (``html``/``body``) or
are larger than the window (a picture of half the page does not point anywhere).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 30
_WHOLE_PAGE = ("html", "body", "head")
# Elements larger than this (CSS px) are not pictured; the window is 1280 x 1024.
_MAX_WIDTH = 1280
_MAX_HEIGHT = 900


def failed_selectors(violations: Iterable[dict[str, Any]]) -> list[str]:
    """The selectors of axe's failed nodes, in report order, each once; nodes inside frames
    or shadow roots (a list target) cannot be addressed from the top document and are left."""
    seen: dict[str, None] = {}
    for rule in violations:
        for node in rule.get("nodes") or []:
            selector = node.get("a11ySelector")
            target = node.get("target") or []
            if not selector and len(target) == 1 and isinstance(target[0], str):
                selector = target[0]
            if selector and selector.split(" > ")[-1] not in _WHOLE_PAGE:
                seen.setdefault(selector, None)
    return list(seen)


def capture(driver: Any, selectors: Iterable[str], limit: int = DEFAULT_LIMIT) -> dict[str, str]:
    """PNG pictures (base64) by selector, at most ``limit``; an element that cannot be pictured
    is left out, never an error: the audit result matters more than its pictures."""
    pictures: dict[str, str] = {}
    for selector in selectors:
        if len(pictures) >= limit:
            break
        try:
            element = driver.find_element(By.CSS_SELECTOR, selector)
            if not element.is_displayed():
                continue
            size = element.size
            if not size or size["width"] < 1 or size["height"] < 1:
                continue
            if size["width"] > _MAX_WIDTH or size["height"] > _MAX_HEIGHT:
                continue
            driver.execute_script(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element
            )
            pictures[selector] = element.screenshot_as_base64
        except WebDriverException as error:
            log.debug("no screenshot of %s: %s", selector, error)
    return pictures
