"""Datasette plugin: table counts computed at most once a minute per database, up to 1,000, and
each table's schema read once per schema version.

Datasette 1.0a41 counts the first 10,001 rows of every table (hidden ones and the search
index's shadow tables included) for each database page and each canned query page, to list
the tables beside the SQL. On an archive of 100,000 articles that is most of a canned query's
time. Those counts only label the table list ("10,000+ rows"), so this plugin keeps them for
:data:`COUNTS_TTL` seconds; table pages still count their own rows themselves.

A table page (and a search) counts its rows up to :data:`COUNT_LIMIT` instead of 10,000: past
that it says "1,000+ rows", and its "count all" button counts them all. Counting 10,001 rows
of the large tables read 10,001 whole rows (bodies, sentences) on every page. Those counts
select no column (:func:`count_without_columns`), so a filtered page counts from the filter's
index alone (``targets?region=万州区``: 0.1 ms where reading 1,001 rows took 3–20).

Beside each canned query Datasette also lists every table's columns, primary keys and FTS table,
one query each (150 for the 50 tables and views here, each a hop to the database thread: 10–30
ms of every canned query page), and a table page asks about 20 such questions (does the table
exist, its columns, keys, foreign keys, definition). Those answers change only with the schema,
so they are kept
until Datasette sees a new ``PRAGMA schema_version`` (it reads it at most once a second, as it
refreshes its own catalog): :func:`cache_schema_reads`.

Each connection maps the database file into memory (:func:`prepare_connection`): SQLite's own
page cache is 2 MB a connection, so nearly every page a query reads from an archive of
gigabytes is a system call that copies it from the system's file cache; mapped, it is read in
place.
"""

from __future__ import annotations

import copy
import re
import sqlite3
import time
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl

#: seconds a database's table counts are reused
COUNTS_TTL = 60.0
#: rows a page counts before it says "1,000+ rows"
COUNT_LIMIT = 1000
#: bytes of the database file a connection maps: SQLite lowers it to its build's limit (2 GB,
#: ``SQLITE_MAX_MMAP_SIZE``); past that, pages are read as before
MMAP_SIZE = 1 << 40
_ROWS_COUNTED = re.compile(r"(\s*select count\(\*\) from \(select )\*( from .+ limit \d+\)\s*)",
                           re.I | re.S)


def count_without_columns(sql: str) -> str:
    """``sql``, or when it is Datasette's count of a page's rows up to a limit (``select count(*)
    from (select * from T where … limit N)``), the same count selecting ``1``: the rows are the
    same, and SQLite reads no column it does not filter on (an index can answer alone).

    :param sql: a query Datasette is about to run
    """
    found = _ROWS_COUNTED.fullmatch(sql)
    return f"{found[1]}1{found[2]}" if found else sql


def counting_without_columns(execute: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """Wrap ``Database.execute`` so it runs :func:`count_without_columns` of each query.

    :param execute: the database's own ``execute``
    """
    async def execute_counting_without_columns(sql: str, *args: Any, **kwargs: Any) -> Any:
        return await execute(count_without_columns(sql), *args, **kwargs)

    return execute_counting_without_columns


def cached_counts(count: Callable[[int], Awaitable[dict[str, Any]]], ttl: float = COUNTS_TTL
                  ) -> Callable[..., Awaitable[dict[str, Any]]]:
    """Wrap ``Database.table_counts`` so a result is reused for ``ttl`` seconds.

    :param count: the database's own ``table_counts``
    :param ttl: seconds to reuse a result
    """
    cache: dict[str, Any] = {}

    async def table_counts(limit: int = 10) -> dict[str, Any]:
        now = time.monotonic()
        if "counts" not in cache or now - cache["at"] >= ttl:
            cache.update(counts=await count(limit), at=now)
        return dict(cache["counts"])

    return table_counts


#: the schema reads of ``Database`` that :func:`cache_schema_reads` keeps (a table page makes
#: about 20 of them, a canned query page 3 for every table)
SCHEMA_READS = ("table_names", "view_names", "table_exists", "view_exists", "table_columns",
                "table_column_details", "primary_keys", "fts_table", "foreign_keys_for_table",
                "get_all_foreign_keys", "hidden_table_names", "get_table_definition")


def cache_schema_reads(database: Any) -> None:
    """Make ``database``'s schema reads (:data:`SCHEMA_READS`) reuse their answers until its
    ``PRAGMA schema_version``, which Datasette reads before a page, changes.

    :param database: a Datasette database
    """
    cache: dict[tuple[str, tuple[Any, ...]], Any] = {}
    seen: list[int] = []
    execute = database.execute

    async def execute_watching_schema(sql: str, *args: Any, **kwargs: Any) -> Any:
        results = await execute(sql, *args, **kwargs)
        if sql.strip().lower() == "pragma schema_version":
            version = results.first()[0]
            if seen != [version]:
                cache.clear()
                seen[:] = [version]
        return results

    def cached(name: str) -> Callable[..., Awaitable[Any]]:
        read = getattr(database, name)

        async def read_once(*args: Any) -> Any:
            if (name, args) not in cache:
                cache[(name, args)] = await read(*args)
            return copy.deepcopy(cache[(name, args)])  # callers may change what they get

        return read_once

    database.execute = execute_watching_schema
    for name in SCHEMA_READS:
        setattr(database, name, cached(name))


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    """Map the database file (:data:`MMAP_SIZE`): a page is read from the system's file cache in
    place, without a system call and a copy (2,309 targets of 新能源汽车 looked up and sorted in
    4.4–4.8 ms instead of 7.2–8.0 at load 3.7, 10 instead of 18–24 at load 5; 1,000,000 targets). The file is shared with the system's cache, not copied, and
    never shrinks under a reader (policywatch does not vacuum).

    :param conn: a new SQLite connection of Datasette's
    """
    conn.execute(f"PRAGMA mmap_size = {MMAP_SIZE}")


@hookimpl
def startup(datasette: Any) -> None:
    """Give every mutable database cached table counts (immutable ones cache their own), and
    every database the page count limit :data:`COUNT_LIMIT`, counts that select no column and
    schema reads kept per schema version.

    :param datasette: the Datasette instance
    """
    for database in datasette.databases.values():
        database.count_limit = COUNT_LIMIT
        database.execute = counting_without_columns(database.execute)
        cache_schema_reads(database)
        if database.is_mutable and not database.is_memory:
            database.table_counts = cached_counts(database.table_counts)
