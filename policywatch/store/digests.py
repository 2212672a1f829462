"""Reading what a weekly digest shows, and recording the digests built."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from policywatch import clock
from policywatch.store.reviews import NOT_WRONG

CHANGE_COLUMNS = """
    c.*, a.title as article_title, a.url as article_url, a.source as article_source,
    a.is_plenary as article_is_plenary,
    b.value as baseline_value, b.unit as baseline_unit, b.year as baseline_year,
    b.comparator as baseline_comparator,
    p.sentence as old_sentence, p.published as old_published,
    pa.id as old_article_id, pa.url as old_article_url, pa.title as old_article_title
"""
# The earlier side of a change: the target it moves (else the baseline's) and its article.
CHANGE_JOINS = """
    from changes c
    left join articles a on a.id = c.article_id
    left join targets b on b.id = c.baseline_target_id
    left join targets p on p.id = coalesce(c.previous_target_id, c.baseline_target_id)
    left join articles pa on pa.id = p.article_id
"""


def week_changes(db: Database, week: str) -> list[dict[str, Any]]:
    """Changes of one ISO week, with their article and baseline target, by indicator;
    changes reviewed wrong are left out.

    :param db: the database
    :param week: ISO week label, e.g. 2026-W47
    """
    sql = (f"select {CHANGE_COLUMNS} {CHANGE_JOINS} where c.week = ? and {NOT_WRONG} "
           "order by c.indicator, c.region, c.id")
    return [dict(row) for row in db.query(sql, [week])]


def recent_changes(db: Database, limit: int = 100) -> list[dict[str, Any]]:
    """The latest changes, newest first, without those reviewed wrong (for the Atom feed).

    :param db: the database
    :param limit: how many
    """
    sql = (f"select {CHANGE_COLUMNS} {CHANGE_JOINS} where {NOT_WRONG} "
           "order by c.published desc, c.detected desc, c.id limit ?")
    return [dict(row) for row in db.query(sql, [limit])]


def articles_waiting_for_diff(db: Database) -> int:
    """How many stored articles (reprints aside) no ``policywatch diff`` has read yet.

    :param db: the database
    """
    row = db.execute(  # the articles of no version, read from the extractor index: no table scan
        "select count(*) from articles where rowid in (select rowid from articles"
        " where extractor_version is null) and dup_of is null and body is not null").fetchone()
    return row[0]


def plenary_articles(db: Database, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Plenary (全会) articles published between two dates, baseline documents and reprints excluded.

    :param db: the database
    :param start: first day
    :param end: last day (inclusive)
    """
    sql = """select id, url, title, source, published from articles
             where is_plenary = 1 and coalesce(is_baseline, 0) = 0 and dup_of is null
               and published between ? and ? order by published, title"""
    return [dict(row) for row in db.query(sql, [start.isoformat(), end.isoformat()])]


def source_problems(db: Database, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Sources that are unhealthy now or had failed crawl runs between two dates.

    :param db: the database
    :param start: first day
    :param end: last day (inclusive)
    """
    until = (end + dt.timedelta(days=1)).isoformat()
    sql = """
        select s.name, s.title, s.healthy, s.health_note, s.last_run,
          (select count(*) from crawl_runs r where r.source = s.name
             and r.status in ('failed', 'unhealthy', 'killed', 'interrupted')
             and r.started >= ? and r.started < ?) as failed_runs,
          (select r.errors from crawl_runs r where r.source = s.name
             and r.status in ('failed', 'unhealthy', 'killed', 'interrupted')
             and r.started >= ? and r.started < ? order by r.id desc limit 1) as last_errors
        from sources s order by s.name
    """
    rows = db.query(sql, [start.isoformat(), until] * 2)
    return [dict(row) for row in rows if row["healthy"] == 0 or row["failed_runs"]]


def record_digest(db: Database, week: str, path: str, changes: int, html: str) -> None:
    """Record (or replace) the digest of a week.

    :param db: the database
    :param week: ISO week label
    :param path: where the HTML file was written
    :param changes: how many changes it lists
    :param html: the rendered HTML
    """
    with db.atomic():
        db["digests"].upsert(
            {"week": week, "path": path, "built": clock.now_iso(), "changes": changes, "html": html},
            pk="week",
        )


def list_digests(db: Database) -> list[dict[str, Any]]:
    """Every recorded digest, newest week first, without its HTML.

    :param db: the database
    """
    return [dict(row) for row in db.query(
        "select week, path, built, changes from digests order by week desc")]


def get_digest(db: Database, week: str) -> dict[str, Any] | None:
    """The recorded digest of a week (with its HTML), or None.

    :param db: the database
    :param week: ISO week label
    """
    return next(db["digests"].rows_where("week = ?", [week]), None)
