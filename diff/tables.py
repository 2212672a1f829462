"""Tables flattened to one cell a line, as pages copy them (主要指标 | 单位 | 2022年 | 2027年 | 来源 |).

A row's value in a column headed by a year not before publication is a target of that year;
the other year columns are base values. Rows are found by their unit cell: the name stands
just before it, the values after it at the header's distances, so a category cell merged
over several rows (数字产业化) or left empty changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from diff.numbers import MULTIPLIERS, UNITS, parse_arabic

#: A line that is one table cell: its text, then a bar.
_CELL = re.compile(r"^(?P<text>[^|\n]*?)\s*\|\s*$")
_YEAR = re.compile(r"^(?P<year>(?:19|20)\d{2})年?(?:目标|目标值)?$")
_NUMBER = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")
_UNIT = re.compile(
    "^(?P<mult>" + "|".join(sorted(MULTIPLIERS, key=len, reverse=True)) + ")?(?P<unit>"
    + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + ")$"
)
#: The fewest cell lines read as a table: a header of name, unit and one year, and a row.
_SHORTEST = 6
_OTHER_NAME = re.compile(r"^其中[::]")


@dataclass
class TableValue:
    """A value of a table row in a year column."""

    indicator: str
    value: Decimal
    unit: str
    year: int
    start: int
    end: int
    row: str


def table_values(body: str, published: dt.date | None) -> Iterator[TableValue]:
    """The values of flattened tables in future (or current) year columns.

    :param body: normalised text, one line a cell inside a table
    :param published: publication date: columns of earlier years hold base values
    """
    if "|" not in body:  # most bodies hold no table: no second pass over their lines
        return
    for cells in _runs(body):
        yield from _values(cells, published)


def _runs(body: str) -> Iterator[list[tuple[str, int]]]:
    """Runs of cell lines: (cell text, offset) each."""
    run: list[tuple[str, int]] = []
    offset = 0
    for line in body.split("\n"):
        match = _CELL.match(line)
        if match:
            run.append((match["text"].strip(), offset))
        else:
            if len(run) >= _SHORTEST:
                yield run
            run = []
        offset += len(line) + 1
    if len(run) >= _SHORTEST:
        yield run


def _values(cells: list[tuple[str, int]], published: dt.date | None) -> Iterator[TableValue]:
    """The values of one table: the header gives the unit column and the year columns."""
    texts = [text for text, _ in cells]
    head = texts[:10]
    if "单位" not in head:
        return
    unit_column = head.index("单位")
    years = {index - unit_column: int(m["year"]) for index, text in enumerate(head)
             if index > unit_column and (m := _YEAR.match(text))}
    targets = {shift: year for shift, year in years.items()
               if published is None or year >= published.year}
    if not targets:
        return
    first_row = unit_column + max(years) + 1
    for index in range(first_row, len(texts)):
        unit = _UNIT.match(texts[index])
        name = _OTHER_NAME.sub("", texts[index - 1])
        if unit is None or not re.search(r"[\u4e00-\u9fff]", name) or _NUMBER.match(name):
            continue
        for shift, year in targets.items():
            if index + shift >= len(texts) or not _NUMBER.match(texts[index + shift]):
                continue
            value = parse_arabic(texts[index + shift])
            if unit["mult"]:
                value *= MULTIPLIERS[unit["mult"]]
            text, start = cells[index + shift]
            row = " | ".join(texts[index - 1:index + max(years) + 1])
            yield TableValue(name, value, UNITS[unit["unit"]], year, start, start + len(text), row)
