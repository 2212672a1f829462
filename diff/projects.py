"""Projects: numbers that describe one project, one facility, a list of projects (its size,
its output once running, its cost in all) or the place a plan covers, rather than commit a
government to anything."""

from __future__ import annotations

import re

from diff.phrases import region_subjects, start_of_clause

#: What projects cost over their lifetime describes them; it commits to nothing.
_LIFETIME_COST = re.compile(r"总投资$")
#: A facility's numbers once it runs (达产后将年产…, 预计2027年建成投产,届时可提供就业岗位1500个):
#: what one project will make or give, not a policy target. Every alternative opens with its
#: word (the year checked behind its 年), so the regex engine skips to the words.
_FACILITY = re.compile(
    "|".join(word + "(?:以)?后" for word in ("建成", "投产", "达产", "运营", "投用", "通车", "扩建", "使用")) + "|届时"
    # a project's own schedule: a year, then completion with no object (预计2027年建成投产,…)
    r"|年(?<=(?:19|20)\d{2}年)(?:底|\d{1,2}月)?(?:前)?(?:全面|正式|全部)?(?:建成|投产|投用|竣工|完工|通车)"
    r"(?:投产|投用|运营|使用|通车)?(?=[,;])"
    # a plant's or a line's capacity (新工厂未来实现产能70万辆); each alternative opens with its
    # word, so the regex engine skips to the words
    r"|工厂[^,;。]{0,8}?(?:产能|年产)|生产线[^,;。]{0,8}?(?:产能|年产)")
#: A project or facility named right after a quantity (50万头生猪养殖一体化项目, 6万千瓦的马岩洞电站,
#: 日处理400吨的生活垃圾转运中心, 包括…5万吨锂电池材料项目等, 加快璧铜线等208公里项目建设): the quantity is
#: its size.
_PROJECT_SIZE = re.compile(
    r"[\u4e00-\u9fff]{0,16}?(?:项目(?:建设)?|基地|工程|电站|电厂|中心|设施|综合楼)(?=等?[,;。、]|等?$)")
#: What the projects counted before it will cost in all (not 年度计划投资 or 2023年计划投资, a
#: year's spending; checked behind 计划, so the regex engine skips to it).
_PLANNED_COST = re.compile(r"计划(?<!年度计划)(?<!年计划)(?:总)?投资$")
_PROJECTS_COUNTED = re.compile(r"项目[^,;。]{0,6}?\d+个|\d+个[^,;。]{0,10}?项目")
#: The cost of a project list right after its count (项目90个、总投资2.38万亿元; 项目213个,
#: 年度计划投资745.5亿元): the count describes the list.
_LIST_COST = re.compile(r"[^。;!?]{0,4}?(?:总投资|年度计划投资)")


def project_size(after: str, start: int) -> bool:
    """Whether a project or facility is named right after a quantity (启动建设1万亩柑橘果园生态
    示范基地): the quantity is that project's size.

    :param after: the sentence text after the number
    :param start: where the words after the number's comparator begin in ``after``
    """
    return bool(_PROJECT_SIZE.match(after, start))


def facility_output(sentence: str, position: int) -> bool:
    """Whether a number tells what a facility makes or gives once it runs (达产后将年产…;
    预计2027年建成投产,届时…).

    :param sentence: one normalised sentence
    :param position: offset of the number
    """
    facility = _FACILITY.search(sentence, 0, position)
    if facility is not None and facility.start() == 0 and sentence.startswith("届时"):
        # 届时,全市轨道交通运营里程将达到593公里: the whole city's measure once the year's plan
        # before it is done, not one facility's (届时,该项目可实现年产值50亿元)
        subject = next(region_subjects(sentence, position), None)
        return subject is None or subject.start() != len("届时")
    return facility is not None


def describes_projects(sentence: str, position: int, indicator: str, after: str) -> bool:
    """Whether a number describes a list of projects: what they cost in all (总投资; 项目集中开工
    60个,计划投资134亿元) or the count a cost follows (项目90个、总投资2.38万亿元).

    :param sentence: one normalised sentence
    :param position: offset of the number
    :param indicator: the indicator read for it
    :param after: the sentence text after it
    """
    return bool((("项目" in sentence or "工程" in sentence or "线" in sentence) and _PROJECT_SUBJECT.match(sentence))
                or ("项目" in sentence and _one_project_described(sentence, position, indicator))
                or ("总投资" in indicator and _LIFETIME_COST.search(indicator)
                    and _of_projects(sentence, position, indicator))
                or (indicator.endswith("项目") and _LIST_COST.match(after))
                or (sentence.endswith("投资", 0, position) and _PLANNED_COST.search(sentence, 0, position)
                    and _PROJECTS_COUNTED.search(sentence, 0, position)))


#: A sentence opening on one project as its subject (该项目计划投资20亿元,建设标准化厂房30万平方米):
#: its numbers describe the project, whatever it plans.
_PROJECT_SUBJECT = re.compile(r"(?:据悉|据了解|目前|其中)?,?(?:该|此|本|这个|整个)?(?:项目|工程)(?:总体)?(?:计划|拟|预计|将|总投资)"
                              # one named line (据了解,璧铜线计划开通初期运营车站8座): its own arrangements
                              r"|(?:据悉|据了解|目前)?,?(?:该|[\u4e00-\u9fff]{2,4}|\d{1,2}号)线(?:计划|拟|预计|将)")
#: One named project followed by its details (二是北汽银翔新能源“三电”项目,占地210亩,总投资8亿元,
#: 主要建设年产10万套锂电池): the numbers after describe the project.
_PROJECT_DETAILS = re.compile(r"项目[,:](?:规划|项目)?(?:占地|总占地|用地|总投资|计划总投资|建筑面积|总建筑面积)")


def _one_project_described(sentence: str, position: int, indicator: str) -> bool:
    """Whether a number details one named project (北汽银翔新能源“三电”项目,占地210亩,…), not a
    count of projects (集中开工的6个…项目,总投资5.4亿元) or the year's planned amount."""
    details = _PROJECT_DETAILS.search(sentence, 0, position)
    if details is None or "年度" in indicator:
        return False
    name_start = start_of_clause(sentence, details.start())
    return not any(character.isdigit() for character in sentence[name_start:details.start()])


#: What names projects, whose cost in all a 总投资 gives (重点项目总投资, 项目…总投资), or the
#: plans and deals that cost them (规划总投资, 签约总投资).
_PROJECT_WORDS = re.compile(r"项目|工程|专案|基地|园区|设施|电站|规划|计划|概算|估算|协议|签约|合同")


def _of_projects(sentence: str, position: int, indicator: str) -> bool:
    """Whether a 总投资 is what projects cost (项目90个、总投资…; 重点项目总投资), not a sector's
    investment in all (今年将力争林业总投资超过100亿元)."""
    owner = indicator[:-len("总投资")]
    return not owner or bool(_PROJECT_WORDS.search(owner)
                             or _PROJECT_WORDS.search(sentence, start_of_clause(sentence, position), position))


#: Where a plan's place lies or what it spans (规划范围, 融合发展范围涉及, 位于中心城区西部; 位在, as a
#: reworded copy writes it).
_PLACE = re.compile(r"规划范围|范围(?:涉及|包括|为|与)|位于|位在")
#: Words that still commit to a number in such a sentence (力争, 到2030年).
_COMMITTED = re.compile(r"力争|确保|目标|争取|到(?:19|20)\d{2}年")


def describes_place(sentence: str, position: int) -> bool:
    """Whether a number describes the place a plan covers: its area, its people and output,
    the districts it spans (规划范围…涉及重庆市27个区(县)…总面积达8.5万平方公里,常住人口9600万).

    :param sentence: one normalised sentence
    :param position: offset of the number
    """
    # every _PLACE match holds 范围 or 位于/位在: most sentences are not scanned
    place = _PLACE.search(sentence, 0, position) if "范围" in sentence or "位" in sentence else None
    return place is not None and not _COMMITTED.search(sentence, 0, position)
