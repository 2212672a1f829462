"""Opening the database and migrating its schema.

Migrations are registered with sqlite-utils' :class:`~sqlite_utils.migrations.Migrations`
and applied in order each time the database is opened, each in a write transaction of its own.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from policywatch.store.files import (
    DatabaseFileError,
    check_database_file,
    check_owner,
    describe_error,
)
from policywatch.store.transactions import connect, is_busy, retry_busy

DEFAULT_DB = "data/policywatch.db"

migrations = Migrations("policywatch")


def database_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the database path: the argument, else ``$POLICYWATCH_DB``, else the default.

    :param path: an explicit path, or None
    """
    return Path(path or os.environ.get("POLICYWATCH_DB") or DEFAULT_DB)


def open_db(path: str | os.PathLike[str] | None = None) -> Database:
    """Open (creating if needed) the database in WAL mode and apply pending migrations.

    Write transactions begin immediate and wait for other writers (see
    :mod:`policywatch.store.transactions`).

    :param path: database file; see :func:`database_path`
    :raises DatabaseFileError: when the file is not policywatch's SQLite database or cannot
        be written
    """
    target = database_path(path)
    check_database_file(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        db = connect(target)
    except OSError as error:
        raise DatabaseFileError(f"{target}: cannot be created: {error.strerror}") from None
    except sqlite3.Error as error:
        raise DatabaseFileError(describe_error(target, error)) from None
    try:
        check_owner(db, target)
        retry_busy(db.enable_wal, "enable WAL")
        retry_busy(lambda: apply_migrations(db), "migrate")
    except sqlite3.DatabaseError as error:
        db.close()
        if is_busy(error):
            raise
        raise DatabaseFileError(describe_error(target, error)) from None
    except BaseException:
        db.close()
        raise
    return db


def apply_migrations(db: Database) -> None:
    """Apply pending migrations in order, each in a write transaction of its own: an upgrade
    holds the write lock no longer than its longest step, while crawls and Datasette's review
    queries wait for it (from ``m012``, the index migrations in one transaction held it 34 s at
    1,000,000 targets, past a writer's busy timeout of 30 s). What is still pending is read again
    under the lock (another process may be first). A migration registered
    ``transactional=False`` first runs outside one: its steps are transactions of their own, each
    left out once done (:func:`build_facet_index`), so running it again under the lock to record
    it is quick.

    :param db: the database (:func:`open_db` applies them when it opens it)
    """
    while pending := migrations.pending(db):
        if not pending[0].transactional:
            pending[0].fn(db)
        with db.atomic():
            pending = migrations.pending(db)
            migrations.apply(db, stop_before=[migration.name for migration in pending[1:]])


@migrations()
def m001_initial(db: Database) -> None:
    """The tables of DESIGN.md."""
    db["sources"].create(
        {
            "name": str,
            "title": str,
            "kind": str,
            "enabled": int,
            "schedule": str,
            "config": str,
            "healthy": int,
            "health_note": str,
            "last_run": str,
            "updated": str,
        },
        pk="name",
    )
    db["crawl_runs"].create(
        {
            "id": int,
            "source": str,
            "started": str,
            "finished": str,
            "status": str,
            "pages": int,
            "new_articles": int,
            "duplicates": int,
            "failed": int,
            "errors": str,
            "pid": int,
        },
        pk="id",
    )
    db["crawl_runs"].create_index(["source", "started"])
    db["articles"].create(
        {
            "id": str,
            "url": str,
            "source": str,
            "title": str,
            "subtitle": str,
            "published": str,
            "author": str,
            "origin": str,
            "page": str,
            "tags": str,
            "is_plenary": int,
            "is_baseline": int,
            "body": str,
            "content_hash": str,
            "dup_of": str,
            "etag": str,
            "last_modified": str,
            "first_seen": str,
            "last_seen": str,
            "extractor_version": str,
        },
        pk="id",
    )
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["content_hash"])
    db["articles"].create_index(["source", "published"])
    db["targets"].create(
        {
            "id": str,
            "article_id": str,
            "kind": str,
            "indicator": str,
            "indicator_key": str,
            "value": float,
            "value_max": float,
            "unit": str,
            "comparator": str,
            "year": int,
            "region": str,
            "sentence": str,
            "start": int,
            "end": int,
            "published": str,
            "is_baseline": int,
            "extractor_version": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["targets"].create_index(["article_id"])
    db["targets"].create_index(["indicator_key", "region"])
    db["changes"].create(
        {
            "id": str,
            "detected": str,
            "week": str,
            "change_type": str,
            "indicator": str,
            "indicator_key": str,
            "region": str,
            "old_value": float,
            "old_unit": str,
            "old_year": int,
            "new_value": float,
            "new_unit": str,
            "new_year": int,
            "delta": float,
            "progress": float,
            "baseline_target_id": str,
            "previous_target_id": str,
            "target_id": str,
            "article_id": str,
            "sentence": str,
            "published": str,
        },
        pk="id",
        foreign_keys=[
            ("target_id", "targets", "id"),
            ("article_id", "articles", "id"),
        ],
    )
    db["changes"].create_index(["week"])
    db["digests"].create(
        {"week": str, "path": str, "built": str, "changes": int, "html": str},
        pk="week",
    )
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize='unicode61')"
    )
    db.execute(
        "CREATE VIRTUAL TABLE targets_fts USING fts5(indicator, sentence, tokenize='unicode61')"
    )


@migrations()
def m002_notifications(db: Database) -> None:
    """Digest notifications: one row per week and Apprise target, so failed sends are retried."""
    db["notifications"].create(
        {
            "week": str,
            "target_key": str,
            "target": str,
            "status": str,
            "attempts": int,
            "last_error": str,
            "last_attempt": str,
            "sent": str,
        },
        pk=("week", "target_key"),
    )
    db["notifications"].create_index(["status"])


@migrations()
def m003_indicator_timeline(db: Database) -> None:
    """View ``indicator_timeline``: every numeric mention of an indicator, oldest first.

    ``role`` is ``baseline``, ``history`` (published before the newest baseline document)
    or ``follow-up``; ``change_type`` is the change the mention made, if any.
    """
    db.execute(
        """
        CREATE VIEW IF NOT EXISTS indicator_timeline AS
        SELECT t.indicator_key, t.region, t.indicator, t.kind, t.value, t.value_max, t.unit,
               t.comparator, t.year, t.published,
               CASE WHEN t.is_baseline = 1 THEN 'baseline'
                    WHEN t.published IS NULL
                      OR t.published < (SELECT max(published) FROM articles WHERE is_baseline = 1)
                    THEN 'history'
                    ELSE 'follow-up' END AS role,
               c.change_type, a.title, a.url, t.sentence, t.start, t.id AS target_id,
               t.article_id
        FROM targets t
        JOIN articles a ON a.id = t.article_id
        LEFT JOIN changes c ON c.target_id = t.id
        WHERE t.indicator_key IS NOT NULL AND t.kind != 'qualitative'
        ORDER BY t.indicator_key, t.region, t.published, t.article_id, t.start
        """
    )


@migrations()
def m004_crawler(db: Database) -> None:
    """Crawler: article URL aliases (e-paper continuations) and link/rejection counts per run."""
    db["article_urls"].create({"url": str, "article_id": str}, pk="url")
    db["article_urls"].create_index(["article_id"])
    db["crawl_runs"].add_column("links", int)
    db["crawl_runs"].add_column("articles_fetched", int)
    db["crawl_runs"].add_column("rejected", int)


@migrations()
def m005_reviews(db: Database) -> None:
    """Analysts' reviews of changes and targets, keyed by content so they survive a reprocess.

    ``changes.review_key`` and ``targets.review_key`` are generated columns (article,
    indicator, region, values); ``reviews`` keeps every verdict, ``review_status`` the latest.
    """
    db.execute(
        "ALTER TABLE changes ADD COLUMN review_key TEXT GENERATED ALWAYS AS (json_array("
        "article_id, indicator, region, old_value, old_unit, old_year, new_value, new_unit, "
        "new_year)) VIRTUAL"
    )
    db.execute(
        "ALTER TABLE targets ADD COLUMN review_key TEXT GENERATED ALWAYS AS (json_array("
        "article_id, kind, indicator, region, comparator, value, value_max, unit, year)) VIRTUAL"
    )
    db.execute("CREATE INDEX idx_changes_review_key ON changes (review_key)")
    db.execute("CREATE INDEX idx_targets_review_key ON targets (review_key)")
    db.execute(
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL CHECK (subject IN ('change', 'target')),
            subject_key TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'wrong')),
            reviewer TEXT NOT NULL CHECK (reviewer != ''),
            reviewed TEXT NOT NULL,
            note TEXT,
            subject_id TEXT,
            indicator TEXT,
            region TEXT,
            article_id TEXT
        )
        """
    )
    db.execute("CREATE INDEX idx_reviews_subject ON reviews (subject, subject_key, id)")
    db.execute(
        """
        CREATE VIEW review_status AS
        SELECT r.subject, r.subject_key, r.verdict, r.reviewer, r.reviewed, r.note, r.id AS review_id
        FROM reviews r
        WHERE r.id = (SELECT max(r2.id) FROM reviews r2
                      WHERE r2.subject = r.subject AND r2.subject_key = r.subject_key)
        """
    )


@migrations()
def m006_record_sources(db: Database) -> None:
    """Targets say where their year and region came from (sentence, paragraph, list, heading,
    lead, title, source, default): extractor v3 reads the document around a number."""
    db["targets"].add_column("year_source", str)
    db["targets"].add_column("region_source", str)


@migrations()
def m007_indexes(db: Database) -> None:
    """Indexes for every query the service runs, and the indicator name index.

    Change detection looks targets up by indicator and position in time (per deadline year
    for the latest earlier mention); changes are replaced per article and joined by target
    and baseline target; table pages sort by publication date.
    """
    from policywatch.store.indicators import create_index

    db.execute("DROP INDEX IF EXISTS idx_targets_indicator_key_region")
    for sql in (
        "CREATE INDEX idx_targets_key_position ON targets (indicator_key, region, published, article_id)",
        "CREATE INDEX idx_targets_key_year ON targets"
        " (indicator_key, region, kind, is_baseline, year, published, article_id, start)",
        "CREATE INDEX idx_targets_published ON targets (published)",
        "CREATE INDEX idx_targets_baseline ON targets (is_baseline, kind, indicator, year)",
        "CREATE INDEX idx_changes_article ON changes (article_id)",
        "CREATE INDEX idx_changes_target ON changes (target_id)",
        "CREATE INDEX idx_changes_baseline ON changes (baseline_target_id, published, detected)",
        "CREATE INDEX idx_changes_published ON changes (published)",
        "CREATE INDEX idx_changes_week_type ON changes (week, change_type, indicator)",
        "CREATE INDEX idx_articles_published ON articles (published, id)",
        "CREATE INDEX idx_articles_baseline ON articles (is_baseline, published)",
        "CREATE INDEX idx_articles_extractor ON articles (extractor_version)",
    ):
        db.execute(sql)
    create_index(db)


@migrations()
def m008_alerts(db: Database) -> None:
    """Change alerts: one row per ``when: change`` entry and change, queued before sending."""
    db["alerts"].create(
        {
            "target_key": str,
            "change_key": str,
            "name": str,
            "target": str,
            "change_id": str,
            "change_type": str,
            "indicator": str,
            "region": str,
            "status": str,
            "attempts": int,
            "last_error": str,
            "queued": str,
            "last_attempt": str,
            "sent": str,
        },
        pk=("target_key", "change_key"),
    )
    db["alerts"].create_index(["status"])
    db["alert_watermarks"].create(
        {"target_key": str, "name": str, "target": str, "since": str}, pk="target_key",
    )


@migrations()
def m009_bigram_search(db: Database) -> None:
    """Search by bigram terms in contentless FTS5 tables (no second copy of the text).

    ``articles_fts`` and ``targets_fts`` index :func:`policywatch.search.index_terms` of their
    columns, with a one-character prefix index for one-character searches; the text itself
    stays only in ``articles`` and ``targets``.
    """
    from policywatch.search import index_terms

    for table, columns, source, where in (
        ("articles_fts", ("title", "body"), "articles", "dup_of IS NULL AND body IS NOT NULL"),
        ("targets_fts", ("indicator", "sentence"), "targets", "1"),
    ):
        db.execute(f"DROP TABLE IF EXISTS {table}")
        db.execute(f"CREATE VIRTUAL TABLE {table} USING fts5({', '.join(columns)}, content='',"
                   " prefix='1', tokenize='unicode61')")
        rows = db.execute(f"SELECT rowid, {', '.join(columns)} FROM {source} WHERE {where}")
        db.conn.executemany(
            f"INSERT INTO {table} (rowid, {', '.join(columns)}) VALUES (?, ?, ?)",
            ((rowid, index_terms(first), index_terms(second)) for rowid, first, second in rows),
        )


@migrations()
def m010_recent_changes_index(db: Database) -> None:
    """The Atom feed reads the newest changes in index order: no sort of all changes."""
    db.execute("DROP INDEX IF EXISTS idx_changes_published")
    db.execute("CREATE INDEX idx_changes_recent ON changes (published DESC, detected DESC, id)")


@migrations()
def m011_scrapyd_crawl_nodes(db: Database) -> None:
    """Scrapyd: which node and job ran each crawl (null for a crawl on this machine)."""
    db["crawl_runs"].add_column("node", str)
    db["crawl_runs"].add_column("job", str)


@migrations()
def m012_diff_safety(db: Database) -> None:
    """Diff kill-safety and poison articles: the recompare queue, article problems, quarantine."""
    db["diff_queue"].create({"article_id": str, "queued": str}, pk="article_id")
    db["article_problems"].create(
        {
            "article_id": str,
            "source": str,
            "url": str,
            "title": str,
            "published": str,
            "extractor_version": str,
            "state": str,
            "attempts": int,
            "note": str,
            "error": str,
            "updated": str,
        },
        pk="article_id",
    )
    db["article_problems"].create_index(["state", "extractor_version"])
    db.execute(
        """
        CREATE VIEW IF NOT EXISTS quarantine AS
        SELECT article_id, source, title, url, published, extractor_version, attempts, error,
               note, updated
        FROM article_problems WHERE state = 'quarantined'
        ORDER BY updated DESC
        """
    )


#: facets an analyst asks for on the large tables (``?_facet=``), each counted from a covering
#: index, not the table (datasette.yml gives these tables no default facets)
FACET_INDEXES = {
    "articles": ("is_plenary", "tags"),
    "targets": ("kind", "year", "region", "unit"),
    "changes": ("change_type", "region", "new_year"),
}


def build_facet_index(db: Database, table: str, column: str) -> None:
    """Build the index of a facet column, ``(column, published desc)``, in a write transaction
    of its own, with its statistics when the database has some; nothing when it is built.

    :param db: the database
    :param table: a large table (:data:`FACET_INDEXES`)
    :param column: one of its facet columns
    """
    name = f"idx_{table}_facet_{column}"
    with db.atomic():
        keys = db.execute("SELECT name, desc FROM pragma_index_xinfo(?) WHERE key = 1", [name]).fetchall()
        if keys == [(column, 0), ("published", 1)]:
            return
        db.execute(f"DROP INDEX IF EXISTS {name}")
        db.execute(f"CREATE INDEX {name} ON {table} ({column}, published DESC)")
        if db["sqlite_stat1"].exists():
            db.execute(f"ANALYZE {name}")


@migrations(transactional=False)
def m013_facet_indexes(db: Database) -> None:
    """One index per facet column of the large tables: a facet reads a narrow index. Built as
    ``m018_filtered_newest_indexes`` defines them (:func:`build_facet_index`), one transaction
    each, so a database that takes both does not build them twice."""
    for table, columns in FACET_INDEXES.items():
        for column in columns:
            build_facet_index(db, table, column)


@migrations()
def m014_latest_target_index(db: Database) -> None:
    """Change detection finds an indicator's latest earlier target of any year in one look-up."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_targets_key_latest ON targets"
               " (indicator_key, region, kind, is_baseline, published, article_id, start)")


@migrations()
def m015_timeline_view_unsorted(db: Database) -> None:
    """View ``indicator_timeline`` without its own ORDER BY.

    Every reader orders the rows it reads (:func:`policywatch.store.changes.timeline`, the chart
    page); sorting the whole view first made each Datasette page of it, and its row count, sort
    every mention in the archive.
    """
    db.execute("DROP VIEW IF EXISTS indicator_timeline")
    db.execute(
        """
        CREATE VIEW indicator_timeline AS
        SELECT t.indicator_key, t.region, t.indicator, t.kind, t.value, t.value_max, t.unit,
               t.comparator, t.year, t.published,
               CASE WHEN t.is_baseline = 1 THEN 'baseline'
                    WHEN t.published IS NULL
                      OR t.published < (SELECT max(published) FROM articles WHERE is_baseline = 1)
                    THEN 'history'
                    ELSE 'follow-up' END AS role,
               c.change_type, a.title, a.url, t.sentence, t.start, t.id AS target_id,
               t.article_id
        FROM targets t
        JOIN articles a ON a.id = t.article_id
        LEFT JOIN changes c ON c.target_id = t.id
        WHERE t.indicator_key IS NOT NULL AND t.kind != 'qualitative'
        """
    )


@migrations()
def m016_newest_first_indexes(db: Database) -> None:
    """Datasette's later pages of ``articles`` and ``targets`` (``?_next=``, a search's too) read
    newest first in index order: they sort by ``published desc, id``, which no index gave, so
    each page sorted every row (or every match of a search)."""
    for table in ("articles", "targets"):
        db.execute(f"CREATE INDEX IF NOT EXISTS idx_{table}_newest ON {table} (published DESC, id)")


@migrations()
def m017_sort_indexes(db: Database) -> None:
    """A page of ``articles`` sorted by title, or of ``targets`` by indicator (their label
    columns; a search's too), reads in index order and stops after a page instead of sorting
    every row (or every match of a common word)."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_title ON articles (title)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_targets_indicator ON targets (indicator)")


@migrations(transactional=False)
def m018_filtered_newest_indexes(db: Database) -> None:
    """Each facet column's index also orders by date: a page filtered on it (``targets?region=
    万州区``, a search's too) reads that value's rows newest first (the tables' own order) and
    stops after a page, instead of reading every row in date order to find the value's; facets
    still read the index alone. Rows of one date are ordered among themselves by Datasette.
    A database with statistics (``ANALYZE``) gets them for the new indexes too: the planner
    would otherwise guess their selectivity against measured ones. Each index is rebuilt in a
    transaction of its own (:func:`build_facet_index`): the nine in one held the write lock for
    15 s at 1,000,000 targets, one holds it for 1–3 s."""
    for table, columns in FACET_INDEXES.items():
        for column in columns:
            build_facet_index(db, table, column)


@migrations()
def m019_region_index(db: Database) -> None:
    """Targets by region in rowid order, the search index's own order: a search's count with a
    region filter (``targets?_search=城&region=万州区``) merges the two lists of rowids
    (``policywatch.datasette_search.merged_count``: 8 ms at 1,000,000 targets) instead of
    reading each match's row or collecting every match first (20–25 ms). ``(region, published
    desc)`` (``m018``) orders a region's rows by date, not rowid. 2–3 s at 1,000,000 targets,
    with its statistics when the database has some."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_targets_region ON targets (region)")
    if db["sqlite_stat1"].exists():
        db.execute("ANALYZE idx_targets_region")
