"""Shared vocabulary of the BITV rules: link finders, the statement page, sections, dates, status.

Rule modules stay small: they decide *what* is missing and *what to tell the editor*; the
German-language patterns (ä/ae spellings, hyphenated Leichte-Sprache forms such as
"Barriere-Freiheit") live here once, so ``discover()`` and the rules agree on what a link is.
"""

from __future__ import annotations

import calendar
import re
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import wraps
from typing import Any
from urllib.parse import unquote, urlunsplit

from checkers.document.blocks import Block
from checkers.page.bitv.applicability import statement_duty
from checkers.page.dom import HtmlElement, Page, collapse, tag_of
from checkers.page.rule import PageContext, PageHit
from checkers.page.urls import split_url
from checkers.text.grammar import month_numbers
from checkers.text.segment import segment

# ---------------------------------------------------------------------------- link vocabulary

LS_NAME = re.compile(r"leichte[\s\-_]*sprache", re.I)
LS_HREF = re.compile(r"leichte[-_]?sprache", re.I)
EASY_NAME = re.compile(r"einfache[\s\-_]*sprache", re.I)  # not Leichte Sprache: hint only
DGS_NAME = re.compile(r"geb(?:ä|ae)rden[\s\-_]*sprache\b|\bDGS\b", re.I)
# "dgs" only as a whole path segment or word ("/dgs/", "?lang=dgs"), not inside "budgets".
DGS_HREF = re.compile(r"geb(?:ä|ae)rden[-_]?sprache|(?:^|[/_.\-?=#&])dgs(?:[/_.\-?=#&]|$)", re.I)
STATEMENT_NAME = re.compile(
    r"erkl(?:ä|ae)rung\s+zur\s+(?:digitalen\s+)?barriere[\s\-]*freiheit"
    r"|barriere[\s\-]*freiheits[\s\-]*erkl(?:ä|ae)rung",
    re.I,
)
# A link named just "Barrierefreiheit" (the short footer form) counts, but less surely.
STATEMENT_WEAK_NAME = re.compile(r"(?:digitale\s+)?barriere[\s\-]*freiheit", re.I)
STATEMENT_HREF = re.compile(
    r"erkl(?:ae|ä)rung[-_]?zur[-_]?(?:digitalen[-_]?)?barriere[-_]?freiheit"
    r"|barriere[-_]?freiheits[-_]?erkl(?:ae|ä)rung",
    re.I,
)
STATEMENT_WEAK_HREF = re.compile(r"/barrierefreiheit(?:\.html?|\.php|/)?(?:[?#]|$)", re.I)
_NOT_A_TARGET = ("mailto:", "tel:", "javascript:", "data:")

ROLES = ("statement", "easy_language", "sign_language")
# The statement's section on the Schlichtungs-/Durchsetzungsverfahren.
ENFORCEMENT_TOPIC = re.compile(r"schlichtung|durchsetzung|ombud", re.I)


@dataclass(frozen=True, slots=True)
class LinkMatch:
    element: HtmlElement
    name: str
    url: str | None  # absolute; None for a button without a target
    href: str | None  # as written in the markup


def link_elements(page: Page) -> Iterator[HtmlElement]:
    """Links and buttons a visitor can reach: <a href>, <area href>, <button>, role=link/button."""
    for el in page.iter():
        tag = tag_of(el)
        role = page.role(el)
        if (
            (tag in ("a", "area") and el.get("href") is not None)
            or tag == "button"
            or role in ("link", "button")
        ) and not page.hidden(el):
            yield el


def _href_key(url: str | None) -> str:
    """The part of a URL worth matching words in: path, query and fragment, percent-decoded."""
    if not url:
        return ""
    parts = split_url(url)
    return unquote(f"{parts.path}?{parts.query}#{parts.fragment}")


def _target(el: HtmlElement) -> str | None:
    href = el.get("href") or el.get("data-href") or el.get("formaction")
    if href is None:
        return None
    href = href.strip()
    if not href or href.lower().startswith(_NOT_A_TARGET) or href == "#":
        return None
    return href


def find_links(
    page: Page,
    name: re.Pattern[str] | None = None,
    href: re.Pattern[str] | None = None,
    fullmatch: bool = False,
) -> list[LinkMatch]:
    """Links whose accessible name (alt text of a logo image included) or href matches."""
    found: list[LinkMatch] = []
    for el in link_elements(page):
        raw = _target(el)
        url = page.absolute(raw) if raw else None
        if _same_page_anchor(page, raw, url):
            # "#inhalt" jumps within this page: never a link to the statement, the Leichte
            # Sprache or the DGS page, whatever the page's own address contains.
            continue
        label = page.accessible_name(el) or collapse(el.get("title"))
        by_name = name is not None and bool(
            name.fullmatch(label) if fullmatch else name.search(label)
        )
        by_href = href is not None and bool(href.search(_href_key(url or raw)))
        if by_name or by_href:
            found.append(LinkMatch(el, label, url, raw))
    return found


def _same_page_anchor(page: Page, raw: str | None, url: str | None) -> bool:
    """A link to a place on the page itself: "#top", or the page's own URL with a fragment."""
    if not raw:
        return False
    if raw.strip().startswith("#"):
        return True
    return bool(
        "#" in raw and page.url and url and normalize_url(url) == normalize_url(page.url)
    )


def normalize_url(url: str | None) -> str:
    """For comparing targets: no fragment, no trailing slash, lower-case scheme and host."""
    if not url:
        return ""
    parts = split_url(url.strip())
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def host_of(url: str | None) -> str:
    if not url:
        return ""
    return (split_url(url).hostname or "").lower().rstrip(".")


def host_allowed(url: str | None, hosts: Iterable[str]) -> bool:
    host = host_of(url)
    return bool(host) and any(host == h or host.endswith("." + h) for h in hosts)


def easy_language_links(page: Page) -> list[LinkMatch]:
    return find_links(page, LS_NAME, LS_HREF)


def sign_language_links(page: Page) -> list[LinkMatch]:
    return find_links(page, DGS_NAME, DGS_HREF)


def statement_links(page: Page, statement_url: str | None = None) -> list[LinkMatch]:
    """Links to the statement, surest first: the configured URL, the full name, the href, the
    short name "Barrierefreiheit", a /barrierefreiheit path."""
    ranked: list[LinkMatch] = []
    if statement_url:
        wanted = normalize_url(page.absolute(statement_url))
        ranked += [
            m for m in find_links(page, href=re.compile(".")) if normalize_url(m.url) == wanted
        ]
    ranked += find_links(page, STATEMENT_NAME)
    ranked += find_links(page, href=STATEMENT_HREF)
    ranked += find_links(page, STATEMENT_WEAK_NAME, fullmatch=True)
    ranked += find_links(page, href=STATEMENT_WEAK_HREF)
    seen: set[int] = set()
    unique: list[LinkMatch] = []
    for match in ranked:
        if id(match.element) not in seen:
            seen.add(id(match.element))
            unique.append(match)
    return unique


def first_url(matches: Iterable[LinkMatch]) -> str | None:
    return next((m.url for m in matches if m.url), None)


# ---------------------------------------------------------------------------- the statement


def is_statement(page: Page) -> bool:
    """The page is an accessibility statement: its <title> or an h1 names it."""
    if STATEMENT_NAME.search(page.title):
        return True
    return any(STATEMENT_NAME.search(h.text) for h in headings(page) if h.level == 1)


def statement_page(context: PageContext) -> Page | None:
    """The statement the rules read: the linked one, or the audited page when it is one."""
    linked = context.linked.get("statement")
    if linked is not None:
        return linked
    return context.page if is_statement(context.page) else None


def hit_at(
    context: PageContext, page: Page, element: HtmlElement | None = None, **kw: Any
) -> PageHit:
    """A hit about ``page``, which may be another page than the audited one."""
    if page is context.page:
        return PageHit(element=element, **kw)
    return PageHit(
        url=page.url,
        selector=page.selector(element) if element is not None else None,
        snippet=page.snippet(element) if element is not None else None,
        **kw,
    )


def public_body_duty(
    check: Callable[[PageContext], Iterable[PageHit]],
) -> Callable[[PageContext], Iterator[PageHit]]:
    """Statement duties bind public bodies; for associations and other bodies every hit becomes an
    ``info`` hint (see :mod:`checkers.page.bitv.applicability`)."""

    @wraps(check)
    def wrapped(context: PageContext) -> Iterator[PageHit]:
        hint = statement_duty(context.bitv) == "hint"
        for hit in check(context):
            if hint:
                hit.severity = "info"
            yield hit

    return wrapped


# ---------------------------------------------------------------------------- text blocks

def blocks(page: Page) -> list[Block]:
    """Headings and text runs of the whole body, in document order (the page's one block
    model, :mod:`checkers.document.blocks`)."""
    return page.blocks


def headings(page: Page) -> list[Block]:
    return [b for b in blocks(page) if b.level]


_POSITIONS: weakref.WeakKeyDictionary[Page, dict[HtmlElement, int]] = weakref.WeakKeyDictionary()


def _positions(page: Page) -> dict[HtmlElement, int]:
    """Document order of every element, for "is this link inside that section"."""
    cached = _POSITIONS.get(page)
    if cached is None:
        cached = {el: i for i, el in enumerate(page.iter())}
        _POSITIONS[page] = cached
    return cached


@dataclass(frozen=True, slots=True)
class Section:
    heading: Block
    blocks: tuple[Block, ...]  # the text after the heading, up to the next heading of its rank
    start: int  # document positions, for finding elements inside the section
    end: int

    @property
    def text(self) -> str:
        return " ".join(b.text for b in self.blocks)


def find_section(page: Page, pattern: re.Pattern[str]) -> Section | None:
    """The first heading matching ``pattern`` and what follows it. Headings inside <main> win,
    so a "Kontakt" heading in the site's mega menu does not hide the statement's own."""
    all_blocks = blocks(page)
    main = {id(b.element) for b in content_blocks(page)}
    matching = [i for i, b in enumerate(all_blocks) if b.level and pattern.search(b.text)]
    if not matching:
        return None
    i = next((i for i in matching if id(all_blocks[i].element) in main), matching[0])
    block = all_blocks[i]
    body: list[Block] = []
    for following in all_blocks[i + 1 :]:
        if following.level and following.level <= block.level:
            break
        body.append(following)
    positions = _positions(page)
    start = positions.get(block.element, 0)
    end = len(positions)
    nxt = i + 1 + len(body)
    if nxt < len(all_blocks):
        end = positions.get(all_blocks[nxt].element, end)
    return Section(block, tuple(body), start, end)


def in_section(page: Page, section: Section, elements: Iterable[HtmlElement]) -> list[HtmlElement]:
    positions = _positions(page)
    return [el for el in elements if section.start < positions.get(el, -1) < section.end]


def content_blocks(page: Page) -> list[Block]:
    """Blocks inside <main> (or role=main) when there is one, else all: keeps site navigation
    and footer out of statement checks."""
    main = next(
        (el for el in page.iter() if (tag_of(el) == "main" or page.role(el) == "main")), None
    )
    if main is None:
        return blocks(page)
    inside = set(main.iter())
    return [b for b in blocks(page) if b.element in inside]


def sentences(text: str) -> list[str]:
    """The sentences of a block, split as the text check splits them (abbreviations such as
    "z. B.", dates such as "am 2. Oktober 2026" and ordinals do not end a sentence)."""
    return [text[s.start : s.end] for s in segment(text) if text[s.start : s.end].strip()]


# ---------------------------------------------------------------------------- German dates

MONTHS = month_numbers()  # every spelling in lower case -> 1..12
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE = re.compile(
    r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})\b"
    rf"|(?:\b(?P<d2>\d{{1,2}})\.\s?)?\b(?P<mn>{_MONTH_NAMES})\s+(?P<y2>\d{{4}})\b"
    r"|\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b",
    re.I,
)


def parse_dates(text: str) -> list[tuple[date, re.Match[str]]]:
    """German dates in ``text``: 31.03.2025, 31. März 2025, März 2025 (read as the month's last
    day, the reading most favourable to the site), 2025-03-31."""
    found: list[tuple[date, re.Match[str]]] = []
    for match in DATE.finditer(text):
        try:
            if match.group("y"):
                year = int(match.group("y"))
                year += 2000 if year < 100 else 0
                value = date(year, int(match.group("m")), int(match.group("d")))
            elif match.group("mn"):
                year = int(match.group("y2"))
                month = MONTHS[match.group("mn").lower()]
                day = match.group("d2")
                value = date(year, month, int(day) if day else calendar.monthrange(year, month)[1])
            else:
                value = date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
        except ValueError:
            continue
        found.append((value, match))
    return found


def today(context: PageContext) -> date:
    """``context.extra["today"]`` (a date or an ISO string) or the real date: examples and
    reproducible CI runs pin it."""
    value = context.extra.get("today")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return date.today()


# ---------------------------------------------------------------------------- compliance status

STATUS_LABELS = {
    "full": ("vollständig vereinbar", "fully compliant"),
    "partial": ("teilweise vereinbar", "partially compliant"),
    "none": ("nicht vereinbar", "not compliant"),
}
STATUS_HEADING = re.compile(
    r"stand\s+der\s+vereinbarkeit|vereinbarkeit\s+mit\s+den\s+anforderungen"
    r"|konformit(?:ä|ae)tsstatus|stand\s+der\s+barriere[\s\-]*freiheit",
    re.I,
)
_VEREINBAR = re.compile(r"\bvereinbar\b", re.I)
_PARTIAL = re.compile(
    r"teilweise|nicht\s+(?:ganz|vollst(?:ä|ae)ndig|vollumf(?:ä|ae)nglich|in\s+allen\s+punkten)"
    r"|(?:ü|ue)berwiegend|weitgehend|gr(?:ö|oe)(?:ß|ss)tenteils",
    re.I,
)
_FULL = re.compile(r"vollst(?:ä|ae)ndig|vollumf(?:ä|ae)nglich|uneingeschr(?:ä|ae)nkt", re.I)
_NONE = re.compile(r"\bnicht\b(?![\s\-]+barriere)|\bkeine?\b", re.I)
# Outside the status section, a sentence must be about the site, not one document or video.
_SITE_SUBJECT = re.compile(
    r"web[\s\-]*(?:site|seite|auftritt|angebot)|internet|auftritt|portal|homepage|\bapp\b"
    r"|angebot|anwendung",
    re.I,
)


@dataclass(frozen=True, slots=True)
class StatusClaim:
    status: str  # "full", "partial", "none"
    block: Block
    sentence: str


_CHOICE_WORD = r"(?:vollst(?:ä|ae)ndig|teilweise|nicht)"
# The unedited model text: "[vollständig / teilweise / nicht]" (or "oder").
_CHOICES = re.compile(rf"{_CHOICE_WORD}(?:\s*(?:/|\||,|oder)\s*{_CHOICE_WORD})+", re.I)
_CHOICE_STATUS = {"teilweise": "partial", "nicht": "none"}


def _classify(window: str, bare_is_full: bool) -> tuple[str, ...]:
    choices = list(_CHOICES.finditer(window))
    if choices:
        words = re.findall(_CHOICE_WORD, choices[-1].group(0), re.I)
        return tuple(dict.fromkeys(_CHOICE_STATUS.get(w.lower(), "full") for w in words))
    if _PARTIAL.search(window):
        return ("partial",)
    if _FULL.search(window):
        return ("full",)
    if _NONE.search(window):
        return ("none",)
    return ("full",) if bare_is_full else ()


def _claims_in(candidates: Iterable[Block], in_status_section: bool) -> list[StatusClaim]:
    claims: list[StatusClaim] = []
    for block in candidates:
        if block.level:
            continue
        for sentence in sentences(block.text):
            if not in_status_section and not _SITE_SUBJECT.search(sentence):
                continue
            previous = 0
            for match in _VEREINBAR.finditer(sentence):
                window = sentence[max(previous, match.start() - 160) : match.start()]
                previous = match.end()
                for status in _classify(window, bare_is_full=in_status_section):
                    claims.append(StatusClaim(status, block, sentence))
    return claims


def compliance_claims(page: Page) -> list[StatusClaim]:
    """Every compliance status the statement states, read from the section "Stand der
    Vereinbarkeit mit den Anforderungen" when there is one, else from sentences about the site."""
    section = find_section(page, STATUS_HEADING)
    if section is not None:
        claims = _claims_in(section.blocks, in_status_section=True)
        if claims:
            return claims
    return _claims_in(content_blocks(page), in_status_section=False)


def statuses(claims: Iterable[StatusClaim]) -> list[str]:
    return list(dict.fromkeys(c.status for c in claims))
