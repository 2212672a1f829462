"""Time in Asia/Shanghai: the project's one clock. Weeks are ISO weeks."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")


def now() -> dt.datetime:
    """The current time in Asia/Shanghai, to the second."""
    return dt.datetime.now(TZ).replace(microsecond=0)


def now_iso() -> str:
    """The current time as an ISO 8601 string with offset (2026-11-22T12:30:00+08:00)."""
    return now().isoformat()


def today() -> dt.date:
    """Today's date in Asia/Shanghai."""
    return now().date()


def iso_week(day: dt.date) -> str:
    """The ISO week label of a date: 2026-W47.

    :param day: a date
    """
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_bounds(week: str) -> tuple[dt.date, dt.date]:
    """First (Monday) and last (Sunday) day of an ISO week label such as 2026-W47.

    :param week: label in ``YYYY-Www`` form
    """
    monday = dt.date.fromisocalendar(int(week[:4]), int(week.split("W")[1]), 1)
    return monday, monday + dt.timedelta(days=6)


def last_full_week(day: dt.date | None = None) -> str:
    """The ISO week before the one containing ``day`` (default: today in Asia/Shanghai).

    :param day: reference date
    """
    return iso_week((day or today()) - dt.timedelta(days=7))
