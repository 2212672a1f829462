"""Reading context: what earlier sentences of a paragraph or document established."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from diff.deadlines import Deadline, past_period, stated_year
from diff.exclusions import off_topic
from diff.kinds import CLAUSE_PLAN_MARKERS, PLAN_MARKERS, WILL
from diff.phrases import (
    CARRIED_REGIONS,
    CHONGQING,
    DISTRICT_NAMES,
    city_area,
    city_speaking_of_itself,
    district_named,
    district_planning,
    nation_governing,
    place_governing,
    province_governing,
    region_at,
    subject_at,
)
from diff.record import Target
from diff.scopes import Inherited

#: Words that turn a paragraph to reporting what was done (过去五年, 过去这一年, 过去的一年).
REVIEW = re.compile(r"过去(?:这|的)?(?:一|五|十|[1-9]|10)年|(?:[一二三四五六七八九十]|\d{1,2})年来|成效显著|回顾")
#: Progress so far (截至7月,已完成2687公里): the sentences after it in its paragraph go on
#: reporting, unless they plan again.
_PROGRESS = re.compile(r"(?:截至|截止)(?:目前|当前|今年|\d{1,2}月|(?:19|20)\d{2}年)")
#: What every _PROGRESS match opens with: a substring test spares most sentences the regex call.
_PROGRESS_FIRST = "截"
#: A sentence that opens on last year (去年,全市…;建设…1个,获批…4个): its paragraph reports.
_LAST_YEAR_OPENING = re.compile(r"(?:去年|上年|过去一年)(?:以来|全年)?[,,]")
#: What a _LAST_YEAR_OPENING match opens with: tested first, cheaper than the regex call.
_LAST_YEAR_WORDS = ("去年", "上年", "过去一年")
#: The pair of places 两地/双方 refer back to.
PAIR = "川渝"

#: Paragraphs (title and lead) whose event or incident is the whole article's topic.
_LEAD_PARAGRAPHS = 3
#: The longest line read as a headline, and what a headline does not contain.
_HEADLINE = 40
_SENTENCE_END = re.compile(r"[。!?;]")
#: A set of actions or tasks announced by their number (实施五大重点行动, 抓好8个方面工作, 为民兴办10件实事): the
#: paragraphs after it spell them out.
_ANNOUNCED_ACTIONS = re.compile(
    r"(?:实施|推进|抓好|开展|做好|推动|聚焦|打好|打响|兴办|办好|办理)[^,;。]{0,6}?[一二三四五六七八九十\d]+"
    r"(?:大|个方面|项|件|场)[^,;。]{0,8}?(?:行动|任务|工作|工程|举措|攻坚战|实事)"
)
#: A sentence that ends opening a list of goals (到2027年,…实现以下目标:).
_OPENS_GOALS = re.compile(r"目标(?:是|为|如下)?[::]\s*$")
#: A line that continues the previous paragraph's frame (同时,确保…).
_CONTINUATION = re.compile(r"(?:同时|与此同时|此外|另外|还要|并且)[,]?")
#: The characters a _CONTINUATION or an _ASPECTS_OPENED match opens with: a paragraph opening
#: otherwise (most) is not matched.
_CONTINUATION_FIRST = frozenset("同与此另还并")
_ASPECTS_FIRST = frozenset("力到至")
#: A deadline that opens a list of aspects (到2027年,在乡村规划方面,…), and the paragraphs that go on
#: with it (乡村产业方面,…).
_ASPECT = re.compile(r"[\u4e00-\u9fff]{2,8}方面[,:]")
_ASPECTS_OPENED = re.compile(r"(?:力争)?(?:到|至)(?:19|20)\d{2}年底?,?在?" + _ASPECT.pattern)


@dataclass
class Paragraph:
    """What a paragraph has established so far."""

    frame: Deadline | None = None
    """The plan frame (今年, 到2027年, “十五五”时期) later sentences inherit."""
    region: str = CHONGQING
    """The subject named last (万州, 川渝两地), for sentences that name none."""
    aspects: bool = False
    """Whether the paragraph is one of a deadline's aspects (到2027年,在乡村规划方面,… and the
    乡村产业方面,… after it): the next aspect keeps its frame."""
    report: bool = False
    """Whether the paragraph has begun to report (2023年,全省…; 过去一年): its later sentences
    inherit no plan frame from the headline or headings."""
    progress: bool = False
    """Whether a sentence of the paragraph reported progress so far (截至7月,…)."""


_DOCUMENT_TITLE = re.compile(r"《([^《》]{4,60})》")


def _titled_area(sentence: str) -> str | None:
    """The part of the city a plan's 《》 title in a sentence is about, or None."""
    if "《" not in sentence:
        return None
    for title in _DOCUMENT_TITLE.finditer(sentence):
        area = city_area(title.group(1))
        if area:
            return area
    return None


def _frames_what_follows(sentence: str, deadline: Deadline) -> bool:
    """Whether a sentence without records dates the sentences after it: an explicit deadline
    (到2027年) or a plan does; a 今年 that only places an event does not (大渡口区举行今年第一季度
    招商引资项目集中签约仪式。此次签约项目总协议金额超过72亿元)."""
    return deadline.strong or deadline.end == 0 or bool(
        PLAN_MARKERS.search(sentence) or CLAUSE_PLAN_MARKERS.search(sentence))  # (which holds WILL)


def _holds_review_word(sentence: str) -> bool:
    """Whether a sentence holds a word every REVIEW match holds (过去, 年来, 成效显著, 回顾).

    Most sentences hold none and skip REVIEW (whose N年来 opens with a class, so it is tried at
    every position); a substring test per word costs less than one regex scan for them all,
    which stops at every 年."""
    return "过去" in sentence or "年来" in sentence or "成效显著" in sentence or "回顾" in sentence


class Context:
    """Reading state across the sentences of one document."""

    def __init__(self) -> None:
        """Start a document: no paragraph frame, no district named yet."""
        self.paragraph = Paragraph()
        self.district: str | None = None
        self.pair: str | None = None
        self.off_topic = False
        """Whether the text is reporting an event, an incident or an organisation's own numbers
        (until a sentence names a region as its subject again)."""
        self.lead = True
        """Whether the title and lead paragraphs are still being read: an event or incident
        named there is the whole article's topic; named later, only its paragraph's."""
        self.paragraphs = 0
        self.reviewing = False
        """Whether the lead reviews the years up to now (6年来…): the article reports."""
        self.last_indicator = ""
        """What the last sentence with numbers measured: a line that gives only another year's
        value (2020年达到3800亿元左右) measures it again."""
        self.home = CHONGQING
        """The document's own region: a district named in a headline (2026年江津区政府工作报告)."""
        self.topic_from_lead = False
        self.inherited = Inherited()
        """What the current block inherits from the headline, headings and lead-ins."""
        self.frame_source = "paragraph"
        """Where the frame that :meth:`carried` returned last came from."""
        self.announced: Deadline | None = None
        """The frame of a sentence that announced a set of actions (2026年将深入实施五大重点
        行动): the paragraphs after it that spell them out are planned under it."""

    @property
    def report(self) -> bool:
        """Whether the current sentence lies in a report (工作回顾, or a paragraph that has
        begun to report): its numbers without a deadline of their own are facts."""
        return self.inherited.report or self.paragraph.report or self.reviewing

    def note_review(self, sentence: str, deadlines: list[Deadline]) -> None:
        """A sentence that reviews (成效显著, 过去一年) turns its paragraph to reporting.

        :param sentence: one normalised sentence
        :param deadlines: its own deadlines
        """
        frame = self.paragraph.frame
        if _holds_review_word(sentence) and REVIEW.search(sentence) \
                and not any(d.strong for d in deadlines) \
                and not (frame is not None and frame.strong):
            self.paragraph.report = True
            self.reviewing = self.reviewing or self.lead
        elif self.reviewing and (deadlines or PLAN_MARKERS.search(sentence) or WILL.search(sentence)):
            # the review is over once a sentence plans or dates; its weak words (推动, 打造) do not
            # (scanned only while a review is open: most sentences have nothing to end)
            self.reviewing = False

    def note_home(self, sentence: str) -> None:
        """In the lead of a text no headline placed, a province's own government named (山东省
        省长…代表省人民政府) makes the text that province's, the Premier presenting the State
        Council's report (李强总理代表国务院…) the whole country's, a plan's title naming a part of the
        city (《重庆市中心城区山城步道建设实施方案》) that part's, and a district or county opening
        a sentence on its plans (秀山将坚定不移实施工业强县战略) that district's.

        :param sentence: one normalised sentence
        """
        if self.lead and self.home == CHONGQING and self.inherited.region_source == "default":
            home = province_governing(sentence) or nation_governing(sentence) \
                or place_governing(sentence) or city_speaking_of_itself(sentence) \
                or _titled_area(sentence) or district_planning(sentence)
            if home:
                self.home = self.paragraph.region = home
                if home in DISTRICT_NAMES:
                    self.district = home

    def note_progress(self, sentence: str) -> None:
        """A sentence that reports progress so far (截至7月,已完成…) makes the paragraph's later
        sentences report it too (:meth:`goes_on_reporting`).

        :param sentence: one normalised sentence, after its records are read
        """
        if _PROGRESS_FIRST in sentence and _PROGRESS.search(sentence):
            self.paragraph.progress = True

    def goes_on_reporting(self, sentence: str) -> bool:
        """Whether a sentence without a plan word of its own goes on with the progress its
        paragraph reported (截至7月,已完成2687公里。新解决413个村民小组通硬化路…).

        :param sentence: one normalised sentence
        """
        return self.paragraph.progress and not PLAN_MARKERS.search(sentence) \
            and not CLAUSE_PLAN_MARKERS.search(sentence)

    def inherit(self, inherited: Inherited) -> None:
        """Take what the next block inherits; a headline's or heading's subject is its home.

        :param inherited: from :meth:`diff.scopes.Scopes.enter`
        """
        if inherited != self.inherited:  # a heading opened another section
            self.announced = None
        if inherited.frame is not None and inherited.frame.plan:
            self.reviewing = False  # a plan's headline or heading ends a review
        self.inherited = inherited
        if inherited.region_source != "default":
            self.home = inherited.region
            self.paragraph.region = inherited.region
            if inherited.region in DISTRICT_NAMES:
                self.district = inherited.region

    def begin(self, text: str, start: int, furniture: bool = False) -> None:
        """Note where a sentence starts; a new line opens a new paragraph.

        :param text: the whole normalised text
        :param start: offset of the sentence
        :param furniture: the line is page furniture (发布时间, 字号): not one of the lead's paragraphs
        """
        if start == 0 or text[start - 1] == "\n":
            first = text[start:start + 1]
            aspect = self.paragraph.aspects and bool(_ASPECT.match(text, start))
            continued = aspect or (first in _CONTINUATION_FIRST and _CONTINUATION.match(text, start))
            keep = self.paragraph.frame if continued else self.announced
            self.paragraphs += not furniture
            self._headline(text, start)
            opens_aspects = first in _ASPECTS_FIRST and bool(_ASPECTS_OPENED.match(text, start))
            self.paragraph = Paragraph(frame=keep, region=self.home, aspects=aspect or opens_aspects)
            self.lead = self.paragraphs <= _LEAD_PARAGRAPHS
            if not self.lead and not self.topic_from_lead:
                self.off_topic = False

    def _headline(self, text: str, start: int) -> None:
        """A short unpunctuated lead line naming a district makes it the document's region."""
        if self.paragraphs > _LEAD_PARAGRAPHS:
            return
        end = text.find("\n", start)
        line = text[start:end if end >= 0 else len(text)]
        if len(line) > _HEADLINE or _SENTENCE_END.search(line):
            return
        district = district_named(line)
        if district:
            self.home = self.district = district

    def carried(self, sentence: str, published: dt.date | None) -> Deadline | None:
        """The plan frame a sentence inherits, placed at its start.

        The paragraph's frame first, then a plan frame of the scopes around the block. A
        sentence that states a past year of its own (2025年,全市…), opens on last year (去年,…)
        or names a plan period that is over as its time (“十三五”期间,…) reports, and inherits
        none.

        :param sentence: one normalised sentence
        :param published: publication date
        """
        if (published is not None and (stated_year(sentence, published) or published.year)
                < published.year) \
                or (sentence.startswith(_LAST_YEAR_WORDS) and _LAST_YEAR_OPENING.match(sentence)) \
                or past_period(sentence, published):
            self.paragraph.report = True
            return None
        frame = self.paragraph.frame
        if frame is not None:
            self.frame_source = "paragraph"
            return Deadline(frame.year, 0, 0, frame.strong)
        scope = self.inherited.frame
        if scope is not None and scope.plan and not self.paragraph.report:
            self.frame_source = scope.source
            return Deadline(scope.year, 0, 0, False)
        return None

    def frame_year(self) -> tuple[int | None, str]:
        """The year of a target whose sentence plans it without a deadline: a time frame
        (今年 in the headline or lead) around it, else none."""
        scope = self.inherited.frame
        if scope is not None:
            return scope.year, scope.source
        return None, "default"

    def region_at(self, sentence: str, position: int) -> tuple[str, str]:
        """The region of a number at ``position`` of ``sentence``, and where it came from.

        :param sentence: one normalised sentence
        :param position: offset of the number in the sentence
        """
        named = region_at(sentence, position, "", self.district, self.pair, self.home)
        if named:
            return named, "sentence"
        if self.paragraph.region != self.home:
            return self.paragraph.region, "paragraph"
        if self.home != CHONGQING:
            return self.home, self.inherited.region_source if \
                self.inherited.region_source != "default" else "title"
        return CHONGQING, "default"

    def off_topic_from(self, sentence: str, deadlines: list[Deadline]) -> int | None:
        """Offset from which a sentence's numbers are an event's, an incident's or a company's.

        A sentence that names a region as its subject or states an explicit deadline of its
        own (到2030年, “十五五”期间) is read for itself again.

        :param sentence: one normalised sentence
        :param deadlines: its own deadlines (without an inherited frame)
        """
        if self.off_topic:
            region, _ = subject_at(sentence, self.district, self.pair, self.home)
            if region is None and not any(deadline.strong for deadline in deadlines):
                return 0
        return off_topic(sentence)

    def after(self, sentence: str, deadlines: list[Deadline], records: list[Target],
              off_at: int | None, published: dt.date | None = None) -> None:
        """Remember what a finished sentence established for the ones after it.

        :param sentence: the sentence just read
        :param deadlines: its deadlines (with the inherited frame first)
        :param records: the records it gave
        :param off_at: where it turned to an event, incident or organisation, if it did
        :param published: publication date: a set of actions announced for the year it names
            (会上确定2016年…为民兴办10件实事) is planned for it
        """
        region, district = subject_at(sentence, self.district, self.pair, self.home)
        if district:
            self.district = district
        if region == PAIR:
            self.pair = region
        paragraph = self.paragraph
        if region is not None:
            paragraph.region = region if region in CARRIED_REGIONS or region == self.home else CHONGQING
        if off_at is not None:
            self.off_topic = True
            self.topic_from_lead = self.topic_from_lead or self.lead
        elif (self.off_topic or self.topic_from_lead) \
                and (region is not None or any(d.strong and d.end > 0 for d in deadlines)):
            self.off_topic = self.topic_from_lead = False
        if paragraph.report:
            self.announced = None
        elif deadlines and _OPENS_GOALS.search(sentence):
            self.announced = deadlines[-1]  # 到2027年,…实现以下目标: the paragraphs after it list them
        elif not records and _ANNOUNCED_ACTIONS.search(sentence):
            if deadlines:
                self.announced = deadlines[-1]
            elif published is None or stated_year(sentence, published) == published.year:
                self.announced = Deadline(published.year if published is not None else None, 0, 0, False)
        if not records:  # most sentences: nothing measured, no kinds
            if deadlines and _frames_what_follows(sentence, deadlines[-1]):
                paragraph.frame = deadlines[-1]
            return
        measured = [record.indicator for record in records if record.kind != "qualitative"]
        if measured:
            self.last_indicator = measured[-1]
        kinds = {record.kind for record in records}
        if kinds & {"target", "qualitative"}:
            paragraph.frame = deadlines[-1] if deadlines else None
        else:
            paragraph.frame = None
