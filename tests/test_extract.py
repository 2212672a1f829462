"""Target extraction on Chinese samples: each shape real texts use, and each pitfall.

All sentences here are invented sample text in the style of Chongqing policy reports.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diff.extract import EXTRACTOR_VERSION, extract_targets
from diff.record import Target
from policywatch.normalize import normalize_text

PUBLISHED = dt.date(2026, 1, 20)


def run(raw: str, published: dt.date | None = PUBLISHED) -> list[Target]:
    """Normalise sample text and extract from it."""
    return extract_targets(normalize_text(raw), published)


def rows(raw: str, published: dt.date | None = PUBLISHED) -> list[tuple]:
    """(kind, indicator, value, unit, comparator, year, region) of each record."""
    return [(t.kind, t.indicator, t.value, t.unit, t.comparator, t.year, t.region)
            for t in run(raw, published)]


@pytest.mark.parametrize("raw, expected", [
    ("今年新建5G基站1.2万个、口袋公园80个。",
     [("target", "新建5G基站", 12000, "个", "=", 2026, "重庆市"),
      ("target", "口袋公园", 80, "个", "=", 2026, "重庆市")]),
    ("预期全市生产总值增长5.5%左右。",
     [("target", "生产总值增速", 5.5, "%", "~", 2026, "重庆市")]),
    ("力争单位GDP能耗下降2个百分点。",
     [("target", "单位地区生产总值能耗降幅", 2, "个百分点", "=", 2026, "重庆市")]),
    ("到2030年数字经济规模翻一番。",
     [("target", "数字经济规模", 2, "倍", "=", 2030, "重庆市")]),
    ("2027年底前实现行政村全覆盖。",
     [("target", "行政村覆盖率", 100, "%", "=", 2027, "重庆市")]),
    ("打造3个千亿级产业集群。",
     [("target", "千亿级产业集群", 3, "个", "=", None, "重庆市")]),
    ("今后五年,规上工业企业超过9000家。",
     [("target", "规上工业企业", 9000, "家", ">", 2030, "重庆市")]),
    ("2026年主要预期目标:城镇新增就业60万人以上;城镇调查失业率5.5%左右。",
     [("target", "城镇新增就业", 600000, "人", ">=", 2026, "重庆市"),
      ("target", "城镇调查失业率", 5.5, "%", "~", 2026, "重庆市")]),
    ("力争进入全国前十。",
     [("target", "全国排名", 10, "位", "<=", None, "重庆市")]),
    ("截至去年底,累计建成充电桩18.6万个。",
     [("statistic", "建成充电桩", 186000, "个", "=", None, "重庆市")]),
    ("预计春运期间发送旅客3200万人次。",
     [("statistic", "春运期间发送旅客", 32000000, "人次", "=", None, "重庆市")]),
    ("到2027年,全市轨道运营里程达到750公里,轨道交通占公共交通出行比例提升至70%。",
     [("target", "轨道运营里程", 750, "公里", "=", 2027, "重庆市"),
      ("target", "轨道交通占公共交通出行比例", 70, "%", "=", 2027, "重庆市")]),
    ("力争到2027年地区生产总值突破3.5万亿元,财政收入不低于2500亿元。",
     [("target", "地区生产总值", 3.5e12, "元", ">", 2027, "重庆市"),
      ("target", "财政收入", 2.5e11, "元", ">=", 2027, "重庆市")]),
    ("到2027年,全市PM2.5平均浓度控制在30微克/立方米以内,万元GDP用水量约20立方米。",
     [("target", "PM2.5平均浓度", 30, "微克/立方米", "<=", 2027, "重庆市"),
      ("target", "万元地区生产总值用水量", 20, "立方米", "~", 2027, "重庆市")]),
    ("今年以来,全市新增城镇就业30多万人。明年力争城镇新增就业3万至5万人。",
     [("statistic", "新增城镇就业", 300000, "人", ">", None, "重庆市"),
      ("target", "城镇新增就业", 30000, "人", "=", 2027, "重庆市")]),
    ("推动工业经济早日跃上4万亿台阶。",
     [("target", "工业经济规模", 4e12, "", ">=", None, "重庆市")]),
], ids=lambda value: value if isinstance(value, str) else "")
def test_shapes(raw: str, expected: list[tuple]) -> None:
    """Each shape from the real-text table gives the expected records."""
    assert rows(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("到2030年,现代化人民城市建设取得新的重大进展,成为重要窗口。",
     ("qualitative", "现代化人民城市建设取得新的重大进展", None, "", "", 2030, "重庆市")),
    ("到2035年,现代化人民城市基本建成,治理能力现代化基本实现。",
     ("qualitative", "现代化人民城市基本建成", None, "", "", 2035, "重庆市")),
    ("力争到2030年,居民主要健康指标位居全国前列。",
     ("qualitative", "居民主要健康指标位居全国前列", None, "", "", 2030, "重庆市")),
    ("“十五五”期间基本建成先进制造业中心和产业创新中心。",
     ("qualitative", "基本建成先进制造业中心", None, "", "", 2030, "重庆市")),
    ("提出到2027年实现“六个新”目标。",
     ("qualitative", "“六个新”目标", None, "", "", 2027, "重庆市")),
    ("到2030年,“33618”现代制造业集群体系基本建成。",
     ("qualitative", "“33618”现代制造业集群体系基本建成", None, "", "", 2030, "重庆市")),
])
def test_qualitative_goals(raw: str, expected: tuple) -> None:
    """A deadline followed by an outcome predicate, no number, is a qualitative goal."""
    assert rows(raw) == [expected]


@pytest.mark.parametrize("raw", [
    "到2027年,也就是重庆直辖30周年之际,我市将大力营造高品质城市生活空间。",
    "全会科学确定了到2027年重庆直辖30周年、2030年、2035年三个阶段的发展目标。",
    "计划2027年建成投用。",
    "到2030年,我市将持续推进城市更新。",
])
def test_deadline_without_outcome_is_nothing(raw: str) -> None:
    """A deadline followed only by action verbs (or an event) is not a qualitative goal."""
    assert rows(raw) == []


@pytest.mark.parametrize("raw", [
    "围绕AI赋能“33618”现代制造业集群体系和“416”科技创新布局,建设新型数字基础设施。",
    "完善党统领“141”基层智治体系。",
    "做大做强“1246”现代制造业集群体系,加快打造“312”三大产业科创基地体系。",
    "加快建成“15分钟高品质健康服务圈”,解决“最后一公里”梗阻问题。",
    "围绕“六个新”目标部署重点任务。",
    "着力服务保障“六区一高地”建设,加速释放“九大关键枢纽”开放潜能。",
    "锚定8个关键词,重点从四个方面做好贯彻落实,抓好5个方面工作,部署7个方面重点任务。",
    "对标对表市委《建议》提出的9个方面发展目标,出台20条措施和12项举措。",
    "党中央时隔10年再次召开中央城市工作会议。",
    "经过直辖28年来的接续奋斗,迎来直辖30周年。",
    "通过两年来的数字重庆建设,建成三级城市运行和治理中心。",
    "深化实施“青春建功·高质量发展”等六个行动。",
    "全会于2025年8月18日召开,8月19日举行新闻发布会,11月24日至25日召开六届八次全会。",
    "一是以科创塑城,第一是构建一体化格局,建设一流创新生态。",
    "万众一心,助力千行百业,走进千家万户,全市一盘棋、一张图推进。",
    "首班车6:30发车,末班车22:30发车。",
    "2027年亚洲杯将在此举办。",
    "咨询电话023-63601234,邮编400015。",
    "今年65岁的王大爷说,他在这里住了30年。",
    "本报记者 第3版 2026年1月19日。",
    "活动将持续3天。",
    "千万不要相信陌生来电,百万雄师过大江。",
    "“十五五”期间,全市将实现“市域1小时、成渝双核1小时、毗邻城市1小时”通达。",
    "在“十四五”收官、“十五五”谋划的重要节点,高质量编制“十五五”规划。",
    "印发国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要。",
    "选举了重庆市出席党的二十大代表,确保“十五五”开好局起好步。",
    "发现猪肉价格每斤15元,门票60元。",
])
def test_never_targets(raw: str) -> None:
    """Code names, slogans, meta-counts, years, dates, ordinals, idioms, times: no record."""
    assert rows(raw) == []


@pytest.mark.parametrize("raw, expected", [
    ("经过直辖28年来的接续奋斗,经济总量迈上3万亿元台阶、较直辖初增长超20倍,"
     "城镇居民人均可支配收入增长超8倍,城市建成区面积1945平方公里、增长4倍。",
     [("statistic", "经济总量", 3e12, "元", ">=", None, "重庆市"),
      ("statistic", "城市建成区面积", 1945, "平方公里", "=", None, "重庆市")]),
    ("去年以来,成功应对了18轮强降雨和77天破纪录高温天气。",
     [("statistic", "强降雨", 18, "轮", "=", None, "重庆市"),
      ("statistic", "破纪录高温天气", 77, "天", "=", None, "重庆市")]),
    ("2025年全市地区生产总值达到3.2万亿元,同比增长5.2%。",
     [("statistic", "地区生产总值", 3.2e12, "元", "=", 2025, "重庆市"),
      ("statistic", "地区生产总值增速", 5.2, "%", "=", 2025, "重庆市")]),
])
def test_statistics(raw: str, expected: list[tuple]) -> None:
    """Reported facts are statistics; growth multiples riding on them are dropped."""
    assert rows(raw) == expected


def test_cumulative_with_a_deadline_is_a_target() -> None:
    """累计 reports a fact, unless a deadline dates the sentence."""
    assert rows("到2027年底,全市累计建成充电桩50万个。") == [
        ("target", "建成充电桩", 500000, "个", "=", 2027, "重庆市")]
    assert [t.kind for t in run("全市累计建成充电桩18.6万个。")] == ["statistic"]


def test_statistic_next_to_target_in_one_sentence() -> None:
    """A fact and a promise in one sentence each get their own kind."""
    raw = "目前全市已建成5G基站10万个,力争到2027年达到15万个。"
    assert [(t.kind, t.value, t.year) for t in run(raw)] == [
        ("statistic", 100000, None), ("target", 150000, 2027)]


def test_list_shares_deadline_and_verb() -> None:
    """One deadline covers every item of a list; short items inherit the action verb."""
    raw = ("到2027年,更新改造老旧小区18000个、城中村150个、危旧房2.94万户,改造老旧电梯1万台,"
           "打造现代社区100个,精心打造城市更新示范片区30个以上。")
    assert rows(raw) == [
        ("target", "更新改造老旧小区", 18000, "个", "=", 2027, "重庆市"),
        ("target", "更新改造城中村", 150, "个", "=", 2027, "重庆市"),
        ("target", "更新改造危旧房", 29400, "户", "=", 2027, "重庆市"),
        ("target", "改造老旧电梯", 10000, "台", "=", 2027, "重庆市"),
        ("target", "打造现代社区", 100, "个", "=", 2027, "重庆市"),
        ("target", "城市更新示范片区", 30, "个", ">=", 2027, "重庆市"),
    ]


def test_one_target_for_a_pair_joined_by_he() -> None:
    """X和Y followed by one number is one target, not two."""
    raw = "到2027年,优化升级历史特色街巷和文化旅游休闲街区25条以上。"
    assert rows(raw) == [
        ("target", "历史特色街巷和文化旅游休闲街区", 25, "条", ">=", 2027, "重庆市")]


def test_deadline_across_page_break() -> None:
    """A list split by a page break keeps its deadline once normalisation rejoins it."""
    raw = ("我市还将坚持“留改拆增”并举,深度挖掘老建筑、老街区、老厂房等历史文化价值。到2027年,优化升级历史\n\n"
           "特色街巷和文化旅游休闲街区25条以上,保护修缮中国历史文化名镇23个、历史文化街区13个。")
    assert rows(raw) == [
        ("target", "历史特色街巷和文化旅游休闲街区", 25, "条", ">=", 2027, "重庆市"),
        ("target", "保护修缮中国历史文化名镇", 23, "个", "=", 2027, "重庆市"),
        ("target", "历史文化街区", 13, "个", "=", 2027, "重庆市"),
    ]


def test_traditional_characters_and_full_width_digits() -> None:
    """Traditional characters and full-width digits give the same record as simplified ASCII."""
    raw = "力爭到２０２７年，全市高新技術企業達到２萬家。"
    assert rows(raw) == [("target", "高新技术企业", 20000, "家", "=", 2027, "重庆市")]


def test_duplicated_paragraph_counts_once() -> None:
    """A paragraph printed twice gives its records once."""
    paragraph = "力争到2027年国家科技创新基地平台达到150家,不断激发城市创新潜力。"
    assert len(run(paragraph + "\n" + paragraph)) == 1


def test_repeated_goal_is_kept_once() -> None:
    """The same kind, indicator and year later in a document is not repeated."""
    raw = "提出到2027年实现“六个新”目标。\n全会提出到2027年将实现“六个新”目标,即:全面培育新动能。"
    assert [t.indicator for t in run(raw)] == ["“六个新”目标"]


@pytest.mark.parametrize("raw, value, value_max, unit", [
    ("预期全年经济增长4.5%-5%。", 4.5, 5, "%"),
    ("预期全年经济增长4.5%至5%。", 4.5, 5, "%"),
    ("力争全年接待游客1.2亿-1.5亿人次。", 1.2e8, 1.5e8, "人次"),
])
def test_ranges_keep_both_ends(raw: str, value: float, value_max: float, unit: str) -> None:
    """A range keeps its lower end as value and its upper end as value_max."""
    [target] = run(raw)
    assert (target.value, target.value_max, target.unit) == (value, value_max, unit)


@pytest.mark.parametrize("raw, value, unit, year", [
    ("到二〇二七年,全市森林覆盖率达到百分之五十六。", 56, "%", 2027),
    ("力争到2027年新建充电桩一万八千个。", 18000, "个", 2027),
    ("到2030年,新建口袋公园五十个。", 50, "个", 2030),
    ("到2030年,全市常住人口达到三千二百万人。", 32000000, "人", 2030),
    ("力争到2027年,全市软件业务收入突破千亿元。", 1e11, "元", 2027),
])
def test_chinese_numerals(raw: str, value: float, unit: str, year: int) -> None:
    """Chinese numerals, including 〇 years and 百分之, become exact values."""
    [target] = run(raw)
    assert (target.kind, target.value, target.unit, target.year) == ("target", value, unit, year)


@pytest.mark.parametrize("raw, published, year", [
    ("今年新建5G基站1万个。", dt.date(2026, 1, 20), 2026),
    ("明年新建5G基站1万个。", dt.date(2026, 1, 20), 2027),
    ("今后五年,规上工业企业超过9000家。", dt.date(2026, 2, 1), 2030),
    ("未来五年,规上工业企业超过9000家。", dt.date(2025, 2, 1), 2029),
    ("“十五五”期间,全市常住人口城镇化率提高到75%。", None, 2030),
    ("十四五时期,全市常住人口城镇化率提高到72%。", None, 2025),
    ("今年新建5G基站1万个。", None, None),
])
def test_relative_years(raw: str, published: dt.date | None, year: int | None) -> None:
    """今年/明年/今后五年 resolve from the publication date; plan periods to their last year."""
    [target] = run(raw, published)
    assert (target.kind, target.year) == ("target", year)


def test_reporting_period_is_not_a_deadline() -> None:
    """今年1至11月 and 今年以来 report the past: statistics, no year."""
    assert rows("重庆今年1至11月外贸进出口总值6500亿元。") == [
        ("statistic", "外贸进出口总值", 6.5e11, "元", "=", None, "重庆市")]
    assert [t.kind for t in run("今年以来,全市新增就业岗位1.2万个。")] == ["statistic"]


@pytest.mark.parametrize("raw, region", [
    ("“十五五”时期,万州将加快迈向常住人口200万、城区建成区面积200平方公里的“双百”大城市。",
     "万州区"),
    ("渝北区力争到2030年地区生产总值达到4000亿元。", "渝北区"),
    ("成都市力争到2027年地区生产总值突破3万亿元。", "成都市"),
    ("川渝两地力争到2027年共建成5G基站20万个。", "川渝"),
    ("涪陵区委书记表示,到2027年,全市研发投入强度达3%。", "重庆市"),
    ("力争到2027年全市研发投入强度达3%。", "重庆市"),
])
def test_region(raw: str, region: str) -> None:
    """The subject district or city owns the target; 重庆市 otherwise."""
    assert {t.region for t in run(raw)} == {region}


def test_population_without_unit_counts_people() -> None:
    """常住人口200万 is 2000000 人."""
    raw = "“十五五”时期,万州将加快迈向常住人口200万、城区建成区面积200平方公里的“双百”大城市。"
    assert rows(raw) == [
        ("target", "常住人口", 2000000, "人", "=", 2030, "万州区"),
        ("target", "城区建成区面积", 200, "平方公里", "=", 2030, "万州区"),
    ]


def test_quoted_speech_is_read_but_slogans_are_not() -> None:
    """A quoted sentence is speech and is read; a short quoted name is not a quantity."""
    assert rows("他说:“我们力争今年产量达到500吨。”") == [
        ("target", "产量", 500, "吨", "=", 2026, "重庆市")]
    assert rows("我们要以“3个100”为抓手。") == []


def test_offsets_and_sentence() -> None:
    """start/end span the quantity in the text; the sentence is whole and contains it."""
    text = normalize_text("全会召开。\n到2027年,全市研发投入强度达3%,实现创新驱动。")
    [target] = extract_targets(text)
    assert text[target.start:target.end] == "3%"
    assert target.sentence == "到2027年,全市研发投入强度达3%,实现创新驱动。"


def test_document_order_and_version() -> None:
    """Records come in document order; the version is a non-empty string."""
    text = normalize_text("到2030年,新建口袋公园50个。\n截至去年底,累计建成充电桩18.6万个。")
    starts = [t.start for t in extract_targets(text)]
    assert starts == sorted(starts) and len(starts) == 2
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


@pytest.mark.parametrize("raw", ["", "\n\n", "没有任何数字的一段话。", "12345"])
def test_empty_and_numberless_text(raw: str) -> None:
    """Empty text or text without quantities gives no records and no error."""
    assert run(raw) == []


@pytest.mark.parametrize("raw, expected", [
    ("全市地区生产总值从2020年的2.5万亿元增加到3.2万亿元、年均增长5.1%。",
     [("statistic", "地区生产总值", 3.2e12, "元", "=", None, "重庆市"),
      ("statistic", "地区生产总值年均增速", 5.1, "%", "=", None, "重庆市")]),
    ("进出口总值增长8.5%,高于预期目标3.5个百分点,高于全国2个百分点。",
     [("statistic", "进出口总值增速", 8.5, "%", "=", None, "重庆市")]),
    ("规上工业增加值增长6.2%,连续5个月单月增长7%以上。",
     [("statistic", "规上工业增加值增速", 6.2, "%", "=", None, "重庆市"),
      ("statistic", "规上工业增加值增速", 7, "%", ">=", None, "重庆市")]),
    ("我们推动经济稳中向好,全市地区生产总值达到3.4万亿元、增长5.3%。",
     [("statistic", "地区生产总值", 3.4e12, "元", "=", None, "重庆市"),
      ("statistic", "地区生产总值增速", 5.3, "%", "=", None, "重庆市")]),
    ("川渝省际建成高速公路达到25条。",
     [("statistic", "省际建成高速公路", 25, "条", "=", None, "川渝")]),
    ("全市贫困发生率降至0.5%,粮食产量连续8年稳定在1000万吨以上。",
     [("statistic", "贫困发生率", 0.5, "%", "=", None, "重庆市"),
      ("statistic", "粮食产量", 1e7, "吨", ">=", None, "重庆市")]),
])
def test_report_prose(raw: str, expected: list[tuple]) -> None:
    """Work-report prose: old values, relative differences, streaks and weak verbs are handled."""
    assert rows(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("力争到2027年,全市研发投入强度、高新技术企业营收占比分别达到3%和40%。",
     [("target", "研发投入强度", 3, "%", "=", 2027, "重庆市"),
      ("target", "高新技术企业营收占比", 40, "%", "=", 2027, "重庆市")]),
    ("固定资产投资、社会消费品零售总额和进出口总值分别增长6.1%、18.5%和22.8%。",
     [("statistic", "固定资产投资增速", 6.1, "%", "=", None, "重庆市"),
      ("statistic", "社会消费品零售总额增速", 18.5, "%", "=", None, "重庆市"),
      ("statistic", "进出口总值增速", 22.8, "%", "=", None, "重庆市")]),
])
def test_respectively_pairs_items_with_numbers(raw: str, expected: list[tuple]) -> None:
    """A、B分别…X、Y gives A=X and B=Y."""
    assert rows(raw) == expected


@pytest.mark.parametrize("raw", [
    "地区生产总值增长6.5%,高于预期目标1个百分点,一般公共预算收入增长9.1%。",
    "较好完成了年度目标任务,一般公共预算收入增长9.1%。",
    "改革获批试点,累计划转事项1026项。",
    "深入实施“八项行动计划”,全市地区生产总值增长6.3%。",
    "根据《重庆市国土空间总体规划》,全市耕地保有量1800万亩。",
    "面对超预期因素冲击,全市地区生产总值增长5%。",
    "2020年计划指标继续沿用2019年的32个指标,其余25个为预期性指标。",
])
def test_results_against_a_plan_are_not_targets(raw: str) -> None:
    """Plan words used to report results (高于预期目标, 完成目标任务, 累计划转) frame no target."""
    assert "target" not in {t.kind for t in run(raw)}


NEWS = """5月2日,长假第二天,网红景区依旧火爆。傍晚时分,从南岸区打车前往景区需要耗时50分钟。
景区运营公司于当天19时43分发布预警信息,称瞬时游客接待量即将达到峰值,已启动黄色预警。
据统计,当天渝中区共接待游客150万人次,同比增长10.5%;游客花费15亿元,同比增长12%。
轨道交通网昨天(4/30)的客运量是450万人次,比前一天增加0.5%,这也是今年以来第5次刷新纪录。
重庆再次入围“五一”首日国内热门旅游目的地前十名。
当天的一趟车上坐了20多位乘客,有10多位乘客都问他在哪里下车。
从南坪到五里店耗时不到5分钟,而平日耗时至少需要20分钟。
活动期间,每张门票仅售60元,咨询电话023-63601234,记者张三报道。"""


def test_ordinary_news_announces_no_target() -> None:
    """Number-heavy news yields statistics at most, never a target or a goal."""
    records = run(NEWS, dt.date(2025, 5, 3))
    assert {t.kind for t in records} == {"statistic"}
    assert [(t.indicator, t.value, t.unit, t.region) for t in records] == [
        ("接待游客", 1500000, "人次", "渝中区"),
        ("接待游客增速", 10.5, "%", "渝中区"),
        ("游客花费", 1.5e9, "元", "渝中区"),
        ("游客花费增速", 12, "%", "渝中区"),
        ("轨道交通网昨天的客运量", 4500000, "人次", "重庆市"),
        ("轨道交通网昨天的客运量增速", 0.5, "%", "重庆市"),
    ]


@pytest.mark.parametrize("raw, expected", [
    ("过去五年,全市经济总量从2.5万亿元跃升至3.4万亿元,年均增长6%。",
     [("statistic", "经济总量", 3.4e12, "元", "=", None, "重庆市"),
      ("statistic", "经济总量年均增速", 6, "%", "=", None, "重庆市")]),
    ("今后五年,我市将力争地区生产总值年均增长5.5%左右,到2030年经济总量突破4.5万亿元。",
     [("target", "地区生产总值年均增速", 5.5, "%", "~", 2030, "重庆市"),
      ("target", "经济总量", 4.5e12, "元", ">", 2030, "重庆市")]),
    ("到2030年,城镇化率达到75%左右,人均预期寿命提高到80岁。",
     [("target", "城镇化率", 75, "%", "~", 2030, "重庆市"),
      ("target", "人均预期寿命", 80, "岁", "=", 2030, "重庆市")]),
    ("开州区力争到2027年打造5个百亿级产业园区。",
     [("target", "百亿级产业园区", 5, "个", "=", 2027, "开州区")]),
    ("到2028年,两江新区规上工业产值将突破6000亿元。",
     [("target", "规上工业产值", 6e11, "元", ">", 2028, "两江新区")]),
    ("重庆将于2027年底前基本建成西部金融中心。",
     [("qualitative", "基本建成西部金融中心", None, "", "", 2027, "重庆市")]),
    ("到2027年,区县城经济社会发展水平西部领先、综合承载能力全面增强。",
     [("qualitative", "区县城经济社会发展水平西部领先", None, "", "", 2027, "重庆市")]),
    ("据悉,该项目计划总投资120亿元,预计2027年建成投产,投产后可实现年产值300亿元。",
     [("statistic", "项目计划总投资", 1.2e10, "元", "=", None, "重庆市"),
      ("statistic", "年产值", 3e10, "元", "=", None, "重庆市")]),
])
def test_more_shapes(raw: str, expected: list[tuple]) -> None:
    """Five-year horizons, districts, life expectancy, project forecasts, dated goals."""
    assert rows(raw) == expected


def test_random_fragments_never_crash() -> None:
    """Random mixes of digits, numerals, units and frame words never raise and keep offsets valid."""
    import random

    pieces = list("0123456789.,%-~至到年月日万亿千百十一二三四五六七八九〇零两个家户元以上左右“”()、;:。和从占前第岁") + [
        "到2027年", "今后五年", "“十五五”期间", "基本建成", "实现目标", "力争", "分别增长", "翻一番", "迈上", "台阶"]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 50)))
        for target in extract_targets(text, PUBLISHED):
            assert 0 <= target.start <= target.end <= len(text)
            assert target.sentence in text


@pytest.mark.parametrize("raw", [
    "国庆假期,全市将迎来游客2000万人次。",
    "春运期间,全市预计发送旅客3000万人次。",
])
def test_event_forecasts_are_not_targets(raw: str) -> None:
    """将 about an event (博览会, 假期) forecasts; it does not promise."""
    records = run(raw)
    assert records and "target" not in {t.kind for t in records}


@pytest.mark.parametrize("raw", [
    "今年高考,全市共有报名考生35.8万人,设考点120个。",
    "法院一审判处被告人有期徒刑10年,并处罚金50万元。",
    "该楼盘均价每平方米1.2万元,首付仅需20万元,户型面积89至120平方米。",
    "受降雨影响,长江寸滩站水位将上涨至175米,部分路段将实施交通管制。",
    "重庆两江队主场以2比0战胜对手,本赛季已取得12场胜利。",
    "市气象台预计,今天白天最高气温将达到38℃,明天将升至40℃。",
    "轨道交通18号线将于明年6月开通运营,全长28.6公里,设站19座。",
    "本次展会将持续5天,预计吸引采购商2万名。",
    "据介绍,该医院目前有床位800张,医护人员1200人。",
    "上证指数收报3250.12点,涨0.5%,沪深两市成交额1.1万亿元。",
])
def test_news_sentences_are_never_targets(raw: str) -> None:
    """Exams, courts, property ads, weather, sport, transport, fairs, markets: no target."""
    records = run(raw)
    assert "target" not in {t.kind for t in records}
    assert "qualitative" not in {t.kind for t in records}
    assert not any(t.unit == "元" and t.value in (500000, 12000, 200000) for t in records)
