"""Datasette plugin: Chinese full-text search with exact substring semantics and marked snippets.

The FTS tables index bigram terms (:func:`policywatch.search.index_terms`). Datasette's search
box and ``?_search=`` wrap the user's term in ``escape_fts(...)``; this plugin replaces that
SQL function with :func:`policywatch.search.phrase_query`, so 城, 城市, 老旧小区 and 2027年
match exactly the rows that contain them, and 重慶 finds 重庆. For canned queries it registers
``phrase_query(term)`` and ``search_snippet(text, term)``; a snippet cell is shown as HTML with
the match in ``<mark>`` and everything else escaped.
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl
from markupsafe import Markup

from policywatch.search import MARK_START, marked_html, phrase_query, snippet

NO_MATCH = '""'


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


@hookimpl
def render_cell(value: object) -> Markup | None:
    """Show a ``search_snippet`` cell as escaped HTML with the match in ``<mark>``.

    :param value: the cell's value
    """
    if isinstance(value, str) and MARK_START in value:
        return marked_html(value)
    return None


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
