"""Datasette plugin: Chinese full-text search with exact substring semantics and marked snippets.

The FTS tables index bigram terms (:func:`policywatch.search.index_terms`). The search box and
``?_search=`` of ``articles`` and ``targets`` are this plugin's (:func:`filters_from_request`):
the term becomes :func:`policywatch.search.phrase_query` (also Datasette's ``escape_fts``), so
城, 城市, 老旧小区 and 2027年 match exactly the rows that contain them, and 重慶 finds 重庆.

Datasette's own search would look every match up and sort them all by date: a common word
matches most of the archive. Here a term that matches many rows is answered by reading the
table newest first and keeping the matches (the first page needs a few hundred rows), a rare
one by looking its matches up. For canned queries the plugin registers ``phrase_query(term)``
and ``search_snippet(text, term)``; a snippet cell is shown as HTML with the match in
``<mark>`` and everything else escaped.
"""

from __future__ import annotations

import math
import sqlite3
from typing import Any

from datasette import hookimpl
from datasette.filters import FilterArguments
from markupsafe import Markup

from policywatch.datasette_counts import COUNT_LIMIT
from policywatch.search import MARK_START, marked_html, phrase_query, snippet

NO_MATCH = '""'
#: the tables the search box searches, and their FTS5 index (kept by policywatch.store)
SEARCHABLE = {"articles": "articles_fts", "targets": "targets_fts"}
#: matching rows a table page reads at most: its rows, and its row count ("1,000+ rows")
PAGE_WORK = COUNT_LIMIT + 1


def fts_query(term: str | None) -> str:
    """The FTS5 query for a user's term; an empty term becomes a query that matches nothing.

    :param term: what the user typed
    """
    return phrase_query(term or "") or NO_MATCH


@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection) -> None:
    """Override Datasette's ``escape_fts``; add ``phrase_query`` and ``search_snippet``.

    ``trylast`` makes this run after Datasette's own hook, so its ``escape_fts`` is replaced.

    :param conn: a new SQLite connection of Datasette's
    """
    conn.create_function("escape_fts", 1, fts_query, deterministic=True)
    conn.create_function("phrase_query", 1, fts_query, deterministic=True)
    conn.create_function("search_snippet", 2, snippet, deterministic=True)


async def many_match(database: Any, table: str, fts: str, term: str) -> bool:
    """Whether ``term`` matches so many rows of ``table`` that a scan beats lookups.

    Looking the matches up costs one row read per match; scanning the table until
    :data:`PAGE_WORK` matches costs ``PAGE_WORK * rows / matches`` reads. They break even at
    ``sqrt(PAGE_WORK * rows)`` matches, so at most that many are counted.

    :param database: the Datasette database
    :param table: the searched table
    :param fts: its FTS5 index
    :param term: what the user typed
    """
    rows = (await database.execute(f"select coalesce(max(rowid), 0) from {table}")).single_value()
    enough = max(math.isqrt(PAGE_WORK * rows), 1)
    found = (await database.execute(
        f"select count(*) from (select rowid from {fts} where {fts} match :query limit :enough)",
        {"query": fts_query(term), "enough": enough})).single_value()
    return found >= enough


@hookimpl
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> Any:
    """``?_search=`` on ``articles`` and ``targets``: the rows whose index matches the term.

    A term that matches many rows filters with ``+rowid in (…)``, which keeps SQLite from
    looking every match up, so it reads the table in page order and stops after a page.

    :param request: the table page's request
    :param database: the database name
    :param table: the table
    :param datasette: the Datasette instance
    """
    term = request.args.get("_search")
    if table not in SEARCHABLE or not term:
        return None

    async def inner() -> FilterArguments:
        fts = SEARCHABLE[table]
        dense = await many_match(datasette.get_database(database), table, fts, term)
        column = "+rowid" if dense else "rowid"
        return FilterArguments(
            [f"{column} in (select rowid from {fts} where {fts} match escape_fts(:search))"],
            params={"search": term}, human_descriptions=[f'search matches "{term}"'])

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
