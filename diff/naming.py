"""Naming what a number measures from the words around it, where its own prefix names too
little: the recipients of a service (为5000户…家庭进行无障碍改造), the stages of projects
(产业项目签约8个、开工15个), an amount that names a class of what is counted (10亿元以上项目56个),
and the things a full coverage covers (实现38座跨江大桥安全监测全覆盖)."""

from __future__ import annotations

import re

from diff.phrases import clean_indicator
from diff.quantities import MEASURE_WORDS, Candidate

#: 为/对 before a count of people, households or firms (为5000户…家庭进行无障碍改造): they receive
#: what the rest of the clause does.
_FOR_RECIPIENTS = re.compile(r"(?:为|对|给)(?:不少于|不低于|超过|约|近)?$")
_FOR_RECIPIENTS_LAST = frozenset("为对给于过约近")  # what every _FOR_RECIPIENTS match ends with
_RECIPIENT_UNITS = frozenset({"人", "名", "户", "人次", "家"})
#: What the recipients receive: the rest of the clause, up to an amount it gives them (为27万家企业
#: 减免失业保险费7.7亿元).
_SERVICE = re.compile(r"[\u4e00-\u9fff“](?:(?!\d+(?:\.\d+)?[万亿]?(?:元|%))[^,;。、:]){1,23}")
#: Verbs that only carry the service named after them (进行适老化改造, 提供免费检查).
_LIGHT_VERBS = re.compile(r"进行|提供|实施|开展")


def served(number: Candidate, prefix: str, after: str, tail: str) -> str:
    """The indicator of a count of recipients (免费为1000人筛查脑卒中 → 免费筛查脑卒中; 对480户符合条件
    的困难老年人家庭进行适老化改造 → 符合条件的困难老年人家庭适老化改造), or "" for any other number."""
    recipients = _FOR_RECIPIENTS.search(prefix) \
        if number.unit in _RECIPIENT_UNITS and prefix[-1:] in _FOR_RECIPIENTS_LAST else None
    service = _SERVICE.match(after, len(tail)) if recipients else None
    if service is None or recipients is None:
        return ""  # 岗位需求总数为242万人: 为 is the copula, nothing is done for them
    return clean_indicator(prefix[:recipients.start()]) + _LIGHT_VERBS.sub("", service.group(0))


#: The stages of a project, each a bare item after the first (产业项目签约8个、开工15个、投产8个):
#: they share the first item's subject.
_STAGE_WORDS = ("签约", "开工", "新开工", "开工建设", "投产", "达产", "竣工", "完工", "建成", "投用", "建成投用",
                "落地", "入库", "续建")
STAGE_VERBS = frozenset(_STAGE_WORDS)
_TRAILING_STAGE = re.compile("(?:" + "|".join(sorted(_STAGE_WORDS, key=len, reverse=True)) + ")+$")


def subject_of_stage(indicator: str) -> str:
    """The subject of an item that ends on a project's stages (产业项目签约 → 产业项目, 项目开工投产
    → 项目), or ""."""
    stage = _TRAILING_STAGE.search(indicator)
    return indicator[:stage.start()] if stage and stage.start() >= 2 else ""


#: An amount that names a class of the noun after it, which a count then counts (10亿元以上项目56个,
#: 100亿级项目30个).
_CLASS_OF_COUNTED = re.compile(r"(?:(?:及?以上|以下|级)的?|的)(?![和及与或至到])[\u4e00-\u9fff“”]{2,12}?\d+[个家项条座所处户台]")
#: The first characters of a _CLASS_OF_COUNTED match.
_CLASS_OPENINGS = frozenset("及以级的")


def names_class_counted(sentence: str, number: Candidate, prefix: str) -> bool:
    """Whether an amount names the class of what a count after it counts (10亿元以上项目56个,
    超5亿元企业5家, 100亿级项目30个): it is part of that name, no measure of its own."""
    marked = prefix.endswith("超") or sentence[number.end - 1] == "级"
    if not marked and sentence[number.end:number.end + 1] not in _CLASS_OPENINGS:
        return False  # most amounts: not matched
    after = sentence[number.end:]
    return bool(_CLASS_OF_COUNTED.match("的" + after if marked else after))


#: The things a full coverage covers, after their count (38座跨江大桥安全监测全覆盖).
_COVERED = re.compile(r"[^,;。、]{1,20}?全覆盖")


def counts_what_is_covered(number: Candidate, after: str, tail: str) -> bool:
    """Whether a count says which things a full coverage after it covers (实现38座跨江大桥安全
    监测全覆盖): the coverage is the record, the count none."""
    return number.unit in MEASURE_WORDS and "全覆盖" in after and bool(_COVERED.match(after, len(tail)))
