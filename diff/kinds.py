"""Kinds: whether a number is a target, a statistic, or neither, from the words around it."""

from __future__ import annotations

import re

#: Words that make what follows a reported fact (not 目标已经明确: the goals are set, not met).
STATISTIC_MARKERS = re.compile(
    r"已经(?!明确|确定|下达)|已(?![经知明确定])|截至|截止|以来|年来|了(?<![为除]了)(?<!确定了|提出了|明确了|部署了|票决了|审议了|制定了|下达了)(?![解])|同比|比上年|较上年|比去年|较去年|去年(?<![比较]去年)|上年(?<![比较]上年)"
    r"|过去|目前(?<![从项节题科]目前)(?!期)|至今|眼下|上周|上月|日前(?<![\d十]日前)|数据显示|统计显示|据(?:初步)?统计|此次|本次|完成了|实现了|达到了|共有|现有(?<![造固升用善扩活合]现有)|拥有(?![量率])|目前有|建有(?![率量])|设有(?<!建设有)(?!力)|有(?<![没具享占]有)$|排名"
    r"|建成后|投产后|达产后|该项目|该片区|该小区|该工程|该公园|该学校|该医院|该场馆|该基地|片区(?:总建筑面积|总面积|占地面积|涉及)"
    r"|小区(?:总建筑面积|总面积|占地面积|涉及)|有望|测算|估算|前三季度|上半年|一季度|前[一二三四五六七八九十两]{1,2}个?月"
    r"|近(?:[两三四五六七八九十]|\d{1,2})年(?!内|来)"
)
#: A span of months (1-5月, 1至11月) reports a fact too. Kept apart so that every word above
#: opens with a literal character (片区…|小区…, never (?:片区|小区)…), which lets the scan skip
#: most positions: three times faster on the real corpus. It opens with one digit (\d\d?, not
#: \d{1,2}), so the regex engine skips to the digits.
MONTH_SPAN = re.compile(r"\d\d?(?:-|—|至|到|~)\d{1,2}月")
#: Words that report a fact only when no deadline dates the sentence (到2027年底,累计建成50万个).
UNDATED_STATISTIC_MARKERS = re.compile(r"累计|共计|成功|预计")
#: 共 before what its clause tallies (今年,梁平区共种植水稻约43.6万亩), not 中共, 公共 or 共建.
_TALLY = re.compile(r"共(?<![中公]共)(?![同建享治商赢融富青产])")
#: Words that make what follows a plan (会议要求,… too); 争取 after what tallies or reports it (今年共争取3.9亿元
#: 中央资金, 成功争取) or before 到 has obtained, not planned.
PLAN_MARKERS = re.compile(
    r"力争|确保|争取(?<![共计已功]..)(?!到)|目标|预期|计划(?<!累计划)(?<!原计划)(?<!按计划)(?<!招生计划)(?<!招聘计划)(?!招生|招收|录取)|力求|规划|谋划(?!项目|类)|拟(?<![未已]拟)(?!认定|入选|推荐|表彰|授予|命名)|任务"
    r"|要求(?<!符合要求)(?<!达到要求)")
#: 将 or 要 that plans what follows (重庆将…, 要…), not 即将, 将近 or 需要, 要素.
WILL = re.compile(r"将(?<!即将)(?!近|其|之)|要(?<![需重主只]要)(?![素求点])")
#: Weaker plan words that frame only the numbers of their own clause (推动…跃上4万亿台阶).
CLAUSE_PLAN_MARKERS = re.compile(
    WILL.pattern + r"|推动|努力|打造(?!出)|加快迈向|迈向|争创|使(?<![致促迫]使)(?![用命得])"
    r"|年度投资(?<!完成年度投资)"
)
#: What makes a weak plan word right after it a report (已打造, 已经推动).
_DONE = ("已", "已经")
#: A review of the years up to now (近年来, 2020年以来): its 推动, 打造 tell what was done.
_SINCE = re.compile(r"以来|年来")
_WILL_WORDS = ("将", "要")
#: A subject and 将/要 opening a sentence (2019年重庆将…), or someone's words (“今年我们将新建…): the plan
#: governs the clauses that follow (在区县,重庆将实施新一轮公共卫生机构基础设施建设,完成90个…).
_SUBJECT_WILL = (
    r"(?:(?:19|20)\d{2}年)?(?:[\u4e00-\u9fff]{0,2}(?:全市|全区|全县|我市|我区|我县|我们|重庆|市里|各区县|今年|明年)"
    # or a government or a place (上海各区也将, 川渝两地将, 市文化旅游委将), not an estate or a park
    r"|[\u4e00-\u9fff]{0,8}?(?:市|省|县|区(?<![小景园社校片]区)|两地|各地|政府|部门|委(?<!居委)|局))"
    r"(?:我们|我市|我区|我县)?(?:还|也|仍)?(?P<will>将|要)(?!近|其|之|素|求|点)"
)
#: The subject at the sentence's start (matched there only), and after a clause break: a
#: pattern of its own that opens with the break, so the regex engine skips to the breaks
#: (one pattern opening with ^ or a break was tried at every position).
_SUBJECT_WILL_OPENING = re.compile("“?" + _SUBJECT_WILL)
_SUBJECT_WILL_AFTER_BREAK = re.compile("[,:]" + _SUBJECT_WILL)
#: Words that forecast what will be, whoever plans it.
FORECAST = re.compile(r"预测|估算|测算|据估计")
#: A figure reckoned from a price or a rate (按照…计算).
_COMPUTED = re.compile(r"按(?:照)?[^,;。]{0,20}计算")
#: A day from which a service or a rule starts (从下周一起, 5月1日起, 明天起), matched before a 起.
_FROM_DAY = re.compile(r"(?:下周[一二三四五六日天]?|下个?月|本周[一二三四五六日天]?|\d{1,2}月\d{1,2}日|明天|后天)$")


def _from_day(prefix: str) -> bool:
    """Whether a 起 of ``prefix`` follows a day (从下周一起): only the few characters before each
    起 are matched, as the day's words open with no one character the engine could skip to."""
    position = prefix.find("起")
    while position >= 0:
        if _FROM_DAY.search(prefix, max(0, position - 6), position):
            return True
        position = prefix.find("起", position + 1)
    return False
#: The visitors, passengers or deals an event or a holiday is expected to draw.
_VISITORS_FORECAST = re.compile(r"预计(?:可)?(?:吸引|接待|参与|观看|到场|发送|迎来|签约|成交)")
#: Events whose coming numbers are forecasts, not policy targets (博览会将吸引观众10万人次).
EVENT = re.compile(
    r"博览会|博会|洽会|交会|展会|展览|活动|比赛|赛事|演出|论坛|大会|音乐节|文化节|旅游节|马拉松|假期|黄金周|春运"
    r"|气温|水位|降雨|降水|洪峰|台风|气象|寒潮|高温|车流量|客流量|人流量|预测"
)
#: The days of an event (科技活动周期间, 进博会期间; not a holiday's: 春节期间各区发放消费券): what
#: happens in them is the event's programme, not a plan for the year.
_EVENT_PERIOD = re.compile(r"(?:周|月|会|赛|展|活动)期间")
#: Plan words used to report a result against a plan (高于预期目标, 完成年度目标任务).
#: Every alternative opens with its word, so the regex engine skips to the words.
MET_PLAN = re.compile(
    "|".join(word + r"了?(?:年度|全年|既定)?(?:预期|计划|目标|任务)(?:目标)?(?:任务)?"
             for word in ("高于", "好于", "低于", "超出", "快于", "慢于", "优于", "完成", "实现", "超额完成",
                          "达到", "确定的", "超过", "超"))
    + r"|计划总投资|完成“?十[三四五六]五”?规划|已(?:初步)?(?:规划|计划)"
    r"|计划(?:投资)?完成(?:比例|率|进度|情况)"
)
#: Every MET_PLAN match holds one of these words: sentences without one are not scanned for it.
MET_PLAN_WORD = re.compile(r"预期|计划|目标|规划|任务")
#: Quoted names and titles (“八项行动计划”, 《规划纲要》) and 预期寿命: their words frame nothing.
NAMES = re.compile(r"“[^”]*”|《[^》]*》|预期寿命")
#: A relative growth multiple reported with a statistic (较直辖初增长超20倍): never a record.
GROWTH_MULTIPLE = re.compile(r"增长(?:了)?(?:超过|超|近|约|逾)?$")


#: One day's operations (当日计划起降航班721架次): never a policy target.
ONE_DAY = re.compile(r"当日|当天|今日|昨日|昨天|首日")
#: A comparison with last year right after a number (报名35.4万人,比去年增加1.7万人), or
#: the progress of what it counts (74个电网市级重点项目加快建设, 10所高职院校圆满完成…, 2.1万个,
#: 完成年度目标的42%; not 达到7.8张,已建成医联体200个, where 已 reports the next item), or the base a
#: plan builds on (在…4大万亿级优势产业集群的基础上), or the whole its part is of (17条断头路中已有16条…):
#: the number is a reported count.
LAST_YEAR_AFTER = re.compile(
    r"[^。;!?]{0,3}?(?:比去年|较去年|比上年|较上年|同比|(?:比|较)(?:19|20)\d{2}年)"
    r"|[^,;。!?]{0,14}?(?:加快(?:实施|建设|推进)|加速建设|全面建设|全面推进|有序推进|顺利推进|正在|在建)"
    r"|[^。;!?]{0,3}?(?:高于|低于|快于|慢于)全国"
    r"|[^。;!?]{0,3}?已(?:经)?(?:提前)?(?:完成|建成|开工|投用|落地|实施|累计|完工|竣工|投产|通车|交付)(?=[,。;]|$)"
    r"|[^,;。!?]{0,8}?(?:圆满完成|顺利完成|超额完成)"
    r"|[^。;!?]{0,2}?(?:完成|占)了?(?:年度|全年|季度|半年)?(?:量化)?(?:目标|任务|计划|指标)"
    r"|[^,;。!?]{0,14}?的基础上"
    r"|[^,;。!?]{0,10}?中(?:已有|已经有)"
)
#: A plan for the year whose sentence names no year (主要预期目标是:GDP增长7%左右, 年计划投资
#: 624.5亿元): the publication year's. Every alternative opens with its word (the numeral
#: checked behind 年计划), so the regex engine skips to the words.
ANNUAL_PLAN = re.compile(r"主要预期目标|预期目标|年度目标|年度任务|目标任务|年度计划"
                         r"|年计划(?<![\d〇零一二三四五六七八九十]年计划)|全年")


def frame_at(prefix: str, deadline_position: int | None, clause_start: int = 0,
             only_this_year: bool = False, dated_plans: bool = True) -> str:
    """``"target"`` or ``"statistic"``: the nearest frame word before a number decides.

    One day's operations are always facts. A forecast (预计, 有望) makes a later 将 or 要 part of
    it (预计平均亩产526.5公斤,总产量将达到22.25万吨; 有望突破130万标箱,总运量将突破500万标箱), and a
    sentence dated only by its own 今年 can still forecast or tally (今年…预计, 今年…累计) or state
    what the year has (今年…面积达42.3万亩) when no plan word precedes.

    :param prefix: the sentence text before the number
    :param deadline_position: offset of the last deadline before the number, or None
    :param clause_start: where the number's clause starts; weak plan words count only after it
    :param only_this_year: the deadline is the sentence's own 今年 (or the bare current year)
    :param dated_plans: whether the deadline itself plans (False: only the words around it do)
    """
    # every ONE_DAY word holds 日 or 天, every FORECAST word 测 or 估: most prefixes are not scanned
    if (("日" in prefix or "天" in prefix) and ONE_DAY.search(prefix)) \
            or (("测" in prefix or "估" in prefix) and FORECAST.search(prefix)
                and not PLAN_MARKERS.search(prefix)):
        return "statistic"  # 据预测,到2030年,全国老年人口将达到3亿: a forecast, however dated
    if "计算" in prefix and _COMPUTED.search(prefix):
        return "statistic"  # 按照每吨800元的保底收购价计算,今年能增收1.6万元: a reckoning
    if "起" in prefix and _from_day(prefix):
        return "statistic"  # 从下周一起,重庆将新开3条公交线路: a service from a day, no plan's goal
    if "预计" in prefix and _VISITORS_FORECAST.search(prefix):
        return "statistic"  # 将于2026年举办第5届花椒节,预计吸引游客10万人次: an event's forecast
    if "期间" in prefix and _EVENT_PERIOD.search(prefix):
        return "statistic"  # 今年科技活动周期间,全县将开展科普活动50场: the event's programme
    if "预计" in prefix and "投" in prefix:
        prefix = _EXPECTED_SPENDING.sub(_planned, prefix)
    if MET_PLAN_WORD.search(prefix):
        prefix = MET_PLAN.sub(_mask, prefix)
    if "半年" in prefix or "季度" in prefix:
        prefix = _PLANNED_PERIOD.sub(_mask, prefix)
    if "“" in prefix or "《" in prefix or "预期寿命" in prefix:
        prefix = NAMES.sub(_mask, prefix)
    plan = _last_start(PLAN_MARKERS, prefix)
    if not EVENT.search(prefix) and "预计" not in prefix and "有望" not in prefix:
        since = _SINCE.search(prefix) if "来" in prefix else None
        # undated, a 将 no subject leads tells what will happen (将收获小麦50万吨), not who plans it
        subjects = _subject_wills(prefix) \
            if deadline_position is None and ("将" in prefix or "要" in prefix) else set()
        plan = max(plan, _last_weak_plan(prefix, clause_start, since, deadline_position, subjects))
        # SUBJECT_WILL needs its 将 or 要: a prefix without either is not scanned
        subject_will = (_SUBJECT_WILL_OPENING.match(prefix, 0, clause_start)
                        or _SUBJECT_WILL_AFTER_BREAK.search(prefix, 0, clause_start)) \
            if "将" in prefix or "要" in prefix else None
        if subject_will:  # 重庆将实施…,完成90个…,建成…162个: 将 after the subject leads the chain
            plan = max(plan, subject_will.start("will"))
    if only_this_year and plan < 0 and (_STATE.search(prefix)
                                        or _STATED_BEFORE.search(prefix, _clause_before(prefix, clause_start))
                                        or "预计" in prefix or prefix.startswith("“")):
        # 今年忠县种植水稻面积达42.3万亩: what this year has, no plan word; “今年是一个丰收年,
        # 基地2000亩…: someone's account of the year
        return "statistic"
    if deadline_position is not None and dated_plans and not (
            only_this_year and _TALLY_UP_TO.search(prefix, 0, deadline_position)):
        # 截至6月底,重庆市今年开工建设…88个: a tally up to now dates its year, it plans nothing
        plan = max(plan, deadline_position)
    stat = _last_start(STATISTIC_MARKERS, prefix)
    if stat >= 0 and prefix.startswith(_COMPARED, stat):
        planned_at = _last_start(_GOAL_WORDS, prefix)
        if -1 < planned_at < stat:  # 预期目标是,地区生产总值同比增长7%: 同比 names the measure
            stat = max((m.start() for m in STATISTIC_MARKERS.finditer(prefix)
                        if not (m.group(0) in _COMPARED and planned_at < m.start())), default=-1)
    if "月" in prefix:
        stat = max(stat, _last_start(MONTH_SPAN, prefix))
    if deadline_position is None or only_this_year:
        # every word of UNDATED_STATISTIC_MARKERS holds 计 or 成功, a tally its 共: most are not scanned
        if "计" in prefix or "成功" in prefix:
            stat = max(stat, _last_start(UNDATED_STATISTIC_MARKERS, prefix))
        tally = _TALLY.search(prefix, clause_start) if "共" in prefix else None
        stat = max(stat, tally.start() if tally else -1)
    if plan > stat:
        return "target"
    return "statistic"


def _subject_wills(prefix: str) -> set[int]:
    """Where the 将 or 要 of each subject that leads a plan starts (重庆将…): a subject at the
    start of ``prefix``, then one after each clause break, as one scan of both finds them."""
    opening = _SUBJECT_WILL_OPENING.match(prefix)
    wills = {opening.start("will")} if opening else set()
    match = _SUBJECT_WILL_AFTER_BREAK.search(prefix, opening.end() if opening else 0)
    while match is not None:  # one search after another: what finditer finds, cheaper
        wills.add(match.start("will"))
        match = _SUBJECT_WILL_AFTER_BREAK.search(prefix, match.end())
    return wills


def _last_weak_plan(prefix: str, clause_start: int, since: re.Match[str] | None,
                    deadline_position: int | None, subjects: set[int]) -> int:
    """Where the last weak plan word of the number's clause that plans starts, or -1: not one
    done (重庆已打造…17条; 已完成整治…100公里、打造亲水节点80个), not a 推动 or 打造 of a review since
    some year, and an undated 将 or 要 only after a subject. One search after another: what ``finditer`` finds, cheaper."""
    last = -1
    match = CLAUSE_PLAN_MARKERS.search(prefix, clause_start)
    while match is not None:
        start, word = match.start(), match.group(0)
        if not prefix.endswith(_DONE, 0, start) \
                and not (prefix.endswith("、", 0, start) and prefix.rfind("已", clause_start, start) >= 0) \
                and not (since and since.start() < start and word not in _WILL_WORDS) \
                and not (deadline_position is None and word in _WILL_WORDS
                         and start not in subjects):
            last = start
        match = CLAUSE_PLAN_MARKERS.search(prefix, match.end())
    return last


#: A part of the year a plan word sets (确保上半年…增长6%以上): the plan's period, no report.
_PLANNED_PERIOD = re.compile(r"(?<=确保|力争|争取)(?:上半年|一季度|前三季度)")
#: A tally up to a date (截至6月底, 截止目前): the year it names is the tally's.
_TALLY_UP_TO = re.compile(r"截至|截止")
#: The base a rate is compared with (同比增长7%): after a goal word (预期目标是,地区生产总值同比
#: 增长7%) it names the measure, not a report.
_COMPARED = ("同比", "比上年", "较上年", "比去年", "较去年")
#: The plan words that open a goal list (not 计划, which also names 年度计划投资).
_GOAL_WORDS = re.compile(r"目标|预期|力争|确保|争取")
#: A verb that states what there is or a mark passed (达, 达到, 突破) right before a number.
_STATE = re.compile(r"(?:达|达到|突破|超过)$")
#: The same verb, or a tally, before an earlier number of the sentence (播种面积达565.41万亩,
#: 产量125.18万吨; 共完成植树造林2万亩,栽植苗木100万株): the clauses after it go on stating what
#: the year has.
_STATED_BEFORE = re.compile(r"(?:达|达到)[\d.]+|" + _TALLY.pattern + r"[\u4e00-\u9fff]{0,10}?\d")


def _clause_before(prefix: str, clause_start: int) -> int:
    """Where the clause before the number's own clause starts (0 for the sentence's first)."""
    return max(prefix.rfind(mark, 0, max(clause_start - 1, 0)) for mark in ",;: ") + 1


def _last_start(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` starts, or -1. One search after another
    (no match is empty): what ``finditer`` finds, without its scanner, and most texts hold none."""
    last = -1
    match = pattern.search(text)
    while match is not None:
        last = match.start()
        match = pattern.search(text, match.end())
    return last


#: What a plan expects to spend (年度预计投资4414.5亿元, 预计年度完成投资1323亿元): planned, not
#: forecast.
_EXPECTED_SPENDING = re.compile(r"预计(?=(?:年度|全年)?(?:完成)?(?:固定资产|有效)?(?:投资|投入))")


def _planned(match: re.Match[str]) -> str:
    """预计 read as 计划 (same length, offsets kept)."""
    return "计划"


def _mask(match: re.Match[str]) -> str:
    """Blank out a matched span, keeping offsets."""
    return "■" * len(match.group(0))
