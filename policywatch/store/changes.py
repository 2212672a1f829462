"""The changes table and the indicator timeline: queries for change detection."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlite_utils import Database

CHANGE_FIELDS = (
    "id", "detected", "week", "change_type", "indicator", "indicator_key", "region",
    "old_value", "old_unit", "old_year", "new_value", "new_unit", "new_year", "delta",
    "progress", "baseline_target_id", "previous_target_id", "target_id", "article_id",
    "sentence", "published",
)


def baseline_cutoff(db: Database) -> str | None:
    """Publication date of the newest baseline document: older articles are history.

    :param db: the database
    """
    row = db.execute("SELECT max(published) FROM articles WHERE is_baseline = 1").fetchone()
    return row[0] if row else None


def article_targets(db: Database, article_id: str) -> list[dict[str, Any]]:
    """An article's targets in text order.

    :param article_id: the article
    """
    return list(db["targets"].rows_where("article_id = ?", [article_id], order_by="start, id"))


def targets_without_key(db: Database) -> list[dict[str, Any]]:
    """Targets stored without an indicator key (e.g. loaded by ``init``), oldest first.

    :param db: the database
    """
    return list(db["targets"].rows_where("indicator_key IS NULL",
                                         order_by="published, article_id, start"))


def set_indicator_key(db: Database, target_id: str, key: str) -> None:
    """Store a target's indicator key.

    :param target_id: the target
    :param key: its key
    """
    db["targets"].update(target_id, {"indicator_key": key})


def known_keys(db: Database, published: str | None, article_id: str) -> dict[str, list[str]]:
    """Indicator keys of the baseline and earlier articles, per region.

    :param published: publication date of the article being processed
    :param article_id: id of the article being processed (ties on date are broken by id)
    """
    sql = """SELECT DISTINCT t.region, t.indicator_key FROM targets t
             WHERE t.indicator_key IS NOT NULL AND t.article_id != ?
               AND (t.is_baseline = 1 OR t.published < ? OR (t.published = ? AND t.article_id < ?))"""
    date = published or ""
    keys: dict[str, list[str]] = {}
    for region, key in db.execute(sql, [article_id, date, date, article_id]).fetchall():
        keys.setdefault(region, []).append(key)
    return keys


def earlier_mentions(db: Database, keys: Iterable[tuple[str, str]], published: str,
                     article_id: str, cutoff: str | None) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Earlier targets per ``(indicator_key, region)``, oldest first: every baseline target,
    then, per deadline year, the latest target of a compared article published before this
    one (same date: smaller id). That is all :mod:`diff.compare` needs, however long the
    history grows.

    :param keys: the ``(indicator_key, region)`` pairs wanted
    :param published: publication date of the article being compared
    :param article_id: its id
    :param cutoff: see :func:`baseline_cutoff`
    """
    sql = """
        WITH earlier AS (
            SELECT t.*, ROW_NUMBER() OVER (
                PARTITION BY t.year ORDER BY t.published DESC, t.article_id DESC, t.start DESC
            ) AS newest
            FROM targets t
            WHERE t.indicator_key = ? AND t.region = ? AND t.kind = 'target'
              AND t.is_baseline = 0 AND t.published >= ?
              AND (t.published < ? OR (t.published = ? AND t.article_id < ?))
        )
        SELECT * FROM (
            SELECT t.*, 0 AS newest FROM targets t
            WHERE t.indicator_key = ? AND t.region = ? AND t.kind = 'target' AND t.is_baseline = 1
            UNION ALL
            SELECT * FROM earlier WHERE newest = 1
        )
        ORDER BY is_baseline DESC, published, article_id, start"""
    result: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for key, region in set(keys):
        cursor = db.execute(sql, [key, region, cutoff or "", published, published, article_id,
                                  key, region])
        columns = [c[0] for c in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        for row in rows:
            del row["newest"]
        result[(key, region)] = rows
    return result


def replace_changes(db: Database, article_id: str, changes: Iterable[dict[str, Any]],
                    detected: str) -> int:
    """Replace an article's change rows; a change already stored keeps its ``detected`` time.

    :param article_id: the article
    :param changes: change records (see :mod:`diff.compare`) with ``week`` set
    :param detected: time stamp for changes not stored before
    :return: the number of rows stored
    """
    before = {row["id"]: row["detected"]
              for row in db["changes"].rows_where("article_id = ?", [article_id])}
    rows = []
    for change in changes:
        row = {field: change.get(field) for field in CHANGE_FIELDS}
        row["detected"] = before.get(row["id"], detected)
        rows.append(row)
    with db.atomic():
        db.execute("DELETE FROM changes WHERE article_id = ?", [article_id])
        if rows:
            db["changes"].insert_all(rows, pk="id", replace=True)
    return len(rows)


def compared_articles_after(db: Database, published: str, article_id: str) -> list[dict[str, Any]]:
    """Extracted, non-baseline articles that come after ``(published, article_id)``, in order.

    :param published: publication date
    :param article_id: article id (ties on date)
    """
    return list(db["articles"].rows_where(
        "is_baseline = 0 AND extractor_version IS NOT NULL AND dup_of IS NULL"
        " AND published IS NOT NULL AND (published > ? OR (published = ? AND id > ?))",
        [published, published, article_id],
        order_by="published, id",
    ))


def timeline(db: Database, indicator_key: str, region: str = "重庆市") -> Iterator[dict[str, Any]]:
    """Every mention of an indicator in a region, in publication order (``indicator_timeline``).

    :param indicator_key: the key, e.g. ``研发投入强度|percent``
    :param region: whose indicator
    """
    yield from db["indicator_timeline"].rows_where(
        "indicator_key = ? AND region = ?", [indicator_key, region],
        order_by="published, article_id, start",
    )
