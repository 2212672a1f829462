"""An indicator's timeline as a small inline SVG chart (no script), for the digest and Datasette.

Time runs left to right in years; each deadline year is a band, and a target sits at the end
of its band ("by the end of 2027"). The baseline targets are grey squares, later targets
purple circles, statistics blue dots joined by the progress line, and a dashed line runs from
the latest statistic to the current target (the way still to go).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from reports import format

WIDTH, HEIGHT = 560, 190
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 14, 46
# Colours used nowhere else on the pages, so a screenshot test can find the chart's pixels.
BASELINE_COLOUR = "#5b6673"
TARGET_COLOUR = "#8a3ffc"
PROGRESS_COLOUR = "#1f78d1"


@dataclass
class Point:
    """One mention placed on the chart: ``x`` in years (2027.0 = 1 Jan 2027)."""

    x: float
    value: float
    kind: str
    baseline: bool
    label: str


def _year_fraction(day: str | None) -> float | None:
    """2026-07-02 → 2026.5 (about), None when the date is missing or malformed."""
    try:
        date = dt.date.fromisoformat((day or "")[:10])
    except ValueError:
        return None
    return date.year + (date.timetuple().tm_yday - 1) / 366


def points(rows: Iterable[dict[str, Any]]) -> list[Point]:
    """Chart points of ``indicator_timeline`` rows: targets at the end of their deadline year,
    statistics at their publication date; rows without a value or a place in time are left out.

    :param rows: timeline rows (``kind``, ``value``, ``unit``, ``comparator``, ``year``,
        ``published``, ``role``, ``title``)
    """
    out = []
    for row in rows:
        if row.get("value") is None or row.get("kind") not in ("target", "statistic"):
            continue
        published = _year_fraction(row.get("published"))
        if row["kind"] == "target":
            x = float(row["year"]) + 0.98 if row.get("year") else published
        else:
            x = published
        if x is None:
            continue
        when = f"{row['year']}年" if row["kind"] == "target" and row.get("year") else ""
        baseline = row.get("role") == "baseline"
        name = "基线目标" if baseline else ("目标" if row["kind"] == "target" else "统计")
        label = (f"{name} {when}{format.quantity(row['value'], row.get('unit'), row.get('comparator'))}"
                 f" · {format.chinese_date(row.get('published'))} {row.get('title') or ''}")
        out.append(Point(x=x, value=float(row["value"]), kind=row["kind"],
                         baseline=baseline, label=label.strip()))
    return out


def timeline_svg(rows: Iterable[dict[str, Any]], unit: str | None = "") -> Markup:
    """The SVG chart of an indicator's timeline; empty markup when nothing can be placed.

    :param rows: ``indicator_timeline`` rows, oldest first
    :param unit: the indicator's base unit, for the axis labels
    """
    placed = points(rows)
    if not placed:
        return Markup("")
    first = int(min(p.x for p in placed))
    last = int(max(p.x for p in placed)) + 1
    low, high, ticks = value_axis([p.value for p in placed])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(x: float) -> float:
        return round(LEFT + (x - first) / (last - first) * plot_w, 1)

    def sy(value: float) -> float:
        return round(TOP + plot_h - (value - low) / (high - low) * plot_h, 1)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" class="timeline-chart" '
             f'aria-label="指标时间线" style="max-width:100%;height:auto;font-family:sans-serif;">']
    parts += _axes(first, last, ticks, unit, sx, sy, sy(low))
    statistics = sorted((p for p in placed if p.kind == "statistic"), key=lambda p: p.x)
    targets = [p for p in placed if p.kind == "target"]
    if len(statistics) > 1:
        line = " ".join(f"{sx(p.x)},{sy(p.value)}" for p in statistics)
        parts.append(f'<polyline points="{line}" fill="none" stroke="{PROGRESS_COLOUR}" stroke-width="3"/>')
    later = [p for p in targets if not p.baseline] or targets
    if statistics and later:
        goal = max(later, key=lambda p: p.x)
        latest = statistics[-1]
        parts.append(f'<line x1="{sx(latest.x)}" y1="{sy(latest.value)}" x2="{sx(goal.x)}" '
                     f'y2="{sy(goal.value)}" stroke="{PROGRESS_COLOUR}" stroke-width="2" '
                     'stroke-dasharray="5 4"/>')
    for p in sorted(targets, key=lambda p: p.baseline):  # baseline squares on top
        x, y = sx(p.x), sy(p.value)
        if p.baseline:
            parts.append(f'<rect x="{x - 5}" y="{y - 5}" width="10" height="10" fill="{BASELINE_COLOUR}">'
                         f'<title>{escape(p.label)}</title></rect>')
        else:
            parts.append(f'<circle cx="{x}" cy="{y}" r="7" fill="{TARGET_COLOUR}">'
                         f'<title>{escape(p.label)}</title></circle>')
    for p in statistics:
        parts.append(f'<circle cx="{sx(p.x)}" cy="{sy(p.value)}" r="5" fill="{PROGRESS_COLOUR}">'
                     f'<title>{escape(p.label)}</title></circle>')
    parts += _legend()
    parts.append("</svg>")
    return Markup("".join(parts))


def value_axis(values: list[float]) -> tuple[float, float, list[float]]:
    """The value range shown and its gridline values (1, 2 or 5 times a power of ten apart).

    :param values: the values drawn
    """
    low, high = min(values), max(values)
    span = (high - low) or abs(high) or 1.0
    low, high = low - span * 0.3, high + span * 0.2
    if min(values) >= 0 > low:
        low = 0.0
    rough = (high - low) / 3
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    first = math.ceil(low / step) * step
    ticks = [round(first + i * step, 10) for i in range(int((high - first) / step) + 1)]
    return low, high, ticks


def _axes(first: int, last: int, ticks: list[float], unit: str | None, sx: Any, sy: Any,
          bottom: float) -> list[str]:
    """Axis line, the year bands' labels and the value gridlines."""
    parts = [f'<line x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" stroke="#8c959f"/>']
    step = max(1, (last - first) // 8)
    for year in range(first, last, step):
        parts.append(f'<text x="{sx(year + 0.5)}" y="{bottom + 15}" font-size="11" fill="#57606a" '
                     f'text-anchor="middle">{year}</text>')
        parts.append(f'<line x1="{sx(year)}" y1="{bottom}" x2="{sx(year)}" y2="{bottom + 4}" stroke="#8c959f"/>')
    for value in ticks:
        y = sy(value)
        parts.append(f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" stroke="#eaeef2"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4}" font-size="11" fill="#57606a" '
                     f'text-anchor="end">{escape(format.quantity(value, unit))}</text>')
    return parts


def _legend() -> list[str]:
    """The legend under the axis."""
    y = HEIGHT - 10
    return [
        f'<rect x="{LEFT}" y="{y - 9}" width="10" height="10" fill="{BASELINE_COLOUR}"/>',
        f'<text x="{LEFT + 14}" y="{y}" font-size="11" fill="#424a53">基线目标</text>',
        f'<circle cx="{LEFT + 84}" cy="{y - 4}" r="5" fill="{TARGET_COLOUR}"/>',
        f'<text x="{LEFT + 94}" y="{y}" font-size="11" fill="#424a53">后续目标</text>',
        f'<line x1="{LEFT + 160}" y1="{y - 4}" x2="{LEFT + 180}" y2="{y - 4}" stroke="{PROGRESS_COLOUR}" stroke-width="3"/>',
        f'<text x="{LEFT + 186}" y="{y}" font-size="11" fill="#424a53">统计 (进展线)</text>',
    ]
