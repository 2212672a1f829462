"""Extractor v3 reads documents: frames, subjects and topics in headlines, headings and lists,
and the error classes measured on real texts. Every text here is quoted from the development
corpus (corpus/b1 … b22, named beside each case), except the data-card and long-sentence unit
tests, whose shapes are built for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from diff.extract import extract
from diff.record import Document
from diff.structure import read_blocks
from policywatch.normalize import normalize_line, normalize_text


def read(body: str, title: str = "", published: dt.date | None = None, source: str = ""):
    """Records of a document as the crawler stores it."""
    return extract(Document(normalize_text(body), normalize_line(title), "", published, source))


def targets(records) -> list[tuple]:
    """(indicator, value, unit, comparator, year, region) of the target records."""
    return [(r.indicator, r.value, r.unit, r.comparator, r.year, r.region)
            for r in records if r.kind == "target"]


def test_a_headline_frames_bare_table_rows_and_a_portal_names_the_district() -> None:
    """b1/p_tongliang_gzbg_2025: the year and plan are in the headline, the district in the
    site's name; the row's second half reports progress (同比)."""
    records = read(
        "一、经济社会发展主要预期目标\n1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。",
        "《2025年区政府工作报告目标任务上半年推进情况汇总表》", dt.date(2025, 9, 19),
        "重庆市铜梁区人民政府网")
    assert targets(records) == [("地区生产总值增速", 6, "%", ">=", 2025, "铜梁区")]
    target = next(r for r in records if r.kind == "target")
    assert (target.year_source, target.region_source) == ("title", "source")
    assert [r.value for r in records if r.kind == "statistic"] == [2.9]


CHENGYU = ("构建内畅外联的天然气供应网络,以涪陵国家级页岩气示范区为引领,推动南川、綦江、武隆等区块页岩气增储上产,"
           "推动梁平、忠县等重点区域万亿立方米页岩气勘探开发,加密主城都市区输气管网,补齐渝东北、渝东南管网短板,"
           "天然气年产量达到200亿立方米左右,城镇居民气化率超过99%。")


def test_a_plan_period_in_the_headline_dates_the_body() -> None:
    """b1/p_chengyu_energy_2027: 行动方案(2023—2027年) in the headline dates numbers that
    have no year of their own."""
    records = read(CHENGYU, "重庆市推动成渝地区双城经济圈建设行动方案(2023—2027年)", dt.date(2023, 3, 27))
    assert targets(records) == [
        ("天然气年产量", 2e10, "立方米", "~", 2027, "重庆市"),
        ("城镇居民气化率", 99, "%", ">", 2027, "重庆市"),
    ]


def test_without_its_headline_the_same_text_dates_nothing() -> None:
    """The frame really comes from the headline: the body alone gives no year."""
    assert {r.year for r in read(CHENGYU, published=dt.date(2023, 3, 27))} == {None}


def test_a_heading_frames_the_bullet_lines_under_it() -> None:
    """b1/p_guotu_card_2035: 至2035年—— heads a data card of bullet lines."""
    body = ("三条控制线>>>\n至2035年——\n●重庆市耕地保有量不低于2664万亩,其中永久基本农田保护面积不低于2064万亩\n"
            "●生态保护红线面积不低于1.92万平方公里")
    assert targets(read(body, "市域空间结构图", dt.date(2024, 3, 26))) == [
        ("耕地保有量", 26640000, "亩", ">=", 2035, "重庆市"),
        ("永久基本农田保护面积", 20640000, "亩", ">=", 2035, "重庆市"),
        ("生态保护红线面积", 19200, "平方公里", ">=", 2035, "重庆市"),
    ]


def test_a_short_line_with_a_quantity_is_an_item_not_a_heading() -> None:
    """The bullet line with 1.92万平方公里 is an item of the card, not a new section."""
    blocks = read_blocks("至2035年——\n●生态保护红线面积不低于1.92万平方公里\n城市性质>>>")
    assert [b.kind for b in blocks] == ["heading", "item", "heading"]


def test_numbered_lines_with_quantities_under_a_lead_in_are_its_items() -> None:
    """A lead-in that plans this year (今年,我区将…以下工作:) frames the numbered lines under it,
    however short; their numbering (一、) is not part of the indicator, and the last line of a
    text without a final stop keeps its count when the noun came before it."""
    body = "今年,我区将重点抓好以下工作:\n一、新建公办幼儿园3所,新增学位2700个。\n二、改造老旧小区45个"
    blocks = read_blocks(normalize_text(body))
    assert [b.kind for b in blocks] == ["lead_in", "item", "item"]
    assert targets(read(body, "某区部署工作", dt.date(2026, 3, 10))) == [
        ("新建公办幼儿园", 3, "所", "=", 2026, "重庆市"), ("新增学位", 2700, "个", "=", 2026, "重庆市"),
        ("改造老旧小区", 45, "个", "=", 2026, "重庆市")]


def test_a_year_after_a_plan_label_is_a_deadline() -> None:
    """b1/p_fgw_green_2027: "主要目标:2027年,…" dates the whole list; mixed spacing is undone."""
    body = ("- 主要目标:2027 年,全市单位 GDP 能耗较 2020 年降 16%,非化石能源占比达 25%;建成 500 个绿色工厂、"
            "36 个绿色园区和 24 个近零碳园区试点;")
    found = targets(read(body, published=dt.date(2025, 6, 5)))
    assert ("非化石能源占比", 25, "%", "=", 2027, "重庆市") in found
    assert ("绿色工厂", 500, "个", "=", 2027, "重庆市") in found
    assert ("近零碳园区试点", 24, "个", "=", 2027, "重庆市") in found


def test_a_plan_headline_does_not_turn_last_years_results_into_targets() -> None:
    """b4/p_shaanxi_gzbg_2024: under a 2024 目标 headline, a paragraph that opens with 2023年
    reports, and so do its later sentences."""
    body = ("报告中提到,2023年陕西省全年生产总值达到33786亿元、增长4.3%。城镇调查失业率平均为5.2%,"
            "一般公共预算收入超过3400亿元,居民人均可支配收入增长6.7%,粮食产量突破1300万吨。")
    records = read(body, "陕西2024年GDP增长目标5.5%左右,城镇新增就业40万人以上", dt.date(2024, 1, 26))
    assert targets(records) == []
    assert {r.year for r in records if r.indicator == "生产总值"} == {2023}


def test_another_province_is_the_subject_and_a_byline_changes_nothing() -> None:
    """b4/p_shaanxi_gzbg_2024: 陕西 in the headline; 西安报道 in the byline is not a subject.
    A value list without 分别 pairs with its items and shares the head noun 产量."""
    body = ("21世纪经济报道记者 凌晨 西安报道\n具体来看,坚持稳煤、扩油、增气并举,夯实能源基本盘,"
            "煤炭、原油、天然气产量7.8亿吨、2470万吨、350亿方以上,稳步扩大电力外送规模,"
            "新增新能源装机1000万千瓦以上,能源工业增加值增长5%。")
    found = targets(read(body, "陕西2024年GDP增长目标5.5%左右,城镇新增就业40万人以上", dt.date(2024, 1, 26)))
    assert found[:3] == [
        ("煤炭产量", 7.8e8, "吨", ">=", 2024, "陕西省"),  # 以上 after the list holds for all
        ("原油产量", 2.47e7, "吨", ">=", 2024, "陕西省"),
        ("天然气产量", 3.5e10, "立方米", ">=", 2024, "陕西省"),
    ]
    assert {region for *_, region in found} == {"陕西省"}


def test_respectively_shares_the_head_noun_written_once() -> None:
    """b1/p_chengyu_energy_2027: 煤炭、成品油年供应能力分别超过5000万吨、1100万吨."""
    body = "形成多式联运煤炭、成品油运输体系,煤炭、成品油年供应能力分别超过5000万吨、1100万吨。"
    assert targets(read(body, "重庆市推动成渝地区双城经济圈建设行动方案(2023—2027年)", dt.date(2023, 3, 27))) == [
        ("煤炭年供应能力", 5e7, "吨", ">", 2027, "重庆市"),
        ("成品油年供应能力", 1.1e7, "吨", ">", 2027, "重庆市"),
    ]


def test_a_livelihood_list_headline_frames_its_items() -> None:
    """b1/p_bishan_msss_2025: 2025年重点民生实事 in the headline; 完工2024年9个续建 names an
    old year inside the item without making the rest history."""
    body = ("“两个实施”,即实施城镇老旧小区改造,完工2024年9个续建老旧小区改造项目,新开工5个老旧小区改造项目,"
            "改造住宅老旧电梯42部;实施城市“增绿添园”工程,建设3个口袋公园,新增园林绿化面积10万平方米以上。")
    found = targets(read(body, "重庆市璧山区2025年重点民生实事新闻发布会", dt.date(2025, 3, 4)))
    assert ("老旧小区改造项目", 5, "个", "=", 2025, "璧山区") in [
        (i.replace("新开工", ""), *rest) for i, *rest in found]
    assert ("改造住宅老旧电梯", 42, "部", "=", 2025, "璧山区") in found


def test_pinyin_written_after_characters_is_dropped() -> None:
    """b3/p_liangjiang_qiche_2024 as a mirror site printed it: 產(chǎn)量, 會(huì )."""
    body = ("新重慶-重慶日報記者從會(huì )上獲悉,2024年,兩江新區將推動智能網(wǎng)聯(lián)新能源汽車(chē)產(chǎn)業(yè)整零協(xié)同發(fā)展,"
            "力爭新能源汽車(chē)產(chǎn)量突破50萬(wàn)輛")
    assert normalize_text(body).endswith("力争新能源汽车产量突破50万辆")
    assert targets(read(body, published=dt.date(2024, 2, 5))) == [
        ("新能源汽车产量", 500000, "辆", ">", 2024, "两江新区")]


@pytest.mark.parametrize("body,title,published", [
    # b2/n_chunyun_qidong_2023: one day's operations
    ("重庆江北国际机场相关负责人介绍,当日机场全天计划起降航班721架次,大型机39架次。",
     "春运启幕 回家的人真多", dt.date(2023, 1, 8)),
    # b5/n_gaokao_2024: a count compared with last year
    ("来自重庆市教育考试院的数据显示,今年,全市普通高校招生考试报名35.4万人,比去年增加1.7万人。",
     "重庆20.3万考生迎来高考——为青春精彩作答", dt.date(2024, 6, 8)),
])
def test_ordinary_news_under_a_this_year_frame_gives_no_target(body, title, published) -> None:
    """Non-policy numbers under 今年 or 计划 are not targets."""
    assert targets(read(body, title, published)) == []


def test_a_sentence_run_on_for_pages_is_read_in_pieces() -> None:
    """A page of one 100 KB sentence (a list without full stops) is read in pieces of at most
    MAX_SENTENCE characters cut at clause breaks, so the work stays linear and every item of
    the list is still found."""
    from diff.extract import MAX_SENTENCE

    body = "今年将新建5G基站1.2万个、" + "口袋公园80个、" * 12000
    records = read(body, published=dt.date(2026, 1, 1))
    assert max(len(r.sentence) for r in records) <= MAX_SENTENCE
    assert records[0].indicator == "新建5G基站" and records[0].year == 2026


def test_a_sentence_that_reviews_reports_what_it_counts() -> None:
    """b3/n_fabuhui_2025: 打造 and 计划 inside a sentence that reviews (成效显著) frame nothing."""
    body = ("唱好“双城记”打造增长极成效显著,300个共建重点项目完成投资5200亿元、超过年度计划投资22个百分点,"
            "渝昆高铁渝宜段、川渝1000千伏特高压交流工程等一批标志性重大项目建成投用,川渝地区生产总值全国占比提升至7.18%。")
    assert targets(read(body, "三项行动三个突破 重庆全力推进西部地区高质量发展先行区", dt.date(2025, 2, 8))) == []


def test_a_goal_to_take_effect_is_no_review() -> None:
    """b3/p_cqrb_shuangcheng_2023: under 到2027年, 取得明显成效 is a goal, and the items after
    it stay targets."""
    body = ("此外,《行动计划》还提出,到2027年,全市社会消费品零售总额达到1.65万亿元;"
            "城乡融合发展样板区建设取得明显成效,城乡居民人均可支配收入比缩小至2.3∶1;城镇新增就业累计300万人以上。")
    found = targets(read(body, published=dt.date(2023, 3, 1)))
    assert ("社会消费品零售总额", 1.65e12, "元", "=", 2027, "重庆市") in found
    assert ("城镇新增就业", 3e6, "人", ">=", 2027, "重庆市") in found


def test_an_attribute_names_the_thing_counted_before_it() -> None:
    """b5/p_zhongda_xiangmu_2022: each line's 年度计划投资 belongs to the projects it counts,
    and two lines with the same attribute are two targets."""
    body = ("2022年重庆850个重大建设项目\n重点投向领域包括:科技创新项目15个,年度计划投资14亿元;\n"
            "产业转型升级项目227个,年度计划投资781亿元;")
    found = targets(read(body, "2022年重庆850个重大建设项目,重点@生态城这些内容!", dt.date(2022, 3, 1)))
    assert ("科技创新项目年度计划投资", 1.4e9, "元", "=", 2022, "重庆市") in found
    assert ("产业转型升级项目年度计划投资", 7.81e10, "元", "=", 2022, "重庆市") in found


def test_two_values_of_one_indicator_are_two_targets() -> None:
    """b4/p_guizhou_gzbg_2011: 翻一番、突破一万亿元 are two targets of one indicator."""
    body = "到2015年,贵州省地区生产总值力争翻一番、突破一万亿元。"
    found = targets(read(body, published=dt.date(2011, 1, 20)))
    assert [(value, unit) for _, value, unit, *_ in found] == [(2, "倍"), (1e12, "元")]


def test_a_size_class_is_a_magnitude_target_unless_it_is_counted() -> None:
    """b1/p_jiusong_summary_2025: 第5大万亿级产业集群 is a cluster of at least 1万亿元; 打造3个
    千亿级产业集群 (DESIGN.md) counts clusters."""
    found = targets(read("推动智能网联新能源汽车成为第5大万亿级产业集群,建设成渝中线高铁等320个川渝共建项目。",
                         "2025年重庆市政府工作报告", dt.date(2025, 1, 20)))
    assert ("智能网联新能源汽车产业集群规模", 1e12, "元", ">=", 2025, "重庆市") in found
    assert targets(read("到2027年打造3个千亿级产业集群。", published=dt.date(2025, 1, 20))) == [
        ("千亿级产业集群", 3, "个", "=", 2027, "重庆市")]


@pytest.mark.parametrize("body,title,published", [
    # b1/p_cqrb_energy_water_2024: what a count is doing now (加快建设) reports it
    ("74个电网市级重点项目加快建设,1—7月完成投资45.2亿元。", "今年重庆加快推进能源保障",
     dt.date(2024, 8, 20)),
    # b1/p_bishan_msss_2025: the units taking part, and a budget compared with a past year
    ("2025年的10件重点民生实事共38家单位参与,预计投入资金2.5亿元,较2024年增长120%。",
     "重庆市璧山区2025年重点民生实事新闻发布会", dt.date(2025, 3, 4)),
])
def test_progress_and_participants_are_not_targets(body, title, published) -> None:
    """Under a this-year frame, numbers that report progress or participation stay facts."""
    assert targets(read(body, title, published)) == []


def test_an_annual_plan_is_this_years() -> None:
    """b1/p_cqrb_energy_water_2024: 年度计划投资 with no year of its own is the publication
    year's, and the count before it leaves the indicator."""
    found = targets(read("106个能源保障市级重点项目年度计划投资451.7亿元,1—7月完成投资241.4亿元。",
                         published=dt.date(2024, 8, 20)))
    assert found == [("能源保障市级重点项目年度计划投资", 4.517e10, "元", "=", 2024, "重庆市")]


def test_a_plan_for_the_year_without_its_year_is_the_publication_years() -> None:
    """b6/p_nanchuan_gzbg_2022, as a copying site printed it (the year's digits lost):
    主要预期目标 is this year's plan."""
    body = "报告指出,年南川区主要预期目标是:GDP增长7%左右,规上工业增加值增长7%左右。"
    found = targets(read(body, "1月9日,南川区第十八届人民代表大会第一次会议开幕", dt.date(2022, 1, 9)))
    assert found == [("地区生产总值增速", 7, "%", "~", 2022, "南川区"),
                     ("规上工业增加值增速", 7, "%", "~", 2022, "南川区")]


@pytest.mark.parametrize("body,published", [
    # b6/p_jingxinwei_mubiao_2020: compared with the national figure, so already measured
    ("工业投资增长8.8%,高于全国平均4.5个百分点;", dt.date(2020, 1, 16)),
    # b6/p_chengyu_xiangmu_2023: a project list describes itself (count, 总投资)
    ("其中,合力建设现代基础设施网络项目90个、总投资2.38万亿元;", dt.date(2023, 2, 13)),
    # b6/p_wansheng_msss_2026: a height names a class of buildings
    ("全区100米以上医疗卫生机构", dt.date(2026, 2, 1)),
])
def test_measured_results_list_descriptions_and_classes_are_not_targets(body, published) -> None:
    """Under a plan headline these numbers still commit to nothing."""
    assert targets(read(body, "2026年重点民生实事目标任务", published)) == []


def test_a_multiple_of_several_indicators_is_one_target_each() -> None:
    """b1/p_cnfl_shisanwu_2015: A和B…翻一番 doubles both; “两个翻番” in quotes is a slogan."""
    body = "到2017年,全市地区生产总值和城乡居民人均收入在2010年基础上翻一番,提前实现“两个翻番”。"
    assert targets(read(body, published=dt.date(2015, 11, 1))) == [
        ("地区生产总值", 2, "倍", "=", 2017, "重庆市"),
        ("城乡居民人均收入", 2, "倍", "=", 2017, "重庆市"),
    ]


def test_a_data_card_reads_its_label_with_its_value() -> None:
    """A value line read with the label line before it (a unit test of the shape, not a
    corpus text); records say where year and region came from, always one of SOURCES."""
    from diff.record import SOURCES

    records = read("■2026年主要预期目标\n地区生产总值增长\n6%左右", published=dt.date(2026, 1, 25))
    assert [b.kind for b in read_blocks(normalize_text("■2026年主要预期目标\n地区生产总值增长\n6%左右"))] \
        == ["heading", "card"]
    assert targets(records) == [("地区生产总值增速", 6, "%", "~", 2026, "重庆市")]
    assert all(r.year_source in SOURCES and r.region_source in SOURCES for r in records)


def test_a_year_before_a_holiday_is_a_date_and_the_forecast_a_fact() -> None:
    """b7/n_yuandan_huoche_2026: 2026年元旦假期 dates an event; 预计发送 forecasts it."""
    records = read("重庆火车站预计发送旅客120万人次,日均24万人次。",
                   "2026年元旦假期 重庆火车站预计发送旅客120万人次", dt.date(2025, 12, 30))
    assert targets(records) == []


def test_an_ordinal_milestone_is_not_a_quantity() -> None:
    """b7/n_qiche_diyicheng_2025: 第二个百万辆目标 counts milestones, not cars."""
    records = read("赛力斯集团董事长张兴海表示,计划未来2年内实现第二个百万辆目标。",
                   "重庆汽车产量", dt.date(2025, 12, 1))
    assert [r.value for r in records if r.unit == "辆"] == []


def test_a_county_of_another_province_is_the_subject() -> None:
    """b7/p_fucheng_gzbg_2019: the most specific division the headline names wins."""
    records = read("鄧輝在報告中提出了2019年經濟社會發展主要預期目標:區屬地區生產總值增長9%,"
                   "城鎮登記失業率控制在4%以內。",
                   "2月19日,綿陽市涪城區第六屆人民代表大會第四次會議在綿陽市委黨校知行堂主會議廳隆重開幕",
                   dt.date(2019, 2, 19))
    assert targets(records) == [("区属地区生产总值增速", 9, "%", "=", 2019, "涪城区"),
                                ("城镇登记失业率", 4, "%", "<=", 2019, "涪城区")]


def test_jin_units_and_kuayue_crossing_a_level() -> None:
    """b7/p_hubei_gzbg_2021: 500亿斤 in 斤, and 跨越 is more than."""
    records = read("到2025年,经济总量跨越6万亿元。粮食产量保持在500亿斤以上。",
                   "湖北省政府工作报告", dt.date(2021, 1, 25))
    assert [(r.value, r.unit, r.comparator) for r in records if r.kind == "target"] == [
        (6e12, "元", ">"), (5e10, "斤", ">=")]


def test_a_past_five_years_heading_makes_its_card_lines_results() -> None:
    """b7/s_gzbg_jiedu_2023: under 过去五年…, through numbered headings and their second
    lines, the ■ lines report results although the headline speaks of 新目标."""
    body = ("重庆日报 01-14 10:18:01\n过去五年7个坚定不移\n1 坚定不移转变发展方式\n高质量发展之路越走越宽广\n"
            "■数字经济核心产业增加值预计达到2200亿元\n2 坚定不移推动区域协调发展\n成渝地区双城经济圈建设成势见效\n"
            "■全市常住人口城镇化率达到71%左右")
    records = read(body, "建设现代化新重庆 向着新目标出发——2023年重庆市政府工作报告解读", dt.date(2023, 1, 14))
    assert targets(records) == []
    assert {2.2e11, 71} <= {r.value for r in records if r.kind == "statistic"}


def test_digit_space_numbering_keeps_the_list_frame() -> None:
    """b7/p_msss_2019: items numbered 1 … (a digit and a space) stay under the heading that
    frames them as this year's tasks."""
    body = ("2019年重点民生实事工作目标任务\n1 老年人照顾服务计划\n"
            "对150个农村敬老院实施热水供应、房间标准化、公共洗浴间适老安全等方面升级改造。")
    blocks = read_blocks(normalize_text(body))
    assert [(b.kind, b.level, b.numbered) for b in blocks[:2]] == [("heading", 0, False), ("heading", 3, True)]
    records = read(body, "重庆市公布今年15项重点民生实事", dt.date(2019, 4, 30))
    assert [(r.value, r.unit, r.year) for r in records if r.kind == "target"] == [(150, "个", 2019)]


def test_a_comparator_after_a_value_list_holds_for_every_value() -> None:
    """b8/p_nongcun_mubiao_2023: names joined by 和 take one value each, and 以上 after the
    last value holds for the first too."""
    records = read("力争粮食面积和粮食产量稳定在3012万亩、216亿斤以上,耕地保有量稳定在2664万亩以上。",
                   "2023年重庆农业农村工作目标", dt.date(2023, 1, 10))
    assert targets(records) == [
        ("粮食面积", 30120000, "亩", ">=", 2023, "重庆市"),
        ("粮食产量", 21600000000, "斤", ">=", 2023, "重庆市"),
        ("耕地保有量", 26640000, "亩", ">=", 2023, "重庆市"),
    ]


def test_head_units_keep_a_value_list_apart() -> None:
    """b8/p_nongye_huiyi_2024: 头 is a unit, so 1800万头 does not glue to the next value."""
    records = read("全年生猪出栏量、蔬菜和水产品产量分别稳定在1800万头、2000万吨、58万吨以上。",
                   "2024年重庆市农业农村工作目标", dt.date(2024, 1, 25))
    assert [(r.value, r.unit, r.comparator) for r in records if r.kind == "target"] == [
        (18000000, "头", ">="), (20000000, "吨", ">="), (580000, "吨", ">=")]
    assert all("、" not in r.indicator for r in records)


def test_the_parts_of_a_total_are_measured_as_the_total() -> None:
    """b8/p_jiaotong_huiyi_2017: after 其中, 铁路285亿元 is 铁路计划投资."""
    records = read("全年交通计划投资820亿元,其中:铁路285亿元,公路470亿元。",
                   "2017年全市交通工作会议", dt.date(2017, 2, 10))
    assert [(r.indicator, r.value) for r in records if r.kind == "target"] == [
        ("交通计划投资", 82e9), ("铁路计划投资", 28.5e9), ("公路计划投资", 47e9)]


def test_a_bare_order_of_magnitude_before_a_noun_names_a_class() -> None:
    """b8/p_nongcun_mubiao_2023: 千万亩高标准农田改造提升行动 is the name of an action."""
    records = read("市委农村工作会议强调,要着力提高粮食和重要农产品保供能力,实施千万亩高标准农田改造提升行动。",
                   "2023年重庆农业农村工作目标", dt.date(2023, 1, 10))
    assert [r for r in records if r.unit == "亩"] == []


def test_a_company_chief_speaking_gives_the_company_goals() -> None:
    """b8/n_changan_qianwan_2025: 董事长…表示, then the company's 到2030年 goals."""
    records = read("活动现场,中国长安汽车党委书记、董事长朱华荣表示,立足中国长安中国品牌汽车3000万新起点,"
                   "到2030年,将力争实现产销500万辆,其中新能源占比超60%,海外占比超30%。",
                   "中国长安汽车第3000万辆中国品牌汽车下线", dt.date(2025, 10, 1))
    assert targets(records) == []


def test_a_count_after_deng_that_tallies_the_names_is_no_target() -> None:
    """b8/n_fuling_jiaotong_2026 against b1/p_jiusong_summary_2025: 等3个 after three names
    tallies them; 等320个 after one example counts projects."""
    tally = read("未来五年,全区将建设十大标志性成果,即建成渝万高铁、渝宜高铁、涪陵北站扩容等3个铁路项目。",
                 "涪陵区交通运输工作会议", dt.date(2026, 3, 5))
    assert [r for r in tally if r.unit == "个"] == []
    count = read("今年将建设成渝中线高铁等320个川渝共建项目。", "", dt.date(2025, 1, 20))
    assert [r.value for r in count if r.kind == "target"] == [320]


def test_a_december_report_plans_the_five_years_from_january() -> None:
    """b8/p_tongan_gzbg_2025: 未来五年 in a report of 2025-12-25 ends in 2030."""
    records = read("未來五年,同安區將建設廈門北部現代化新城區。經濟社會發展主要目標是,地區生產總值達1220億元,"
                   "人均預期壽命85歲。", "昨日上午,同安區第十八屆人民代表大會第六次會議開幕", dt.date(2025, 12, 25))
    assert {(r.year, r.region) for r in records if r.kind == "target"} == {(2030, "同安区")}


def test_a_list_of_this_years_goals_runs_on_past_its_sentence() -> None:
    """b6/p_nanchuan_gzbg_2022: the 主要预期目标 list goes on after a full stop."""
    records = read("报告指出,年南川区主要预期目标是:GDP增长7%左右,社会消费品零售总额增长10%左右。"
                   "一般公共预算收入增长4.9%左右,全体居民人均可支配收入增长7.5%左右。",
                   "1月9日,南川区第十八届人民代表大会第一次会议开幕", dt.date(2022, 1, 9))
    assert [(r.value, r.year) for r in records if r.kind == "target"] == [
        (7, 2022), (10, 2022), (4.9, 2022), (7.5, 2022)]


def test_ranges_of_counts_and_rough_numerals_are_no_targets() -> None:
    """b9/p_zhongyi_kuorong_2023 and b6/p_jingxinwei_mubiao_2020: 2~5个 and 两三个 commit to no
    single number; 4个 beside them does."""
    records = read("今年,重庆市将在渝东南、渝东北布局建设2~5个市级区域中医医疗中心,建设4个市级中医特色重点医院。"
                   "着力打造两三个世界级产业集群。", "重庆中医资源扩容", dt.date(2023, 3, 1))
    assert [r.value for r in records if r.unit == "个"] == [4]


def test_a_step_refers_back_to_the_subject_and_kuaguo_is_more_than() -> None:
    """b9/p_siwanyi_lianghui_2027: 迈上4万亿元台阶 measures the 经济总量 named before it."""
    records = read("重庆2023年经济总量跨过3万亿元(人民币,下同)门槛,计划到2027年迈上4万亿元台阶。",
                   "(两会速递)4万亿元GDP目标如何实现?", dt.date(2024, 3, 5))
    assert targets(records) == [("经济总量", 4e12, "元", ">=", 2027, "重庆市")]


def test_one_value_for_a_list_respectively_holds_for_each_item() -> None:
    """b9/p_guizhou_gzbg_2015: 分别增长20%左右 after three names gives three targets."""
    records = read("2015年,贵州省计划地区生产总值突破1万亿元;进出口总额、实际利用外资、引进外省到位资金分别增长20%左右。",
                   "贵州省第十二届人民代表大会第三次会议开幕", dt.date(2015, 1, 26))
    assert [r.indicator for r in records if r.value == 20] == [
        "进出口总额增速", "实际利用外资增速", "引进外省到位资金增速"]


def test_a_count_of_the_names_just_listed_is_a_tally() -> None:
    """b9/n_shuru_yiyuan_2025: four hospitals named, then 4个输入医院将…建成."""
    records = read("江苏省中医院重庆医院(永川区)、江苏省人民医院重庆医院(綦江区)、华中科技大学同济医学院附属协和医院"
                   "重庆医院(两江新区)、广州中医药大学第一附属医院重庆医院(北碚区),4个输入医院将在2025年底前全面建成。",
                   "推进区域医疗中心建设", dt.date(2023, 1, 11))
    assert [r for r in records if r.unit == "个"] == []


def test_projects_counted_with_their_annual_investment_describe_the_list() -> None:
    """b9/s_zhongda_jindu_2022: 项目213个,年度计划投资745.5亿元: the count describes the list;
    the year's investment is the target."""
    records = read("据介绍,今年主城都市区内布局产业转型升级类项目213个,年度计划投资745.5亿元。",
                   "市级重大项目进度", dt.date(2022, 8, 10))
    assert [(r.kind, r.value) for r in records] == [("statistic", 213), ("target", 74.55e9)]


def test_a_subject_and_jiang_lead_the_clauses_after_them() -> None:
    """b9/p_weijian_huiyi_2019: 重庆将实施…,完成90个…,建成…162个: one plan."""
    records = read("在区县,重庆将实施新一轮公共卫生机构基础设施建设,完成90个数字化医疗设备配置,"
                   "建成数字化接种门诊162个、污水处理设施60个。", "重庆市2019年卫生健康工作会", dt.date(2019, 1, 23))
    assert [(r.value, r.year) for r in records if r.kind == "target"] == [(90, 2019), (162, 2019), (60, 2019)]


def test_a_plan_period_in_parentheses_without_nian_frames_the_items() -> None:
    """b10/p_lvyou_xiaofei_2027: 行动计划(2023—2027) dates the bare items under it."""
    records = read("3.推进全国红色旅游融合发展示范区、重点区建设,全市红色旅游A 级景区达到30个。",
                   "提升旅游消费推动旅游业高质量发展行动计划(2023—2027)", dt.date(2024, 4, 28))
    assert [(r.value, r.year, r.year_source) for r in records if r.kind == "target"] == [(30, 2027, "title")]


def test_growth_over_the_plans_base_year_stays_in_the_plan() -> None:
    """b10/p_lvyou_shisanwu_2020: 到2020年…达到5.26亿人次,比2015年增长34%以上: both targets."""
    records = read("按照《规划》,到2020年,旅游总人数达到5.26亿人次,比2015年增长34%以上。",
                   "《重庆市建设国际知名旅游目的地“十三五”规划》发布", dt.date(2017, 3, 4))
    assert [(r.value, r.year) for r in records if r.kind == "target"] == [(5.26e8, 2020), (34, 2020)]


def test_progress_after_a_count_and_differences_from_the_plan_are_reports() -> None:
    """b10/s_wenlv_jiedai_2025 and s_wanzhou_msss_2024: 项目共46个,已完成投资… reports the
    year's list; 比年度计划高20.3个百分点 is a difference, never a record."""
    records = read("项目建设持续推进方面,今年市级重点文旅项目共46个,已完成投资39.41亿元。"
                   "完成投资5.04亿元,比年度计划高20.3个百分点。", "截至今年7月 重庆全市共接待国内游客2.79亿人次",
                   dt.date(2025, 9, 29))
    assert targets(records) == []
    assert 20.3 not in {r.value for r in records}


def test_jiang_as_ba_moves_an_object_and_plans_nothing() -> None:
    """b10/p_dikong_qijiangdian_2027: 将梁平区、武隆区等14个区县纳入…名单."""
    records = read("日前,重庆市经济和信息化委员会发布《关于印发低空装备产业发展试点区县名单的通知》(下称《通知》),"
                   "将梁平区、武隆区等14个区县纳入低空装备产业发展试点区县名单。", "重庆低空装备产业试点", dt.date(2024, 7, 15))
    assert targets(records) == []


def test_a_route_names_no_subject_and_a_site_name_no_place() -> None:
    """b11/p_jiaotong_huiyi_2026 and n_quxian_touzi_2023: 黔江至吉首高铁 is a line, not 黔江区's;
    中國西藏網 is the mirror's name, not 西藏's."""
    records = read("开工建设黔江至吉首高铁等2个项目265公里,新建高速公路服务区重卡充换电站8座。",
                   "黔江至吉首高铁开工、奉节至建始高速建成! 今年重庆出行将更方便→", dt.date(2026, 1, 20))
    assert {r.region for r in records if r.kind == "target"} == {"重庆市"}
    source = read("中國西藏網 > 即時新聞 > 地方\n今年全市将新建充电桩1万个。", "重慶七成以上區縣完成投資實現同比增長",
                  dt.date(2023, 11, 16), "中國西藏網镜像(來源:重慶日報網)")
    assert {r.region for r in source} == {"重庆市"}


def test_a_facility_after_it_runs_and_a_plans_progress_are_reports() -> None:
    """b11/n_quxian_touzi_2023: 達產后將年產… and 年度计划投资进度达138% are no targets."""
    records = read("目前,項目工藝設備已全部采購完成,預計12月底建成投產,達產后將年產新能源整車超28萬輛、年產值超500億元。"
                   "前三季度,该项目已累计完成投资18亿元,年度计划投资进度达138%。",
                   "重慶七成以上區縣完成投資實現同比增長", dt.date(2023, 11, 16))
    assert targets(records) == []


def test_a_five_year_hand_in_reports_and_a_goal_statement_overrides_a_report() -> None:
    """b11/s_wenlv_shisiwu_2025: 十四五交卷 reports; b11/p_shizhang_jiedu_2025: 主要预期目标是…
    plans this year even under a 近年来 headline."""
    hand_in = read("产品供给持续丰富,A级旅游景区从209家增至323家。",
                   "重庆文旅“十四五”交卷:产业增加值双破千亿元 “诗与远方”触手可及", dt.date(2025, 9, 17))
    assert targets(hand_in) == []
    goals = read("胡衡华市长强调,重庆经济社会发展的主要预期目标是地区生产总值增长6%左右。",
                 "重庆市,作为我国西部地区的经济中心,近年来在市长胡衡华的领导下,正以全新的面貌迎接挑战与机遇",
                 dt.date(2025, 1, 19))
    assert targets(goals) == [("地区生产总值增速", 6, "%", "~", 2025, "重庆市")]


def test_fangmian_after_a_number_counts_aspects_not_cubic_metres() -> None:
    """b11/p_zhongda_xiangmu_2023: 将突出4方面重点."""
    records = read("今年的重大建設項目將突出4方面重點:產業優化升級領域年度計劃投資868億元。", "", dt.date(2023, 2, 14))
    assert [r.unit for r in records] == ["元"]


def test_what_both_places_build_together_is_chuanyus() -> None:
    """b1/p_jiusong_summary_2025: 320个川渝共建项目 is the pair's list, not Chongqing's alone."""
    records = read("今年将建设成渝中线高铁等320个川渝共建项目。", "", dt.date(2025, 1, 20))
    assert [(r.value, r.region) for r in records if r.kind == "target"] == [(320, "川渝")]


def test_rankings_and_a_roads_length_after_it_opens_are_no_targets() -> None:
    """b12/n_baiqiang_qiye_2021 and n_gaosu_tongche_2021."""
    ranking = read("上游新闻记者现场获悉,今年重庆百强企业的入围门槛提高至37亿元,创历史新高;营收总额达到2.26万亿。",
                   "2021重庆企业100强发布", dt.date(2021, 9, 1))
    road = read("大內高速全線建成以後,重慶大足到四川內江的高速公路里程將由90公里縮短至50公里,"
                "時間將從現在的1小時縮短至30分鐘左右。", "大内高速通车", dt.date(2021, 12, 30))
    assert targets(ranking) == targets(road) == []


def test_a_projects_size_and_a_stated_total_are_no_targets() -> None:
    """b12/p_zhongxian_gzbg_2018: 50万头生猪养殖一体化项目 sizes one project; b12/p_jiuye_shijian_2021:
    今年,…总数为242万人 states a fact. 改造老旧果园1万亩 stays the year's work."""
    records = read("启动建设1万亩柑橘果园生态示范基地,改造老旧果园1万亩;加快推进50万头生猪养殖一体化项目。"
                   "在公共人力资源市场就业岗位需求方面,今年,重庆岗位需求总数为242万人。",
                   "忠县今年要办长江三峡国际电竞节", dt.date(2018, 1, 16))
    assert [(r.indicator, r.value) for r in records if r.kind == "target"] == [("改造老旧果园", 10000)]


def test_a_new_area_in_the_headline_is_the_subject() -> None:
    """b13/p_gaozhu_fangan_2025: 川渝高竹新区's figures are the area's, not Chongqing's or 川渝's."""
    records = read("到2025年,常住人口达到15万人以上。", "川渝高竹新区总体方案:5年后人口超15万GDP超120亿",
                   dt.date(2021, 12, 1))
    assert targets(records) == [("常住人口", 150000, "人", ">=", 2025, "川渝高竹新区")]


def test_a_plan_period_that_is_over_reports() -> None:
    """b13/p_5g_jizhan_2021: in 2021, “十三五”时期…年均增长77% is a result."""
    records = read("“十三五”时期,全市信息通信业高质量发展取得新的历史成就,全市电信业务总量年均增长77%。",
                   "重庆信息通信业工作会议", dt.date(2021, 2, 1))
    assert targets(records) == []


def test_a_deadline_that_closes_the_list_dates_it_and_years_within_count_from_now() -> None:
    """b14/p_yanglao_jiedao_2020: …800个,设立…5180个,到2022年全部完成; b14/p_yanglao_shequ_2019:
    力争3年内新增1万张 (2019) ends in 2021; 现有804个乡镇 stays a fact."""
    records = read("重庆现有804个乡镇、8029个行政村,计划建设乡镇养老服务中心800个,设立村级互助养老点5180个,"
                   "到2022年全部完成。力争3年内新增1万张普惠性养老床位。", "重庆2020年推进社区养老服务全覆盖",
                   dt.date(2019, 2, 10))
    assert [(r.value, r.year) for r in records if r.kind == "target"] == [(800, 2022), (5180, 2022), (10000, 2021)]


def test_a_bare_multiple_before_people_counts_people() -> None:
    """b14/p_shuili_yinshui_2010: 解决200万城乡居民的饮水安全问题."""
    records = read("据介绍,2010年,重庆水利工作将更加突出民生,解决200万城乡居民的饮水安全问题。", "", dt.date(2010, 1, 20))
    assert [(r.value, r.unit) for r in records if r.kind == "target"] == [(2e6, "人")]


def test_the_full_year_of_a_reported_past_year_is_no_deadline() -> None:
    """b15/s_fengjie_jihua_2025: 2024年,…全年…: results of 2024 in a 2025 report; 5项约束性指标 counts
    the plan's own indicators; 1个多小时 is a duration."""
    records = read("2024年,全县上下攻坚克难,全年实现地区生产总值411.5亿元、增长6.6%。"
                   "40项指标中,空气质量优良天数等5项约束性指标全部完成。现在两地通勤还要1个多小时。",
                   "受县人民政府委托,现将2024年国民经济和社会发展计划执行情况及2025年计划草案提请大会审查",
                   dt.date(2025, 3, 25), "奉节县人民政府网")
    assert targets(records) == []
    assert 5 not in {r.value for r in records} and 1 not in {r.value for r in records}


def test_double_doubling_doubles_each_item_and_a_named_campaign_does_not() -> None:
    """b15/p_weilai_wunian_2027: 高新技术企业、科技型企业实现双倍增 → two 2倍 targets; b6/p_jiangjin_gzbg_2025:
    推进“双倍增”行动 names a campaign."""
    records = read("2、科教实力:到2027年,高新技术企业、科技型企业实现双倍增。推进“双倍增”行动。",
                   "未来五年重庆定下这些小目标", dt.date(2023, 1, 13))
    assert [(r.indicator, r.value, r.unit, r.year) for r in records if r.kind == "target"] == [
        ("高新技术企业", 2, "倍", 2027), ("科技型企业", 2, "倍", 2027)]


TABLE = """表1 重庆市数字经济创新发展主要指标
类别 |
主要指标 |
单位 |
2022年 |
2027年 |
来源 |
总体 |
数字经济增加值占GDP的比重 |
% |
45.4 |
50 |
市统计局 |
数字经济重点企业 |
家 |
/ |
500 |
市经济信息委 |
|
数字产业化 |
数字经济核心产业增加值 |
亿元 |
2240 |
4000 |
市统计局 |
其中:创新工厂(含5G工厂) |
个 |
/ |
50 |
市经济信息委 |"""


def test_a_flattened_table_gives_the_future_columns_values() -> None:
    """b15/p_shuzi_jingji_2027: one cell a line; the 2027 column holds targets, the 2022 column
    base values, merged category cells and an empty cell change nothing."""
    records = read(TABLE, "重庆市数字经济创新发展行动计划", dt.date(2023, 12, 13))
    assert targets(records) == [
        ("数字经济增加值占GDP的比重", 50, "%", "=", 2027, "重庆市"),
        ("数字经济重点企业", 500, "家", "=", 2027, "重庆市"),
        ("数字经济核心产业增加值", 4e11, "元", "=", 2027, "重庆市"),
        ("创新工厂", 50, "个", "=", 2027, "重庆市"),
    ]
    assert {r.year_source for r in records if r.kind == "target"} == {"heading"}


def test_a_goal_spelled_out_in_quotes_gives_each_name_and_each_quantity() -> None:
    """b16/p_zhongxian_mubiao_2025: 2029年前后 is a deadline; 均 gives 1000亿元 to both names; a
    second quantity after 、 measures the same item; a planned growth rate with no year is
    the year's."""
    records = read(
        "忠县聚焦“2029年前后全县工业总产值和GDP均突破1000亿元,2035年城市规模达到50平方公里、"
        "50万人”的“双千亿”“双50”主要支撑目标,推动经济社会高质量发展。\n"
        "聚焦“双千亿”目标,忠县将持续壮大“2+4”现代制造业集群,力争规上工业增加值增长11%以上。",
        "", dt.date(2025, 1, 1))
    assert targets(records) == [
        ("工业总产值", 1e11, "元", ">", 2029, "忠县"),
        ("地区生产总值", 1e11, "元", ">", 2029, "忠县"),
        ("城市规模", 50, "平方公里", "=", 2035, "忠县"),
        ("城市规模", 500000, "人", "=", 2035, "忠县"),
        ("规上工业增加值增速", 11, "%", ">=", 2025, "忠县"),
    ]


def test_a_dateline_names_no_subject_and_a_national_plan_is_the_countrys() -> None:
    """b17/p_shebei_gengxin_2027: 新华社北京…电 is where the report was filed; 国务院印发 makes
    the plan's targets 全国's."""
    records = read(
        "《行动方案》提出,到2027年,规模以上工业企业数字化研发设计工具普及率、关键工序数控化率分别超过90%、75%。",
        "新华社北京3月13日电 日前,国务院印发《推动大规模设备更新和消费品以旧换新行动方案》",
        dt.date(2024, 3, 13))
    assert {r.region for r in records if r.kind == "target"} == {"全国"}
    assert [r.value for r in records if r.kind == "target"] == [90, 75]


def test_a_size_class_of_money_is_in_yuan_and_sizes_the_names_it_counts() -> None:
    """b17/p_hubei_zhidian_2027: 提升至7万亿级 is 7万亿元; b16/p_chengkou_fabuhui_2024:
    中药材、老腊肉两个50亿级产业集群 sizes each cluster named, and 两个 is no amount."""
    records = read("到2027年,力争全省工业规模稳步提升至7万亿级,服务业规模提升至4万亿级\n"
                   "打造中药材、老腊肉两个50亿级产业集群。",
                   "一图读懂湖北支点建设七大战略行动方案", dt.date(2025, 5, 6))
    assert targets(records) == [("工业规模", 7e12, "元", "=", 2027, "湖北省"),
                                ("服务业规模", 4e12, "元", "=", 2027, "湖北省"),
                                ("中药材产业集群规模", 5e9, "元", ">=", 2027, "湖北省"),
                                ("老腊肉产业集群规模", 5e9, "元", ">=", 2027, "湖北省")]


def test_a_list_closed_by_a_goal_word_gives_goals_and_a_works_size_none() -> None:
    """b16/p_pengshui_tese_2009: 确定了建成100万亩…基地的发展目标 lists goals, each noun after
    its size; 6万千瓦的马岩洞电站 sizes one works; the autonomous county by its full name."""
    records = read(
        "这是彭水苗族土家族自治县贯彻落实国务院3号文件的一个缩影。县委、政府组织对3号文件的仔细研读,"
        "确定了建成100万亩优质粮油基地、100万亩经济作物基地、100万头生猪基地的发展目标。\n"
        "县发改委负责人介绍,今年彭水将全面完工175万千瓦的乌江彭水水电站、6万千瓦的马岩洞电站。",
        "彭水:量身发展优势特色产业", dt.date(2009, 3, 31))
    assert targets(records) == [
        ("优质粮油基地", 1e6, "亩", "=", None, "彭水苗族土家族自治县"),
        ("经济作物基地", 1e6, "亩", "=", None, "彭水苗族土家族自治县"),
        ("生猪基地", 1e6, "头", "=", None, "彭水苗族土家族自治县"),
    ]


def test_forecasts_readers_and_a_finished_plan_period_are_no_targets() -> None:
    """b17/n_dikong_shangyou_2024: 据相关机构测算…2030年有望达到 forecasts;
    b17/p_sichuan_dikong_2027: 29人围观 counts readers; b17/s_jiaoyu_shisiwu_2025: in October
    2025 “十四五”期间…建成 sums the period up."""
    assert targets(read("“五一”低空消费热度飙升背后,据相关机构测算,2023年我国低空经济规模超5000亿元,"
                        "2030年有望达到2万亿元。", "", dt.date(2024, 5, 6))) == []
    assert targets(read("到2027年建成20个通用机场。\n评论列表 (暂无评论,29人围观)参与讨论",
                        "", dt.date(2024, 10, 1))) == [("通用机场", 20, "个", "=", 2027, "重庆市")]
    assert targets(read("“十四五”期间,重庆建成特殊教育学校41所,义务教育阶段适龄残疾儿童青少年入学率达98.99%;",
                        "", dt.date(2025, 10, 20))) == []


def test_last_year_reports_and_an_item_starts_after_the_one_before() -> None:
    """b18/p_jiaoyu_mubiao_2024: a paragraph opening on 去年 reports through its semicolons; an
    item starts after the 、 that closes a ranged item (1至2所); 等 starts no noun; 巩固在 is a
    comparator verb."""
    records = read(
        "据悉,今年全市将完成高校新增博士学位授予单位1至2所、硕士学位授予单位1所等十大主要目标。\n"
        "去年,全市中小学党建“五双工程”被中央教育工作领导小组刊发推广;建设大中小学思政课一体化全国重点共同体1个,"
        "获批国家级儿童青少年近视防控试点县和改革试验区4个;基础教育全年新增学位6.3万个;\n"
        "在基础教育方面,重庆将完成公办园在园幼儿占比保持在54%以上、普惠率巩固在90%以上等目标。",
        "2024年重庆教育将完成十大主要目标", dt.date(2024, 3, 12))
    assert targets(records) == [
        ("硕士学位授予单位", 1, "所", "=", 2024, "重庆市"),
        ("公办园在园幼儿占比", 54, "%", ">=", 2024, "重庆市"),
        ("普惠率", 90, "%", ">=", 2024, "重庆市"),
    ]


def test_a_review_goes_on_under_its_topic_headings_and_a_venue_is_no_subject() -> None:
    """b19/s_yunnan_gzbg_2026: “十四五”时期工作回顾 holds over the topic headings under it;
    在昆明开幕 names where the congress meets, not whose figures these are."""
    records = read("“十四五”时期工作回顾\n经济实力迈上新台阶\n• 新增铁路里程989公里\n"
                   "民族团结进步示范区建设结出新硕果\n• 打造1000个民族村寨旅游提升示范村、30个边境旅游示范村",
                   "1月28日 ,云南省第十四届人民代表大会第四次会议 在昆明开幕", dt.date(2026, 1, 28))
    assert targets(records) == []
    assert {r.region for r in records} == {"云南省"}


def test_company_payouts_named_formats_and_counts_of_a_lists_items_are_no_targets() -> None:
    """b18/n_chongpi_nianbao_2026: a dividend; b19/p_fengdu_msss_2026: 这十件民生实事 counts the
    list, 5人制 names a format; b18/p_nongye_fabuhui_2025: 正在2025年 dates nothing."""
    assert targets(read("年报显示,重庆啤酒拟向全体股东每股派发现金红利1.20元(含税)。", "",
                        dt.date(2026, 2, 1))) == []
    assert targets(read("李道波介绍,这十件民生实事涵盖出行便利、居住安全等多个关键领域。"
                        "新建龙河东体育公园,将重点建设5人制足球场。", "丰都县2026年民生实事",
                        dt.date(2026, 1, 26))) == []
    assert targets(read("2月11日上午,正在2025年推进城乡融合发布会上获悉,2024年,粮食产量1100万吨。", "",
                        dt.date(2025, 2, 11))) == []


def test_a_heading_counting_its_own_parts_is_a_heading_and_a_holding_is_no_verb() -> None:
    """b18/p_weijian_huiyi_2026: 重点抓好8个方面工作 counts the text's parts, so the line is a
    heading; b19/p_anhui_jihua_2026: 专利拥有量 names an indicator, 拥有 there reports nothing."""
    blocks = list(read_blocks("2026年,全市卫生健康领域重点抓好8个方面工作\n深入落实健康优先发展战略。"))
    assert [block.kind for block in blocks] == ["heading", "paragraph"]
    records = read("2026年全省经济社会发展的主要预期目标是:每万人口高价值发明专利拥有量14件左右。", "",
                   dt.date(2026, 1, 25))
    assert targets(records) == [("每万人口高价值发明专利拥有量", 14, "件", "~", 2026, "重庆市")]


def test_announced_actions_frame_the_paragraphs_that_spell_them_out() -> None:
    """b18/p_dadukou_shangwu_2026: 2026年将深入实施五大重点行动 ends its paragraph; the next one
    gives the actions' numbers, in ㎡ (NFKC: m2) among others."""
    records = read(
        "2025年,全区社会消费品零售总额增长6.7%。\n"
        "围绕“十五五”开局之年发展要求,大渡口区商务委明确2026年将深入实施五大重点行动,锚定商贸高质量发展目标。\n"
        "招商培育上实施超常行动,聚焦现代物流、电子商务两大集群,招引商贸企业100家,盘活闲置商业商务楼宇3万㎡以上。",
        "2026年大渡口区商务工作会召开", dt.date(2026, 1, 3))
    assert targets(records) == [
        ("招引商贸企业", 100, "家", "=", 2026, "大渡口区"),
        ("盘活闲置商业商务楼宇", 30000, "平方米", ">=", 2026, "大渡口区"),
    ]


def test_done_work_a_list_of_districts_and_a_county_the_table_lacks() -> None:
    """b20/n_wenlv_dahui_2024: 已打造 reports; b20/p_zhaoshang_zerenshu_2023: 长寿、江津…等九区
    name no single subject, and the year the sentence names dates its goals;
    b21/p_huangzhong_gzbg_2024: 西宁市湟中区 is the county (renamed after jionlp's table)."""
    assert targets(read("截至目前,重庆已打造国家级精品旅游线路17条、5A景区12家。", "",
                        dt.date(2024, 6, 1))) == []
    records = read("在2月3日召开的重庆市2023年重大产业化项目招引专项行动动员大会上,长寿、江津、合川等九区"
                   "签订制造业招商目标责任书:2023年新签约制造业正式合同总额不低于4700亿元。",
                   "重庆九区共签订4700亿元招商责任书 聚焦制造业细分领域", dt.date(2023, 2, 6))
    assert targets(records) == [("新签约制造业正式合同总额", 4.7e11, "元", ">=", 2023, "重庆市")]
    records = read("2024年主要预期目标是:地区生产总值增长6%左右。",
                   "西寧市湟中區第二屆人民代表大會第四次會議開幕", dt.date(2024, 1, 10))
    assert {r.region for r in records if r.kind == "target"} == {"湟中区"}


def test_a_quoted_plan_period_heading_dates_annual_averages() -> None:
    """b21/p_jiangyan_gzbg_2026: the heading “十五五”时期主要目标 frames the goals under it, 年均
    rates included; b21/p_fuzhongxin_jingji_2026: 预期目标已经明确 sets goals, it reports none."""
    records = read("“十五五”时期主要目标\n地区生产总值年均增长5%左右,一般公共预算收入年均增长2.5%,"
                   "规上工业总产值达1300亿元。", "泰州市姜堰区2026年政府工作报告", dt.date(2026, 1, 13))
    assert targets(records) == [
        ("地区生产总值年均增速", 5, "%", "~", 2030, "姜堰区"),
        ("一般公共预算收入年均增速", 2.5, "%", "=", 2030, "姜堰区"),
        ("规上工业总产值", 1.3e11, "元", "=", 2030, "姜堰区"),
    ]
    records = read("全年的预期目标已经明确,地区生产总值增长要达到6%以上,一般公共预算收入增长3%。", "",
                   dt.date(2026, 2, 24))
    assert targets(records) == [("地区生产总值增速", 6, "%", ">=", 2026, "重庆市"),
                                ("一般公共预算收入增速", 3, "%", "=", 2026, "重庆市")]


def test_counts_of_indicators_topics_and_parts_are_no_targets() -> None:
    """b20/n_qijiang_changwu_2026: 39个底层指标预测清单; b21/p_sichuan_jianyi_2025: 57个课题研究,
    三大板块、十二个部分、42条."""
    assert targets(read("审议2026年区政府工作报告目标任务分解工作方案,听取GDP下属39个底层指标预测清单。", "",
                        dt.date(2026, 2, 3))) == []
    assert targets(read("省政府组织开展57个课题研究。《建议》共三大板块、十二个部分、42条。",
                        "四川省委十二屆八次全會審議通過“十五五”規劃建議 擘畫未來五年發展藍圖",
                        dt.date(2025, 11, 27))) == []


def test_a_chinese_decimal_amount_its_restatement_and_a_year_written_with_circles() -> None:
    """b22/n_xiaofei_diyicheng_2026: 一点五亿元 is 1.5亿元, the 台币 amount in parentheses restates
    it, and 二○二六年 (○ for 〇) is the year the sentence names."""
    records = read("上海市商务委主任申卫华七日表示,二○二六年继续坚持扩大内需战略基点,春节期间,"
                   "上海各区也将发放总额约人民币一点五亿元(约台币六点八亿元)消费券。", "",
                   dt.date(2026, 2, 9))
    assert [(r.value, r.unit, r.comparator, r.year) for r in records if r.kind == "target"] == [
        (1.5e8, "元", "~", 2026)]


def test_what_a_city_has_its_plans_parts_and_a_slope_class_are_no_targets() -> None:
    """b22/p_jiaoyu_qiangshi_2035: 有9422所 and 还建有…43个 state what there is, 1个总目标 and
    5个发展定位 count the plan's parts, 三年内 dates its goal; b22/p_chungeng_renwu_2024:
    25度以下撂荒耕地 names a class of fields."""
    records = read("中小学和幼儿园有9422所。重庆市还建有高端装备机械传动全国重点实验室等"
                   "43个国家级科技创新平台。\n1个总目标:建设新时代教育强市、实现教育现代化。\n"
                   "三年内“教共体”覆盖率将达到90%。", "重庆加快建设教育强市规划纲要(2024—2035年)",
                   dt.date(2025, 2, 27))
    assert targets(records) == [("“教共体”覆盖率", 90, "%", "=", 2027, "重庆市")]  # 2025 + 3 - 1
    assert targets(read("推动25度以下撂荒耕地复耕复种,确保粮食播种面积不减少。", "2024年春耕五大任务",
                        dt.date(2024, 3, 1))) == []


def test_spaces_that_separate_clauses_a_years_livelihood_projects_and_what_is_not_planned() -> None:
    """b24/p_yangzhong_msss_2026: a summary card separates its clauses with spaces; 2026年…民生实事
    plans the year; 确定了 decides; a facility's capacity (日处理400吨的…中心) and a road's
    长度/宽度 are its size; b24/n_dazu_renda_2023: 应到/实到 count attendance."""
    records = read("2026年扬中市民生实事项目概览 - 扬中市第十八届人民代表大会第五次会议于2026年1月16日票决确定了"
                   "10项年度市政府民生实事项目 [1] 基础设施与防洪工程 - 实施长江堤防应急治理工程扬中境内二期工程 "
                   "包括挡墙13.46千米 道路8.72千米 [2] 城市环境与垃圾处理 - 建设市生活废弃物综合处置中心一期项目 "
                   "配套日处理400吨的生活垃圾转运中心 [3] 交通与道路改造 - 实施翠竹路改造工程 长度约740米 宽度约33米",
                   "扬中市公布2026年市政府民生事实项目10项", dt.date(2026, 1, 17))
    assert [(r.value, r.unit, r.year) for r in records if r.kind == "target"] == [
        (13.46, "公里", 2026), (8.72, "公里", 2026)]
    assert next(r for r in records if r.value == 13.46).sentence.startswith("2026年扬中市民生实事项目概览 - ")
    assert targets(read("大会应到代表352名,实到代表331名,符合法定人数。", "区十九届人大三次会议闭幕",
                        dt.date(2023, 1, 1))) == []


def test_unnamed_places_alternatives_and_a_reviewed_plan_are_no_targets() -> None:
    """b24/p_shengfen_mubiao_2025: 各地, 多个经济大省 name no region, 6%以上或者6%左右 commits to
    neither; b24/s_kaizhou_jihua_2025: 2024年…计划执行情况 reviews the year's plan."""
    assert targets(read("从经济增长目标来看,各地普遍确定在5%以上,其中,多个经济大省将目标定在5.5%左右。"
                        "海南、重庆、新疆、湖北和内蒙古则定在6%以上或者6%左右。",
                        "31省份今年增速目标揭晓", dt.date(2025, 1, 21))) == []
    assert targets(read("一、2024年国民经济和社会发展计划执行情况\n——突出稳进增效,推动经济增长回升向好。"
                        "GDP突破700亿元大关、达到721.44亿元,经济报表3个季度保持全市前10。",
                        "关于重庆市开州区2024年国民经济和社会发展计划执行情况及2025年计划草案的报告",
                        dt.date(2025, 2, 25))) == []


def test_plans_met_a_results_briefing_a_counted_class_and_a_plans_parts() -> None:
    """b23/s_nengyuan_shisiwu_2025: a headline saying the plan's indicators were met reports;
    b23/s_shuzi_chengguo_2026: a results press conference reports; b23/p_shuzi_maoyi_2029:
    超5亿元的…产业带新增3个 counts a class; b23/p_yuzhong_ruanxin_2027: 4个专栏 is a part of
    the plan; b23/p_hemei_yuanluo_2025: 和美院落 is a noun."""
    assert targets(read("●市内电力装机可增加1500万千瓦以上、总规模超过4200万千瓦",
                        "“十四五”时期重庆著力破解能源困局 16项能源规划指标超预期完成",
                        dt.date(2025, 9, 23))) == []
    assert targets(read("创新构建党建统领“885”工作体系,入库管控重大任务等超800项。",
                        "市政府新闻办举行数字重庆基本能力建设成果新闻发布会", dt.date(2026, 1, 22))) == []
    assert targets(read("到2027年,全市年进出口额超5亿元的跨境电商产业带新增3个。", "",
                        dt.date(2025, 6, 1))) == [("年进出口额超5亿元的跨境电商产业带新增", 3, "个", "=", 2027, "重庆市")]
    assert targets(read("《行动计划》还规划了13项重点行动、30项重点任务和4个专栏。",
                        "渝中区出台三年行动计划(2025—2027年)", dt.date(2025, 6, 30))) == []
    assert targets(read("全市已打造276个达标村,2025年将建成300个和美院落。", "", dt.date(2025, 6, 18))) == [
        ("和美院落", 300, "个", "=", 2025, "重庆市")]


def test_a_number_the_page_cuts_off_and_a_quote_it_cuts() -> None:
    """b16/p_pengshui: a text cut after 促成100万吨 has lost what the tonnage measures;
    b24/n_dangdaihui_jiedu_2022: 提出“十一个深入… is a quote the page cuts; the same count with
    its noun and a full stop is read."""
    cut = "今年彭水将全面完工175万千瓦的乌江彭水水电站,促成100万吨"
    assert 1e6 not in [r.value for r in read(cut, "", dt.date(2009, 3, 1))]
    assert 1e6 in [r.value for r in read(cut + "水泥项目落地。", "", dt.date(2009, 3, 1))]
    assert targets(read("报告围绕今后五年重大任务和发展目标作出部署,提出“十一个深入", "",
                        dt.date(2022, 5, 28))) == []


def test_every_province_named_as_a_clause_subject_is_the_targets_region() -> None:
    """b24/p_shengfen_mubiao_2025: a round-up of the provinces' growth targets names each
    province as its clause's subject, by its short name (辽宁, 广西)."""
    records = read("其中,辽宁提出增速5%以上,广西地区生产总值增长5%左右。", "31省份今年增速目标揭晓",
                   dt.date(2025, 1, 21))
    assert [(r.value, r.comparator, r.region) for r in records if r.kind == "target"] == [
        (5, ">=", "辽宁省"), (5, "~", "广西壮族自治区")]


def test_a_year_opening_a_headline_without_nian_and_an_amount_without_yuan() -> None:
    """b25/p_jiaotong_touzi_2026: 2026重庆交通建设… dates the plan without 年, and 计划完成投资1000亿
    is an amount in 元."""
    title = "2026重庆交通建设“加速跑”,“十五五”开局计划完成投资1000亿"
    records = read(title + "\n水运方面,年底港口货物吞吐能力达到2.5亿吨。", title, dt.date(2026, 2, 4))
    assert targets(records) == [
        ("完成投资", 1e11, "元", "=", 2026, "重庆市"),
        ("港口货物吞吐能力", 2.5e8, "吨", "=", 2026, "重庆市")]


def test_the_set_a_share_measures_and_one_projects_own_figures_are_no_targets() -> None:
    """b25/p_huanbao_youliang_2018: 42个断面 is the set whose 水质优良比例 is the target, and a
    year's 工作要点 plans it;
    b25/s_laojiu_kaigong_2025: 该片区…涉及24栋楼 describes one project."""
    records = read("长江干流重庆段水质达到三类,纳入国家考核的42个断面水质优良比例达到88.1%以上。",
                   "市环保局2018年工作要点", dt.date(2018, 2, 1))
    assert [(r.value, r.unit) for r in records if r.kind == "target"] == [(88.1, "%")]
    assert targets(read("同样加速焕新的还有北碚区蔡家老街片区老旧小区。该片区老旧小区改造范围涉及24栋楼。",
                        "重庆今年计划改造小区全部开工", dt.date(2025, 9, 30))) == []


def test_a_count_of_events_to_hold_is_a_plans_item_not_an_events_details() -> None:
    """b24/p_yangzhong_msss_2026: 开展20场以上线上线下招聘会 counts job fairs to hold; the items
    after it are read as the plan's too."""
    records = read("2026年扬中市民生实事项目概览 - 就业促进 - 实施就业专项扩岗行动 计划开展20场以上线上线下招聘会 "
                   "组织30场以上校园招聘活动 力争全年扩岗1500人以上。", "扬中市公布2026年市政府民生事实项目10项",
                   dt.date(2026, 1, 17))
    assert [(r.value, r.unit, r.comparator, r.year) for r in records if r.kind == "target"] == [
        (20, "场", ">=", 2026), (30, "场", ">=", 2026), (1500, "人", ">=", 2026)]


def test_a_weather_forecast_gives_no_targets() -> None:
    """b26/n_xunqi_qixiang_2025: this year's flood-season forecast (高温日数25天左右) is weather."""
    assert targets(read("今年汛期重庆35°C以上高温日数大部地区15~55天,较常年偏多2~8天。"
                        "中心城区37°C以上高温日数25天左右,较常年偏多7天。", "重庆市气象局发布汛期气候趋势预测",
                        dt.date(2025, 4, 10))) == []


def test_figures_closed_by_their_change_since_years_ago_are_todays() -> None:
    """b22/p_jiaoyu_qiangshi_2035: under a 2035 plan's headline, figures closed by 较5年前,分别提升了
    are today's, not the plan's."""
    assert targets(read("学前教育毛入园率达93.1%、义务教育巩固率达95.9%、高中阶段教育毛入学率达98.7%,较5年前,"
                        "分别提升了6、1.4、2.1个百分点。", "重庆加快建设教育强市规划纲要(2024—2035年)",
                        dt.date(2025, 2, 27))) == []


def test_a_count_that_completed_its_task_is_reported() -> None:
    """b22/p_jiaoyu_qiangshi_2035: 等10所高职院校圆满完成…任务 counts schools that finished."""
    assert targets(read("重庆电子科技职业大学、重庆工业职业技术学院等10所高职院校圆满完成国家第一轮“双高”计划建设任务。",
                        "重庆加快建设教育强市规划纲要(2024—2035年)", dt.date(2025, 2, 27))) == []


def test_a_review_since_years_ago_and_one_areas_figures_are_no_targets() -> None:
    """b27/n_yanglao_chuangwei_2024: 近年来…持续推动…打造…216个 tells what was built;
    b27/p_laojiu_fanti_2025: 加州花园片区总建筑面积…涉及41栋楼 describes one area."""
    assert targets(read("近年来,重庆持续推动居家、社区、机构养老服务协调发展,打造“中心带站”联合体216个。",
                        "重庆养老床位", dt.date(2024, 10, 1))) == []
    assert targets(read("加州花园片区总建筑面积42.11万平方米,涉及41栋楼,惠及3743户居民。",
                        "2025年重庆将新开工改造老旧小区1227个", dt.date(2025, 3, 1))) == []


def test_a_deadline_opening_a_list_of_aspects_frames_the_aspects_after_it() -> None:
    """b28/p_rongchang_shibaiqianwan_2023: 到2027年,在乡村规划方面,… opens a list of aspects; the
    乡村产业方面,… paragraph after it keeps its deadline. b13/p_shiwuwu_gangyao_2026: an aspect
    paragraph after one that only names a year in passing keeps nothing from it."""
    records = read("到2027年,在乡村规划方面,村庄规划实现100%全覆盖。\n乡村产业方面,荣昌猪品牌价值达到60亿元。",
                   "荣昌区实施乡村振兴“十百千万”工程", dt.date(2023, 6, 1))
    assert (6e9, 2027) in [(r.value, r.year) for r in targets_of(records)]
    records = read("高质量发展方面,为到2035年人均国内生产总值翻一番打好基础。\n"
                   "科技自立自强方面,全社会研发经费投入年均增长7%以上。", "", dt.date(2026, 3, 5))
    assert [r.year for r in records if r.value == 7] == [None]


def targets_of(records) -> list:
    """The target records."""
    return [r for r in records if r.kind == "target"]


def test_a_threshold_given_as_alternatives_is_no_target() -> None:
    """b28/p_rongchang_shibaiqianwan_2023: 常住人口200户或500人以上聚居点 names which settlements,
    as alternatives; the coverage that follows is the target."""
    records = read("到2027年,基本实现常住人口200户或500人以上聚居点污水处理设施全覆盖。", "",
                   dt.date(2023, 6, 1))
    assert [(r.value, r.unit) for r in targets_of(records)] == [(100, "%")]


def test_examples_closed_by_deng_give_way_to_what_they_exemplify() -> None:
    """b12, b17, b24: the names before 等 are examples; what is measured is the kind after 等
    (新职业培训), kept with the verb that opens the list (建成, its corner quotes read as “”), or the noun after the number
    (3公里河道). A rate after 等 measures the examples themselves (b23)."""
    assert targets(read("开展“互联网营销师”等新职业培训1万人次左右;", "重庆市2021年就业工作要点",
                        dt.date(2021, 3, 1))) == [("新职业培训", 10000, "人次", "~", 2021, "重庆市")]
    assert targets(read("到2027年,建成无废小区、无废学校、无废工厂等「无废细胞」5000个以上,覆盖民众衣食住行。",
                        "", dt.date(2025, 6, 1)))[0][:2] == ("建成“无废细胞”", 5000)
    assert targets(read("今年,对新民洲大寨河等3公里河道实施生态综合治理。", "", dt.date(2026, 2, 1)))[0][:2] \
        == ("河道实施生态综合治理", 3)
    assert targets(read("到2026年,新一代智能终端、智能体等普及率超过70%。", "", dt.date(2025, 6, 1)))[0][:2] \
        == ("新一代智能终端、智能体等普及率", 70)


def test_an_indicator_loses_words_that_belong_to_its_frame() -> None:
    """b26, b9, b22, b7: a quote or a byline's parenthesis opened before the clause, a
    demonstrative count (这10个), 各区也将, 人民币 and 时期末 name no part of what is measured."""
    assert targets(read("“这10个项目年度计划投资12.7亿元,涵盖出行、上学、就医等多领域。”",
                        "大足区票决产生2023年民生实事项目", dt.date(2023, 2, 1)))[0][:2] \
        == ("项目年度计划投资", 1.27e9)
    assert targets(read("中新社北京3月5日电 (记者 王婧)重庆2023年经济总量跨过3万亿元(人民币,下同)门槛,"
                        "计划到2027年迈上4万亿元台阶。", "", dt.date(2024, 3, 5)))[0][:2] == ("经济总量", 4e12)
    assert targets(read("春节期间,上海各区也将发放总额约人民币一点五亿元的消费券。", "",
                        dt.date(2026, 2, 9)))[0][:2] == ("发放总额", 1.5e8)
    assert targets(read("到“十五五”时期末经济总量超过3.2万亿元。", "", dt.date(2025, 10, 1)))[0][:2] \
        == ("经济总量", 3.2e12)


def test_a_part_of_the_city_is_the_region_of_its_own_item_and_what_goes_on_measuring_it() -> None:
    """b3, b9, b17, b1: 中心城区 (also 重庆中心城区) is the region of its item, and of the clauses
    that go on measuring it (其中…, 年度计划投资…); a clause naming another thing is the city's.
    A count right before a second quantity (街巷步道3条29公里) measures the same item twice."""
    records = read("在中心城区建设5条山城步道,其中街巷步道3条29公里、滨江步道1条26公里。",
                   "2025年重庆市重点民生实事", dt.date(2025, 3, 1))
    assert [(r[0], r[1], r[5]) for r in targets(records)] == [
        ("山城步道", 5, "中心城区"), ("街巷步道", 3, "中心城区"), ("街巷步道", 29, "中心城区"),
        ("滨江步道", 1, "中心城区"), ("滨江步道", 26, "中心城区")]
    records = read("今年主城都市区内布局产业转型升级类项目213个,年度计划投资745.5亿元。", "",
                   dt.date(2022, 8, 20))
    assert {r.region for r in records if r.value == 7.455e10} == {"主城都市区"}
    records = read("到2027年,重庆中心城区公交和巡游出租车纯电动化比例达到55%以上。", "",
                   dt.date(2025, 3, 1))
    assert targets(records)[0][5] == "中心城区"
    records = read("主要目标:2027年,中心城区公交和巡游出租车纯电动化占比不低于55%,城市生活垃圾回收利用率达45%。",
                   "", dt.date(2025, 3, 1))
    assert [r[5] for r in targets(records)] == ["中心城区", "重庆市"]


def test_a_size_after_a_count_or_a_rate_measures_what_they_named() -> None:
    """b27/p_laojiu_fanti_2025, b8/p_guiyang_gzbg_2017: 总面积 after a count of 老旧小区 is their
    area; 总量 after a growth rate of 生产总值 is that amount itself."""
    records = read("今年计划新开工改造城镇老旧小区1227个,总面积达3011万平方米。", "", dt.date(2025, 2, 10))
    assert [r[:2] for r in targets(records)] == [
        ("新开工改造城镇老旧小区", 1227), ("新开工改造城镇老旧小区总面积", 3.011e7)]
    records = read("今后五年经济社会发展的主要预期目标是:全市生产总值年均增长11%左右,总量突破5500亿元。",
                   "贵阳市政府工作报告", dt.date(2017, 2, 10))
    assert [r[:2] for r in targets(records)] == [("生产总值年均增速", 11), ("生产总值", 5.5e11)]


RONGTONG_TITLE = "7月1日重庆要闻:到2027年 重庆将新培育专精特新“小巨人”90家、制造业单项冠军80家"


def test_a_headline_restated_in_the_body_is_one_record() -> None:
    """b29/p_rongtong_fangan_2025: the headline's 90家 is the body's 新培育…企业90家 again (one
    indicator inside the other), not a second target."""
    records = read(RONGTONG_TITLE + "\n《方案》提到,到2027年,建成产业创新综合体30家,新培育专精特新“小巨人”企业90家。",
                   RONGTONG_TITLE, dt.date(2025, 7, 1))
    assert sorted(r[1] for r in targets(records)) == [30, 80, 90]


def test_a_digest_headline_frames_its_first_story_only() -> None:
    """b29/p_rongtong_fangan_2025: a page of the day's news restates its headline as story 一、;
    story 二、 (an excavation) is not under the headline's 到2027年."""
    body = (RONGTONG_TITLE + "\n一、到2027年 重庆将新培育专精特新“小巨人”90家、制造业单项冠军80家\n"
            "《方案》提到,到2027年,建成产业创新综合体30家。\n二、三峡重庆段最大战国墓揭秘\n"
            "当考古人员小心翼翼地揭开M99墓室的封土时,近两百件以青铜器为主的随葬品在夏日阳光下闪烁着幽绿光芒。")
    records = read(body, RONGTONG_TITLE, dt.date(2025, 7, 1))
    assert sorted(r[1] for r in targets(records)) == [30, 80, 90]
    assert [r.kind for r in records if r.value == 200] == ["statistic"]


def test_a_percentage_of_a_set_is_the_share_that_reaches_what_follows() -> None:
    """b29/p_nongye_zhurenhui_2023: 70%的村级集体经济组织…达5万元以上 plans the share; the 5万元
    only says what is counted. b28/n_minqi_baiqiang_2025: without a plan the share is a finding."""
    records = read("今年,力争70%的村级集体经济组织年经营性收入达5万元以上。", "", dt.date(2023, 2, 7))
    assert targets(records) == [
        ("村级集体经济组织年经营性收入达5万元以上的比例", 70, "%", "=", 2023, "重庆市")]
    records = read("超过九成企业已经启动或计划数字化转型,75%的百强企业在绿色低碳上完成技术改造。", "",
                   dt.date(2025, 9, 1))
    assert targets(records) == []


def test_progress_so_far_goes_on_in_the_sentences_after_it() -> None:
    """b30/p_nongcun_luwang_2022: after 截至7月,已完成…, the next sentence of the paragraph goes on
    reporting (新解决413个…), though the headline plans the “十四五”."""
    title = "“十四五”时期 重庆将投入700亿元用于农村路网改造"
    body = (title + "\n据介绍,今年重庆计划新改建“四好农村路”3200公里,截至7月,已完成2687公里。"
            "新解决413个村民小组通硬化路,农村公路安防工程完成2518公里,完成危旧桥梁改造77座。")
    records = read(body, title, dt.date(2022, 8, 9))
    assert sorted(r[1] for r in targets(records)) == [3200, 7e10]


def test_a_count_of_the_names_just_listed_is_no_target() -> None:
    """b30/p_sihao_nongcunlu_2022: 城口、巫溪、酉阳、彭水4个…重点帮扶县 counts the four names."""
    records = read("今年,落实城口、巫溪、酉阳、彭水4个国家级乡村振兴重点帮扶县“一县一策”帮扶政策,"
                   "新解决30个乡镇通三级路。", "", dt.date(2022, 5, 1))
    assert [r[1] for r in targets(records)] == [30]


def test_the_build_of_one_facility_is_no_target() -> None:
    """b31/n_ertong_yiyuan_2019, b32/n_liangjiang_zhongyiyuan_2023: a hospital campus's land,
    floor area, beds and parking, even 按照规划 or 计划2026年建成投用."""
    records = read("按照规划,重医附属儿童医院两江院区占地约200亩,总建筑面积约35万平方米,设病床1480张,"
                   "项目分三期建设。", "", dt.date(2019, 9, 1))
    assert targets(records) == []
    records = read("新院区由门诊楼、住院楼、感染楼、疾控中心在内的4栋楼构成,设置床位900张,配套车位1700余个,"
                   "计划2026年建成投用。", "", dt.date(2023, 6, 1))
    assert targets(records) == []


def test_a_disasters_toll_is_no_target() -> None:
    """b32/n_baoyu_shouzai_2025: 受灾, 紧急避险转移 and 直接经济损失 report one incident."""
    title = "重庆市迎来今年首场大范围强降雨,多个区县受灾严重"
    records = read(title + "\n6月18日至19日,重庆市迎来今年首场大范围强降雨,多个区县受灾严重。"
                   "本轮强降水导致20多个区县受灾,紧急避险转移4792人,紧急转移安置2403人,"
                   "直接经济损失2108.3万元。", title, dt.date(2025, 6, 19))
    assert targets(records) == []


def test_a_measurement_written_as_nearly_or_more_than_is_this_years_fact() -> None:
    """b31/n_yongchuan_shuidao_2023, b32/n_shuidao_shouge_2023: 今年…种植近60万亩, 980多万亩 measure
    what was planted; a plan list's 2万多个 stays its item (b1)."""
    assert targets(read("今年,永川全区水稻种植近60万亩,目前已陆续开始收割。", "", dt.date(2023, 8, 1))) == []
    assert targets(read("据了解,重庆今年种植水稻980多万亩,为保证水稻的机械化收割。", "",
                        dt.date(2023, 8, 1))) == []
    records = read("2025年重点民生实事\n新开工城镇老旧小区1227个,完成4000部电梯加装和2万多个电动车充电端口。",
                   "", dt.date(2025, 3, 1))
    assert 20000 in [r[1] for r in targets(records)]


def test_a_value_after_a_year_inside_its_clause_and_the_next_years_value() -> None:
    """b31/p_yunnan_zhongdian_2016: 主营业务收入2017年达到2400亿元左右 names what it measures
    before the year; the next line, 2020年达到3800亿元左右, measures it again."""
    records = read("目标\n主营业务收入2017年达到2400亿元左右\n2020年达到3800亿元左右", "",
                   dt.date(2016, 7, 5))
    assert [r[:2] + r[4:5] for r in targets(records)] == [
        ("主营业务收入", 2.4e11, 2017), ("主营业务收入", 3.8e11, 2020)]
    assert targets(read("全市地区生产总值到2027年达到4万亿元。", "", dt.date(2025, 1, 5)))[0][:2] \
        == ("地区生产总值", 4e12)


def test_gong_tallies_what_its_clause_counts_in_a_sentence_dated_only_by_this_year() -> None:
    """b31/n_yongchuan_shuidao_2023: 今年,梁平区共种植水稻约43.6万亩 tallies the year; 中共 and
    公共 are no tally, and a 共 in another clause leaves a planned item alone (b24)."""
    assert targets(read("今年,梁平区共种植水稻约43.6万亩,目前,大部分水稻已进入成熟期。", "",
                        dt.date(2023, 8, 1))) == []
    records = read("2026年度京口区十大民生实事项目概览 - 共征集意见建议70余条 从13项候选项目中选出10项 "
                   "项目四:劳有所得 - 全年城镇新增就业2700人", "", dt.date(2026, 2, 1))
    values = [r[1] for r in targets(records)]
    assert 2700 in values and 70 not in values


def test_lizheng_in_its_own_clause_plans_inside_a_review() -> None:
    """b11/p_shizhang_jiedu_2025: a headline reviewing 近年来 does not make 重庆将力争高新技术企业
    突破1万家 a fact; 争取中央资金 (obtaining funds) stays one (b14)."""
    title = "重庆市,作为我国西部地区的经济中心,近年来在市长胡衡华的领导下,正以全新的面貌迎接挑战与机遇"
    records = read("1.2 促进科技创新\n胡衡华市长提出,要持续推动科技创新和产业创新融合发展。"
                   "重庆将力争高新技术企业突破1万家、科技型企业突破7.5万家,完善概念验证等服务体系。",
                   title, dt.date(2025, 1, 19))
    assert [r[:2] for r in targets(records)] == [("高新技术企业", 10000), ("科技型企业", 75000)]
    records = read("会议指出,2024年,全市水利系统真抓实干,推动水利高质量发展取得显著成效。水利建设投资再创"
                   "新高,完成水利固定资产投资388.3亿元,同比增长39.8%,争取中央资金216.7亿元。",
                   "2月7日,重庆市水利工作会议召开", dt.date(2025, 2, 7))
    assert targets(records) == []


def test_a_farm_or_village_telling_its_own_numbers_is_no_target() -> None:
    """b28/p_hemei_xiangcun_2024: under a headline of this year's plan, a lemon base's head
    and a village secretary tell their own land, output and income."""
    title = "今年 重庆将创建巴渝和美乡村示范村200个以上"
    body = (title + "\n潼南区柏梓镇郭坡村柠檬基地负责人龙海兵介绍,承包的200亩土地,现在每年产量大概是70万斤左右,"
            "产值大概在90万元。\n潼南区柏梓镇郭坡村党支部书记谭兴平告诉记者,采取公司+集体+农户等模式,"
            "每年村集体经济收入近17万元。")
    assert [r[1] for r in targets(read(body, title, dt.date(2024, 4, 24)))] == [200]


def test_a_count_of_the_names_after_ji_is_no_target() -> None:
    """b20/p_guidao_kaigong_2023: 2条城市轨道,即7号线一期、17号线一期 counts the names that follow."""
    records = read("今年计划开工6条轨道交通线路:2条城市轨道,即7号线一期、17号线一期,总里程38公里;"
                   "4条市域(郊)铁路,即永川线、南川线、大足线、綦江线,总里程278公里。", "", dt.date(2023, 2, 1))
    assert 2 not in [r[1] for r in targets(records)] and 4 not in [r[1] for r in targets(records)]


def test_a_new_area_named_with_the_pair_is_its_own_region() -> None:
    """b13/p_gaozhu_xiangmu_2023: 川渝高竹新区 is the area, not the pair 川渝, and its name is no
    part of what is measured."""
    title = "川渝高竹新区今年至少要实施70个重大项目"
    records = read("据悉,今年,川渝高竹新区将新(续)建重大基础设施及重大产业项目70个以上,固定资产投资增长20%以上。",
                   title, dt.date(2023, 1, 29))
    assert [(r[0], r[5]) for r in targets(records)] == [
        ("新建重大基础设施及重大产业项目", "川渝高竹新区"), ("固定资产投资增速", "川渝高竹新区")]


def test_a_headline_naming_the_country_or_the_pair_as_subject() -> None:
    """b13/p_shiwuwu_gangyao_2026: 中国提出“十五五”…主要目标 gives the country's goals; b6/
    p_chengyu_xiangmu_2023: 成渝地区双城经济圈2023年将实施… lists both places' projects."""
    records = read("科技自立自强方面,规划纲要草案明确,全社会研发经费投入年均增长7%以上。",
                   "(全国两会)中国提出“十五五”时期经济社会发展主要目标", dt.date(2026, 3, 5))
    assert [r[5] for r in targets(records)] == ["全国"]
    records = read("其中,合力建设现代基础设施网络项目90个、总投资2.38万亿元、年度计划投资2200.9亿元。",
                   "成渝地区双城经济圈2023年将实施248个重大项目", dt.date(2023, 2, 13))
    assert {r[5] for r in targets(records)} == {"川渝"}


def test_b33_shapes_of_this_year_and_five_years_on() -> None:
    """b33: a quoted account of the year (“今年是一个丰收年,基地2000亩…) plans nothing; 使…达到
    states the purpose of this year's work (忠县, 68万亩), which frames the paragraph after it
    (同时将重点建设23个示范村); 5年后 dates a plan like 今后五年 (大足, 2012 → 2016)."""
    records = read("“今年是一个丰收年,基地2000亩柠檬树预计总产量超过600万斤,比去年增产200万斤。", "",
                   dt.date(2021, 8, 1))
    assert targets(records) == []
    records = read("今年,忠县规模发展柑橘、笋竹、生猪等特色效益农业,使特色效益农业基地面积达到68万亩。\n"
                   "同时将重点建设23个示范村、10个美丽乡村。", "", dt.date(2018, 6, 8))
    assert [(r[1], r[4]) for r in targets(records)] == [(680000, 2018), (23, 2018), (10, 2018)]
    records = read("”江涛说,5年后,新大足将形成50平方公里、50万人口的区域性生态宜居中心城市。", "",
                   dt.date(2012, 3, 1))
    assert {r[4] for r in targets(records)} == {2016}


def test_a_headline_restating_the_body_keeps_the_fuller_statement() -> None:
    """b13/p_gaozhu_fangan_2025: 5年后人口超15万GDP超120亿 (15万 before GDP is a multiple, not a
    code) restates the body's 常住人口15万人以上; the body's fuller 常住人口 is kept."""
    title = "川渝高竹新区总体方案:5年后人口超15万GDP超120亿"
    records = read(title + "\n到2025年,常住人口15万人以上,地区生产总值120亿元以上。", title, dt.date(2021, 1, 13))
    assert sorted((r[0], r[1], r[2]) for r in targets(records)) == [
        ("地区生产总值", 1.2e10, "元"), ("常住人口", 150000, "人")]
    assert [(r[0], r[1], r[2], r[4]) for r in targets(read(title, title, dt.date(2021, 1, 13)))] == [
        ("人口", 150000, "人", 2025), ("地区生产总值", 1.2e10, "元", 2025)]


def test_a_noun_after_a_count_ends_before_baokuo() -> None:
    """b20/p_guidao_kaigong_2023: 新开工建设6条轨道交通线路包括: counts 轨道交通线路."""
    records = read("今年,新开工建设6条轨道交通线路包括:2条城市轨道、4条市域(郊)铁路。", "", dt.date(2023, 2, 1))
    assert targets(records)[0][:2] == ("轨道交通线路", 6)


def test_a_provinces_own_government_in_the_lead_makes_the_text_that_provinces() -> None:
    """b34/p_shandong_gzbg_2013: no headline names the province, the lead does (山东省省长…代表
    省人民政府); A和B均增长10% gives 10% to each."""
    title = "今年全省经济社会发展的主要预期目标"
    body = ("大众网济南1月25日讯 今天上午9时,省十二届人大一次会议在山东会堂开幕。省委书记姜异康主持会议,"
            "山东省省长姜大明代表省人民政府向大会作政府工作报告。\n今年全省经济社会发展的主要预期目标是,生产总值增长9.5%左右,"
            "城镇居民人均可支配收入和农民人均纯收入均增长10%左右。")
    assert [(r[0], r[1], r[5]) for r in targets(read(body, title, dt.date(2013, 1, 25)))] == [
        ("生产总值增速", 9.5, "山东省"), ("城镇居民人均可支配收入增速", 10, "山东省"),
        ("农民人均纯收入增速", 10, "山东省")]


def test_a_places_own_congress_in_the_lead_makes_the_text_that_places() -> None:
    """b21/p_huangzhou_gzbg_2021: no headline names the district; the lead names its own congress
    (黄州区第六届人民代表大会), so 全区's targets are 黄州区's."""
    title = ("荆楚网(湖北日报网)讯(通讯员吕有明、尹宏伟)11月20日,黄州区第六届人民代表大会第一次会议上,代区长陈风作"
             "《政府工作报告》(下称《报告》),报告指出,今后五年,要推动市区经济实力大幅增强,城市品质显著提升")
    body = (title + "。\n具体到2022年,在全区经济发展“高于全省、领跑全市”的总基调下,实现地区生产总值增长13%以上;"
            "固定资产投资增长20%;")
    assert [(r[0], r[1], r[5]) for r in targets(read(body, title, dt.date(2021, 11, 22)))] == [
        ("地区生产总值增速", 13, "黄州区"), ("固定资产投资增速", 20, "黄州区")]


def test_another_places_whole_city_is_its_own_and_its_city_is_no_new_subject() -> None:
    """b49/p_binhai_bada_2023: a text on 滨海新区 (a district of 天津) whose page shows 天津's weather:
    the line naming 天津 names the area around the subject, not a new subject, and 在全市…做先锋
    keeps the paragraph on the text's own place."""
    title = "滨海新区加紧实施“八大工程”"
    body = (title + "\n天津 36°C 0\n记者了解到,滨海新区聚焦“八大工程”,在全市高品质发展中做先锋、当主力。"
            "比如,在实施现代化产业集聚区建设工程方面,到2027年培育7个千亿产业集群,工业百亿级企业达30家。")
    assert [(r[1], r[4], r[5]) for r in targets(read(body, title, dt.date(2023, 2, 24)))] == [
        (7, 2027, "滨海新区"), (30, 2027, "滨海新区")]


def test_a_two_character_county_after_its_province() -> None:
    """b49/p_feixian_gongye_2023: 山东费县 is 费县, a county whose whole name is two characters."""
    body = "力争到2024年工业产值突破1000亿元。"
    assert [r[5] for r in targets(read(body, "山东费县:招大引强打造工业经济新引擎", dt.date(2023, 2, 14)))] == [
        "费县"]


def test_a_municipalitys_district_is_named_by_itself() -> None:
    """b29/p_jiading_haimian_2024: 上海市嘉定区's plan is 嘉定区's (a municipality's districts are in
    the place table too)."""
    title = "上海市嘉定区海绵城市建设实施方案"
    records = read(title + "\n到2025年,全区达到海绵城市建设目标要求的建设用地面积不少于50平方公里。", title,
                   dt.date(2024, 5, 1))
    assert [r[5] for r in targets(records)] == ["嘉定区"]


def test_what_a_plan_counts_of_itself_or_of_a_batch_is_no_target() -> None:
    """b34: 一批千亿级矿业产业集群 counts none; 预期性指标16项 counts the plan's own indicators;
    年营业收入超1000亿元的2个 is a class threshold before its count."""
    records = read("到2027年,绿色矿业营业收入力争达到1万亿元,努力打造一批千亿级矿业产业集群。", "",
                   dt.date(2025, 3, 1))
    assert [r[1] for r in targets(records)] == [1e12]
    records = read("《纲要》设置24项主要指标(约束性指标8项、预期性指标16项),在此基础上又提出了74项分领域细化目标。",
                   "福建省十五五规划纲要", dt.date(2026, 2, 3))
    assert targets(records) == []
    records = read("到2027年,培育年营业收入超1000亿元的2个、超500亿元的5个特色产业集群。", "", dt.date(2024, 3, 1))
    assert 1e11 not in [r[1] for r in targets(records)]


def test_a_lead_reviewing_the_years_makes_the_weak_words_after_it_report() -> None:
    """b34/n_chuanyu_zongliang_2026: after 6年来… in the lead, 携手打造…4个兆元级产业集群 tells
    what was built; a sentence that plans again (将, 力争, a deadline) ends the review."""
    body = ("新华社报导,6年来,这一大陆国家战略从开局起步到整体成势。\n"
            "川渝瞄准战略导向,推动产业全域梯度布局,携手打造电子资讯等4个兆元级产业集群、5个国家先进制造业集群。\n"
            "到2030年,川渝将打造10个先进制造业集群。")
    assert [r[1] for r in targets(read(body, "「双城」引领,区域共进", dt.date(2026, 1, 28)))] == [10]


def test_a_district_called_new_is_still_the_district_and_ren_kou_is_no_unit() -> None:
    """b33/p_dazu_wunian_2012: 新大足 is 大足区 as the subject; 50万人口 counts people (人口
    is a word, not the unit 人 before 口)."""
    records = read("”江涛说,5年后,新大足将形成50平方公里、50万人口的区域性生态宜居中心城市。", "",
                   dt.date(2012, 3, 1))
    assert [(r[1], r[2], r[5]) for r in targets(records)] == [(50, "平方公里", "大足区"), (500000, "人", "大足区")]
    assert targets(records)[1][0] == "人口"


def test_b35_a_forums_counters_a_goals_second_line_and_tongbi_in_a_goal_list() -> None:
    """b35/p_wanzhou_gongzuofangan_2022: a forum's counters (1万 / 主题) are no numbers of the
    text; under 主要目标 the line …建设成效明显 is the goal's, not a review. b35/p_lvyuan_2024:
    同比 after 预期目标是 names the measure of a goal."""
    title = "重磅!万州今年又要建新高铁、新校区……推进重大项目248个"
    body = ("1万\n主题\n4万\n积分\n主要目标\n“一区一枢纽两中心”建设成效明显\n"
            "生态环境质量提升改善,空气质量优良天数稳定在330天以上,森林覆盖率增至56.5%。")
    records = read(body, title, dt.date(2022, 3, 8))
    assert [r[1] for r in targets(records)] == [330, 56.5]
    assert 10000 not in [r.value for r in records]
    records = read("2024年,我们将锚定打造“百亿级县区”的区域定位。预期目标是,地区生产总值同比增长7%,"
                   "规上工业总产值同比增长8.5%。", "新华独家|2024年,长春市绿园区这样干!", dt.date(2024, 1, 19))
    assert [(r[0], r[1]) for r in targets(records)] == [("地区生产总值增速", 7), ("规上工业总产值增速", 8.5)]


def test_the_annual_investment_of_projects_starting_is_this_years_plan() -> None:
    """b35/p_jiulongpo_kaigong_2021, b16: projects starting together give their 年度投资, this
    year's planned spending (a target of the publication year); their 总投资 describes them."""
    records = read("这次集中开工重点项目共45个,总投资约693亿元,年度投资约172亿元。", "开工!签约!一大波项目和资金正向重庆涌来!",
                   dt.date(2021, 3, 27))
    assert [(r[0], r[1], r[4]) for r in targets(records)] == [("年度投资", 1.72e10, 2021)]
    records = read("1—7月完成年度投资241.4亿元。", "", dt.date(2021, 8, 20))
    assert targets(records) == []


def test_xianyou_after_a_verb_is_existing_not_has_now() -> None:
    """b35/p_shizhu_lajiao_2017: 改造现有辣椒基地30万亩 improves the existing bases (a plan);
    全市现有养老机构… still reports."""
    records = read("根据石柱县辣椒产业“十三五”规划,到2020年,该县将巩固、改造现有辣椒基地30万亩,"
                   "建成标准化生产基地10万亩。", "", dt.date(2017, 6, 1))
    assert [r[1] for r in targets(records)] == [300000, 100000]
    assert targets(read("目前,全市现有养老机构1000家。", "", dt.date(2017, 6, 1))) == []


def test_jianshe_youli_is_no_sheyou() -> None:
    """b35/p_wanzhou_gongzuofangan_2022: 建设有力推进 is 建设 + 有力, not the report word 设有."""
    records = read("“三个强区”建设有力推进,战略性新兴产业产值增长10%,固定资产投资增长6%左右。",
                   "重磅!万州今年又要建新高铁、新校区……推进重大项目248个", dt.date(2022, 3, 8))
    assert [r[1] for r in targets(records)] == [10, 6]


def test_the_next_steps_of_a_report_plan_the_rest_of_its_year() -> None:
    """b37/s_jiuye_yijidu_2022: 接下来,…将… opens the year's plans, and its paragraph's later
    sentences are them; 5万场 counts the job fairs, not one fair's details; the site's masthead
    (深圳热线) on its own line names no place."""
    body = ("深圳热线\n开门稳!重庆一季度实现新增就业19.46万人\n"
            "接下来,重庆市人社局将从强化政策激励、聚焦重点群体、提升服务质效、筑牢防控底线四个方面开展稳就业工作。"
            "开展重点群体就业情况监测,系统掌握未就业重点群体的就业、创业、培训需求,举办5万场各类招聘会,"
            "提供600万个就业岗位,促进重点群体社会化市场化就业。培育“双更基地”、零工市场、公共就业创业服务超市60个左右,"
            "培训25万人次以上,发放创业担保贷款60亿元。")
    records = read(body, "开门稳!重庆一季度实现新增就业19.46万人", dt.date(2022, 5, 7))
    found = targets(records)
    assert [value for _, value, *_ in found] == [50000, 6000000, 60, 250000, 6000000000]
    assert {(year, region) for *_, year, region in found} == {(2022, "重庆市")}
    assert {r.region for r in records} == {"重庆市"}


@pytest.mark.parametrize("sentence", [
    "为激发市场主体活力,稳定和扩大就业空间,我市推动出台36项“提信心、稳增长、强主体”政策文件,形成181条《稳经济政策包(第三版)》。",
    "市发展改革委会同市人力社保局成功承办首届全国公共实训基地建设运营工作现场交流会,今年共争取3.9亿元中央资金建设开州区公共实训基地等7个项目。",
])
def test_policies_issued_and_funds_obtained_are_not_targets(sentence) -> None:
    """b36/n_jiuye_qiyue_2023: a count of the policies issued (a quoted name whole) and what
    this year 共争取 (obtained) are no plan."""
    assert targets(read(sentence, "今年前7个月重庆实现城镇新增就业近50万人", dt.date(2023, 8, 29))) == []


def test_a_plan_for_a_part_of_the_city_and_the_items_built_after_it() -> None:
    """b36/p_shanchengbudao_2025: the plan's 《》 title makes 中心城区 the text's region; the
    headline repeated as the first line is the body's 突破1000公里, once; 续建 and 新开工 build
    what the item before them built."""
    body = ("山城步道“2.0版本”来了 2025年突破1000公里\n"
            "近日,重庆市住房城乡建委印发《重庆市中心城区山城步道建设实施方案(2023-2025年)》,"
            "重庆力争再用三年的时间打造山城步道“2.0版本”。\n"
            "到2025年,重庆中心城区山城步道总里程将突破1000公里。\n"
            "2023年,重庆中心城区计划建设山城步道54项、294公里。其中续建39项、230公里;新开工15项、64公里。\n"
            "2024年,中心城区计划新开工14项、72公里。")
    found = targets(read(body, "山城步道“2.0版本”来了 2025年突破1000公里", dt.date(2023, 6, 14)))
    assert [(name, value) for name, value, *_ in found] == [
        ("山城步道总里程", 1000), ("建设山城步道", 54), ("建设山城步道", 294), ("续建山城步道", 39),
        ("续建山城步道", 230), ("新开工山城步道", 15), ("新开工山城步道", 64), ("新开工山城步道", 14),
        ("新开工山城步道", 72)]
    assert {region for *_, region in found} == {"中心城区"}


def test_a_headline_names_the_old_main_city_as_written_and_this_year_and_next() -> None:
    """b36/p_tingchechang_2019: 今明两年重庆主城区… makes the text 主城区's (the name it had
    before 中心城区) and dates its plan by the end of next year."""
    title = "今明两年重庆主城区拟新增公共停车位4万多个"
    records = read(title + "\n2019年,主城区计划开工建设公共停车场80个,新增公共停车泊位2万个以上。",
                   title, dt.date(2018, 1, 11))
    assert targets(records) == [
        ("新增公共停车位", 40000, "个", ">", 2019, "主城区"),
        ("开工建设公共停车场", 80, "个", "=", 2019, "主城区"),
        ("新增公共停车泊位", 20000, "个", ">=", 2019, "主城区")]


def test_a_sentence_opening_on_this_year_that_plans_is_this_years_schedule() -> None:
    """b36/p_gongjiao_2020: under a 到2020年 headline, 2018年,…将…年底前… dates its own items."""
    body = ("2018年,重慶交通開(kāi)投集團(tuán)將協(xié)助推進(jìn)公交優(yōu)先道建設(shè),年底前,"
            "主城公交優(yōu)先道將達(dá)到100公里以上。")
    found = targets(read(body, "到2020年,重慶主城區(qū)中心城區(qū)將實(shí)現(xiàn)500米公交站點(diǎn)全覆蓋",
                         dt.date(2018, 4, 22)))
    assert [(value, year) for _, value, _, _, year, _ in found] == [(100, 2018)]


@pytest.mark.parametrize("sentence", [
    "该项目总投资50亿元,预计2027年建成投产,届时可提供就业岗位1500个。",
    "该基地一期预计2026年投产,年产电池片10GW,可带动就业2000人。",
])
def test_what_one_project_will_give_once_it_runs_is_no_target(sentence) -> None:
    """Invented, in the shape of project news: a project's own completion year (预计2027年建成
    投产,) dates the project, and what it gives then (届时, 可带动) describes it."""
    assert targets(read(sentence, "万州区新能源项目签约", dt.date(2025, 6, 10))) == []


LIVELIHOOD_ITEMS = [("新建公办幼儿园", 3, "所", "=", 2026, "重庆市"), ("改造老旧小区", 45, "个", "=", 2026, "重庆市"),
                    ("新增停车位", 5000, "个", "=", 2026, "重庆市")]


@pytest.mark.parametrize("body,title", [
    ("该区年内将新建公办幼儿园3所,改造老旧小区45个,新增停车位5000个。", "某区部署工作"),
    ("今年,该区计划新建公办幼儿园3所,改造老旧小区45个,新增停车位5000个。", "某区部署工作"),
    ("今年的任务是新建公办幼儿园3所,改造老旧小区45个,新增停车位5000个。", "某区召开会议"),
    ("“今年我们将新建公办幼儿园3所,改造老旧小区45个,新增停车位5000个。”区长说。", "某区召开会议"),
    ("民生实事清单\n1.新建公办幼儿园3所。\n2.改造老旧小区45个。\n3.新增停车位5000个。", "某区政府工作报告"),
    ("会议票决产生了民生实事项目:\n1.新建公办幼儿园3所。\n2.改造老旧小区45个。\n3.新增停车位5000个。",
     "某区人大会议闭幕"),
])
def test_a_districts_plans_for_the_year_in_the_shapes_reports_give_them(body, title) -> None:
    """Invented, in shapes the probes of b36's session found misread: 该区 before a school is the
    district, not an organisation; 任务是 and 我们 are not what is measured; someone's 今年我们将
    plans every item after it; a 民生实事 heading or lead-in is the year's list."""
    assert targets(read(body, title, dt.date(2026, 3, 10))) == LIVELIHOOD_ITEMS


@pytest.mark.parametrize("sentence", [
    "据预测,到2030年,全国60岁及以上老年人口将达到3亿。",
    "截至8月底,今年以来全市新开工项目1200个,预计全年将超过1800个。",
    "明年起,重庆将提高最低工资标准至2100元。",
])
def test_forecasts_and_standards_are_not_targets(sentence) -> None:
    """Invented, in the shapes of ordinary news: a forecast (据预测, 预计全年) is none however it
    is dated, and a wage standard is a price."""
    assert targets(read(sentence, "重庆新闻", dt.date(2025, 9, 10))) == []


def test_will_between_what_is_measured_and_its_verb_is_not_in_the_indicator() -> None:
    """Invented: 中欧班列将开行5000列 measures 中欧班列开行."""
    assert targets(read("今年,重庆中欧班列(成渝)将开行5000列。", "重庆新闻", dt.date(2025, 9, 10))) == [
        ("中欧班列开行", 5000, "列", "=", 2025, "重庆市")]


def test_a_line_that_is_only_a_deadline_frames_the_card_under_it() -> None:
    """Invented, in the shape of a goal card: 到2027年 on its own line dates the card below."""
    records = read("目标:\n到2027年\n轨道运营里程\n750公里", "重庆交通", dt.date(2026, 1, 25))
    assert targets(records) == [("轨道运营里程", 750, "公里", "=", 2027, "重庆市")]


def test_a_cut_texts_last_number_without_its_unit_is_dropped() -> None:
    """Invented: a page cut after 60万 may have cut its unit (人) off."""
    assert targets(read("今年,全市将新建5G基站1万个,新增城镇就业60万", "重庆2026年目标",
                        dt.date(2026, 1, 25))) == [("新建5G基站", 10000, "个", "=", 2026, "重庆市")]


def test_a_bare_rate_after_a_named_one_measures_the_same() -> None:
    """b24/p_shengfen_mubiao_2025: 辽宁…今年提出增长5%以上 after the provinces' GDP rates."""
    body = "湖北提出,今年地区生产总值增长5.5%左右。辽宁2024年增长5.1%,今年提出增长5%以上。"
    assert targets(read(body, "各地定下2025年目标", dt.date(2025, 1, 26))) == [
        ("地区生产总值增速", 5.5, "%", "~", 2025, "湖北省"), ("地区生产总值增速", 5, "%", ">=", 2025, "辽宁省")]


def test_a_harvest_measured_now_and_forecast_is_no_target() -> None:
    """b39/n_fengjie_qicheng_2020 and n_jiangjin_huajiao_2025: 目前 states what is, 预计 and 据估算
    forecast, even when a phone layout breaks 据估算 and 增长5.6% onto lines of their own."""
    assert targets(read(
        "据奉节县脐橙产业发展中心相关负责人介绍,今年奉节脐橙品质特别好。目前,奉节脐橙的种植面积达到37万亩,"
        "预计产量将达到35万吨,产值将超过34亿元,相比去年面积增加了1.5万亩。",
        "奉节脐橙12月15日开园上市 35万吨鲜果邀您品尝", dt.date(2020, 12, 15))) == []
    lines = ("更令人振奋的是\n今年花椒的品质和产量双双提升\n预计折合干花椒 6.2 万吨\n较去年增加4.6%\n"
             "这不仅意味着椒农们的收入将有所增加\n更预示着江津花椒在国内外市场上的\n竞争力将进一步增强\n据估算\n"
             "今年花椒总产值将达到44亿元\n增长5.6%\n全产业链产值更是高达58亿元\n增长5.5%")
    assert targets(read(lines, "江津花椒开摘了!", dt.date(2025, 5, 20))) == []


def test_project_preparation_is_not_the_present() -> None:
    """b25/p_jiaotong_touzi_2026: 项目前期工作 holds 目前 only by accident."""
    body = "水运方面,加快嘉陵江井口生态航运枢纽等15个项目前期工作,年底港口货物吞吐能力达到2.5亿吨。"
    title = "2026重庆交通建设“加速跑”,“十五五”开局计划完成投资1000亿"
    assert ("港口货物吞吐能力", 250000000, "吨", "=", 2026, "重庆市") in targets(
        read(body, title, dt.date(2026, 2, 4)))


def test_a_county_opening_the_lead_on_its_plans_owns_the_items_after_it() -> None:
    """b39/p_xiushan_gongye_2023: 秀山将… in the lead makes the text 秀山's, and 二是医药产业,…达到
    百亿级规模 sizes the industry its first clause names."""
    body = ("秀山将坚定不移实施工业强县战略,重点发展医药、食品、新材料、电子信息、汽车配件五大百亿级工业产业。\n"
            "二是医药产业,重点壮大“药材种植—饮片加工—配方颗粒—保健食品—成药制造”产业链,力争到2026年达到百亿级规模;")
    assert targets(read(body, "重点发展医药、食品、新材料、电子信息、汽车配件五大百亿级工业产业",
                        dt.date(2023, 1, 1))) == [
        ("医药产业规模", 10000000000, "元", ">=", 2026, "秀山土家族苗族自治县")]


def test_a_goal_list_after_last_years_results_plans_again() -> None:
    """b38/p_waijingmao_2015: 力争比去年增长16% names its base, not a report; 以下几项主要目标:
    ends the paragraph's report, and an amount after a rate is the amount's."""
    body = ("据介绍,2014年我市外贸进出口达到954.5亿美元,同比增长39%。2015年,重庆市外贸进出口仍将高位求进,"
            "全年要力争比去年增长16%,突破1000亿美元。除外贸进出口外,2015年重庆开放型经济还确定了以下几项主要目标:"
            "分别是利用外资同比增长15%,达到115亿美元;服务贸易增长30%,达到170亿美元;对外投资10亿美元。")
    found = targets(read(body, "重庆外贸将在今年年内突破1000亿美元大关", dt.date(2015, 3, 10)))
    assert [(value, year) for _, value, _, _, year, _ in found] == [
        (16, 2015), (100000000000, 2015), (15, 2015), (11500000000, 2015), (30, 2015), (17000000000, 2015),
        (1000000000, 2015)]
    assert ("服务贸易", 17000000000, "美元", "=", 2015, "重庆市") in found


def test_one_schools_classes_and_capacity_are_no_target() -> None:
    """b38/n_xuexiao_touyong_2025: a new school's 48个教学班 and 可容纳2000名学生 describe it."""
    body = ("学校规划设置48个教学班,可容纳2000名学生,配备教学楼、多功能报告厅、标准运动场、游泳馆等一流设施。"
            "校区位于大渡口区车家坪公交站旁,占地141亩,规划初中48个班、高中24个班。")
    assert targets(read(body, "即将投用!重庆多所学校、校区,上新!", dt.date(2025, 7, 19))) == []


def test_a_span_of_years_after_zai_counts_from_the_publication_year() -> None:
    """b38/p_shequ_yanglao_2016: 计划在两年时间内创建600个社区健身点 (May 2016) → 2017."""
    body = "作为市委、市政府2016年民主实事工作目标任务,重庆将投入3000万元,计划在两年时间内创建600个社区健身点。"
    found = targets(read(body, "重庆今年将建200个社区养老服务设施", dt.date(2016, 5, 18)))
    assert ("社区健身点", 600, "个", "=", 2017, "重庆市") in found


def test_what_an_event_is_expected_to_draw_is_no_target_and_a_second_year_builds_the_same() -> None:
    """Invented, in the shapes of district news: 预计吸引游客 forecasts a festival; 明年还将新开通5条
    opens what the clause before opened (公交线路)."""
    assert targets(read("江津区\n该区将于2026年举办第5届花椒节,预计吸引游客10万人次。", "区县新闻",
                        dt.date(2025, 9, 10))) == []
    assert targets(read("峰会将于11月举行,预计签约项目100个,金额超千亿元。", "2025年重庆将举办中新金融峰会",
                        dt.date(2025, 10, 15))) == []
    assert targets(read("永川区今年新开通公交线路3条,明年还将新开通5条。", "区县新闻", dt.date(2025, 9, 10))) == [
        ("新开通公交线路", 3, "条", "=", 2025, "永川区"), ("新开通公交线路", 5, "条", "=", 2026, "永川区")]


@pytest.mark.parametrize("sentence", [
    "赛力斯集团计划2026年实现销量100万辆。",
    "重庆银行力争今年贷款余额增长10%。",
    "据了解,该商场将于明年开业,营业面积10万平方米。",
])
def test_a_companys_own_plans_and_a_buildings_size_are_no_target(sentence) -> None:
    """Invented, in the shapes of business news: a named company's plans are its own, and a
    mall's 营业面积 describes it."""
    assert targets(read(sentence, "重庆新闻", dt.date(2025, 9, 10))) == []


def test_a_ratio_to_one_is_its_first_term() -> None:
    """b36/p_hemei_xiangcun_2025 and b31/p_suzhou_nongye_2020: 收入比缩小至2.23:1 is 2.23 with no
    unit; 以内 after it bounds it; a score (以3:1战胜) names no 比."""
    assert targets(read("到2027年,城乡居民人均可支配收入比缩小至2.23:1。", "", dt.date(2025, 3, 1))) == [
        ("城乡居民人均可支配收入比", 2.23, "", "=", 2027, "重庆市")]
    assert targets(read("到2025年,城鄉居民收入比縮小到1.95:1以內。", "", dt.date(2020, 3, 1))) == [
        ("城乡居民收入比", 1.95, "", "<=", 2025, "重庆市")]
    assert read("今年重庆队以3:1战胜对手。", "", dt.date(2025, 3, 1)) == []


def test_an_ellipsis_after_a_quantity_and_a_road_segment_named_for_a_county() -> None:
    """b5/p_zhongda_xiangmu_2022: ……, which normalising writes ......, does not make 1000公里 a
    code, and 奉节至巫溪段 is a segment, not the county as subject."""
    body = "力争启动奉节至巫溪段建设,高铁营业里程突破1000公里……"
    assert targets(read(body, "2022年重庆850个重大建设项目,重点@生态城这些内容!", dt.date(2022, 2, 9))) == [
        ("高铁营业里程", 1000, "公里", ">", 2022, "重庆市")]


def test_a_part_after_qizhong_measures_the_first_clauses_subject() -> None:
    """b1/p_guotu_card_2035: 用水总量不超过国家下达指标,其中2025年不超过79.9亿立方米."""
    body = "用水总量不超过国家下达指标,其中2025年不超过79.9亿立方米"
    assert targets(read(body, "市域空间结构图", dt.date(2022, 10, 1))) == [
        ("用水总量", 7990000000, "立方米", "<=", 2025, "重庆市")]


def test_a_mark_passed_this_year_is_news_and_reached_and_passed_is_at_least() -> None:
    """b40/n_kuajing_banche_2025: 今年开行量突破1万车次 reports a mark passed; b40/p_huoguo_shicai_2027:
    达到并超过1000亿元 is at least that; b40/p_hechuan_huoguo_2030: a park's 规划总用地面积 describes it."""
    body = ("9月23日,随着前往越南的西部陆海新通道跨境公路班车(以下简称跨境公路班车)开出,跨境公路班车今年开行量"
            "突破1万车次,运输货物外贸货值近134亿元,刷新了运营以来的年度纪录。")
    assert targets(read(body, "西部陆海新通道跨境公路班车年开行量首次突破1万车次", dt.date(2025, 9, 28))) == []
    body = "力争到2027年,重庆火锅食材产业工业总产值年均增长20%以上,达到并超过1000亿元。"
    assert ("火锅食材产业工业总产值", 100000000000, "元", ">=", 2027, "重庆市") in targets(
        read(body, "全国火锅市场规模破万亿 重庆打造全球火锅食材集散地_每日观察", dt.date(2023, 6, 17)))
    body = "据介绍,重庆火锅食材产业园选址在合川区五尊、南溪、龙市三个工业片区,规划总用地面积10平方公里。"
    assert targets(read(body, "重庆火锅食材产业园在合川区揭牌成立", dt.date(2022, 9, 9))) == []


@pytest.mark.parametrize("body,title", [
    ("全市夏粮播种面积300万亩,将收获小麦50万吨。", "今年重庆夏粮丰收"),
    ("新增A级景区10家,全市A级景区总数将达到300家。", "2025年重庆新增一批A级景区"),
])
def test_an_undated_will_that_no_planner_leads_tells_what_will_happen(body, title) -> None:
    """Invented, in the shapes of ordinary news: with no deadline, 将 plans only after a
    government or a place as its subject (重庆将, 上海各区也将, 川渝两地将)."""
    assert targets(read(body, title, dt.date(2025, 6, 1))) == []


def test_a_place_leading_will_plans_what_follows() -> None:
    """b22/n_xiaofei_diyicheng_2026: 上海各區也將發放總額約人民幣一點五億元 is Shanghai's plan."""
    body = "春節期間,上海各區也將發放總額約人民幣一點五億元的消費券。"
    found = targets(read(body, "上海消費", dt.date(2026, 1, 20)))
    assert [value for _, value, *_ in found] == [150000000]


@pytest.mark.parametrize("body,title,published", [
    ("国家统计局重庆调查总队近日发布的数据显示,今年重庆市夏粮播种面积达565.41万亩,产量125.18万吨,夏粮实现面积、"
     "产量“四连增”。", "重庆夏粮实现“四连增”", dt.date(2024, 7, 20)),
    ("5月26日,重庆江津53万亩花椒正式进入采摘期,预计今年鲜花椒产量将达28.5万吨,总产值52亿元。", "江津花椒开采",
     dt.date(2023, 5, 26)),
    ("今年,黄精一斤能卖10元左右,村民采挖着黄精,喜悦挂在脸上。", "巩固脱贫成果", dt.date(2024, 10, 1)),
    ("大渡口一季度项目集中开工60个,计划投资134亿元;", "大足开门红", dt.date(2024, 4, 1)),
])
def test_what_this_year_has_and_forecasts_in_news_are_no_target(body, title, published) -> None:
    """b41's news: the clauses after a figure stated with 达 (数据显示) go on stating; a forecast
    (预计今年) covers the clauses after it; a price per 斤 is a price; what projects started
    together will cost in all describes them."""
    assert targets(read(body, title, published)) == []


def test_a_goal_set_before_the_clause_closes_its_list() -> None:
    """b41/p_dadukou_tuijin_2026: 会上提出,…增长3%以上、…增长40%以上的目标."""
    body = "会上提出,大渡口区2026年固定资产投资增长3%以上、工业投资增长40%以上的目标。"
    assert targets(read(body, "大渡口区召开2026年重大项目推进会", dt.date(2026, 3, 4))) == [
        ("固定资产投资增速", 3, "%", ">=", 2026, "大渡口区"), ("工业投资增速", 40, "%", ">=", 2026, "大渡口区")]


def test_the_past_five_years_written_in_digits_review() -> None:
    """b42/n_keji_huiyi_2023: under a headline that plans (今年重庆市将…), 过去5年,… reports."""
    body = ("过去5年,重庆市聚焦建设具有全国影响力的科技创新中心,高位谋划科技创新,不断增强自主创新能力。"
            "科技型企业、高新技术企业分别增长6倍和2倍,科创板上市企业实现“零的突破”。R&D人员总量增长1.2倍。")
    assert targets(read(body, "今年重庆市将从五个方面重点抓好科技创新工作", dt.date(2023, 2, 27))) == []


def test_a_scale_in_yi_without_yuan_is_money() -> None:
    """b42/p_guoqi_tuijinhui_2027: 服务本地在保规模从420亿跃升至2000亿 is 2000亿元."""
    body = "服务提档:力争三年内,服务本地在保规模从420亿跃升至2000亿。"
    assert targets(read(body, "市属国有企业改革推进会", dt.date(2025, 6, 6))) == [
        ("服务本地在保规模", 200000000000, "元", "=", 2027, "重庆市")]


@pytest.mark.parametrize("body", [
    "今年1月至今,全市新增停车位2.1万个。",
    "年初至今,全市新增停车位2.1万个。",
    "眼下,全市新增停车位2.1万个。",
    "上周,全市新增停车位2100个。",
    "全市新增停车位2.1万个,完成年度目标的42%。",
    "全市新增停车位2.1万个,占年度任务的42%。",
])
def test_progress_under_a_plan_headline_is_reported(body) -> None:
    """Invented, in the shapes of progress reports: 至今, 眼下, 上周 date what was done, and a count
    followed by its share of the year's plan is progress; the share is no quantity of its own."""
    assert targets(read(body, "2025年重庆将新增停车位5万个", dt.date(2025, 6, 20))) == []


def test_a_meetings_requirements_plan_and_a_next_items_progress_reports_only_it() -> None:
    """Invented, in the shapes of work-meeting reports: 会议要求,2025年… plans that year; under a
    工作要点 headline, 达到7.8张 stays a target though the next item (已建成医联体200个) reports."""
    body = "会议指出,2024年全市完成交通投资1200亿元。会议要求,2025年完成交通投资1300亿元。"
    assert targets(read(body, "2025年重庆交通工作会议召开", dt.date(2025, 2, 10))) == [
        ("交通投资", 130000000000, "元", "=", 2025, "重庆市")]
    body = "全市每千人口医疗机构床位数达到7.8张,已建成医联体200个。"
    assert targets(read(body, "2025年全市卫生健康工作要点发布", dt.date(2025, 2, 10))) == [
        ("每千人口医疗机构床位数", 7.8, "张", "=", 2025, "重庆市")]


def test_the_place_a_plan_covers_is_described_not_planned() -> None:
    """b28/p_bashu_zoulang_2021: the area, people and output of the place a plan spans
    (核心区的范围…涉及…总面积达8.5万平方公里,常住人口9600万) describe it; a goal in such a
    sentence (力争) still plans."""
    body = ("其中,核心区的范围与成渝地区双城经济圈规划范围一致,涉及重庆市27个区(县)和四川省15个市,"
            "总面积达8.5万平方公里,常住人口9600万,地区总产值6.3万亿。")
    assert targets(read(body, "川渝两地将携手把巴蜀文化旅游走廊建设成为万亿级大市场",
                        dt.date(2021, 11, 25))) == []
    body = "规划范围涉及12个区县,力争到2027年地区生产总值达到1万亿元。"  # Invented
    assert targets(read(body, "某某地区发展规划印发", dt.date(2025, 3, 1))) == [
        ("地区生产总值", 1000000000000, "元", "=", 2027, "重庆市")]


@pytest.mark.parametrize("title, body", [
    ("2025年大足区稻谷喜获丰收", "今年全区种植水稻35万亩,预计总产量15万吨。"),
    ("重庆永川近60万亩水稻迎丰收", "今年全区种植水稻35万亩,预计总产量15万吨。"),
    ("2025年重庆粮食产量创新高", "今年全市种植水稻1000万亩,预计总产量500万吨。"),
    ("北碚区2025年植树造林", "今年春季,北碚区共完成植树造林2万亩,栽植苗木100万株。"),
])
def test_a_years_harvest_tally_and_exam_are_reported(title, body) -> None:
    """Invented, in the shapes of harvest and planting news: a headline reporting a harvest or a
    record makes the text a report, where 今年 alone plans nothing; a tally (共完成…) goes on
    into the next clause."""
    assert targets(read(body, title, dt.date(2025, 9, 20))) == []


def test_a_plan_dated_by_its_own_year_still_plans_inside_a_report() -> None:
    """Invented: after a reported year, 2026年重庆将… and 2035年建成… plan, and a harvest plan
    under a 丰收 headline still plans with 确保."""
    body = "2024年全市新建社区养老服务站300个。2025年重庆将建设社区养老服务站400个、示范中心40个。"
    assert targets(read(body, "重庆养老服务体系建设成效明显", dt.date(2025, 2, 1))) == [
        ("建设社区养老服务站", 400, "个", "=", 2025, "重庆市"),
        ("示范中心", 40, "个", "=", 2025, "重庆市")]
    body = "今年全市种植水稻1000万亩。到2027年,粮食产量稳定在1100万吨以上。"
    assert targets(read(body, "重庆水稻喜获丰收", dt.date(2025, 9, 20))) == [
        ("粮食产量", 11000000, "吨", ">=", 2027, "重庆市")]


def test_a_years_pictures_review_it() -> None:
    """b44/n_tushuo_chongqing_2019: 图说重庆这一年 looks back on the year: 今年全市投入10.9亿元
    under it was spent, not planned."""
    body = "在义务教育保障方面,今年全市投入10.9亿元,用于加强义务教育薄弱环节改善和能力提升;投入资助资金38.4亿元。"
    assert targets(read(body, "图说重庆这一年丨山水之城 近悦远来", dt.date(2019, 12, 23))) == []


def test_the_state_councils_targets_are_the_whole_countrys() -> None:
    """b44/p_guowuyuan_gzbg_2025 and p_lianghui_pinglun_2023: the Premier presenting the report
    makes the text the country's; 国内生产总值 is the country's wherever it is quoted, while a
    ratio to it (单位国内生产总值能耗) may be a province's."""
    body = ("新华社北京3月12日电 新华社受权于12日全文播发李强总理代表国务院在十四届全国人大三次会议上所作的"
            "《政府工作报告》。\n今年发展主要预期目标是:城镇调查失业率5.5%左右。")
    assert targets(read(body, "新华社受权播发《政府工作报告》", dt.date(2025, 3, 12))) == [
        ("城镇调查失业率", 5.5, "%", "~", 2025, "全国")]
    body = "展望今年发展,政府工作报告提出国内生产总值增长5%左右的目标。"
    assert [t[5] for t in targets(read(body, "报告中的数字增底气提信心", dt.date(2023, 3, 6)))] == ["全国"]
    body = "到2035年,单位国内生产总值建设用地使用面积下降40%以上。"  # Invented
    assert [t[5] for t in targets(read(body, "重庆市国土空间总体规划", dt.date(2024, 3, 6)))] == ["重庆市"]


def test_a_heading_naming_a_place_labels_the_items_under_the_years_goals() -> None:
    """b44/p_jiangsu_duibiao_2025: under 全年目标 (this year's), 【全国】 and 【江苏】 say whose goal
    each line is, without closing the heading's frame."""
    body = "全年目标\n【全国】\n国内生产总值增长5%左右。\n【江苏】\n地区生产总值增长5%以上。"
    assert targets(read(body, "对照对标政府工作报告", dt.date(2025, 3, 7))) == [
        ("国内生产总值增速", 5, "%", "~", 2025, "全国"),
        ("地区生产总值增速", 5, "%", ">=", 2025, "江苏省")]


def test_a_years_plan_and_the_projects_a_list_names() -> None:
    """b44/p_xian_kaigong_2023: 年计划投资 is this year's plan; a project a list names by its
    size (包括…5万吨锂电池材料项目等, invented in the list's shape) is that project's."""
    body = "西安市一季度136个重点项目集中开工\n年计划投资624.5亿元"
    assert targets(read(body, "西安136个重点项目集中开工", dt.date(2023, 1, 29))) == [
        ("年计划投资", 62450000000, "元", "=", 2023, "西安市")]
    body = "总投资64.35亿元,年度计划投资21.64亿元,包括国网调度通信基地、5万吨锂电池材料项目等。"
    assert [t[0] for t in targets(read(body, "西安136个重点项目集中开工", dt.date(2023, 1, 29)))] == [
        "年度计划投资"]


def test_what_a_plan_expects_to_spend_is_planned() -> None:
    """b4/p_chuanyu_xiangmu_2025 and b38/p_liangjiang_mubiao_2024: 年度预计投资 and 预计完成固定资产
    投资 are a plan's spending, not a forecast; the items after them stay planned."""
    body = "该名单共列项目320个,总投资约3.7万亿元、年度预计投资4414.5亿元。"
    assert targets(read(body, "320个共建成渝地区双城经济圈重点项目完成投资2529.1亿元",
                        dt.date(2025, 7, 24))) == [("年度预计投资", 441450000000, "元", "=", 2025, "重庆市")]
    body = "两江新区将扩大投资规模,2024年预计完成固定资产投资1300亿元左右,有序实施重点项目500余个。"
    assert [t[:4] for t in targets(read(body, "重庆两江新区27日在企业家新春联谊会上发布三大类机遇",
                                        dt.date(2024, 1, 27)))] == [
        ("固定资产投资", 130000000000, "元", "~"), ("重点项目", 500, "个", ">")]


def test_a_plan_heading_after_a_review_heading_ends_the_review() -> None:
    """b18/p_weijian_huiyi_2026: under 2026年…工作这么干, a meeting's 会议全面总结… heading and then its
    安排部署…2026年度重点任务 heading: the sections after plan, though a topic heading closes both."""
    body = ("会议全面总结“十四五”时期及2025年\n安排部署“十五五”时期和2026年度重点任务\n"
            "2026年,全市卫生健康领域重点抓好8个方面工作\n▶ ▶ ▶\n加快构建新格局\n"
            "深化健康中国重庆行动,居民健康素养达到38%。")
    assert targets(read(body, "2026年重庆卫生健康工作这么干", dt.date(2026, 2, 9))) == [
        ("居民健康素养", 38, "%", "=", 2026, "重庆市")]


def test_a_mark_to_pass_is_a_quantity() -> None:
    """b11/p_shizhang_fangtan_2027: 迈过4万亿元、12万元大关 passes two marks; 大关 after a
    quantity is the mark, not a count of the document's parts (十大行动)."""
    body = ("在未来五年主要目标任务上,我们将努力实现“六个显著提升”:一是经济实力显著提升,"
            "地区生产总值和人均地区生产总值分别迈过4万亿元、12万元大关。")
    assert [t[1:3] for t in targets(read(body, "访重庆市委副书记、市长胡衡华", dt.date(2023, 1, 18)))] == [
        (4000000000000, "元"), (120000, "元")]


def test_a_doubling_quoted_after_its_verb_is_the_goal() -> None:
    """b3/p_cqrb_shuangcheng_2023: 高新技术企业和科技型企业实现“双倍增” doubles each; a quoted
    doubling standing alone (“两个翻番”) stays a slogan."""
    body = "到2027年,高新技术企业和科技型企业实现“双倍增”。"
    assert [t[:3] for t in targets(read(body, "(上接1版)", dt.date(2023, 3, 25)))] == [
        ("高新技术企业", 2, "倍"), ("科技型企业", 2, "倍")]
    body = "到2027年,全市要坚定实施“两个翻番”战略。"  # Invented
    assert targets(read(body, "(上接1版)", dt.date(2023, 3, 25))) == []


def test_an_events_programme_is_no_plan_for_the_year() -> None:
    """Invented, in the shape of district event news: what a county will do during an event's
    days (今年科技活动周期间,全县将开展科普活动50场) is the event's; a holiday's spending
    (春节期间各区发放消费券) can still be planned."""
    body = "今年科技活动周期间,全县将开展科普活动50场,发布科技成果10项。"
    assert targets(read(body, "丰都县举办2025年科技活动周", dt.date(2025, 5, 20))) == []
    body = "今年春节期间,全市将发放消费券1.5亿元。"
    assert [t[:3] for t in targets(read(body, "重庆将发放消费券", dt.date(2025, 1, 10)))] == [
        ("发放消费券", 150000000, "元")]


def test_a_quoted_list_of_the_year_frames_its_items() -> None:
    """Invented, in the shape of district list news: a headline's 2026年“民生清单” is that year's
    list, like 民生实事, though quoted names frame nothing."""
    body = "◆新增普惠托位500个\n◆建成社区食堂10个"
    assert targets(read(body, "沙坪坝区2026年“民生清单”", dt.date(2026, 1, 25))) == [
        ("新增普惠托位", 500, "个", "=", 2026, "沙坪坝区"), ("建成社区食堂", 10, "个", "=", 2026, "沙坪坝区")]


def test_a_counted_size_class_sizes_each_name_listed_before_it() -> None:
    """b38/p_liangjiang_mubiao_2024, b9/p_siwanyi_lianghui_2027, b16/p_chengkou_fabuhui_2024: the
    names listed before a count (A、B、C等3个3000亿级主导产业集群, A、B、C这三大万亿元级产业集群,
    中药材、老腊肉两个50亿级产业集群) each reach the class, every list of one verb's objects; a
    count with no names (打造3个千亿级产业集群) sizes nothing."""
    body = ("产业发展方面,两江新区正聚力打造智能网联新能源汽车、新一代电子信息制造业、新一代互联网及软件信息业等"
            "3个3000亿级主导产业集群,新能源及新型储能、生命健康、智能装备及智能制造等3个500亿级支柱产业集群,"
            "新型显示、卫星互联网等5个100亿级特色产业集群。")
    found = targets(read(body, "重庆两江新区发布三大类机遇", dt.date(2024, 1, 27)))
    assert [(t[0], t[1]) for t in found] == [
        ("智能网联新能源汽车主导产业集群规模", 300000000000), ("新一代电子信息制造业主导产业集群规模", 300000000000),
        ("新一代互联网及软件信息业主导产业集群规模", 300000000000), ("新能源及新型储能支柱产业集群规模", 50000000000),
        ("生命健康支柱产业集群规模", 50000000000), ("智能装备及智能制造支柱产业集群规模", 50000000000),
        ("新型显示特色产业集群规模", 10000000000), ("卫星互联网特色产业集群规模", 10000000000)]
    body = "将加快打造智能网联新能源汽车、新一代电子信息制造业、先进材料这三大万亿元级产业集群。"
    assert [t[0] for t in targets(read(body, "4万亿元GDP目标如何实现?", dt.date(2023, 1, 14)))] == [
        "智能网联新能源汽车产业集群规模", "新一代电子信息制造业产业集群规模", "先进材料产业集群规模"]
    body = "同时,城口全面融入现代制造业集群体系,打造中药材、老腊肉两个50亿级产业集群。"
    assert [t[0] for t in targets(read(body, "城口县新闻发布会", dt.date(2024, 5, 1)))] == [
        "中药材产业集群规模", "老腊肉产业集群规模"]
    body = "到2027年,全市将打造3个千亿级产业集群。"  # Invented
    assert [t[2] for t in targets(read(body, "重庆制造业发展", dt.date(2024, 5, 1)))] == ["个"]


def test_the_base_a_plan_builds_on_is_reported() -> None:
    """b15/p_xianxingqu_touzi_2025: 在持续做大做强…4大万亿级优势产业集群的基础上 names what there is."""
    body = ("例如,在提升重要经济中心能级方面,重庆将在持续做大做强电子信息、装备制造、先进材料、特色消费品"
            "4大万亿级优势产业集群的基础上,加快打造新的产业集群。")
    assert targets(read(body, "2025年,重庆将实施三项行动", dt.date(2025, 2, 20))) == []


def test_examples_of_indicators_and_counted_doublings_double_each() -> None:
    """b38/p_shangmao_wuliu_2017 and b41/p_chengkou_xiaoxian_2027: A、B、C等主要经济指标都将翻一番
    doubles each example; A、B…、E数量五个“倍增” is one doubling each."""
    body = ("明确到2017年,重庆市社会消费品零售总额、商品销售总额、物流业增加值等主要经济指标都将翻一番,"
            "其中社会消费品零售总额将达8000亿元。")
    assert [t[:3] for t in targets(read(body, "重庆加快建设长江上游地区商贸物流中心", dt.date(2014, 1, 10)))] == [
        ("社会消费品零售总额", 2, "倍"), ("商品销售总额", 2, "倍"), ("物流业增加值", 2, "倍"),
        ("社会消费品零售总额", 800000000000, "元")]
    body = "到2027年,实现园区入驻企业、专精特新企业、规上工业企业、高新技术企业、科技型企业数量五个“倍增”。"
    assert [t[0] for t in targets(read(body, "城口县工业发展", dt.date(2024, 3, 1)))] == [
        "园区入驻企业", "专精特新企业", "规上工业企业", "高新技术企业", "科技型企业"]


def test_a_line_ending_with_the_headline_restates_it() -> None:
    """b45/p_wanzhou_gongye_2023: a forum page's footer (查看完整版本: <headline>) repeats the
    headline after the body stated the same goal: one record (invented body in the page's shape)."""
    body = ("近日,万州政府工作报告对万州今年的工业经济增长做了目标预测:实现规上工业产值630亿元。\n"
            "查看完整版本: 今年,万州完成规上工业总产值630亿元!")
    assert [t[:2] for t in targets(read(body, "今年,万州完成规上工业总产值630亿元!", dt.date(2023, 2, 23)))] == [
        ("规上工业产值", 63000000000)]


def test_progress_against_a_quarters_indicator_is_reported() -> None:
    """b46/n_renshe_yijidu_2025: …就业创业9.7万人,完成季度量化指标的121% is progress."""
    body = ("其中,重庆深入实施百万高校毕业生等青年留渝来渝就业创业行动计划,高校毕业生等青年留渝来渝就业创业"
            "9.7万人,完成季度量化指标的121%。")
    assert targets(read(body, "重庆市人力社保局召开一季度新闻发布会", dt.date(2025, 4, 28))) == []


def test_a_kind_of_event_is_no_event_and_speakers_are_no_count() -> None:
    """b46/p_chengguan_huiyi_2025: 争取重大活动、重大展会、重大赛事落地重庆 names kinds of events:
    the next sentence's plan is read; b45/n_shichuan_nongye_2025: 8个村书记…依次分享 and
    3个责任科室…进行交流汇报 count the speakers."""
    body = ("“要积极向上争取重大活动、重大展会、重大赛事落地重庆,扩大城市的影响力。”李春奎说,"
            "各专业领域要及时总结提炼城市治理的创新经验,今年计划要在全市推广基层典型案例10个以上。")
    assert [t[1:4] for t in targets(read(body, "市城市管理局召开2025年度全市城市管理工作会",
                                         dt.date(2025, 3, 7)))] == [(10, "个", ">=")]
    body = ("首先,8个村书记围绕产业发展、人居环境整治八大重点领域,依次分享经验成果并提出2025年工作思路。"
            "其次,3个责任科室结合职能分工,就农业生产等重点工作进行交流汇报,明确任务清单和推进举措。")
    assert targets(read(body, "重庆渝北区石船镇召开全镇2025年农业农村工作部署会", dt.date(2025, 3, 25))) == []


def test_a_quoted_plan_item_and_its_quoted_restatement() -> None:
    """b46/p_koudai_spam_2025 and p_koudai_gongyuan_2024: 计划“新增建设100个口袋公园” quotes the
    plan's item, not a name; 建成“口袋公园”100个 and 建成口袋公园100个 are one record; 该公园
    建设面积约800平方米 sizes one park."""
    body = "近日,《重庆市2025年重点民生实事工作目标任务》正式印发,其中计划“新增建设100个口袋公园”。"
    assert [t[1:3] for t in targets(read(body, "这是重庆口袋公园建设的生动注脚", dt.date(2025, 3, 23)))] == [
        (100, "个")]
    body = ("截至目前,全市共建成并开放“口袋公园”62个,计划年底共建成口袋公园100个。"
            "该公园建设面积约800平方米,位于九龙坡区杨渡路丁家垭口。")
    assert [t[1:3] for t in targets(read(body, "已上新62个!2024年底重庆市将建成“口袋公园”100个",
                                         dt.date(2024, 8, 13)))] == [(100, "个")]


def test_a_plan_followed_by_its_progress_and_a_tally_up_to_now() -> None:
    """Invented, in the shape of 民生实事 progress news: 今年全市将新增普惠托位1万个,目前已完成
    8000个 plans the 1万 and reports the 8000; b20/p_koudai_2025's 截至6月底,重庆市今年开工建设
    “口袋公园”88个 tallies this year up to June, planning nothing."""
    body = "按照计划,今年全市将新增普惠托位1万个,目前已完成8000个。"
    assert [t[:3] for t in targets(read(body, "重庆民生实事进展顺利", dt.date(2025, 9, 20)))] == [
        ("新增普惠托位", 10000, "个")]
    body = "截至6月底,重庆市今年开工建设“口袋公园”88个,目前已建成64个,服务周边群众114万人。"
    assert targets(read(body, "重庆口袋公园建设提速", dt.date(2025, 7, 10))) == []


def test_a_bulleted_card_value_under_its_label() -> None:
    """b44/p_guangdong_mubiao_2024: 廣東2024年目標安排 / 生產總值 / •增長5%: the bulleted value of
    the card the label names."""
    body = "广东2024年目标安排\n生产总值\n•增长5%\n湾区建设\n•优化完善“港车北上”"
    assert targets(read(body, "广东2024年目标安排", dt.date(2024, 1, 24))) == [
        ("生产总值增速", 5, "%", "=", 2024, "广东省")]


def test_years_of_time_date_and_an_amount_of_a_noun() -> None:
    """b44/p_siyang_fangtan_2026: 五年的时间,达到1000亿元的工业开票销售收入 (said in December 2021):
    within five years from January, and the amount is of the noun after 的."""
    body = "我们希望通过未来几年的努力进入全国百强县;五年的时间,达到1000亿元的工业开票销售收入,这是第一个奋斗目标。"
    assert targets(read(body, "泗阳县委书记马伟:努力实现“运河三千里,最美在泗阳”", dt.date(2021, 12, 1))) == [
        ("工业开票销售收入", 100000000000, "元", "=", 2026, "泗阳县")]


def test_an_e_papers_navigation_and_date_line_stay_apart_from_the_story() -> None:
    """b44/p_lianghui_pinglun_2023 and b29/p_zhuanjingtexin_2022: an e-paper page lists the
    page's headlines (…向着新目标…为目标…), its 第007版 and 上一版 下一版 lines and a date line
    (2022年02月19日 星期六) before the story: none of them joins the story's sentences or frames
    them, and 本报讯 opens the story's lead."""
    body = ("政府工作报告中的重庆元素向着新目标 奋楫再出发以促进高质量充分就业为目标 帮助群众安其岗位、乐其职业报告中的数字增底气提信心\n"
            "第007版:聚焦2023全国两会\n上一版 下一版\n报告中的数字增底气提信心\n王瑞琳\n"
            "国内生产总值增加到121万亿元,财政收入增加到20.4万亿元……今年政府工作报告里这些亮眼的数字,"
            "从各个角度折射出中国经济的韧性和成就。")
    assert targets(read(body, "报告中的数字增底气提信心", dt.date(2023, 3, 6))) == []
    body = ("第001版:要闻\n下一版\n重庆出台“专精特新”企业发展行动计划\n2022年02月19日 星期六 放大 缩小 默认\n"
            "本报讯 (记者 夏元)2月18日,市政府办公厅日前印发《重庆市推进“专精特新”企业高质量发展专项行动计划"
            "(2022—2025年)》,提出到2025年,全市将培育市级“专精特新”企业2500家。\n"
            "其中,在“专精特新”企业孵化培育方面,我市将组建10个技术创新战略联盟。")
    assert [t[1:5] for t in targets(read(body, "重庆出台“专精特新”企业发展行动计划", dt.date(2022, 2, 19)))] == [
        (2500, "家", "=", 2025), (10, "个", "=", 2025)]


def test_a_task_set_this_year_is_planned() -> None:
    """b27/p_gaobiaozhun_2027: 今年初,重庆制定了200万亩高标准农田改造提升工作任务: the year's task,
    set (制定了, like 确定了), not done."""
    body = "截至目前,我市今年已改造提升156万亩。今年初,重庆制定了200万亩高标准农田改造提升工作任务,用于粮油生产。"
    assert [t[1:5] for t in targets(read(body, "截至目前我市今年已改造提升156万亩高标准农田",
                                         dt.date(2023, 10, 16)))] == [(2000000, "亩", "=", 2023)]


def test_a_later_years_change_from_a_base_year_is_planned() -> None:
    """b1/p_fgw_green_2027: 2027年,全市单位GDP能耗较2020年降16%: a later year's change from the plan's
    base year, as 到2027年 gives it; 较2024年 in the same year's report still reports."""
    body = "- 主要目标:2027年,全市单位GDP能耗较2020年降16%,非化石能源占比达25%;"
    assert [t[:5] for t in targets(read(body, "一图速览:重庆市《推进经济社会发展全面绿色转型行动方案》",
                                        dt.date(2025, 3, 1)))][:1] == [("单位地区生产总值能耗降幅", 16, "%", "=", 2027)]


@pytest.mark.parametrize("title", ["年终盘点|2025年渝北区十大民生实事全部完成", "回眸2025|渝北区民生实事"])
def test_a_years_list_done_or_looked_back_on_reports(title) -> None:
    """Invented, in the shape of year-end news: 十大民生实事全部完成 and 年终盘点, 回眸 look back on
    the year's list: 今年,渝北区新建公办幼儿园5所 was done."""
    body = "今年,渝北区新建公办幼儿园5所,新增学位3000个,改造老旧小区20个。"
    assert targets(read(body, title, dt.date(2025, 12, 20))) == []


def test_a_part_of_the_year_a_plan_word_sets_is_planned() -> None:
    """Invented, in the shape of a district's quarterly meeting: 确保上半年地区生产总值增长6%以上 sets
    the half-year's goal; 上半年 after no plan word still reports."""
    body = "会议强调,要锚定全年目标任务,确保上半年地区生产总值增长6%以上。"
    assert targets(read(body, "大渡口区召开一季度经济形势分析会", dt.date(2025, 4, 15))) == [
        ("地区生产总值增速", 6, "%", ">=", 2025, "大渡口区")]
    body = "上半年,全区地区生产总值增长6.2%。"
    assert targets(read(body, "大渡口区召开经济形势分析会", dt.date(2025, 7, 15))) == []


def test_the_document_announcing_a_goal_is_not_its_indicator() -> None:
    """Invented, in the shape of commentary on a work report: 报告提出的地区生产总值增长6%左右的目标
    measures 地区生产总值, whoever announced it."""
    body = "专家认为,报告提出的地区生产总值增长6%左右的目标,既积极又稳妥。"
    assert targets(read(body, "专家解读2025年重庆政府工作报告", dt.date(2025, 3, 10))) == [
        ("地区生产总值增速", 6, "%", "~", 2025, "重庆市")]


@pytest.mark.parametrize("title, region", [
    ("湖南浏阳:2026年将新建5G基站500个", "浏阳市"),
    ("江苏昆山:2026年将新建5G基站500个", "昆山市"),
    ("湖南长沙:2026年将新建5G基站500个", "长沙市"),
    ("湖北恩施:2026年将新建5G基站500个", "恩施土家族苗族自治州"),
])
def test_a_county_written_short_after_its_province(title, region) -> None:
    """Invented, in the shape of other provinces' county news: 湖南浏阳 is 浏阳市, a county-level
    city written short after its province; a city of that name (湖南长沙, 湖北恩施) comes first."""
    body = "今年,全市将新建5G基站500个。"
    assert [t[5] for t in targets(read(body, title, dt.date(2026, 1, 15)))] == [region]


def test_a_plan_period_that_is_over_reports_its_paragraph() -> None:
    """b37/p_bishan_canjiren_2022: in a “十四五” plan of 2022, “十三五”期间,…精准脱贫建档立卡贫困残疾人
    465511人 reports the last period, and so does the paragraph's next sentence."""
    body = ("到2025年,全区残疾人就业人数达到5000人。“十三五”期间,通过产业帮扶、就业帮扶、兜底保障等措施,"
            "精准脱贫建档立卡贫困残疾人465511人。完成农村贫困残疾人家庭危旧房改造1197户。")
    assert [t[1] for t in targets(read(body, "璧山区“十四五”残疾人保障和发展规划", dt.date(2022, 7, 7)))] == [5000]


def test_a_quote_is_named_by_the_noun_after_it() -> None:
    """b49/n_zhuxi_kaigong_2023: a quote spelling out the “五个100%”措施 is a measure's name;
    b49/p_shuyang_gongye_2021: a quote closed by 目标 is the goal itself."""
    measure = ("进一步深化“放管服”改革,落实“重大招商项目100%专班服务、先进产业项目100%确保供地、重要论坛活动100%嵌入招商、"
               "签约承诺事项100%跟踪落实、重点项目企业高管人才100%优先保障”的“五个100%”措施,推进产业链技术结构图。")
    assert targets(read(measure, "竹溪县一季度集中开工", dt.date(2023, 3, 31))) == []
    goal = ("该县围绕“总量指标全省进位次、单项工作苏北争前列、总体工作全市居首位、工业销售收入突破1200亿元”目标,"
            "突出招大引优提升产业能级。")
    assert [(r[1], r[2], r[3], r[5]) for r in targets(read(goal, "沭阳县:项目建设加速度", dt.date(2021, 12, 20)))] == [
        (120_000_000_000, "元", ">", "沭阳县")]


def test_a_sectors_investment_in_all_is_no_projects_cost() -> None:
    """b47/p_linye_huiyi_2012: 力争林业总投资超过100亿元 is the sector's goal; what projects cost in all
    (项目…总投资) still describes them."""
    body = "15日,记者从重庆市林业局长会议上获悉,今年将力争林业总投资超过100亿元,实现全市森林覆盖率超过40%。"
    assert [(r[0], r[1], r[4]) for r in targets(read(body, "", dt.date(2012, 1, 17)))] == [
        ("林业总投资", 10_000_000_000, 2012), ("森林覆盖率", 40, 2012)]
    projects = "今年将力争新开工重点项目50个,总投资100亿元。"
    assert 10_000_000_000 not in [r[1] for r in targets(read(projects, "", dt.date(2012, 1, 17)))]


@pytest.mark.parametrize("body, published", [
    # b49/s_chuanyu_xiangmu_2021: a share of the year's planned investment is progress
    ("记者从市发展改革委获悉,1-9月,川渝合作共建重大项目累计完成投资1866.8亿元,完成年度投资741.4亿元,"
     "占年度计划完成投资的73%。", dt.date(2021, 10, 20)),
    # b49/s_zhongda_xiangmu_2022: a count with 已完工 after it reports
    ("数据显示,今年计划开工项目中,有158个已开工,开工率47.9%,同比增长6.5个百分点;今年计划完工项目中,42个项目已完工,"
     "完工率23.1%,同比提高14.6个百分点。", dt.date(2022, 7, 20)),
    # b49/s_gangcheng_msss_2025: 已提前完成全年任务 meets a plan, it plans nothing
    ("根据季度序时进度安排,截至三季度末,其中24个事项已提前完成全年任务,9个事项超序时进度,11个事项按序时推进。",
     dt.date(2025, 9, 30)),
])
def test_progress_against_a_plan_is_no_target(body, published) -> None:
    assert targets(read(body, "", published)) == []


def test_a_size_class_with_its_multiple_and_a_bare_order_of_magnitude_reached() -> None:
    """b49/n_chanye_tixi_2024: 五千亿级 is one class (5000亿), unnamed here, so it counts nothing;
    b49/p_feixian_gongye_2023: 工业产值过千亿 is more than 1000亿元; b26/p_liangjiang_dutu_2021:
    地区生产总值跨过万亿大关; b44/p_siyang_fangtan_2026: a quoted slogan (五年达千亿) is none."""
    classes = "聚力打造3大万亿级主导产业集群,升级打造3大五千亿级支柱产业集群,创新打造6大千亿级特色优势产业集群。"
    assert targets(read(classes, "", dt.date(2024, 1, 20))) == []
    passed = "我们聚焦全力突破战新产业、做强支柱产业,力争用两年时间工业产值过千亿。"
    assert targets(read(passed, "山东费县:招大引强打造工业经济新引擎", dt.date(2023, 2, 14))) == [
        ("工业产值", 100_000_000_000, "元", ">", 2024, "费县")]
    crossed = "到2035年,综合经济实力实现跃升,地区生产总值跨过万亿大关。"
    assert [(r[0], r[1], r[4]) for r in targets(read(crossed, "", dt.date(2021, 3, 1)))] == [
        ("地区生产总值", 1_000_000_000_000, 2035)]
    slogan = "未来的五年,我们目标是跻身苏北第一方阵,就是“三年进百强,五年达千亿”。"
    assert targets(read(slogan, "", dt.date(2026, 1, 10))) == []


def test_a_county_media_centre_makes_the_text_its_countys() -> None:
    """b48/p_chunan_renda_2018: the page names only 县第十六届人民代表大会; its source, the county's
    own media centre, names 淳安县."""
    body = ("昨日,备受瞩目的县第十六届人民代表大会第二次会议在水之灵剧场隆重开幕。\n“2018年我县经济社会发展的主要预期目标是:"
            "生产总值增长8.5%以上,服务业增加值增长13%以上。")
    found = targets(read(body, "昨日,备受瞩目的县第十六届人民代表大会第二次会议在水之灵剧场隆重开幕", dt.date(2018, 1, 17),
                         "千岛湖新闻网 (淳安县千岛湖传媒中心)"))
    assert [(r[1], r[5]) for r in found] == [(8.5, "淳安县"), (13, "淳安县")]
    # a city's paper reports on anywhere: no subject from it
    assert [r[5] for r in targets(read(body, "", dt.date(2018, 1, 17), "深圳热线"))] == ["重庆市", "重庆市"]


def test_a_measures_goal_names_the_measure() -> None:
    """b48/p_guangzhou_gzbg_2017: 地区生产总值增长的预期目标为8%左右 measures 地区生产总值's growth."""
    body = "广州市十五届人大一次会议1月5日开幕,广州市长温国辉作政府工作报告称,2017年广州市地区生产总值增长的预期目标为8%左右。"
    assert [(r[1], r[3], r[4]) for r in targets(read(body, "", dt.date(2017, 1, 6)))] == [(8, "~", 2017)]


def test_a_count_of_small_things_and_a_noun_that_ends_at_the_next_count() -> None:
    """b48/p_chongming_shishi_2025: 40个小学生爱心暑托班 counts classes (个小 is not 个小时);
    b16/s_nanchuan_msss_2023: in 26个小区2327户居民 the noun 小区 ends where the next count begins."""
    body = "5.*开设40个小学生爱心暑托班、12个小学生爱心寒托班\n6.*新增20个公办幼儿园托班托额"
    assert [(r[0], r[1]) for r in targets(read(body, "2025年崇明区民生实事项目", dt.date(2025, 3, 1)))][:2] == [
        ("小学生爱心暑托班", 40), ("小学生爱心寒托班", 12)]
    records = read("目前,南川区已完成32个老旧小区改造,今年改造面积33万余平方米,涉及26个小区2327户居民。", "",
                   dt.date(2023, 6, 1))
    assert ("涉及小区", 26) in [(r.indicator, r.value) for r in records]
    assert 2327 in [r.value for r in records]
    assert [r.value for r in read("每天工作3个小时。", "", dt.date(2023, 6, 1))] == []
    # b11/p_jiaotong_huiyi_2026: 10个项目830公里 is a count and a length, not a count of 项目830公里
    works = read("今年将加快建设宜涪高铁、成达万高铁等10个项目830公里。", "", dt.date(2026, 1, 20))
    assert [(r.indicator, r.value) for r in works if r.value == 10] == [("项目", 10)]
    # b1/p_bishan_msss_2025: a frequency (开展1次) stays in the noun
    assert "中小学生1次心理健康测评" in [r.indicator for r in read(
        "为6万名中小学生开展1次心理健康测评。", "2025年璧山区民生实事", dt.date(2025, 2, 1))]


def test_a_report_on_last_years_plan_and_this_years_draft_frames_nothing() -> None:
    """b47/s_jihua_zhixing_p11_2025: a page of the review part of 2024年…计划执行情况及2025年计划
    草案的报告: 累计划转事项1026项 reports; the headline dates no part of it."""
    title = "关于重庆市2024年国民经济和社会发展计划执行情况及2025年计划草案的报告"
    body = ("(上接10版)推行城市治理风险清单管理,城市安全运行能力和治理体系得到显著提升。“大综合一体化”行政执法改革获批"
            "司法部行政执法改革试点,累计划转事项1026项。")
    assert targets(read(body, title, dt.date(2025, 3, 11))) == []


def test_jiang_moving_its_object_plans_nothing() -> None:
    """b47/p_linye_huiyi_2012: 重庆市将荒山造林、苗木建设…等工作有机结合 moves its object (将 as 把);
    the numbers after it are not planned by it."""
    body = ("在林业产业发展中,重庆市将荒山造林、苗木建设、产业基地、龙头企业等工作有机结合,共推产业发展,"
            "发展林下经济400万亩、带动42万户林农实现万元增收。")
    assert targets(read(body, "", dt.date(2012, 1, 17))) == []


def test_a_quota_for_each_district_is_no_target_of_the_city() -> None:
    """b49/n_chanye_ditu_2023: 分区县确立原则上不超过2个主导产业 sets a rule for each district;
    b33/p_gaobiaozhun_2019: 每个区县要着力打造1个…示范区 likewise; 在部分区县建设… is no such set."""
    rule = ("今年7月,市委办公厅、市政府办公厅印发《深入推进新时代新征程新重庆制造业高质量发展行动方案(2023—2027年),"
            "提出分区县确立原则上不超过2个主导产业和若干特色产业,加快编制产业地图。")
    assert targets(read(rule, "重庆发布先进制造业产业地图", dt.date(2023, 9, 1))) == []
    quota = "到2022年,每个区县要着力打造1个产业配套、设施完善的高标准农田示范区。"
    assert targets(read(quota, "", dt.date(2019, 3, 1))) == []
    some = "在部分区县建设城市普惠性养老院,力争3年内新增1万张普惠性养老床位。"
    assert [r[1] for r in targets(read(some, "", dt.date(2019, 3, 1)))] == [10000]


def test_we_will_is_a_speakers_plan_and_a_lists_items_count_nothing() -> None:
    """b49/p_zhushan_zhaoshang_2023: the county secretary's “我们将组建5个…,派出20名…” commits the
    county; b49/s_gangcheng_msss_2025: 民生实事10大类50个事项 counts the list's own items."""
    body = "“我们将组建5个驻外企业服务联络处,派出20名招商大使、76名县直单位精干力量、17名乡镇长外出招商。"
    assert [r[1] for r in targets(read(body, "", dt.date(2023, 2, 11)))] == [5, 20, 76, 17]
    items = "2025年,市政府民生实事10大类50个事项,根据季度序时进度安排,截至三季度末,其中14个事项已提前完成全年任务。"
    assert targets(read(items, "", dt.date(2025, 9, 30))) == []


@pytest.mark.parametrize("title, body", [
    ("长安汽车2025年销量目标公布", "长安汽车计划2025年实现销量300万辆,其中新能源汽车销量100万辆。"),
    ("重庆银行2025年一季度净利润增长", "重庆银行一季度实现净利润15亿元,同比增长5%;力争全年资产规模突破1万亿元。"),
])
def test_a_named_companys_own_plans_are_no_targets(title, body) -> None:
    """Invented, in the shape of company news: a company named by its brand and trade (长安汽车,
    重庆银行) speaking of its own plans commits no government."""
    assert targets(read(body, title, dt.date(2025, 3, 20))) == []


def test_an_industrys_plan_is_still_a_target() -> None:
    """Invented: 新能源汽车 is an industry, not a company (全市新能源汽车计划…)."""
    body = "今年,全市新能源汽车产量力争达到100万辆。"
    assert [r[1] for r in targets(read(body, "", dt.date(2025, 3, 20)))] == [1_000_000]


def test_a_years_forecast_states_what_the_year_has() -> None:
    """Invented, in the shape of harvest news: a sentence dated by its own 今年 that forecasts (预计)
    and plans nothing states what the year has, before its 预计 as after it."""
    body = "今年,巫山脆李种植面积30万亩,预计产量10万吨,产值15亿元。"
    assert targets(read(body, "巫山县2025年脆李产量预计达10万吨", dt.date(2025, 6, 20))) == []
    planned = "今年,巫山力争脆李种植面积达到30万亩,预计产量10万吨。"
    assert [r[1] for r in targets(read(planned, "", dt.date(2025, 3, 20)))] == [300_000]


@pytest.mark.parametrize("title, body", [
    ("渝北区2025年民生工作综述", "今年,全区新建5G基站1000个,完成老旧小区改造30个,新增城镇就业2万人。"),
    ("北碚区今年新建口袋公园20个", "今年,北碚区新建口袋公园20个、城市绿道30公里,超额完成年度目标。"),
])
def test_a_year_end_text_reports_its_own_year(title, body) -> None:
    """Invented, in the shape of year-end reviews: from November a sentence's own 今年 looks back
    on the year, and a 综述 reviews; only a plan word would still plan."""
    assert targets(read(body, title, dt.date(2025, 12, 20))) == []
    assert [r[1] for r in targets(read("今年,全区力争新建5G基站1000个。", "", dt.date(2025, 12, 20)))] == [1000]



def test_a_plan_periods_list_goes_on_past_a_value_line_and_a_years_requirements_plan() -> None:
    """b52/p_guowuyuan_gzbg_2026: 受教育年限提高到11.7年 states a value, it is no heading that would
    end the “十五五” list; a heading on 2026年…总体要求和政策取向 plans the year; a mean concentration
    (b52/p_beijing_gzbg_2026) is dated by its year."""
    body = ("二、“十五五”时期主要目标和重大任务\n全社会研发经费投入年均增长7%以上\n劳动年龄人口平均受教育年限提高到11.7年\n"
            "人均预期寿命提高到80岁\n三、2026年经济社会发展总体要求和政策取向\n城镇新增就业1,200万人以上\n"
            "消费者物价指数升幅2%左右")
    found = [(r[1], r[4]) for r in targets(read(body, "政府工作报告要点", dt.date(2026, 3, 5)))]
    assert (80, 2030) in found and (12_000_000, 2026) in found and (2, 2026) in found
    air = "2026年经济社会发展主要预期目标是:地区生产总值增长5%左右,细颗粒物年均浓度控制在29微克/立方米左右。"
    assert [(r[0], r[4]) for r in targets(read(air, "", dt.date(2026, 1, 25)))][-1] == ("细颗粒物年均浓度", 2026)


def test_a_plan_in_a_sentence_naming_this_year_is_this_years() -> None:
    """b51/p_pengshui_fayanren_2023: 今年以来,我县计划实施重点建设项目132个 plans this year."""
    body = "今年以来,我县计划实施重点建设项目132个,年度计划完成投资127亿元。"
    assert [(r[1], r[4]) for r in targets(read(body, "关注彭水重点项目", dt.date(2023, 3, 27)))][0] == (132, 2023)


def test_the_amount_a_years_task_names_is_its_target() -> None:
    """b51/s_kaizhou_zdxm_2024: in a progress report, 占年度任务目标132亿元的65.89% names the year's
    target amount; b22/p_chungeng_renwu_2024: 高标准农田建设任务200万亩 is an amount, not a count
    of a document's tasks."""
    body = "目前,全区181个重大项目上半年完成投资86.97亿元,占年度任务目标132亿元的65.89%,比2023年同期增长25.56%。"
    assert [(r[1], r[4]) for r in targets(read(body, "开州区召开重大项目建设情况新闻发布会", dt.date(2024, 9, 13)))] == [
        (13_200_000_000, 2024)]
    assert targets(read("今年将重点抓好30项改革任务。", "", dt.date(2024, 3, 1))) == []


def test_what_was_built_out_and_the_departments_involved_are_no_targets() -> None:
    """b53/s_yuzhong_tiyu_2025: 打造出社区体育公园8个 reports what was built (打造出, not 打造);
    b53/n_quanyu_zhili_2025: 涉及“规建管”等20余个市级部门 counts who carries a plan out."""
    built = "渝中区还通过深度挖掘天台、街巷、步道等城市金角银边潜力,打造出社区体育公园8个、健身步道50余条。"
    assert targets(read(built, "渝中区全民健身", dt.date(2025, 8, 8))) == []
    scope = "该方案明确城市洁净提升、缓堵促畅攻坚等9大行动33项具体任务,涉及“规建管”等20余个市级部门。"
    assert targets(read(scope, "重庆推进全域治理", dt.date(2025, 5, 1))) == []
    assert [r[1] for r in targets(read("今年,全区将打造社区体育公园8个。", "", dt.date(2025, 3, 1)))] == [8]


@pytest.mark.parametrize("title, body, values", [
    # b54/n_qingming_guangdong_2025: the sample a survey watches
    ("记者从省文旅厅获悉,2025年清明假期,全省文化和旅游系统认真贯彻落实", "据初步测算,2025年清明假期三天,"
     "全省接待游客2110.5万人次,同比增长6.4%;纳入监测的100个乡村旅游点和历史古村落接待游客92.7万人次,同比增长8.1%;", []),
    # b54/p_shanghai_shishi_2023 and p_xuancheng_msss_2024: the items a list or a section holds
    ("上海今年为民办实事项目发布", "安排十方面32项,聚焦老小旧远,回应民生关切\n上海今年为民办实事项目发布", []),
    ("2024年宣城市民生实事", "一、促进就业(3项)\n1.新增城镇就业2万人。", [20000]),
    # b54/n_lvyou_wanyi_2026: a figure two provinces announce together is no one region's
    ("12省份旅游总收入破万亿", "另外,湖北、安徽也宣布今年旅游总收入将突破万亿。", []),
])
def test_samples_parts_and_shared_figures_are_no_targets(title, body, values) -> None:
    assert [r[1] for r in targets(read(body, title, dt.date(2024, 2, 10)))] == values


@pytest.mark.parametrize("title, body", [
    ("璧山区智能制造产业园项目开工", "该项目计划投资20亿元,建设标准化厂房30万平方米,预计年产值50亿元。"),
    ("綦江区农旅融合项目签约", "项目计划流转土地3000亩,发展特色果蔬种植,带动周边农户500户增收。"),
])
def test_a_projects_own_plan_describes_the_project(title, body) -> None:
    """Invented, in the shape of district project news: a sentence opening on one project as its
    subject (该项目计划投资…) describes the project, whatever it plans."""
    assert targets(read(body, title, dt.date(2025, 3, 20))) == []
    assert [r[1] for r in targets(read("今年,全区计划实施重点项目50个。", "", dt.date(2025, 3, 20)))] == [50]


def names(records, kind: str = "target") -> list[tuple]:
    """(indicator, value, comparator) of the records of one kind."""
    return [(r.indicator, r.value, r.comparator) for r in records if r.kind == kind]


def test_a_verb_alone_before_a_count_takes_the_noun_after_it() -> None:
    """b1/p_jiusong_summary_2025 and b27/p_minsheng_mubiao_2025: 服务 measures nothing without
    困境儿童; 项目 names nothing without the stage its count reached (启动, 完工投用)."""
    records = read("实施“童心相伴”项目,服务13万人次困境儿童心理健",
                   "2025年重庆在经济发展、开放合作、城市治理和民生改善等方面将呈现以下变化",
                   dt.date(2025, 1, 19))
    assert names(records) == [("服务困境儿童心理健", 130000, "=")]
    records = read("启动 160 个项目,完工投用 140 个项目,并对中心城区 60 处交通堵乱点开展分类治理。",
                   "本文聚焦于 2025 年重庆市正式印发的《重庆市 2025 年重点民生实事工作目标任务》",
                   dt.date(2025, 3, 22))
    assert names(records)[:2] == [("启动项目", 160, "="), ("完工投用项目", 140, "=")]


def test_bare_items_of_a_list_share_the_head_the_last_one_names() -> None:
    """b22/p_chungeng_renwu_2024: 蔬菜 shares 产量 with 水产品 though 生猪出栏量 has its own;
    b44/p_jiangsu_duibiao_2025: each field's 投资."""
    records = read("生猪出栏量、蔬菜和水产品产量分别稳定在1800万头、2000万吨、58万吨以上;",
                   "抢抓全年粮食生产主动权 重庆定下这五项任务", dt.date(2024, 3, 13))
    assert [r.indicator for r in records] == ["生猪出栏量", "蔬菜产量", "水产品产量"]
    records = read("全年交通、水利、能源、市政领域投资分别达2300亿元、600亿元、1700亿元、1400亿元。",
                   "对照对标政府工作报告", dt.date(2025, 3, 7))
    assert [r.indicator for r in records] == ["交通投资", "水利投资", "能源投资", "市政领域投资"]


def test_a_measure_alone_in_a_numbered_item_measures_the_items_subject() -> None:
    """b39/p_xiushan_gongye_2023: 产值 is the output of the industry the item opens on."""
    records = read("一是新材料产业,重点壮大锂电池“石墨化—负极材料—回收利用”产业链,"
                   "力争到2026年产值达到200亿元以上;",
                   "重点发展医药、食品、新材料、电子信息、汽车配件五大百亿级工业产业", dt.date(2023, 1, 1))
    assert names(records) == [("新材料产业产值", 20000000000, ">=")]


def test_the_stages_of_projects_share_their_subject_and_签约_is_no_estimate() -> None:
    """b48/p_laocheng_lianghui_2022: 约 in 签约 is part of the verb, not "about"; 开工 and 投产
    count the same 产业项目."""
    records = read("力争全年产业项目签约8个、开工15个、投产8个。", "老城区两会", dt.date(2022, 1, 10))
    assert names(records) == [("产业项目签约", 8, "="), ("产业项目开工", 15, "="),
                              ("产业项目投产", 8, "=")]


@pytest.mark.parametrize(("body", "expected"), [
    # b12/n_zhaoshang_qianyue_2023
    ("其中,100亿元级项目5个、50亿元级项目10个。", [("100亿元级项目", 5), ("50亿元级项目", 10)]),
    ("本次集中签约项目中,10亿元以上项目有55个。", [("10亿元以上项目有", 55)]),
    # b16/p_qianjiang_shangmao_2012
    ("培育超亿元商贸企业20家、超5亿元企业5家。", [("培育超亿元商贸企业", 20), ("超5亿元企业", 5)]),
])
def test_an_amount_that_names_the_class_counted_is_no_measure(body, expected) -> None:
    """The amount is part of the name of what the count counts: no record of its own."""
    records = read(body, "", dt.date(2023, 4, 6))
    assert [(r.indicator, r.value) for r in records] == expected


def test_a_second_quantity_right_after_a_count_measures_the_same_item() -> None:
    """b55/p_tianshui_msss_2026: 25个1697户 are two quantities of the old estates, 6条20公里 two of
    the safety works; 七、 numbers the item, it is no name the count 2处 tallies; 惠及3.58万人 is
    the reach a project is expected to have, not a quantity committed to."""
    body = ("秦州区\n六、改造老旧小区25个1697户。\n七、提升改造便民市场2处、口袋公园5个。\n"
            "九、实施农村公路安防工程6条20公里,新建桥梁3座。\n"
            "二、改造提升泽民渠、渭惠渠,维修干支渠道16.43公里,改善灌溉面积1.58万亩,惠及3.58万人;")
    records = read(body, "2026年两区五县十件民生实事", dt.date(2026, 1, 14))
    assert [(r.indicator, r.value, r.unit) for r in records if r.kind == "target"] == [
        ("改造老旧小区", 25, "个"), ("改造老旧小区", 1697, "户"), ("提升改造便民市场", 2, "处"),
        ("口袋公园", 5, "个"), ("实施农村公路安防工程", 6, "条"), ("实施农村公路安防工程", 20, "公里"),
        ("新建桥梁", 3, "座"), ("维修干支渠道", 16.43, "公里"), ("改善灌溉面积", 15800, "亩")]
    assert [(r.indicator, r.value) for r in records if r.kind == "statistic"] == [("惠及", 35800)]


def test_a_congress_announcing_the_years_practical_matters_plans_the_list_after_it() -> None:
    """b56/p_yuzhong_shishi_2016 (traditional characters as published): 会上确定2016年…为民兴办
    10件实事 announces the list the next paragraph spells out."""
    body = ("大西北網訊 1月20日,榆中縣第十七屆人民代表大會召開第五次會議。會上確定2016年縣委縣政府為民興辦10件實事。\n"
            "這十件實事是:1.新修高標準基本農田10萬畝。2.引入社會資金2億元,建成1所縣城九年制學校。")
    records = read(body, "大西北網訊 1月20日,榆中縣第十七屆人民代表大會召開第五次會議", dt.date(2016, 1, 20))
    assert targets(records) == [("新修高标准基本农田", 100000, "亩", "=", 2016, "榆中县"),
                                ("引入社会资金", 200000000, "元", "=", 2016, "榆中县"),
                                ("县城九年制学校", 1, "所", "=", 2016, "榆中县")]


def test_page_furniture_is_no_paragraph_of_the_lead() -> None:
    """b56/p_guowuyuan_gzbg_2026: after a repeated headline, a dateline and a font-size bar, the
    paragraph naming the Premier presenting the State Council's report is still the lead."""
    body = ("新华社受权播发《政府工作报告》\n2026-03-16 10:40:34 | 来源:泰州日报\n字号变大 | 字号变小\n"
            "3月5日,李强总理代表国务院在十四届全国人大四次会议上作《政府工作报告》。\n"
            "报告指出,今年发展主要预期目标是:城镇调查失业率5.5%左右,城镇新增就业1200万人以上;")
    records = read(body, "新华社受权播发《政府工作报告》", dt.date(2026, 3, 16))
    assert {r.region for r in records if r.kind == "target"} == {"全国"}


def test_a_report_on_how_the_plan_was_carried_out_reports() -> None:
    """b56/s_yunyang_bannian_2022: a title on the half year's 计划执行情况, with no plan after it."""
    records = read("上半年全县实现地区生产总值249.9亿元,增长6.3%。一般公共预算收入完成9.7亿元,增长5.6%。",
                   "云阳县人民政府关于2022年上半年国民经济和社会发展计划执行情况的报告", dt.date(2022, 9, 30))
    assert targets(records) == []
    assert len([r for r in records if r.kind == "statistic"]) == 4


@pytest.mark.parametrize(("body", "expected"), [
    # b55/p_julu_msss_2023
    ("实施百千万健康服务工程,推进300堂健康知识巡讲,免费为1000人筛查脑卒中,免费为10000人筛查肺CT。",
     [("免费筛查脑卒中", 1000), ("免费筛查肺CT", 10000)]),
    ("完成静和养老院建设,对480户符合条件的困难老年人家庭进行适老化改造。",
     [("符合条件的困难老年人家庭适老化改造", 480)]),
    # b54/p_shanghai_shishi_2023
    ("为5000户困难重度残疾人家庭进行无障碍改造。", [("困难重度残疾人家庭无障碍改造", 5000)]),
])
def test_a_count_of_recipients_is_named_by_what_they_receive(body, expected) -> None:
    """为/对 before a count of people or households: the indicator is what the rest of the clause
    gives them (its light verb 进行/提供 dropped); 岗位需求总数为242万人 is a copula."""
    records = read(body, "2023年度巨鹿县重点民生实事项目", dt.date(2023, 1, 20))
    assert [(r.indicator, r.value) for r in records if r.kind == "target"][-len(expected):] == expected
    assert [r.indicator for r in read("重庆岗位需求总数为242万人。", "", dt.date(2021, 5, 1))] == ["岗位需求总数"]


def test_a_heading_that_is_only_a_goal_word_plans_the_items_under_it() -> None:
    """b31/p_yunnan_zhongdian_2016: 目标 heads each sector's goals, the years standing in the items
    (a rate or share without one still a goal, of the lead's 未来5年); 下降至 is the verb, not part
    of the measure."""
    body = ("日前,云南省发布关于着力推进重点产业发展的若干意见。与此同时,未来5年,云南省还将着力推进"
            "生物医药和大健康产业、旅游文化产业等重点产业的发展。\n现代物流\n增加值达2000亿元\n目标\n增加值2017年达到1400亿元左右\n2020年达到2000亿元左右\n"
            "年均增长13%左右\n社会物流总费用占GDP的比率下降至18%以内\n")
    records = read(body, "云南省出台意见推进重点产业发展 这些产业“钱”途无量", dt.date(2016, 7, 5))
    assert [(r[0], r[1], r[4]) for r in targets(records)][-4:] == [
        ("增加值", 140000000000, 2017), ("增加值", 200000000000, 2020), ("年均增速", 13, None),
        ("社会物流总费用占GDP的比率", 18, 2020)]


def test_a_number_said_of_this_figure_measures_what_the_sentence_before_did() -> None:
    """b28/p_hemei_xiangcun_2024: 这一数字 points back to the villages counted before; b34/
    p_shandong_gzbg_2013: 目标确定为 stands between the growth and its value."""
    records = read("去年,重庆共有107个村(涉农社区)成功创建巴渝和美乡村示范村。今年,这一数字将超过200个。", "",
                   dt.date(2024, 4, 24))
    assert [r.indicator for r in records] == []  # the villages before were counted by no measure
    # Invented: the sentence before names its measure
    records = read("去年,重庆共创建巴渝和美乡村示范村107个。今年,这一数字将超过200个。", "", dt.date(2024, 4, 24))
    assert [(r.indicator, r.value, r.comparator) for r in records if r.value == 200] == [
        ("创建巴渝和美乡村示范村", 200, ">")]
    records = read("今年经济增长目标确定为9.5%左右。", "今年全省经济社会发展的主要预期目标", dt.date(2013, 1, 25))
    assert [(r.indicator, r.value) for r in records] == [("经济增速", 9.5)]


def test_a_citys_own_portal_makes_the_city_home() -> None:
    """b57/p_haidong_jiaotong_2015: 海东市人民政府网 publishes 我市's plans; a city's paper makes its
    city home when the headline speaks of 全市; a portal carrying others' news (深圳热线, b22) never."""
    records = read("今年,全市交通运输工作要突出重点,全力保障重大项目建设,确保交通固定资产投资突破70亿元。",
                   "今年我市交通投资将达70亿", dt.date(2015, 3, 26), "海东市人民政府网(海东时报)")
    assert targets(records) == [("交通固定资产投资", 7000000000, "元", ">", 2015, "海东市")]
    records = read("今年,全市交通运输工作要突出重点,确保交通固定资产投资突破70亿元。",
                   "今年重庆交通投资将达70亿", dt.date(2015, 3, 26), "深圳热线(来源:上游新闻)")
    assert {r.region for r in records} == {"重庆市"}
    # b58/p_lanzhou_wenlv_2025: a city's paper on its own city's meeting (全市…工作会议)
    records = read("今年我市力争全年旅游人次、旅游花费增长15%,过夜游游客达2000万人次。",
                   "2025年全市文化旅游广电文物工作会议召开", dt.date(2025, 2, 26), "每日甘肃网(兰州晚报)")
    assert {r.region for r in records} == {"兰州市"}
    # b56/p_guowuyuan_gzbg_2026: a city's paper carrying the State Council's report
    records = read("3月5日,李强总理代表国务院在十四届全国人大四次会议上作《政府工作报告》。\n"
                   "报告指出,今年发展主要预期目标是:城镇调查失业率5.5%左右。",
                   "新华社受权播发《政府工作报告》", dt.date(2026, 3, 16), "泰州日报(us.usy7.cc 转载,广告注入)")
    assert {r.region for r in records} == {"全国"}


def test_a_sentence_opening_a_list_of_goals_dates_the_paragraphs_after_it() -> None:
    """b57/p_zhizao_fangan_2027 (traditional characters as published): 到2027年,…实现以下目标: and
    each goal in a paragraph of its own."""
    body = ("《方案》指出,到2027年,國家重要先進製造業中心建設取得顯著進展,實現以下目標:\n"
            "規模能級實現新突破。規模以上工業企業營業收入邁上4萬億元臺階,製造業增加值佔地區生產總值的比重提高至28%。")
    records = read(body, "重慶印發“製造業高質量發展五年行動方案”", dt.date(2023, 10, 9))
    assert [(r[0], r[1], r[4]) for r in targets(records)] == [
        ("规模以上工业企业营业收入", 4000000000000, 2027), ("制造业增加值占地区生产总值的比重", 28, 2027)]


@pytest.mark.parametrize(("title", "body"), [
    # b57/n_dadukou_zhaoshang_2021: 今年 places the ceremony, it plans nothing after it
    ("大渡口一季度招商引资总额超72亿元", "重庆日报消息,25日下午,大渡口区举行今年第一季度招商引资项目集中签约仪式。"
     "此次签约项目总协议金额超过72亿元,涉及大数据智能化、生物医药、消费服务等领域。"),
    # b57/n_jiangjin_kaijungong_2023: a 倍增器 is a noun, no doubling
    ("总投资超203亿元!江津区103个重点项目集中开竣工", "渝西地区要在提升科技创新能力上实现新突破,让创新成为推动发展的倍增器、放大器。"),
    # b57/n_guidao_jilu_2025: the world market's forecast is no government's
    ("重庆轨道交通在2024年12月31日创下了单日614.8万人次的挤车世界纪录",
     "2023年全球共享出行市场规模已达1125.69亿美元,预计到2028年将保持8.13%的年增长率。"),
    # b58/p_senlin_gongcheng_2008: what the day's planting drew, counted after it
    ("重庆市2008年全面实施森林工程,计划到2012年,森林资源总量大幅增加", "据初步统计,此次全市参加植树活动约200万人,植树近500万株。"),
])
def test_news_of_an_event_under_a_plan_word_plans_nothing(title, body) -> None:
    """No target in what reports an event, a noun of multiplying, or a market forecast."""
    assert targets(read(body, title, dt.date(2023, 6, 5))) == []


def test_a_sites_section_of_plans_and_reports_says_neither() -> None:
    """b58/p_zhejiang_weijian_2023: 计划总结 above a year's work points is a site's section name."""
    body = ("计划总结\n2023年全省卫生健康工作要点\n二、主要任务\n(一)实施全民健康促进行动。\n1.主要目标指标。\n"
            "健康浙江发展指数达85,人均预期寿命达82.4岁,居民健康素养水平达39%以上。")
    records = read(body, "浙江省卫生健康委关于印发2023年浙江省卫生健康工作要点的通知", dt.date(2023, 4, 25),
                   "浙江省卫生健康委员会网站")
    assert [(r[0], r[1], r[4]) for r in targets(records)] == [
        ("健康浙江发展指数", 85, 2023), ("人均预期寿命", 82.4, 2023), ("居民健康素养水平", 39, 2023)]


def test_planning_projects_plans_them_but_planned_projects_are_a_stage() -> None:
    """b57/p_jiaozuo_jiaotong_2026: 全年谋划推进14个交通运输项目 plans them; b43/p_changan_kaigong_2025:
    其中谋划项目138个 counts the projects at their planning stage."""
    records = read("2026年,市交通运输局全年谋划推进14个交通运输项目。", "1月28日,记者从2026年全市交通运输工作会议上获悉",
                   dt.date(2026, 1, 28), "网易号(焦作晚报)")
    assert targets(records) == [("交通运输项目", 14, "个", "=", 2026, "焦作市")]
    records = read("其中谋划项目138个,储备项目(新建)52个。", "", dt.date(2025, 3, 1))
    assert targets(records) == []


def test_the_count_of_what_a_full_coverage_covers_is_no_record() -> None:
    """b59/p_chengguan_shisiwu_2021 (traditional characters as published): 实现38座跨江大桥安全监测
    全覆盖 gives the coverage; the 38 only says which bridges."""
    records = read("到2025年,強化城市橋梁安全監測體系建設,實現38座跨江大橋安全監測全覆蓋;", "", dt.date(2021, 10, 26))
    assert targets(records) == [("跨江大桥安全监测覆盖率", 100, "%", "=", 2025, "重庆市")]


def test_the_plan_a_report_measures_against_plans_nothing() -> None:
    """b59/n_jizhong_kaigong_2023: 较原计划提前开工 reports progress against the plan."""
    records = read("重庆永川综合保税区建设工程二期等155个项目,较原计划提前开工建设,占比43.8%。",
                   "重庆集中开工354个重大项目 总投资3194亿元", dt.date(2023, 2, 18))
    assert targets(records) == []


def test_the_sides_of_a_place_share_the_measure_and_使_opens_no_name() -> None:
    """b59/p_chengguan_shisiwu_2021: 城镇、农村生活垃圾无害化处理率 are two rates; b59/
    p_jiaotong_huiyi_2012 and b14/p_linye_fugailv_2012: 使其畅通率, 使全市森林覆盖率 name the rate."""
    records = read("到2025年,推动城镇、农村生活垃圾无害化处理率分别达到100%和80%以上。", "", dt.date(2021, 10, 26))
    assert [(r[0], r[1]) for r in targets(records)] == [("城镇生活垃圾无害化处理率", 100),
                                                       ("农村生活垃圾无害化处理率", 80)]
    records = read("今年将建设农村公路8000公里,其中行政村畅通工程6000公里,使其畅通率达75%。", "", dt.date(2012, 2, 1))
    assert "畅通率" in [r.indicator for r in records]


def test_a_bare_last_measure_is_of_the_first_items_subject() -> None:
    """b59/p_liangshi_wenchan_2022: 粮食播种面积和产量 are the grain's area and output."""
    records = read("今年全市全年粮食播种面积和产量稳定在3012万亩、1087万吨。", "", dt.date(2022, 2, 10))
    assert [(r[0], r[1]) for r in targets(records)] == [("粮食播种面积", 30120000), ("粮食产量", 10870000)]


def test_a_date_before_which_work_is_done_is_a_deadline_not_a_report() -> None:
    """b13/p_5g_xinjijian_2020: 在6月30日前建成 is a deadline; 日前 alone (the other day) reports."""
    records = read("今年重庆将投入85亿,在6月30日前建成3万个5G基站。", "", dt.date(2020, 5, 15))
    assert ("5G基站", 30000, "个", "=", 2020, "重庆市") in targets(records)
    assert targets(read("日前,重庆建成3万个5G基站。", "", dt.date(2020, 5, 15))) == []


def test_a_lead_naming_one_city_while_it_speaks_of_its_own_is_that_citys() -> None:
    """b61/p_putian_gzbg_2025: 坚持国家所需、莆田所能、全市统筹 makes the report 莆田市's."""
    records = read("精准谋项目,坚持国家所需、莆田所能、全市统筹、各方参与,安排省市重点项目360个、年度投资1000亿元以上。\n"
                   "主要预期目标是:出口增长3%。", "今年是“十四五”规划收官、谋划“十五五”规划之年", dt.date(2025, 1, 1))
    assert {r[5] for r in targets(records)} == {"莆田市"}


def test_a_municipalitys_district_written_short_after_it() -> None:
    """b61/p_fengxian_xincailiao_2027: 上海奉贤 is 奉贤区; 北京朝阳 is 朝阳区, not 辽宁's 朝阳市."""
    for title, region in (("上海奉贤:到2027年,通用新材料产业工业总产值力争达到600亿元", "奉贤区"),
                          ("北京朝阳:到2027年,工业总产值力争达到600亿元", "朝阳区")):
        records = read("到2027年,工业总产值力争达到600亿元。", title, dt.date(2025, 7, 11))
        assert targets(records)[0][5] == region


def test_a_lead_in_list_runs_on_through_its_numbered_parts() -> None:
    """b60/p_meilan_msss_2025: the year's 民生实事 listed under 一、二、 headings after 如下:."""
    records = read("代表票决确定美兰区2025年10项民生实事项目如下:\n一、海口市美兰区中小学(幼儿园)校门升降防撞柱安装项目\n"
                   "27所中小学(幼儿园)校门口安装升降防撞柱,保障师生安全。\n四、演丰旅游小镇全域旅游打造项目\n"
                   "建设演丰旅游小镇精神堡垒1个,制作14个道路旅游标识牌。\n",
                   "1月21日上午,在海口市美兰区第八届人民代表大会第五次会议闭幕会上", dt.date(2025, 1, 22))
    assert [(r[1], r[4]) for r in targets(records)] == [(27, 2025), (1, 2025), (14, 2025)]


def test_a_kind_of_event_does_not_turn_the_paragraph_to_an_event() -> None:
    """b60/p_enshi_gzbg_2023: 精品赛事 is a kind of events; the year's tourism goals follow it."""
    records = read("推动体旅深度融合,促进户外运动产业和精品赛事协同发展。力争全年接待游客7500万人次,实现旅游综合收入550亿元。",
                   "", dt.date(2023, 1, 5))
    assert [r[1] for r in targets(records)] == [75000000, 55000000000]


def test_hours_a_day_and_a_venues_floor_and_admission_places_are_no_targets() -> None:
    """b40/p_quanmin_jianshen_2025 每天…各1小时 is time an activity takes; b60/n_huizhan_zhidu_2010
    展场面积 a venue's size; b61/n_gaokao_zhengzhou_2007 招生计划 the places offered."""
    assert targets(read("重庆也将以此持续推动落实义务教育“双减”政策,保障学生每天校内与校外各1小时体育活动。", "",
                        dt.date(2025, 5, 12))) == []
    assert targets(read("同时,重庆市还将完善布局,一是扩建南坪国际会展中心,使展场面积达到10万平方米以上;", "",
                        dt.date(2010, 5, 1))) == []
    assert targets(read("在已经公布的普通类招生计划中,本科生共招168098人,专科生224162人。", "我市8万学子 今日高考",
                        dt.date(2007, 6, 7))) == []


def test_a_seasons_forecast_under_a_lead_ins_year_is_no_target() -> None:
    """b63/n_wuyi_yuce_2024: 预计“五一”期间… under 今年“五一”假期…将呈现以下特征: a forecast."""
    records = read("初步预测,今年“五一”假期公路网运行将呈现以下特征:\n"
                   "预计“五一”期间全国高速公路日均流量约为6350万辆,约为平日流量的1.8倍。",
                   "交通运输部举行4月份例行新闻发布会", dt.date(2024, 4, 29))
    assert targets(records) == []


def test_a_headline_giving_an_events_dates_plans_nothing() -> None:
    """b63/n_sichuan_chunyun_2026 (traditional characters as published): the 春运's dates."""
    records = read("綜合客運方面,道路客運量預計4659.4萬人次,鐵路發送量預計3354.0萬人次。",
                   "2026年春運將于2月2日開始,3月13日結束", dt.date(2026, 2, 2))
    assert targets(records) == []


def test_shares_of_a_plan_done_and_an_office_in_charge_are_no_targets() -> None:
    """b63/s_wujiang_zhongdian_2025: 分别完成年度计划的116.24%、100.06%; b63/s_cangnan_msss_2022:
    a table's 县交通局 beside its progress."""
    records = read("2025年,桃源镇、震泽镇、平望镇进展较好,分别完成年度计划的116.24%、100.06%、91.12%。\n"
                   "2022年民生实事项目\n县交通局\n95%", "", dt.date(2025, 9, 1))
    assert targets(records) == []


def test_an_unnamed_size_class_is_counted_and_a_systems_parts_are_not() -> None:
    """b65/p_xiaofeipin_gongye_2022: 培育5个100亿级…龙头企业 counts the firms to grow; b49/
    n_chanye_tixi_2024 (traditional characters as published): 3大萬億級 names a system's parts."""
    records = read("到2022年,力争培育10个50亿级消费品工业龙头企业。", "", dt.date(2021, 3, 1))
    assert [(r[0], r[1], r[2]) for r in targets(records)] == [("培育50亿级消费品工业龙头企业", 10, "个")]
    records = read("著力打造“33618”現代制造業集群體系,聚力打造3大萬億級主導產業集群。", "", dt.date(2024, 5, 16))
    assert targets(records) == []


def test_an_events_first_day_and_the_last_years_report() -> None:
    """b65/n_jiuye_yuanzhu_2011: 就业援助月首日 39场招聘会; b65/p_xiaofeipin_gongye_2022: 近三年…平均
    增速达到9.1% reports the past three years."""
    headline = "2012年就业援助月首日 39场招聘会迎来4万求职者"
    assert targets(read(headline + "\n所有区县同步进行,39场招聘会,5万多岗位。", headline, dt.date(2011, 12, 28))) == []
    records = read("近三年,重庆市规模以上消费品工业企业主营业务收入平均增速达到9.1%,行业成长性较好。",
                   "重庆:到2022年消费品工业总产值达4500亿元", dt.date(2021, 3, 1))
    assert targets(records) == []


def test_a_later_year_and_value_alone_go_on_with_the_last_measure() -> None:
    """Invented, in the shape of transport plans: 到2027年,将超过750公里 after a sentence on the
    rail network gives the network's length for 2027."""
    records = read("目前,重庆轨道交通运营里程已达600公里。到2027年,将超过750公里。", "", dt.date(2026, 1, 20))
    assert targets(records) == [("轨道交通运营里程", 750, "公里", ">", 2027, "重庆市")]


def test_a_part_of_the_city_named_in_a_numbers_clause_is_its_region() -> None:
    """b27/p_minsheng_mubiao_2025: 并对中心城区60处交通堵乱点开展分类治理 is the 中心城区's; the
    clauses before it are the city's."""
    records = read("今年,启动160个项目,完工投用140个项目,并对中心城区60处交通堵乱点开展分类治理。", "",
                   dt.date(2025, 2, 1))
    assert [(r[1], r[5]) for r in targets(records)] == [(160, "重庆市"), (140, "重庆市"), (60, "中心城区")]


def test_a_district_leader_speaking_makes_the_plans_after_it_the_districts() -> None:
    """b39/p_chengkou_larou_2025: 城口县委书记张继军表示,将推动…力争2025年产量达到1.5万吨."""
    records = read("重庆市人大代表、城口县委书记张继军表示,将推动老腊肉等产业延链补链强链,力争2025年产量达到1.5万吨,"
                   "全产业链产值达35亿元。", "", dt.date(2025, 1, 20))
    assert {r[5] for r in targets(records)} == {"城口县"}


def test_respectively_after_a_clause_of_counted_items_measures_each() -> None:
    """b16/p_yuzhong_kaigong_2025: 涵盖产业项目10个、基础设施项目7个…,年度投资分别约为15亿元、11亿元…."""
    records = read("今年,开工重点项目涵盖产业项目10个、基础设施项目7个、公共服务设施项目3个、文化保护传承项目1个和保障性"
                   "安居工程项目4个,年度投资分别约为15亿元、11亿元、3亿元、1亿元和1亿元。", "", dt.date(2025, 1, 10))
    assert [(r[0], r[1]) for r in targets(records) if r[2] == "元"] == [
        ("产业项目年度投资", 1500000000), ("基础设施项目年度投资", 1100000000), ("公共服务设施项目年度投资", 300000000),
        ("文化保护传承项目年度投资", 100000000), ("保障性安居工程项目年度投资", 100000000)]


def test_progress_listed_for_named_projects_reports() -> None:
    """b66/s_jiaotong_yijidu_2023 (traditional characters as published): 巫溪至陜西鎮坪、江津至瀘州北線…
    等計劃通車項目完成總體形象進度約96.5%、67.7%、68%."""
    records = read("高速,巫溪至陜西鎮坪、江津至瀘州北線、銅梁至安岳等計劃通車項目完成總體形象進度約96.5%、67.7%、68%。", "",
                   dt.date(2023, 4, 20))
    assert targets(records) == []


def test_an_expos_forecast_and_admission_places_are_no_targets() -> None:
    """Invented, in the shape of expo and admission news: 智博会 is an event whatever its name's
    ending (博会, 洽会, 交会), and 计划招生 offers places, as 招生计划 does (b61/n_gaokao_zhengzhou_2007)."""
    records = read("今年8月,第十届智博会将在重庆举办,预计参展企业超过1000家。", "重庆:今年将举办第十届智博会",
                   dt.date(2026, 4, 10))
    assert targets(records) == []
    assert targets(read("重庆大学今年本科计划招生8000人。", "", dt.date(2026, 4, 10))) == []


def test_a_tally_headline_makes_the_lead_and_body_report() -> None:
    """b68/n_chuanyu_xiangmu_2021: under 川渝合作共建重大项目累计完成投资1971.8亿元, the lead's and the
    body's 今年完成投资… are progress."""
    records = read("记者从四川省发展改革委获悉,1—10月,67个川渝合作共建重大项目已开工或启动建设65个,累计完成投资1971.8亿元,"
                   "其中:今年完成投资848.6亿元,年度投资完成率83.5%。\n9个科技创新及公共服务项目加快实施,今年完成投资7.5亿元。",
                   "川渝合作共建重大项目累计完成投资1971.8亿元", dt.date(2021, 10, 31))
    assert targets(records) == []


def test_one_named_project_described_and_a_bound_of_reach_or_pass() -> None:
    """b68/n_hechuan_qiche_2016: 北汽银翔新能源“三电”项目,占地210亩,总投资8亿元 details one project;
    b68/n_guidao_500km_2023: 达到或者超过600公里 is one bound, ≥ 600."""
    records = read("今年,合川将推进两个项目。二是北汽银翔新能源“三电”项目,占地210亩,总投资8亿元,主要建设年产10万套锂电池。",
                   "", dt.date(2016, 3, 1))
    assert targets(records) == []
    records = read("到2025年,重庆轨道交通线网运营里程将达到或者超过600公里。", "", dt.date(2023, 1, 18))
    assert targets(records) == [("轨道交通线网运营里程", 600, "公里", ">=", 2025, "重庆市")]


def test_a_service_from_a_day_is_no_plan() -> None:
    """Invented, in the shape of transport news: 从下周一起,重庆将新开3条公交线路 starts a service;
    its lines and buses are no targets."""
    records = read("从下周一起,重庆将新开3条公交线路,线路全长45公里,配车30辆,票价2元。", "重庆将新开3条公交线路",
                   dt.date(2026, 4, 10))
    assert targets(records) == []


def test_growers_co_operatives_and_a_plants_schedule_plan_nothing() -> None:
    """b69/n_fuling_zhacai_2023 按照…计算,今年能增收1.6万元 reckons; b69/n_fuling_zhenxi_2022 a
    grower's own field and a co-operative's purchases (traditional characters as published);
    b70/n_sailisi_gongchang_2022 a plant's capacity under its completion month."""
    assert targets(read("52岁的种植大户蔡朝波告诉记者,按照每吨800元的保底收购价计算,今年能增收1.6万元。", "",
                        dt.date(2023, 2, 1))) == []
    assert targets(read("何久田是涪陵區珍溪鎮三角村青菜頭種植大戶,今年種植青菜頭5畝多。\n"
                        "涪陵区农连农榨菜股份合作社理事长周银福介绍,今年,合作社计划收购青菜头8000多吨。", "",
                        dt.date(2022, 2, 10))) == []
    assert targets(read("新工厂未来将实现产能70万辆。问界M5自今年3月开启交付后,首月销量超过3000辆。",
                        "环球焦点!2023年7月完工 赛力斯第三工厂计划", dt.date(2022, 9, 5))) == []


def test_a_count_the_names_after_its_colon_spell_out_is_no_target() -> None:
    """b71/n_shenzhen_xuewei_2024: 南山区今年则推出3所集团校:…桂湾学校、…西丽湖学校、…同泽学校."""
    records = read("南山区今年则推出3所集团校:前海创新教育集团桂湾学校、南山实验教育集团西丽湖学校、"
                   "南山区第二外国语学校(集团)同泽学校。", "", dt.date(2024, 9, 2))
    assert targets(records) == []


def test_an_exams_day_and_its_applicants_plan_nothing() -> None:
    """Invented, in the shape of exam news: 6月7日开考 dates an exam; 报名人数 counts who signed up
    (b5/n_gaokao_2024: 全市普通高校招生考试报名35.4万人)."""
    records = read("今年全市报名人数30万人,设考点120个、考场9000个。", "2026年重庆高考6月7日开考", dt.date(2026, 3, 10))
    assert targets(records) == []


def test_exam_places_and_a_parts_share_of_an_amount_are_no_targets() -> None:
    """b73/n_gongwuyuan_zhaolu_2026 岗位招录730人 are exam places; b73/n_tongliang_xiangmu_2026
    年度计划投资251.58亿元,年度计划投资占比64.2% is a part's share of the total just stated."""
    assert targets(read("今年,要求硕士及以上学历的岗位招录730人。", "", dt.date(2026, 1, 10))) == []
    records = read("2026年铜梁拟实施重点项目158个。其中,续建项目91个,总投资816.02亿元,年度计划投资251.58亿元,"
                   "年度计划投资占比64.2%。", "", dt.date(2026, 2, 1))
    assert [r[1] for r in targets(records) if r[2] == "%"] == []


def test_a_seasons_arrangements_a_forecasts_next_clause_and_a_chairmans_goals_plan_nothing() -> None:
    """b76/n_chunyun_guoxinban_2026 介绍2026年春运形势和工作安排 dates a season; b74/n_luhai_qiansanjidu_2025
    有望突破…,总运量将突破… goes on forecasting; b74/n_changan_jituan_2025 a chairman's 表态 gives his
    company's goals; b76/n_lianghui_shudu_2023 信心倍增 measures nothing."""
    assert targets(read("今年春运,西安至延安、包头至银川、广州至湛江、重庆至黔江等22条共3109公里线路、50余座客运车站首次投入春运,"
                        "共增开和优化旅客列车560余列,更加方便沿线群众出行。",
                        "国新办举行新闻发布会,介绍2026年春运形势和工作安排", dt.date(2026, 1, 29))) == []
    assert targets(read("钦州港东站副站长赵坚表示,按照当前发展势头,今年班列发货量有望突破130万标箱,总运量将突破500万标箱。",
                        "", dt.date(2025, 10, 1))) == []
    assert targets(read("“打造具有全球竞争力、拥有自主核心技术的世界一流汽车集团”,董事长朱华荣的表态勾勒出清晰蓝图:到2030年,"
                        "整车产销力争达500万辆,新能源占比超60%,海外销量占比超30%。", "", dt.date(2025, 7, 29))) == []
    assert targets(read("无论是过去的成绩还是未来的规划,您肯定跟我一样,既信心倍增也期待满怀。", "", dt.date(2023, 3, 6))) == []


def test_by_then_after_the_years_plan_dates_the_citys_measure() -> None:
    """b74/n_bitong_xian_2025 (traditional characters as published): 届时 opening a sentence on the
    whole city's measure takes the year of the plan before it."""
    records = read("今年,市住房城鄉建委將着力實施提升軌道客運分擔率攻堅行動,建成開通軌道交通6號線重慶東站段、"
                   "4號線西延伸段等2段線路。屆時,全市軌道交通運營里程將達到593公里,進一步便捷市民出行。",
                   "", dt.date(2025, 12, 26))
    assert [r[:5] for r in targets(records)] == [("轨道交通运营里程", 593.0, "公里", "=", 2025)]


def test_a_clause_opening_on_a_past_year_reports_and_a_goal_set_anew_is_the_measure_before() -> None:
    """b75/p_gesheng_zengzhang_2026: 辽宁2025年GDP增速4.8%,2026年增速目标下调为4.5%; 例如海南,… names
    the province; 2026年调整至5% is the rate named before."""
    records = read("辽宁2025年GDP增速4.8%,2026年增速目标下调为4.5%;江苏2025年GDP增速5.3%,2026年调整至5%。"
                   "例如海南,2025年GDP增速为4%,2026年增长目标大幅上调为6%左右。", "", dt.date(2026, 2, 26))
    assert [(r[0], r[1], r[4], r[5]) for r in targets(records)] == [
        ("地区生产总值增速", 4.5, 2026, "辽宁省"), ("地区生产总值增速", 5.0, 2026, "江苏省"),
        ("地区生产总值增速", 6.0, 2026, "海南省")]


def test_one_lines_opening_and_what_was_done_since_a_past_month_plan_nothing() -> None:
    """b74/n_bitong_xian_2025 (traditional as published): 璧铜线计划开通初期运营车站8座 is one line's
    arrangement; b75/n_jianyan_shiwuwu_2025: 自今年1月起征求…,吸收率达21.4%, told in October."""
    assert targets(read("據了解,璧銅線計劃開通初期運營車站8座,青龍湖站暫不提供客運服務。", "",
                        dt.date(2025, 12, 26))) == []
    assert targets(read("江金權在會上介紹“十五五”規劃建議的起草過程時表示,黨中央自今年1月起徵求各地區及部門意見,"
                        "透過網絡共蒐集有效建言311.3萬多條,最終吸收修改意見452條,吸收率達21.4%。", "",
                        dt.date(2025, 10, 24))) == []


def test_one_thing_a_count_moved_by_jiang_and_a_quoted_grower_plan_nothing() -> None:
    """b77/n_minsheng_shishi_2024 一个约2500平方米的小微停车场 is one thing's size, 将26个…停车场对居民错时开放
    moves its object (将 as 把); b77/n_tese_chanye_2025 a grower named and quoted."""
    title = "持续提升生活品质 各地加快推进民生实事"
    records = read("在九龙坡区朝阳路,一个约2500平方米的小微停车场近日投用,新增停车位上百个。"
                   "今年,垫江县将26个乡镇街道机关、企事业单位停车场对居民错时开放,新增共享停车位1700多个。",
                   title, dt.date(2024, 11, 3))
    assert targets(records) == []
    assert targets(read("巫山县福田镇脆李种植户龚正弟:“用了这个技术之后,今年可能要增产30%,预计可以达到100多万块钱的收入。",
                        "", dt.date(2025, 8, 1))) == []


def test_a_reviews_rates_parts_and_own_items_are_no_targets() -> None:
    """b78/n_changsanjiao_xingdong_2024 完成率均在90%以上 and 17条断头路中已有16条; b78/n_qinghai_wenlv_2025
    and b78/p_heshun_jiaoyu_2025 count their own items; b78/n_youzheng_gongzuohui_2025 (traditional,
    with toneless pinyin as published) 过去这一年 turns its paragraph to a review; b79/n_diaoyan_liangjiang_2023
    a cluster's class; b79/n_laojiu_jindu_fanti_2025 a share of the year's plan."""
    published = dt.date(2025, 1, 8)
    assert targets(read("从评估情况来看,第一轮三年行动计划320项重点任务、第二轮三年行动计划217项重点任务,完成率均在90%以上。"
                        "比如,第一轮三年行动计划中提出“实施省际断头路打通计划”,17条断头路中已有16条建成通车;",
                        "", published)) == []
    assert targets(read("2025年教育工作思路可概括为“坚持一条主线,加快构建五大体系,强化三大保障,落实好25项教育要点”。",
                        "", published)) == []
    records = read("趙衝(chong) 久說,過去這一年,國家郵政局縱深推進快遞進村。加快推進快遞出海,累計建成境外分撥中心297個(ge) ,"
                   "海外倉(cang) 333個(ge) 。", "國家郵政局局長趙衝(chong) 久1月8日在2025年全國郵政工作會(hui) 議上介紹",
                   published)
    assert targets(records) == []
    assert [r.indicator for r in records] == ["建成境外分拨中心", "海外仓"]
    assert targets(read("智能网联新能源汽车是我市重点打造的万亿级主导产业集群。", "", dt.date(2023, 5, 10))) == []
    assert targets(read("2025年,全国计划新开工改造城镇老旧小区2.5万个,前7月新开工1.98万个,占全年计划79.2%。", "",
                        dt.date(2025, 8, 26))) == [("新开工改造城镇老旧小区", 25000.0, "个", "=", 2025, "全国")]


def test_a_ministers_plans_in_the_lead_are_the_countrys() -> None:
    """b57/p_nihong_gengxin_2024 (traditional, with pinyin, as published): 住房城乡建设部部长倪虹…表示
    makes the text the whole country's."""
    records = read("住房城鄉建設部部長(cháng)倪虹9日在十四屆全國人大二次會(huì )議民生主題記者會(huì )上表示,"
                   "2024年住房城鄉建設部將有序推進(jìn)城市更新。今年全國將再改造5萬(wàn)個(gè)城鎮老舊小區,建設一批完整社區。"
                   "此外,還將再改造10萬(wàn)公里以上城市地下管網(wǎng)。",
                   "", dt.date(2024, 3, 9))
    assert [(r[1], r[4], r[5]) for r in targets(records)] == [(50000.0, 2024, "全国"), (100000.0, 2024, "全国")]


def test_a_firms_listing_filing_prospects_and_deals_plan_nothing() -> None:
    """b82 (traditional where published so): 阿维塔…計劃集資約10億美元; 赛力斯公告,…订立新的战略合作协议;
    a broker's 业绩展望; 北碚区与中交…签订重大合作协议,计划投资50亿; a plant's capacity 扩建后; one park's
    forecast of the period (预计在“十四五”期间,该园区将…)."""
    assert targets(read("長安汽車旗下中國電動汽車公司阿維塔科技正考慮來港上市,最快今年下半年向聯交所提交上市申請,"
                        "計劃集資約10億美元。", "", dt.date(2025, 6, 1))) == []
    assert targets(read("9月18日,与华为深度融合的造车新势力赛力斯公告,为与重庆两江新区管理委员会加强合作,订立新的战略合作协议,"
                        "两江新区将为赛力斯投资建设2700亩的汽车产业园厂房、基础设施和相关设备。", "", dt.date(2022, 9, 19))) == []
    assert targets(read("未来业绩展望 - 预计2025-2027年营业收入分别为1606.7亿元。", "", dt.date(2025, 10, 30))) == []
    assert targets(read("在签约仪式现场,北碚区与中交重庆投资发展有限公司代表签订重大合作协议,计划投资50亿建设中交产业园(重庆)项目,"
                        "分两期实施。", "", dt.date(2022, 8, 23))) == []
    assert targets(read("常州工厂主要生产增程系列车型,总共两条产线,2022年扩建后年最大产能是20万辆,今年上半年来其产能也在不断爬坡。",
                        "", dt.date(2023, 7, 1))) == []
    assert targets(read("消息称,预计在“十四五”期间,该园区将完成布局芯片产业从设计、研发、封装测试到应用全产业链,"
                        "招商企业300家左右,年产值超过30亿元。", "", dt.date(2024, 5, 1))) == []


def test_a_list_of_firms_named_and_a_policys_terms_of_support_are_no_targets() -> None:
    """b82/n_dujiaoshou_gongshi_2024: 拟认定为 names the firms a list recognises; 按到位金额的0.5%,最高予以
    500万元、100万元资金奖补 are terms of support; 估值 is a firm's; the plan's own counts stay."""
    records = read("3月25日,重庆市经信委发布2024年度市级独角兽及瞪羚企业评选认定公示名单,其中7家企业拟认定为重庆市独角兽企业,"
                   "16家企业拟认定为重庆市潜在独角兽企业,145家企业拟认定为重庆市瞪羚企业,其中单个独角兽企业将最高予以500万元奖补资金。\n"
                   "去年底,重庆市印发《重庆市独角兽、瞪羚企业培育工作方案(2023—2027年)》,提出到2027年,全市计划培育瞪羚企业300家、"
                   "潜在独角兽企业30家、独角兽企业15家,并且对独角兽、潜在独角兽企业在首次融资时,将按到位金额的0.5%,"
                   "最高予以500万元、100万元资金奖补。\n"
                   "要求潜在独角兽、独角兽企业成立分别不超9年和10年,估值分别在1亿美元和10亿美元以上;"
                   "“大”是从营收和融资规模看,要求瞪羚企业最低营收额在1000万元以上。", "", dt.date(2024, 3, 26))
    assert [(r[1], r[2], r[4]) for r in targets(records)] == [(300.0, "家", 2027), (30.0, "家", 2027), (15.0, "家", 2027)]


def test_items_listed_after_done_report_and_a_two_character_countys_government_names_it() -> None:
    """b81/n_hangzhou_shishi_wancheng_2024: 已完成整治…100公里、打造亲水节点80个…; b81/p_yangxian_shishi_2024
    (traditional as published): 洋縣人民政府關于印發… makes the text 洋县's."""
    assert targets(read("(十)已完成整治幸福河湖农村水系100公里、打造亲水节点80个、改造提升单村水站252座、更新改造农村管网1082公里,"
                        "整体完成率102.3%。", "", dt.date(2024, 12, 20))) == []
    records = read("洋縣2024年十大民生實事項目清單\n新建田間道路38公里。", "洋縣人民政府關于印發洋縣2024年十大民生實事項目的通知",
                   dt.date(2024, 4, 2))
    assert [(r[1], r[5]) for r in targets(records)] == [(38.0, "洋县")]


def test_some_of_many_a_capacity_a_tiers_label_and_a_base_compared_with_are_no_targets() -> None:
    """b84: 有的剑指500万辆,有的豪言翻倍增长 (n_chexiao_mubiao_2025); 可满足5万学生的办学需求 after 交付使用后
    (n_jiangxi_gaoxiao_2023); 第二阵营(500-1000亿)企业4家 (n_fangqi_xiaoshou_2024); 与2025年提前批的1000亿元相比
    (n_hongguan_zhanwang_2026); a site the reworded copy says 位在 (n_yiyuan_xinjian_2024)."""
    published = dt.date(2025, 12, 1)
    assert targets(read("回望年初各大车企立下的雄心壮志,有的剑指500万辆,有的豪言翻倍增长,有的押注新品牌破局。", "", published)) == []
    assert targets(read("预计一期可实现招生一万人,2025年整体建成交付使用后,可满足5万学生的办学需求。", "", dt.date(2023, 6, 1))) == []
    assert targets(read("第二阵营(500-1000亿)企业4家,较去年同期减少6家,销售额均值577.8亿元。", "", dt.date(2024, 7, 1))) == []
    assert targets(read("“两重”建设方面共安排约2200亿元,与2025年提前批的1000亿元相比大幅增加。", "", dt.date(2026, 1, 21))) == []
    assert targets(read("病院位在吴中区太湖新城龙翔路以西,天鹅荡路以北,计划用地约123亩。", "", dt.date(2024, 9, 5))) == []


def test_a_goal_word_after_a_comma_of_items_opens_its_own_item_and_a_projects_length_is_its_size() -> None:
    """b84/n_yunnan_lvju_2025 做实打响“旅居云南”新品牌、力争旅居人数达600万 (not b3's 高于全国平均水平、
    力争达到5万元以上, the same subject's second value); b85/n_fagaiwei_jizhehui_2020 加快璧铜线等208公里项目建设."""
    records = read("报告指出,2025年,云南将深化农文旅融合,做实打响“旅居云南”新品牌、力争旅居人数达600万。", "",
                   dt.date(2025, 1, 18))
    assert [r[0] for r in targets(records)] == ["旅居人数"]
    records = read("到2027年,全体居民人均可支配收入高于全国平均水平、力争达到5万元以上。", "", dt.date(2023, 3, 1))
    assert [(r[0][:11], r[1]) for r in targets(records)] == [("全体居民人均可支配收入", 50000.0)]
    assert targets(read("今年将启动第四期项目,加快璧铜线等208公里项目建设。", "", dt.date(2020, 1, 10))) == []
