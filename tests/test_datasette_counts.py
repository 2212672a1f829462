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
