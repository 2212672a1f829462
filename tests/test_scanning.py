"""Scans tried only near an anchor find what a full scan finds (diff.scanning), the
quantity scan that skips bare numbers finds what a full scan finds (diff.numbers), and the
place table finds what the alternation of its names finds (diff.alternation), and the
characters that spare a number the checks of its neighbours complete no match (diff.quantities)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diff.alternation import longest_first
from diff.deadlines import (
    _LEAD,
    _PERIOD_WORD,
    _YEAR_WORD,
    PERIOD_DEADLINE,
    STATED_REACH,
    STATED_YEAR,
    YEAR_DEADLINE,
    YEAR_REACH,
)
from diff.extract import SENTENCE
from diff.numbers import QUANTITY, find_quantities
from diff.phrases import _places
from diff.quantities import (
    _AFTER_NUMBER_BAD,
    _BAD_FIRST,
    _BAD_LAST,
    _BEFORE_NUMBER_BAD,
    _may_open_or_close,
)
from diff.scanning import finditer_near
from policywatch.evaluation import load_corpus

ROOT = Path(__file__).resolve().parent.parent
#: The scans the extractor runs near an anchor: pattern, anchor, reach.
SCANS = [
    pytest.param(YEAR_DEADLINE, _YEAR_WORD, YEAR_REACH, id="year deadline"),
    pytest.param(STATED_YEAR, _YEAR_WORD, STATED_REACH, id="stated year"),
    pytest.param(PERIOD_DEADLINE, _PERIOD_WORD, _LEAD + 1, id="plan period"),
]
TRICKY = [
    "力争到2027年底,确保在2030年前后建成", "比截至2020年增长,截至2021年底累计", "正在2025年发布会上",
    "12027年20282029年", "力争到力争到2027年", "到二〇二七年,于2026年内", "2025年6月,2026年的",
    "“十五五”期间,力争到“十四五”末,十五五规划", "基于2020年,从2019年到2020年", "",
]


def _spans(matches) -> list[tuple[int, int, dict]]:
    return [(m.start(), m.end(), m.groupdict()) for m in matches]


@pytest.mark.parametrize("pattern, anchor, reach", SCANS)
def test_near_anchor_finds_what_finditer_finds(pattern: re.Pattern[str], anchor: re.Pattern[str],
                                              reach: int) -> None:
    """Same matches, same groups, same order, on every sentence of the real corpus and on
    sentences made to trip a narrower scan (leads, look-behinds, years run together)."""
    sentences = TRICKY + [m.group(0) for text in load_corpus(ROOT / "corpus")
                          for m in SENTENCE.finditer(text.body)]
    for sentence in sentences:
        for cut in {len(sentence), len(sentence) // 2}:  # prefixes, as stated_year reads them
            text = sentence[:cut]
            assert _spans(finditer_near(pattern, anchor, reach, text)) \
                == _spans(pattern.finditer(text)), text


def test_reach_too_short_misses_a_lead() -> None:
    """The reach must cover the longest lead: one character short, 力争到2027年 loses its 力争."""
    text = "力争到2027年"
    assert [m.group(0) for m in finditer_near(YEAR_DEADLINE, _YEAR_WORD, YEAR_REACH, text)] == [text]
    assert [m.group(0) for m in finditer_near(YEAR_DEADLINE, _YEAR_WORD, YEAR_REACH - 1, text)] \
        == ["到2027年"]


#: Numbers that run on, stop short or sit next to each other, for the quantity scan.
TRICKY_QUANTITIES = [
    "12,3456万元", "2026年12月", "一体化三2个", "2025,全市", "一点五亿元", "十五五”期间", "3-5个",
    "20万亿级", "1.5.6万", "百分之十五", "二〇二七年建成3万km2", "1,000,00", "五六七八九十多个", "9",
]


def test_quantity_scan_skips_only_bare_numbers() -> None:
    """find_quantities gives the QUANTITY matches with a unit or a multiplier that a full
    scan finds, with the same spans and groups, on every sentence of the real corpus."""
    sentences = TRICKY_QUANTITIES + [m.group(0) for text in load_corpus(ROOT / "corpus")
                                     for m in SENTENCE.finditer(text.body)]
    for sentence in sentences:
        full = [m for m in QUANTITY.finditer(sentence) if m["u1"] or m["u2"] or m["m1"]]
        assert _spans(find_quantities(sentence)) == _spans(full), sentence


def test_place_table_finds_what_the_alternation_finds() -> None:
    """The place table (a WordTable that tries only where a name's first two characters may
    stand) finds the names, places and order that ``re.finditer`` over the alternation of all
    its names finds, on every headline and sentence of the real corpus."""
    places = _places()
    alternation = re.compile(longest_first(list(places.full_name)))
    texts = ["湖北省武汉市", "成都成都市成", "湖", ""]
    for text in load_corpus(ROOT / "corpus"):
        texts += [text.title, *(m.group(0) for m in SENTENCE.finditer(text.body))]
    for text in texts:
        assert [(m.start(), m.group(0)) for m in places.table.finditer(text)] \
            == [(m.start(), m.group(0)) for m in alternation.finditer(text)], text


def test_number_neighbours_skipped_only_where_no_bad_word_can_be() -> None:
    """A number is matched against the bad words before and after it only when the character
    next to it may belong to one; no other character of the Basic Multilingual Plane completes
    a match, whatever stands behind or after it."""
    for code in range(0x10000):
        character = chr(code)
        if not _may_open_or_close(character, _BAD_LAST):
            for before in ("第一二三", "第", "只", "特", "售", "低", "12", "A", ""):
                assert not _BEFORE_NUMBER_BAD.search(before + character), character
        if not _may_open_or_close(character, _BAD_FIRST):
            for after in ("钟1圈", "钟圈", "时圈", "..", "1", ""):
                assert not _AFTER_NUMBER_BAD.match(character + after), character
