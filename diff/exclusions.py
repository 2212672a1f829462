"""Exclusions: numbers of ordinary news that are never records (events, incidents, companies)."""

from __future__ import annotations

import re

from diff.phrases import PROVINCES_LISTED, PROVINCES_LISTED_FIRST, start_of_clause

#: Events whose details (attendance, booths, items of the programme) are not policy records.
EVENT_SUBJECT = re.compile(
    r"博览会|博览中心|洽谈会|交易会|展会|展览会|艺术节|音乐节|文化节|旅游节|美食节|马拉松|运动会|联赛"
    r"|比赛|赛事|招聘会|演唱会|开幕式|闭幕式|战胜|击败|战平|进球|球员"
)
#: One incident: an accident, a fire, a court case, a death.
INCIDENT = re.compile(
    r"发生一起|发生(?:火情|火灾|山火|险情)|追尾|相撞|一审|二审|宣判|被告人|犯罪嫌疑人|涉嫌|扑救|逝世|享年"
    r"|去世|发生(?:侧翻|车祸|爆炸|坍塌|泄漏)|遭遇(?:强降雨|暴雨|洪水|山洪|泥石流|地震|冰雹)|紧急转移"
    r"|紧急避险转移|导致[^,;。]{0,12}受灾|受灾严重|造成[^,;。]{0,8}(?:遇难|死亡|受伤|失踪)"
)
#: An organisation speaking of itself (某企业, 该院, 公司股价): its numbers are not the city's.
#: Every alternative opens with a literal word, so the pattern is looked for only where one is.
_ORGANISATION_NOUN = r"(?:公司|集团|企业|银行|大学|学校|学院|医院|中学|小学|幼儿园|开发商|房企|楼盘)"
ORGANISATION = re.compile("|".join([
    # not 该区/该县 planning schools or firms (该区年内将新建公办幼儿园3所): a place, not an organisation
    *(word + r"[\u4e00-\u9fff]{0,8}?" + _ORGANISATION_NOUN
      for word in ("某", "该(?![区县市镇乡省])", "这家", "这所", "一家")),
    r"该(?:院|校|行|馆|所|中心)",
    # 公司负责人… opening a clause (the look-behind checks what stands before the word)
    *(word + r"(?<![^,:;“”]..)(?:负责人|今年|去年|当日|计划|预计|现有)"
      for word in ("公司", "集团", "企业", "学校", "医院")),
    r"发布公告|股价|收于|收盘|报收|当日成交|全体股东|现金红利|百强企业|入围门槛|榜单|排行榜",
    # a company's filings, funds and prospects (赛力斯公告,…; 计划集资约10亿美元; 估值在1亿美元以上; 业绩展望)
    r"公告,|公告称|公告显示|集资|募资|募集资金|估值|业绩展望|业绩预告|业绩快报|盈利预测",
    # a named company speaking of its own plans (赛力斯集团计划…, 重庆银行力争…)
    # (长安汽车计划…, 重庆银行一季度…; not 新能源汽车, 智能网联汽车: an industry); 汽车 checks
    # what stands before it behind itself, so the pattern still opens with a literal word
    *(word + r"(?:表示|计划|力争|目标|预计|今年|明年|一季度|上半年|前三季度|全年)"
      for word in ("集团", "公司", "银行", "股份", "控股", "汽车(?<!能源汽车)(?<!网联汽车)")),
    # a farm's, a co-operative's or a village's own people telling their own numbers
    *(word + r"[\u4e00-\u9fff]{0,4}?负责人" for word in ("基地", "合作社", "农场", "养殖场", "种植园", "工厂", "门店")),
    r"村党支部书记|村党委书记|村委会主任",
    *(word + r"[\u4e00-\u9fff]{0,4}?(?:表示|介绍|说|称|透露|表态|坦言|直言)"
      for word in ("董事长", "总经理", "总裁", "首席执行官", "CEO", "理事长")),
    # a co-operative's plans, and a grower's own account (种植大户何久田…今年种植青菜头5亩多)
    r"合作社(?:计划|今年|预计|力争|目标)", r"种植大户|养殖大户|经营大户",
    # a grower named and quoted (脆李种植户龚正弟:“…今年可能要增产30%)
    *(word + r"[\u4e00-\u9fff]{2,3}(?:[:“]|说|表示|告诉)" for word in ("种植户", "养殖户")),
]))
#: The people at a meeting (出席全会的有市委委员78名, 8个部门负责人出席发布会, 应到代表352名), those
#: who sign up for an exam or a race (报名人数30万人),
#: who speak at it in turn (8个村书记…依次分享经验成果, 3个责任科室…进行交流汇报).
ATTENDANCE = re.compile(r"出席|列席|参会|应到|实到|报名|交流汇报|交流发言|表态发言|依次(?:发言|分享|汇报|交流)")
_PEOPLE = {"名", "人", "个", "位", "人次", "家"}
#: People taking part in one activity (吸引市民2000余人参加) or reading the page (29人围观).
_TAKING_PART = re.compile(
    r"[\d.,万余多]+(?:名|人次|人|位|家单位|家企业|个单位|个部门)(?:参加|参与|参赛|到场|观看|观演|参观|观展|围观|阅读|浏览|点赞|转发)"
)
_OFF_TOPIC = re.compile("|".join(p.pattern for p in (EVENT_SUBJECT, INCIDENT, ORGANISATION)))
#: Counts of what the article itself enumerates (重点民生实事共15件, 22条具体措施) and of the
#: policies issued (出台36项“提信心、稳增长、强主体”政策文件).
META_INDICATOR = re.compile(r"(?:实事|实事项目|民生[\u4e00-\u9fff]{0,2}项目|措施|举措|任务|条款|意见|部分|板块|政策|文件|方面|要点)”?$"
                            r"|^(?:重点|主要)?工作$"  # 落实好25项教育要点”; 抓好10项工作
                            r"|\(含|^[^()]{2,12}\($")  # 安排十方面32项; 一、促进就业(3项): the items a section holds
#: The last characters of META_INDICATOR's words: an indicator that ends with none of them and
#: holds no "(" is not scanned (indicators and sentences hold no line break for $ to stop before).
_META_LAST = frozenset("事目施措务款见分块策件面点作”")
#: One thing, no more named before its measure (一个约2500平方米的小微停车场): what it is like.
_ONE_THING = frozenset("一" + measure for measure in "个座处条家所栋片")
#: The terms a policy supports its recipients on, before an amount: a cap (最高予以500万元、100万元)
#: or a rate of what each brings (按到位金额的0.5%).
_SUPPORT_TERMS = re.compile(r"最高(?:予以|给予|奖励|补助|补贴|奖补)?(?:[\d.]+[万亿]?元、)*$|按[^,;。]{0,6}?金额的?$")
#: The same after an amount (…500万元奖补资金, 100万元资金奖补).
_SUPPORT_AFTER = re.compile(r"[\d.]+[万亿]?元(?:的)?(?:资金)?(?:奖补|奖励|补助|补贴)")
#: A deal signed (签订重大合作协议, 订立新的战略合作协议): its amounts are what its parties undertake.
_DEAL = re.compile(r"(?:签订|签署|订立)[^。;]{0,20}?协议")
#: A quantity that is all a parenthesis holds, after a name (第二阵营(500-1000亿)): a label's bounds.
_LABEL = re.compile(r"[\d.,]+[万亿千百]?(?:[-~—至到][\d.,]+)?[万亿千百]?[\u4e00-\u9fff%]{0,2}\)")
#: A value followed by 相比 (与2025年提前批的1000亿元相比): what another is compared with.
_COMPARED_WITH = re.compile(r"[\d.,]+[万亿千百]?[\u4e00-\u9fff%]{0,3}?(?:相比|相较)")
#: Units of amounts, which a count of a document's parts never has.
_AMOUNT_UNITS = {"元", "美元", "吨", "亩", "平方米", "公里", "立方米", "千瓦", "千瓦时"}
#: The set a survey or a review watches, named right before its count (纳入监测的100个…).
_SAMPLE = re.compile(r"纳入(?:监测|统计|调查|考核|评价|监控)(?:范围)?的$")
#: Departments counted: the bodies a plan or meeting involves (not 科室 or 单位, which are also
#: clinics and sites: 建设基层特色科室40个, 文物保护单位); what an indicator ends with.
_DEPARTMENTS = ("部门", "处室")
#: Admissions: the places schools and civil-service exams offer (计划招生, 招收, 录取, 岗位招录).
_ADMISSIONS = ("招生", "招收", "录取", "招录")
#: Counts of a plan's own indicators and goals (预期性指标16项, 74项分领域细化目标).
_GOALS_COUNTED = ("指标", "目标")
#: Dimensions of a structure or a venue (大桥全长1384米, 可容纳观众6万人, 展览面积, 展场面积, a road's 长度约740米).
SPECIFICATION = re.compile(
    r"(?:全长|总长|主跨|跨度|设计时速|时速|可容纳[\u4e00-\u9fff]{0,4}|展(?:览|场|馆|厅)面积|营业面积|总用地面积|总建筑面积|展位|横跨|纵贯|绵延)$"
    r"|^(?:长度|宽度|高度|直径|深度)$"
)
#: The last characters of SPECIFICATION's fixed words: an indicator that ends with none of them
#: and holds no 可容纳 (which any words may follow) is not scanned.
_SPECIFICATION_LAST = frozenset("长跨度速积位贯延径")
#: The build of one facility (院区占地约200亩, 设病床1480张, 配套车位1700余个, 4栋楼构成): its
#: size, not a policy target, when the sentence names such a facility.
_FACILITY_BUILD = re.compile(
    r"(?:占地(?:面积)?|建筑面积|(?:设|设置|配套|开放|编制)(?:病床|床位|车位|停车位)|楼构成)$")
#: The last characters of _FACILITY_BUILD's words.
_FACILITY_BUILD_LAST = frozenset("地积床位成")
_ONE_FACILITY = re.compile(
    r"院区|新院|该院|医院|校区|新校|大楼|场馆|体育馆|图书馆|博物馆|剧院|(?:门诊|住院|医技|综合|教学|行政|感染)楼"
    r"|此次开工|该项目|项目分[一二三四两]期")
#: A school's classes (48个教学班, 初中48个班); what it holds (可容纳2000名学生) is read by its 容纳.
_CLASSES = re.compile(r"[\d.]+个?(?:教学)?班(?![子车次列组])")
_SCHOOL = re.compile(r"学校|校区|中学|小学|幼儿园|学院|新校")
#: Weather (高温日数25天左右, 暴雨日数2~8天): a forecast of it is never a policy target.
WEATHER = re.compile(r"高温|暴雨|降雨|降水|气温|雨量|日照|霜冻|寒潮|冰雹|大风|雾霾日|洪涝")
#: A height, length or slope that names a class of things (100米以上医疗卫生机构, 25度以下撂荒耕地).
_HEIGHT_CLASS = re.compile(r"[\d.]+(?:米|度)(?:以上|以下)?[\u4e00-\u9fff]")
#: Places left unnamed (多个经济大省定为5.5%左右, 各地普遍确定在5%以上): a figure of no one region.
_UNNAMED_PLACES = re.compile(r"各地|多地|多个[\u4e00-\u9fff]{0,4}?(?:省|省份|城市)|其他省份|其余省份|各省|部分省份|不少省份|普遍")


def _may_leave_places_unnamed(sentence: str) -> bool:
    """Whether a sentence holds 省, 各地, 多地, 多个 or 普遍, one of which every _UNNAMED_PLACES match
    holds: most sentences hold none, and are not scanned for it."""
    return "省" in sentence or "各地" in sentence or "多地" in sentence or "多个" in sentence or "普遍" in sentence


#: Alternatives (6%以上或者6%左右): the text commits to neither.
_ALTERNATIVES = re.compile(r"或者(?<!达到或者)|或是")  # not 达到或者超过, a bound
#: A number given with another as alternatives (200户或500人以上聚居点): the one before 或 or after it.
_NUMBER_OR = re.compile(r"[\d.,]+[^\d,;。或]{0,3}或(?=[\d一二三四五六七八九十])")
_CLAUSE_BREAK = re.compile(r"[,;。]")
#: Durations and times of day: records only in an explicit plan (通勤时间缩短至45分钟).
TIME_UNITS = {"小时", "分钟"}


def _no_one_region(sentence: str, position: int) -> bool:
    """Whether the clause of a number leaves its places unnamed, names several provinces for
    one figure (湖北、安徽也宣布今年旅游总收入将突破万亿) or offers alternatives."""
    clause_start = max(sentence.rfind(",", 0, position), sentence.rfind(";", 0, position),
                       sentence.rfind("。", 0, position)) + 1
    if (_may_leave_places_unnamed(sentence) and _UNNAMED_PLACES.search(sentence, clause_start, position)) \
            or (sentence[clause_start:clause_start + 1] in PROVINCES_LISTED_FIRST
                and PROVINCES_LISTED.match(sentence, clause_start, position)):
        return True
    if "或" not in sentence:
        return False  # alternatives are all written with 或: most sentences are not scanned for them
    end = _CLAUSE_BREAK.search(sentence, position)
    clause_end = end.start() if end else len(sentence)
    return bool(_ALTERNATIVES.search(sentence, clause_start, clause_end)
                or sentence[position - 1:position] == "或" or _NUMBER_OR.match(sentence, position))


def off_topic(sentence: str) -> int | None:
    """Where a sentence starts to report an event, an incident or an organisation, or None.

    :param sentence: one normalised sentence
    """
    match = _OFF_TOPIC.search(sentence)
    while match is not None and EVENT_SUBJECT.fullmatch(match.group(0)) \
            and (_EVENTS_COUNTED.search(sentence, max(0, match.start() - 14), match.start())
                 or _EVENT_KIND.search(sentence, max(0, match.start() - 3), match.start())):
        match = _OFF_TOPIC.search(sentence, match.end())
    return match.start() if match else None


#: A kind of event, not one event (争取重大活动、重大展会、重大赛事落地重庆, 举办各类招聘会, 促进户外运动
#: 产业和精品赛事协同发展).
_EVENT_KIND = re.compile(r"(?:重大|各类|各种|大型|一批|高水平|国际性|精品|品牌|系列|特色|群众性)$")


#: A count of the events themselves (开展20场以上线上线下招聘会, 举办5万场各类招聘会): a plan's item, not an event's
#: details.
_EVENTS_COUNTED = re.compile(r"\d+(?:\.\d+)?[万千百]?(?:场|次|届|个)(?:以上|左右)?[\u4e00-\u9fff]{0,10}$")


def never_record(sentence: str, position: int, indicator: str, unit: str, kind: str,
                 planned: bool) -> bool:
    """Whether a number is one that ordinary news reports but the extractor never records.

    :param sentence: one normalised sentence
    :param position: offset of the number in the sentence
    :param indicator: the indicator read for the number
    :param unit: its base unit
    :param kind: ``"target"`` or ``"statistic"``
    :param planned: whether an explicit deadline or plan word frames the number
    """
    if unit in _PEOPLE and (ATTENDANCE.search(sentence) or _TAKING_PART.match(sentence, position)):
        return True
    last = indicator[-1:]  # what the patterns anchored at the indicator's end need first
    if (unit not in _AMOUNT_UNITS and (last in _META_LAST or "(" in indicator)
            and META_INDICATOR.search(indicator)) \
            or ((last in _SPECIFICATION_LAST or "可容纳" in indicator)
                and SPECIFICATION.search(indicator)):
        return True  # (not 占年度任务目标132亿元: the amount a task names)
    if unit in ("项", "个", "条") and indicator.endswith(_GOALS_COUNTED):
        return True
    if indicator in _ONE_THING:
        return True  # 一个约2500平方米的小微停车场近日投用: the size of one thing
    if "最高" in sentence or "金额" in sentence or "奖" in sentence or "补" in sentence:
        if _SUPPORT_TERMS.search(sentence, max(0, position - 16), position) \
                or _SUPPORT_AFTER.match(sentence, position):
            return True  # 最高予以500万元奖补资金, 按到位金额的0.5%: a policy's terms of support
    if "协议" in sentence and _DEAL.search(sentence, 0, position):
        return True  # 签订重大合作协议,计划投资50亿建设…项目: what a deal's parties undertake
    if "有的" in sentence and sentence.startswith("有的", start_of_clause(sentence, position)):
        return True  # 有的剑指500万辆,有的豪言翻倍增长: what some of many do, no one's goal
    if sentence.endswith(("满足", "满足约"), 0, position):
        return True  # 可满足5万学生的办学需求: what a facility can serve
    opening = sentence.rfind("(", max(0, position - 8), position)
    if opening >= 0 and _LABEL.fullmatch(sentence, opening + 1, sentence.find(")", position) + 1):
        return True  # 第二阵营(500-1000亿)企业4家: a tier's bounds in its label
    if "相比" in sentence and _COMPARED_WITH.match(sentence, position) \
            and "与" in sentence[start_of_clause(sentence, position):position]:
        return True  # 与2025年提前批的1000亿元相比: the value compared with
    if unit in ("个", "家") and sentence.endswith("的", 0, position) \
            and _SAMPLE.search(sentence, max(0, position - 8), position):
        return True  # 纳入监测的100个乡村旅游点: the sample a survey watches, not a goal
    if unit in _PEOPLE and indicator.endswith(_ADMISSIONS):
        return True  # 本科计划招生8000人: the places a school offers, not a goal it commits to
    if unit in ("个", "家") and indicator.endswith(_DEPARTMENTS):
        return True  # 涉及“规建管”等20余个市级部门: who carries a plan out, not what it reaches
    if last in _FACILITY_BUILD_LAST and _FACILITY_BUILD.search(indicator) \
            and _ONE_FACILITY.search(sentence):
        return True
    if ("容纳" in sentence[max(0, position - 4):position]
            or ("班" in sentence and _CLASSES.match(sentence, position))) \
            and _SCHOOL.search(sentence):
        return True  # 学校规划设置48个教学班,可容纳2000名学生: one school's size
    if kind == "target" and WEATHER.search(indicator):
        return True  # a forecast; the weather a year had (应对了18轮强降雨) stays a statistic
    if ("或" in sentence or "、" in sentence or (_may_leave_places_unnamed(sentence)
                                                 and _UNNAMED_PLACES.search(sentence, 0, position))) \
            and _no_one_region(sentence, position):
        return True
    if unit in TIME_UNITS and (kind == "statistic" or not planned):
        return True
    if unit in ("米", "度") and _HEIGHT_CLASS.match(sentence, position):
        return True
    return unit == "天" and "天" not in indicator and "日" not in indicator
