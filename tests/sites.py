"""Fixture sites for crawler tests: a threaded HTTP server on 127.0.0.1 that logs every request.

The sites follow the real layouts (重庆日报 e-paper, 政府网 listing with GBK pages and
``_app.html`` twins, a 华龙网-style feed) plus a hostile site. Texts are clearly samples
(示例文本), written in realistic Chinese.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

Handler = Callable[["RequestHandler"], tuple[int, dict[str, str], bytes]]
LAST_MODIFIED = "Wed, 20 Aug 2025 01:00:00 GMT"


@dataclass
class Logged:
    """One request the server saw."""

    method: str
    path: str
    headers: dict[str, str]
    status: int = 0


@dataclass
class Page:
    """A static page with an ETag and Last-Modified; answers 304 to a matching validator."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    extra: dict[str, str] = field(default_factory=dict)


class RequestHandler(BaseHTTPRequestHandler):
    """Serve the routes of :class:`SiteServer` and log each request."""

    server: Any
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Silence the default stderr logging (requests go to the server's log)."""

    def do_GET(self) -> None:  # noqa: N802
        """Answer a GET from the route table."""
        entry = Logged("GET", self.path, {k.lower(): v for k, v in self.headers.items()})
        self.server.site.log.append(entry)
        route = self.server.site.routes.get(self.path.split("#")[0])
        if route is None:
            route = self.server.site.routes.get(self.path.split("?")[0])
        if route is None:
            status, headers, body = 404, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>404</h1>"
        elif isinstance(route, Page):
            status, headers, body = self._static(route)
        else:
            status, headers, body = route(self)
        entry.status = status
        try:
            self.send_response(status)
            headers.setdefault("Content-Length", str(len(body)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _static(self, page: Page) -> tuple[int, dict[str, str], bytes]:
        etag = '"' + hashlib.sha1(page.body).hexdigest()[:16] + '"'
        headers = {"Content-Type": page.content_type, "ETag": etag, "Last-Modified": LAST_MODIFIED,
                   **page.extra}
        if page.status == 200 and self.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag, "Content-Length": "0"}, b""
        return page.status, headers, page.body


class SiteServer:
    """A threaded HTTP server on loopback serving a route table, logging every request."""

    def __init__(self, port: int = 0) -> None:
        self.routes: dict[str, Page | Handler] = {}
        self.log: list[Logged] = []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), RequestHandler)
        self.httpd.daemon_threads = True
        self.httpd.site = self  # type: ignore[attr-defined]
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths(self) -> list[str]:
        """Paths requested so far, in order."""
        return [entry.path for entry in list(self.log)]


def html_page(text: str, charset: str = "utf-8", header_charset: str | None = None,
              **extra: str) -> Page:
    """A static HTML page encoded in ``charset``, labelled ``header_charset`` in the header."""
    label = header_charset or charset
    return Page(text.encode(charset), content_type=f"text/html; charset={label}", extra=extra)


def slow(seconds: float) -> Handler:
    """A handler that answers after ``seconds`` (to trigger a download timeout)."""

    def handler(request: RequestHandler) -> tuple[int, dict[str, str], bytes]:
        time.sleep(seconds)
        return 200, {"Content-Type": "text/html; charset=utf-8"}, b"<html><body>late</body></html>"

    return handler


def redirect_to(path: str) -> Handler:
    """A handler that redirects to ``path`` (itself: a redirect loop)."""

    def handler(request: RequestHandler) -> tuple[int, dict[str, str], bytes]:
        return 302, {"Location": path, "Content-Type": "text/html"}, b""

    return handler


def status(code: int) -> Handler:
    """A handler that answers with an HTTP error status."""

    def handler(request: RequestHandler) -> tuple[int, dict[str, str], bytes]:
        return code, {"Content-Type": "text/html; charset=utf-8"}, f"<h1>{code}</h1>".encode()

    return handler


def big(size: int) -> Handler:
    """A handler that answers with a page of ``size`` bytes."""
    body = b"<html><body><p>" + b"x" * size + b"</p></body></html>"

    def handler(request: RequestHandler) -> tuple[int, dict[str, str], bytes]:
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body

    return handler


ROBOTS = Page(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")


#: Settings for crawls under test: short timeouts, no retries (see crawler.run.ENV_SETTINGS).
TEST_ENV = {"POLICYWATCH_DOWNLOAD_TIMEOUT": "2", "POLICYWATCH_RETRY_TIMES": "0",
            "POLICYWATCH_PROGRESS_EVERY": "5"}


def run_policywatch(*args: str, env: dict[str, str] | None = None,
                    timeout: float = 90) -> subprocess.CompletedProcess[str]:
    """Run the ``policywatch`` console script in a subprocess (the reactor cannot restart)."""
    program = Path(sys.executable).with_name("policywatch")
    return subprocess.run([str(program), *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **TEST_ENV, **(env or {})})
