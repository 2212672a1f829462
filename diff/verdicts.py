"""Verdicts: what a number read in its sentence is. Its kind in the text around it, its unit,
whether it gives a record at all, its kind once its indicator is read, and its region."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diff.context import PAIR
from diff.dating import only_this_year, past_reference, plans_its_own_year, reported_after
from diff.deadlines import HOLIDAYS, Deadline
from diff.exclusions import never_record
from diff.goals import GOAL_LIST
from diff.items import VERB_ONLY, VERBS_ONLY, measured, names_counted
from diff.kinds import CLAUSE_PLAN_MARKERS, EVENT, PLAN_MARKERS, frame_at
from diff.phrases import CHONGQING, NATIONAL, NATIONAL_MEASURE, clause_year
from diff.projects import describes_place, describes_projects, facility_output, project_size
from diff.quantities import MEASURE_WORDS, Candidate

if TYPE_CHECKING:
    import datetime as dt

    from diff.extract import Reading

#: A completion rate shared by the items named before it (…217项重点任务,完成率均在90%以上).
_COMPLETION_RATE = re.compile(r"完成率[均都]?(?:在|达到|达|为|超过)?$")
#: What a size class tells of a subject (…是我市重点打造的万亿级…集群): the class it belongs to.
_IS_ONE_OF = re.compile(r"是[^,;。是]{0,12}的$")
#: An indicator that names an amount of money, whose unit a bare multiple leaves out.
_MONEY_NAMED = re.compile(r"(?:投资|资金|收入|营收|产值|总值|GDP|销售额|交易额|总额|金额)$")
#: The unit a bare multiple takes from its indicator (常住人口3200万, 接待游客人次突破2亿).
_NAMED_UNIT = {"人口": "人", "人次": "人次", "人数": "人", "户数": "户"}
#: An indicator that counts what both places build together (川渝共建项目, 成渝共建).
_JOINT = re.compile(r"川渝(?:共建|合作|共同)|成渝(?:地区双城经济圈)?(?:共建|合作)|共建成渝")
#: People named right after a bare multiple (200万城乡居民).
_PEOPLE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:居民|群众|农民|人口|学生|职工|市民)")
#: A count whose noun runs on into a share (42个断面水质优良比例): the set the share measures.
_BASE_OF_SHARE = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:比例|比重|占比|优良率|达标率|合格率|覆盖率)")
#: A quantity that qualifies a noun a later count in its clause counts: a class threshold.
_COUNTED_LATER = re.compile(r"(?:以上|以下)?的[^,;。\d]{0,20}?(?:\d+|[一二两三四五六七八九十]+)(?:个|家|项|所|座|条|批)")
#: How every _COUNTED_LATER match opens.
_COUNTED_LATER_OPENINGS = ("的", "以上的", "以下的")
#: A number stated with 为/是 and no plan word (今年,重庆岗位需求总数为242万人): a fact.
_COPULA = re.compile(r"(?:数|量|额|值|率|规模)(?:为|是)$")
#: How far a plan has got (投资进度, 完成率) or how a plan compares with last year's plan: what
#: an indicator ends with.
_PROGRESS = ("进度", "完成率", "计划投资增速", "计划投资增幅", "占计划", "占年度计划", "占全年计划")
#: Progress values listed for the items before them (…等计划通车项目完成总体形象进度约96.5%、67.7%、68%).
#: A percentage listed before the next (96.5%、): what both _PROGRESS_LISTED and _EARLIER_SHARES skip.
_LISTED_PERCENT = r"\d+(?:\.\d+)?%、"
_PROGRESS_LISTED = re.compile(r"进度(?:约|达|达到|为)?(?:" + _LISTED_PERCENT + ")*$")
#: A plan word of a number's own clause (重庆将力争高新技术企业突破1万家): it plans, though the
#: section around it reviews.
_OWN_PLAN = re.compile(r"力争|确保")
#: Each of a set of places, for which a count is a quota of its own (分区县确立…, 每个区县要打造1个…).
_EACH_UNIT = re.compile(r"(?<![部大])分区县|每个(?:区县|区|县|乡镇|镇|街道|村)|每(?:区县|乡镇|镇|村)(?!民)")


def _quota_for_each(sentence: str, position: int) -> bool:
    """Whether the part of a sentence that holds ``position`` (from its last ; or :; a quota's
    subject may stand a comma or two before its count) sets a count for each of a set of places."""
    if "每" not in sentence and "分区县" not in sentence:
        return False  # every _EACH_UNIT match holds one of them: most sentences are not scanned
    part = max(sentence.rfind(mark, 0, position) for mark in ";:") + 1
    return bool(_EACH_UNIT.search(sentence, part, position))


#: The month from which a sentence's own 今年 looks back on the year (a year-end review:
#: 今年,全区新建5G基站1000个): only the words around it can still plan.
_YEAR_END = 11


#: A share of a plan's own amount (完成年度目标的42%, 占年度任务的42%, 完成季度量化指标的121%).
_SHARE_OF_PLAN = re.compile(r"(?:目标|任务|计划|指标)(?:任务)?的$"
                            r"|(?:占|完成)(?:年度|全年)?(?:目标|任务|计划)[\u4e00-\u9fff]{1,6}?的$")
#: An amount of money stated before a share (…251.58亿元,…占比64.2%): the share is its part of a total.
_AMOUNT_STATED = re.compile(r"\d(?:万|亿)?元")
#: An office named alone (县交通局, 市发改委): who is in charge, not what is measured.
_OFFICE = re.compile(r"[省市县区][\u4e00-\u9fff]{1,6}(?:局|委|办)")
_OFFICE_LAST = frozenset("局委办")
#: The shares listed before the last (…的116.24%、100.06%、91.12%): all of the same plan.
_EARLIER_SHARES = re.compile("(?:" + _LISTED_PERCENT + ")+$")
#: A holiday or an event whose coming numbers a 预计 forecasts (春运…预计达, 预计“五一”期间…).
_SEASON_FORECAST = re.compile(HOLIDAYS + "|" + EVENT.pattern)


#: A forecast opening the period it dates (预计在“十四五”期间, 预计到2027年).
_FORECAST_OPENING = re.compile(r"预计[在到于]?$")
#: One park or project as the subject (该园区将…).
_ONE_PARK = re.compile(r"该(?:园区|产业园|基地|项目|工程)")
#: The month a period started (自今年1月起, 从3月份开始).
_SINCE_MONTH = re.compile(r"[自从](?:今年)?(?P<month>\d{1,2})月份?(?:\d{1,2}日)?(?:起|开始)")


def _since_a_past_month(prefix: str, published: dt.date) -> bool:
    """Whether ``prefix`` tells of a period that started in a month of the publication year
    already past (自今年1月起, in an October text): what was done since, not a plan."""
    return any(int(match["month"]) < published.month for match in _SINCE_MONTH.finditer(prefix))


def kind_in_context(reading: Reading, framed: str, number: Candidate, prefix: str, tail: str,
                     deadline: Deadline | None, clause_start: int) -> str:
    """A number's kind from the frame words before it and what the text around it does: a
    report reports it, the words after it can report it (比去年增加…), and a change from a past
    year (较2024年增长120%) is measured, not planned.

    :param framed: the sentence with 将 as 把 masked (:data:`_DISPOSAL`)
    :param prefix: the words of the number's item before it
    :param tail: the comparator text right after the number
    """
    sentence, published = reading.sentence, reading.published
    if (reading.context.report or reading.context.goes_on_reporting(sentence)) \
            and not plans_its_own_year(framed[:number.start], deadline, clause_start, published) \
            and not ("目标" in sentence and GOAL_LIST.search(sentence, 0, number.start)) \
            and not (("力争" in framed or "确保" in framed) and _OWN_PLAN.search(framed, clause_start, number.start)):
        return "statistic"  # before the frame words are read: a report overrides them
    # the size classes a verb lists (打造A等3个…集群,B等3个…集群) are all its objects
    this_year = only_this_year(deadline, published)
    kind = frame_at(framed[:number.start], deadline.start if deadline else None,
                    0 if number.counted else clause_start, this_year,
                    dated_plans=not (this_year and published is not None and published.month >= _YEAR_END))
    if kind == "target" and not PLAN_MARKERS.search(prefix) \
            and reported_after(sentence, number.end + len(tail), deadline, published):
        return "statistic"
    if kind == "target" and "预计" in sentence and not PLAN_MARKERS.search(sentence) and (
            (this_year and not CLAUSE_PLAN_MARKERS.search(sentence))
            or ((deadline is None or deadline.end == 0 or this_year) and _SEASON_FORECAST.search(sentence)
                and "预计" in sentence[:number.start])):
        # 今年,巫山脆李种植面积30万亩,预计产量10万吨: what the year has and will give; 预计“五一”期间
        # 全国高速公路日均流量约为6350万辆 under a lead-in's 今年: a season's forecast, whatever frames it
        return "statistic"
    if kind == "target" and not (deadline and (deadline.strong or (
            published and deadline.year and deadline.year > published.year))) \
            and past_reference(sentence[clause_start:number.start], published):
        return "statistic"  # 较2024年增长120%: a change from a past year (not 2027年,…较2020年降16%)
    if kind == "target" and deadline is not None and deadline.strong and deadline.end > 0 \
            and _FORECAST_OPENING.search(sentence, max(0, deadline.start - 3), deadline.start) \
            and "该" in sentence and _ONE_PARK.search(sentence, 0, number.start) \
            and not PLAN_MARKERS.search(sentence, 0, number.start):
        # 预计在“十四五”期间,该园区将…招商企业300家左右: one park's forecast of the period (not a
        # government's: 预计到2010年,入境游客将突破100万人次)
        return "statistic"
    if kind == "target" and published and "起" in sentence[:number.start] and _since_a_past_month(
            sentence[:number.start], published) and not (deadline and deadline.strong):
        return "statistic"  # 党中央自今年1月起征求…意见,…吸收率达21.4% (in October): since then, done
    if kind == "target" and deadline is not None and deadline.end <= clause_start and published \
            and (clause_year(sentence, clause_start) or published.year) < published.year:
        return "statistic"  # 2026年增速目标下调为4.5%;江苏2025年GDP增速5.3%: its own clause dates it, past
    return kind


def unit_of(number: Candidate, indicator: str, sentence: str, after: str, tail: str) -> str:
    """A number's unit, or the one its indicator or the words after it imply for a bare
    multiple (计划完成投资1000亿: 元; 解决200万城乡居民的饮水安全问题: 人)."""
    unit = number.unit or _NAMED_UNIT.get(indicator[-2:], "")
    if not unit and number.multiplier_only and (
            _MONEY_NAMED.search(indicator) or (indicator.endswith("规模") and "亿" in sentence[
                number.start:number.end])):
        unit = "元"  # 计划完成投资1000亿, 在保规模从420亿跃升至2000亿: money, its 元 left out
    if not unit and number.multiplier_only and _PEOPLE_AFTER.match(after, len(tail)):
        unit = "人"  # 解决200万城乡居民的饮水安全问题
    return unit


def no_record(reading: Reading, number: Candidate, prefix: str, after: str, tail: str,
               indicator: str, unit: str, kind: str, planned: bool, consumed: int,
               goal_listed: bool) -> bool:
    """Whether a number gives no record: cut off with its noun, one that news reports but plans
    never hold, or a size, set or share that is no quantity of its own (the numbers of an
    event or a company, from ``reading.off_at`` on, are never read)."""
    sentence = reading.sentence
    if (reading.cut and _lost_its_noun(sentence, consumed, unit, indicator)) \
            or never_record(sentence, number.start, indicator, unit, kind, planned):
        return True
    if unit == "%" and not tail and prefix.endswith("占比") and _AMOUNT_STATED.search(sentence, 0, number.start):
        return True  # 年度计划投资251.58亿元,年度计划投资占比64.2%: the share of the amount just stated
    if indicator[-1:] in _OFFICE_LAST and _OFFICE.fullmatch(indicator):
        return True  # 县交通局 95%: a table's office in charge beside its progress, no measure
    if unit not in MEASURE_WORDS and unit != "%" and not goal_listed and project_size(after, len(tail)):
        return True  # 启动建设1万亩柑橘果园生态示范基地: the size of one project, not a target
    if unit in MEASURE_WORDS and ("比" in after or "率" in after) \
            and _BASE_OF_SHARE.match(after, len(tail)):  # every share word holds 比 or 率
        return True  # 纳入国家考核的42个断面水质优良比例达到88.1%: the set a share is taken of
    if unit in MEASURE_WORDS and names_counted(prefix, after, number.value):
        return True  # 落实城口、巫溪、酉阳、彭水4个国家级…重点帮扶县: the count of the names listed
    if _quota_for_each(sentence, number.start):
        return True  # 分区县确立原则上不超过2个主导产业: a quota for each district, not the city's goal
    if after.startswith(_COUNTED_LATER_OPENINGS, len(tail)) \
            and _COUNTED_LATER.match(after, len(tail)):
        return True  # 年进出口额超5亿元的跨境电商产业带新增3个: the class the count counts
    # 完成年度目标的42%, 分别完成年度计划的116.24%、100.06%: how far a plan has got, no quantity
    if unit != "%":
        return False
    shares = _EARLIER_SHARES.search(sentence, 0, number.start) \
        if sentence.endswith("%、", 0, number.start) else None  # how every _EARLIER_SHARES match ends
    share_end = shares.start() if shares else number.start
    return sentence.endswith("的", 0, share_end) and bool(_SHARE_OF_PLAN.search(sentence, 0, share_end))


def kind_as_read(kind: str, sentence: str, number: Candidate, prefix: str, after: str,
                  indicator: str, deadline: Deadline | None, share: bool, goal_listed: bool,
                  planned: bool) -> str:
    """A number's kind once its indicator is read: a goal list's item plans; a survey's share,
    a measurement, a facility's output, a plan's progress and a project's description report."""
    if goal_listed:
        kind = "target"  # 确定了建成100万亩优质粮油基地…的发展目标
    elif not planned and (share or (measured(sentence, number)
                                    and not (deadline is not None and deadline.end == 0))):
        # 75%的百强企业…完成技术改造: a survey's finding; 今年…水稻种植近60万亩: a measurement
        kind = "statistic"
    if kind == "statistic":
        return kind  # what follows only turns a target into a statistic: not scanned for
    if facility_output(sentence, number.start) or indicator.endswith(_PROGRESS) \
            or ("完成率" in prefix and _COMPLETION_RATE.search(prefix)) \
            or ("进度" in sentence and _PROGRESS_LISTED.search(sentence, 0, number.start)) \
            or (prefix[-1:] in ("为", "是") and _COPULA.search(prefix) and not planned) \
            or (("惠及" in prefix or "受益" in prefix) and _REACH.search(prefix)):
        # 达产后将年产…超28万辆; 年度计划投资进度达138%; 计划投资增长253.7%; 惠及3.58万人
        return "statistic"
    if number.plan_only and prefix.endswith("的") and _IS_ONE_OF.search(prefix):
        return "statistic"  # 智能网联新能源汽车是我市重点打造的万亿级主导产业集群: what it is
    if describes_projects(sentence, number.start, indicator, after) \
            or describes_place(sentence, number.start):
        return "statistic"  # 项目90个、总投资2.38万亿元; 项目集中开工60个,计划投资134亿元
    if "全球" in sentence or "世界" in sentence:
        if _WORLD_MARKET.search(sentence, 0, number.start):
            return "statistic"  # 全球共享出行市场规模…预计到2028年将保持8.13%的年增长率: no government's
    return kind


#: A market or trade the world over opening a clause (2023年全球共享出行市场规模…): its figures and
#: forecasts are no government's (not 辐射全球市场的…体系, a plan's reach).
_WORLD_MARKET = re.compile(r"(?:^|[,;:])(?:(?:19|20)\d{2}年|目前|当前|近年来)?,?(?:全球|世界)[^,;。]{0,12}?(?:市场|行业)")
#: How many people a measure reaches (维修干支渠道16.43公里,…惠及3.58万人): an effect it is expected
#: to have, not a quantity committed to.
_REACH = re.compile(r"(?:惠及|受益)(?:群众|居民|人口|农户|家庭)?(?:约|近|超过?)?$")


def region_of(reading: Reading, number: Candidate, indicator: str) -> tuple[str, str]:
    """A record's region and where it came from: the sentence's, a list both places share
    (川渝共建项目), the country's own measure (国内生产总值), or the text's."""
    region, region_source = reading.region_at(number.start)
    # every _JOINT name holds 渝, every NATIONAL_MEASURE match 国内生产总值: most are not scanned
    if region == CHONGQING and "渝" in indicator and _JOINT.search(indicator):
        return PAIR, "sentence"  # 川渝共建项目320个: both places' list
    if region_source != "sentence" and "国内生产总值" in indicator and NATIONAL_MEASURE.search(indicator):
        return NATIONAL, "sentence"  # 国内生产总值增长5%左右: the country's
    return region, region_source


#: An indicator that names its measure before a count (新能源汽车产量, 数量).
_MEASURE_NAMED = re.compile(r"(?:量|数|规模)$")


def _lost_its_noun(sentence: str, end: int, unit: str, indicator: str) -> bool:
    """Whether a number at the end of a text the page cuts off may have lost the noun after it:
    a count (…(两江新区)3家, not 产量突破50万辆), a number with only a verb before it
    (…将促成100万吨), or one with no unit yet (…新增城镇就业60万)."""
    verb = VERB_ONLY.match(indicator)
    counted = unit in MEASURE_WORDS and not _MEASURE_NAMED.search(indicator) \
        and not (verb and len(indicator) - verb.end() >= 2)  # 改造老旧小区45个: the noun came first
    return not sentence[end:].strip() and (counted or not unit or len(indicator) <= 2
                                           or indicator in VERBS_ONLY)
