"""A tiny static HTTP server for the sample site, bound to loopback on an ephemeral port."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from policywatch.demo.site import SampleSite

ROBOTS = "User-agent: *\nAllow: /\n"


def _handler(site: SampleSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        """Serve the sample site's pages; everything else is a 404."""

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = self.path.split("?", 1)[0]
            if path == "/robots.txt":
                self._send(200, ROBOTS, "text/plain; charset=utf-8")
            elif path in ("/", "/index.html"):
                self._send(200, site.index(), "text/html; charset=utf-8")
            else:
                html = site.render(path)
                if html is None:
                    self._send(404, "<h1>404 示例站点没有这个页面</h1>", "text/html; charset=utf-8")
                else:
                    self._send(200, html, "text/html; charset=utf-8")

        def _send(self, status: int, body: str, content_type: str) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the crawler logs what it fetched."""

    return Handler


def serve_site(site: SampleSite, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``site`` on 127.0.0.1 in a daemon thread; the server and its base URL.

    :param site: the sample site
    :param port: TCP port, 0 for an ephemeral one
    """
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(site))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                     name="demo site", daemon=True).start()
    host, bound = server.server_address[:2]
    return server, f"http://{host}:{bound}"
