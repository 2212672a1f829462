"""The weekly digest: one self-contained HTML page per ISO week, plus the index and feed.

Each digest is written as ``<out>/<week>.html`` (e.g. ``2026-W47.html``), recorded in the
``digests`` table, and the index page (``index.html``) and Atom feed (``feed.xml``) in the
same folder are rewritten. Datasette serves the folder at ``/digests/``.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape

from policywatch import clock
from policywatch.config import DEFAULT_REGIONS
from policywatch.errors import PolicywatchError
from policywatch.publish import DATABASE_NAME, datasette_url
from policywatch.store import digests as store
from policywatch.store.changes import timeline
from reports import feed, format
from reports.chart import timeline_svg
from reports.themes import OTHER, theme_of, theme_order

if TYPE_CHECKING:
    from sqlite_utils import Database

TEMPLATES = Path(__file__).resolve().parent / "templates"
WEEK = re.compile(r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$")
ADJUSTMENTS = ("revised", "extended", "rescheduled")
#: mentions a chart draws besides the baseline: an indicator named every day stays readable
CHART_MENTIONS = 40
COLOURS = {"new": "#1a7f37", "revised": "#bf3989", "extended": "#8250df",
           "rescheduled": "#bc4c00", "reaffirmed": "#6e7781", "progress": "#0969da"}


class WeekError(PolicywatchError):
    """A week label is not an ISO week such as 2026-W47."""


@dataclass
class Digest:
    """A built digest: its week, file and how many changes it lists."""

    week: str
    path: Path
    changes: int
    html: str


def check_week(week: str) -> str:
    """Validate an ISO week label and return it.

    :param week: e.g. 2026-W47
    """
    if not WEEK.match(week):
        raise WeekError(f'"{week}" is not an ISO week: write it like 2026-W47')
    try:
        clock.week_bounds(week)
    except ValueError:
        raise WeekError(f'"{week}" does not exist (that year has no week {week[6:]})') from None
    except OverflowError:
        raise WeekError(f'"{week}" is past the end of the calendar (year 9999)') from None
    return week


def safe_url(url: str | None) -> str:
    """A crawled URL for an href: http(s) only, anything else (``javascript:`` …) becomes ``#``.

    :param url: the URL
    """
    return url if url and url.lower().startswith(("http://", "https://")) else "#"


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    """The jinja2 environment of the report templates (autoescaped, with the formatters).

    One per process, so templates are compiled once (jinja2 still reloads an edited file).
    """
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(cdate=format.chinese_date, label=format.label, safe_url=safe_url)
    return env


def row_url(base: str, table: str, pk: str | None) -> str:
    """Link to a row in Datasette.

    :param base: Datasette base URL
    :param table: table name
    :param pk: primary key
    """
    return f"{base}/{DATABASE_NAME}/{table}/{quote(str(pk or ''), safe='')}"


def article_link(url: str | None, base: str, article_id: str | None) -> str:
    """Where an article's title links: its web address, else (a baseline document stored
    from a file) its row in Datasette.

    :param url: the article's URL
    :param base: Datasette base URL
    :param article_id: the article's id
    """
    if safe_url(url) != "#" or not article_id:
        return safe_url(url)
    return row_url(base, "articles", article_id)


def _dress(change: dict[str, Any], base: str) -> dict[str, Any]:
    """Add the display strings and links of one change row."""
    c = dict(change)
    c["row_url"] = row_url(base, "changes", c["id"])
    c["article_row_url"] = row_url(base, "articles", c["article_id"]) if c.get("article_id") else ""
    c["article_link"] = article_link(c.get("article_url"), base, c.get("article_id"))
    c["old_article_link"] = article_link(c.get("old_article_url"), base, c.get("old_article_id"))
    year = lambda y: f" ({y}年)" if y else ""  # noqa: E731
    c["old_text"] = format.quantity(c.get("old_value"), c.get("old_unit")) + year(c.get("old_year"))
    c["new_text"] = format.quantity(c.get("new_value"), c.get("new_unit")) + year(c.get("new_year"))
    c["delta_text"] = ""
    if c.get("delta"):
        c["delta_text"] = format.signed(c["delta"], c.get("new_unit") or c.get("old_unit"))
    if c["change_type"] == "rescheduled" and c.get("old_year") and c.get("new_year"):
        c["delta_text"] = f"年份 {c['new_year'] - c['old_year']:+d}"
    # A progress row compares a statistic with a target: old_* (else the baseline's).
    source = "old" if c.get("old_value") is not None else "baseline"
    c["target_text"] = (format.quantity(c.get(f"{source}_value"), c.get(f"{source}_unit"))
                        + year(c.get(f"{source}_year")))
    progress = c.get("progress")
    c["percent"] = None if progress is None else format.percent(progress)
    c["bar"] = None if progress is None else round(max(0.0, min(progress, 1.0)) * 100, 1)
    c["theme"] = theme_of(c["indicator"], c.get("sentence"), c.get("indicator_key"))
    return c


def _add_charts(db: Database, changes: list[dict[str, Any]], week_end: str) -> None:
    """Give the first change of each (indicator, region) its timeline chart: the baseline and
    the latest :data:`CHART_MENTIONS` mentions up to the end of the week."""
    drawn: set[tuple[str, str]] = set()
    for c in changes:
        key = (c.get("indicator_key") or "", c.get("region") or "")
        c["chart"] = ""
        if not key[0] or key in drawn:
            continue
        drawn.add(key)
        mentions = timeline(db, *key, until=week_end, latest=CHART_MENTIONS)
        c["chart"] = timeline_svg(list(mentions), c.get("new_unit") or c.get("old_unit"))


def _sections(changes: list[dict[str, Any]]) -> dict[str, Any]:
    """The followed regions' changes by section (adjustments, new by theme, progress …)."""
    by_type: dict[str, list[dict[str, Any]]] = {}
    for c in changes:
        by_type.setdefault(c["change_type"], []).append(c)
    themes: dict[str, list[dict[str, Any]]] = {name: [] for name in theme_order()}
    for c in by_type.get("new", []):
        themes.setdefault(c["theme"], themes[OTHER]).append(c)
    return {
        "adjustments": [c for kind in ADJUSTMENTS for c in by_type.get(kind, [])],
        "new_by_theme": [(name, items) for name, items in themes.items() if items],
        "progress": by_type.get("progress", []),
        "reaffirmed": by_type.get("reaffirmed", []),
        "others": [c for c in changes if c["change_type"] not in format.CHANGE_LABELS],
    }


def _problems(rows: Iterable[dict[str, Any]], base: str) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        item = dict(row, row_url=row_url(base, "sources", row["name"]))
        try:
            errors = json.loads(row.get("last_errors") or "[]")
        except ValueError:
            errors = [row["last_errors"]]
        item["error"] = "; ".join(str(e) for e in errors[:3])
        out.append(item)
    return out


def digest_context(db: Database, week: str, base_url: str | None = None,
                   regions: Iterable[str] | None = None,
                   keep: Callable[[dict[str, Any]], bool] | None = None) -> dict[str, Any]:
    """Everything the digest template shows for one ISO week.

    :param db: the database
    :param week: ISO week label
    :param base_url: Datasette base URL (default ``$POLICYWATCH_DATASETTE_URL``)
    :param regions: the regions followed (``regions:`` of sources.yml; default 重庆市 and its
        districts); changes of any other region go to the 其他地区 section
    :param keep: only the changes it accepts (a notify entry's filters); default all
    """
    base = datasette_url(base_url)
    start, end = clock.week_bounds(check_week(week))
    followed = set(regions or DEFAULT_REGIONS)
    changes = [_dress(c, base) for c in store.week_changes(db, week) if keep is None or keep(c)]
    _add_charts(db, changes, end.isoformat())
    ours: list[dict[str, Any]] = []
    elsewhere: dict[str, list[dict[str, Any]]] = {}
    for c in changes:
        region = c.get("region") or "重庆市"
        if region in followed:
            ours.append(c)
        else:
            elsewhere.setdefault(region, []).append(c)
    plenary = [dict(a, row_url=row_url(base, "articles", a["id"]))
               for a in store.plenary_articles(db, start, end)]
    problems = _problems(store.source_problems(db, start, end), base)
    counts = {kind: sum(c["change_type"] == kind for c in ours) for kind in format.CHANGE_LABELS}
    headline = [("变化", len(ours))] + [(format.label(kind), n) for kind, n in counts.items()] + [
        ("其他地区", len(changes) - len(ours)), ("全会文章", len(plenary)), ("来源异常", len(problems))]
    return {
        "week": week, "start": start, "end": end, "total": len(changes), "headline": headline,
        **_sections(ours), "elsewhere": sorted(elsewhere.items()),
        "waiting": store.articles_waiting_for_diff(db),
        "plenary": plenary, "problems": problems, "colours": COLOURS,
        "datasette_url": base, "index_url": f"{base}/digests/index.html",
        "feed_url": f"{base}/digests/feed.xml", "built": clock.now_iso(),
    }


def render_digest(db: Database, week: str, base_url: str | None = None,
                  regions: Iterable[str] | None = None,
                  keep: Callable[[dict[str, Any]], bool] | None = None) -> tuple[str, int]:
    """Render one week's digest; returns the HTML and how many changes it lists.

    :param db: the database
    :param week: ISO week label
    :param base_url: Datasette base URL
    :param regions: the regions followed (see :func:`digest_context`)
    :param keep: only the changes it accepts (see :func:`digest_context`)
    """
    context = digest_context(db, week, base_url, regions, keep)
    return environment().get_template("digest.html").render(context), context["total"]


def render_index(db: Database, base_url: str | None = None) -> str:
    """Render the index page of every recorded digest.

    :param db: the database
    :param base_url: Datasette base URL
    """
    base = datasette_url(base_url)
    rows = []
    for row in store.list_digests(db):
        start, end = clock.week_bounds(row["week"])
        rows.append(dict(row, start=start, end=end, href=f"{row['week']}.html"))
    return environment().get_template("index.html").render(
        digests=rows, datasette_url=base, index_url=f"{base}/digests/index.html",
        feed_url=f"{base}/digests/feed.xml", built=clock.now_iso(),
    )


def build_digest(db: Database, week: str, out_dir: str | os.PathLike[str],
                 base_url: str | None = None, regions: Iterable[str] | None = None) -> Digest:
    """Write the digest of ``week``, record it, and rewrite the index page and Atom feed.

    :param db: the database
    :param week: ISO week label, e.g. 2026-W47
    :param out_dir: folder for ``<week>.html``, ``index.html`` and ``feed.xml``
    :param base_url: Datasette base URL (default ``$POLICYWATCH_DATASETTE_URL``)
    :param regions: the regions followed (see :func:`digest_context`)
    """
    html, count = render_digest(db, week, base_url, regions)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{week}.html"
        _write(path, html)
        store.record_digest(db, week, str(path), count, html)
    except OSError as error:
        raise PolicywatchError(f"cannot write the digest to {folder}: {error}") from None
    write_index(db, folder, base_url)
    return Digest(week=week, path=path, changes=count, html=html)


def write_index(db: Database, out_dir: str | os.PathLike[str], base_url: str | None = None) -> None:
    """Rewrite the index page and the Atom feed of the digest folder.

    :param db: the database
    :param out_dir: the digest folder
    :param base_url: Datasette base URL (default ``$POLICYWATCH_DATASETTE_URL``)
    """
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write(folder / "index.html", render_index(db, base_url))
        _write(folder / "feed.xml", feed.atom_feed(store.recent_changes(db), datasette_url(base_url)))
    except OSError as error:
        raise PolicywatchError(f"cannot write the digest to {folder}: {error}") from None


def _write(path: Path, text: str) -> None:
    """Write atomically, so Datasette never serves half a file."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
