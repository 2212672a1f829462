"""Quantities: Arabic and Chinese numerals, multipliers, ranges and units, in exact decimals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import cn2an

from diff.alternation import longest_first

#: Chinese digits and their values (〇 and 零 both zero, 两 two).
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
#: Characters that can open a numeral without a digit before them (十二, 千亿).
_MAGNITUDES = "百千万亿"
#: Multipliers written after a number (longest first when matching).
MULTIPLIERS = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7,
               "百万": Decimal(10) ** 6, "万": Decimal(10) ** 4,
               # Taiwan's and Hong Kong's 兆 before money or grain (30兆元, 1.4兆斤); 兆瓦 is a unit
               "兆": Decimal(10) ** 12}
#: Units and measure words: text as written → base unit. Longest first when matching.
UNITS = {
    "个百分点": "个百分点", "平方公里": "平方公里", "平方千米": "平方公里", "平方米": "平方米",
    "立方米": "立方米", "千瓦时": "千瓦时", "千瓦": "千瓦", "标准箱": "标箱", "标箱": "标箱",
    "微克/立方米": "微克/立方米", "毫克/立方米": "毫克/立方米",
    "人次": "人次", "架次": "架次", "车次": "车次", "乘次": "乘次", "辆次": "辆次", "场次": "场次",
    "艘次": "艘次", "班次": "班次", "批次": "批次", "家次": "家次", "人(次)": "人次", "起": "起",
    "吨标准煤": "吨标准煤", "公里": "公里", "千米": "公里",
    "公顷": "公顷", "美元": "美元", "小时": "小时", "分钟": "分钟",
    "元": "元", "人": "人", "名": "名", "户": "户", "家": "家", "个": "个", "台": "台",
    "条": "条", "处": "处", "座": "座", "所": "所", "项": "项", "辆": "辆", "套": "套",
    "间": "间", "张": "张", "件": "件", "场": "场", "轮": "轮", "天": "天", "吨": "吨",
    "亩": "亩", "米": "米", "倍": "倍", "%": "%", "‰": "‰", "艘": "艘", "栋": "栋",
    "批": "批", "列": "列", "株": "株", "棵": "棵", "床": "床", "片": "片", "斤": "斤", "头": "头", "只": "只",
    "平方": "平方米",
    "岁": "岁", "册": "册", "部": "部", "款": "款", "度": "度", "方": "立方米", "担": "担", "堂": "堂", "支": "支", "门": "门", "篇": "篇",
    # computing power (智算规模达到1500PFlops); a bare P is too often part of a code
    "PFlops": "PFlops", "PFLOPS": "PFlops", "EFlops": "EFlops", "EFLOPS": "EFlops",
    # unit symbols as NFKC leaves them (㎡ → m2, km² → km2)
    "km2": "平方公里", "m2": "平方米", "m3": "立方米",
}

#: Rates per unit of time or per person (28万元/人, 60架次/小时, 1650万吨/日): a unit of their own.
UNITS.update({f"{unit}/{per}": f"{unit}/{per}" for unit in ("元", "吨", "架次", "立方米", "人次", "辆", "千瓦时", "公里")
              for per in ("人", "小时", "日", "天", "年", "秒")})

_UNIT_ALTERNATION = longest_first(list(UNITS))
#: 兆 is a multiplier only before money or grain (兆瓦 is a unit).
_MULT_ALTERNATION = f"(?:{longest_first([m for m in MULTIPLIERS if m != '兆'])}|兆(?=元|斤|美元))"

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CHINESE = r"[〇零一二两三四五六七八九十百千万亿]+(?:点[〇零一二三四五六七八九]+)?"
#: One quantity: number, optional multiplier, optional unit; or a range of two numbers.
QUANTITY = re.compile(
    rf"(?P<n1>{_ARABIC}|{_CHINESE})(?P<a0>余|多)?(?P<m1>{_MULT_ALTERNATION})?(?P<approx>余|多)?"
    rf"(?P<u1>{_UNIT_ALTERNATION})?"
    rf"(?:(?P<dash>[-~—–]|至|到)(?P<n2>{_ARABIC})(?P<m2>{_MULT_ALTERNATION})?"
    rf"(?P<u2>{_UNIT_ALTERNATION}))?"
)
#: What can follow a run of numerals inside a quantity: more of the number (1,200.5, 一点五),
#: 余/多, a multiplier, a unit, a range's dash.
_GOES_ON = "".join(sorted({*",.点余多-~—–至到", *(word[0] for word in (*MULTIPLIERS, *UNITS))}))
#: A run of numerals that may open a quantity with a unit or a multiplier. A run followed by
#: anything else (2026年, 一体化) is a bare number: QUANTITY matches just the run there, and
#: the scan skips it. It opens with a class (the run's kind checked behind its first
#: numeral), so the regex engine skips to the numerals.
_QUANTITY_START = re.compile(
    r"[\d〇零一二两三四五六七八九十百千万亿]"
    r"(?:(?<=\d)\d*+|(?<=[〇零一二两三四五六七八九十百千万亿])[〇零一二两三四五六七八九十百千万亿]*+)"
    rf"(?=[{re.escape(_GOES_ON)}])")


def find_quantities(text: str) -> Iterator[re.Match[str]]:
    """The QUANTITY matches of ``text`` with a unit or a multiplier, as ``QUANTITY.finditer``
    gives them (without its bare numbers: 2026, 一体化).

    A quantity starts with a numeral and always matches there, so the scan jumps from one
    run of numerals that may go on into a quantity to the next, instead of trying the whole
    pattern at every position.

    :param text: a sentence or a line
    """
    position = 0
    while (numeral := _QUANTITY_START.search(text, position)) is not None:
        match = QUANTITY.match(text, numeral.start())
        assert match is not None  # a quantity always matches at its numeral
        position = match.end()
        if match["u1"] or match["u2"] or match["m1"]:
            yield match


PERCENT_CN = re.compile(r"百分之(?P<n>[〇零一二两三四五六七八九十百点]+)")
#: A doubling (翻一番, 倍增): not a plan's name (倍增计划) nor a feeling that grows (信心倍增, 干劲倍增),
#: which no one measures.
DOUBLING = re.compile(r"翻(?P<n>一|两|二|三)?番"
                      r"|双?(?<!信心|干劲|底气|勇气|热情|斗志|士气|劲头|精神|兴致|喜悦)倍增"
                      r"(?!计划|行动|工程|专项|器|效应|作用|效果)")


@dataclass
class Quantity:
    """A number found in text, in base units, with its span."""

    value: Decimal
    unit: str
    start: int
    end: int
    value_max: Decimal | None = None
    chinese: bool = False


@lru_cache(maxsize=4096)
def parse_chinese(numeral: str) -> Decimal | None:
    """Value of a Chinese numeral string (一万八千 → 18000, 二〇二七 → 2027), None if malformed.

    A thin wrapper around ``cn2an`` (called on the numeral only, never on running text);
    a bare order of magnitude (千亿, 百万) counts one of it. Cached: the same few numerals
    recur in every text.

    :param numeral: characters from 〇零一二两三四五六七八九十百千万亿 (and 点 for decimals)
    """
    if not numeral:
        return None
    if numeral[0] in _MAGNITUDES:
        if len(numeral) == 1:
            return None
        numeral = "一" + numeral
    try:
        value = cn2an.cn2an(numeral, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return Decimal(str(value))


def parse_arabic(number: str) -> Decimal:
    """Exact value of an Arabic numeral with optional thousands commas (1,200.5 → 1200.5).

    :param number: digits, commas and at most one decimal point
    """
    return Decimal(number.replace(",", ""))


def parse_number(number: str) -> Decimal | None:
    """Value of an Arabic or Chinese numeral string.

    :param number: the numeral as written
    """
    if number[0].isdigit():
        return parse_arabic(number)
    return parse_chinese(number)


def scale(value: Decimal, multiplier: str | None) -> Decimal:
    """Apply a written multiplier (万, 亿, 万亿) to a value.

    :param value: the number before the multiplier
    :param multiplier: the multiplier text or None
    """
    return value * MULTIPLIERS[multiplier] if multiplier else value


def to_float(value: Decimal | None) -> float | None:
    """A Decimal as float (exact for the integers and short decimals of policy texts).

    :param value: the value or None
    """
    return None if value is None else float(value)
