"""Find the policy targets, statistics and qualitative goals in a normalised document."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import cast

from diff.comparators import comparator_around
from diff.context import Context
from diff.coordination import Respectively, list_comparator
from diff.dating import (
    ANNOUNCING,
    closing_deadline,
    last_deadline,
)
from diff.deadlines import Deadline, find_deadlines, stated_year
from diff.goals import GOAL_LIST, in_goal_list
from diff.items import (
    EACH,
    LIST_VERB,
    LIST_VERB_FIRST,
    RATE_WORDS,
    VERBS_ONLY,
    after_earlier_items,
    after_examples,
    counted_members,
    each,
    share_of,
    without_rate,
)
from diff.kinds import (
    ANNUAL_PLAN,
    GROWTH_MULTIPLE,
    PLAN_MARKERS,
)
from diff.naming import (
    STAGE_VERBS,
    counts_what_is_covered,
    names_class_counted,
    served,
    subject_of_stage,
)
from diff.numbers import to_float
from diff.phrases import (
    ANAPHOR,
    COUNT_VERBS,
    clean_indicator,
    is_indicator,
    noun_after,
    official_name,
    start_of_clause,
)
from diff.qualitative import qualitative_goals
from diff.quantities import MEASURE_WORDS, Candidate, class_count, find_candidates
from diff.record import Document, Kind, Target
from diff.restatements import Restatements
from diff.scopes import Scopes
from diff.structure import Block, read_blocks
from diff.tables import table_values
from diff.verdicts import kind_as_read, kind_in_context, no_record, region_of, unit_of

#: Bump whenever the records produced for the same text change.
EXTRACTOR_VERSION = "50"

#: A sentence: up to final punctuation, or up to a bullet that opens the next item inline.
SENTENCE = re.compile(r"[■□◆◇▲△★☆●○◎•]*[^。!?;\n■□◆◇▲△★☆●○◎•]+[。!?;]*")
#: A bare comparator that refers back to the sentence's last indicator (已建成10万个,力争达到15万个).
_ANAPHORIC = re.compile(
    r"(?:达到|达|突破|超过|提升至|提升到|提高到|提高至|增至|增加到|增长到|增长至|跃升至|跃升到|上升到|上升至"
    r"|扩大到|扩大至|降至|降到|下降到|减少到|控制在|不低于|不少于|完成|迈上|跃上|跨过|迈过|跨越"
    r"|调整至|调整为|调整到|下调至|下调为|上调至|上调为)$"  # a goal set anew (2026年调整至5%)
)
#: The old value of a change ("从2017年的2.01万亿元增加到2.91万亿元"): not a record itself.
_FROM = re.compile(r"(?:从|将由|由)(?:\d{4}年(?:底|末)?)?的?$")
#: The characters an _ANAPHORIC or a _FROM match ends with: a prefix that ends with none of them
#: is not scanned (a sentence holds no line break for $ to stop before).
_ANAPHORIC_LAST = frozenset("到达破过至在于成上越为")
_FROM_LAST = frozenset("从由年底末的")
#: A difference from a reference ("高于预期目标7.5个百分点", "高于全国2个百分点"): not a record.
#: Every alternative opens with its word (不 checked behind it), so the regex engine skips to
#: the words instead of trying every position of the prefix.
_RELATIVE = re.compile("|".join(f"{word}(?<!不{word})[^,;。]{{0,8}}$"
                                for word in ("高于", "好于", "低于", "超出", "快于", "慢于", "高出", "低出"))
                       + r"|比[^,;。]{1,8}?(?<![提升增降加])(?:高|低|快|慢)了?$")
#: A rate without its own subject (增速, 环比降幅), or no words at all: it refers back to the
#: last indicator. A set of words: a look-up is cheaper than a regex call.
_BARE_RATES = frozenset({"", *(period + rate for period in ("", "同比", "环比")
                               for rate in ("增速", "增幅", "降幅", "涨幅"))})
#: 同比/环比 before a change; named in the indicator only when a sentence reports both.
_PERIOD_COMPARISON = re.compile(r"(同比|环比)(?:增长|下降|提高|上升|增加|提升|上涨|降低|减少)?了?$")
#: Attributes that measure the thing named just before them (科技创新项目15个,年度计划投资14亿元).
_ATTRIBUTE = re.compile(r"(?:年度)?(?:计划|预计)?(?:完成)?投资|产值|营业收入|营收|总投资")
#: The words _ATTRIBUTE matches whole.
_ATTRIBUTES = frozenset({year + plan + done + "投资" for year in ("", "年度") for plan in ("", "计划", "预计")
                         for done in ("", "完成")} | {"产值", "营业收入", "营收", "总投资"})
#: Sizes that measure the thing named just before them (老旧小区1227个,总面积达3011万平方米;
#: 生产总值年均增长11%左右,总量突破5500亿元): glued to it, or, for 总量 of an amount, the amount.
_SIZE_OF_LAST = re.compile(r"(?:改造|建设|建筑|占地)?总?面积|总量|总规模")
#: The words _SIZE_OF_LAST matches whole.
_SIZES_OF_LAST = frozenset({kind + total + "面积" for kind in ("", "改造", "建设", "建筑", "占地")
                            for total in ("", "总")} | {"总量", "总规模"})
#: A measure named alone (产值, 产量): it measures what the sentence is about.
_MEASURES_ONLY = _ATTRIBUTES | {"产量", "增加值", "规模", "产能", "总产值", "销售收入", "营业收入"}
#: An item of a numbered list that opens on its subject (一是新材料产业,…; 其二,…).
_ITEM_OPENING = re.compile(r"[■□◆◇▲△★☆●○◎•]?(?:[一二三四五六七八九十]是|其[一二三四五六七八九十])")
_AMOUNT = re.compile(r"(?:总值|总额|产值|收入|投资)$")
_PERIOD_ONLY = {"年均增速", "年均增幅", "年均降幅", "全年增速", "累计增速"}
#: A mark passed, right after a number (4万亿台阶).
_STEPS = ("台阶", "大关")
#: Only a listing comma between two quantities: the second measures the same item in another
#: unit (城市规模达到50平方公里、50万人); so does one right after the first (改造老旧小区25个1697户).
_SECOND_QUANTITY = "、"
_SIZE_NOUN = re.compile(r"(?:总量|规模|总额|产值|收入|增加值|生产总值|GDP)$")
_GROWTH = re.compile(r"(?:增长|增速|提高|上升|增加|提升|上涨)(?:了)?$")
_DECLINE = re.compile(r"(?:下降|降低|减少|缩小|降(?<![下升]降))(?:了)?$")  # each word opens it: skipped to
_DECLINE_LAST = frozenset("降低少小了")  # what every _DECLINE match ends with
_DURATION = re.compile(r"(?:持续|历时|为期|连续|用时|耗时|需要|需|仅需|只需|每|展期|工期|会期|期限|周期)$")
#: A day or a week that hours or minutes are spent in (每天校内与校外各1小时).
_EACH_DAY = re.compile(r"每(?:天|日|周|星期)")
_BARE_COMPARATOR = re.compile(r"(?:不到|不足|至少|仅|约|近|超过|达到|达|就|只)+$")
#: The reference of a change ("比前一天增加", "与2008年同期相比上升"): not part of the indicator.
_REFERENCE = re.compile(r"(?:比|较|与|同)[^,;。]{0,10}?(?:相比|同期)?$")
#: Every word opens with a literal character (售 checked behind itself), so the regex engine
#: skips to the words.
_PRICE = re.compile(
    r"(?:每[^,;。]{0,3}|上涨|下跌|上调|下调|涨了|跌了|票价|门票|售价|价格|原价|特价|单价|均价|收费|仅售|售(?<![零销]售)|罚金"
    r"|罚款|首付|月供|租金|赔偿|月薪|工资|标准|能卖|可卖|卖|一(?:斤|公斤|千克)|每(?:斤|公斤|千克))[^,;。]{0,2}$"
)


def extract(document: Document) -> list[Target]:
    """Targets, statistics and qualitative goals in a document, in document order.

    The body is read block by block (:mod:`diff.structure`); each block inherits the frame,
    topic and subject of the headline, headings and lead-ins around it (:mod:`diff.scopes`),
    and each number resolves against its own sentence first, then outward.

    :param document: the normalised body with its headline, 引题/副题 and publication date
    """
    published = document.published
    text = clause_spaces(document.body)
    scopes = Scopes.for_document(document.title, document.subtitle, published, document.source)
    kept = Restatements(scopes.title_words)
    context = Context()
    lead = True
    body_end = len(text.rstrip())
    cut_at = body_end if body_end and text[body_end - 1] not in _FINAL_MARKS else body_end + 1
    for block in read_blocks(text):
        # a paper's 本报讯 opens the story's lead, whatever page furniture came before it
        lead = lead or (block.kind == "paragraph" and block.text.startswith(_LEAD_OPENINGS))
        inherited = scopes.enter(block, lead and block.kind == "paragraph")
        lead = lead and block.kind not in ("paragraph", "lead_in")
        context.inherit(inherited)
        for sentence, offset in _block_sentences(block):
            context.begin(text, offset if block.kind != "card" else block.start, block.kind == "furniture")
            cut = offset + len(sentence) >= cut_at
            found = _read_sentence(context, sentence, offset, published, cut)
            for record in found:
                if text is not document.body and record.sentence == sentence:
                    record.sentence = document.body[offset:offset + len(sentence)]
                kept.add(record)
    for record in _table_targets(document, scopes):
        kept.add(record)
    return sorted(kept.records, key=lambda record: record.start)


#: What opens a newspaper story's lead (本报讯 (记者 夏元)2月18日,…).
_LEAD_OPENINGS = ("本报讯", "本报记者")


#: A space (or a dash set in spaces) between Chinese words: where a summary card or a page that
#: lost its punctuation separates clauses (挡墙13.46千米 道路8.72千米; 概览 - 扬中市…).
#: Both open with the space or dash itself (the look-behind after it), so the regex engine skips
#: to the spaces instead of testing the look-behind at every character.
_CLAUSE_SPACE = re.compile(r"[ \u3000](?<=[\u4e00-\u9fff\]”][ \u3000])(?=[\u4e00-\u9fff“\[])")
_SPACED_DASH = re.compile(r"[-–—•·](?<=[\u4e00-\u9fff\]”] [-–—•·])(?= [\u4e00-\u9fff“\[])")


def clause_spaces(text: str) -> str:
    """``text`` with each space or spaced dash that separates Chinese clauses read as a comma,
    offsets kept."""
    if " " not in text and "\u3000" not in text:
        return text
    return _SPACED_DASH.sub(",", _CLAUSE_SPACE.sub(",", text))


def _table_targets(document: Document, scopes: Scopes) -> Iterator[Target]:
    """Targets in the future year columns of flattened tables (:mod:`diff.tables`)."""
    region, region_source = scopes.document_subject()
    for cell in table_values(document.body, document.published):
        indicator = official_name(clean_indicator(cell.indicator))
        if not is_indicator(indicator):
            continue
        yield Target(kind="target", indicator=indicator, value=to_float(cell.value), unit=cell.unit,
                     comparator="=", year=cell.year, region=region, sentence=cell.row,
                     start=cell.start, end=cell.end, year_source="heading",
                     region_source=region_source)


def extract_targets(text: str, published: dt.date | None = None, title: str = "",
                    subtitle: str = "", source: str = "") -> list[Target]:
    """Targets, statistics and qualitative goals in a normalised body (see :func:`extract`).

    :param text: normalised text (``policywatch.normalize.normalize_text``)
    :param published: publication date, resolving 今年/明年/今后五年
    :param title: the headline, part of the document's context
    :param subtitle: 引题 and 副题
    :param source: the paper or site
    """
    return extract(Document(text, title, subtitle, published, source))


def _block_sentences(block: Block) -> Iterator[tuple[str, int]]:
    """(sentence, offset) of a block; a data card reads as its label before its value, a
    page's counter (1万 / 帖子) not at all."""
    if block.kind == "furniture" and block.label:
        return
    if block.kind == "card":
        sentence = block.label + block.text
        yield sentence, block.start - len(block.label)
        return
    # one search after another: what finditer finds (no sentence is empty), cheaper; none is
    # left to look for once the last one ends with the block
    position, end = 0, len(block.text)
    while position < end and (match := SENTENCE.search(block.text, position)) is not None:
        position = match.end()
        sentence = match.group(0)
        if len(sentence) <= MAX_SENTENCE:
            yield sentence, block.start + match.start()
        else:
            yield from _pieces(sentence, block.start + match.start())


#: The longest stretch read as one sentence; a longer one (a list run on for pages, a page
#: without punctuation) is read in pieces cut at clause breaks, so work stays linear.
MAX_SENTENCE = 400
_PIECE_BREAK = re.compile(r"[,、:]")


def _pieces(sentence: str, offset: int) -> Iterator[tuple[str, int]]:
    """A sentence, or its pieces of at most :data:`MAX_SENTENCE` characters."""
    while len(sentence) > MAX_SENTENCE:
        cut = max((m.end() for m in _PIECE_BREAK.finditer(sentence, MAX_SENTENCE // 2, MAX_SENTENCE)),
                  default=MAX_SENTENCE)
        yield sentence[:cut], offset
        sentence, offset = sentence[cut:], offset + cut
    yield sentence, offset


#: What a text that ends where its page ends closes with; any other last character is a cut.
_FINAL_MARKS = set("。!?;”」)》…")


def _read_sentence(context: Context, sentence: str, offset: int, published: dt.date | None,
                   cut: bool = False) -> list[Target]:
    """The records of one sentence, and what it establishes for the sentences after it.

    ``cut``: the page cuts the text off at the end of this sentence."""
    deadlines = find_deadlines(sentence, published)
    context.note_home(sentence)
    context.note_review(sentence, deadlines)
    off_at = context.off_topic_from(sentence, deadlines)
    carried = context.carried(sentence, published)
    if carried is not None:
        deadlines.insert(0, carried)
    reading = Reading(sentence, offset, published, context, off_at, cut)
    found = list(_sentence_records(reading, deadlines))
    context.note_progress(sentence)
    if found and published and any(record.kind == "target" for record in found) \
            and GOAL_LIST.search(sentence):
        # 主要预期目标是:… plans this year; the paragraph's next sentences go on with the list,
        # whatever the paragraph reported before it
        context.paragraph.report = False
        if not deadlines:
            deadlines = [Deadline(published.year, 0, 0, False)]
    context.after(sentence, deadlines, found, off_at, published)
    return found


class Reading:
    """One sentence and what the document around it established."""

    def __init__(self, sentence: str, offset: int, published: dt.date | None, context: Context,
                 off_at: int | None, cut: bool) -> None:
        self.sentence, self.offset, self.published = sentence, offset, published
        self.context, self.off_at, self.cut = context, off_at, cut
        self.own_year = context.frame_year()

    def region_at(self, position: int) -> tuple[str, str]:
        """The region of a number at ``position`` and where it came from."""
        return self.context.region_at(self.sentence, position)

    def year_of(self, deadline: Deadline | None) -> tuple[int | None, str]:
        """The deadline year of a target and where it came from."""
        if deadline is not None and deadline.end > 0:
            return deadline.year, "sentence"
        if deadline is not None:
            return deadline.year, self.context.frame_source
        return self.own_year

    def year_for(self, kind: str, number: Candidate, indicator: str, deadline: Deadline | None,
                 deadlines: list[Deadline]) -> tuple[int | None, str]:
        """A record's year and where it came from: a target's deadline (or the deadline that
        closes its list, or this year's for a year's plan or rate), a statistic's stated year."""
        sentence, published = self.sentence, self.published
        if kind != "target":
            return stated_year(sentence[:number.start], published), "sentence"
        year, year_source = self.year_of(deadline)
        closing = closing_deadline(deadlines, sentence, number.end) \
            if deadline is None or deadline.end == 0 else None  # one the sentence states before wins
        if closing is not None:
            year, year_source = closing.year, "sentence"  # …5180个,到2022年全部完成
        if year is None and published and (
                "年度" in indicator or ANNUAL_PLAN.search(sentence[:number.start])
                or indicator.endswith(RATE_WORDS)
                or "今年" in sentence[:number.start]
                or stated_year(sentence[:number.start], published) == published.year):
            # this year's plan, rate, or the year the sentence names (重庆市2023年…动员大会上,…;
            # 今年以来,我县计划实施重点建设项目132个)
            year, year_source = published.year, "sentence"
        if "年均" in indicator and not indicator.endswith("年均浓度") and not (deadline and deadline.strong) \
                and year_source not in ("heading", "title", "list"):
            year = None  # an annual average runs over a period a single year cannot date (not a
            # year's mean concentration: 细颗粒物年均浓度控制在29微克/立方米左右)
        return year, year_source


def _sentence_records(reading: Reading, deadlines: list[Deadline]) -> Iterator[Target]:
    """The records of one sentence."""
    sentence, offset = reading.sentence, reading.offset
    numbers = sorted(find_candidates(sentence), key=lambda number: number.start)
    members = {number.start: counted_members(sentence[:number.start], number.counted)
               for number in numbers if number.counted}
    if members:  # A、B、C等3个3000亿级产业集群 sizes each name; unnamed, the class is counted
        named = {start for start, names in members.items() if names}
        kept = [number if not number.counted or members[number.start] else class_count(sentence, number)
                for number in numbers if number.counted or number.start not in named]
        numbers = [number for number in kept if number is not None]
    if not numbers:  # most sentences: only a qualitative goal, and none of the set-up below
        yield from qualitative_goals(sentence, offset, deadlines, numbers, reading.region_at)
        return
    consumed = 0
    list_verb = last_indicator = ""
    clause_of_verb = -1
    respective = Respectively()
    both_periods = "同比" in sentence and "环比" in sentence
    framed = _DISPOSAL.sub("■", sentence) if "将" in sentence else sentence
    for number in numbers:
        if reading.off_at is not None and number.start >= reading.off_at:
            continue  # an event's, an incident's or a company's: no record, so nothing is read
        if number.start < consumed:
            continue
        clause_start = start_of_clause(sentence, number.start)
        deadline = last_deadline(deadlines, number.start)
        item_start = max(clause_start, deadline.end if deadline else 0)
        first_item = consumed <= item_start
        item_start = max(item_start, consumed)
        prefix = after_earlier_items(sentence[item_start:number.start])
        if deadline is not None and deadline.end > 0 and deadline.start > clause_start \
                and not clean_indicator(prefix):
            # 主营业务收入2017年达到2400亿元左右: what is measured stands before the year
            prefix = sentence[max(clause_start, consumed):deadline.start] + prefix
        prefix = respective.prefix_for(prefix, clause_start, sentence[number.end:], sentence[:clause_start])
        after = sentence[number.end:]
        comparator, tail = comparator_around(prefix, after, number.comparator)
        if comparator == "=" and not tail:
            comparator = list_comparator(after) or comparator
        kind = kind_in_context(reading, framed, number, prefix, tail, deadline, clause_start)
        if number.unit in ("元", "美元") and names_class_counted(sentence, number, prefix):
            continue  # its words belong to the count's indicator
        origin = _FROM.search(prefix) if prefix[-1:] in _FROM_LAST else None
        # every _RELATIVE match holds 于, 出 or 比: most prefixes are not scanned
        if origin or (("于" in prefix or "出" in prefix or "比" in prefix) and _RELATIVE.search(prefix)):
            if origin:
                last_indicator = clean_indicator(prefix[:origin.start()])
            consumed = number.end
            continue
        goal_listed = in_goal_list(sentence, number.end)
        noun = noun_after(after[len(tail):]) if goal_listed else ""
        share = share_of(number, prefix, after, tail)
        if share:  # 力争70%的村级集体经济组织年经营性收入达5万元以上: the share that reaches it
            indicator, consumed_to = share["what"] + "的比例", share.end()
        elif noun:  # 建成100万亩优质粮油基地、100万头生猪基地的发展目标: the noun follows its size
            indicator, consumed_to = noun, len(tail) + len(noun)
        else:
            opening = _opening_subject(sentence, clause_start) \
                if number.fixed_indicator is not None else ""  # read only where a size may need it
            indicator, consumed_to = _indicator(number, prefix, after, tail, kind, both_periods, opening)
        if indicator is None:
            continue
        base = without_rate(last_indicator) if indicator else last_indicator
        if indicator in _PERIOD_ONLY and last_indicator:
            indicator = base + indicator
        year_again = not indicator and _year_again(sentence, clause_start, deadline, number.start)
        if year_again and not last_indicator:
            # 2020年达到3800亿元左右 after …2017年达到2400亿元左右: the same measure, a later year
            last_indicator = base = reading.context.last_indicator
        if indicator and _unannounced(indicator) in _BARE_RATES and (
                last_indicator or reading.context.last_indicator.endswith(RATE_WORDS)):
            # 四川提出,今年地区生产总值增长5.5%左右。广东提出增长5%左右: the rate named before
            indicator = _unannounced(indicator)
            if not last_indicator:
                last_indicator = reading.context.last_indicator
                base = without_rate(last_indicator)
        if not indicator and not last_indicator and ANAPHOR.search(prefix):
            # 今年,这一数字将超过200个: what the sentence before measured
            last_indicator = base = reading.context.last_indicator
        if not indicator and not last_indicator and "其中" in sentence[:number.start]:
            # 用水总量不超过国家下达指标,其中2025年不超过79.9亿立方米: the first clause's subject
            last_indicator = base = _opening_subject(sentence, clause_start)
        if indicator in _BARE_RATES:
            right_after = not prefix and any(other.end == number.start for other in numbers)
            if not last_indicator or (not indicator and not _anaphoric(prefix)
                                      and prefix != _SECOND_QUANTITY and not year_again and not right_after):
                continue
            indicator = base + indicator
        elif indicator.startswith("占") and last_indicator:
            indicator = without_rate(last_indicator) + indicator
        elif indicator in _ATTRIBUTES and last_indicator and not _ATTRIBUTE.search(last_indicator):
            indicator = last_indicator + indicator  # 科技创新项目15个,年度计划投资14亿元
        elif indicator in _SIZES_OF_LAST and base and not _SIZE_OF_LAST.search(base):
            indicator = base if indicator == "总量" and _AMOUNT.search(base) else base + indicator
        elif last_indicator and "其中" in sentence[:number.start]:
            indicator = _part_of_total(indicator, last_indicator)
        elif not last_indicator and indicator in _MEASURES_ONLY and _ITEM_OPENING.match(sentence):
            # 一是新材料产业,…力争到2026年产值达到200亿元以上: the output of the item's subject
            indicator = _opening_subject(sentence, clause_start) + indicator
        if indicator in _BARE_VERBS:  # 其中续建39项、230公里: what the last item built
            indicator += _built(last_indicator or reading.context.last_indicator)
        if indicator in STAGE_VERBS and last_indicator:
            indicator = subject_of_stage(last_indicator) + indicator
        last_indicator = indicator
        if first_item:
            verb = LIST_VERB.match(indicator) if indicator[:1] in LIST_VERB_FIRST else None
            list_verb, clause_of_verb = (verb.group(0) if verb else ""), clause_start
        elif list_verb and clause_of_verb == clause_start and len(indicator) <= 3:
            indicator = list_verb + indicator
        consumed = number.end + (consumed_to if consumed_to else len(tail))
        unit = unit_of(number, indicator, sentence, after, tail)
        planned = bool(deadline and deadline.strong) or bool(PLAN_MARKERS.search(prefix))
        if no_record(reading, number, prefix, after, tail, indicator, unit, kind, planned,
                      consumed, goal_listed):
            continue
        if after.startswith(_STEPS):
            comparator = ">="
            if not _SIZE_NOUN.search(indicator):
                indicator += "规模"
        kind = kind_as_read(kind, sentence, number, prefix, after, indicator, deadline,
                             bool(share), goal_listed, planned)
        if number.plan_only and kind != "target":
            continue
        year, year_source = reading.year_for(kind, number, indicator, deadline, deadlines)
        if unit not in ("%", "个百分点") and indicator.endswith(RATE_WORDS):
            indicator = without_rate(indicator) or indicator  # 服务贸易增长30%,达到170亿美元
        region, region_source = region_of(reading, number, indicator)
        if number.counted:
            names = [member + (number.fixed_indicator or "") for member in members[number.start]]
        elif unit == "倍" or ("均" in indicator and EACH.search(indicator)):
            names = each(indicator)
        else:
            names = [indicator]
        names += respective.also(indicator)
        for name in names:
            yield Target(
                kind=cast(Kind, kind),
                indicator=official_name(name),
                value=to_float(number.value),
                unit=unit,
                comparator=comparator,
                year=year,
                region=region,
                sentence=sentence,
                start=offset + number.start,
                end=offset + number.end,
                value_max=to_float(number.value_max),
                year_source=year_source if year is not None else "default",
                region_source=region_source,
            )
    yield from qualitative_goals(sentence, offset, deadlines, numbers, reading.region_at)


#: The verb between a clause's own year and its value (2020年达到3800亿元左右).
_VALUE_VERB = re.compile(r",?(?:力争|预计)?(?:还将|将)?(?:达到|达|突破|超过|增至|增加到|增长到|提高到|提升至|提升到|实现|为)?")


def _anaphoric(prefix: str) -> re.Match[str] | None:
    """The bare comparator that ends ``prefix`` (力争达到), or None."""
    return _ANAPHORIC.search(prefix) if prefix[-1:] in _ANAPHORIC_LAST else None


def _year_again(sentence: str, clause_start: int, deadline: Deadline | None, position: int) -> bool:
    """Whether a clause is only its own year, a verb and a value (2020年达到3800亿元左右; 到2027年,
    将超过750公里): it gives the last measure's value for another year."""
    return deadline is not None and deadline.end > 0 \
        and deadline.start in (clause_start, start_of_clause(sentence, deadline.start)) \
        and bool(_VALUE_VERB.fullmatch(sentence, deadline.end, position))


def _unannounced(indicator: str) -> str:
    """An indicator without the words that announce a goal before it (提出增速 → 增速)."""
    return indicator[2:] if indicator.startswith(ANNOUNCING) else indicator


#: A verb of building alone: its object is what the item before it built (建设山城步道54项、
#: 294公里。其中续建39项、230公里;新开工15项).
_BARE_VERB_WORDS = ("续建", "新开工", "开工", "开工建设", "建设", "建成", "完工", "竣工", "新建", "改建", "扩建",
                    "改造", "实施", "新开通", "开通")
_BARE_VERBS = frozenset(_BARE_VERB_WORDS)
_LEADING_BUILD = re.compile(r"^(?:计划)?(?:" + "|".join(_BARE_VERB_WORDS) + r")")


def _built(indicator: str) -> str:
    """What an indicator that opens with a verb of building builds (建设山城步道 → 山城步道), or ""."""
    verb = _LEADING_BUILD.match(indicator)
    noun = indicator[verb.end():] if verb else ""
    return noun if len(noun) >= 2 and noun not in _BARE_VERBS else ""


def _opening_subject(sentence: str, clause_start: int) -> str:
    """The short noun phrase a sentence's first clause is or opens on (二是医药产业,…; 用水总量
    不超过国家下达指标,其中…), when the number lies in a later clause; else ""."""
    end = sentence.find(",")
    if end <= 0 or clause_start <= end:
        return ""
    bound = _FIRST_BOUND.search(sentence, 0, end)
    subject = clean_indicator(sentence[:bound.start() if bound else end])
    return subject if len(subject) <= 10 else ""


#: The bound a first clause sets on its subject (用水总量不超过…): where the subject ends.
_FIRST_BOUND = re.compile(r"不超过|不低于|不少于|控制在|达到|保持在")


def _part_of_total(name: str, total: str) -> str:
    """A part of a total broken down after 其中 is measured as the total is: in
    "全年交通计划投资820亿元,其中:铁路285亿元", 铁路 is 铁路计划投资.

    :param name: the part's indicator as read (铁路)
    :param total: the indicator read before it (交通计划投资, or an earlier part's)
    """
    measure = _ATTRIBUTE.search(total)
    if measure is None or _ATTRIBUTE.search(name) or len(name) > 6:
        return name
    return name + measure.group(0)


#: 将 as 把 (将梁平区、武隆区等14个区县纳入…名单, 将荒山造林…等工作有机结合, 将26个…停车场对居民错时开放):
#: it moves an object, it plans nothing; a count right after 将 is always its object.
_DISPOSAL = re.compile(r"将(?=[^,;。]{0,24}?(?:纳入|列入|列为|确定为|认定为|评为)"
                       r"|[^,;。]{2,24}?(?:有机结合|结合起来|作为)|\d+[个家座条所处项])")


def _indicator(number: Candidate, prefix: str, after: str, tail: str, kind: str,
               both_periods: bool = False, opening_subject: str = "") -> tuple[str | None, int]:
    """The indicator of a number and how far past the number it reaches (0: just the tail).

    ``both_periods``: the sentence reports both 同比 and 环比 changes, so rates name which;
    ``opening_subject``: what the sentence's first clause names, for a size that names nothing.
    """
    if number.counted:  # 3个3000亿级主导产业集群: the size of each name listed before it
        return number.fixed_indicator, 0
    if number.fixed_indicator is not None:
        named = clean_indicator(prefix) or opening_subject
        indicator = named + number.fixed_indicator  # 二是医药产业,…达到百亿级规模: 医药产业规模
        return (indicator if is_indicator(indicator) else None), 0
    if number.unit == "倍" and GROWTH_MULTIPLE.search(prefix) and kind == "statistic":
        return None, 0
    if counts_what_is_covered(number, after, tail):
        return None, 0
    recipients_served = served(number, prefix, after, tail)
    if recipients_served:
        return recipients_served, 0
    anaphoric = _anaphoric(prefix)
    if anaphoric and not clean_indicator(prefix[:anaphoric.start()]):
        owned = noun_after(after[len(tail) + 1:]) if after.startswith("的", len(tail)) else ""
        if owned:  # 五年的时间,达到1000亿元的工业开票销售收入: the noun the amount is of
            return owned, len(tail) + 1 + len(owned)
        if not (number.unit in MEASURE_WORDS and noun_after(after[len(tail):])):
            return "", 0  # 力争达到15万个: the sentence's last indicator (not 完成90个数字化医疗设备配置)
    indicator = clean_indicator(prefix)
    named, noun_follows = after_examples(indicator)
    noun = noun_after(after[len(tail):]) if noun_follows else ""
    if noun:  # 开工建设黔江至吉首高铁等2个项目, 对新民洲大寨河等3公里河道
        return named + noun, len(tail) + len(noun)
    if not noun_follows:
        indicator = named
    if number.unit in ("%", "个百分点"):
        growth = _GROWTH.search(indicator)
        change = growth or (_DECLINE.search(indicator) if indicator[-1:] in _DECLINE_LAST else None)
        if change:
            verb = change.group(0)
            base = indicator[:change.start()]
            period = _PERIOD_COMPARISON.search(base) if "比" in base else None
            base = base[:period.start()] if period else base
            period = _PERIOD_COMPARISON.search(prefix) if both_periods else None
            qualifier = period.group(1) if period else ""
            if "比" in base or "较" in base or "与" in base or "同" in base:  # what a _REFERENCE opens with
                base = _REFERENCE.sub("", base)
            base = clean_indicator(base)
            rate = ("涨幅" if verb.startswith("上涨") else "增速") if number.unit == "%" else "增幅"
            indicator = base + qualifier + (rate if growth else "降幅")
    if number.unit == "岁" and "寿命" not in indicator:
        return None, 0
    verb_alone = indicator in VERBS_ONLY or indicator in COUNT_VERBS
    counting = number.unit in MEASURE_WORDS or not indicator or verb_alone
    noun = noun_after(after[len(tail):]) if counting else ""
    if noun and ((verb_alone and number.unit not in MEASURE_WORDS)
                 or (len(noun) <= 2 and len(indicator) <= 4 and not indicator.startswith("等"))):
        return indicator + noun, len(tail) + len(noun)  # 新增1000公顷城市绿地, 启动160个项目
    if noun:
        return noun, len(tail) + len(noun)
    if number.unit in ("天", "小时", "分钟") and (_DURATION.search(_BARE_COMPARATOR.sub("", prefix))
                                             or (number.unit != "天" and _EACH_DAY.search(prefix))):
        return None, 0  # 历时3天; 保障学生每天校内与校外各1小时体育活动: time an activity takes
    if number.unit in ("元", "美元") and _PRICE.search(prefix):
        return None, 0
    if number.multiplier_only and not indicator.endswith("人口") and not after.startswith(_STEPS) \
            and kind != "target":
        return None, 0
    if indicator in _BARE_RATES:
        return indicator, 0
    return (indicator if is_indicator(indicator) else None), 0
