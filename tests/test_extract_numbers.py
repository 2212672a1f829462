"""Numerals, multipliers, units and deadlines: the parts the extractor is built from."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from diff.alternation import WordTable, longest_first
from diff.comparators import comparator_around
from diff.deadlines import find_deadlines
from diff.numbers import QUANTITY, parse_arabic, parse_chinese, scale
from diff.quantities import find_candidates


@pytest.mark.parametrize("numeral, value", [
    ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("一万八千", 18000),
    ("三千二百万", 32000000), ("两万", 20000), ("二〇二七", 2027), ("五十六", 56),
    ("一亿二千万", 120000000), ("千亿", 100000000000), ("一万亿", 1000000000000),
])
def test_parse_chinese(numeral: str, value: int) -> None:
    """Chinese numerals in both positional (二〇二七) and unit (一万八千) forms."""
    assert parse_chinese(numeral) == Decimal(value)


@pytest.mark.parametrize("numeral", ["十五五千亿", "万万", "亿"])
def test_parse_chinese_rejects_malformed(numeral: str) -> None:
    """Strings that are not one numeral give None."""
    assert parse_chinese(numeral) is None


@pytest.mark.parametrize("number, multiplier, value", [
    ("2.94", "万", Decimal("29400")), ("4", "万亿", Decimal("4000000000000")),
    ("1,200.5", None, Decimal("1200.5")), ("0.12", None, Decimal("0.12")),
    ("33757.93", "亿", Decimal("3375793000000")),
])
def test_exact_decimal_arithmetic(number: str, multiplier: str | None, value: Decimal) -> None:
    """Multipliers apply in exact decimals (no binary rounding)."""
    assert scale(parse_arabic(number), multiplier) == value


@pytest.mark.parametrize("text, unit", [
    ("3万亿元", "元"), ("3200万人次", "人次"), ("2个百分点", "个百分点"), ("10平方公里", "平方公里"),
    ("5万吨", "吨"), ("70%", "%"), ("18轮", "轮"),
])
def test_units_are_base_units(text: str, unit: str) -> None:
    """The unit is the base unit once the multiplier is taken out."""
    [candidate] = list(find_candidates(text + "。"))
    assert candidate.unit == unit


def test_zhao_before_money_or_grain_is_ten_to_the_twelfth() -> None:
    """b52/p_guowuyuan_gzbg_2026, a Taiwan copy: 30兆元 and 1.4兆斤 are 万亿; 100兆瓦 is megawatts,
    a unit this reader does not count."""
    assert [(c.value, c.unit) for c in find_candidates("支出规模将首次达到30兆元,粮食产量1.4兆斤左右。")] == [
        (Decimal("30000000000000"), "元"), (Decimal("1400000000000"), "斤")]
    assert [c for c in find_candidates("新增装机100兆瓦。") if c.unit] == []


@pytest.mark.parametrize("text", [
    "2025年8月18日", "6:30", "第3版", "“33618”体系", "7个方面", "三个作用", "千家万户", "5G",
    "023-63601234", "30周年", "4万亿台阶",
])
def test_never_candidates(text: str) -> None:
    """Dates, times, ordinals, slogans, meta-counts, small Chinese counts, idioms: no quantity."""
    assert [c for c in find_candidates(text + "。") if c.unit] == []


def test_range_regex_keeps_both_ends() -> None:
    """4.5%-5% is one match with both numbers."""
    match = QUANTITY.search("4.5%-5%")
    assert (match["n1"], match["n2"], match["u2"]) == ("4.5", "5", "%")


@pytest.mark.parametrize("sentence, published, years", [
    ("到2027年,全市研发投入强度达3%", None, [2027]),
    ("力争到2030年底全市高新技术企业达到2万家", None, [2030]),
    ("2027年底前实现行政村全覆盖", None, [2027]),
    ("到二〇三五年基本建成", None, [2035]),
    ("“十五五”期间基本建成", None, [2030]),
    ("十四五时期", None, [2025]),
    ("今年新建5G基站", dt.date(2026, 3, 1), [2026]),
    ("明年新建5G基站", dt.date(2026, 3, 1), [2027]),
    ("明年再推进200万亩,后年再推进200万亩", dt.date(2023, 11, 20), [2024, 2025]),  # b66/p_nongye_guanjianci_2023
    ("今后年均增长6%", dt.date(2026, 3, 1), []),
    ("今后五年规上工业企业超过9000家", dt.date(2026, 3, 1), [2030]),
    ("今后三年新增城镇就业50万人", dt.date(2026, 3, 1), [2028]),
    ("未来10年建成新能源送出基地", dt.date(2025, 6, 1), [2034]),
    ("未来4年建成10个样板镇街", dt.date(2023, 12, 1), [2027]),
    ("今冬明春,全市将新增集中供暖面积50万平方米", dt.date(2025, 11, 20), [2026]),
    ("今冬明春将完成冬修水利工程1000处", dt.date(2026, 1, 10), [2026]),
    ("今年以来新增就业", dt.date(2026, 3, 1), []),
    ("今年1至11月外贸进出口总值", dt.date(2026, 12, 1), []),
    ("全会于2025年8月18日召开", None, []),
    ("2024年全市地区生产总值", dt.date(2025, 1, 20), []),
    ("2026年主要预期目标", dt.date(2026, 1, 20), [2026]),
    ("高质量编制“十五五”规划", None, []),
])
def test_find_deadlines(sentence: str, published: dt.date | None, years: list[int]) -> None:
    """Explicit, period and relative deadlines; dates and past reporting years are not deadlines."""
    assert [d.year for d in find_deadlines(sentence, published)] == years


def test_past_years_are_history() -> None:
    """到2025年 in an article of 2026 reports history: no deadline."""
    assert find_deadlines("到2025年底,全市建成5G基站10万个", dt.date(2026, 1, 20)) == []
    assert [d.year for d in find_deadlines("到2025年底,全市建成5G基站10万个", None)] == [2025]


@pytest.mark.parametrize("sentence", ["“十五五”开局之年", "持续迭代“十五五”重大项目清单"])
def test_bare_plan_period_is_a_name_not_a_deadline(sentence: str) -> None:
    """“十五五” naming the plan (开局之年, 重大项目清单) dates nothing."""
    assert find_deadlines(sentence, None) == []


@pytest.mark.parametrize("text", [
    "湖北省武汉市江岸区召开会议,四川省成都市和西宁市湟中区", "中国西藏网报道上海市浦东新区建设",
    "重庆市万州区2026年政府工作报告", "", "成都成都市成",
])
def test_word_table_finds_what_the_alternation_finds(text: str) -> None:
    """A WordTable finds the same words at the same places as re.finditer over the
    longest_first alternation of its words: leftmost, longest, not overlapping."""
    words = ["湖北省", "湖北", "武汉市", "武汉", "江岸区", "四川省", "四川", "成都市", "成都",
             "西宁市", "西藏", "上海市", "上海", "浦东新区", "万州区"]
    expected = [(m.group(0), m.start()) for m in re.finditer(longest_first(words), text)]
    assert [(m.group(0), m.start()) for m in WordTable(words).finditer(text)] == expected


def test_measure_words_of_lessons_teams_and_batches() -> None:
    """b55/p_julu_msss_2023: 推进300堂健康知识巡讲 counts lessons; 批次, 支, 门 and 篇 count too."""
    found = [(c.value, c.unit) for c in find_candidates("推进300堂健康知识巡讲,抽检1600批次,组建12支队伍,开设8门课程,发表论文970篇。")]
    assert found == [(300, "堂"), (1600, "批次"), (12, "支"), (8, "门"), (970, "篇")]


def test_rates_per_unit_and_compound_units_are_units_of_their_own() -> None:
    """b29/p_zhejiang_wunian_2023 28万元/人, b42/p_guoqi_tuijinhui_2027 1650万吨/日, b52/
    p_guowuyuan_gzbg_2026 58亿吨标准煤, b56/p_yuzhong_shishi_2016 800人(次), b29 3万家次."""
    found = [(c.value, c.unit) for c in find_candidates(
        "全员劳动生产率达到28万元/人,水处理能力提升至1650万吨/日,能源综合生产能力达到58亿吨标准煤,"
        "开展职业技能培训800人(次),参与企业3万家次。")]
    assert found == [(280000, "元/人"), (16500000, "吨/日"), (5800000000, "吨标准煤"), (800, "人次"),
                     (30000, "家次")]


def test_an_index_or_coefficient_has_a_value_without_a_unit() -> None:
    """b58/p_zhejiang_weijian_2023 指数达85, b57/p_zhizao_fangan_2027 指数提高至92以上, b14/
    p_shuili_sannian_2025 系数提高到0.515: bare numbers, read only after 指数 or 系数."""
    sentence = "健康浙江发展指数达85,制造业质量竞争力指数提高至92以上,农田灌溉水有效利用系数提高到0.515,全市85个街道。"
    assert [(c.value, c.unit) for c in sorted(find_candidates(sentence), key=lambda c: c.start)] == [
        (85, ""), (92, ""), (Decimal("0.515"), ""), (85, "个")]


def test_a_comparison_sign_bounds_a_value() -> None:
    """b58/p_lanzhou_wenlv_2025: 国家检测得分≥76分."""
    assert comparator_around("国家检测得分≥", "分", "=") == (">=", "")
    assert comparator_around("PM2.5浓度≤", "微克/立方米", "=") == ("<=", "")


def test_computing_power_units() -> None:
    """b58/p_wucheng_zhineng_2027: 智算规模达到1500PFlops."""
    sentence = "到2027年,全区智算规模达到1500PFlops,2030年达3000PFLOPS。"
    assert [(c.value, c.unit) for c in find_candidates(sentence)] == [(1500, "PFlops"), (3000, "PFlops")]


def test_a_count_before_a_graded_noun_counts_it() -> None:
    """b58/p_lanzhou_wenlv_2025 创建2个4A级景区, b13/p_5g_xinjijian_2020 建成3万个5G基站: the grade
    or generation opens the noun counted; a code glued to a number (5G, 3.5mm) still counts nothing."""
    found = [(c.value, c.unit) for c in find_candidates("创建2个4A级景区、5个3A级景区,建成3万个5G基站,推广5G应用。")]
    assert found == [(2, "个"), (5, "个"), (30000, "个")]


def test_a_one_that_ends_a_word_is_no_numeral() -> None:
    """b68/n_gaotie_santiao_2021 (traditional characters as published): 唯一一個直轄市 is the only
    municipality, not 11 of them; the numeral after such a word starts after its 一."""
    assert list(find_candidates("重庆作为中西部地区唯一一个直辖市,近年发展迅速。")) == []
    assert [(c.value, c.unit) for c in find_candidates("全国统一一百多个城市")] == [(100, "个")]
