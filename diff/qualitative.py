"""Qualitative goals: outcomes without a number that an explicit deadline dates (到2027年基本建成…)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from diff.deadlines import Deadline
from diff.phrases import clean_indicator, is_indicator, start_of_clause
from diff.quantities import Candidate
from diff.record import Target

_CLAUSE_BREAK = re.compile(r"[,:;]")
_OUTCOME = re.compile(
    r"实现(?P<goal>[^,;。]{1,20}?目标)|基本建成|全面建成|基本实现|全面实现"
    r"|取得[^,;。]{0,10}?进展|建成(?=[^,;。]{4})(?!投用|投产|通车|开放|运营)"
    r"|(?:位居|走在|进入|保持)(?:全国|西部|全球)前列|(?:全国|西部|全球)领先|迈上新台阶"
)
_QUALITATIVE_CUT = re.compile(r"[和、]")
#: A project finished by a deadline (渝湘高铁…力争2026年底建成通车): the project is the goal's subject.
_PROJECT_DONE = re.compile(r"(?:全面|全线|基本)?建成(?:通车|投用|投产|运营|开放)")


def qualitative_goals(sentence: str, offset: int, deadlines: list[Deadline],
                      numbers: list[Candidate],
                      region_at: Callable[[int], tuple[str, str]]) -> Iterator[Target]:
    """Qualitative goals: an outcome in the first clause after an explicit deadline
    (到2027年基本建成…, 力争2026年底建成通车), or a named project due by it.

    :param sentence: one normalised sentence
    :param offset: where the sentence starts in the body
    :param deadlines: the sentence's deadlines
    :param numbers: its quantities: a clause holding one states no qualitative goal
    :param region_at: the region (and where it came from) of a position in the sentence
    """
    for deadline in deadlines:
        if not deadline.strong:
            continue
        start = deadline.end
        while start < len(sentence) and sentence[start] in ",:":
            start += 1
        stop = _CLAUSE_BREAK.search(sentence, start)
        end = stop.start() if stop else len(sentence.rstrip("。!?;"))
        if any(start <= number.start < end for number in numbers):
            continue
        clause = sentence[start:end]
        project = _project_goal(sentence, deadline, clause)
        if project:
            goal_start = start_of_clause(sentence, deadline.start)
            region, region_source = region_at(goal_start)
            yield Target(
                kind="qualitative", indicator=project, value=None, unit="", comparator="",
                year=deadline.year, region=region, sentence=sentence,
                start=offset + goal_start, end=offset + end, region_source=region_source,
            )
            continue
        outcome = _OUTCOME.search(clause)
        if not outcome:
            continue
        if outcome["goal"]:
            goal_start = start + outcome.start("goal")
            goal = outcome["goal"]
        else:
            cut = _QUALITATIVE_CUT.search(clause, outcome.end())
            goal = clean_indicator(clause[:cut.start()] if cut else clause)
            goal_start = start + clause.find(goal) if goal in clause else start
        if not is_indicator(goal):
            continue
        region, region_source = region_at(goal_start)
        yield Target(
            kind="qualitative", indicator=goal, value=None, unit="", comparator="",
            year=deadline.year, region=region, sentence=sentence,
            start=offset + goal_start, end=offset + goal_start + len(goal),
            region_source=region_source,
        )


def _project_goal(sentence: str, deadline: Deadline, clause: str) -> str:
    """"项目建成通车" when a named project is due by an explicit deadline, else ""."""
    done = _PROJECT_DONE.match(clause)
    if not done or deadline.start == 0:
        return ""
    subject = clean_indicator(sentence[start_of_clause(sentence, deadline.start):deadline.start])
    return subject + done.group(0) if is_indicator(subject) else ""
