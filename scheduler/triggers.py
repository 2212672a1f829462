"""Turn a source's ``schedule`` into an APScheduler trigger in Asia/Shanghai.

``"0 7 * * *"`` is a cron expression (minute hour day month weekday); ``"every 6h"``,
``"every 30m"``, ``"every 45s"`` and ``"every 1d"`` are intervals. Both get a jitter so
that sources sharing a schedule do not all start in the same second.
"""

from __future__ import annotations

import datetime as dt

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from policywatch.clock import TZ
from policywatch.config import INTERVAL
from policywatch.errors import ConfigError

UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
#: The longest interval a schedule may have (a year and a day).
MAX_INTERVAL = 366 * 86400
CRON_NAMES = ("minute", "hour", "day", "month", "weekday")
DEFAULT_JITTER = 120
DIGEST_DAY = "mon"
DIGEST_HOUR = 8
# A digest missed on Monday 08:00 (service down) is still built on a restart until Sunday night.
DIGEST_GRACE = 6 * 86400 + 15 * 3600


def interval_seconds(schedule: str) -> int | None:
    """Seconds between runs for ``"every N{s,m,h,d}"``, or None for a cron expression.

    :param schedule: the source's schedule string
    """
    match = INTERVAL.match(schedule.strip())
    if not match:
        return None
    return int(match.group(1)) * UNIT_SECONDS[match.group(2)]


def trigger_for(schedule: str, jitter: int | None = None) -> BaseTrigger:
    """The trigger for a schedule string, in Asia/Shanghai, with jitter.

    :param schedule: cron expression or ``"every 6h"``-style interval
    :param jitter: seconds of random delay; default the smaller of 120 s and a tenth of the interval
    :raises ConfigError: when the schedule is neither
    """
    seconds = interval_seconds(schedule)
    if seconds is not None:
        if not 0 < seconds <= MAX_INTERVAL:
            raise ConfigError(f'schedule "{schedule}": the interval must be longer than zero'
                              " and at most 366 days")
        spread = min(DEFAULT_JITTER, seconds // 10) if jitter is None else jitter
        return IntervalTrigger(seconds=seconds, timezone=TZ, jitter=spread or None)
    try:
        return CronTrigger(**_cron_fields(schedule), timezone=TZ,
                           jitter=DEFAULT_JITTER if jitter is None else (jitter or None))
    except ValueError as error:
        raise ConfigError(f'schedule "{schedule}": not a valid cron expression ({error})') from None


def check_schedule(schedule: str) -> None:
    """Refuse a schedule that cannot run: each cron field checked alone, then the whole.

    :param schedule: cron expression or ``"every 6h"``-style interval
    :raises ConfigError: naming the field and the problem, or a cron that never fires
    """
    if interval_seconds(schedule) is not None:
        trigger_for(schedule, jitter=0)
        return
    try:
        fields = _cron_fields(schedule)
    except ValueError as error:
        raise ConfigError(f'schedule "{schedule}": {error}') from None
    for name, (key, value) in zip(CRON_NAMES, fields.items(), strict=True):
        try:
            CronTrigger(**{key: value}, timezone=TZ)
        except ValueError as error:
            raise ConfigError(f'schedule "{schedule}": {name} field "{value}": {error}') from None
    trigger = trigger_for(schedule, jitter=0)
    if trigger.get_next_fire_time(None, dt.datetime.now(TZ)) is None:
        raise ConfigError(f'schedule "{schedule}": never fires (no such date)')


def _cron_fields(schedule: str) -> dict[str, str]:
    fields = schedule.split()
    if len(fields) != 5:
        raise ValueError("a cron expression has five fields: minute hour day month weekday")
    minute, hour, day, month, day_of_week = fields
    return {"minute": minute, "hour": hour, "day": day, "month": month,
            "day_of_week": _weekday(day_of_week)}


def _weekday(field: str) -> str:
    # crontab counts Sunday as 0 (or 7); APScheduler counts Monday as 0. Use names to be safe.
    names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    def convert(part: str) -> str:
        step = ""
        if "/" in part:
            part, step = part.split("/", 1)
            step = "/" + step
        if "-" in part:
            low, high = part.split("-", 1)
            if low == "0" and not step:  # crontab 0-5 is Sunday to Friday
                return "sun" if high == "0" else f"sun,mon-{convert(high)}"
            return f"{convert(low)}-{convert(high)}{step}"
        return (names[int(part)] if part.isdigit() and int(part) <= 7 else part) + step

    return ",".join(convert(part) for part in field.split(","))


def digest_trigger() -> CronTrigger:
    """Monday 08:00 Asia/Shanghai, the weekly digest's time."""
    return CronTrigger(day_of_week=DIGEST_DAY, hour=DIGEST_HOUR, minute=0, timezone=TZ)
