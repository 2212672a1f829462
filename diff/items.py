"""Items of a list: what one item names and counts, apart from the numbers around it.

Plans list their items tersely (新建公园10个、绿道20公里; 开展“互联网营销师”等新职业培训1万人次;
城口、巫溪、酉阳、彭水4个…重点帮扶县). These functions tell which words of an item name what
is measured, and which counts only restate a list.
"""

from __future__ import annotations

import re
from decimal import Decimal

from diff.coordination import ITEM_SPLIT
from diff.phrases import clean_indicator
from diff.quantities import Candidate

#: A rate's name at the end of an indicator (年均增速, 同比降幅).
RATE_SUFFIX = re.compile(r"(?:年均|全年|累计)?(?:同比|环比)?(?:增速|增幅|降幅|涨幅)$")
#: The words a rate's name ends with: an indicator names a rate exactly when it ends with one
#: (a test of its end, cheaper than a RATE_SUFFIX search; indicators hold no line break).
RATE_WORDS = ("增速", "增幅", "降幅", "涨幅")


def without_rate(indicator: str) -> str:
    """An indicator without the rate's name at its end (全市地区生产总值年均增速 → 全市地区生产总值)."""
    return RATE_SUFFIX.sub("", indicator) if indicator.endswith(RATE_WORDS) else indicator
#: The verb that opens a list's first item (新建…、…): a short later item shares it.
_LIST_VERB_WORDS = ("更新改造", "保护修缮", "改造提升", "新建", "改建", "扩建", "改造", "打造", "建成", "建设", "培育",
                    "引进", "新增", "修缮", "创建", "开工")
LIST_VERB = re.compile("^(?:" + "|".join(_LIST_VERB_WORDS) + ")")
#: What a LIST_VERB match opens with: an indicator that opens otherwise is not matched.
LIST_VERB_FIRST = frozenset(word[0] for word in _LIST_VERB_WORDS)
#: A verb alone before a quantity: what it measures is the noun after the quantity.
_VERB_ONLY_WORDS = ("新增", "新建", "建设", "建成", "改造", "培育", "打造", "引进", "完成", "实施", "开工", "新开工",
                    "种植", "植树", "治理", "修复")
VERB_ONLY = re.compile("|".join(_VERB_ONLY_WORDS))
#: The same verbs as a set, to test a whole phrase (a look-up, cheaper than a regex call).
VERBS_ONLY = frozenset(_VERB_ONLY_WORDS)
#: A percentage of a set (70%的村级集体经济组织…, 90%的县级医院达到基本标准): what the rest of the
#: clause says of that share; not a rate of a change (10.8%的较快增长, 25.74%的跌幅).
_SHARE_OF = re.compile(
    r"的(?!跌幅|涨幅|增幅|降幅|增速|增长|较快|较高|速度|幅度|比例|比重|占比|水平|成绩|份额)"
    r"(?P<what>[^,;。:!?]{4,40})")
#: 均 after coordinated names gives the value to each (工业总产值和GDP均突破1000亿元).
EACH = re.compile(r"(?<![人年日月])均(?=(?:增速|增幅|降幅|涨幅)?$)")


def measured(sentence: str, number: Candidate) -> bool:
    """Whether a number is written as a measurement's approximation (近60万亩, 980多万亩), which
    a sentence does not plan with a weak time word alone (今年); a deadline or a plan word
    commits to it (近100个 in 十四五), and so does a plan list's frame (2万多个…充电端口)."""
    return sentence[number.start - 1:number.start] == "近" \
        or "多" in sentence[number.start:number.end]


def share_of(number: Candidate, prefix: str, after: str, tail: str) -> re.Match[str] | None:
    """A percentage that opens its item and is a share of a set (70%的村级集体经济组织…), or None."""
    if number.unit != "%" or clean_indicator(prefix):
        return None
    return _SHARE_OF.match(after, len(tail))


#: Names listed right before a count (城口、巫溪、酉阳、彭水4个…), the first led by its verb,
#: or right after it (2条城市轨道,即7号线一期、17号线一期).
_LISTED_NAMES = re.compile(r"(?:[^、,;:]{1,12}、)+[^、,;:]{1,8}$")
#: The number of a list's item opening a line (七、, 3、): no name.
_ITEM_NUMBER = re.compile(r"^[一二三四五六七八九十\d]{1,3}、")
_NAMED_AFTER = re.compile(r"[^,;。、:]{1,12}?,?(?:即|分别是|分别为|包括|:)(?P<names>[^,;。]+)")


def _names_before(prefix: str) -> re.Match[str] | None:
    """The _LISTED_NAMES match of ``prefix``, searched only where one can be: the pattern tries
    every position, so a prefix whose last name (after its last 、, with no break) is not one to
    eight characters long is not scanned, and names hold no break, so a scan starts after the last."""
    last = prefix.rfind("、")
    if last < 0 or not 1 <= len(prefix) - last - 1 <= 8:
        return None
    start = max(prefix.rfind(","), prefix.rfind(";"), prefix.rfind(":")) + 1
    return _LISTED_NAMES.search(prefix, start) if start <= last else None


def names_counted(prefix: str, after: str, value: Decimal) -> bool:
    """Whether a count only counts the names listed right before or after it (城口、巫溪、酉阳、
    彭水4个; 2条城市轨道,即7号线一期、17号线一期; 3所集团校:A、B、C); not a list's own number
    (七、提升改造便民市场2处)."""
    if "、" in prefix[1:4]:  # where an _ITEM_NUMBER's 、 stands
        prefix = _ITEM_NUMBER.sub("", prefix, 1)
    before = _names_before(prefix)
    if before is not None and before.group(0).count("、") + 1 == value:
        return True
    named = _NAMED_AFTER.match(after) if "即" in after or "分别" in after or "包括" in after or ":" in after \
        else None
    return named is not None and "、" in named["names"] \
        and named["names"].count("、") + named["names"].count("和") + 1 == value


#: The names a counted size class sizes, listed right before its count (打造A、B、C等3个, A、B、C
#: 这三大, 中药材、老腊肉两个).
_MEMBERS = re.compile(r"(?P<names>(?:[^、,;:]{1,24}、)*[^、,;:]{1,24}?(?:、|和|及)[^、,;:]{1,16}?)(?P<more>等)?这?"
                      r"(?:\d+|[一二三四五六七八九十两])(?:个|大)$")


def counted_members(prefix: str, count: int) -> list[str]:
    """The names listed right before a count, as many as it says (打造智能网联新能源汽车、新一代
    电子信息制造业、先进材料这三大: three) or fewer before 等 (新型显示、卫星互联网等5个), or none.

    :param prefix: the sentence text before the size class
    :param count: the count before the size class
    """
    listed = _MEMBERS.search(prefix) if "、" in prefix or "和" in prefix else None
    if listed is None:
        return []
    names = listed["names"].split("、")
    if len(names) < count and not listed["more"]:  # 中药材和老腊肉两个: the last 和 joins two
        names = [name for name in ITEM_SPLIT.split(listed["names"]) if name]
    if not (len(names) == count or (listed["more"] and 2 <= len(names) < count)):
        return []
    verb = LIST_VERB.search(names[0]) or _LEADING_VERB.search(names[0])
    if verb:
        names[0] = names[0][verb.end():]
    return [clean_indicator(name) for name in names]


#: What leads the first name of a list (聚力打造, 加快培育).
_LEADING_VERB = re.compile(r"^.*?(?:打造|培育|发展|壮大|建设|建成|形成)")


def after_earlier_items(prefix: str) -> str:
    """The words of a number's own item: after the last 、 that closes an item with a number
    of its own (高校新增博士学位授予单位1至2所、硕士学位授予单位1所), or that a goal word opens
    (做实打响“旅居云南”新品牌、力争旅居人数达600万; not 高于全国平均水平、力争达到5万元以上, the
    same subject's second value)."""
    cut = prefix.rfind("、")
    if cut > 0 and (any(ch.isdigit() for ch in prefix[:cut])
                    or (prefix.startswith(_GOAL_OPENINGS, cut + 1)
                        and not prefix.startswith(_VALUE_VERBS, cut + 3))):
        return prefix[cut + 1:]
    return prefix


#: Goal words that open an item of their own after a 、, and the verbs that give a value.
_GOAL_OPENINGS = ("力争", "确保", "争取")
_VALUE_VERBS = ("达到", "达", "超过", "突破", "实现", "保持")


#: 等 closing examples (黔江至吉首高铁等), not inside a word (高等, 一等奖, 等级, 等于).
_EXAMPLES_END = re.compile(r"(?<=[\u4e00-\u9fff”」)])(?<![高中同平初均一二三特上优对相次劣何超头])等(?![级同于候待])")


#: What after 等 measures the examples or only names their kind (智能体等普及率, 交通等领域…).
_MEASURES_EXAMPLES = re.compile(
    r"(?:率|比|比重|规模|增速|增幅|总量|总额|产值|投资|收入|营收|产量|数量|指标)$"
    r"|^(?:领域|方面|行业|产业|地区|区域|城市|省份|国家|部门|板块|主体)")


def after_examples(indicator: str) -> tuple[str, bool]:
    """An indicator without the examples that 等 closes, and whether what they exemplify
    follows the number: in 开展“互联网营销师”等新职业培训 what is measured is 新职业培训, in
    建成无废小区、无废学校等“无废细胞” it is 建成“无废细胞”, and in 开工建设黔江至吉首高铁等
    (2个项目) it is the verb and the noun after the number.

    :param indicator: a cleaned indicator
    """
    if "等" not in indicator:
        return indicator, False  # _EXAMPLES_END tries every position: most indicators have no 等
    ends = list(_EXAMPLES_END.finditer(indicator))
    if not ends or ends[-1].start() < 2:
        return indicator, False
    verb = LIST_VERB.match(indicator) or VERB_ONLY.match(indicator)
    rest = clean_indicator(indicator[ends[-1].end():])
    if _MEASURES_EXAMPLES.search(rest):
        return indicator, False  # 新一代智能终端、智能体等普及率: the rate of the examples
    return (verb.group(0) if verb else "") + rest, not rest


#: The count of the doublings after the names they double (数量五个“倍增”).
_DOUBLINGS_COUNTED = re.compile(r"(?:数量)?[一二三四五六七八九十两]个$")
#: The kind that 等 closes a list of examples with (等主要经济指标).
_EXAMPLES_CLASS = re.compile(r"等[^、和]*$")


def each(indicator: str) -> list[str]:
    """The indicators a value applies to one by one: A、B和C翻一番 doubles each of them, and
    A和B均突破N (A和B均增长N%) gives N to each."""
    rate = RATE_SUFFIX.search(indicator)
    suffix = rate.group(0) if rate and EACH.search(indicator) else ""
    bare = EACH.sub("", indicator[:len(indicator) - len(suffix)])
    if "等" in bare:  # A、B、C等主要经济指标都将翻一番: each example
        bare = _EXAMPLES_CLASS.sub("", bare)
    bare = _DOUBLINGS_COUNTED.sub("", bare)  # A、B、C数量三个“倍增”: one doubling each
    names = [name + suffix for name in ITEM_SPLIT.split(bare) if name]
    return names if len(names) > 1 and all(len(name) >= 2 for name in names) else [indicator]
