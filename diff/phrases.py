"""Indicator noun phrases, regions, and the filters for numbers that are never targets."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from diff.alternation import WordTable

#: Chongqing's districts and counties (short name → official name: the four autonomous counties
#: by their full names) and the two new areas.
DISTRICTS = {
    **{name: name + "区" for name in (
        "万州 涪陵 渝中 大渡口 江北 沙坪坝 九龙坡 南岸 北碚 綦江 大足 渝北 巴南 黔江 长寿 江津 "
        "合川 永川 南川 璧山 铜梁 潼南 荣昌 开州 梁平 武隆").split()},
    **{name: name + "县" for name in "城口 丰都 垫江 云阳 奉节 巫山 巫溪".split()},
    "忠县": "忠县", "石柱": "石柱土家族自治县", "秀山": "秀山土家族苗族自治县",
    "酉阳": "酉阳土家族苗族自治县", "彭水": "彭水苗族土家族自治县",
    "两江新区": "两江新区", "西部科学城重庆高新区": "西部科学城重庆高新区",
    "万盛经开区": "万盛经开区", "万盛经济技术开发区": "万盛经开区", "万盛": "万盛经开区",
    "重庆高新区": "西部科学城重庆高新区",
}
#: China's other provinces, autonomous regions and municipalities by the names a clause gives
#: them as its subject (四川, 四川省, 广西, 广西壮族自治区).
_PROVINCES = {
    **{name: name + "市" for name in ("北京", "天津", "上海")},
    **{name: name + "省" for name in (
        "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
        "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海")},
    "内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区", "宁夏": "宁夏回族自治区",
    "新疆": "新疆维吾尔自治区",
}
#: Places outside Chongqing that can be the subject of a target.
#: Two provinces opening a clause together as its subject (湖北、安徽也宣布…): a figure of no one
#: region (not 开通至北京、上海航线10条, where they are destinations).
_PROVINCE_NAME = "(?:" + "|".join(sorted(_PROVINCES, key=len, reverse=True)) + ")"
PROVINCES_LISTED = re.compile(
    "(?:另外|此外|同时|其中)?,?" + _PROVINCE_NAME + "[、和与及]" + _PROVINCE_NAME + "(?:也|均|都|分别|还|将|宣布|提出)")
#: What a PROVINCES_LISTED match opens with: a clause that opens otherwise is not matched.
PROVINCES_LISTED_FIRST = frozenset("另此同其," + "".join(name[0] for name in _PROVINCES))
OTHER_PLACES = {
    **_PROVINCES,
    **{full: full for full in _PROVINCES.values() if not full.endswith(("省", "市"))},
    "成都": "成都市", "川渝地区": "川渝", "成渝地区": "川渝", "川渝": "川渝", "成渝": "川渝", "全国": "全国",
}
CHONGQING = "重庆市"
#: The whole country, the subject of the State Council's targets.
NATIONAL = "全国"
#: Parts of the city that a sentence can make a target's subject (中心城区城镇化率约95%), as
#: the text writes them (主城区 is what 中心城区 was called before 2021); in a sentence they hold
#: for their own clause only, in a headline or a plan's 《》 title for the whole text.
CITY_AREAS = {"中心城区": "中心城区", "主城都市区": "主城都市区", "主城区": "主城区",
              "重庆中心城区": "中心城区", "重庆主城都市区": "主城都市区", "重庆主城区": "主城区"}
_HOME = ("全市", "我市", "本市", "重庆市", "重庆")
#: Words for the whole of the document's own city or province (another place's report).
_CITY_HOME = ("全市", "我市", "本市")
_PROVINCE_HOME = ("全省", "我省", "本省")
#: Words that refer back to the district or county named earlier (全区, 该县).
_BACK_REFERENCE = ("全区", "全县", "该区", "该县", "本区", "本县")
#: Words that refer back to a pair of places named earlier (两地 after 川渝).
_PAIR_REFERENCE = ("两地", "双方")
#: Regions that a later sentence of the same paragraph keeps as its subject.
CARRIED_REGIONS = {*DISTRICTS.values(), *(v for k, v in OTHER_PLACES.items() if k != "全国")}

#: The districts' and counties' official names, for a quick test of membership.
DISTRICT_NAMES = frozenset(DISTRICTS.values())
_REGION_NAMES = sorted([*DISTRICTS, *OTHER_PLACES, *CITY_AREAS, *_HOME, *_PROVINCE_HOME],
                       key=len, reverse=True)
#: Place names that start a facility's or a project's name, not a subject (江北国际机场, 江北嘴).
_NOT_SUBJECT_AFTER = r"(?![嘴桥路街门际至、段]|委|政府|人大|政协|党|国际|机场|火车站|北站|西站|东站|站|港|大道|大桥|隧道|中线|高铁|铁路|到[\u4e00-\u9fff]{2})"
#: A region named at the start of a clause, as its subject (also after a time word: 今年万州将…).
_SUBJECT_TIMES = ("今年", "明年", "全年", "今后五年", "未来五年", "下半年", "近年来")
_SUBJECT_DAYS = ("当天", "当日", "昨天", "昨日", "今天", "目前", "近日", "日前", "其中")
_SUBJECT_NAMES = (*_REGION_NAMES, *_BACK_REFERENCE, *_PAIR_REFERENCE)
_REGION_SUBJECT = (
    r"(?:“十[三四五六]五”(?:时期|期间),?)?"
    r"(?:" + "|".join(_SUBJECT_TIMES) + r"|(?:力争)?到?(?:19|20)\d{2}年(?:底|末)?)?"
    r"(?:" + "|".join(_SUBJECT_DAYS) + r")?(?:在|除了|例如|比如)?新?"
    r"(?P<name>" + "|".join(_SUBJECT_NAMES) + r")(?:(?:区|县|市|省)(?![际级内外域]))?"
    + _NOT_SUBJECT_AFTER
)
#: What a subject can start with: a break is tried only when one of these follows it.
_SUBJECT_FIRST = "".join(sorted({word[0] for word in (
    *_SUBJECT_TIMES, *_SUBJECT_DAYS, *_SUBJECT_NAMES, "“十", "力争", "到", "19", "20", "在", "除了", "例如", "比如",
    "新")}))
_SUBJECT_OPENING = re.compile(_REGION_SUBJECT)
#: The same after a clause break: led by the break, so it is looked for only at breaks.
_SUBJECT_AFTER_BREAK = re.compile(r"[,:;“”](?=[" + re.escape(_SUBJECT_FIRST) + "])" + _REGION_SUBJECT)


def region_subjects(sentence: str, end: int | None = None) -> Iterator[re.Match[str]]:
    """The regions named as clause subjects (at the start or after a break) before ``end``.

    :param sentence: one normalised sentence
    :param end: where to stop (default: the end of the sentence)
    """
    end = len(sentence) if end is None else end
    # a subject opens with one of _SUBJECT_FIRST: most sentences are not tried
    opening = _SUBJECT_OPENING.match(sentence, 0, end) if sentence[:1] in _SUBJECT_FIRST else None
    if opening and not _AREA_OF_PAIR.match(sentence, opening.end()):
        yield opening
    # one search after another finds what finditer finds (no match is empty), without the
    # scanner finditer sets up for every sentence, most of which name no subject
    position = opening.end() if opening else 0
    while (match := _SUBJECT_AFTER_BREAK.search(sentence, position, end)) is not None:
        if not _AREA_OF_PAIR.match(sentence, match.end()):
            yield match
        position = match.end()


#: The rest of a new area's name after 川渝 (川渝高竹新区): the area, not the pair, is named.
_AREA_OF_PAIR = re.compile(r"(?<=[川成]渝)[\u4e00-\u9fff]{1,3}新区")


@lru_cache(maxsize=256)
def _subjects(sentence: str) -> tuple[tuple[str, int], ...]:
    """(name, end) of each region named as a clause subject in a sentence. Cached: a sentence
    is asked once for itself and once for each of its numbers."""
    found = [(match["name"], match.end()) for match in region_subjects(sentence)]
    # every speaker holds 书记 or 区长/县长 (not the 长 of 增长, in most sentences with numbers)
    speaker = _DISTRICT_SPEAKER.search(sentence) \
        if "书记" in sentence or "区长" in sentence or "县长" in sentence else None
    if speaker:  # 城口县委书记张继军表示,将推动…: what the district's leader says it will do
        found = sorted([*found, (speaker["name"], speaker.end())], key=lambda subject: subject[1])
    return tuple(found)


#: A district's or county's leader speaking (城口县委书记张继军表示, 奉节县委副书记、县长吴涛介绍):
#: the plans after it are the district's.
_DISTRICT_SPEAKER = re.compile(
    "(?P<name>" + "|".join(sorted(DISTRICTS, key=len, reverse=True)) + r")(?:区|县)?"
    r"(?:委(?:副)?书记|委常委|(?:常务)?副?[区县]长)(?:、[^,。;]{0,12}?)?[\u4e00-\u9fff]{2,3}"
    r"(?:表示|说|介绍|指出|透露)")


#: A clause break that opens another item, not one that goes on measuring the same (…213个,
#: 年度计划投资745.5亿元; 建设5条山城步道,其中街巷步道3条).
_NEW_ITEM = re.compile(r"[,;:](?!其中|(?:年度)?(?:计划)?(?:总)?投资|总?面积|总?长度|总?里程|总?规模)")
#: Words that point back to the measure a sentence before named (这一数字, 该指标).
ANAPHOR = re.compile(r"(?:这一|这个|该|此|上述)(?:数字|数据|指标|数值)")
#: Words that open a clause without being part of what is measured.
_LEADING = re.compile(
    r"^(?:" + ANAPHOR.pattern + r"|[、,:;”\s]|\d{1,3}(?:[.、]|\s)|[一二三四五六七八九十]{1,3}[、是]|\([一二三四五六七八九十]{1,3}\)|\d+(?:个|家|项|座|条|所|处)(?=[\u4e00-\u9fff]{4})|\(\d{1,2}\)|[\u2460-\u2473■□◆◇▲△★☆●○◎•·▶►-]|的|和|及|与|以及|其中|其余|其他|同时|此外|另外|当天|当日|昨天|昨日|今天|目前|近日|日前|据统计|并|该[区县市镇]|该|这|此次|此|本次|本届|全年|全市"
    r"|\d{4}年(?:底|末|全年)?|\d{1,2}(?:-|—|至|到)\d{1,2}月(?:份)?|\d{1,2}月(?:份)?|前三季度"
    r"|上半年|下半年|[一二三四]季度|年末|今年以来|(?:同比|环比|比上年|较上年|比去年|较去年)(?:同期|底|末)?|建成后|投产后|两地|双方"
    r"|我市|本市|全区|全县|我们|重庆市?|初步|去年|上年|当年"
    r"|力争|确保|争取|努力|计划|拟|预计|可以|可|有望|预期|主要预期目标|目标|是|为|累计|共计|共有|拥有|现有|共(?!同)|已经|已|成功|经过"
    r"|将|还将|要(?![素求点])|实现|推动|完成(?!投资)|进一步|再|今年|明年|到(?!位)|至少|至(?!今)|(?:期间|时期)末?|末(?![端梢尾级])|年底|底前|前|里|内"
    r"|“?十[一二三四五六七八九]五”?(?:开局(?:之年)?)?|各区县?|各县|也"
    r"|把|对(?![外口接标话象比应称])|包括|使其|使(?![用命得])"
    r")+"
)
#: A quote or a parenthesis whose other half lies outside the phrase (“这10个项目…, 记者 王婧)重庆…).
_UNCLOSED_QUOTE = re.compile(r"^“(?=[^”]*$)")
_UNOPENED_PARENTHESIS = re.compile(r"^[^()]{0,12}\)")
#: The words that announce the goals (经济社会发展的主要预期目标是…): not what is measured; but a
#: measure's own growth or level before 的预期目标为 is (地区生产总值增长的预期目标为8%左右).
_GOAL_OPENING = re.compile(r"^(?![^,;:]*?(?:增长|增速|总量|规模|率)的(?:预期)?目标)[^,;:]*?(?:目标|任务)(?:是|为)")
_ADVERB_VERB = re.compile(
    r"^(?:加快|大力|精心|着力|全力|积极|深入|持续|稳步|扎实|全面|有序|早日|力求|加速|奋力)"
    r"[\u4e00-\u9fff]{2}"
)
_QUALITY_VERB = re.compile(r"^(?:优化升级|提质升级|提档升级|提质|优化|升级|完善|推进|迈向|跃上|迈上)")
#: The first characters of words that end in 约 (签约, 节约, 预约): there 约 is no "about".
WORD_ENDING_IN_YUE = "[签节预合制公条契特履违集邀简]"
#: Words that stand between an indicator and its number (达到, 超过, 约, 的): stripped from the end.
_TRAILING_WORDS = (
    "达到并超过", "达到或者超过", "达到或超过", "达到了", "达到", "达", "跃升至", "跃升到", "上升至", "上升到", "提升至", "提升到", "提高至", "提高到", "增加至", "增加到",
    "增长至", "增长到", "增至", "升至", "扩大至", "扩大到", "超过", "突破", "跨越", "跨过", "迈过", "超", "不低于", "不少于",
    "至少", "不超过", "不高于", "不到", "控制在", "低于", "高于", "大约", "近", "是", "拥有", "共有", "共", "总计",
    "合计", "累计", "仅需", "迈上", "跃上", "迈向", "早日", "尽快", "就", "才", "也", "都", "还", "预计", "降至", "降到",
    "降低到", "降低至", "下降到", "下降至", "减少到", "减至", "缩小至", "缩小到", "缩小为", "稳定在", "保持在", "维持在", "巩固在", "稳定", "保持", "巩固", "同比", "比上年", "较上年",
    "比去年", "较去年", "可以", "可", "有望", "确定为", "定为", "设定为", "目标", "预期", "了", "已", "将", "分别", "在", "的", "力争", "确保", "争取",
    "努力", "实现", "成为", "稳步", "逐步", "进一步", "要", "人民币", "包括", ",", "、", ":",
    # a goal set anew (增速目标下调为4.5%, 2026年调整至5%)
    "下调为", "下调至", "上调为", "上调至", "调整为", "调整至", "调整到", "调低至", "调高至", "大幅", "小幅",
)
_TRAILING = re.compile(
    "(?:" + "|".join(_TRAILING_WORDS)
    + r"|(?<![行作认成])为|(?<!" + WORD_ENDING_IN_YUE + r")约|第\d+大|第[一二三四五六七八九十]+大|\s|“"
    + r"|(?<=[\u4e00-\u9fff])\d+(?:个|条|座|处|所|家|项|片))+$"  # 街巷步道3条(29公里): its count
)
#: What a phrase must end with for :data:`_TRAILING` to strip anything: most end otherwise,
#: and the check spares a scan of every position.
_TRAILING_ENDS = (*_TRAILING_WORDS, "为", "约", "大", "个", "条", "座", "处", "所", "家", "项", "片", "“")
_REGION_PREFIX = re.compile(
    r"^(?:" + "|".join(_REGION_NAMES) + r")(?:(?:区|县|市|省)(?![际级内外域]))?" + _NOT_SUBJECT_AFTER
)
#: Words that open a phrase without naming what is measured, stripped in this order.
#: A new area's name opening a phrase (川渝高竹新区将新建…): the region, not what is measured.
_NEW_AREA_PREFIX = re.compile(r"^(?:[川成]渝)?[\u4e00-\u9fff]{2,3}新区")
#: The document that announces a goal, opening its phrase (报告提出的地区生产总值增长6%左右的目标).
_ANNOUNCER = re.compile(r"^(?:政府工作报告|报告|会议|全会|规划|纲要|方案|意见)中?(?:提出|明确|确定)的?")
_OPENINGS = (_GOAL_OPENING, _ANNOUNCER, _UNOPENED_PARENTHESIS, _UNCLOSED_QUOTE, _LEADING, _NEW_AREA_PREFIX,
             _REGION_PREFIX, _ADVERB_VERB, _QUALITY_VERB)
#: Words inside a phrase that qualify the period, not the indicator (连续9年, 单月), and 将
#: between what is measured and its verb (中欧班列将开行).
_INNER = re.compile(r"连续\d+(?:个月|年|天|周|个季度)|单月|\([^()]*\)|在(?:19|20)\d{2}年(?:的)?基础上"
                    r"|(?:还|也|仍)?将(?<!即将)(?![来军近其之士])(?=[\u4e00-\u9fff])")
_SPEECH = re.compile(r"[。;!?]|[,:].*[\u4e00-\u9fff]{4}")
#: Nouns after a count that make it a count of the article's own parts (7个方面, 8个关键词).
META_NOUNS = re.compile(
    r"^(?:具体|主要|配套|务实|硬核|功能性|行业|约束性|预期性|重点)?(?:大(?!关|型|幅)|小项|事项|民生实事|实事|方面|关键词|指标|措施|意见|任务|举措|行动|领域|定位|环节|阶段|方向|原则|要求|重点(?!项目|企业|工程|镇|村)|问题|部分|课题|总目标|发展定位"
    r"|条例|文件|政策|板块|专栏|维度|步骤|类|种|点|句|段|字|版|页|篇|章|节|届|次会议|号)"
    r"|^[\u4e00-\u9fff]{1,2}指标"  # 39个底层指标预测清单, 5项核心指标
)
#: Fixed expressions with numerals that never measure anything.
IDIOMS = ("千家万户", "千行百业", "万众一心", "千街万巷", "一盘棋", "一张图", "一体化", "一流",
          "千方百计", "万无一失", "一以贯之", "百花齐放", "千头万绪", "千姿百态", "一揽子")
#: A noun phrase after a count ("18轮强降雨", "3个千亿级产业集群"), a quoted name whole
#: (36项“提信心、稳增长、强主体”政策文件). It ends before 等 closing examples (1个轮滑运动场等…).
NOUN_AFTER = re.compile(
    r"(?:“[^“”,。;]{1,20}”[\u4e00-\u9fffA-Za-z0-9+]{0,16}?|[\u4e00-\u9fffA-Za-z0-9“”+]{2,18}?)"
    r"(?=[,、;。:()和与及的]|等(?!级)|包括|$)")
_NOT_NOUN_START = re.compile(
    r"^(?:”|等|以上|以下|以内|左右|上下|之内|之间|多|余|台阶|大关|的|和(?![美谐])|、|目标|以来|来|后|前|内|左|间"
    r"|期间|同比|比|较|增长|下降|提高|减少|占|达|是|为|分别|已|至|到|次)"
)
#: Verbs that may stand before a count of objects ("打造3个", "应对了18轮").
COUNT_VERBS = {"应对", "打造", "建成", "新建", "建设", "培育", "引进", "新增", "完成", "实施", "创建",
               "开通", "落地", "签约", "培训", "带动", "吸引", "服务", "拥有", "形成", "建立", "设立",
               "开工", "组建", "招引", "举办", "接待", "发送", "改造", "打通", "布局", "推出", "认定"}


def region_at(sentence: str, position: int, default: str = CHONGQING,
              district: str | None = None, pair: str | None = None, home: str = CHONGQING) -> str:
    """The region whose target a number at ``position`` of ``sentence`` is.

    The last region named as the subject of a clause before the number wins; 全区/全县/该区
    refer back to ``district``; ``default`` (重庆市 unless the paragraph named another
    subject) otherwise.

    :param sentence: one normalised sentence
    :param position: offset of the number in the sentence
    :param default: the region when the sentence names none
    :param district: the district or county named last before this sentence, if any
    :param pair: the pair of places (川渝) named last before this sentence, if any
    :param home: the document's own region: 全市/全省 in another place's report are its own
    """
    region = default
    outside = home != CHONGQING and home not in DISTRICT_NAMES
    for name, end in _subjects(sentence):
        if end > position:
            break
        if name in _BACK_REFERENCE:
            region = district or region
        elif name in _PAIR_REFERENCE:
            region = pair or region
        elif name in _CITY_HOME or name in _PROVINCE_HOME:
            region = home if outside else CHONGQING
        elif name in _HOME:
            region = CHONGQING
        elif name in CITY_AREAS:  # a part of the city is the subject of its own item only
            if not _NEW_ITEM.search(sentence, end, position):
                region = CITY_AREAS[name]
        elif name in DISTRICTS:
            region = DISTRICTS[name]
        else:
            region = OTHER_PLACES[name]
    if sentence.find("城", 0, position) >= 0:  # every part of the city's name holds 城
        region = _area_in_clause(sentence, position) or region
    return region


def _area_in_clause(sentence: str, position: int) -> str | None:
    """The part of the city the clause of a number names before it (并对中心城区60处交通堵乱点开展
    分类治理, 中心城区地区生产总值占全市比重达到42%), or None; not 中心城区以外."""
    match = _AREA_NAMED.search(sentence, start_of_clause(sentence, position), position)
    return CITY_AREAS[match.group(0)] if match else None


#: The parts of the city by name, each opening with its word (not 中心城区以外).
_AREA_NAMES = sorted({name.removeprefix("重庆") for name in CITY_AREAS}, key=len, reverse=True)
_AREA_NAMED = re.compile("|".join(f"{name}(?![以外])" for name in _AREA_NAMES))


_DISTRICT_NAME = re.compile(
    "(?P<name>" + "|".join(sorted(DISTRICTS, key=len, reverse=True)) + r")(?:区|县)?" + _NOT_SUBJECT_AFTER
)


#: A district or county opening a sentence as the subject of its plans (秀山将坚定不移…).
_DISTRICT_PLANS = re.compile(
    r"(?:" + "|".join(_SUBJECT_TIMES) + r")?,?" + _DISTRICT_NAME.pattern + r"(?:还|也)?(?:将|要)(?![素求点近])")


def district_planning(sentence: str) -> str | None:
    """The district or county a sentence opens on as the subject of its plans, or None.

    :param sentence: one normalised sentence
    """
    match = _DISTRICT_PLANS.match(sentence)
    return DISTRICTS[match["name"]] if match else None


def district_named(text: str) -> str | None:
    """The first district or county named anywhere in ``text`` (a headline), or None.

    :param text: a short line of text
    """
    match = _DISTRICT_NAME.search(text)
    return DISTRICTS[match["name"]] if match else None


def subject_at(sentence: str, district: str | None = None, pair: str | None = None,
               home: str = CHONGQING) -> tuple[str | None, str | None]:
    """The last region named as a clause subject of a sentence, and the last district or county.

    :param sentence: one normalised sentence
    :param district: what 全区/全县 refer back to, if known
    :param pair: what 两地/双方 refer back to, if known
    :param home: the document's own region: 全市/全省 in another place's report are its own
    """
    region = None
    outside = home != CHONGQING and home not in DISTRICT_NAMES
    for name, _ in _subjects(sentence):
        if name in _BACK_REFERENCE or name in _PAIR_REFERENCE:
            region = (district if name in _BACK_REFERENCE else pair) or region
            continue
        if outside and (name in _CITY_HOME or name in _PROVINCE_HOME):
            region = home  # 滨海新区…在全市高品质发展中做先锋: the text's own place
            continue
        if name in _PROVINCE_HOME or name in CITY_AREAS:
            continue
        region = CHONGQING if name in _HOME else DISTRICTS.get(name) or OTHER_PLACES[name]
        if name in DISTRICTS:
            district = DISTRICTS[name]
    return region, district


def start_of_clause(sentence: str, position: int) -> int:
    """Offset just after the last clause break (,;:) before ``position``.

    :param sentence: one normalised sentence
    :param position: an offset in it
    """
    return max(sentence.rfind(",", 0, position), sentence.rfind(";", 0, position),
               sentence.rfind(":", 0, position)) + 1


#: A clause opening on its year, after the region it is about (江苏2025年GDP增速5.3%): the year
#: of what the clause measures (not 2025年底前, a deadline, nor 2020年以来, a period).
_CLAUSE_YEAR = re.compile(r"(?:(?:" + "|".join(_REGION_NAMES) + r")(?:省|市|区|县)?)?"
                          r"(?P<year>(?:19|20)\d{2})年(?![底末]?前|以来|基础)")


def clause_year(sentence: str, clause_start: int) -> int | None:
    """The year a clause opens with, after the region it names (江苏2025年GDP增速…), or None.

    :param sentence: one normalised sentence
    :param clause_start: where the clause starts
    """
    if "年" not in sentence[clause_start:clause_start + 16]:
        return None
    match = _CLAUSE_YEAR.match(sentence, clause_start)
    return int(match["year"]) if match else None


@lru_cache(maxsize=8192)
def clean_indicator(phrase: str) -> str:
    """Strip frame words, region words, adverb-led verbs and comparators from a noun phrase.

    Cached: the same phrases (全市地区生产总值, 新增就业) recur across articles.

    :param phrase: the words before a number, from the start of its list item
    """
    previous = None
    while previous != phrase:
        previous = phrase
        for opening in _OPENINGS:
            match = opening.match(phrase)
            if match:
                phrase = phrase[match.end():]
        if phrase.endswith(_TRAILING_ENDS) or phrase[-1:].isspace():
            phrase = _TRAILING.sub("", phrase)
        phrase = _INNER.sub("", phrase)
    return phrase


#: GDP as news writes it (GDP增速, 人均GDP): the statistical term 地区生产总值 is what plans and
#: the annotators write. Not inside a share (研发投入占GDP比重). 经济总量 stays as written.
_GDP = re.compile(r"(?<!占)GDP")


def official_name(indicator: str) -> str:
    """An indicator in the statistical terms plans use: GDP增速 → 地区生产总值增速.

    :param indicator: a cleaned indicator
    """
    return _GDP.sub("地区生产总值", indicator) if "GDP" in indicator else indicator


#: A span of time alone (五年, 三年内): when a value is reached, never what is measured.
_PERIOD_ONLY = re.compile(r"[一二两三四五六七八九十\d]{1,3}(?:个)?(?:年|月)(?:内|后|来)?")
#: What every _PERIOD_ONLY match ends with: other phrases are not matched.
_PERIOD_ONLY_LAST = frozenset("年月内后来")


def is_indicator(phrase: str) -> bool:
    """Whether a cleaned phrase can name what is measured (two or more letters or characters).

    :param phrase: a cleaned indicator
    """
    # Chinese characters are letters (two letters first settle most phrases); 五年 names a time
    return 2 <= len(phrase) <= 40 and (phrase[:2].isalpha() or sum(map(str.isalpha, phrase)) >= 2) \
        and not (phrase[-1] in _PERIOD_ONLY_LAST and _PERIOD_ONLY.fullmatch(phrase))


def noun_after(text: str) -> str:
    """The noun phrase that starts ``text`` (what a count before it counts), or "".

    :param text: the sentence text right after a number and its measure word
    """
    if not text or _NOT_NOUN_START.match(text) or (text[0].isdecimal() and _NEXT_COUNT.match(text)):
        return ""  # 老旧小区25个1697户: a second quantity, not a noun
    match = NOUN_AFTER.match(text)
    if not match:
        return ""
    noun = match.group(0)
    count = _NEXT_COUNT.search(noun, 2)  # 涉及26个小区2327户居民: the noun ends where the next count begins
    return noun[:count.start()] if count else noun


#: A number inside a run of characters read as a noun (项目265公里, 小区2327户): the next quantity,
#: not part of the noun; not a name's number (3号线, 5G, 第20届) or a frequency (开展1次…).
_NEXT_COUNT = re.compile(r"(?<![\dA-Za-z.])\d+(?:\.\d+)?[万亿]?(?=[个家条处座所名户台项辆套间张件场艘栋株棵床片亩吨元%]"
                         r"|公里|千米|米|平方|立方|美元|千瓦|人)")


#: What a quote names when a noun of rules or programmes follows it, perhaps after its own short
#: name (落实“重大招商项目100%专班服务、…”的“五个100%”措施): the quote spells out a measure.
_MEASURE_NAMED = re.compile(r"”(?:的“[^“”]{0,12}”)?(?:措施|举措|机制|模式|工程|行动|体系|战略|理念|要求|原则|制度|工作法)")


def _quote_around(sentence: str, position: int) -> tuple[int, int] | None:
    """(opening, closing) of the “…” quote around ``position``, or None; closing is -1 for a
    quote the page cuts off."""
    opening = sentence.rfind("“", 0, position)
    if opening < 0 or sentence.rfind("”", 0, position) > opening:
        return None
    return opening, sentence.find("”", position)


def quote_names_a_measure(sentence: str, position: int) -> bool:
    """Whether ``position`` lies inside a quote, of any length, that spells out the name of a
    measure, a programme or a rule: its numbers are words of the name.

    :param sentence: one normalised sentence
    :param position: offset in the sentence
    """
    quote = _quote_around(sentence, position)
    return quote is not None and quote[1] >= 0 and bool(_MEASURE_NAMED.match(sentence, quote[1]))


def inside_quotes(sentence: str, position: int) -> bool:
    """Whether ``position`` lies inside a short “…” quote: a slogan or code name, not speech.

    :param sentence: one normalised sentence
    :param position: offset in the sentence
    """
    quote = _quote_around(sentence, position)
    if quote is None:
        return False
    opening, closing = quote
    if closing < 0:  # a quote the page cuts off (提出“十一个深入…) still quotes to its end
        closing = len(sentence)
    quoted = sentence[opening + 1:closing]
    return len(quoted) <= 30 and not _SPEECH.search(quoted)


def in_idiom(sentence: str, start: int, end: int) -> bool:
    """Whether the numeral at ``start:end`` is part of a fixed expression.

    :param sentence: one normalised sentence
    :param start: offset of the numeral
    :param end: end offset of the numeral
    """
    window = sentence[max(0, start - 3):end + 3]
    return any(idiom in window for idiom in IDIOMS)


#: Names of the pair of places: items stated for both are 川渝's, never a headline's home.
_PAIR_NAMES = re.compile(r"川渝|成渝")


@dataclass(frozen=True)
class _Places:
    """China's provinces, prefecture-level cities and counties outside Chongqing."""

    table: WordTable
    full_name: dict[str, str]
    cities: frozenset[str]
    counties: frozenset[str]
    #: A province's county-level cities and counties, and a municipality's districts, by their
    #: two-character short names (湖南省: 浏阳 → 浏阳市; 上海市: 奉贤 → 奉贤区), read only right
    #: after the province's name (湖南浏阳, 上海奉贤).
    short_counties: dict[str, dict[str, str]]
    #: The city and the province each city and county lies in (滨海新区 → 天津市).
    areas: dict[str, frozenset[str]]
    #: Counties of two characters (洋县, 费县): in running text too often part of other words
    #: (各区和县), read only where their government names them (洋县人民政府).
    two_character_counties: frozenset[str]


@lru_cache(maxsize=1)
def _places() -> _Places:
    """The place table from jionlp's administrative-division data (names and short names).

    jionlp's own parser reads places into ordinary words and takes tens of milliseconds a
    call; its table, compiled once into a :class:`~diff.alternation.WordTable` (3,500 names),
    does neither.
    """
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import jionlp
    full_name: dict[str, str] = {}
    cities, counties, two_character = set(), set(), set()
    short_counties: dict[str, dict[str, str]] = {}
    areas: dict[str, set[str]] = {}
    for province, body in jionlp.china_location_loader().items():
        if province.startswith("重庆"):
            continue
        for name in (province, body.get("_alias", "")):
            full_name.setdefault(name, province)
        for city, info in body.items():
            if city.startswith("_") or not isinstance(info, dict) or "行政区划" in city:
                continue
            aliases = info.get("_alias") or []
            # a municipality (上海市) is its own city: only its districts (嘉定区) are added
            for name in [] if city == province else [city, *(aliases if isinstance(aliases, list) else [aliases])]:
                if len(name) >= 2:
                    full_name.setdefault(name, city)
                    cities.add(city)
                    areas.setdefault(city, set()).add(province)
            for county in info:
                # full names only (涪城区, never 涪城), and never a Chongqing district's name
                if not county.startswith("_") and len(county) >= 3 and county[:-1] not in DISTRICTS \
                        and county not in DISTRICTS.values():
                    full_name.setdefault(county, county)
                    counties.add(county)
                    areas.setdefault(county, set()).update((city, province))
                    if (len(county) == 3 and county.endswith(("市", "县"))) or (
                            city == province and (len(county) == 3 or county.endswith("新区"))
                            and county.endswith("区")):  # 上海奉贤, 上海浦东: a municipality's district
                        short_counties.setdefault(province, {})[county[:2]] = county
                elif county[:1] != "_" and len(county) == 2 and county.endswith("县"):
                    short_counties.setdefault(province, {})[county] = county  # 山东费县
                    two_character.add(county)
    names = [name for name in full_name if len(name) >= 2]
    return _Places(WordTable(names), full_name, frozenset(cities), frozenset(counties),
                   short_counties, {place: frozenset(around) for place, around in areas.items()},
                   frozenset(two_character))


#: A county's government or congress (洋县人民政府), not part of a longer name (各区和县人民政府).
_COUNTY_GOVERNMENT = re.compile(r"(?<![\u4e00-\u9fff])(?P<county>[\u4e00-\u9fff]县)(?:人民政府|县委|人大常委会|政协)")


def two_character_county(text: str) -> str | None:
    """A county of two characters outside Chongqing whose government ``text`` names (洋县人民政府
    关于印发… → 洋县), or None.

    :param text: a headline or heading
    """
    if "县" not in text:
        return None
    match = _COUNTY_GOVERNMENT.search(text)
    return match["county"] if match and match["county"] in _places().two_character_counties else None


def county_named(text: str) -> str | None:
    """The county or district outside Chongqing that ``text`` names, when the place it names
    is one (淳安县千岛湖传媒中心 → 淳安县; never a city's or a province's paper: 深圳热线, 四川日报).

    :param text: a paper's or site's name
    """
    place = other_place(text)
    return place if place in _places().counties else None


#: A city's own institutions and papers (宣城市人民政府网, 平顶山人大网, 遂宁市发展和改革委员会网, 天水融媒,
#: 焦作晚报), not a portal that carries others' news (深圳热线).
_CITYS_OWN = re.compile(r"市?(?:(?P<office>人民政府|政府网|人大|发展和改革委员会|发改委)|融媒|日报|晚报|时报)")
#: What a headline calls its paper's own city (全市文化旅游…工作会议, 我市交通投资).
_OWN_CITY = re.compile(r"全市|我市|本市")


def city_named(source: str, headline: str = "") -> str | None:
    """The city outside Chongqing whose own government or congress ``source`` names (海东市人民
    政府网 → 海东市), or whose paper it names when the headline speaks of its own city (每日甘肃网
    (兰州晚报) over 2025年全市文化旅游广电文物工作会议召开 → 兰州市; not 泰州日报 carrying the
    State Council's report), or None.

    :param source: a paper's or site's name
    :param headline: the text's headline
    """
    places = _places()
    for match in places.table.finditer(source):
        name = places.full_name[match.group(0)]
        own = _CITYS_OWN.match(source, match.end()) if name in places.cities else None
        if own and (own["office"] or _OWN_CITY.search(headline)):
            return name
    return None


def lies_within(place: str, area: str) -> bool:
    """Whether ``place`` (a city or county outside Chongqing) lies in ``area`` (滨海新区 in
    天津市, 沭阳县 in 江苏省).

    :param place: a full name from the place table
    :param area: a city's or province's full name
    """
    return area in _places().areas.get(place, ())


_SITE_NAME = re.compile(r"网|日报|在线|新闻|电视台|卫视|晚报|商报")
#: Where a meeting is held (人民代表大会…在昆明开幕): a venue, not the subject.
_VENUE = re.compile(r"(?:市)?(?:开幕|召开|举行|举办|闭幕)")


def other_place(text: str) -> str | None:
    """A province, city or county outside Chongqing that ``text`` names (湖北省, 成都市,
    涪城区), or None.

    The most specific wins: a county over a city, a city over a province (四川省成都市 →
    成都市, 绵阳市涪城区 → 涪城区). Uses jionlp's table of China's
    administrative divisions.

    :param text: a headline or heading
    """
    if _PAIR_NAMES.search(text):
        return None
    places = _places()
    found = [(places.full_name[m.group(0)], m.end()) for m in places.table.finditer(text)
             if not _SITE_NAME.match(text, m.end())  # 中国西藏网 is a site, not a subject
             and not (text[m.start() - 1:m.start()] == "在" and _VENUE.match(text, m.end()))]
    if not found:  # most headlines and headings
        return None
    county = next((name for name, _ in found if name in places.counties), None)
    if county:
        return county
    short = next(((county_name, name) for name, end in found
                  if (county_name := _short_county(places, name, text, end))), None)
    city = next(((name, end) for name, end in found if name in places.cities), None)
    if city and not (short and not lies_within(city[0], short[1])):
        # a city of the short name first (湖南长沙: 长沙市), unless it lies elsewhere (北京朝阳: not
        # 辽宁's 朝阳市); a county the table does not know yet (西宁市湟中区) follows its city
        after = _COUNTY_AFTER_CITY.match(text, city[1])
        return after["county"] if after else city[0]
    return short[0] if short else found[0][0]


def _short_county(places: _Places, province: str, text: str, end: int) -> str | None:
    """A county-level city or county written short right after its province (湖南浏阳:,
    江苏昆山 → 昆山市), or None."""
    short = places.short_counties.get(province)
    name = text[end:end + 2]
    if not short or name not in short or _NAME_GOES_ON.match(text, end + 2):
        return None
    return short[name]


#: A character after two that makes them part of a longer word (湖南浏阳花炮), not 市 or 县.
_NAME_GOES_ON = re.compile(r"[\u4e00-\u9fff](?<![市县])")
#: A county-level name right after its city (西宁市湟中区): renamed counties the table lacks.
_COUNTY_AFTER_CITY = re.compile(r"市?(?P<county>[\u4e00-\u9fff]{2,3}?[区县])")


#: A province's own government named (山东省省长, 中共浙江省委, 浙江省人民政府), and the words a
#: province's text uses of itself (省人民政府, 全省, 省十二届人大).
_PROVINCE_GOVERNMENT = re.compile(
    "(?:中共)?(?P<province>" + "|".join(name for name in _PROVINCES if _PROVINCES[name].endswith("省"))
    + r")省(?:省长|委|人民政府|政府|人大)")
#: Each alternative opens with its word (what stands before 省 checked behind it), so the regex
#: engine skips to them.
_PROVINCE_SELF = re.compile(r"省(?<![\u4e00-\u9fff]省)(?:政府|人民政府|委|人大|十[一二三四五]届)|全省|我省")


def province_governing(sentence: str) -> str | None:
    """The province whose own government a sentence of a province's text names (…山东省省长姜大明
    代表省人民政府…), or None; never in a sentence that names Chongqing.

    :param sentence: one normalised sentence of a lead
    """
    if "省" not in sentence or _CHONGQING_NAMED.search(sentence) \
            or not _PROVINCE_SELF.search(sentence):
        return None
    match = _PROVINCE_GOVERNMENT.search(sentence)
    return _PROVINCES[match["province"]] if match else None


#: A place's own congress, government, party committee or work meeting, right after its name
#: (黄州区第六届人民代表大会, 湖州市人民政府, 鹿城区委经济工作会议).
_OWN_INSTITUTION = re.compile(
    r"(?:第[一二三四五六七八九十\d]{1,3}届)?(?:人民代表大会|人大(?:常委会)?|人民政府|政府(?:工作报告)?"
    r"|委(?:员会)?(?:全会|全体会议|经济工作会议)|经济工作会议)")
#: A word every _OWN_INSTITUTION match holds.
_INSTITUTION_WORD = re.compile(r"人民代表大会|人大|政府|全会|全体会议|经济工作会议")


def place_governing(sentence: str) -> str | None:
    """The place outside Chongqing whose own congress, government or party committee a
    sentence of a lead names (11月20日,黄州区第六届人民代表大会第一次会议开幕), or None; never in
    a sentence that names Chongqing.

    :param sentence: one normalised sentence of a lead
    """
    if _CHONGQING_NAMED.search(sentence) or not _INSTITUTION_WORD.search(sentence):
        return None  # most lead sentences name no institution: the place table is not scanned
    for match in _places().table.finditer(sentence):
        if _OWN_INSTITUTION.match(sentence, match.end()):
            return other_place(sentence[:match.end()])
    return None


def city_speaking_of_itself(sentence: str) -> str | None:
    """The one city outside Chongqing that a sentence of a lead names while it speaks of its own
    city (坚持国家所需、莆田所能、全市统筹 → 莆田市), or None; never in a sentence that names
    Chongqing or two cities.

    :param sentence: one normalised sentence of a lead
    """
    if not _OWN_CITY.search(sentence) or _CHONGQING_NAMED.search(sentence):
        return None
    places = _places()
    named = {name for match in places.table.finditer(sentence)
             if (name := places.full_name[match.group(0)]) in places.cities}
    return named.pop() if len(named) == 1 else None


#: The Premier presenting the State Council's report (李强总理代表国务院…所作的《政府工作报告》).
_NATIONAL_GOVERNMENT = re.compile(r"代表国务院|国务院总理")
#: The State Council, the Party's centre, a ministry or a national bureau: whose goals are the
#: whole country's. Each alternative is a literal word, so the regex engine skips to them.
_NATIONAL_BODIES = (r"(?:国务院|国务院办公厅|中共中央|党中央|中办|国办|国家发展改革委|国家发改委|工业和信息化部|工信部"
                    r"|财政部|商务部|农业农村部|生态环境部|教育部|住房城乡建设部|住房和城乡建设部|交通运输部|水利部|民航局"
                    r"|国家[\u4e00-\u9fff]{1,6}?(?:局|委|署))")
#: A national body (or its head) telling of its plans in a lead (住房城乡建设部部长倪虹9日在…上表示,
#: 民航局局长冯正霖表示,今年民航业将…).
_NATIONAL_SPEAKING = re.compile(_NATIONAL_BODIES + r"[^,。;]{0,30}?(?:表示|介绍|指出|透露)")


def nation_governing(sentence: str) -> str | None:
    """``全国`` when a sentence of a lead names the State Council presenting its report, or a
    national body telling of its plans, else None; never in a sentence that names Chongqing.

    :param sentence: one normalised sentence of a lead
    """
    if _CHONGQING_NAMED.search(sentence):
        return None
    if "国务院" in sentence and _NATIONAL_GOVERNMENT.search(sentence):
        return NATIONAL
    return NATIONAL if _NATIONAL_SPEAKING.search(sentence) else None


#: A measure only the whole country has: the gross domestic product (provinces and cities
#: measure their 地区生产总值; a ratio to it, 单位国内生产总值能耗, is theirs too).
NATIONAL_MEASURE = re.compile(r"(?<!单位)国内生产总值")


_CITY_AREA_NAMED = re.compile(
    r"(?:重庆市?)?(?P<area>" + "|".join(_AREA_NAMES) + r")(?![以外])")


def city_area(text: str) -> str | None:
    """The part of the city a headline or a plan's title is about (重庆中心城区山城步道…), or None.

    :param text: a headline or a document title
    """
    if "城" not in text:
        return None
    match = _CITY_AREA_NAMED.search(text)
    return CITY_AREAS[match["area"]] if match else None


@lru_cache(maxsize=4096)
def home_region(text: str) -> str | None:
    """The region a headline or heading makes its text's subject, or None for Chongqing.

    A Chongqing district or county (万州区), else another province or city (湖北省, 成都市).
    Cached: a site's own headings (首页 > 正文, 一、总体要求) recur in text after text.

    :param text: a headline, 引题/副题 or heading
    """
    if not _HAN.search(text):
        return None
    if "日电" in text:
        text = _DATELINE.sub("", text)
    if _PAIR_OPENING.match(text):
        return "川渝"  # 成渝地区双城经济圈2023年将实施248个重大项目: both places' list
    named = district_named(text) or new_area(text) or other_place(text) or two_character_county(text)
    if named is None and _ISSUED.search(text) \
            and (_NATIONAL_ISSUER.search(text) or _CHINA_ANNOUNCES.search(text)) \
            and not _CHONGQING_NAMED.search(text):
        return NATIONAL
    return named


#: A Chinese character: a headline without one names no region.
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: A news agency's dateline (新华社北京3月13日电, 人民网重庆9月6日电): where the report was
#: filed, not whose numbers it gives.
_DATELINE = re.compile(r"^[^,。:;\s]{0,10}?(?:\d{1,2}月)?\d{1,2}日电\s*")
#: The national government issuing a plan (国务院印发…, 国家发展改革委发布…): its targets are the
#: whole country's. It opens with the issuers, every one a literal word, so the regex engine
#: skips to them.
_NATIONAL_ISSUER = re.compile(_NATIONAL_BODIES + r"(?:[\u4e00-\u9fff、]{0,12}?)(?:印发|发布|出台|公布|联合印发)")
#: The country announcing its own goals ((全国两会)中国提出“十五五”…主要目标), 中国 as a word of its
#: own (checked behind it).
_CHINA_ANNOUNCES = re.compile(r"中国(?<![\u4e00-\u9fff]中国)(?:提出|明确|确定|公布)")
#: The verbs every _NATIONAL_ISSUER and _CHINA_ANNOUNCES match holds: a quick scan that spares
#: most headlines the scan for the issuers.
_ISSUED = re.compile(r"印发|发布|出台|公布|提出|明确|确定")
_CHONGQING_NAMED = re.compile(r"重庆|渝")
#: A headline whose subject is the pair (成渝地区双城经济圈…, 川渝两地…), not a new area in it.
_PAIR_OPENING = re.compile(r"(?:川渝|成渝)(?:地区)?(?:两地|双城经济圈)?(?![\u4e00-\u9fff]{1,3}新区)(?=\d|[将今明共携合联同])")


#: A new area built across borders (川渝高竹新区) or a joint zone (川南渝西地区) a headline names:
#: its own name is the subject, not the provinces in it.
_NEW_AREA = re.compile(r"(?:^|(?<=[\s:“”]))(?P<area>[\u4e00-\u9fff]{2,6}?(?:新区|(?<=[南北东西])地区))")


def new_area(text: str) -> str | None:
    """A new area or joint zone a headline opens with (川渝高竹新区…), or None.

    :param text: a headline or heading
    """
    if "新区" not in text and "地区" not in text:
        return None  # _NEW_AREA tries every position; most headlines name no area
    match = _NEW_AREA.search(text)
    return match["area"] if match else None
