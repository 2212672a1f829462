"""Upgrading a database holds the write lock one step at a time: each migration commits on its
own, and each facet index of ``m013``/``m018`` too; an interrupted upgrade goes on where it
stopped, and two processes upgrading at once both open the database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from policywatch.store import open_db
from policywatch.store.schema import (
    FACET_INDEXES,
    apply_migrations,
    build_facet_index,
    migrations,
)
from policywatch.store.transactions import connect

ROOT = Path(__file__).resolve().parent.parent
FACETS = [(table, column) for table, columns in FACET_INDEXES.items() for column in columns]
#: the indexes that m013–m018 add
LATER_INDEXES = [f"idx_{table}_facet_{column}" for table, column in FACETS] + [
    "idx_targets_key_latest", "idx_articles_newest", "idx_targets_newest", "idx_articles_title",
    "idx_targets_indicator"]


def as_of_m012(db_path: Path) -> None:
    """Make a migrated database look as it did before ``m013``, with a few rows."""
    db = open_db(db_path)
    db.execute("INSERT INTO articles (id, url, title, published) VALUES ('a', 'u', '标题', '2026-01-01')")
    db.execute("INSERT INTO targets (id, article_id, indicator, region, kind, year, unit, published)"
               " VALUES ('t', 'a', '口袋公园', '万州区', 'target', 2027, '个', '2026-01-01')")
    for name in LATER_INDEXES:
        db.execute(f"DROP INDEX {name}")
    db.execute("DELETE FROM _sqlite_migrations WHERE name >= 'm013'")
    db.conn.commit()
    db.close()


def transactions(statements: list[str]) -> list[list[str]]:
    """The statements a connection ran, one list per write transaction."""
    out: list[list[str]] = []
    for statement in statements:
        if statement.startswith("BEGIN"):
            out.append([])
        elif out and statement != "COMMIT":
            out[-1].append(statement)
    return out


def traced_upgrade(db_path: Path) -> list[list[str]]:
    db = connect(db_path)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    apply_migrations(db)
    db.close()
    return transactions(statements)


def facet_index_keys(db_path: Path) -> set[tuple]:
    db = open_db(db_path)
    keys = {(table, column, tuple(db.execute(
        "SELECT name, desc FROM pragma_index_xinfo(?) WHERE key = 1",
        [f"idx_{table}_facet_{column}"]).fetchall())) for table, column in FACETS}
    db.close()
    return keys


def recorded(db_path: Path) -> list[str]:
    db = open_db(db_path)
    names = [row[0] for row in db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    db.close()
    return names


def test_each_migration_and_each_facet_index_is_a_transaction_of_its_own(db_path):
    as_of_m012(db_path)
    steps = traced_upgrade(db_path)
    records = [step for step in steps if any("_sqlite_migrations" in s and s.startswith("INSERT")
                                             for s in step)]
    assert len(records) == len([name for name in recorded(db_path) if name >= "m013"]) >= 6
    builds = [s for step in steps for s in step if s.startswith("CREATE INDEX idx_") and "_facet_" in s]
    assert len(builds) == len(FACETS)  # built once, as m018 defines them: m018 builds none
    for step in steps:
        assert sum("_facet_" in s and s.startswith("CREATE INDEX") for s in step) <= 1
    assert facet_index_keys(db_path) == {(table, column, ((column, 0), ("published", 1)))
                                         for table, column in FACETS}
    db = open_db(db_path)
    assert db.execute("SELECT id FROM targets WHERE region = '万州区'").fetchall() == [("t",)]
    db.close()


def test_an_interrupted_m018_rebuilds_only_the_indexes_it_had_not_rebuilt(db_path):
    """A database that took the first m013 (one-column indexes) was stopped after m018 had
    rebuilt three of them: the next upgrade rebuilds the other six and records m018 once."""
    db = open_db(db_path)
    for table, column in FACETS:
        db.execute(f"DROP INDEX idx_{table}_facet_{column}")
        db.execute(f"CREATE INDEX idx_{table}_facet_{column} ON {table} ({column})")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm018_filtered_newest_indexes'")
    db.conn.commit()
    for table, column in FACETS[:3]:
        build_facet_index(db, table, column)
    db.close()
    steps = traced_upgrade(db_path)
    built = [s.split()[2] for step in steps for s in step if s.startswith("CREATE INDEX")]
    assert built == [f"idx_{table}_facet_{column}" for table, column in FACETS[3:]]
    assert recorded(db_path).count("m018_filtered_newest_indexes") == 1
    assert {keys for _, _, keys in facet_index_keys(db_path)} == {
        ((column, 0), ("published", 1)) for _, column in FACETS}


def test_two_processes_upgrading_at_once_both_open_the_database(db_path):
    as_of_m012(db_path)
    code = f"from policywatch.store import open_db; open_db({str(db_path)!r}).close()"
    runs = [subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=subprocess.PIPE)
            for _ in range(2)]
    for run in runs:
        _, error = run.communicate(timeout=60)
        assert run.returncode == 0, error.decode()
    names = recorded(db_path)
    assert len(names) == len(set(names)) and not migrations.pending(open_db(db_path))
