"""Text normalisation shared by every stage.

Crawled bodies and baseline documents are stored in normalised form, and every offset
(`targets.start` / `targets.end`) points into that stored text. Normalising is:

1. Unicode NFKC: full-width digits, letters and punctuation become ASCII (２０２７ → 2027, ，→ ,).
2. OpenCC ``t2s``: traditional characters become simplified (直轄 → 直辖, 鎮 → 镇).
3. Paragraphs: whitespace is tidied, paragraphs split across a page break are rejoined,
   and exact duplicate paragraphs are dropped.

The result has one paragraph per line.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

#: Characters that can end a paragraph.
PARAGRAPH_END = set("。！？!?；;：:…”」』）)】")
#: An ellipsis as NFKC writes it (… → ...): it ends a paragraph too (正在手工搅拌榨菜……).
_ELLIPSIS = "..."
#: Characters a paragraph never starts with: particles and continuation punctuation.
CONTINUATION_START = set("的地得了着过之和与及或等、,，。;；:：!！?？)）”」』")
#: Words that start with a particle character but are not particles (地区, 着力, 过去).
NOT_PARTICLE = re.compile(
    r"^(?:地区|地方|地铁|地质|地下|地面|地产|地块|地标|地震|地理|地域|地市|地处|地貌|地球|得到|得益|得以"
    r"|着力|着眼|着重|着手|着实|过去|过程|过年|了解|之所以|之前|之后|之间|和美|和谐|和平|与会|与此同时"
    r"|及时|及早|或许|等级|等待)"
)
#: A paragraph this long that stops without final punctuation was cut by a page break.
MIN_RUNNING_TEXT = 40
#: Paragraphs shorter than this may legitimately repeat (headings, labels).
MIN_DUPLICATE_LENGTH = 12

_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200b]+")
_OPENERS = {"“": "”", "(": ")", "「": "」", "《": "》"}
#: A space between Chinese and a number or a Latin word (到 2027 年, 单位 GDP 能耗), the way
#: some editors space mixed text; a line with two or more of them is spaced that way.
_MIXED_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\dA-Za-z])|(?<=[\dA-Za-z%]) (?=[\u4e00-\u9fff])")
_ROW_NUMBER = re.compile(r"^\d{1,3} ")
#: A line that opens with numbering starts a new item: a page break never cuts before it.
_ITEM_START = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|\d{1,3}(?:[.、]|\s)"
    r"|[\u2460-\u2473■□◆◇▲△★☆●○◎•·▶►-])"
)


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


#: Pinyin that mirror sites write after characters: 產(chǎn)量, 網(wǎng); or without tones and a
#: space after, 業(ye) 務量, 億(yi) 件. A tone-marked vowel tells pinyin from an ordinary bracket
#: (GDP); without one, a lower-case syllable right after a character does (not (a), a list's mark).
_PINYIN = re.compile(r"\((?:(?=[a-zü ]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{1,8}\)"
                     r"|(?<=[\u4e00-\u9fff]\()(?=[a-zü]{2,6}\))(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouü][a-z]{0,4}\) ?)")


def to_simplified(text: str) -> str:
    """NFKC-normalise ``text``, convert traditional characters to simplified, drop pinyin
    written after characters (產(chǎn)量 → 产量), read Japanese lookalikes as the Chinese
    characters they stand for (エ → 工) and corner quotes as the mainland's (「」 → “”), ○ between
    numerals as 〇 and 。 between digits as a decimal point.

    :param text: any Unicode text
    """
    text = _t2s().convert(_PINYIN.sub("", unicodedata.normalize("NFKC", text)))
    if not text.isascii():
        text = text.translate(_LOOKALIKES)
    return _DECIMAL_STOP.sub(".", _CIRCLE_ZERO.sub("〇", text))


#: Japanese characters typed or recognised for the Chinese ones they look like (规上エ业产值,
#: カ争, 増长): katakana エ and カ, and the Japanese form 増, which OpenCC keeps.
_LOOKALIKES = str.maketrans({"エ": "工", "カ": "力", "増": "增",
                             # Taiwan's and Hong Kong's corner quotes as the mainland's (「十五五」)
                             "「": "“", "」": "”", "『": "‘", "』": "’"})


#: 。 written for a decimal point between digits (97。3%, a mirror's full-width period): not
#: before a four-digit year, which a new sentence may open with. It opens with the 。 itself (its
#: look-behind after it), so the regex engine skips to the stops instead of trying every character.
_DECIMAL_STOP = re.compile(r"。(?<=\d。)(?=\d(?!\d{3}))")


#: ○ written for the zero of a Chinese numeral (二○二六年, 二○○五): it is the numeral 〇.
_CIRCLE_ZERO = re.compile(r"○(?=[〇○零一二三四五六七八九])|(?<=[〇○零一二三四五六七八九])○")


def _unspaced(line: str, least: int = 2) -> str:
    """A line spaced the way some editors space mixed text (到 2027 年) without those spaces.

    :param least: the fewest such spaces that make the line spaced that way (one, in a text
        spaced that way throughout)
    """
    if len(_MIXED_SPACE.findall(line)) < least:
        return line
    row = _ROW_NUMBER.match(line)  # a table row's number stays apart from its text
    keep = row.end() if row else 0
    return line[:keep] + _MIXED_SPACE.sub("", line[keep:])


#: The fewest lines with a space in mixed text that make a whole text spaced that way.
_SPACED_TEXT_LINES = 4


def split_paragraphs(text: str) -> list[str]:
    """Split text into stripped, non-empty paragraphs, one per line of input.

    :param text: text with paragraphs on separate lines
    """
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    # a text whose editor spaced mixed text throughout (增长 5%, 2025 年工作回顾) loses even a
    # line's single such space
    spaced = sum(1 for line in lines if _MIXED_SPACE.search(line)) >= _SPACED_TEXT_LINES
    return [_unspaced(line, 1 if spaced else 2) for line in lines if line]



def _unbalanced(paragraph: str) -> bool:
    """True when the paragraph opens a quote, bracket or question it does not close."""
    for opener, closer in _OPENERS.items():
        if paragraph.count(opener) > paragraph.count(closer):
            return True
    return paragraph.startswith("问:") and not paragraph.rstrip().endswith(("?", "？"))


#: A line that only says where what follows comes from: it cannot end a sentence.
_ATTRIBUTION_ONLY = re.compile(r"(?:据|经)(?:估算|测算|统计|预测|介绍|了解|悉|初步统计)[,:]?|预计[,:]?")


#: A line ending on a quantity, and a line opening on its change (高达58亿元 / 增长5.5%).
_ENDS_ON_QUANTITY = re.compile(r"\d[万亿千百]?[\u4e00-\u9fff%]{0,3}$")
_CHANGE_START = re.compile(r"(?:同比|比上年|较上年|比去年|较去年)?(?:增长|下降|增加|减少)\d")


#: An e-paper's navigation (第007版:聚焦…, 上一版 下一版, 上一篇 下一篇): a line of its own, never
#: the rest of a sentence.
_PAGE_NAVIGATION = re.compile(r"第\d{2,3}版|上一版|下一版|上一篇|下一篇")


def _continues(previous: str, following: str) -> bool:
    """Whether ``following`` is the rest of a sentence that a page break cut from ``previous``."""
    if _ATTRIBUTION_ONLY.fullmatch(previous) or (_ENDS_ON_QUANTITY.search(previous)
                                                 and _CHANGE_START.match(following)):
        return True  # 据估算 / 今年花椒总产值将达到44亿元, …高达58亿元 / 增长5.5%: a phone layout's breaks
    if previous[-1] in PARAGRAPH_END or previous.endswith(_ELLIPSIS) or _ITEM_START.match(following) \
            or _PAGE_NAVIGATION.search(following):
        return False
    if following[0] in CONTINUATION_START and not NOT_PARTICLE.match(following):
        return True
    return len(previous) >= MIN_RUNNING_TEXT or _unbalanced(previous)


def rejoin_page_breaks(paragraphs: list[str]) -> list[str]:
    """Join paragraphs that a page break split in the middle of a sentence.

    A paragraph continues into the next one when it stops without final punctuation and
    is running text (long, or inside an open quote or question), or when the next one
    starts with a particle such as 的.

    :param paragraphs: paragraphs in document order
    """
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _continues(joined[-1], paragraph):
            joined[-1] += paragraph
        else:
            joined.append(paragraph)
    return joined


def drop_duplicate_paragraphs(paragraphs: list[str]) -> list[str]:
    """Drop paragraphs that repeat an earlier one exactly (short labels may repeat).

    :param paragraphs: paragraphs in document order
    """
    seen: set[str] = set()
    kept = []
    for paragraph in paragraphs:
        if len(paragraph) >= MIN_DUPLICATE_LENGTH:
            if paragraph in seen:
                continue
            seen.add(paragraph)
        kept.append(paragraph)
    return kept


def normalize_text(text: str) -> str:
    """Return the normalised form of a document body: the form stored and extracted from.

    :param text: raw text, one paragraph a line (blank lines are ignored)
    """
    paragraphs = split_paragraphs(to_simplified(text))
    return "\n".join(drop_duplicate_paragraphs(rejoin_page_breaks(paragraphs)))


def normalize_line(text: str) -> str:
    """Normalise a single-line string such as a title: NFKC, t2s and tidy whitespace (mixed
    text spaced 2025 年 as 2025年, as in paragraphs).

    :param text: a short string
    """
    return _unspaced(_SPACES.sub(" ", to_simplified(text).replace("\n", " ")).strip())
