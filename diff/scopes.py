"""Scopes: what a headline, a heading or a lead-in says (a frame, a subject, a topic) and how
far it holds.

A frame dates the numbers under it: ``plan`` frames (2026年主要预期目标, 到2027年,
“十五五”时期主要目标, 展望2030年) make the bare items under them targets; ``time`` frames
(今年, 2026年) only date numbers whose own sentence plans them. A ``report`` topic (工作回顾,
过去五年, 一年来) makes the numbers under it reported facts. A subject (a district or another
province named in the headline or a 《》 document title) is whose numbers they are.

Scopes nest: the document (headline, 引题/副题, lead), the sections opened by headings (until
a heading of the same or a higher level), and the list opened by a lead-in (until running text
begins). A number resolves against its own sentence first, then outward.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from diff.deadlines import HOLIDAYS, Deadline, find_deadlines
from diff.kinds import MET_PLAN, MET_PLAN_WORD, NAMES, PLAN_MARKERS
from diff.phrases import (
    CHONGQING,
    DISTRICT_NAMES,
    DISTRICTS,
    OTHER_PLACES,
    city_area,
    city_named,
    county_named,
    district_named,
    home_region,
    lies_within,
)
from diff.structure import Block, numbering

#: Words of a heading or lead-in that make the numbers under it a plan's (2026年卫生健康工作这么干:
#: how the year's work will be done). Every alternative opens with its literal word, so the regex
#: engine skips to the words (one opening with a group makes it try every position).
PLAN_WORDS = re.compile(
    r"目标|任务|计划|规划|预期|力争|确保|展望|安排|部署|重点工作|工作要点|方案|行动|实事|将|要(?<![需重主只摘纪]要)(?![素求点闻])"
    r"|这么干|怎么干|这样干|清单|要求(?<!符合要求)(?<!达到要求)|政策取向"
)
#: Words of a heading that make the numbers under it reported facts.
REPORT_WORDS = re.compile(r"回顾|回眸|盘点|综述|这一年|成绩|成效|成就|成果(?:新闻)?发布|过去|一年来|五年来|年来|进展|完成情况|总结|亮点|数说|交卷|答卷")
#: A plan's own year range in a title: 行动方案(2024—2027年), 行动计划(2023—2027).
YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-—–~至到]\s*(?P<end>(?:19|20)\d{2})(?:年|(?=\)))")


@dataclass(frozen=True)
class Frame:
    """A frame that dates the numbers in its scope."""

    year: int | None
    plan: bool
    source: str


@dataclass
class Scope:
    """What one scope establishes; None where it says nothing."""

    source: str
    level: int = 0
    frame: Frame | None = None
    report: bool = False
    region: str | None = None


@dataclass
class Inherited:
    """What a block inherits from the scopes around it."""

    frame: Frame | None = None
    report: bool = False
    region: str = CHONGQING
    region_source: str = "default"


def read_scope(text: str, source: str, published: dt.date | None, level: int = 0) -> Scope:
    """The frame, topic and subject that a headline, heading or lead-in states (a lead's
    frame only: nothing else of a lead is read).

    :param text: the headline, heading or lead-in
    :param source: ``title``, ``lead``, ``heading`` or ``list``
    :param published: publication date, resolving 今年 and skipping past years
    :param level: the heading level
    """
    scope = Scope(source, level)
    plain = MET_PLAN.sub("", text) if MET_PLAN_WORD.search(text) else text
    plain = NAMES.sub(_keep_titles_and_periods, plain)
    deadlines = find_deadlines(plain, published)
    year_range = YEAR_RANGE.search(text)
    year = deadlines[-1].year if deadlines else None
    if year is None and source in ("title", "heading"):
        year = _bare_year(plain, published)
    if year_range and (year is None or int(year_range["end"]) >= year):
        year = int(year_range["end"])
    if year is None and published and source in ("heading", "list") and _THIS_YEARS_LIST.search(plain):
        year = published.year  # 民生实事清单, 会议票决产生了民生实事项目: the year's own list
    if year is None and source == "lead":
        return scope  # a lead is read for the frame it dates only: without a year it dates none
    past = _past_year(text, published)
    reviewed = _REVIEWED_PLAN.search(plain)
    if source == "heading" and year is None and _PLANS_AND_REPORTS.fullmatch(plain):
        pass  # 计划总结, a site's section of plans and reports: it says neither
    elif (REPORT_WORDS.search(plain) and not (source == "list" and _future_deadline(deadlines, published))) \
            or _plans_met(text) \
            or (source == "title" and _TALLIED.search(plain) and not _future_deadline(deadlines, published)) \
            or (reviewed and not PLAN_WORDS.search(plain, reviewed.end())) \
            or (past and not deadlines and not PLAN_MARKERS.search(_REVIEWED_PLAN.sub("", plain))):
        scope.report = True
    elif source == "title" and (_SCHEDULE.search(plain) or _SEASON_OF_YEAR.search(plain)):
        pass  # 2026年春运将于2月2日开始, 介绍2026年春运形势和工作安排: the headline dates an event or
        # a season, it plans nothing
    elif year is not None and not (past and reviewed):
        # (not 2024年…计划执行情况及2025年计划草案: a report in two parts, whose headings decide)
        planned = bool(PLAN_WORDS.search(plain)) or any(d.strong for d in deadlines) \
            or year_range is not None
        scope.frame = Frame(year, planned, source)
    elif source == "heading" and _GOAL_HEADING.fullmatch(plain):
        scope.frame = Frame(None, True, source)  # 目标: the items under it are goals, undated
    if source != "lead" and len(text) <= _NAMING_LENGTH:
        # a part of the city names the whole text's subject in a headline only: a heading
        # naming one (中心城区缓堵促畅) titles one item of a list
        scope.region = home_region(text) or (city_area(text) if source == "title" else None)
    return scope


def _future_deadline(deadlines: list[Deadline], published: dt.date | None) -> bool:
    """Whether an explicit deadline after the publication year is stated: in a list's lead-in
    (到2027年,…建设取得显著进展,实现以下目标:) the progress is the goal, not a report."""
    return published is not None and any(
        deadline.strong and deadline.year is not None and deadline.year > published.year
        for deadline in deadlines)


#: A headline tallying what is done (重大项目累计完成投资1971.8亿元): the text reports progress.
_TALLIED = re.compile(r"累计(?:完成|建成|开工|实现)|已(?:完成|建成|开工)")
#: The day an event starts or ends (将于2月2日开始, 于5月20日在渝举行, 6月7日开考), or the month a project
#: is done (2023年7月完工): a schedule, not a plan.
_SCHEDULE = re.compile(r"于\d{1,2}月\d{1,2}日[^,;。]{0,12}?(?:开始|开幕|举行|举办|召开|启动|结束|闭幕)"
                       r"|\d{1,2}月\d{1,2}日(?:开考|开赛|开跑)"
                       r"|年\d{1,2}月(?:底|份)?(?:完工|竣工|投产|建成|投用|开业|封顶)")
#: A year's holiday or travel season (2026年春运, 2025年“五一”): the season's arrangements, not a
#: plan for the year (not 2025年春节前, a deadline).
_SEASON_OF_YEAR = re.compile(r"(?:19|20)\d{2}年(?:" + HOLIDAYS + r")(?!前|之前)")
#: A heading that names both plans and reports, a site's section (计划总结, 规划计划与工作总结).
_PLANS_AND_REPORTS = re.compile(r"(?:工作)?(?:规划|计划)(?:与|和|及)?(?:工作)?总结|(?:工作)?总结(?:与|和|及)?(?:工作)?(?:规划|计划)")
#: A heading that is only a goal word (目标, 主要目标, 发展目标任务): it dates nothing, but plans.
_GOAL_HEADING = re.compile(r"(?:主要|发展|总体|工作|预期|奋斗|具体)?目标(?:任务)?[::]?")
#: Lists that are always the publication year's (民生实事 are voted and done within the year).
_THIS_YEARS_LIST = re.compile(r"民生实事|民生清单|全年")
#: The plan a review heading reviews (2024年国民经济和社会发展计划执行情况): no plan word.
_REVIEWED_PLAN = re.compile(r"计划(?:执行|完成)情况")
#: A headline saying a plan's indicators or tasks were met (16项能源规划指标超预期完成, 十大民生实事
#: 全部完成), a harvest was brought in (近60万亩水稻迎丰收) or a record set (粮食产量创20年新高).
#: Each alternative opens with its literal word (the regex engine skips to them).
_PLANS_MET = re.compile("|".join(word + r"[^,。;!?\s]{0,4}?(?:超预期|超额|提前|全面|圆满|顺利)?完成(?!率)"
                                 for word in ("指标", "目标", "任务"))
                        + r"|实事[^,。;!?\s]{0,4}?(?:全部|全面|圆满|顺利|超额)完成"
                        r"|丰收|喜获|新高")
#: Words that make such a completion still to come (确保全年目标任务全面完成).
_WILL = re.compile(r"力争|确保|奋力|努力|争取|将|要|全力")


def _plans_met(text: str) -> bool:
    """Whether a headline or heading reports that a plan was met, a harvest or a record, as a
    review does (not 确保粮食丰收, still to come)."""
    met = _PLANS_MET.search(text)
    return met is not None and not _WILL.search(text, 0, met.start())


def _keep_titles_and_periods(name: re.Match[str]) -> str:
    """A quoted name drops out of a heading, but a document title (《…》), a quoted plan
    period (“十五五”时期主要目标) and a quoted list of the year (2026年“民生清单”) still frame
    what follows."""
    text = name.group(0)
    return text if "《" in text or _QUOTED_PERIOD.fullmatch(text) or _THIS_YEARS_LIST.search(text) else ""


_QUOTED_PERIOD = re.compile(r"“十[三四五六]五”")
#: The shortest numbered line taken for a restated headline, compared without spaces and
#: punctuation (the body's clauses are split where the headline has a space).
_STORY_LENGTH = 8
#: Spaces and punctuation, dropped to compare a line with the headline: one, then any more
#: (a pattern that opens with a repeat makes the regex engine try every position; one that
#: opens with a class lets it skip to the class).
_PUNCTUATION = r"[\s,.:;!?、,。:;!?]"
WORDS_ONLY = re.compile(_PUNCTUATION + _PUNCTUATION + "*")
#: The longest headline or heading read for the place it names.
_NAMING_LENGTH = 80


#: A year in a headline or heading: 2025年, or a year opening a headline without 年
#: (2026重庆交通建设“加速跑”), matched apart: a ^ alternative would make the regex engine try
#: every position.
_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})年")
_OPENING_YEAR = re.compile(r"20\d{2}(?=[\u4e00-\u9fff])")


#: Brackets and marks around a label (【江苏】, 全国:).
_LABEL_MARKS = re.compile(r"[【】\[\]〔〕()():\s]")


def place_label(text: str) -> str | None:
    """The region a heading that only names a place labels (【江苏】 → 江苏省, 【全国】 → 全国,
    【重庆】 → 重庆市), or None.

    :param text: a heading
    """
    if len(text) > _LABEL_LENGTH:
        return None
    name = _LABEL_MARKS.sub("", text)
    if name in ("重庆", CHONGQING):
        return CHONGQING
    return OTHER_PLACES.get(name) or DISTRICTS.get(name) or (name if name in DISTRICT_NAMES else None)


#: The longest heading read as a place label.
_LABEL_LENGTH = 12


def _years(text: str) -> list[int]:
    """The years a headline or heading names, in order."""
    years, start = [], 0
    if text.startswith("20") and not _YEAR.match(text):
        opening = _OPENING_YEAR.match(text)
        if opening:
            years.append(int(opening.group(0)))
            start = opening.end()
    if "年" in text:  # most headings and leads name no year
        years += [int(m["year"]) for m in _YEAR.finditer(text, start)]
    return years


def _bare_year(text: str, published: dt.date | None) -> int | None:
    """The last year a headline or heading names that is not past (2025年区政府工作报告)."""
    years = [y for y in _years(text) if published is None or y >= published.year]
    return years[-1] if years else None


def _past_year(text: str, published: dt.date | None) -> bool:
    """Whether a heading names a year before the publication year (2025年工作回顾)."""
    if published is None:
        return False
    return any(year < published.year for year in _years(text))


@dataclass
class Scopes:
    """The open scopes while a document is read block by block."""

    published: dt.date | None
    document: list[Scope] = field(default_factory=list)
    sections: list[Scope] = field(default_factory=list)
    listing: Scope | None = None
    after_heading: bool = False
    heading_plans: bool = False
    """Whether the last heading plans (主要目标): a second line right under it states the goal."""
    title_words: str = ""
    """The headline without spaces and punctuation, to tell when a numbered line of the body
    restates it."""
    #: The level of the numbered line that restates the headline (一、<headline>): the
    #: headline is then a digest's first story, and its scope ends with that story.
    story_level: int | None = None
    #: What the open scopes give a block, kept until a scope opens or closes (most blocks open
    #: or close none): every change of ``document``, ``sections`` or ``listing`` clears it.
    _open: Inherited | None = field(default=None, repr=False, compare=False)

    @classmethod
    def for_document(cls, title: str, subtitle: str, published: dt.date | None,
                     source: str = "") -> Scopes:
        """Open the document scope from its source, headline and 引题/副题.

        :param title: the headline
        :param subtitle: 引题 and 副题, if any
        :param published: publication date
        :param source: the paper or site: a district's own portal makes the district home
        """
        scopes = cls(published, title_words=WORDS_ONLY.sub("", title))
        # a county's own media, a city's own government or paper
        district = district_named(source) or county_named(source) or city_named(source, title)
        if district:
            scopes.document.append(Scope("source", region=district))
        for text in (subtitle, title):
            if text:
                scopes.document.append(read_scope(text, "title", published))
        return scopes

    def enter(self, block: Block, lead: bool) -> Inherited:
        """Open or close scopes for a block and return what the block inherits.

        :param block: the next block of the body
        :param lead: whether the block is the document's lead paragraph
        """
        self._follow_stories(block)
        if block.kind == "heading" and (label := place_label(block.text)) is not None:
            # 【全国】 / 【江苏】 under 全年目标: whose items follow, within the sections still open
            self.listing = None
            self.sections = [s for s in self.sections if s.source != "label"]
            self.sections.append(Scope("label", region=label))
            self._open = None
            return self._inherited()
        if block.kind == "heading":
            level = block.level if block.numbered else 0
            if self.listing is not None and level:
                # 2025年10项民生实事项目如下: / 一、…安装项目 / 27所中小学…: the lead-in's list runs
                # on through its numbered parts, until a part of a higher level
                self.sections.append(replace(self.listing, level=level - 1))
            self.listing = None
            scope = read_scope(block.text, "heading", self.published, level)
            if scope.region is not None and lies_within(self.document_subject()[0], scope.region):
                scope.region = None  # 天津 over a text on 滨海新区: the area around its subject
            plan = scope.frame is not None or bool(PLAN_WORDS.search(block.text))
            if level:
                self.sections = [s for s in self.sections if s.level < level]
            elif self.after_heading and self.heading_plans:
                scope.report = False  # 主要目标 / “一区一枢纽两中心”建设成效明显: the goal's own words
            elif not self.after_heading:
                # a topic heading inside a review (“十四五”时期工作回顾 / 经济实力迈上新台阶 / …
                # 民族团结进步示范区建设结出新硕果) goes on reporting; a plan heading ends it, as
                # does one that came after the review (会议全面总结… / 安排部署…2026年度重点任务)
                planned_at = max((i for i, s in enumerate(self.sections)
                                  if s.frame is not None and s.frame.plan), default=-1)
                self.sections = [s for i, s in enumerate(self.sections)
                                 if s.report and not plan and i > planned_at]
            # an unnumbered heading right under another (1 坚定不移转变发展方式 /
            # 高质量发展之路越走越宽广) is its second line: it closes nothing
            self.sections.append(scope)
            self._open = None
            self.heading_plans = plan and not (self.after_heading and not level)
            self.after_heading = True
            return self._inherited()
        self.after_heading = False
        if block.kind == "lead_in":
            inherited = self._inherited()
            self.listing, self._open = read_scope(block.text, "list", self.published), None
            return inherited
        if block.kind == "paragraph":
            if self.listing is not None:
                self.listing, self._open = None, None
            if lead:
                inherited = self._inherited()
                if inherited.frame is None and not inherited.report:
                    # a lead is read only where the headline dates nothing and reports nothing
                    scope = read_scope(block.text, "lead", self.published)
                    if scope.frame is not None:
                        # a lead dates the plans after it when the headline did not
                        self.document.append(Scope("lead", frame=Frame(scope.frame.year, False, "lead")))
                        self._open = None
                return inherited
        return self._inherited()

    def _follow_stories(self, block: Block) -> None:
        """In a digest of stories (一、<headline> … 二、<another story>), close the headline's
        scope when the next story begins: its frame (到2027年) is the first story's only."""
        if not (block.numbered and block.level):
            return
        if self.story_level is None:
            number = numbering(block.text)
            story = WORDS_ONLY.sub("", block.text[number[1]:]) if number else ""
            if len(story) >= _STORY_LENGTH and story in self.title_words:
                self.story_level = block.level
        elif block.kind == "heading" and block.level <= self.story_level:
            self.document = [scope for scope in self.document if scope.source != "title"]
            self._open = None
            self.story_level = -1  # closed: no later line reopens it

    def document_subject(self) -> tuple[str, str]:
        """The region the headline, 引题/副题 or source make the document's, and where from."""
        inherited = Inherited()
        for scope in self.document:
            if scope.region is not None:
                inherited.region, inherited.region_source = scope.region, scope.source
        return inherited.region, inherited.region_source

    def _inherited(self) -> Inherited:
        """The innermost frame, topic and subject of the open scopes (kept until they change)."""
        if self._open is None:
            self._open = self._innermost()
        return self._open

    def _innermost(self) -> Inherited:
        """The innermost frame, topic and subject of the open scopes, read through them."""
        inherited = Inherited()
        for scope in [*self.document, *self.sections, *([self.listing] if self.listing else [])]:
            if scope.report:
                inherited.report, inherited.frame = True, None
            if scope.frame is not None:
                frame = scope.frame
                if frame.year is None and inherited.frame is not None:
                    # 目标 under 2022年…工作方案: the goals of the year around it
                    frame = Frame(inherited.frame.year, True, inherited.frame.source)
                inherited.frame, inherited.report = frame, False
            if scope.region is not None:
                inherited.region, inherited.region_source = scope.region, scope.source
        return inherited
