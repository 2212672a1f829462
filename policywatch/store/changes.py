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


_EARLIER = """
WITH RECURSIVE years(year) AS (
    SELECT (SELECT min(year) FROM targets
            WHERE indicator_key = :key AND region = :region AND kind = 'target'
              AND is_baseline = 0)
    UNION ALL
    SELECT (SELECT min(t.year) FROM targets t
            WHERE t.indicator_key = :key AND t.region = :region AND t.kind = 'target'
              AND t.is_baseline = 0 AND t.year > years.year)
    FROM years WHERE years.year IS NOT NULL
),
latest(id) AS (
    SELECT (SELECT t.id FROM targets t
            WHERE t.indicator_key = :key AND t.region = :region AND t.kind = 'target'
              AND t.year = years.year AND t.is_baseline = 0
              AND t.published >= :cutoff AND t.published <= :published
              AND (t.published < :published OR t.article_id < :article)
            ORDER BY t.published DESC, t.article_id DESC, t.start DESC LIMIT 1)
    FROM years WHERE years.year IS NOT NULL
    UNION ALL
    SELECT (SELECT t.id FROM targets t
            WHERE t.indicator_key = :key AND t.region = :region AND t.kind = 'target'
              AND t.year IS NULL AND t.is_baseline = 0
              AND t.published >= :cutoff AND t.published <= :published
              AND (t.published < :published OR t.article_id < :article)
            ORDER BY t.published DESC, t.article_id DESC, t.start DESC LIMIT 1)
)
SELECT * FROM targets INDEXED BY idx_targets_key_year
WHERE indicator_key = :key AND region = :region AND kind = 'target' AND is_baseline = 1
UNION ALL
SELECT targets.* FROM latest JOIN targets ON targets.id = latest.id
ORDER BY is_baseline DESC, published, article_id, start
"""


def earlier_mentions(db: Database, keys: Iterable[tuple[str, str]], published: str,
                     article_id: str, cutoff: str | None) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Earlier targets per ``(indicator_key, region)``, oldest first: every baseline target,
    then, per deadline year, the latest target of a compared article published before this
    one (same date: smaller id). That is all :mod:`diff.compare` needs, and each year costs
    one index look-up however long the history grows.

    :param keys: the ``(indicator_key, region)`` pairs wanted
    :param published: publication date of the article being compared
    :param article_id: its id
    :param cutoff: see :func:`baseline_cutoff`
    """
    result: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for key, region in sorted(set(keys)):
        cursor = db.execute(_EARLIER, {"key": key, "region": region, "cutoff": cutoff or "",
                                       "published": published, "article": article_id})
        columns = [c[0] for c in cursor.description]
        result[(key, region)] = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return result


def replace_changes(db: Database, article_id: str, changes: Iterable[dict[str, Any]],
                    detected: str) -> int:
    """Replace an article's change rows; a change already stored keeps its ``detected`` time.

    One upsert statement writes every row of the article, one delete drops the stale ones.

    :param article_id: the article
    :param changes: change records (see :mod:`diff.compare`) with ``week`` set
    :param detected: time stamp for changes not stored before
    :return: the number of rows stored
    """
    rows = [[detected if field == "detected" else change.get(field) for field in CHANGE_FIELDS]
            for change in changes]
    ids = [row[0] for row in rows]
    with db.atomic():
        db.execute(f"DELETE FROM changes WHERE article_id = ? AND id NOT IN ({_marks(len(ids))})",
                   [article_id, *ids])
        if rows:
            updates = ", ".join(f"{field} = excluded.{field}" for field in CHANGE_FIELDS
                                if field not in ("id", "detected"))
            values = ", ".join(f"({_marks(len(CHANGE_FIELDS))})" for _ in rows)
            db.execute(f"INSERT INTO changes ({', '.join(CHANGE_FIELDS)}) VALUES {values}"
                       f" ON CONFLICT (id) DO UPDATE SET {updates}",
                       [value for row in rows for value in row])
    return len(rows)


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def articles_reading(db: Database, key: str, region: str, year: int | None, published: str,
                     article_id: str, bounded: bool = True) -> set[str]:
    """Articles whose comparison may read a target at ``(published, article_id)``.

    A later mention reads, per deadline year, only the latest earlier target: so a target of
    ``year`` is read by the mentions of its indicator after it, up to and including the next
    target of the same year. ``bounded=False`` (a baseline target) takes every later mention.

    :param key: the target's indicator key
    :param region: its region
    :param year: its deadline year
    :param published: its article's publication date
    :param article_id: its article
    :param bounded: stop at the next target of the same year
    """
    after = "(published > :published OR (published = :published AND article_id > :article))"
    params = {"key": key, "region": region, "year": year, "published": published,
              "article": article_id}
    limit = ""
    if bounded:
        following = db.execute(
            f"""SELECT published, article_id FROM targets
                WHERE indicator_key = :key AND region = :region AND kind = 'target'
                  AND year IS :year AND is_baseline = 0 AND {after}
                ORDER BY published, article_id LIMIT 1""", params).fetchone()
        if following is not None:
            params.update(until=following[0], until_article=following[1])
            limit = (" AND (published < :until OR (published = :until"
                     " AND article_id <= :until_article))")
    rows = db.execute(
        f"""SELECT DISTINCT article_id FROM targets
            WHERE indicator_key = :key AND region = :region AND is_baseline = 0
              AND {after}{limit}""", params).fetchall()
    return {article for (article,) in rows}


def timeline(db: Database, indicator_key: str, region: str = "重庆市", until: str | None = None,
             latest: int | None = None) -> Iterator[dict[str, Any]]:
    """Every mention of an indicator in a region, in publication order (``indicator_timeline``).

    :param indicator_key: the key, e.g. ``研发投入强度|percent``
    :param region: whose indicator
    :param until: only mentions published on or before this date (baseline mentions always)
    :param latest: only the baseline mentions and the ``latest`` last others: a bounded
        timeline (a chart), however often the indicator is mentioned
    """
    if until is None and latest is None:
        yield from db["indicator_timeline"].rows_where(
            "indicator_key = ? AND region = ?", [indicator_key, region],
            order_by="published, article_id, start",
        )
        return
    sql = """
        SELECT * FROM indicator_timeline
        WHERE target_id IN (SELECT id FROM targets INDEXED BY idx_targets_key_year
                            WHERE indicator_key = :key AND region = :region
                              AND kind IN ('target', 'statistic') AND is_baseline = 1)
        UNION ALL
        SELECT * FROM (
            SELECT * FROM indicator_timeline
            WHERE indicator_key = :key AND region = :region AND role != 'baseline'
              AND published <= :until
            ORDER BY published DESC, article_id DESC, start DESC LIMIT :latest)
        ORDER BY published, article_id, start"""
    cursor = db.execute(sql, {"key": indicator_key, "region": region,
                              "until": until or "9999", "latest": -1 if latest is None else latest})
    columns = [c[0] for c in cursor.description]
    for row in cursor:
        yield dict(zip(columns, row, strict=True))
