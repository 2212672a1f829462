"""Extractor v2 on unseen material: subjects, plan frames and years carried through a paragraph.

All sentences are invented sample text in the style of Chongqing papers and portals (not the
evaluation corpus): one parametrized case per error class the hardening fixed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diff.extract import EXTRACTOR_VERSION, extract_targets
from policywatch.normalize import normalize_text

PUBLISHED = dt.date(2027, 2, 8)


def rows(raw: str, published: dt.date | None = PUBLISHED) -> list[tuple]:
    """(kind, indicator, value, unit, comparator, year, region) of each record."""
    return [(t.kind, t.indicator, t.value, t.unit, t.comparator, t.year, t.region)
            for t in extract_targets(normalize_text(raw), published)]


def test_version_is_bumped() -> None:
    """Output changed, so stored targets must be re-extracted."""
    assert EXTRACTOR_VERSION == "50"


@pytest.mark.parametrize("raw, expected", [
    ("今年涪陵将新建5G基站800个。",
     [("target", "新建5G基站", 800, "个", "=", 2027, "涪陵区")]),
    ("会议提出,明年綦江将引进亿元以上项目40个。",
     [("target", "引进亿元以上项目", 40, "个", "=", 2028, "綦江区")]),
    ("“十五五”时期,綦江将建设西部先进制造基地;全区规上工业产值突破1500亿元。",
     [("target", "规上工业产值", 1.5e11, "元", ">", 2030, "綦江区")]),
    ("合川区召开项目推进会。会上,全区集中开工项目60个。",
     [("statistic", "集中开工项目", 60, "个", "=", None, "合川区")]),
    ("巫山县提出,到2028年,全县森林覆盖率达到65%。\n全县今年将新增民宿床位3000张。",
     [("target", "森林覆盖率", 65, "%", "=", 2028, "巫山县"),
      ("target", "新增民宿床位", 3000, "张", "=", 2027, "巫山县")]),
    ("到2029年,重庆将建成国际门户枢纽,江北国际机场年旅客吞吐量达到5500万人次。",
     [("qualitative", "建成国际门户枢纽", None, "", "", 2029, "重庆市"),
      ("target", "江北国际机场年旅客吞吐量", 5.5e7, "人次", "=", 2029, "重庆市")]),
    ("到2028年,川渝地区高速公路通车里程达到1.6万公里。",
     [("target", "高速公路通车里程", 16000, "公里", "=", 2028, "川渝")]),
    ("到2030年,成渝两地数字经济规模突破5万亿元。",
     [("target", "数字经济规模", 5e12, "元", ">", 2030, "川渝")]),
    ("川渝联合发布交通规划。\n到2030年,两地将共同建设省际铁路通道8条;省际高速公路通道达到30条。",
     [("target", "共同建设省际铁路通道", 8, "条", "=", 2030, "川渝"),
      ("target", "省际高速公路通道", 30, "条", "=", 2030, "川渝")]),
])
def test_region_follows_the_subject(raw: str, expected: list[tuple]) -> None:
    """A district after a time word, 全区/全县 referring back, 川渝/成渝 subjects, and place names
    inside facility names (江北国际机场) that are no subject."""
    assert rows(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("“十五五”时期,全市生态环境持续改善;空气质量优良天数比率稳定在92%以上。",
     [("target", "空气质量优良天数比率", 92, "%", ">=", 2030, "重庆市")]),
    ("今年是全面深化改革的关键之年。全年地区生产总值预期增长6%。城镇新增就业70万人以上。",
     [("target", "地区生产总值增速", 6, "%", "=", 2027, "重庆市"),
      ("target", "城镇新增就业", 700000, "人", ">=", 2027, "重庆市")]),
    ("今年将力争实际利用外资增长8%。\n同时,确保外贸进出口总额增长5%以上。",
     [("target", "实际利用外资增速", 8, "%", "=", 2027, "重庆市"),
      ("target", "外贸进出口总额增速", 5, "%", ">=", 2027, "重庆市")]),
    ("下半年,全市将稳住工业基本盘,全年规上工业增加值力争增长7%。",
     [("target", "规上工业增加值增速", 7, "%", "=", 2027, "重庆市")]),
    ("到2028年,全市新增城市绿道500公里。目前,全市已建成城市绿道2000公里。",
     [("target", "新增城市绿道", 500, "公里", "=", 2028, "重庆市"),
      ("statistic", "建成城市绿道", 2000, "公里", "=", None, "重庆市")]),
])
def test_plan_frame_carries_through_the_paragraph(raw: str, expected: list[tuple]) -> None:
    """A deadline or plan frame dates later `;` items, later sentences and a 同时 line;
    a reported fact (已, 目前) stays a statistic."""
    assert rows(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("2023年,全市研发投入强度达到2.4%。",
     [("statistic", "研发投入强度", 2.4, "%", "=", 2023, "重庆市")]),
    ("截至2024年底,全市累计建成5G基站10万个。",
     [("statistic", "建成5G基站", 100000, "个", "=", 2024, "重庆市")]),
    ("全市高新技术企业比2020年增长60%。",
     [("statistic", "高新技术企业增速", 60, "%", "=", None, "重庆市")]),
    ("近年来,全市人均预期寿命提高到79.8岁。",
     [("statistic", "人均预期寿命", 79.8, "岁", "=", None, "重庆市")]),
])
def test_statistics_keep_a_stated_year(raw: str, expected: list[tuple]) -> None:
    """An explicit past year dates a reported fact; a reference year (比2020年) does not."""
    assert rows(raw) == expected


def test_a_project_due_by_a_deadline_is_a_qualitative_goal() -> None:
    """力争2027年底建成通车 with no number is a dated goal of the project named before it."""
    assert rows("成达万高铁重庆段力争2027年底建成通车。") == [
        ("qualitative", "成达万高铁重庆段建成通车", None, "", "", 2027, "重庆市")]


def test_a_district_headline_is_the_documents_region() -> None:
    """A short headline naming a district makes later 全区 and subjectless lines that district's;
    全年 after 将 earlier in the sentence is this year's plan; 城乡…分别 splits 城镇 and 农村."""
    text = ("2027年铜梁区政府工作报告(摘要)\n"
            "过去一年,全区城乡居民人均可支配收入分别增长5.1%和7.2%。\n"
            "新增市场主体1.8万户。\n"
            "我们将狠抓项目建设,全年实施重点项目260个以上。")
    assert rows(text) == [
        ("statistic", "城镇居民人均可支配收入增速", 5.1, "%", "=", None, "铜梁区"),
        ("statistic", "农村居民人均可支配收入增速", 7.2, "%", "=", None, "铜梁区"),
        ("statistic", "新增市场主体", 18000, "户", "=", None, "铜梁区"),
        ("target", "实施重点项目", 260, "个", ">=", 2027, "铜梁区"),
    ]
