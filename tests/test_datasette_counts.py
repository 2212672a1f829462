"""Datasette reuses table counts for a minute instead of counting every table per query page."""

from __future__ import annotations

import asyncio

from datasette.app import Datasette

from policywatch.datasette_counts import cached_counts
from policywatch.store import open_db


def test_counts_are_reused_within_the_ttl_and_refreshed_after(db_path):
    db = open_db(db_path)
    db["sources"].insert({"name": "a"})
    datasette = Datasette([str(db_path)])

    async def run() -> tuple[dict, dict, dict]:
        await datasette.invoke_startup()
        database = datasette.get_database("policywatch")
        first = await database.table_counts(100)
        db["sources"].insert({"name": "b"})
        again = await database.table_counts(100)
        fresh = await type(database).table_counts(database, 100)  # Datasette's own, uncached
        return first, again, fresh

    first, again, fresh = asyncio.run(run())
    assert first["sources"] == again["sources"] == 1
    assert fresh["sources"] == 2
    assert first["articles"] == 0 and again is not first


def test_a_zero_ttl_counts_every_time():
    calls = []

    async def count(limit: int) -> dict:
        calls.append(limit)
        return {"t": len(calls)}

    counts = cached_counts(count, ttl=0)
    assert asyncio.run(counts(5)) == {"t": 1}
    assert asyncio.run(counts(5)) == {"t": 2}
    cached = cached_counts(count)
    assert asyncio.run(cached(5)) == asyncio.run(cached(5)) == {"t": 3}


def test_a_pages_count_selects_no_column_and_counts_the_same_rows(db_path):
    """Datasette's count of a filtered page up to 1,001 rows selects 1: the filter's index
    answers alone (no row read), on tables and views, through a real Datasette."""
    from policywatch.datasette_counts import count_without_columns

    db = open_db(db_path)
    db["sources"].insert_all({"name": f"s{n}", "kind": "feed" if n % 3 else "epaper"}
                             for n in range(1200))
    db.execute("CREATE INDEX idx_sources_kind ON sources (kind)")
    db.conn.commit()
    limited = 'select count(*) from (select * from sources where "kind" = :p0  limit 1001)'
    assert count_without_columns(limited) == limited.replace("select *", "select 1")
    for other in ("select count(*) from sources", "select * from sources limit 1001",
                  "select count(*) from (select * from (select 1) limit 5) where 1"):
        assert count_without_columns(other) == other
    plan = " ".join(row[3] for row in db.execute("explain query plan " + count_without_columns(limited),
                                                 {"p0": "feed"}))
    assert "COVERING INDEX idx_sources_kind" in plan
    datasette = Datasette([str(db_path)])

    async def counts() -> list[int]:
        await datasette.invoke_startup()
        out = []
        for path in ("/policywatch/sources.json?kind=feed&_extra=count",
                     "/policywatch/sources.json?kind=epaper&_extra=count",
                     "/policywatch/quarantine.json?_extra=count"):
            out.append((await datasette.client.get(path)).json()["count"])
        return out

    assert asyncio.run(counts()) == [800, 400, 0]


def test_schema_reads_are_kept_until_the_schema_version_changes(db_path):
    """The database page (as each canned query page) lists every table's columns, primary keys
    and FTS table: the second page reads none of them again; a table page's second visit asks
    the database no schema question (at least 5 fewer queries); a new column shows once
    Datasette has seen the new schema version."""
    from policywatch.datasette_counts import SCHEMA_READS

    db = open_db(db_path)
    db["sources"].insert({"name": "a"})
    datasette = Datasette([str(db_path)])

    async def run() -> tuple[list[int], list[str], list[str]]:
        await datasette.invoke_startup()
        database = datasette.get_database("policywatch")
        reads = []
        execute_fn = database.execute_fn

        async def counted(fn, *args, **kwargs):
            reads.append(fn.__name__)
            return await execute_fn(fn, *args, **kwargs)

        database.execute_fn = counted
        calls = []
        for _ in range(2):
            reads.clear()
            assert (await datasette.client.get("/policywatch/sources")).status_code == 200
            calls.append(len(reads))
        for _ in range(2):
            reads.clear()
            assert (await datasette.client.get("/policywatch")).status_code == 200
            calls.append(sum(name.lstrip("_") in SCHEMA_READS for name in reads))
        before = (await datasette.client.get("/policywatch/sources.json?_extra=columns")).json()["columns"]
        db.execute("ALTER TABLE sources ADD COLUMN note_added TEXT")
        db.conn.commit()
        await datasette.refresh_schemas(force=True)
        after = (await datasette.client.get("/policywatch/sources.json?_extra=columns")).json()["columns"]
        return calls, before, after

    calls, before, after = asyncio.run(run())
    assert calls[1] <= calls[0] - 5  # a table page: its own queries, no schema questions
    assert calls[2] >= 3 * 20 and calls[3] == 0
    assert "note_added" not in before and "note_added" in after


def test_datasettes_connections_map_the_database_file(db_path):
    """Every read connection maps the file, up to SQLite's limit; rows read through the map are
    the rows stored, and a write Datasette sees after it (WAL) is read too."""
    db = open_db(db_path)
    db["sources"].insert({"name": "a"})
    datasette = Datasette([str(db_path)])

    async def run() -> tuple[int, list, list]:
        await datasette.invoke_startup()
        database = datasette.get_database("policywatch")
        mapped = (await database.execute("pragma mmap_size")).single_value()
        before = [row[0] for row in await database.execute("select name from sources")]
        db["sources"].insert({"name": "b"})
        after = [row[0] for row in await database.execute("select name from sources order by name")]
        return mapped, before, after

    mapped, before, after = asyncio.run(run())
    assert mapped >= 1 << 30  # Debian's build maps up to 2 GB
    assert (before, after) == (["a"], ["a", "b"])
    db.close()
