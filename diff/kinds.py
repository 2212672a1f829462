"""Kinds: whether a number is a target, a statistic, or neither, from the words around it."""

from __future__ import annotations

import re

#: Words that make what follows a reported fact.
STATISTIC_MARKERS = re.compile(
    r"已经|已(?![经知])|累计|截至|截止|以来|年来|(?<![为除])了(?![解])|成功|同比|比上年|较上年|去年|上年"
    r"|过去|预计|共计|完成了|实现了|达到了|建成后|投产后|达产后|有望"
)
#: Words that make what follows a plan.
PLAN_MARKERS = re.compile(
    r"力争|确保|争取|目标|预期|计划|(?<!即)将(?!近|其|之)|(?<![需重主只])要(?![素求点])|推动|力求|规划"
    r"|拟|努力|打造|加快迈向|任务"
)
#: A relative growth multiple reported with a statistic (较直辖初增长超20倍): never a record.
GROWTH_MULTIPLE = re.compile(r"增长(?:了)?(?:超过|超|近|约|逾)?$")


def frame_at(prefix: str, deadline_position: int | None) -> str:
    """``"target"`` or ``"statistic"``: the nearest frame word before a number decides.

    :param prefix: the sentence text before the number
    :param deadline_position: offset of the last deadline before the number, or None
    """
    plan = max((m.start() for m in PLAN_MARKERS.finditer(prefix)), default=-1)
    if deadline_position is not None:
        plan = max(plan, deadline_position)
    stat = max((m.start() for m in STATISTIC_MARKERS.finditer(prefix)), default=-1)
    if plan > stat:
        return "target"
    return "statistic"
