"""Candidate quantities in a sentence: numbers with units, after the never-target filters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from diff.numbers import (
    DOUBLING,
    PERCENT_CN,
    UNITS,
    find_quantities,
    parse_chinese,
    parse_number,
    scale,
)
from diff.phrases import META_NOUNS, in_idiom, inside_quotes, quote_names_a_measure

#: Words that make the number after them an order, a price or part of a code (第, 前, 售价,
#: 第二个百万辆: the second milestone of a million).
_BEFORE_NUMBER_BAD = re.compile(r"(?:第|第[一二三四五六七八九十\d]+个|前|仅|只需|只要|特价|售价|低至|[\d.:/A-Za-z])$")
_AFTER_NUMBER_BAD = re.compile(r"^(?:[:\dA-Za-z制]|\.(?!\.\.)|分钟[^,。;]{0,10}圈|小时[^,。;]{0,10}圈)")
#: The characters other than digits and ASCII letters a _BEFORE_NUMBER_BAD match can end with
#: (or stand before: $ matches before a final newline) and an _AFTER_NUMBER_BAD match open
#: with: a number next to any other character (a comma, most Chinese) is not matched.
_BAD_LAST = frozenset("第个前仅需要价至.:/\n")
_BAD_FIRST = frozenset("制分小:.")
#: A second quantity of the same item right after a count (老旧小区25个1697户, 安防工程6条20公里).
_SAME_ITEM_QUANTITY = re.compile(r"\d+(?:\.\d+)?[万亿]?(?:[个家条处座所名户台项辆套间张件场亩吨元]|公里|千米|米|平方米|立方米|人)"
                              r"(?:[、,;。]|$)")
#: A noun that opens on a number and a Latin letter right after a count (3万个5G基站, 2个4A级景区):
#: the grade or generation of what is counted, not a code glued to the count.
_GRADED_NOUN = re.compile(r"\d[A-Za-z]")
#: An indicator's Latin name right after a multiple (15万GDP超120亿): the next item, not a code.
_NEXT_TERM = re.compile(r"(?:GDP|CPI|PPI|PM2\.5)")
#: A measure word that is really the first character of a noun (4万亿台阶, 10万人才).
UNIT_WORDS = {"台阶", "个月", "家庭", "家园", "家长", "人才", "人员", "人民", "人群", "人口", "名单", "天然", "条件",
              "项目", "处理", "所有", "座谈", "场景", "场所", "场馆", "台风", "部门", "部署", "批次",
              "位置", "片区", "件事", "间隔", "度假", "方面", "方向", "方式", "方案", "方法", "方位",
              "个多", "个半"}
_COVERAGE = re.compile(r"全覆盖(?!工作|会议|行动|工程|专项|试点)")
#: A size class as a target (成为第5大万亿级产业集群, 达到百亿级规模): at least that much, in 元. After a count
#: (打造3个千亿级产业集群) the class only names what is counted.
_LEVEL = re.compile(r"(?<![\d个一二两三四五六七八九十])(?P<times>[一二两三四五六七八九])?(?P<level>百亿|千亿|万亿)元?级(?P<noun>[\u4e00-\u9fff]{1,14}?(?:集群|产业|企业|园区|基地|商圈|市场)|(?=规模))")
_LEVELS = {"百亿": Decimal(10) ** 10, "千亿": Decimal(10) ** 11, "万亿": Decimal(10) ** 12}
#: What a size class after an amount names (50亿级产业集群).
_CLASS_NAME = re.compile(r"[\u4e00-\u9fff]{1,14}(?:集群|产业|企业|园区|基地|商圈|市场)")
#: A size class after an amount of money (7万亿级, 50亿级): the amount is in 元.
_MONEY_MAGNITUDES = {"亿", "万亿", "千亿", "百亿"}
#: A count right before a size class (两个50亿级, 3个千亿级): the class's members are counted;
#: 一批 (a batch of 千亿级…) counts none.
_COUNTED = re.compile(r"(?<!第)(?<!\d)(?P<count>\d+|[一二三四五六七八九十两几])(?:个|大)$|一批$")
#: Orders of magnitude written alone (千万, 百万): before a unit and a noun they name a class.
_BARE_MAGNITUDES = {"百万", "千万", "百亿", "千亿", "万亿"}
#: An order of magnitude of money reached or passed, with no unit (工业产值过千亿, 地区生产总值
#: 跨过万亿大关); not a size class (千亿级) or an amount with its unit (千亿元), read elsewhere.
_LEVEL_REACHED = re.compile(
    r"(?P<verb>超过|突破|达到|迈上|迈过|跨过|跨上|跨越|冲刺|过|超|破|达)(?P<level>百亿|千亿|万亿)(?![元级美\d万亿])")
_PASSED = ("超过", "突破", "迈过", "跨过", "跨越", "过", "超", "破")
_CLASS_NOUN = re.compile(r"(?!以上|左右|以内|以下|规模|级)[\u4e00-\u9fff]")
#: A ratio to one after the 比 that names it, in its clause (收入比为2.3∶1, 之比达到2.3:1以上).
_RATIO = re.compile(r"比[^,;。:\d]{0,10}?(?P<n>\d+(?:\.\d+)?)[:∶]1(?![\d.:])")
_RANK = re.compile(r"(?:进入|跻身|位居|保持|稳居)全国前(?P<n>十|\d+)(?:位|名|强)?")


#: Every word one of the rarer shapes below needs (百分之十五, 翻一番, 指数, 全覆盖, 千亿级, 过千亿,
#: 全国前十, 2.3:1).
_RARE_SHAPE_WORDS = re.compile(r"百分之|番|倍增|指数|系数|全覆盖|亿级|亿元级|百亿|千亿|万亿|全国前|:1|∶1")


@dataclass
class Candidate:
    """A candidate quantity inside one sentence (offsets relative to the sentence)."""

    start: int
    end: int
    value: Decimal
    unit: str
    comparator: str = "="
    value_max: Decimal | None = None
    fixed_indicator: str | None = None
    multiplier_only: bool = False
    plan_only: bool = False
    """Only a target: the shape names a class, not a measure, when nothing plans it."""
    counted: int = 0
    """The count before a size class (A、B、C等3个3000亿级产业集群): the class sizes each of
    the names listed before it, or nothing when they are not listed."""


def find_candidates(sentence: str) -> Iterator[Candidate]:
    """Candidate quantities in a sentence, after the never-target filters.

    :param sentence: one normalised sentence
    """
    for match in find_quantities(sentence):  # a bare numeral (一体化, 2026) measures nothing
        number = _quantity(sentence, match)
        if number is not None:
            yield number
    if not _RARE_SHAPE_WORDS.search(sentence):
        return  # one search instead of a test of each word: most sentences hold none
    if "百分之" in sentence:
        yield from _percent_words(sentence)
    if "番" in sentence or "倍增" in sentence:
        yield from _doublings(sentence)
    if "指数" in sentence or "系数" in sentence:
        yield from _index_values(sentence)
    if "全覆盖" in sentence:
        for match in _COVERAGE.finditer(sentence):
            yield Candidate(match.start(), match.end(), Decimal(100), "%", fixed_indicator="覆盖率")
    if "亿级" in sentence or "亿元级" in sentence:  # what every _LEVEL match holds (not 市级, 世界级)
        yield from _size_classes(sentence)
    if "百亿" in sentence or "千亿" in sentence or "万亿" in sentence:  # what _LEVEL_REACHED needs
        yield from _levels_reached(sentence)
    if "全国前" in sentence:
        yield from _ranks(sentence)
    if ":1" in sentence or "∶1" in sentence:
        yield from _ratios(sentence)


def _percent_words(sentence: str) -> Iterator[Candidate]:
    """Percentages written in words (百分之十五)."""
    for match in PERCENT_CN.finditer(sentence):
        value = parse_chinese(match["n"])
        if value is not None and not inside_quotes(sentence, match.start()):
            yield Candidate(match.start(), match.end(), value, "%")


#: A verb that makes the doubling quoted right after it a goal (实现“双倍增”), or a count of the
#: doublings (A、B、C数量三个“倍增”).
_GOAL_VERB_QUOTE = ("实现“", "达到“", "力争“", "个“")


#: A bare number right after an index or a coefficient and its verb (健康浙江发展指数达85, 农田灌溉水
#: 有效利用系数提高到0.515): a value without a unit.
_INDEX_VALUE = re.compile(r"(?:指数|系数)(?:达到|达|提高到|提高至|提升至|提升到|保持在|稳定在|为|超过|不低于|控制在)?"
                          r"(?P<n>\d+(?:\.\d+)?)(?=以上|以下|左右|[^\d.%万亿\u4e00-\u9fff]|$)")


def _index_values(sentence: str) -> Iterator[Candidate]:
    """Values of an index or a coefficient, which have no unit (指数提高至92以上)."""
    for match in _INDEX_VALUE.finditer(sentence):
        yield Candidate(match.start("n"), match.end("n"), Decimal(match["n"]), "")


def _doublings(sentence: str) -> Iterator[Candidate]:
    """Multiples written as doublings (翻一番, 翻两番, 实现双倍增)."""
    for match in DOUBLING.finditer(sentence):
        if inside_quotes(sentence, match.start()) and not sentence.endswith(_GOAL_VERB_QUOTE, 0, match.start()):
            continue  # “两个翻番”: a slogan, not a measure; but 企业实现“双倍增”: the goal itself
        times = {"一": 1, "两": 2, "二": 2, "三": 3}[match["n"] or "一"]
        yield Candidate(match.start(), match.end(), Decimal(2) ** times, "倍")


def _size_classes(sentence: str) -> Iterator[Candidate]:
    """Size classes as targets (万亿级产业集群); after a count, the size of each name listed
    before it (智能网联新能源汽车、新一代电子信息制造业、先进材料这三大万亿元级产业集群)."""
    for match in _LEVEL.finditer(sentence):
        if inside_quotes(sentence, match.start()):
            continue
        counted = _COUNTED.search(sentence, max(0, match.start() - 4), match.start())
        if counted is not None and not counted["count"]:
            continue  # 一批千亿级…: a batch, no names
        # 达到百亿级规模: the size of what the clause names
        times = _count(match["times"]) if match["times"] else 1  # 五千亿级: 5 × 千亿
        yield Candidate(match.start(), match.end("level") + 1, times * _LEVELS[match["level"]], "元",
                        comparator=">=", fixed_indicator=match["noun"] + "规模", plan_only=True,
                        counted=_count(counted["count"]) if counted else 0)


#: A plan word right before a quote: the quote is the plan's item in its own words (其中计划“新增
#: 建设100个口袋公园”), not a name.
_PLAN_BEFORE_QUOTE = re.compile(r"(?:计划|目标|任务|提出|力争|确保)(?:是|为)?[:,]?“$")


def _quoted_plan_item(sentence: str, position: int) -> bool:
    """Whether the quote around ``position`` is a plan's item quoted after its plan word."""
    opening = sentence.rfind("“", 0, position)
    return bool(_PLAN_BEFORE_QUOTE.search(sentence, max(0, opening - 6), opening + 1))


def class_count(sentence: str, size: Candidate) -> Candidate | None:
    """The count of a size class whose members the text does not name (培育5个100亿级消费品
    工业龙头企业: 5 个 of 100亿级消费品工业龙头企业), or None; N大 names a system's parts.

    :param sentence: the sentence of the size
    :param size: a counted size class (``counted`` > 0)
    """
    count = _COUNTED.search(sentence, max(0, size.start - 4), size.start)
    if count is None or not count["count"] or not count.group(0).endswith("个") or size.fixed_indicator is None:
        return None  # 3大万亿级主导产业集群: the parts of a system (“33618”), not a count
    name = sentence[size.start:size.end] + size.fixed_indicator.removesuffix("规模")
    return Candidate(count.start("count"), count.end(), Decimal(size.counted), "个", fixed_indicator=name,
                     plan_only=True)


def _count(numeral: str) -> int:
    """The number a count before a size class gives (3, 两, 三)."""
    return int(numeral) if numeral.isdigit() else int(parse_number(numeral) or 0)


def _levels_reached(sentence: str) -> Iterator[Candidate]:
    """Orders of magnitude of money reached or passed (工业产值过千亿): 1 × the magnitude, in the
    unit the indicator names; none in a quoted slogan (“三年进百强,五年达千亿”)."""
    for match in _LEVEL_REACHED.finditer(sentence):
        if inside_quotes(sentence, match.start()) and not _quoted_plan_item(sentence, match.start()):
            continue
        yield Candidate(match.start(), match.end(), _LEVELS[match["level"]], "",
                        comparator=">" if match["verb"] in _PASSED else "=", multiplier_only=True)


def _ratios(sentence: str) -> Iterator[Candidate]:
    """Ratios to one that a 比 names (城乡居民收入比缩小至2.3:1): the first term, without a unit."""
    for match in _RATIO.finditer(sentence):
        yield Candidate(match.start("n"), match.end(), Decimal(match["n"]), "")


def _ranks(sentence: str) -> Iterator[Candidate]:
    """National ranks to reach or keep (进入全国前十)."""
    for match in _RANK.finditer(sentence):
        n = match["n"]
        value = Decimal(10) if n == "十" else Decimal(n)
        yield Candidate(match.start(), match.end(), value, "位", comparator="<=",
                      fixed_indicator="全国排名")


def _quantity(sentence: str, match: re.Match[str]) -> Candidate | None:
    """A quantity match turned into a candidate, or None when it is never a target."""
    start, end = match.start(), match.end()
    # every group read once: each look-up by name builds its string again
    numeral, over, multiplier, approx, unit1, second, multiplier2, unit2 = match.group(
        "n1", "a0", "m1", "approx", "u1", "n2", "m2", "u2")
    unit = unit1 or unit2
    if unit and not second and (sentence[end - len(unit):end + 1] in UNIT_WORDS
                                or sentence.startswith("个小时", end - len(unit))):
        end -= len(unit)
        unit = None  # 3个小时 (not 100个小区, 40个小学生暑托班)
    chinese = not numeral[0].isdigit()
    if chinese and numeral[0] == "一" and start and sentence[start - 1] in _ONE_AFTER:
        numeral, start = numeral[1:], start + 1  # 唯一一个直辖市: 唯一 is a word, 一个 follows
        if not numeral:
            return None
    if second and not unit2:
        end = match.start("dash")
    if chinese and (not unit or not (_chinese_count(numeral) or multiplier)):
        return None  # 一个, 三年: a word, not a count; 一点五亿元 is an amount
    if not unit and not multiplier:
        return None
    if _may_open_or_close(sentence[start - 1:start] if start else "", _BAD_LAST) \
            and _BEFORE_NUMBER_BAD.search(sentence[max(0, start - 4):start]):
        return None
    if (_may_open_or_close(sentence[end:end + 1], _BAD_FIRST) and _AFTER_NUMBER_BAD.match(sentence[end:])
            and not (multiplier and _NEXT_TERM.match(sentence, end))
            and not (unit in COUNT_UNITS and (_SAME_ITEM_QUANTITY.match(sentence, end)
                                              or _GRADED_NOUN.match(sentence, end)))) \
            or ("“" in sentence and _in_open_quote(sentence, start)
                and ((inside_quotes(sentence, start) and not _quoted_plan_item(sentence, start))
                     or quote_names_a_measure(sentence, start))):
        return None  # 5G, 3.5mm; but 人口超15万GDP超120亿: a multiple before the next item's name
    if sentence.find("(", max(0, start - 12), start) >= 0 \
            and _RESTATED.search(sentence, max(0, start - 12), start):
        return None  # 约人民币一点五亿元(约台币六点八亿元): the same amount again
    if unit and UNITS.get(unit) != "%" and META_NOUNS.match(sentence[end:]):
        return None
    if chinese and in_idiom(sentence, start, end):
        return None
    if numeral in _BARE_MAGNITUDES and unit and _CLASS_NOUN.match(sentence, end):
        return None  # 实施千万亩高标准农田改造提升行动: a class of fields, not a count
    if chinese and _APPROXIMATE.fullmatch(numeral):
        return None  # 两三个世界级产业集群: a rough range, no single value
    if unit in COUNT_UNITS and sentence.startswith("(", end) and _OTHER_MEASURE.match(sentence, end):
        end += 3  # 150条(个)美丽河湖、幸福河湖: the measure word of the other things counted
    value = parse_number(numeral)
    if value is None or _tally(sentence, start, value):
        return None
    if second and unit2 and UNITS.get(unit) in COUNT_UNITS:
        return None  # 布局2~5个中心: a range of counts commits to no single number
    counted = None
    if not unit and multiplier in _MONEY_MAGNITUDES and sentence.startswith("级", end):
        counted = _COUNTED.search(sentence, max(0, start - 4), start)
        if counted is not None and not (counted["count"] and (noun := _CLASS_NAME.match(sentence, end + 1))):
            return None  # 一批50亿级…: a batch, no names
        unit, end = "元", end + 1  # 提升至7万亿级: a size class of money
    value = scale(value, multiplier or (multiplier2 if unit2 and not unit1 else None))
    value_max = None
    if second and unit2:
        value_max = scale(parse_number(second) or Decimal(0), multiplier2)
    if counted is not None:  # 3个3000亿级主导产业集群: the size of each name listed before
        assert noun is not None  # set with counted: a size class names what it sizes
        return Candidate(start, end, value, "元", comparator=">=", fixed_indicator=noun.group(0) + "规模",
                         plan_only=True, counted=_count(counted["count"]))
    return Candidate(start, end, value, UNITS.get(unit, "") if unit else "", value_max=value_max,
                     multiplier_only=not unit,
                     comparator=">" if approx or over else "=")


#: Characters that make a word with the 一 after them (唯一, 统一, 逐一, 之一, 万一, 单一, 同一).
_ONE_AFTER = frozenset("唯统逐之万单同专划归")
#: An amount restated in parentheses right after another (…元(约台币六点八亿…)).
_RESTATED = re.compile(r"[\d元万亿]\((?:约|合|折合|约合)?[^\d()]{0,4}$")
#: A second measure word in parentheses after a count's (150条(个)): the count covers things of both.
_OTHER_MEASURE = re.compile(r"\([个家条处座所名户台项辆套间张件场]\)")
#: Two neighbouring digits read as one rough number (两三个, 三四家, 五六项).
_APPROXIMATE = re.compile(r"一两|两三|三四|四五|五六|六七|七八|八九")
#: Units that count things: a range of them (1—2个, 2~5个) is never one target.
COUNT_UNITS = set("个家条处座所名户台项辆套间张件场轮批艘栋株棵床片册部款列堂支门篇")
#: Measure words that count the noun after them (18轮强降雨, 3个千亿级产业集群).
MEASURE_WORDS = COUNT_UNITS | {"天"}


def _may_open_or_close(character: str, others: frozenset[str]) -> bool:
    """Whether a character next to a number may be part of a bad neighbour: a digit (``\\d``:
    any decimal digit), an ASCII letter or one of ``others``."""
    return character in others or character.isdecimal() or (character.isascii() and character.isalpha())


def _in_open_quote(sentence: str, position: int) -> bool:
    """Whether a “ opens before ``position`` and no ” closes it there: what a number must be
    for the quote checks, tested without calling them (most numbers stand outside quotes)."""
    return sentence.rfind("“", 0, position) > sentence.rfind("”", 0, position)


def _tally(sentence: str, start: int, value: Decimal) -> bool:
    """Whether a count only tallies the names listed just before it (渝万高铁、渝宜高铁、
    涪陵北站扩容等3个铁路项目; A医院、B医院、C医院、D医院,4个输入医院), as opposed to
    成渝中线高铁等320个川渝共建项目."""
    mark = sentence[start - 1:start]
    if mark not in ("等", ","):
        return False
    clause = sentence[max(sentence.rfind(c, 0, start - 1) for c in ",;:") + 1:start - 1]
    if mark == "," and "、" not in clause:
        return False
    return value == clause.count("、") + 1


def _chinese_count(numeral: str) -> bool:
    """Whether a Chinese numeral is a real count: ten or more, starting with a digit or 十,
    or a bare order of magnitude before a unit (千亿元, 千万人次)."""
    if numeral in ("百亿", "千亿", "万亿", "百万", "千万"):
        return True
    if numeral[0] not in "〇零一二两三四五六七八九十":
        return False
    value = parse_chinese(numeral)
    return value is not None and value >= 10
