"""Document structure: the blocks of a normalised body (headings, lead-ins, list items, data
cards, paragraphs) and the sections they open.

A body is one paragraph a line. Structure is read from the shape of the lines only, never
from their meaning: numbering (一、 (一) 1. (1) ①), bullets (■ ● ◆), length, final
punctuation, a line that is only a quantity. What a heading or a lead-in *says* (a deadline,
a subject, a topic) is for :mod:`diff.scopes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from diff.numbers import MULTIPLIERS, QUANTITY, UNITS, find_quantities
from diff.phrases import META_NOUNS

#: Numbered headings and items, outermost first: 一、 / 第一章 (1), (一) (2), 1. (3), (1) ① (4).
_NUMBERED = (
    (1, re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章节部分篇])")),
    (2, re.compile(r"^\([一二三四五六七八九十]{1,3}\)")),
    (3, re.compile(r"^\d{1,2}(?:\.(?!\d)|、| (?=[\u4e00-\u9fff]))")),
    (4, re.compile(r"^(?:\(\d{1,2}\)|[\u2460-\u2473])")),
)
#: What numbering can open with besides a digit: most lines open otherwise and are not matched.
_NUMBER_FIRST = frozenset("一二三四五六七八九十第(") | {chr(code) for code in range(0x2460, 0x2474)}
#: Bullets that open a heading or an item (■2026年主要预期目标, ●新建5G基站1万个).
_BULLETS = "■□◆◇▲△★☆●○◎•·▶►➤-"
_BULLET = re.compile(f"^[{_BULLETS}]+")
#: Themed items inside running text or on their own line (一是…, 其一, 第一,).
_THEMED = re.compile(r"^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|第[一二三四五六七八九十],)")
#: What a themed item opens with.
_THEMED_FIRST = frozenset("一二三四五六七八九十其第")
#: Words around a data card's value (约5.5%左右, 增长60万人以上).
_CARD_WORDS = re.compile(r"^(?:约|近|超|超过|突破|达|达到|增长|下降)|(?:左右|以上|以内|以下|上下)$")
#: What a line that _CARD_WORDS matches from its start opens with: other lines (most) are not matched.
_CARD_FIRST = frozenset("约近超突达增下左以上")
#: A character no card value holds (none of its digits, numerals, multipliers, units, range
#: marks or card words): a line with one (most lines that open with a digit run on as text) is
#: not stripped of card words and matched whole.
_NOT_CARD_VALUE = re.compile("[^" + re.escape("".join(sorted(
    {*"〇零一二两三四五六七八九十百千万亿点,.余多-~—–至到兆约近超过突破达到增长下降左右以上以内以下",
     *"".join(MULTIPLIERS), *"".join(UNITS)}))) + r"\d]")
#: Page furniture and bylines: they open no section and name no subject.
#: Every alternative opens with its literal word (a time's digits are checked behind its
#: colon), so the regex engine skips to the words; what must open the line is FURNITURE_LINE.
FURNITURE = re.compile(
    r"记者|通讯员|报道$|讯$|编辑|责编|来源[::]|发布时间|发布日期|时间[::]|字号|分享到|浏览次数|打印"
    r"|当前位置|首页>|:(?<=\d:)\d{2}(?::\d{2})?$|>[^>]+>"
)
#: Page furniture a line is from its start (matched there): a date line (an e-paper's 2022年02月19日
#: 星期六), or a site's masthead
#: on a line of its own (深圳热线, 华龙网): not a heading naming a place.
FURNITURE_LINE = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日[ ,]?星期"
    r"|[\u4e00-\u9fff]{2,6}(?:热线|在线|日报|晚报|晨报|商报|都市报|客户端)$|[\u4e00-\u9fff]{2,3}网$"
)
#: A page's own counters shown as cards (1万 / 主题, 4万 / 积分 on a forum): furniture.
SITE_COUNTER = re.compile(r"主题|帖子|积分|回复|查看|阅读|浏览|点击|粉丝|关注|收藏|点赞|评论|转发|分享|人气|访问量")
#: A line that is only a deadline (到2027年, 2026年底前): it frames the lines under it.
DEADLINE_LINE = re.compile(r"(?:到|至)?(?:19|20)\d{2}年(?:底|末)?前?[,:]?")
#: What a DEADLINE_LINE opens with: other lines (most) are not matched.
_DEADLINE_FIRST = frozenset("到至12")
#: The longest line read as a heading or a card label.
HEADING_LENGTH = 30
#: A line at least this long is running text: it ends an open list.
RUNNING_TEXT = 60
_SENTENCE_END = re.compile(r"[。!?;]")


@dataclass
class Block:
    """One line of the body and what its shape says it is.

    ``kind``: ``heading`` (a short line that names a section), ``furniture`` (a byline, a
    date line, page chrome: it opens nothing), ``lead_in`` (a paragraph ending
    in a colon that opens a list), ``item`` (a numbered, bulleted or short line of a list),
    ``card`` (a data card: a value line with its label line; a page's own counter, 1万 / 帖子,
    is furniture with its label), ``paragraph`` (running text).
    ``level`` orders headings (1 for 一、, 2 for (一), 3 for 1., 4 for (1), 0 for a bullet or
    an unnumbered heading); ``label`` is a card's label line.
    """

    kind: str
    start: int
    end: int
    text: str
    level: int = 0
    numbered: bool = False
    label: str = ""


def _lines(body: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for every non-empty line of the body."""
    offset = 0
    for line in body.split("\n"):
        if line.strip():
            yield offset, line
        offset += len(line) + 1


def numbering(line: str) -> tuple[int, int] | None:
    """(level, length of the number) when a line starts with heading numbering, else None.

    :param line: one line of the body
    """
    first = line[:1]
    if first not in _NUMBER_FIRST and not first.isdecimal():  # \d is a decimal digit
        return None
    for level, pattern in _NUMBERED:
        match = pattern.match(line)
        if match:
            return level, match.end()
    return None


def is_card_value(line: str) -> bool:
    """Whether a line is only a quantity with its unit: a data card's value (5.5%左右).

    :param line: one line of the body
    """
    if not (line[:1].isdigit() or (line[:1] in _CARD_FIRST and _CARD_WORDS.match(line))) \
            or _NOT_CARD_VALUE.search(line):
        return False  # a value starts with its digits or a card word: most lines are not scanned
    match = QUANTITY.fullmatch(_CARD_WORDS.sub("", _CARD_WORDS.sub("", line)))
    return bool(match and match["n1"][0].isdigit() and (match["u1"] or match["m1"]))


def has_quantity(text: str) -> bool:
    """Whether text holds a number with a unit or a multiplier (1.92万平方公里, 80%), other
    than a count of the text's own parts (重点抓好8个方面工作).

    :param text: a line or part of one
    """
    return any(m["n1"][0].isdigit() and (m["u1"] or m["m1"]) and not META_NOUNS.match(text, m.end())
               for m in find_quantities(text))


def _unbulleted(line: str) -> str:
    """``line`` without the bullets that open it (``_BULLET.sub`` would try every position)."""
    if not line or line[0] not in _BULLETS:
        return line
    bullet = _BULLET.match(line)
    return line[bullet.end():] if bullet else line


def is_short_label(line: str) -> bool:
    """Whether a line is short, unpunctuated text without a quantity: a heading or a label.

    :param line: one line of the body
    """
    text = _unbulleted(line).rstrip(":")
    return (0 < len(text) <= HEADING_LENGTH and not _SENTENCE_END.search(text)
            and not text.endswith((",", "、")) and not has_quantity(text)
            and not _VALUE_REACHED.search(text))


#: A value a line says is reached (受教育年限提高到11.7年, 增长4.5%—5%): it states a goal or a
#: fact, it names no section.
_VALUE_REACHED = re.compile(r"(?:达到|提高到|提升到|提升至|增加到|增至|降低到|降至|下降到|控制在|保持在|稳定在)[\d.]+")


def read_blocks(body: str) -> list[Block]:
    """The blocks of a normalised body, in order.

    :param body: normalised text, one paragraph a line
    """
    lines = list(_lines(body))
    blocks: list[Block] = []
    used_as_label: set[int] = set()
    in_list = False
    for index, (start, line) in enumerate(lines):
        if index in used_as_label:
            continue
        end = start + len(line)
        value = _unbulleted(line) if line[:1] in _BULLETS else line  # •增长5% under 生产总值
        if is_card_value(value):
            label = _card_label(lines, index, used_as_label, blocks)
            if label is not None:
                kind = "furniture" if SITE_COUNTER.fullmatch(label) else "card"
                blocks.append(Block(kind, end - len(value), end, value, label=label))
                continue
        if len(line) <= RUNNING_TEXT and (FURNITURE.search(line) or FURNITURE_LINE.match(line)):
            blocks.append(Block("furniture", start, end, line))
            continue
        if line[0] in _DEADLINE_FIRST and DEADLINE_LINE.fullmatch(line):
            blocks.append(Block("heading", start, end, line))  # 到2027年 over a card: its frame
            in_list = False
            continue
        number = numbering(line)
        bullet = line[0] in _BULLETS  # lines are not empty (_lines)
        if number and len(line) <= HEADING_LENGTH + number[1] and not _SENTENCE_END.search(line[:-1]) \
                and not (in_list and has_quantity(line)):
            blocks.append(Block("heading", start, end, line, number[0], numbered=True))
            in_list = False
        elif number or bullet or (line[0] in _THEMED_FIRST and _THEMED.match(line)):
            level = number[0] if number else 0
            kind = "heading" if bullet and is_short_label(line) and not in_list else "item"
            blocks.append(Block(kind, start, end, line, level, numbered=bool(number)))
            in_list = in_list and kind == "item"
        elif line.endswith(":"):
            blocks.append(Block("lead_in", start, end, line))
            in_list = True
        elif is_short_label(line):
            blocks.append(Block("item" if in_list else "heading", start, end, line))
        elif len(line) < RUNNING_TEXT and (has_quantity(line) or _VALUE_REACHED.search(line)) and blocks \
                and blocks[-1].kind in ("heading", "item", "card"):
            blocks.append(Block("item", start, end, line))
        elif len(line) <= HEADING_LENGTH and not _SENTENCE_END.search(line) and not in_list:
            blocks.append(Block("heading", start, end, line))  # 过去五年7个坚定不移
        elif in_list and len(line) < RUNNING_TEXT:
            blocks.append(Block("item", start, end, line))
        else:
            blocks.append(Block("paragraph", start, end, line))
            in_list = False
    return blocks


def _card_label(lines: list[tuple[int, str]], index: int, used: set[int],
                blocks: list[Block]) -> str | None:
    """The label line of a card value at ``index``: the short line before it, else after it."""
    if blocks and blocks[-1].kind in ("heading", "item") and blocks[-1].end == lines[index][0] - 1 \
            and is_short_label(blocks[-1].text) and not any(ch.isdigit() for ch in blocks[-1].text):
        return _unbulleted(blocks.pop().text)
    if index + 1 < len(lines):
        line = lines[index + 1][1]
        if is_short_label(line) and not any(ch.isdigit() for ch in line):
            used.add(index + 1)
            return _unbulleted(line)
    return None
