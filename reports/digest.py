"""The weekly digest: one self-contained HTML page per ISO week, plus the index and feed.

Each digest is written as ``<out>/<week>.html`` (e.g. ``2026-W47.html``), recorded in the
``digests`` table, and the index page (``index.html``) and Atom feed (``feed.xml``) in the
same folder are rewritten. Datasette serves the folder at ``/digests/``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape

from policywatch import clock
from policywatch.errors import PolicywatchError
from policywatch.publish import DATABASE_NAME, datasette_url
from policywatch.store import digests as store
from reports import feed, format
from reports.themes import theme_of, theme_order

if TYPE_CHECKING:
    from sqlite_utils import Database

TEMPLATES = Path(__file__).resolve().parent / "templates"
WEEK = re.compile(r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$")
ADJUSTMENTS = ("revised", "extended", "rescheduled")
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
    return week


def safe_url(url: str | None) -> str:
    """A crawled URL for an href: http(s) only, anything else (``javascript:`` …) becomes ``#``.

    :param url: the URL
    """
    return url if url and url.lower().startswith(("http://", "https://")) else "#"


def environment() -> Environment:
    """The jinja2 environment of the report templates (autoescaped, with the formatters)."""
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


def _dress(change: dict[str, Any], base: str) -> dict[str, Any]:
    """Add the display strings and links of one change row."""
    c = dict(change)
    c["row_url"] = row_url(base, "changes", c["id"])
    c["article_row_url"] = row_url(base, "articles", c["article_id"]) if c.get("article_id") else ""
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
    c["percent"] = None if progress is None else format.number(progress * 100)
    c["bar"] = None if progress is None else round(max(0.0, min(progress, 1.0)) * 100, 1)
    return c


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


def digest_context(db: Database, week: str, base_url: str | None = None) -> dict[str, Any]:
    """Everything the digest template shows for one ISO week.

    :param db: the database
    :param week: ISO week label
    :param base_url: Datasette base URL (default ``$POLICYWATCH_DATASETTE_URL``)
    """
    base = datasette_url(base_url)
    start, end = clock.week_bounds(check_week(week))
    changes = [_dress(c, base) for c in store.week_changes(db, week)]
    by_type: dict[str, list[dict[str, Any]]] = {}
    for c in changes:
        by_type.setdefault(c["change_type"], []).append(c)
    themes: dict[str, list[dict[str, Any]]] = {name: [] for name in theme_order()}
    for c in by_type.get("new", []):
        themes[theme_of(c["indicator"], c.get("sentence"))].append(c)
    plenary = [dict(a, row_url=row_url(base, "articles", a["id"]))
               for a in store.plenary_articles(db, start, end)]
    problems = _problems(store.source_problems(db, start, end), base)
    known = set(format.CHANGE_LABELS)
    headline = [("变化", len(changes))] + [
        (format.label(kind), len(by_type.get(kind, []))) for kind in format.CHANGE_LABELS
    ] + [("全会文章", len(plenary)), ("来源异常", len(problems))]
    return {
        "week": week, "start": start, "end": end, "total": len(changes), "headline": headline,
        "adjustments": [c for kind in ADJUSTMENTS for c in by_type.get(kind, [])],
        "new_by_theme": [(name, items) for name, items in themes.items() if items],
        "progress": by_type.get("progress", []),
        "reaffirmed": by_type.get("reaffirmed", []),
        "others": [c for c in changes if c["change_type"] not in known],
        "plenary": plenary, "problems": problems, "colours": COLOURS,
        "datasette_url": base, "index_url": f"{base}/digests/index.html",
        "feed_url": f"{base}/digests/feed.xml", "built": clock.now_iso(),
    }


def render_digest(db: Database, week: str, base_url: str | None = None) -> tuple[str, int]:
    """Render one week's digest; returns the HTML and how many changes it lists.

    :param db: the database
    :param week: ISO week label
    :param base_url: Datasette base URL
    """
    context = digest_context(db, week, base_url)
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
                 base_url: str | None = None) -> Digest:
    """Write the digest of ``week``, record it, and rewrite the index page and Atom feed.

    :param db: the database
    :param week: ISO week label, e.g. 2026-W47
    :param out_dir: folder for ``<week>.html``, ``index.html`` and ``feed.xml``
    :param base_url: Datasette base URL (default ``$POLICYWATCH_DATASETTE_URL``)
    """
    html, count = render_digest(db, week, base_url)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{week}.html"
        _write(path, html)
        store.record_digest(db, week, str(path), count, html)
        _write(folder / "index.html", render_index(db, base_url))
        _write(folder / "feed.xml", feed.atom_feed(store.recent_changes(db), datasette_url(base_url)))
    except OSError as error:
        raise PolicywatchError(f"cannot write the digest to {folder}: {error}") from None
    return Digest(week=week, path=path, changes=count, html=html)


def _write(path: Path, text: str) -> None:
    """Write atomically, so Datasette never serves half a file."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
