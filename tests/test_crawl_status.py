"""A crawl's status is what happened: cut short by SIGTERM it is ``interrupted``, exit 1."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.sitedata import _gov_article
from tests.sites import ROBOTS, TEST_ENV, SiteServer, html_page, run_policywatch, slow

CONFIG = """sources:
  - name: town
    title: 示例镇政府网
    kind: listing
    start_urls: ["{base}/news/"]
    article_pattern: 't\\d{{8}}_\\d+\\.html$'
    delay: 0
"""


def test_a_crawl_stopped_by_sigterm_is_interrupted_and_exits_1(tmp_path: Path):
    links = "".join(f'<li><a href="t20250820_{n}.html">第{n}篇</a></li>' for n in range(6))
    with SiteServer() as server:
        server.routes["/robots.txt"] = ROBOTS
        server.routes["/news/"] = html_page(f"<html><body><ul>{links}</ul></body></html>")
        server.routes["/news/t20250820_0.html"] = html_page(_gov_article(
            "示例镇召开民生实事推进会", "2025-08-20 10:00", "示例镇",
            ["（示例文本）示例镇召开民生实事推进会，会议听取了各部门的工作汇报，部署了下一阶段的重点任务。",
             "会议提出，到2027年，全镇新建口袋公园12个，改造老旧小区30个。"]), "gbk", "gb2312")
        for n in range(1, 6):
            server.routes[f"/news/t20250820_{n}.html"] = slow(6)
        config = tmp_path / "sources.yml"
        config.write_text(CONFIG.format(base=server.base), encoding="utf-8")
        db = tmp_path / "policywatch.db"
        crawl = subprocess.Popen(
            [str(Path(sys.executable).with_name("policywatch")), "crawl", "town", "--db", str(db),
             "--config", str(config)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, **TEST_ENV, "POLICYWATCH_DOWNLOAD_TIMEOUT": "60",
                 "POLICYWATCH_CONCURRENCY": "8", "POLICYWATCH_POLITE": "0"})
        deadline = time.monotonic() + 60
        while not any(p.startswith("/news/t20250820_5") for p in server.paths()):
            assert time.monotonic() < deadline and crawl.poll() is None, "the crawl never started"
            time.sleep(0.1)
        crawl.send_signal(signal.SIGTERM)
        _, err = crawl.communicate(timeout=60)
    assert crawl.returncode == 1, err
    assert "town: interrupted" in err
    with sqlite3.connect(db) as conn:
        status, errors = conn.execute("SELECT status, errors FROM crawl_runs").fetchone()
    assert status == "interrupted"
    assert "抓取未完成（shutdown）" in errors


def test_an_article_that_cannot_be_stored_fails_the_crawl_and_is_fetched_again(tmp_path: Path):
    links = "".join(f'<li><a href="t20250820_{n}.html">第{n}篇</a></li>' for n in range(3))
    with SiteServer() as server:
        server.routes["/robots.txt"] = ROBOTS
        server.routes["/news/"] = html_page(f"<html><body><ul>{links}</ul></body></html>")
        for n in range(3):
            server.routes[f"/news/t20250820_{n}.html"] = html_page(_gov_article(
                f"示例镇第{n}次民生实事推进会召开", "2025-08-20 10:00", "示例镇",
                [f"（示例文本）示例镇召开第{n}次民生实事推进会，会议听取了各部门的工作汇报，部署了下一阶段的重点任务。",
                 f"会议提出，到2027年，全镇新建口袋公园{n + 12}个，改造老旧小区30个。"]), "gbk", "gb2312")
        config = tmp_path / "sources.yml"
        config.write_text(CONFIG.format(base=server.base), encoding="utf-8")
        db = tmp_path / "policywatch.db"
        args = ["crawl", "town", "--db", str(db), "--config", str(config)]
        assert run_policywatch("init", "--db", str(db)).returncode == 0
        with sqlite3.connect(db) as conn:  # the database refuses one article (as a full disk would)
            conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.url LIKE '%_1.html'"
                         " BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END")
        first = run_policywatch(*args)
        with sqlite3.connect(db) as conn:
            run = conn.execute("SELECT status, new_articles, failed, errors FROM crawl_runs").fetchone()
            stored = conn.execute("SELECT count(*) FROM articles WHERE source = 'town'").fetchone()[0]
            conn.execute("DROP TRIGGER refuse")
        server.log.clear()
        second = run_policywatch(*args)
        fetched = [p for p in server.paths() if p.startswith("/news/t2025")]
    assert first.returncode == 1
    assert run[:3] == ("failed", 2, 1) and stored == 2
    assert "t20250820_1.html: not stored: disk I/O error (injected)" in run[3]
    assert second.returncode == 0, second.stderr
    assert fetched == ["/news/t20250820_1.html"]
