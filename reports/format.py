"""Formatting for people: quantities in 万/亿, Chinese dates, change-type labels."""

from __future__ import annotations

import datetime as dt

CHANGE_LABELS = {
    "new": "新增",
    "revised": "修订",
    "rescheduled": "改期",
    "extended": "延展",
    "reaffirmed": "重申",
    "progress": "进展",
}
COMPARATORS = {"=": "", ">=": "不低于", ">": "超过", "<=": "不超过", "<": "低于", "~": "约"}
SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))


def number(value: float | None) -> str:
    """A number without trailing zeros: 3.0 → 3, 3.25 → 3.25, 1234.5678 → 1234.57.

    :param value: the number
    """
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def quantity(value: float | None, unit: str | None = "", comparator: str | None = None) -> str:
    """A value in base units as a reader writes it: 29400 户 → 2.94万户, 4e12 元 → 4万亿元.

    :param value: value in base units
    :param unit: base unit
    :param comparator: ``>=``, ``~`` … shown as 不低于, 约 …
    """
    if value is None:
        return ""
    prefix = COMPARATORS.get(comparator or "=", "")
    unit = unit or ""
    if unit not in ("%", "个百分点", "倍"):
        for scale, word in SCALES:
            if abs(value) >= scale:
                return f"{prefix}{number(value / scale)}{word}{unit}"
    return f"{prefix}{number(value)}{unit}"


def percent(share: float | None) -> str:
    """A share as people write it: 0.6725 → 67%, 1.05 → 105%, 0.0123 → 1.2%.

    :param share: a fraction (1 = the whole target reached)
    """
    if share is None:
        return ""
    value = share * 100
    return f"{number(round(value) if abs(value) >= 10 else round(value, 1))}%"


def signed(value: float | None, unit: str | None = "") -> str:
    """A delta with its sign: +0.2个百分点 (for a % value), -3万个.

    :param value: the delta
    :param unit: its unit
    """
    if value is None:
        return ""
    sign = "+" if value > 0 else ("-" if value < 0 else "±")
    return sign + quantity(abs(value), "个百分点" if unit == "%" else unit)


def chinese_date(day: dt.date | str | None) -> str:
    """2026-11-22 → 2026年11月22日 (also accepts ISO date-time strings).

    :param day: a date or ISO string
    """
    if not day:
        return ""
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day[:10])
        except ValueError:
            return day
    return f"{day.year}年{day.month}月{day.day}日"


def label(change_type: str) -> str:
    """The Chinese label of a change type.

    :param change_type: ``new``, ``revised`` …
    """
    return CHANGE_LABELS.get(change_type, change_type)
