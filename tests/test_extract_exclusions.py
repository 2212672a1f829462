"""Extractor v2 on ordinary news: numbers that announce no target, comparators, units, wording.

All sentences are invented sample text in the style of Chongqing papers (not the evaluation
corpus).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diff.exclusions import off_topic
from diff.extract import extract_targets
from diff.numbers import parse_chinese
from diff.phrases import region_subjects
from policywatch.normalize import normalize_text

PUBLISHED = dt.date(2027, 5, 12)


def rows(raw: str, published: dt.date | None = PUBLISHED) -> list[tuple]:
    """(kind, indicator, value, unit, comparator, year, region) of each record."""
    return [(t.kind, t.indicator, t.value, t.unit, t.comparator, t.year, t.region)
            for t in extract_targets(normalize_text(raw), published)]


@pytest.mark.parametrize("raw", [
    "重庆将于2028年举办全国智力运动会,届时将有2万名运动员参赛,设置比赛项目24个。",
    "大桥建成后,两岸通行时间将由1小时缩短至15分钟。",
    "某物流企业负责人介绍,企业今年预计营收将达到50亿元。",
    "该院今年计划招收研究生1200名,新增床位300张。",
    "今年全市重点民生实事共12件。",
    "2027重庆国际美食节将于6月举行,现场设置摊位800个,预计吸引游客50万人次。",
    "9月1日,某小学迎来新生600名。",
    "5月8日,城口县遭遇强降雨,当地紧急转移群众500余人。",
])
def test_events_forecasts_and_organisations_give_no_record(raw: str) -> None:
    """Future events, project side-effects, a company's or a hospital's own plans and counts of
    the article's own items are not the city's targets."""
    assert rows(raw) == []


@pytest.mark.parametrize("raw", [
    "5月10日9时许,渝湘高速秀山段发生一起两车相撞事故,造成1人死亡、3人受伤。",
    "事故发生一起后道路拥堵约4小时,经过约7小时处置恢复通行。",
    "据了解,张某今年9岁,就读于某小学四年级。",
    "某重庆上市公司股价收于8.75元,上涨0.15元。",
    "出席会议的有区委委员40名,候补区委委员5名。",
    "《方案》共提出15条具体措施。",
    "市民可拨打023-63891234咨询,服务时间为每天9:00至18:00。",
    "法院一审宣判,被告人刘某非法经营数额达3000万元。\n经查,刘某先后发展下线200余人。",
    "著名画家王某某于5月6日逝世,享年92岁。\n他从艺60余年,创作作品3000余幅,出版画册20部。",
])
def test_ordinary_news_numbers_are_not_recorded(raw: str) -> None:
    """Casualties, durations, ages, share prices, attendance, meta-counts, phone numbers, times,
    a court case and an obituary, also in the paragraph after the one that names them."""
    assert rows(raw) == []


def test_news_returns_to_the_city_when_a_region_is_the_subject_again() -> None:
    """After a company paragraph, a sentence with 全市 as its subject is the city's again."""
    text = "某汽车企业发布公告,4月销量3.1万辆。\n全市4月汽车产量15.2万辆,同比增长6.1%。"
    assert rows(text) == [
        ("statistic", "汽车产量", 152000, "辆", "=", None, "重庆市"),
        ("statistic", "汽车产量增速", 6.1, "%", "=", None, "重庆市"),
    ]


@pytest.mark.parametrize("raw, expected", [
    ("到2030年,全市单位地区生产总值能耗累计下降幅度不超过14%。",
     ("target", "单位地区生产总值能耗累计下降幅度", 14, "%", "<=", 2030, "重庆市")),
    ("到2030年,全市耕地保有量不少于2700万亩。",
     ("target", "耕地保有量", 2.7e7, "亩", ">=", 2030, "重庆市")),
    ("到2030年,全市森林蓄积量不低于3亿立方米。",
     ("target", "森林蓄积量", 3e8, "立方米", ">=", 2030, "重庆市")),
    ("五一假期,全市轨道交通运送乘客1800万乘次。",
     ("statistic", "轨道交通运送乘客", 1.8e7, "乘次", "=", None, "重庆市")),
    ("国庆假期,全市高速公路车流量日均120万辆次。",
     ("statistic", "高速公路车流量日均", 1.2e6, "辆次", "=", None, "重庆市")),
    ("今年以来,全市共举办群众文化活动3.5万场次。",
     ("statistic", "举办群众文化活动", 35000, "场次", "=", None, "重庆市")),
    ("到2030年,全市居民人均可支配收入实现翻番。",
     ("target", "居民人均可支配收入", 2, "倍", "=", 2030, "重庆市")),
])
def test_comparators_and_units(raw: str, expected: tuple) -> None:
    """不超过 is <=, 不少于/不低于 >=; 乘次 辆次 场次 stay whole; 翻番 alone doubles."""
    assert rows(raw) == [expected]


@pytest.mark.parametrize("raw, indicators", [
    ("今年全市粮食产量力争达到1100万吨。", ["粮食产量"]),
    ("到2028年,两地共同实施重大项目300个。", ["共同实施重大项目"]),
    ("4月,全市工业用电量同比增长9.2%,环比增长3.1%。",
     ["工业用电量同比增速", "工业用电量环比增速"]),
    ("全市工业用电量同比增长9.2%。", ["工业用电量增速"]),
    ("目前,全市已建成公共充电桩超过9万个,较去年同期增长35%。",
     ["建成公共充电桩", "建成公共充电桩增速"]),
    ("年末全市常住人口城镇化率71.7%,比上年末提高0.5个百分点。",
     ["常住人口城镇化率", "常住人口城镇化率增幅"]),
])
def test_indicator_wording(raw: str, indicators: list[str]) -> None:
    """No trailing 力争, no truncated 共同, 同比/环比 named apart only when both are reported,
    a growth over 去年同期 belongs to the count before it."""
    assert [row[1] for row in rows(raw)] == indicators


@pytest.mark.parametrize("numeral, value", [
    ("两", 2), ("二〇三〇", 2030), ("七点五", Decimal("7.5")), ("三千零五", 3005), ("百万", 10 ** 6),
])
def test_chinese_numerals_through_cn2an(numeral: str, value: int | Decimal) -> None:
    """The cn2an wrapper keeps 两, 〇-digit years, decimals and bare magnitudes."""
    assert parse_chinese(numeral) == Decimal(value)


@pytest.mark.parametrize("numeral", ["", "万", "十十", "点"])
def test_chinese_numeral_errors_give_none(numeral: str) -> None:
    """cn2an's ValueError becomes None."""
    assert parse_chinese(numeral) is None


@pytest.mark.parametrize("raw, expected", [
    ("过去一年,经济运行稳中向好。\n工业投资较快增长。\n消费市场持续回暖。\n"
     "成功举办智博会、西洽会等重大展会。\n全市城镇新增就业71万人。",
     [("statistic", "城镇新增就业", 710000, "人", "=", None, "重庆市")]),
    ("全市规上工业企业营业收入增长8.1%。",
     [("statistic", "规上工业企业营业收入增速", 8.1, "%", "=", None, "重庆市")]),
    ("全年完成计划总投资1200亿元。",
     [("statistic", "总投资", 1.2e11, "元", "=", None, "重庆市")]),
])
def test_policy_text_is_not_mistaken_for_news(raw: str, expected: list[tuple]) -> None:
    """An event named deep in a report covers only its own paragraph; 企业 inside an indicator is
    no organisation subject; 全年 with a met plan (计划总投资) is no plan frame."""
    assert rows(raw, dt.date(2027, 1, 25)) == expected


def test_a_carried_plan_frame_does_not_make_news_a_target() -> None:
    """Prices and match reports after a plan sentence of the same paragraph stay out."""
    text = "到2028年,全市新建公交线路50条。首班车6:30发车,票价2元。重庆队以3比1战胜对手,全场观众3.2万人。"
    assert rows(text) == [("target", "新建公交线路", 50, "条", "=", 2028, "重庆市")]


@pytest.mark.parametrize("raw", [
    "重庆美术馆举办了青年画展,吸引观众3000余人参观。该馆现有藏品1.2万件,今年计划新增藏品500件。",
    "某开发商负责人介绍,项目首开推出房源200套,去化率达到90%。",
    "城市书房开展亲子阅读活动,吸引家长和孩子300余人参加。",
    "6月2日,一辆客车在沪渝高速发生侧翻,道路封闭约2小时。",
])
def test_institutions_participants_and_crashes_give_nothing(raw: str) -> None:
    """A museum's or developer's own numbers, people taking part in one activity, a crash."""
    assert rows(raw) == []


def test_cases_counted_in_qi() -> None:
    """起 counts cases city-wide (查处违法行为860起)."""
    assert rows("国庆期间,全市查处酒驾违法行为920起。") == [
        ("statistic", "查处酒驾违法行为", 920, "起", "=", None, "重庆市")]


def test_an_explicit_deadline_ends_a_news_topic() -> None:
    """After a match report in the lead, a sentence with its own deadline is a plan again."""
    text = "重庆队以2比0战胜对手,全场观众4.1万人。\n到2030年,全市建成社区体育公园500个。"
    assert rows(text) == [("target", "建成社区体育公园", 500, "个", "=", 2030, "重庆市")]


@pytest.mark.parametrize("sentence, position", [
    ("记者了解到,公司负责人表示今年产值将达10亿元", 6),   # 公司 opening a clause
    ("该集团总公司负责人表示今年产值将达10亿元", 0),     # 该…集团 first
    ("分公司负责人介绍了全市新增就业60万人的目标", None),  # 公司 inside a word opens nothing
    ("第五届博览会将于5月举行", 3),
])
def test_off_topic_starts_where_an_event_or_organisation_is_named(sentence: str,
                                                                 position: int | None) -> None:
    """The organisation words look behind themselves (公司 only when it opens a clause)."""
    assert off_topic(sentence) == position


def test_region_subjects_open_a_sentence_or_follow_a_break() -> None:
    """Subjects are read at the start and after , : ; “ ”, never inside a clause."""
    sentence = "今年万州将新建学校5所,“十四五”期间,渝北区新增就业10万人,支持江北区建设"
    assert [m["name"] for m in region_subjects(sentence)] == ["万州", "渝北"]
    assert [m["name"] for m in region_subjects(sentence, 12)] == ["万州"]
