"""Dating: which deadline of its sentence dates a number, and whether the sentence's own words
report it (比去年增加…, 较2024年增长) or plan it (今年提出…, 2035年建成…)."""

from __future__ import annotations

import datetime as dt
import re

from diff.deadlines import Deadline
from diff.kinds import LAST_YEAR_AFTER, frame_at

#: A change measured from a given year (较2024年增长).
_PAST_REFERENCE = re.compile(r"(?:较|比)(?P<year>(?:19|20)\d{2})年")


#: A list of figures closed by their change since some years ago (较5年前,分别提升了…).
_COMPARED_WITH_BEFORE = re.compile(r"[,;](?:较|比)(?:\d+|[一二三四五六七八九十两]+)年前|[,;](?:较|比)[^,;。]{0,8}分别(?:提高|提升|增长|增加|下降|降低)了")


def reported_after(sentence: str, position: int, deadline: Deadline | None,
                    published: dt.date | None) -> bool:
    """Whether the words after a number report it (比去年增加…, 已完成投资…, 加快建设).

    A growth over a plan's base year under an explicit deadline (到2020年…达到5.26亿人次,
    比2015年增长34%以上) is part of the plan, not a report.
    """
    if ("年前" in sentence or "分别" in sentence) and _COMPARED_WITH_BEFORE.search(sentence, position) \
            and not (deadline and deadline.strong):  # each of its matches holds 年前 or 分别
        return True  # …毛入学率达98.7%,较5年前,分别提升了…: the figures of today
    after = LAST_YEAR_AFTER.match(sentence, position)
    if after is None:
        return False
    year = _PAST_REFERENCE.search(after.group(0))
    return not (year and deadline is not None and deadline.strong and published is not None
                and int(year["year"]) < published.year - 1)


def past_reference(clause: str, published: dt.date | None) -> bool:
    """Whether a clause measures a change from a year before publication (较2024年增长)."""
    return published is not None and ("较" in clause or "比" in clause) and any(
        int(m["year"]) < published.year for m in _PAST_REFERENCE.finditer(clause))


#: What announces a goal: right after its year (今年提出增长5%以上), or before a bare rate
#: (广东提出增长5%左右), where it is not what is measured.
ANNOUNCING = ("提出", "明确", "确定")


def plans_its_own_year(prefix: str, deadline: Deadline | None, clause_start: int,
                        published: dt.date | None) -> bool:
    """Whether a sentence dates a number itself and plans it, though the text around it reports:
    an explicit deadline (到2027年) or a later year (2035年建成1000条以上), or 今年 with a plan
    word (2019年重庆将…, 今年提出增长5%以上), not 今年 alone (今年全区种植水稻35万亩, under a
    harvest's headline)."""
    if deadline is None or deadline.end == 0:
        return False
    return deadline.strong or (published is not None and deadline.year is not None
                               and deadline.year > published.year) \
        or prefix.startswith(ANNOUNCING, deadline.end) \
        or frame_at(prefix, deadline.start, clause_start, dated_plans=False) == "target"


def only_this_year(deadline: Deadline | None, published: dt.date | None) -> bool:
    """Whether a sentence is dated only by its own 今年 (or the bare current year)."""
    return deadline is not None and deadline.end > 0 and not deadline.strong \
        and published is not None and deadline.year == published.year


def last_deadline(deadlines: list[Deadline], position: int) -> Deadline | None:
    """The last deadline that ends before ``position``."""
    last = None
    for deadline in deadlines:
        if deadline.end <= position:
            last = deadline
    return last


#: A deadline that closes a list of tasks (…800个,设立…5180个,到2022年全部完成).
_CLOSING = re.compile(r"(?:全部|基本|全面)?(?:完成|建成|实现|到位)[^,;。\d]{0,6}[。;!]?$")


def closing_deadline(deadlines: list[Deadline], sentence: str, position: int) -> Deadline | None:
    """An explicit deadline after ``position`` that closes the sentence's tasks, or None."""
    return next((deadline for deadline in deadlines if deadline.start >= position
                 and deadline.strong and _CLOSING.match(sentence, deadline.end)), None)
