"""Datasette plugin: pages an analyst reads.

- SQL functions for human columns in canned queries: ``quantity(value, unit, comparator)``
  (4万亿元, 800公里), ``percent(share)`` (67%), ``link(href, label)``;
- canned queries that page (``limit N offset page_offset(:page, N)``) show 上一页/下一页 links;
- a cell made by ``link()`` is shown as a link (http(s) or a path on this site only);
- the home page leads with the canned queries and what each answers, then the tables;
- ``/-/indicator?key=…&region=…``: an indicator's timeline chart and every mention.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from reports import format
from reports.chart import timeline_svg

LINK_KEYS = {"href", "label"}


def link(href: str | None, label: Any) -> str | None:
    """A cell value shown as a link by :func:`render_cell`.

    :param href: the target (http(s) URL or a path on this Datasette)
    :param label: the text shown
    """
    if not href:
        return None if label is None else str(label)
    return json.dumps({"href": href, "label": "" if label is None else str(label)},
                      ensure_ascii=False)


def indicator_path(key: str | None, region: str | None) -> str:
    """The path of an indicator's chart page.

    :param key: indicator key, e.g. ``轨道运营里程|length``
    :param region: whose indicator
    """
    return "/-/indicator?" + urlencode({"key": key or "", "region": region or "重庆市"})


def page_number(page: Any) -> int:
    """The 1-based page a canned query's ``page`` parameter asks for (1 when empty or invalid).

    :param page: the parameter as typed
    """
    try:
        return max(int(str(page).strip()), 1)
    except ValueError:
        return 1


def page_offset(page: Any, size: int) -> int:
    """The SQL ``offset`` of a page of ``size`` rows: ``page_offset('2', 100)`` is 100.

    :param page: the ``page`` parameter as typed
    :param size: rows per page
    """
    return (page_number(page) - 1) * size


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    """Register ``quantity``, ``percent``, ``link``, ``indicator_path`` and ``page_offset``.

    :param conn: a new SQLite connection of Datasette's
    """
    conn.create_function("quantity", 3, format.quantity, deterministic=True)
    conn.create_function("percent", 1, format.percent, deterministic=True)
    conn.create_function("link", 2, link, deterministic=True)
    conn.create_function("indicator_path", 2, indicator_path, deterministic=True)
    conn.create_function("page_offset", 2, page_offset, deterministic=True)


@hookimpl
def render_cell(value: Any) -> Markup | None:
    """Show a ``link()`` cell as an escaped link; anything else as Datasette would.

    :param value: the cell value
    """
    if not isinstance(value, str) or not value.startswith('{"href"'):
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if not isinstance(data, dict) or set(data) != LINK_KEYS:
        return None
    href = str(data["href"])
    if not (href.startswith(("http://", "https://")) or (href.startswith("/") and not href.startswith("//"))):
        return escape(data["label"])
    return Markup(f'<a href="{escape(href)}">{escape(data["label"])}</a>')


@hookimpl
def top_homepage(datasette: Any, request: Any) -> Any:
    """The canned queries, each with what it answers, above the list of tables.

    :param datasette: the Datasette instance
    :param request: the request
    """

    async def inner() -> str:
        items = []
        for name in datasette.databases:
            if name.startswith("_"):
                continue
            configured = list((((datasette.config or {}).get("databases") or {}).get(name) or {})
                              .get("queries") or {})
            page = await datasette.list_queries(name, actor=request.actor, is_write=False, limit=100)
            queries = sorted(page.queries, key=lambda q: (
                configured.index(q.name) if q.name in configured else len(configured), q.name))
            for query in queries:
                url = datasette.urls.database(name) + "/" + query.name
                items.append(f'<li><a href="{escape(url)}"><strong>{escape(query.title or query.name)}'
                             f'</strong></a><br><span class="answers">{escape(query.description or "")}'
                             "</span></li>")
        if not items:
            return ""
        return Markup('<section class="canned-queries"><h2>常用查询 · what each answers</h2>'
                      '<ul style="line-height:1.5">' + "".join(items) + "</ul>"
                      '<p><a href="/digests/index.html">每周变化摘要 (weekly digests)</a></p>'
                      "<h2>完整数据表 · all tables</h2></section>")

    return inner


async def indicator_page(datasette: Any, request: Any) -> Response:
    """``/-/indicator?key=…&region=…``: the timeline chart of one indicator, and its mentions."""
    key = request.args.get("key", "")
    region = request.args.get("region") or "重庆市"
    name = next(n for n in datasette.databases if not n.startswith("_"))
    result = await datasette.get_database(name).execute(
        "select * from indicator_timeline where indicator_key = ? and region = ? "
        "order by published, article_id, start", [key, region])
    rows = [dict(row) for row in result.rows]
    unit = next((row["unit"] for row in rows if row.get("unit")), "")
    for row in rows:
        row["value_text"] = format.quantity(row["value"], row["unit"], row["comparator"])
        row["date_text"] = format.chinese_date(row["published"])
        row["change_text"] = format.label(row["change_type"]) if row.get("change_type") else ""
    html = await datasette.render_template("indicator.html", {
        "key": key, "region": region, "name": key.split("|")[0] or "指标", "rows": rows,
        "chart": timeline_svg(rows, unit), "database": name,
    }, request=request)
    return Response.html(html, status=200 if rows else 404)


@hookimpl
def top_stored_query(datasette: Any, request: Any, database: str, query_name: str) -> str:
    """上一页/下一页 links above a canned query that pages (its SQL calls ``page_offset(:page``).

    :param datasette: the Datasette instance
    :param request: the request
    :param database: the database name
    :param query_name: the canned query
    """
    queries = ((((datasette.config or {}).get("databases") or {}).get(database) or {})
               .get("queries") or {})
    if "page_offset(:page" not in (queries.get(query_name) or {}).get("sql", ""):
        return ""
    page = page_number(request.args.get("page", ""))
    args = {key: request.args.get(key) for key in request.args.keys() if key != "page"}

    def to(number: int, label: str) -> str:
        return f'<a href="?{escape(urlencode({**args, "page": number}))}">{label}</a>'

    links = [to(page - 1, "← 上一页")] if page > 1 else []
    links.append(to(page + 1, "下一页 →"))
    return Markup(f'<p class="pages">第 {page} 页 · ' + " · ".join(links) + "</p>")


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    """The indicator chart page."""
    return [(r"^/-/indicator$", indicator_page)]
