"""Real Scrapyd processes on loopback ports for cluster tests and benchmarks."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

CONF = """[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
username = {username}
password = {password}
poll_interval = 0.2
max_proc = 4
items_dir = items
logs_dir = logs
eggs_dir = eggs
dbs_dir = dbs
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ScrapydNode:
    """One Scrapyd daemon in its own folder and process group (stopped with everything it runs)."""

    def __init__(self, folder: Path, auth: tuple[str, str] | None = None) -> None:
        self.folder = folder
        self.auth = auth
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> ScrapydNode:
        """Start the daemon and wait until it answers."""
        self.folder.mkdir(parents=True, exist_ok=True)
        user, password = self.auth or ("", "")
        (self.folder / "scrapyd.conf").write_text(
            CONF.format(port=self.port, username=user, password=password), encoding="utf-8")
        log = open(self.folder / "scrapyd.out", "ab")  # noqa: SIM115 (closed with the process)
        env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYWATCH_")}
        self.process = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=self.folder,
                                        stdout=log, stderr=log, env=env, start_new_session=True)
        log.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.get("daemonstatus.json")
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError((self.folder / "scrapyd.out").read_text()) from None
                time.sleep(0.1)
        raise RuntimeError(f"scrapyd on {self.url} did not start")

    def get(self, endpoint: str) -> dict[str, Any]:
        """GET a JSON endpoint (with the node's credentials)."""
        request = urllib.request.Request(f"{self.url}/{endpoint}")
        if self.auth:
            import base64

            token = base64.b64encode(":".join(self.auth).encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        with urllib.request.urlopen(request, timeout=5) as answer:
            return dict(json.load(answer))

    def stop(self) -> None:
        """Kill the daemon and the crawls it runs, as a machine going down would."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def __enter__(self) -> ScrapydNode:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
