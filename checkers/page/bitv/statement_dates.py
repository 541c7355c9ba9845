"""bitv.statement-dates: the statement says when it was made and reviewed, and is not stale.

Reads the statement (``context.linked["statement"]`` or the audited page when it is one) for
German dates (31.03.2025, 31. März 2025, März 2025, 2025-03-31) in sentences with "erstellt"
and with "überprüft" / "aktualisiert" / "geprüft" / "Stand:". Flags: no date at all (warning);
the newest date older than ``BitvSettings.max_statement_age_days`` (error: § 7 Abs. 6 BITV 2.0
asks for a review at least once a year); a creation date without a review date (info); no
assessment method named, e.g. "Selbstbewertung", "Prüfung durch Dritte", "BITV-Test" (info;
§ 7 Abs. 5 BITV 2.0 and Art. 3 of Durchführungsbeschluss (EU) 2018/1523). "Today" is
``context.extra["today"]`` when set, so runs and examples are reproducible.
Known false positives: a month-only date is read as the month's last day (in the site's
favour); dates in other sentences (e.g. "Stand der Vereinbarkeit") are not read; a review
sentence without a date ("wird jährlich überprüft") does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from checkers.page.bitv.applicability import settings_of
from checkers.page.bitv.common import (
    Block,
    content_blocks,
    hit_at,
    parse_dates,
    public_body_duty,
    sentences,
    statement_page,
    today,
)
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta

CREATED = re.compile(r"erstell|ver(?:ö|oe)ffentlicht", re.I)
REVIEWED = re.compile(
    r"(?:ü|ue)berpr(?:ü|ue)f|(?:ü|ue)berarbeit|aktualisiert|gepr(?:ü|ue)ft|\bstand\s*:", re.I
)
METHOD = re.compile(
    r"selbst[\s\-]*(?:bewertung|einsch(?:ä|ae)tzung|evaluation|evaluierung|pr(?:ü|ue)fung|test)"
    r"|pr(?:ü|ue)fung\s+durch\s+(?:dritte|eine|einen|die|den)|bitv[\s\-]*test|wcag[\s\-]*test"
    r"|externe[nrs]?\s+(?:pr(?:ü|ue)f|test|dienstleist|gutacht|agentur)|pr(?:ü|ue)fbericht"
    r"|gutachten|pr(?:ü|ue)fstelle|eigene[nr]?\s+(?:pr(?:ü|ue)fung|bewertung|test)"
    r"|(?:durchgef(?:ü|ue)hrt|gepr(?:ü|ue)ft)\s+(?:von|durch)",
    re.I,
)

STALE = de_en(
    "Die Erklärung wurde zuletzt am {last} erstellt oder überprüft, vor {days} Tagen (erlaubt: "
    "{max_days}). Sie muss mindestens einmal im Jahr überprüft werden.",
    "The statement was last prepared or reviewed on {last}, {days} days ago (allowed: "
    "{max_days}). It must be reviewed at least once a year.",
)
NO_REVIEW = de_en(
    "Die Erklärung sagt, wann sie erstellt wurde ({created}), aber nicht, wann sie zuletzt "
    "überprüft wurde.",
    "The statement says when it was prepared ({created}) but not when it was last reviewed.",
)
NO_CREATED = de_en(
    "Die Erklärung sagt nicht, wann sie erstellt wurde („Diese Erklärung wurde am … erstellt.“).",
    "The statement does not say when it was prepared ('Diese Erklärung wurde am … erstellt.').",
)
NO_METHOD = de_en(
    "Die Erklärung sagt nicht, worauf die Aussagen beruhen: Selbstbewertung oder Prüfung "
    "durch Dritte (z. B. BITV-Test).",
    "The statement does not say what its claims are based on: self-assessment or a "
    "third-party audit (e.g. BITV-Test).",
)

META = page_meta(__file__)


def _dated(blocks: list[Block]) -> tuple[list[tuple[date, Block]], list[tuple[date, Block]]]:
    created: list[tuple[date, Block]] = []
    reviewed: list[tuple[date, Block]] = []
    for block in blocks:
        if block.level:
            continue
        for sentence in sentences(block.text):
            dates = [d for d, _m in parse_dates(sentence)]
            if not dates:
                continue
            is_created, is_reviewed = (
                bool(CREATED.search(sentence)),
                bool(REVIEWED.search(sentence)),
            )
            if is_created and is_reviewed and len(dates) > 1:
                created.append((min(dates), block))
                reviewed.append((max(dates), block))
            elif is_reviewed:
                reviewed.extend((d, block) for d in dates)
            elif is_created:
                created.extend((d, block) for d in dates)
    return created, reviewed


@page_rule(META)
@public_body_duty
def check(context: PageContext) -> Iterator[PageHit]:
    page = statement_page(context)
    if page is None:
        return
    blocks = content_blocks(page)
    created, reviewed = _dated(blocks)
    if not created and not reviewed:
        yield hit_at(context, page)
    else:
        now = today(context)
        last, block = max(created + reviewed, key=lambda pair: pair[0])
        age = (now - last).days
        max_days = settings_of(context.bitv).max_statement_age_days
        if age > max_days:
            yield hit_at(
                context,
                page,
                block.element,
                severity="error",
                message=STALE,
                params={"last": last.strftime("%d.%m.%Y"), "days": age, "max_days": max_days},
            )
        elif not reviewed:
            created_on, created_block = max(created, key=lambda pair: pair[0])
            yield hit_at(
                context,
                page,
                created_block.element,
                severity="info",
                message=NO_REVIEW,
                params={"created": created_on.strftime("%d.%m.%Y")},
            )
        if not created:
            yield hit_at(context, page, severity="info", message=NO_CREATED)
    if not any(METHOD.search(b.text) for b in blocks):
        yield hit_at(context, page, severity="info", message=NO_METHOD)
