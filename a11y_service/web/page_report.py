"""The page audit report for people: findings grouped by page region and severity.

Each group entry is one rule with the advice of :mod:`checkers.page.advice` (the same the CLI
and the HTML report print), the affected elements with their picture, and a count, so a rule
that fires on 40 elements (or on the page as a whole) is one entry, not 40.
"""

from __future__ import annotations

import base64
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from checkers.page.advice import Advice, advise
from checkers.report import Finding, Report

REGIONS: tuple[tuple[str, str, str], ...] = (
    ("page", "Die ganze Seite", "The whole page"),
    ("header", "Kopfbereich", "Header"),
    ("nav", "Navigation", "Navigation"),
    ("main", "Hauptinhalt", "Main content"),
    ("footer", "Fußbereich", "Footer"),
    ("other", "Andere Stellen", "Other places"),
)
LEVELS: tuple[tuple[str, str, str], ...] = (
    ("error", "Fehler: muss behoben werden", "Errors: must be fixed"),
    ("warning", "Warnungen: sollte behoben werden", "Warnings: should be fixed"),
    ("review", "Bitte selbst prüfen", "Please check yourself"),
    ("info", "Hinweise", "Hints"),
)
_LANDMARK_TAGS = {"header": "header", "nav": "nav", "main": "main", "footer": "footer"}
_LANDMARK_ROLES = {
    "banner": "header",
    "navigation": "nav",
    "main": "main",
    "contentinfo": "footer",
}
# Elements listed per entry; the rest is counted ("and 12 more").
MAX_ELEMENTS_SHOWN = 10


@dataclass(slots=True)
class ShownElement:
    selector: str
    snippet: str | None
    message: str | None  # only when it differs from the entry's first message
    picture: str | None  # URL of the element's picture
    facts: tuple[tuple[str, str], ...] = ()
    colours: tuple[str, ...] = ()


@dataclass(slots=True)
class Entry:
    anchor: str
    advice: Advice
    message: str
    count: int
    elements: list[ShownElement] = field(default_factory=list)
    hidden: int = 0


@dataclass(slots=True)
class LevelGroup:
    key: str
    label: str
    entries: list[Entry]


@dataclass(slots=True)
class RegionGroup:
    key: str
    label: str
    count: int
    levels: list[LevelGroup]


class PictureStore:
    """Element pictures for report pages, in memory for an hour, at most ``capacity``.

    The web app's CSP allows images only from itself, so pictures are served from here rather
    than inlined as data: URLs.
    """

    def __init__(self, capacity: int = 2_000, ttl: float = 3600.0) -> None:
        self.capacity = capacity
        self.ttl = ttl
        self._items: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, png_base64: str) -> str:
        data = base64.b64decode(png_base64)
        key = secrets.token_urlsafe(16)
        now = time.monotonic()
        with self._lock:
            self._items[key] = (now, data)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
        return key

    def get(self, key: str) -> bytes | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            if time.monotonic() - item[0] > self.ttl:
                del self._items[key]
                return None
            return item[1]


def _region_of_element(element: Any) -> str:
    node = element
    while node is not None:
        tag = node.tag if isinstance(node.tag, str) else ""
        role = (node.get("role") or "").strip().lower() if hasattr(node, "get") else ""
        if role in _LANDMARK_ROLES:
            return _LANDMARK_ROLES[role]
        if tag.lower() in _LANDMARK_TAGS:
            return _LANDMARK_TAGS[tag.lower()]
        node = node.getparent()
    return "other"


def _region_from_selector(selector: str) -> str:
    for part in reversed([p.strip() for p in selector.split(">")]):
        tag = part.split(":")[0].split("#")[0].split(".")[0].split("[")[0].lower()
        if tag in _LANDMARK_TAGS:
            return _LANDMARK_TAGS[tag]
    return "other"


def region_of(finding: Finding, advice: Advice, page: Any = None) -> str:
    if advice.page_level:
        return "page"
    selector = finding.location.selector or ""
    if page is not None and ">>" not in selector:
        try:
            matches = page.select(selector)
        except ValueError:
            matches = []
        if matches:
            return _region_of_element(matches[0])
    return _region_from_selector(selector)


def axe_check_data(axe: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """axe's check data by (rule id, selector), from the raw results."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    if axe is None:
        return found
    for rule in [*axe.violations, *axe.incomplete]:
        for node in rule.get("nodes") or []:
            target = node.get("target") or []
            selector = node.get("a11ySelector") or (
                target[0] if len(target) == 1 and isinstance(target[0], str) else ""
            )
            for check in [
                *(node.get("any") or []),
                *(node.get("all") or []),
                *(node.get("none") or []),
            ]:
                data = check.get("data")
                if isinstance(data, dict) and data:
                    found.setdefault((f"axe.{rule.get('id')}", selector), data)
                    break
    return found


def group_report(
    report: Report,
    lang: str,
    page: Any = None,
    axe: Any = None,
    pictures: PictureStore | None = None,
    bitv_settings: Any = None,
) -> list[RegionGroup]:
    """Regions (in page order) -> severity levels -> one entry per rule."""
    check_data = axe_check_data(axe)
    screenshots: dict[str, str] = dict(getattr(axe, "screenshots", None) or {})
    picture_urls: dict[str, str] = {}
    buckets: dict[str, dict[str, dict[tuple[str, str], Entry]]] = {}
    for finding in report.findings:
        selector = finding.location.selector or ""
        data = check_data.get((finding.rule_id, selector))
        advice = advise(finding, lang, data, bitv_settings)
        region = region_of(finding, advice, page)
        level = "review" if finding.outcome == "needs_review" else finding.severity
        entries = buckets.setdefault(region, {}).setdefault(level, {})
        key = (finding.rule_id, finding.outcome)
        entry = entries.get(key)
        if entry is None:
            anchor = f"r-{region}-{level}-{len(entries) + 1}"
            entry = entries[key] = Entry(
                anchor=anchor, advice=advice, message=finding.message, count=0
            )
        entry.count += 1
        if len(entry.elements) >= MAX_ELEMENTS_SHOWN or not selector:
            entry.hidden += 1 if selector else 0
            continue
        picture = None
        if pictures is not None and selector in screenshots:
            if selector not in picture_urls:
                picture_urls[selector] = (
                    f"/seite-pruefen/bild/{pictures.put(screenshots[selector])}"
                )
            picture = picture_urls[selector]
        # Per element: its own measured values (each element has its own colours).
        facts, colours = advice.facts, advice.colours
        entry.elements.append(
            ShownElement(
                selector=selector,
                snippet=finding.location.snippet,
                message=finding.message if finding.message != entry.message else None,
                picture=picture,
                facts=facts,
                colours=colours,
            )
        )
    groups: list[RegionGroup] = []
    for key, de, en in REGIONS:
        levels = buckets.get(key)
        if not levels:
            continue
        shown = [
            LevelGroup(level, en_label if lang == "en" else de_label, list(levels[level].values()))
            for level, de_label, en_label in LEVELS
            if level in levels
        ]
        count = sum(e.count for group in shown for e in group.entries)
        groups.append(RegionGroup(key, en if lang == "en" else de, count, shown))
    return groups
