"""Deadlines: years, plan periods and relative years that date a target."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from diff.kinds import MET_PLAN
from diff.numbers import CN_DIGITS, parse_chinese
from diff.scanning import finditer_near

#: Five-year plan periods and their final year.
PLAN_PERIODS = {"十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}

#: Holidays and seasons after a year make a date (2026年元旦假期), not a deadline.
HOLIDAYS = r"元旦|春节|春运|清明|“?五一|端午|暑期|暑假|寒假|中秋|国庆"
#: A year in Arabic or Chinese digits (2027, 二〇二七).
_CN_YEAR = r"[〇零一二][〇零一二三四五六七八九]{3}"
_YEAR = rf"(?P<year>(?:19|20)\d{{2}}|{_CN_YEAR})"
#: An explicit year deadline: 到2027年, 力争到2030年底, 2027年底前, 2026年主要预期目标 (the 在 of
#: 正在2025年…发布会上 leads none).
YEAR_DEADLINE = re.compile(
    rf"(?P<lead>(?:力争|确保|争取|计划|努力)?(?:到|至|(?<!正)在|于)?)"
    rf"{_YEAR}年(?P<tail>底前|末前|年底|底|末|前后|左右|前(?![一二三四五六七八九十两\d])|以前|内)?"
    rf"(?![\d〇零一二三四五六七八九十]+月|\d|{HOLIDAYS})"
)
#: From this month of a plan period's last year, the period is summed up, not planned.
_LAST_QUARTER = 10
#: Plan periods: “十五五”期间, 十四五时期, 十五五末.
PERIOD_DEADLINE = re.compile(
    r"(?P<lead>(?:力争|确保|争取)?(?:到|至|在)?)“?(?P<period>十[三四五六]五)”?"
    r"(?P<tail>期间|时期|末期|末|规划期)?"
)
#: A year written out (2027年, 二〇二七年): YEAR_DEADLINE and STATED_YEAR are tried only up to
#: where one is (:func:`diff.scanning.finditer_near`), at most a lead before its digits. It opens
#: with its 年 (the digits checked behind it): the regex engine skips from one 年 to the next,
#: where a class of the digits first (1, 2, 一, 二) stops it at almost every character.
_YEAR_WORD = re.compile(r"年(?<=[12〇零一二][\d〇零一二三四五六七八九]{3}年)")
_LEAD = len("力争到")
#: How far a match of YEAR_DEADLINE or STATED_YEAR starts before the 年 of its year: its lead
#: (力争到, 截至) and the year's four digits.
_YEAR_DIGITS = 4
YEAR_REACH = _LEAD + _YEAR_DIGITS
STATED_REACH = len("截至") + _YEAR_DIGITS
#: The plan period of PERIOD_DEADLINE, at most a lead and a quotation mark after its start.
_PERIOD_WORD = re.compile(r"十[三四五六]五")
#: Relative years resolved from the publication date: 今年, 明年, 后年 (and 今明两年, by its end; 今冬明春,
#: by the spring), and the coming years a plan gives itself (今后五年, 未来3年).
RELATIVE_DEADLINE = re.compile(
    r"(?P<lead>(?:力争|确保|争取)?(?:到|至|在)?)"
    r"(?P<rel>(?:今后|未来)(?P<years>[1-9]|1[0-5]|[一两二三四五六七八九]|十[一二三四五]?)年|今明两年|今冬明春|今年|明年|(?<![今前以之然最])后年(?![度均])|本年度"
    r"|(?<![\d一二两三四五六七八九十])年内|^(?:接下来|下一步|下阶段|下一阶段))(?P<tail>底前|底|末)?"
    rf"(?!以来|\d|[一二三四五六七八九十]+月|前[一二三四五六七八九十]|上半年|下半年|[一二三四]季度|{HOLIDAYS})"
)

#: The first month of a year's second half: 今冬明春 said then ends next spring.
_SECOND_HALF = 7
#: What opens a news report's closing plans (接下来,…将…): the rest of the publication year.
_NEXT_STEP = ("接下来", "下一步", "下阶段", "下一阶段")
#: The words RELATIVE_DEADLINE needs: it is scanned only where one is, or on a sentence that
#: opens on _NEXT_STEP (tested apart: a ^ alternative would make the engine try every position).
_RELATIVE_WORD = re.compile(r"今后|未来|今年|今明|今冬|明年|本年度|年内")


def _names_relative_year(sentence: str) -> bool:
    """Whether a sentence holds a word of _RELATIVE_WORD. A substring test per first word is
    cheaper than the scan, which stops at every character one of them opens with (今, 年, 明);
    the 今 words are scanned for only where 今 occurs."""
    return ("今" in sentence and _RELATIVE_WORD.search(sentence) is not None) or "未来" in sentence \
        or "明年" in sentence or "本年度" in sentence or "年内" in sentence or "后年" in sentence


@dataclass
class Deadline:
    """A deadline found in a sentence: its year (None when it cannot be resolved) and span."""

    year: int | None
    start: int
    end: int
    strong: bool
    """True for an explicit deadline (到2027年, 2027年底前, 十五五期间) that can date a
    qualitative goal; False for a bare year or 今年."""


def _year_value(text: str) -> int:
    """Integer value of a four-digit year in Arabic or Chinese digits."""
    if text.isdigit():
        return int(text)
    return int("".join(str(CN_DIGITS[ch]) for ch in text))


def find_deadlines(sentence: str, published: dt.date | None) -> list[Deadline]:
    """Deadlines in a sentence, in order of appearance.

    A year with a month after it is a date, not a deadline. A year in the past of
    ``published`` is a reference to history and is skipped.

    :param sentence: one normalised sentence
    :param published: publication date, for 今年/明年/今后五年 and for skipping past years
    """
    found: list[Deadline] = []
    if "年" not in sentence and "五" not in sentence and not sentence.startswith(_NEXT_STEP) \
            and "今冬" not in sentence:
        # every deadline names 年 or a 五 plan (or is 今冬明春), or opens on the next steps
        return found
    # each pattern is scanned only near a word it needs: the scans dominate the cost
    for match in finditer_near(YEAR_DEADLINE, _YEAR_WORD, YEAR_REACH, sentence):
        year = _year_value(match["year"])
        explicit = bool(match["lead"]) or bool(match["tail"] and match["tail"] != "内")
        if published and year < published.year:
            continue
        future = published is not None and year > published.year  # only plans lie ahead
        if not explicit and not future and not _plan_near(sentence, match.start(), match.end()) \
                and not _opens_plans(sentence, match.start(), match.end()):
            continue
        found.append(Deadline(year, match.start(), match.end(), explicit))
    for match in finditer_near(PERIOD_DEADLINE, _PERIOD_WORD, _LEAD + 1, sentence) \
            if "五" in sentence else ():
        strong = bool(match["tail"]) or bool(match["lead"])
        if not strong and not sentence.startswith((",", ":"), match.end()):
            continue
        if published and PLAN_PERIODS[match["period"]] < published.year:
            continue  # “十三五”时期…取得新的历史成就 in 2021: a period that is over reports
        if published and PLAN_PERIODS[match["period"]] == published.year \
                and published.month >= _LAST_QUARTER and not match["lead"]:
            continue  # “十四五”期间,重庆建成…41所 in October 2025: the period's results
        found.append(Deadline(PLAN_PERIODS[match["period"]], match.start(), match.end(), strong))
    for match in RELATIVE_DEADLINE.finditer(sentence) \
            if _names_relative_year(sentence) or sentence.startswith(_NEXT_STEP) else ():
        rel = match["rel"]
        year_ahead: int | None = None  # not year: an int in the loops above
        if published:
            offset = 1 if rel in ("明年", "今明两年") else 2 if rel == "后年" else 0
            if rel == "今冬明春":  # this winter and next spring: the spring of the year ahead
                offset = 1 if published.month >= _SECOND_HALF else 0
            if match["years"]:  # 今后五年 in January 2023 → 2027: the years counted include this one
                offset = int(parse_chinese(match["years"]) or 0) - 1
                if published.month == 12:
                    offset += 1  # a December report's years start in January
            year_ahead = published.year + offset
        period = rel.startswith(("今后", "未来"))  # a plan period, as explicit as 到2030年
        found.append(Deadline(year_ahead, match.start(), match.end(), period))
    for match in YEARS_WITHIN.finditer(sentence) if _YEARS_WITHIN_WORD.search(sentence) else ():
        if published:  # 力争3年内新增1万张 (2019) → 2021
            years = int(match["n"]) if match["n"].isdigit() else CN_DIGITS[match["n"]]
            if published.month == 12:
                years += 1  # a December text's years start in January, as 今后五年's do
            found.append(Deadline(published.year + years - 1, match.start(), match.end(), True))
    for match in FULL_YEAR.finditer(sentence) if "全年" in sentence else ():
        if published and (stated_year(sentence[:match.start()], published) or published.year) \
                < published.year:
            continue  # 2024年,…全年地区生产总值…: the year the sentence reports
        clause = _CLAUSE.search(sentence, match.start())
        text = MET_PLAN.sub(lambda met: "■" * len(met.group(0)), sentence)
        if published and _PLAN_IN_CLAUSE.search(text, 0, clause.end() if clause else len(sentence)):
            found.append(Deadline(published.year, match.start(), match.end(), False))
    found.sort(key=lambda deadline: deadline.start)
    return found


#: A span of years a plan gives itself (力争3年内, 用两年时间, 计划在两年时间内, 五年的时间), counted
#: from the publication year.
YEARS_WITHIN = re.compile(r"(?:力争|争取|确保|计划|将|用|在|^|(?<=[,:;“]))(?P<n>[1-9一二两三四五])年(?:内|的?时间|后(?=[,\u4e00-\u9fff]))")
#: What every YEARS_WITHIN match holds; it opens with its 年 (the numeral checked behind it), so
#: the regex engine skips from one 年 to the next (YEARS_WITHIN, opening with ^ and a
#: look-behind, tries every position; a numeral class first would stop at every digit).
_YEARS_WITHIN_WORD = re.compile(r"年(?<=[1-9一二两三四五]年)(?:内|的?时间|后)")
#: 全年 dates a number only after plan words in its sentence (全年…力争突破60万辆, 我们将…,全年…);
#: 预计全年 forecasts the year. It opens with 全年 (what stands before it checked behind it).
FULL_YEAR = re.compile(r"全年(?<![年今]全年)(?<!预计全年)")
_CLAUSE = re.compile(r"[,;。]")
_PLAN_IN_CLAUSE = re.compile(r"力争|确保|争取|预期|目标|将|计划|要(?![素求点])")
#: An explicit year a reported fact belongs to (2025年,… / 截至2025年底); not a reference
#: (比2020年, 从2020年的) and not a date (2025年6月).
STATED_YEAR = re.compile(
    r"(?<![比较与从同由])(?<!基于)(?:截至|截止|到)?(?P<year>(?:19|20)\d{2}|" + _CN_YEAR + r")年(?:底|末|全年|年底)?"
    r"(?![\d〇零一二三四五六七八九十]+月|\d|的|以来|至|到|-|—)"
)


#: A plan period named as the time of what follows (“十三五”期间, 十三五时期, “十三五”以来).
_PERIOD_AS_TIME = re.compile(r"(?P<period>十[三四五六]五)”?(?:期间|时期|以来)")


def past_period(sentence: str, published: dt.date | None) -> bool:
    """Whether a sentence names a plan period that is over as its time (“十三五”期间,… in 2022):
    it reports what was done then.

    :param sentence: one normalised sentence
    :param published: publication date
    """
    if published is None or "五" not in sentence:
        return False
    return any(PLAN_PERIODS[match["period"]] < published.year
               for match in _PERIOD_AS_TIME.finditer(sentence))


def stated_year(prefix: str, published: dt.date | None) -> int | None:
    """The explicit past (or current) year a reported fact states before its number, or None.

    :param prefix: the sentence text before the number
    :param published: publication date; later years are plans, not facts
    """
    year: int | None = None
    if "年" not in prefix:
        return year
    for match in finditer_near(STATED_YEAR, _YEAR_WORD, STATED_REACH, prefix):
        value = _year_value(match["year"])
        if published is None or value <= published.year:
            year = value
    return year


_PLAN_AFTER = re.compile(r"^,?(?:[^,;。]{0,6}?(?:目标|预期|计划|力争|确保|要|将|底前|前)|[^,;。]{0,14}?(?:预期|目标|民生实事))")
#: Plan words that open a clause whose first words are a year (主要目标:2027年,…; 会议要求,2025年…).
_PLAN_BEFORE = re.compile(r"(?:目标|预期|计划|任务)(?:是|为)?:?$|要求,$")


#: What may stand before a year that opens a sentence's schedule (其中,2018年,开工建设…).
_SCHEDULE_OPENING = ("", "其中,", "同时,", "此外,", "另外,")
#: Plan words anywhere in a sentence that opens on the year: its items are that year's plan.
_SENTENCE_PLANS = re.compile(r"将|计划|力争|确保|底前")


def _opens_plans(sentence: str, start: int, end: int) -> bool:
    """Whether the publication year opens a sentence that goes on to plan (2018年,重庆交通开投
    集团将…; 其中,2018年,开工建设…80个,…年底前完成…): the sentence is that year's schedule."""
    return sentence.startswith(",", end) and sentence[:start] in _SCHEDULE_OPENING \
        and bool(_SENTENCE_PLANS.search(sentence, end))


def _plan_near(sentence: str, start: int, end: int) -> bool:
    """Whether a bare year is followed closely by plan words (2026年主要预期目标) or opens
    what plan words announce (主要目标:2027年,…)."""
    return bool(_PLAN_AFTER.match(sentence[end:end + 18])
                or _PLAN_BEFORE.search(sentence[max(0, start - 8):start]))
