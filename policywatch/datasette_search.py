"""Datasette plugin: Chinese full-text search with exact substring semantics and marked snippets.

The FTS tables index bigram terms (:func:`policywatch.search.index_terms`). The search box and
``?_search=`` of ``articles`` and ``targets`` are this plugin's (:func:`filters_from_request`):
the term becomes :func:`policywatch.search.phrase_query` (also Datasette's ``escape_fts``), so
城, 城市, 老旧小区 and 2027年 match exactly the rows that contain them, and 重慶 finds 重庆.

Datasette's own search would look every match up and sort them all by date: a common word
matches most of the archive. Here a term that matches many rows is answered by reading the
table newest first and keeping the matches (the first page needs a few hundred rows), a rare
one by looking its matches up. A term of Han words that matches most rows is checked against
each row's own text (:func:`policywatch.search.contains_words`, exactly what its index query
matches) rather than by collecting every match from the index first (:func:`search_form`);
in the order of a searched column, a word of that column is found in its index, and the search
index is asked only for the rows that hold it elsewhere (:meth:`Searchable.sorted_clause`),
from the first indicator that may hold it (:meth:`Searchable.bounded_clause`).
A page's row count
("1,000+ rows", and its "count all") is read from the index alone (:func:`count_from_index`);
with a filter that an index gives in rowid order (``region=``), by merging the two indexes
(:func:`merged_count`).

For canned queries the plugin registers ``phrase_query(term)`` and ``search_snippet(text,
term)``; a snippet cell is shown as HTML with the match in ``<mark>`` and everything else
escaped.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite
from markupsafe import Markup

from policywatch.datasette_counts import COUNT_LIMIT
from policywatch.search import (
    MARK_START,
    contains_words,
    marked_html,
    phrase_query,
    snippet,
    substring_words,
)

NO_MATCH = '""'


@dataclass(frozen=True)
class Searchable:
    """A table the search box searches, and its FTS5 index (kept by policywatch.store)."""

    fts: str
    #: the indexed columns
    columns: tuple[str, str]
    #: the rows the index holds (``m009_bigram_search``), when not all
    indexed: str | None = None
    #: checking a row's text against collecting one match from the index, in time (measured
    #: at 100,000 articles: a body of 1,500 characters read and searched, a short sentence)
    text_cost: int = 10
    #: checking a row's text against one step of a merge (:func:`merged_count`): measured 3.3 µs
    #: a target (50,048 of 万州区 in 163 ms), 14 µs an article, 0.12 µs a step
    text_merges: int = 27
    #: the searched columns whose values repeat (an indicator, across many targets): a page in
    #: their order skips to the first value that may hold the word (:func:`sorted_bound`)
    repeating: tuple[str, ...] = ()

    def clause(self, form: str) -> str:
        """The search's WHERE clause: ``lookup`` the matches, ``scan`` the table keeping rows in
        the matches, or ``text``: scan the table checking each row's own text."""
        if form == "text":
            check = self.text_check()
            return f"({self.indexed} and {check})" if self.indexed else check
        column = "+rowid" if form == "scan" else "rowid"
        return f"{column} in (select rowid from {self.fts} where {self.fts} match escape_fts(:search))"

    def text_check(self) -> str:
        """Whether a row's own text holds the term, exactly as its index query matches: a term of
        one Han word (``search_word``, computed once a query) with SQLite's ``instr``, two to
        three times faster than ``contains_search`` (the fallback, for several words and for a
        missing column), which crosses into Python for each row."""
        word = "search_word(:search)"
        found = " or ".join(f"instr({column}, {word}) > 0" for column in self.columns)
        return f"coalesce({found}, contains_search(:search, {', '.join(self.columns)}))"

    def sorted_clause(self, column: str) -> str:
        """The search's WHERE clause for a page in the order of ``column``, one of :attr:`columns`,
        when the term is one Han word (:func:`sorted_params`): a row whose ``column`` holds the
        word, or whose text does and that may hold it elsewhere (the index has its gram outside
        ``column``, or ``column`` holds the gram without the word). The first two tests read the
        index of ``column`` alone; the text is read only for the few rows that pass the second."""
        check = self.text_check()
        outside = f"+rowid in (select rowid from {self.fts} where {self.fts} match :search_outside)"
        clause = (f"(instr({column}, :search_word) > 0"
                  f" or ({outside} or instr({column}, :search_gram) > 0) and {check})")
        return f"({clause} and {self.indexed})" if self.indexed else clause

    def bounded_clause(self, column: str, descending: bool) -> str:
        """:meth:`sorted_clause` read from the first value of ``column`` in page order that may
        hold the word (``:search_from``), with the few rows that hold its gram outside ``column``
        listed (``:search_outside_rows``, a JSON array of rowids): :func:`sorted_bound`. No row
        before that value matches, so the page reads the index from there, not from its start."""
        check = self.text_check()
        outside = "+rowid in (select value from json_each(:search_outside_rows))"
        start = f"{column} {'<=' if descending else '>='} :search_from"
        clause = (f"({start} and (instr({column}, :search_word) > 0"
                  f" or ({outside} or instr({column}, :search_gram) > 0) and {check}))")
        return f"({clause} and {self.indexed})" if self.indexed else clause

    def clauses(self) -> set[str]:
        """Every form of the search's WHERE clause (:meth:`clause`, :meth:`sorted_clause`,
        :meth:`bounded_clause`)."""
        return ({self.clause(form) for form in FORMS} | {self.sorted_clause(c) for c in self.columns}
                | {self.bounded_clause(c, d) for c in self.repeating for d in (False, True)})


SEARCHABLE = {
    "articles": Searchable("articles_fts", ("title", "body"), "dup_of is null and body is not null",
                           text_cost=40, text_merges=110),
    "targets": Searchable("targets_fts", ("indicator", "sentence"), repeating=("indicator",)),
}
FORMS = ("lookup", "scan", "text")
#: Datasette's count of a page's rows up to a limit (its columns may already be ``1``:
#: policywatch.datasette_counts)
_LIMITED_COUNT = re.compile(
    r"select count\(\*\) from \(select (?:\*|1) from (\w+) where (.+?)\s+limit (\d+)\)", re.S)
_COUNT = re.compile(r"select count\(\*\) from (\w+) where (.+?)", re.S)
#: matching rows a page reads when it counts them itself ("1,000+ rows")
COUNT_WORK = COUNT_LIMIT + 1
#: how common a term is is estimated from its matches among a table's last rows, the newest
#: (:func:`search_form`): a bounded read of its index, whatever the archive's size
SAMPLE = 10_000
#: a page in another index order checks each row's text when its first rows are this dense in
#: matches, 1 in DENSE or more (:func:`dense_start`)
DENSE = 4
#: reading a match's row to check a page's other filters, against walking one entry of their
#: covering index (and collecting the match from the search index): measured 24 ms for 17,495
#: matches of 城 looked up, 15 ms for the same count walking 50,048 rows of 万州区 (at 1,000,000
#: targets), so a count walks a filter that keeps fewer than 5 rows a match (:func:`count_with_filters`)
LOOKUP_COST = 5
#: looking a match up (its row read for the other filters) against one step of a merge of the
#: search index with the filters' index in rowid order (:func:`merged_count`): 1.2–1.5 µs against
#: 0.12 (at 1,000,000 targets: 城's 17,495 matches and 万州区's 50,048 rows merged in 8 ms; the
#: matches looked up in 21–26 ms)
MERGE_LOOKUP = 10
#: distinct values of a sorted column that :func:`sorted_bound` steps over at most (one index
#: seek each, 1–2 µs), looking for the first that may hold the word
SKIP_VALUES = 2000
#: rows holding a word's gram outside the sorted column that :func:`sorted_bound` lists at most
OUTSIDE_ROWS = 100


def fts_query(term: str | None) -> str:
    """The FTS5 query for a user's term; an empty term becomes a query that matches nothing.

    :param term: what the user typed
    """
    return phrase_query(term or "") or NO_MATCH


@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection) -> None:
    """Override Datasette's ``escape_fts``; add ``phrase_query``, ``search_snippet``,
    ``contains_search(term, text, …)`` (:func:`policywatch.search.contains_words`),
    ``search_word(term)``,
    ``searches_text(term)``, ``break_even(work, rows)`` and ``sample_start(rows)`` (for the
    canned queries ``search`` and ``timeline``).

    ``trylast`` makes this run after Datasette's own hook, so its ``escape_fts`` is replaced.

    :param conn: a new SQLite connection of Datasette's
    """
    conn.create_function("escape_fts", 1, fts_query, deterministic=True)
    conn.create_function("phrase_query", 1, fts_query, deterministic=True)
    conn.create_function("search_snippet", 2, snippet, deterministic=True)
    conn.create_function("contains_search", -1, contains_words, deterministic=True)
    conn.create_function("search_word", 1, search_word, deterministic=True)
    conn.create_function("searches_text", 1, searches_text, deterministic=True)
    conn.create_function("break_even", 2, break_even, deterministic=True)
    conn.create_function("sample_start", 1, sample_start, deterministic=True)


def search_word(term: str | None) -> str | None:
    """The one word of ``term`` when it is a word of Han characters (simplified), else null: the
    text form checks it with ``instr`` (:meth:`Searchable.text_check`).

    :param term: what the user typed
    """
    words = substring_words(term or "")
    return words[0] if len(words) == 1 else None


def searches_text(term: str | None) -> bool:
    """Whether ``contains_search`` answers ``term`` as its index query would (Han words only).

    :param term: what the user typed
    """
    return bool(substring_words(term or ""))


def break_even(work: int, rows: int | None) -> int:
    """The matches among a table's last :data:`SAMPLE` rows past which reading the table in page
    order until ``work`` matches beats looking every match up: ``sqrt(work * rows)`` matches in
    the table, scaled to the sample (all of a table of up to :data:`SAMPLE` rows); at least 1.

    :param work: the matching rows the page needs
    :param rows: the table's rows (its largest rowid)
    """
    rows = rows or 0
    return max(math.isqrt(max(work, 1) * rows) * min(rows, SAMPLE) // max(rows, 1), 1)


def sample_start(rows: int | None) -> int:
    """The rowid after which a table's last :data:`SAMPLE` rows start (:func:`break_even`).

    :param rows: the table's rows (its largest rowid)
    """
    return max((rows or 0) - SAMPLE, 0)


def _search_alone(table: str, where: str) -> Searchable | None:
    """The searched table when ``where`` is one of its search clauses and nothing else."""
    searchable = SEARCHABLE.get(table)
    return searchable if searchable and where in searchable.clauses() else None


def count_from_index(sql: str) -> str:
    """``sql``, or when it counts the rows of a search and nothing else (a table page's count up
    to a limit, or "count all"), the same count from the search index alone.

    Every row of the index is a row of its table (``policywatch.store`` adds and removes both
    together), so the counts are equal; the index's costs a millisecond where reading the
    table, or collecting every match of a common word first, costs tens.

    :param sql: a query Datasette is about to run
    """
    text = sql.strip()
    if (found := _LIMITED_COUNT.fullmatch(text)) and (searchable := _search_alone(found[1], found[2])):
        return (f"select count(*) from (select rowid from {searchable.fts} where {searchable.fts}"
                f" match escape_fts(:search) limit {found[3]})")
    if (found := _COUNT.fullmatch(text)) and (searchable := _search_alone(found[1], found[2])):
        return f"select count(*) from {searchable.fts} where {searchable.fts} match escape_fts(:search)"
    return sql


async def count_with_filters(database: Any, sql: str, params: Any) -> str:
    """``sql``, or when it counts the rows of a search with other filters (``region=万州区``), the
    same count in the form that suits it. When an index gives the rows the filters keep in rowid
    order, the cheapest of a merge of the search index with it, looking the matches up and
    checking the text of the filters' rows (:func:`filtered_count_form`), for a page's count up to
    a limit and for "count all". Else, for a page's count, the search clause in the form
    that suits counting up to :data:`COUNT_WORK` rows (:func:`search_form`): looking a rare
    term's matches up, unless the other filters keep fewer than :data:`LOOKUP_COST` rows a match,
    counted from an index (:func:`few_filtered_rows`): walking those beats reading each match's
    row. The page's rows chose their form for the rows they show; every form matches the same
    rows, so the count is the same.

    :param database: the Datasette database
    :param sql: a query Datasette is about to run
    :param params: its parameters
    """
    found = _LIMITED_COUNT.fullmatch(sql.strip())
    everything = None if found else _COUNT.fullmatch(sql.strip())
    match = found or everything
    table, where = (match[1], match[2]) if match else ("", "")
    searchable = SEARCHABLE.get(table)
    term = params.get("search") if isinstance(params, dict) else None
    if not searchable or not isinstance(term, str) or _search_alone(table, where):
        return sql
    used = next((form for form in ("text", "scan", "lookup") if searchable.clause(form) in where),
                None)  # in this order: a lookup clause is part of a scan clause
    if used is None:
        return sql
    others = where.replace(searchable.clause(used), "1")
    cheapest = await filtered_count_form(database, table, term, others, params)
    if cheapest == "merge":
        return merged_count(table, others, found[3] if found else None)
    if cheapest:
        return sql.replace(searchable.clause(used), searchable.clause(cheapest))
    if not found:
        return sql
    form, matches = await _search_plan(database, table, term, COUNT_WORK, bool(substring_words(term)))
    if form == "lookup" and await few_filtered_rows(database, table, others, params,
                                                    matches * LOOKUP_COST):
        form = "scan"
    return sql.replace(searchable.clause(used), searchable.clause(form))


def merged_count(table: str, where: str, limit: str | None) -> str:
    """The count of the rows of ``table`` that the search matches and ``where`` keeps, up to
    ``limit``: the search index's rowids merged with those of ``where``, both in rowid order
    (``MERGE (INTERSECT)``: no row read, no list of matches built first).

    :param table: the searched table
    :param where: the page's other filters
    :param limit: the rows past which the count stops, if any
    """
    fts = SEARCHABLE[table].fts
    rows = (f"select rowid from {fts} where {fts} match escape_fts(:search)"
            f" intersect select rowid from {table} where {where} order by 1")
    return f"select count(*) from ({rows}{f' limit {limit}' if limit else ''})"


async def filtered_count_form(database: Any, table: str, term: str, where: str, params: Any
                              ) -> str | None:
    """The cheapest way to count the rows that ``term`` matches and ``where`` keeps, when an index
    gives the rows ``where`` keeps in rowid order, read alone (``idx_targets_region``:
    ``m019_region_index``), else ``None``: ``merge`` (:func:`merged_count`: one step for each of
    the term's matches and the filters' rows), ``lookup`` (each match's row read:
    :data:`MERGE_LOOKUP` steps) or, for a term of Han words, ``text`` (each of the filters' rows
    read and checked: :attr:`Searchable.text_merges` steps; a small region, a common word). Each
    form stops at the same share of its work when the count reaches its limit, so the comparison
    holds for any limit. Both sides are counted among the table's last :data:`SAMPLE` rows
    (rowids: the index reads its range alone).

    :param database: the Datasette database
    :param table: the searched table
    :param term: what the user typed
    :param where: the page's other filters
    :param params: their parameters
    """
    plan = await database.execute(
        f"explain query plan select rowid from {table} where {where} order by rowid", params)
    steps = [row[3] for row in plan.rows]
    if not any(step.startswith(f"SEARCH {table} USING COVERING INDEX") for step in steps) \
            or any("TEMP B-TREE" in step for step in steps):
        return None
    searchable = SEARCHABLE[table]
    rows = (await database.execute(f"select coalesce(max(rowid), 0) from {table}")).single_value()
    matches, kept = (await database.execute(
        f"select (select count(*) from {searchable.fts} where {searchable.fts} match :sample_query"
        f" and rowid > :sample_start), (select count(*) from {table} where ({where})"
        " and rowid > :sample_start)",
        {**params, "sample_query": fts_query(term), "sample_start": sample_start(rows)})).rows[0]
    costs = {"merge": matches + kept, "lookup": matches * MERGE_LOOKUP}
    if substring_words(term):
        costs["text"] = kept * searchable.text_merges
    return min(costs, key=lambda form: costs[form])


async def few_filtered_rows(database: Any, table: str, where: str, params: Any, bound: int) -> bool:
    """Whether ``where`` (a page's filters without its search) keeps fewer than ``bound`` rows of
    ``table``, counted from a covering index (``idx_targets_facet_region``); ``False`` when no
    index covers the filters, whose count would read the rows themselves.

    :param database: the Datasette database
    :param table: the searched table
    :param where: the page's other filters
    :param params: their parameters
    :param bound: the rows past which the answer is no
    """
    sql = f"select count(*) from (select 1 from {table} where {where} limit {max(bound, 1)})"
    plan = await database.execute("explain query plan " + sql, params)
    steps = [row[3] for row in plan.rows]
    if not any(f"{table} USING COVERING INDEX" in step for step in steps):
        return False
    return (await database.execute(sql, params)).single_value() < bound


def counting_from_index(database: Any, execute: Callable[..., Awaitable[Any]]
                        ) -> Callable[..., Awaitable[Any]]:
    """Wrap ``Database.execute`` so it runs :func:`count_from_index` and
    :func:`count_with_filters` of each query.

    :param database: the Datasette database
    :param execute: the database's own ``execute``
    """
    async def execute_counting_from_index(sql: str, *args: Any, **kwargs: Any) -> Any:
        params = args[0] if args else kwargs.get("params")
        sql = await count_with_filters(database, count_from_index(sql), params)
        return await execute(sql, *args, **kwargs)

    return execute_counting_from_index


@hookimpl
def startup(datasette: Any) -> None:
    """Count the rows of a search from its index (:func:`count_from_index`), or in the form that
    suits its count (:func:`count_with_filters`), in every database.

    :param datasette: the Datasette instance
    """
    for database in datasette.databases.values():
        database.execute = counting_from_index(database, database.execute)


async def search_form(database: Any, table: str, term: str, work: int, text: bool) -> str:
    """How a page finds the rows of ``table`` that ``term`` matches (:meth:`Searchable.clause`).

    Looking the matches up costs one row read per match; scanning the table until ``work``
    matches costs ``work * rows / matches`` reads: they break even at ``sqrt(work * rows)``
    matches. A scan keeps rows among the matches, collected from the index first; checking each
    row's own text instead (``text``: the term is Han words and the page reads in the table's
    order) skips that collection but costs :attr:`Searchable.text_cost` times as much a row, so
    it wins past ``sqrt(work * rows * text_cost)`` matches. The matches are counted among the
    table's last :data:`SAMPLE` rows only (the newest, where a page in date order starts), up to
    the larger threshold (:func:`break_even`): a millisecond or two where counting every match
    of a common word took 5–15.

    :param database: the Datasette database
    :param table: the searched table
    :param term: what the user typed
    :param work: the matching rows the page reads
    :param text: whether the page may check each row's own text
    """
    return (await _search_plan(database, table, term, work, text))[0]


async def _search_plan(database: Any, table: str, term: str, work: int, text: bool
                       ) -> tuple[str, int]:
    """:func:`search_form`'s form, and the term's matches in the table estimated from the
    sample (exact for a ``lookup``: its sample count stays under the threshold)."""
    searchable = SEARCHABLE[table]
    rows = (await database.execute(f"select coalesce(max(rowid), 0) from {table}")).single_value()
    scan = break_even(work, rows)
    checked = break_even(work * searchable.text_cost, rows) if text else scan
    fts = searchable.fts
    found = (await database.execute(
        f"select count(*) from (select rowid from {fts} where {fts} match :query"
        " and rowid > :start limit :enough)",
        {"query": fts_query(term), "start": sample_start(rows), "enough": max(scan, checked)},
    )).single_value()
    matches = found * rows // max(min(rows, SAMPLE), 1)
    if text and found >= checked:
        return "text", matches
    return ("scan" if found >= scan else "lookup"), matches


def page_work(args: Any, datasette: Any) -> int:
    """The matching rows a page in the table's order reads: its rows and one more. Its count
    reads the index alone when the search is its only filter (:func:`count_from_index`), else
    up to :data:`COUNT_WORK` matching rows in a form of its own (:func:`count_with_filters`).

    :param args: the request's arguments
    :param datasette: the Datasette instance
    """
    largest = datasette.setting("max_returned_rows")
    size = args.get("_size")
    if size == "max":
        return largest + 1
    try:
        return min(max(int(size), 1), largest) + 1
    except (TypeError, ValueError):
        return datasette.setting("default_page_size") + 1


def own_order(args: Any, config: dict[str, Any]) -> bool:
    """Whether a table page reads in the table's own order (``datasette.yml``: ``published``, an
    index): no other sort.

    :param args: the request's arguments
    :param config: the table's configuration (``datasette.yml``)
    """
    own = config.get("sort_desc") or config.get("sort")
    return own is not None and {args.get("_sort"), args.get("_sort_desc")} - {None} <= {own}


async def reads_in_order(database: Any, table: str, args: Any, config: dict[str, Any]) -> bool:
    """Whether a table page reads its rows in the order of an index and stops after a page: its
    sort column (the table's own, or ``?_sort=``/``?_sort_desc=``) leads an index (``title`` of
    articles and ``indicator`` of targets: ``m017_sort_indexes``), and no facet, which counts
    every match.

    :param database: the Datasette database
    :param table: the searched table
    :param args: the request's arguments
    :param config: the table's configuration (``datasette.yml``)
    """
    if config.get("facets") or any(key.startswith("_facet") for key in args.keys()):
        return False
    if own_order(args, config):
        return True
    column = args.get("_sort") or args.get("_sort_desc")
    leading = await database.execute(
        "select count(*) from pragma_index_list(:table) l, pragma_index_info(l.name) i"
        " where i.seqno = 0 and i.name = :column", {"table": table, "column": column})
    return bool(leading.single_value())


def column_filters(args: Any) -> bool:
    """Whether a table page filters on a column (``region=万州区``): its arguments without ``_``.

    :param args: the request's arguments
    """
    return any(not key.startswith("_") for key in args.keys())


def sorted_column(args: Any, searchable: Searchable) -> str | None:
    """The indexed column (``indicator``, ``title``) a page without column filters is sorted by,
    if any: such a page may take the search's :meth:`Searchable.sorted_clause`.

    :param args: the request's arguments
    :param searchable: the searched table
    """
    column = args.get("_sort") or args.get("_sort_desc")
    return column if column in searchable.columns and not column_filters(args) else None


async def sorted_params(database: Any, table: str, word: str, column: str) -> dict[str, Any]:
    """The parameters of :meth:`Searchable.sorted_clause` for one Han ``word`` in the order of
    ``column``: the word, its gram and the index query of the rows that hold the gram outside
    ``column`` (``"袋公" NOT {indicator}: "袋公"``).

    A word of one or two characters is its own gram (no gram is tested in ``column``, which
    holds the word when it holds the gram); a longer word's is its bigram with the fewest
    matches among the index's last :data:`SAMPLE` rows, so that few rows hold it outside
    ``column`` or in ``column`` without the word (公园 is in many indicators and sentences that
    have no 口袋公园, 袋公 in few). Any gram gives the same rows: every row whose text holds the
    word but whose ``column`` does not holds the gram outside ``column``, or in ``column``.

    :param database: the Datasette database
    :param table: the searched table
    :param word: the term's one word (simplified, Han characters only)
    :param column: the sorted column, one of the searchable's columns
    """
    fts = SEARCHABLE[table].fts
    grams = [word[start:start + 2] for start in range(len(word) - 1)]
    gram = None
    if len(grams) > 1:
        rows = (await database.execute(f"select coalesce(max(rowid), 0) from {table}")).single_value()
        found = await database.execute(" union all ".join(
            f"select {number}, count(*) from {fts} where {fts} match :g{number} and rowid > :start"
            for number in range(len(grams))),
            {"start": sample_start(rows), **{f"g{n}": phrase_query(g) for n, g in enumerate(grams)}})
        gram = grams[min(found.rows, key=lambda row: (row[1], row[0]))[0]]
    query = phrase_query(gram or word)
    return {"search_word": word, "search_gram": gram,
            "search_outside": f"{query} NOT {{{column}}}: {query}"}


async def sorted_bound(database: Any, table: str, column: str, descending: bool,
                       params: dict[str, Any]) -> dict[str, Any] | None:
    """The parameters that :meth:`Searchable.bounded_clause` adds to :func:`sorted_params`'
    ``params``: where the page starts in the order of ``column`` and the rows that hold the
    word's gram outside it; ``None`` when more than :data:`OUTSIDE_ROWS` rows do, or one of them
    has no value in ``column`` (it comes first), or nothing can match.

    The start is the first value in page order that holds the gram (or the word, without a
    gram), found by stepping from value to value in the column's index (a skip-scan: one seek
    a value, not one step a row), at most :data:`SKIP_VALUES` of them (then the last value
    reached: none before it holds the gram), or the value of a listed row if it comes first. A
    row before the start holds the gram neither in ``column`` nor elsewhere, so it cannot match:
    the rows and their order are those of :meth:`Searchable.sorted_clause`. 口袋公园's first
    indicator is 89,764 targets but 46 indicators into the index (0.14 ms).

    :param database: the Datasette database
    :param table: the searched table
    :param column: the sorted column, one of the searchable's :attr:`Searchable.repeating`
    :param descending: whether the page is in descending order
    :param params: :func:`sorted_params`' parameters
    """
    fts = SEARCHABLE[table].fts
    listed = [row[0] for row in await database.execute(
        f"select rowid from {fts} where {fts} match :search_outside limit {OUTSIDE_ROWS + 1}", params)]
    if len(listed) > OUTSIDE_ROWS:
        return None
    rows = json.dumps(listed)
    edge, after = ("max", "<") if descending else ("min", ">")
    first_listed, unvalued = (await database.execute(
        f"select {edge}({column}), count(*) - count({column}) from {table}"
        " where rowid in (select value from json_each(:rows))", {"rows": rows})).rows[0]
    if unvalued:
        return None
    first_held = (await database.execute(
        f"with recursive walk(value, steps) as (select {edge}({column}), 0 from {table}"
        f" union all select (select {edge}({column}) from {table} where {column} {after} walk.value),"
        " steps + 1 from walk where instr(walk.value, :gram) = 0 and steps < :most)"
        " select value from walk order by steps desc limit 1",
        {"gram": params["search_gram"] or params["search_word"], "most": SKIP_VALUES})).single_value()
    starts = [value for value in (first_held, first_listed) if value is not None]
    if not starts:
        return None
    return {"search_from": (max if descending else min)(starts), "search_outside_rows": rows}


async def dense_start(database: Any, table: str, term: str, args: Any, work: int) -> bool:
    """Whether a first page in another index order (``?_sort=title``) may check each row's text:
    the first ``work * DENSE`` rows of that order hold ``work`` rows whose text contains the
    term, so the page reads no more than those. A word of the sorted column itself (口袋公园 in
    indicators sorted by indicator) may lie far from the index's start, however common: the
    sample of the newest rows cannot tell. Not for a later page (``_next``), which starts
    elsewhere, nor with a column filter, which the probe does not apply.

    :param database: the Datasette database
    :param table: the searched table
    :param term: what the user typed
    :param args: the request's arguments
    :param work: the matching rows the page needs
    """
    if args.get("_next") or column_filters(args):
        return False
    column = args.get("_sort") or args.get("_sort_desc")
    order = escape_sqlite(column) + ("" if args.get("_sort") else " desc")
    found = await database.execute(
        f"select count(*) from (select 1 from (select * from {table} order by {order} limit :rows)"
        f" where {SEARCHABLE[table].clause('text')} limit :work)",
        {"search": term, "rows": work * DENSE, "work": work})
    return bool(found.single_value() >= work)


@hookimpl
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> Any:
    """``?_search=`` on ``articles`` and ``targets``: the rows whose index matches the term.

    A term that matches many rows for the rows the page needs (:func:`page_work`) keeps SQLite
    from looking every match up, so it reads the table in page order and stops after a page,
    keeping the rows in ``+rowid in (…)`` (in the order of any index: :func:`reads_in_order`)
    or, for a term of Han words in most rows, checking each row's own text
    (:func:`search_form`): in the table's own order (:func:`own_order`), or in another when
    the first rows of that order hold enough matches (:func:`dense_start`). A page in the order
    of a searched column (``indicator``, ``title``) that would keep the index's matches finds a
    word of one column there instead, from that column's index, and asks the search index only
    for the rows that hold the word elsewhere (:meth:`Searchable.sorted_clause`): 口袋公园 in
    indicators sorted by indicator, where collecting its 164,520 matches took 45 ms. In the order
    of indicators, which repeat, the page starts at the first that may hold the word
    (:func:`sorted_bound`) instead of walking the index from its start.

    :param request: the table page's request
    :param database: the database name
    :param table: the table
    :param datasette: the Datasette instance
    """
    term = request.args.get("_search")
    if table not in SEARCHABLE or not term:
        return None

    async def inner() -> FilterArguments:
        searchable = SEARCHABLE[table]
        db = datasette.get_database(database)
        config = await datasette.table_config(database, table)
        in_order = await reads_in_order(db, table, request.args, config)
        work = page_work(request.args, datasette) if in_order else COUNT_WORK
        form = await search_form(db, table, term, work, in_order and bool(substring_words(term)))
        if form == "text" and not own_order(request.args, config) \
                and not await dense_start(db, table, term, request.args, work):
            form = "scan"
        clause, params = searchable.clause(form), {"search": term}
        words = substring_words(term)
        if form == "scan" and in_order and len(words) == 1 \
                and (column := sorted_column(request.args, searchable)):
            clause = searchable.sorted_clause(column)
            params.update(await sorted_params(db, table, words[0], column))
            descending = request.args.get("_sort") is None
            if column in searchable.repeating and (
                    bound := await sorted_bound(db, table, column, descending, params)):
                clause = searchable.bounded_clause(column, descending)
                params.update(bound)
        return FilterArguments([clause], params=params,
                               human_descriptions=[f'search matches "{term}"'])

    return inner


@hookimpl
def render_cell(value: object) -> Markup | None:
    """Show a ``search_snippet`` cell as escaped HTML with the match in ``<mark>``.

    :param value: the cell's value
    """
    if isinstance(value, str) and MARK_START in value:
        return marked_html(value)
    return None


@hookimpl
def extra_template_vars(template: str, table: str | None, request: object) -> dict[str, Any]:
    """The search box on the searchable tables' pages, with the searched term in it.

    :param template: the template being rendered
    :param table: the table shown, if any
    :param request: the current request, if any
    """
    args = getattr(request, "args", None)
    if template != "table.html" or args is None:
        return {}
    return {"search": args.get("_search", ""), "supports_search": table in SEARCHABLE}
