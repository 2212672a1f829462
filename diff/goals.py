"""Goal lists: the words that open a list of this year's goals (主要预期目标是:…) or close one
(确定了…的发展目标), making each item in it a target."""

from __future__ import annotations

import re

#: The opening of this year's list of goals, which may run on past the sentence's end.
#: Every alternative opens with a literal word, so the regex engine skips to the words.
GOAL_LIST = re.compile(r"主要预期目标|预期目标|年度目标|主要目标(?:是|为|如下)?:|以下[^,;。]{0,4}目标(?:是|为|如下)?:")
#: A list that a goal word closes (确定了建成100万亩优质粮油基地、…的发展目标; 围绕“…工业销售收入
#: 突破1200亿元”目标): each item is a goal.
_GOAL_CLOSES = re.compile(r"[的”](?:发展|奋斗|总体|主要|工作)?目标")
#: What sets the goal that closes such a list (确定了, 提出); 实现了…的目标 reports one met.
_GOAL_SET = re.compile(r"确定|提出|明确|定下|设定|锁定|制定|瞄准|围绕|聚焦|朝着|向着")
_CLAUSE_END = re.compile(r"[,;。!?]")


def in_goal_list(sentence: str, position: int) -> bool:
    """Whether a number at ``position`` is an item of a list that a goal word closes, the goal
    set anywhere before it in the sentence (会上提出,…增长3%以上、…40%以上的目标).

    :param sentence: one normalised sentence
    :param position: the offset just after the number
    """
    if "目标" not in sentence:
        return False  # every _GOAL_CLOSES match names it: most sentences are not scanned
    clause_end = _CLAUSE_END.search(sentence, position)
    end = clause_end.start() if clause_end else len(sentence)
    return bool(_GOAL_CLOSES.search(sentence, position, end)
                and _GOAL_SET.search(sentence, 0, position))
