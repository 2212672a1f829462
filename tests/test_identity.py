"""Indicator identity: the alias table, canonical names, fuzzy matching and the traps."""

from __future__ import annotations

import pytest

from diff.identity import (
    IndicatorTableError,
    canonical,
    dimension,
    indicator_key,
    load_table,
    lookup,
    same_indicator,
)


@pytest.mark.parametrize("text,expected", [
    ("全市研发投入强度", "研发投入强度"),
    ("重庆市轨道交通运营里程", "轨道交通运营里程"),
    ("万州区常住人口", "常住人口"),
    ("更新改造老旧小区", "老旧小区"),
    ("新建5G基站", "5G基站"),
    ("高新技术企业达到", "高新技术企业"),
    ("城区建成区面积", "城区建成区面积"),
    ("老旧小区", "老旧小区"),
    ("“R&D”经费投入强度", "R&D经费投入强度"),
])
def test_canonical_strips_regions_verbs_and_comparators(text, expected):
    assert canonical(text) == expected


@pytest.mark.parametrize("a,b,unit", [
    ("轨道运营里程", "轨道交通运营里程", "公里"),
    ("研发投入强度", "研发经费投入强度", "%"),
    ("研发投入强度", "R&D经费投入强度", "%"),
    ("高新技术企业", "国家高新技术企业", "家"),
    ("高新技术企业", "高企", "家"),
    ("更新改造老旧小区", "改造城镇老旧小区", "个"),
    ("国家科技创新基地平台", "国家级科技创新基地平台", "个"),
    ("地区生产总值", "经济总量", "元"),
])
def test_aliases_share_a_key(a, b, unit):
    assert indicator_key(a, unit) == indicator_key(b, unit)


@pytest.mark.parametrize("a,unit_a,b,unit_b", [
    ("老旧小区", "个", "老旧电梯", "台"),
    ("改造老旧小区", "个", "改造老旧电梯", "个"),
    ("高新技术企业", "家", "科技型企业", "家"),
    ("城区建成区面积", "平方公里", "城市建成区面积", "平方公里"),
    ("现代社区", "个", "绿色示范社区", "个"),
    ("轨道交通占公共交通出行比例", "%", "绿色出行比例", "%"),
    ("地区生产总值", "元", "工业经济", "元"),
    ("工业经济", "元", "工业增加值", "元"),
    ("地区生产总值", "元", "工业增加值", "元"),
    ("改造老旧小区", "个", "改造老旧小区", "平方米"),
])
def test_traps_stay_apart(a, unit_a, b, unit_b):
    known = [indicator_key(a, unit_a)]
    assert indicator_key(b, unit_b, known) != known[0]


def test_fuzzy_match_joins_a_known_name_of_the_same_dimension():
    known = ["新能源汽车充电桩|count"]
    assert indicator_key("新能源汽车充电桩数", "个", known) == "新能源汽车充电桩|count"
    assert indicator_key("新能源汽车充电桩数", "%", known) == "新能源汽车充电桩数|percent"


@pytest.mark.parametrize("name,known", [
    ("城乡居民人均可支配收入", "城镇居民人均可支配收入|money"),
    ("城区常住人口规模", "城市常住人口规模|people"),
    ("智能网联新能源汽车产量", "新能源汽车产量|count"),
    ("老旧小区加装电梯", "老旧小区|count"),
])
def test_fuzzy_match_keeps_near_misses_apart(name, known):
    unit = {"money": "元", "people": "人", "count": "个"}[known.split("|")[1]]
    assert indicator_key(name, unit, [known]) != known


def test_fuzzy_match_accepts_a_left_out_qualifier():
    assert indicator_key("国家级重点实验室", "个", ["国家重点实验室|count"]) == "国家重点实验室|count"


def test_unknown_indicator_keeps_its_own_name():
    assert indicator_key("全市新建5G基站", "个") == "5G基站|count"


def test_missing_unit_takes_the_curated_dimension():
    assert indicator_key("工业经济规模", "") == indicator_key("工业经济", "元") == "工业经济规模|money"


@pytest.mark.parametrize("unit,expected", [
    ("个", "count"), ("家", "count"), ("台", "count"), ("公里", "length"), ("%", "percent"),
    ("个百分点", "points"), ("平方米", "area"), ("", "none"), ("光年", "unit:光年"),
])
def test_dimension(unit, expected):
    assert dimension(unit) == expected


def test_region_is_part_of_identity():
    cq = {"indicator_key": "轨道运营里程|length", "region": "重庆市"}
    assert same_indicator(cq, {"indicator_key": "轨道运营里程|length", "region": "重庆市"})
    for region in ("成都市", "川渝", "万州区"):
        assert not same_indicator(cq, {"indicator_key": "轨道运营里程|length", "region": region})
    assert not same_indicator({"indicator_key": None, "region": "重庆市"},
                              {"indicator_key": None, "region": "重庆市"})


BASELINE_TARGETS = [  # indicator and unit of every target in the baseline documents
    ("研发投入强度", "%"), ("国家科技创新基地平台", "家"), ("高新技术企业", "家"),
    ("更新改造老旧小区", "个"), ("更新改造城中村", "个"), ("更新改造危旧房", "户"),
    ("改造老旧电梯", "台"), ("打造现代社区", "个"), ("城市更新示范片区", "个"),
    ("轨道运营里程", "公里"), ("轨道交通占公共交通出行比例", "%"),
    ("历史特色街巷和文化旅游休闲街区", "条"), ("保护修缮中国历史文化名镇", "个"),
    ("历史文化街区", "个"), ("市级工业遗产", "处"), ("工业经济规模", ""), ("常住人口", "人"),
    ("城区建成区面积", "平方公里"),
]


@pytest.mark.parametrize("indicator,unit", BASELINE_TARGETS)
def test_every_baseline_indicator_is_curated(indicator, unit):
    item = lookup(indicator)
    assert item is not None
    assert dimension(unit) in (item.dimension, "none")


def test_baseline_indicators_keep_distinct_keys():
    keys = [indicator_key(indicator, unit) for indicator, unit in BASELINE_TARGETS]
    assert len(set(keys)) == len(keys)


def test_table_rejects_an_alias_claimed_twice(tmp_path):
    path = tmp_path / "indicators.yml"
    path.write_text(
        "indicators:\n"
        "  - {name: 老旧小区, aliases: [改造老旧小区], dimension: count}\n"
        "  - {name: 老旧电梯, aliases: [老旧小区], dimension: count}\n",
        encoding="utf-8",
    )
    with pytest.raises(IndicatorTableError, match="already an alias of 老旧小区"):
        load_table(path)


@pytest.mark.parametrize("text,message", [
    ("indicators:\n  - {aliases: [a], dimension: count}\n", "lacks"),
    ("indicators:\n  - {name: 甲乙, dimension: weight}\n", "unknown dimension"),
    ("nothing: here\n", "cannot read"),
])
def test_table_errors_name_the_problem(tmp_path, text, message):
    path = tmp_path / "indicators.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(IndicatorTableError, match=message):
        load_table(path)
