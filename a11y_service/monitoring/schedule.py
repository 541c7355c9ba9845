"""When a site is audited next: slots are the anchor plus whole periods (day, week, month).

Catch-up once: after a run (or a missed run found when the server is back) the next slot is the
first one *after now*, not after the slot that was due. A server that was down for ten days
therefore runs one audit for the missed daily slots, then continues on the regular grid.
"""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` later (the month's last day when it is shorter)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def next_slot(schedule: str, anchor: datetime, now: datetime) -> datetime | None:
    """The first slot strictly after ``now`` (the anchor itself when it is still ahead)."""
    if schedule == "manual":
        return None
    if anchor > now:
        return anchor
    if schedule in PERIODS:
        period = PERIODS[schedule]
        steps = (now - anchor) // period + 1
        return anchor + steps * period
    if schedule == "monthly":
        months = (now.year - anchor.year) * 12 + (now.month - anchor.month)
        candidate = add_months(anchor, max(0, months))
        while candidate <= now:
            months += 1
            candidate = add_months(anchor, months)
        return candidate
    raise ValueError(f"unknown schedule {schedule!r}")
