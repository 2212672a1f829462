"""Datasette plugin: Chinese full-text search with exact substring semantics.

The FTS5 tables index every CJK character as its own token (:func:`policywatch.search.spaced`).
Datasette's search box and ``?_search=`` wrap the user's term in ``escape_fts(...)``; this
plugin replaces that SQL function with :func:`policywatch.search.phrase_query`, so 城,
城市, 老旧小区 and 2027年 match exactly the rows that contain them. It also registers
``phrase_query(term)`` for canned queries.
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

from policywatch.search import phrase_query

NO_MATCH = '""'


def fts_query(term: str | None) -> str:
    """The FTS5 query for a user's term; an empty term becomes a query that matches nothing.

    :param term: what the user typed
    """
    return phrase_query(term or "") or NO_MATCH


@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection) -> None:
    """Override Datasette's ``escape_fts`` and add ``phrase_query`` on every connection.

    ``trylast`` makes this run after Datasette's own hook, so its ``escape_fts`` is replaced.

    :param conn: a new SQLite connection of Datasette's
    """
    conn.create_function("escape_fts", 1, fts_query, deterministic=True)
    conn.create_function("phrase_query", 1, fts_query, deterministic=True)


@hookimpl
def extra_template_vars(template: str, request: object) -> dict[str, str]:
    """Keep the searched term in the table page's search box (1.0a41 leaves it empty).

    :param template: the template being rendered
    :param request: the current request, if any
    """
    args = getattr(request, "args", None)
    if template != "table.html" or args is None:
        return {}
    return {"search": args.get("_search", "")}
