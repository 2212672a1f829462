"""Our own date parser for Chinese pages: 2025年08月20日, 2025-08-20 09:30, URL dates.

htmldate and trafilatura cannot read 2025年08月20日 and happily take a date from a list of
related links; this module reads dates only from places that date the article itself.
"""

from __future__ import annotations

import datetime as dt
import re

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
#: 2025年08月20日, 2025年8月20号, 2025-08-20, 2025/8/20, 2025.08.20
_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?"
    r"|[-/.](\d{1,2})[-/.](\d{1,2}))(?!\d)"
)
#: 二〇二五年八月二十日
_CN_DATE = re.compile(r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月"
                      r"([一二三四五六七八九十]{1,3})[日号]")
#: 发布时间：2025-08-20, 发布日期:2025年08月20日, 时间：… (the value is read after the label)
_LABELLED = re.compile(r"(发布|发表|公开|上线|更新|修改|成文|印发|生成)?(?:时间|日期)\s*[:：]\s*")
#: Labels naming another moment than publication: used only when nothing better is labelled.
_OTHER_LABELS = {"更新", "修改", "成文", "印发", "生成"}
#: /2025-08/20/ (e-paper), t20250820_ (government portals), /20250820/ and /2025/08/20/
_URL_DATES = (
    re.compile(r"/((?:19|20)\d{2})-(\d{2})/(\d{2})/"),
    re.compile(r"[/_]t((?:19|20)\d{2})(\d{2})(\d{2})_"),
    re.compile(r"/((?:19|20)\d{2})/(\d{2})/(\d{2})/"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/"),
    re.compile(r"[_/-]((?:19|20)\d{2})-(\d{2})-(\d{2})[_./]"),
)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _cn_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23."""
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    tens, _, units = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)


def parse_date(text: str | None) -> dt.date | None:
    """The first calendar date written in ``text``, or None.

    :param text: e.g. ``2025年08月20日 星期三``, ``2025-08-20 09:30``, ``二〇二五年八月二十日``
    """
    if not text:
        return None
    for match in _DATE.finditer(text):
        year, month, day = match.group(1), match.group(2) or match.group(4), match.group(3) or match.group(5)
        found = _make(int(year), int(month), int(day))
        if found:
            return found
    match = _CN_DATE.search(text)
    if match:
        year = int("".join(str(_CN_DIGITS[c]) for c in match.group(1)))
        return _make(year, _cn_number(match.group(2)), _cn_number(match.group(3)))
    return None


def labelled_date(text: str | None) -> dt.date | None:
    """A date introduced by a label such as 发布时间： or 日期：, or None.

    发布/发表/公开 labels win over bare 时间/日期, which win over 成文日期, 更新时间 and the like.

    :param text: page text
    """
    if not text:
        return None
    ranked: list[tuple[int, dt.date]] = []
    for match in _LABELLED.finditer(text):
        found = parse_date(text[match.end():match.end() + 40][:_value_end(text, match.end())])
        if found:
            label = match.group(1)
            ranked.append((0 if label and label not in _OTHER_LABELS else 1 if not label else 2, found))
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None


def _value_end(text: str, start: int) -> int:
    """Length of a labelled value: up to the next label, so 成文日期 cannot read 发布日期's date."""
    following = _LABELLED.search(text, start)
    return following.start() - start if following else 40


def date_from_url(url: str) -> dt.date | None:
    """The date encoded in an article URL (/2025-08/20/, t20250820_, /2025/08/20/), or None.

    :param url: absolute or relative URL
    """
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if match:
            found = _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if found:
                return found
    return None


def date_range(since: dt.date, until: dt.date) -> list[dt.date]:
    """Every day from ``since`` to ``until`` inclusive, newest first.

    :param since: first day
    :param until: last day
    """
    days = (until - since).days
    return [until - dt.timedelta(days=offset) for offset in range(days + 1)]
