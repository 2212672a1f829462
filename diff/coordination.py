"""Coordination: lists whose items share one verb or one head noun and take one value each.

"A、B和C分别增长6.1%、18.5%和22.8%", "煤炭、原油、天然气产量7.8亿吨、2470万吨、350亿方以上":
each number gets its own item, and a head noun written once after the last item (煤炭、成品油
年供应能力) is shared by the bare items before it.
"""

from __future__ import annotations

import re

from diff.phrases import clean_indicator

#: Words that join the items of a list.
ITEM_SPLIT = re.compile(r"、|和|及|与")
#: What stands between two values of one list (、, 和, 及).
ITEM_GLUE = frozenset({"、", "和", "及", "以及", "与"})


class Respectively:
    """Pairs "A、B和C分别增长6.1%、18.5%和22.8%" (and "A、B、C产量N、M、K", a value list
    without 分别): each number gets its own item, and a head noun written once after the
    last item (煤炭、成品油年供应能力) is shared by the bare items before it."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.verb = ""
        self.index = 0
        self.clause = -1
        self.shared: list[str] = []
        """The other items of a list whose one value holds for them all (A、B、C分别增长20%)."""

    def prefix_for(self, prefix: str, clause_start: int, after: str, before: str = "") -> str:
        """The prefix to read the indicator from: the item's own name and the shared verb.

        :param prefix: the item text before the number
        :param clause_start: where the number's clause starts
        :param after: the sentence after the number
        :param before: the sentence before the number's clause
        """
        marker = prefix.rfind("分别")
        # the anchored match first: it fails at once for most numbers
        listed = marker < 0 and prefix not in ITEM_GLUE and after[:1] in _VALUE_LIST_FIRST \
            and _VALUE_LIST.match(after) \
            and ITEM_SPLIT.search(prefix)
        if marker >= 0 or listed:
            names = prefix[:marker] if marker >= 0 else _listed_names(prefix)
            values = _count_values(after)
            self.items = share_head(_split_items(names, values))
            if marker >= 0 and len(self.items) == 1 and values > 1:
                # 产业项目10个、…和保障性安居工程项目4个,年度投资分别约为15亿元、…: the items
                # counted in the clause before, each measured as the one name says
                counted = _counted_items(before)
                if len(counted) == values:
                    self.items = [item + names for item in counted]
            self.shared = self.items[1:] if marker >= 0 and values == 1 else []
            if len(self.items) == 1 and "城乡" in self.items[0]:
                item = self.items[0]
                self.items = [item.replace("城乡", "城镇", 1), item.replace("城乡", "农村", 1)]
            self.verb = prefix[marker + 2:] if marker >= 0 else prefix[len(names):]
            self.index, self.clause = 0, clause_start
        elif self.items and clause_start == self.clause and prefix in ITEM_GLUE:
            self.index += 1
        else:
            self.items, self.shared = [], []
            return prefix
        if self.index >= len(self.items):
            return prefix
        if self.index:
            self.shared = []
        return self.items[self.index] + self.verb

    def also(self, indicator: str) -> list[str]:
        """The indicators of the other items when one value holds for the whole list:
        进出口总额增速 → 实际利用外资增速, 引进外省到位资金增速.

        :param indicator: the indicator read for the first item
        """
        first = clean_indicator(self.items[0]) if self.items else ""
        if not self.shared or not first or not indicator.startswith(first):
            return []
        return [clean_indicator(item) + indicator[len(first):] for item in self.shared
                if clean_indicator(item)]


#: A number followed by another in a list (7.8亿吨、2470万吨、350亿方).
_VALUE_LIST = re.compile(r"^(?:以上|左右)?[、和]\d")
#: Words that start the head noun of an indicator: what a list of bare items shares.
_HEAD_START = re.compile(
    r"(?:(?<![全今明当每])年(?![度底末])|居民|人均|产量|产值|产业链|规模|供应|能力|气化率|覆盖率|普及率|增加值|收入|占比|比重|装机|投资|总量)"
)


#: The values after the first of a list: 、2470万吨、350亿方 (number, unit, comparator).
_NEXT_VALUE = re.compile(r"(?:以上|左右)?(?:、|和|及)(?P<value>[\d.]+)[^、和及,;。\d]{0,4}")


#: An item with its count in a list (产业项目10个、基础设施项目7个…和保障性安居工程项目4个).
_COUNTED_ITEM = re.compile(r"(?:^|[、和及与])(?P<name>[\u4e00-\u9fff]{2,12}?)\d+(?:\.\d+)?[个项家所座条处](?=[、和及与]|$)")


def _counted_items(before: str) -> list[str]:
    """The names of the items counted one by one in the last clause of ``before`` (the sentence
    up to a clause break), or []."""
    clause = before.rstrip(",;:")
    clause = clause[max(clause.rfind(mark) for mark in ",;:。") + 1:]
    return [_INCLUDING.sub("", match["name"]) for match in _COUNTED_ITEM.finditer(clause)]


#: What the whole a list belongs to and its verb of including (开工重点项目涵盖产业项目10个).
_INCLUDING = re.compile(r"^.*(?:涵盖|包括|包含)")


def _count_values(after: str) -> int:
    """How many values a list holds: the one before ``after`` and those listed in it."""
    count, position = 1, 0
    while match := _NEXT_VALUE.match(after, position):
        count, position = count + 1, match.end()
    return count


def _split_items(names: str, values: int) -> list[str]:
    """Names of a list: split at 、 when that gives one name a value, else also at 和/及/与."""
    items = [item for item in names.split("、") if item]
    if len(items) == values and values > 1:
        return items
    return [item for item in ITEM_SPLIT.split(names) if item]


#: A measure named alone as the last item of a list (粮食播种面积和产量), and the measure that
#: ends the first item, whose subject it shares.
_BARE_MEASURES = frozenset({"产量", "产值", "面积", "总量", "规模", "收入", "增加值"})
_TRAILING_MEASURE = re.compile(r"(?:播种|种植|收获|建设|改造)?(?:面积|产量|产值|总量|规模|收入|增加值)$")
#: The sides of a place a measure is split by (城镇、农村生活垃圾无害化处理率).
_SIDES = frozenset({"城镇", "农村", "城市", "乡村", "城区", "县城", "市区", "郊区", "城乡"})
#: Endings of a name that measures by itself (研发投入强度, 营收占比): it needs no shared head.
_HEAD_END = re.compile(r"(?:率|度|量|额|值|比|重|数|规模|能力|收入|产值|面积|里程|人口)$")


def _listed_names(prefix: str) -> str:
    """The list of names before a value list: from the first item to the head noun."""
    return prefix.rstrip("为达到是")


def share_head(items: list[str]) -> list[str]:
    """Give bare items the head noun written once after the last item, or a bare last measure
    the first item's subject.

    ["煤炭", "成品油年供应能力"] → ["煤炭年供应能力", "成品油年供应能力"];
    ["粮食播种面积", "产量"] → ["粮食播种面积", "粮食产量"].

    :param items: names split at 、/和/及
    """
    if len(items) < 2:
        return items
    last = items[-1]
    if clean_indicator(last) in _BARE_MEASURES and (measure := _TRAILING_MEASURE.search(items[0])) \
            and measure.start() >= 2:
        # 粮食播种面积和产量: the last measure is of the first item's subject (粮食产量)
        return items[:-1] + [items[0][:measure.start()] + last]
    head = _HEAD_START.search(last, 1)
    if head is None and last[:2] in _SIDES and len(last) >= 5 and all(item[-2:] in _SIDES for item in items[:-1]):
        # 城镇、农村生活垃圾无害化处理率: the sides of a place side by side share the rest
        return [item + last[2:] for item in items[:-1]] + [last]
    if head is None:
        return items
    shared = last[head.start():]
    return [item if _HEAD_START.search(item) or _HEAD_END.search(item) else item + shared
            for item in items[:-1]] + [last]


#: The first characters of a _NEXT_VALUE match.
_VALUE_LIST_FIRST = frozenset("以左、和及")
#: The comparator words that can close a value list (3012万亩、216亿斤以上).
_LIST_COMPARATOR = {"以上": ">=", "左右": "~", "以内": "<=", "以下": "<="}
_LAST_VALUE = re.compile(r"[\d.]+[^、和及,;。\d]{0,6}?(以上|左右|以内|以下)")


def list_comparator(after: str) -> str | None:
    """The comparator written once after the last value of a list the number opens, or None.

    "稳定在3012万亩、216亿斤以上": 以上 holds for 3012万亩 too.

    :param after: the sentence after the number
    """
    if after[:1] not in _VALUE_LIST_FIRST:
        return None  # most numbers open no list: not matched
    position, last = 0, None
    while match := _NEXT_VALUE.match(after, position):
        position, last = match.end(), match
    closing = _LAST_VALUE.match(after, last.start("value")) if last else None
    return _LIST_COMPARATOR[closing.group(1)] if closing else None
