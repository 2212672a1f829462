"""A crawl killed half-way leaves no partial rows, and the next run completes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from policywatch import clock
from policywatch.store import open_db
from policywatch.store.articles import content_hash
from tests.sites import TEST_ENV, SiteServer, run_policywatch

COUNT = 30
UNDATED = 29  # a page with no date anywhere: stored with the day it was first seen
#: Pages served before the rest wait for the kill: it then always comes half-way, however fast
#: the crawler runs or however slowly the test is scheduled.
SERVED_BEFORE_KILL = 5


class Gate:
    """Lets the first pages through and holds the others until opened."""

    def __init__(self) -> None:
        self.opened = threading.Event()
        self._lock = threading.Lock()
        self._served = 0

    def wait_turn(self) -> None:
        with self._lock:
            self._served += 1
            held = self._served > SERVED_BEFORE_KILL
        if held:
            self.opened.wait(timeout=30)


def _article(number: int, gate: Gate):
    meta = "" if number == UNDATED else f"<meta name='PubDate' content='2025-08-{number % 28 + 1:02d}'>"
    text = (f"<html><head>{meta}</head><body>"
            f"<h1>示例新闻第{number}号</h1><div id='zoom'><p>（示例文本）第{number}号：全市持续推进城市更新行动，"
            f"今年计划改造城镇老旧小区{number * 10}个，完善社区养老、托育等公共服务设施。</p>"
            f"<p>有关负责人表示，将加快补齐基础设施短板，让群众生活更方便、更舒心。</p></div></body></html>")
    body = text.encode("utf-8")

    def handler(request):
        time.sleep(0.2)
        gate.wait_turn()
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body

    return handler


def test_killed_crawl_leaves_whole_rows_and_the_next_run_completes_it(tmp_path):
    with SiteServer() as site:
        links = "".join(f'<a href="/resume/a{n}.html">第{n}号</a>' for n in range(COUNT))
        site.routes["/resume/index.html"] = lambda r: (200, {"Content-Type": "text/html; charset=utf-8"},
                                                      f"<html><body>{links}</body></html>".encode())
        gate = Gate()
        for number in range(COUNT):
            site.routes[f"/resume/a{number}.html"] = _article(number, gate)
        config = tmp_path / "sources.yml"
        config.write_text(f"""sources:
  - name: resume
    title: 断点续抓
    kind: listing
    start_urls: ["{site.base}/resume/index.html"]
    article_pattern: '/a\\d+\\.html$'
    delay: 0
""", encoding="utf-8")
        db_path = tmp_path / "pw.db"
        args = ["crawl", "--db", str(db_path), "--config", str(config)]
        program = Path(sys.executable).with_name("policywatch")
        process = subprocess.Popen([str(program), *args], env={**os.environ, **TEST_ENV},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        stored = 0
        while time.monotonic() < deadline and stored < 3:
            time.sleep(0.05)
            if db_path.exists():
                try:
                    stored = open_db(db_path)["articles"].count
                except Exception:  # noqa: BLE001 - the schema may still be migrating
                    stored = 0
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        gate.opened.set()  # the next run gets every page at once

        db = open_db(db_path)
        before = {row["url"] for row in db["articles"].rows}
        assert 3 <= len(before) < COUNT
        for row in db["articles"].rows:
            assert row["body"] and row["content_hash"] == content_hash(row["body"]) and row["published"]
        assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == len(before)
        assert [r["status"] for r in db["crawl_runs"].rows] == ["running"]

        site.log.clear()
        result = run_policywatch(*args)
        assert result.returncode == 0, result.stderr
        db = open_db(db_path)
        assert db["articles"].count == COUNT
        undated = next(db["articles"].rows_where("title = ?", [f"示例新闻第{UNDATED}号"]))
        assert undated["published"] == clock.today().isoformat()
        assert [r["status"] for r in db["crawl_runs"].rows] == ["killed", "ok"]
        requested = {e.path for e in site.log}
        assert not {url.split("/", 3)[3] for url in before} & {p.lstrip("/") for p in requested}
