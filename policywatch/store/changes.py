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


#: a compared target of the key and region published before the article (same date: smaller id)
_BEFORE = """indicator_key = :key AND region = :region AND kind = 'target' AND is_baseline = 0
    AND published >= :cutoff AND published <= :published
    AND (published < :published OR article_id < :article)"""
_NEWEST = "ORDER BY published DESC, article_id DESC, start DESC LIMIT 1"
#: the latest such target of any year, one look-up
_LATEST = f"SELECT rowid FROM targets INDEXED BY idx_targets_key_latest WHERE {_BEFORE} {_NEWEST}"
#: the latest such target of one deadline year (``{year}``: ``IS :name``, ``= years.year``…)
_LATEST_OF_YEAR = (f"SELECT rowid FROM targets INDEXED BY idx_targets_key_year"
                   f" WHERE {_BEFORE} AND year {{year}} {_NEWEST}")
#: the deadline years from ``:since`` on, one look-up each
_YEARS_SINCE = """years(year) AS (
    SELECT (SELECT min(year) FROM targets INDEXED BY idx_targets_key_year
            WHERE indicator_key = :key AND region = :region AND kind = 'target'
              AND is_baseline = 0 AND year >= :since)
    UNION ALL
    SELECT (SELECT min(t.year) FROM targets t INDEXED BY idx_targets_key_year
            WHERE t.indicator_key = :key AND t.region = :region AND t.kind = 'target'
              AND t.is_baseline = 0 AND t.year > years.year)
    FROM years WHERE years.year IS NOT NULL
)"""
_BASELINE = """SELECT * FROM targets INDEXED BY idx_targets_key_year
WHERE indicator_key = :key AND region = :region AND kind = 'target' AND is_baseline = 1"""


def _earlier_sql(years: int, since: bool) -> str:
    """The query of :func:`earlier_mentions` for one key: the baseline targets, the latest
    earlier target, the latest of each year ``:year0`` … (``years`` of them, None for no
    year) and, with ``since``, of each year from ``:since`` on and of no year."""
    picks = [f"SELECT ({_LATEST})"]
    picks += [f"SELECT ({_LATEST_OF_YEAR.format(year=f'IS :year{number}')})"
              for number in range(years)]
    if since:
        picks.append(f"SELECT ({_LATEST_OF_YEAR.format(year='IS NULL')})")
        picks.append(f"SELECT ({_LATEST_OF_YEAR.format(year='= years.year')})"
                     " FROM years WHERE years.year IS NOT NULL")
    return (f"{'WITH RECURSIVE ' + _YEARS_SINCE if since else ''} {_BASELINE}"
            f" UNION ALL SELECT * FROM targets WHERE rowid IN ({' UNION ALL '.join(picks)})"
            " ORDER BY is_baseline DESC, published, article_id, start, id")


def earlier_mentions(db: Database, targets: Iterable[dict[str, Any]], published: str,
                     article_id: str, cutoff: str | None) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The earlier targets :mod:`diff.compare` reads for an article's mentions, per
    ``(indicator_key, region)``, oldest first: every baseline target, then, among the targets
    of compared articles published before this one (same date: smaller id), the latest one,
    the latest of each deadline year the article's targets name and, for a statistic of year
    Y, the latest of each year from Y on and of no year. Each is one index look-up, however
    long the history grows (a target always has a value: only qualitative goals have none).

    :param targets: the article's target rows (``indicator_key``, ``region``, ``kind``, ``year``)
    :param published: publication date of the article being compared
    :param article_id: its id
    :param cutoff: see :func:`baseline_cutoff`
    """
    wanted: dict[tuple[str, str], tuple[set[int | None], set[int]]] = {}
    for target in targets:
        if not target.get("indicator_key") or target.get("kind") not in ("target", "statistic"):
            continue
        years, since = wanted.setdefault((target["indicator_key"], target["region"]), (set(), set()))
        if target["kind"] == "target":
            years.add(target.get("year"))
        elif target.get("year") is not None:
            since.add(target["year"])
    result: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for (key, region), (years, since) in wanted.items():
        ordered = sorted(years, key=lambda year: (year is not None, year or 0))
        params = {"key": key, "region": region, "cutoff": cutoff or "", "published": published,
                  "article": article_id, "since": min(since, default=None),
                  **{f"year{number}": year for number, year in enumerate(ordered)}}
        cursor = db.execute(_earlier_sql(len(ordered), bool(since)), params)
        columns = [c[0] for c in cursor.description]
        result[(key, region)] = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return result


def replace_changes(db: Database, article_id: str, changes: Iterable[dict[str, Any]],
                    detected: str) -> int:
    """Replace an article's change rows; a change already stored keeps its ``detected`` time.

    The article's stored rows are read first (one index look-up): rows that are already
    right are not written again, one upsert statement writes the others, one delete drops
    the stale ones. So comparing an article again (a backfill) writes only what moved.

    :param article_id: the article
    :param changes: change records (see :mod:`diff.compare`) with ``week`` set
    :param detected: time stamp for changes not stored before
    :return: the number of rows stored
    """
    rows = [[detected if field == "detected" else change.get(field) for field in CHANGE_FIELDS]
            for change in changes]
    stored = {row[0]: row for row in db.execute(
        f"SELECT {', '.join(CHANGE_FIELDS)} FROM changes WHERE article_id = ?", [article_id])}
    ids = {row[0] for row in rows}
    stale = [ident for ident in stored if ident not in ids]
    moved = [row for row in rows if not _same_change(stored.get(row[0]), row)]
    with db.atomic():
        if stale:
            db.execute(f"DELETE FROM changes WHERE id IN ({_marks(len(stale))})", stale)
        if moved:
            updates = ", ".join(f"{field} = excluded.{field}" for field in CHANGE_FIELDS
                                if field not in ("id", "detected"))
            values = ", ".join(f"({_marks(len(CHANGE_FIELDS))})" for _ in moved)
            db.execute(f"INSERT INTO changes ({', '.join(CHANGE_FIELDS)}) VALUES {values}"
                       f" ON CONFLICT (id) DO UPDATE SET {updates}",
                       [value for row in moved for value in row])
    return len(rows)


def _same_change(stored: tuple[Any, ...] | None, row: list[Any]) -> bool:
    """Whether a stored change row already holds ``row`` (its ``detected`` aside)."""
    return stored is not None and all(
        old == new for field, old, new in zip(CHANGE_FIELDS, stored, row, strict=True)
        if field != "detected")


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
    # by position: the key's other indexes put kind first and would read all its mentions
    rows = db.execute(
        f"""SELECT DISTINCT article_id FROM targets INDEXED BY idx_targets_key_position
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
