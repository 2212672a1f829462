"""Datasette plugin: a POST to ``/<database>/-/query`` gets 405, not Datasette's 500.

Arbitrary SQL is read with GET; only canned queries (``/<database>/<query>``) take a POST.
Datasette 1.0a41 answers a POST to ``/-/query`` with an internal error (it looks for a table
in the URL); this middleware answers it first with a plain 405 naming what to do instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl

ASGIApp = Callable[[dict[str, Any], Callable[..., Awaitable[Any]], Callable[..., Awaitable[Any]]],
                   Awaitable[None]]
QUERY_PATH = re.compile(r"^/[^/]+/-/query(\.json)?/?$")
MESSAGE = "POST is not accepted here: run SQL with GET ?sql=…, or POST to a canned query"


async def refuse(scope: dict[str, Any], send: Callable[..., Awaitable[Any]]) -> None:
    """Send a 405 (JSON for ``.json`` paths, else plain text) allowing only GET."""
    as_json = scope["path"].rstrip("/").endswith(".json")
    body = (json.dumps({"ok": False, "status": 405, "error": MESSAGE}) if as_json else MESSAGE)
    content_type = b"application/json" if as_json else b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": 405,
                "headers": [(b"content-type", content_type), (b"allow", b"GET")]})
    await send({"type": "http.response.body", "body": body.encode("utf-8")})


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[ASGIApp], ASGIApp]:
    """Wrap the app so that a POST to a database's ``/-/query`` is refused with 405."""

    def wrap(app: ASGIApp) -> ASGIApp:
        async def guarded(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if (scope.get("type") == "http" and scope.get("method") == "POST"
                    and QUERY_PATH.match(scope.get("path", ""))):
                await refuse(scope, send)
                return
            await app(scope, receive, send)

        return guarded

    return wrap
