"""Articles are stored in batches: nothing is reported before its batch commits, a kill loses
only unreported articles, a refused article fails alone, and search finds every stored one."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from crawler.items import ArticleItem
from crawler.writer import store_batch
from policywatch.search import phrase_query
from policywatch.store import open_db
from policywatch.store.articles import content_hash
from tests.sites import TEST_ENV, SiteServer, html_page, run_policywatch

CONFIG = """sources:
  - name: batch
    title: 分批入库
    kind: listing
    start_urls: ["{base}/batch/index.html"]
    article_pattern: '/a\\d+\\.html$'
    delay: 0
"""


def _page(number: int) -> str:
    return (f"<html><head><meta name='PubDate' content='2025-08-{number % 28 + 1:02d}'></head><body>"
            f"<h1>分批示例新闻第{number}号</h1><div id='zoom'><p>（示例文本）第{number}号：全市持续推进城市更新行动，"
            f"今年计划改造城镇老旧小区{number * 10}个，完善社区养老、托育等公共服务设施。</p>"
            f"<p>有关负责人表示，将加快补齐基础设施短板，让群众生活更方便、更舒心。</p></div></body></html>")


def _slow_article(number: int, seconds: float):
    body = _page(number).encode("utf-8")

    def handler(request):
        time.sleep(seconds)
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body

    return handler


def _site(server: SiteServer, count: int, seconds: float = 0) -> None:
    links = "".join(f'<a href="/batch/a{n}.html">第{n}号</a>' for n in range(count))
    server.routes["/batch/index.html"] = html_page(f"<html><body>{links}</body></html>")
    for number in range(count):
        server.routes[f"/batch/a{number}.html"] = (_slow_article(number, seconds) if seconds
                                                   else html_page(_page(number)))


def _found_by_search(db, title: str) -> list[int]:
    return [rowid for (rowid,) in db.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [phrase_query(title)])]


def _batch_articles(db) -> int:
    return db.execute("SELECT count(*) FROM articles WHERE source = 'batch'").fetchone()[0]


def _assert_whole_and_searchable(db) -> None:
    rows = list(db.execute("SELECT rowid, title, body, content_hash, source FROM articles"))
    for rowid, title, body, digest, source in rows:
        assert body and digest == content_hash(body)
        if source == "batch":
            assert _found_by_search(db, title) == [rowid], title
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == len(rows)


def _item(number: int) -> ArticleItem:
    return ArticleItem(url=f"https://example.cn/batch/a{number}.html", source="batch",
                       title=f"分批示例新闻第{number}号", published="2025-08-20",
                       body=f"（示例文本）第{number}号：全市持续推进城市更新行动，今年计划改造城镇老旧小区{number * 10}个。")


def test_a_batch_stores_all_but_the_refused_article_and_leaves_no_partial_rows(fresh_db):
    fresh_db.execute("CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.url LIKE '%/a3.html'"
                     " BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END")
    outcomes = store_batch(fresh_db, [_item(n) for n in range(6)] + [_item(0)])
    assert [o if isinstance(o, str) else "error" for o in outcomes] == [
        "new", "new", "new", "error", "new", "new", "unchanged"]
    assert "disk I/O error (injected)" in str(outcomes[3])
    assert not fresh_db.conn.in_transaction
    assert _batch_articles(fresh_db) == 5
    _assert_whole_and_searchable(fresh_db)
    fresh_db.execute("DROP TRIGGER refuse")
    assert store_batch(fresh_db, [_item(n) for n in range(6)]) == ["unchanged"] * 3 + ["new"] + ["unchanged"] * 2
    _assert_whole_and_searchable(fresh_db)


def test_a_killed_crawl_loses_no_reported_article_and_the_next_crawl_stores_the_rest(tmp_path):
    count = 24
    with SiteServer() as server:
        _site(server, count, seconds=0.15)
        config = tmp_path / "sources.yml"
        config.write_text(CONFIG.format(base=server.base), encoding="utf-8")
        db_path = tmp_path / "pw.db"
        args = ["crawl", "--db", str(db_path), "--config", str(config)]
        # Batches commit 1.5 s after their first article: a count reported before its commit
        # would show up here as more articles reported than stored.
        env = {**os.environ, **TEST_ENV, "POLICYWATCH_PROGRESS_EVERY": "1",
               "POLICYWATCH_STORE_BATCH": "1000", "POLICYWATCH_STORE_WAIT": "1.5"}
        crawl = subprocess.Popen([str(Path(sys.executable).with_name("policywatch")), *args],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        reported = 0
        for line in crawl.stderr:
            found = re.search(r"新文章(\d+)篇", line)
            reported = int(found.group(1)) if found else reported
            if reported:
                break
        crawl.send_signal(signal.SIGKILL)
        crawl.wait(timeout=10)
        crawl.stderr.close()
        fetched = {entry.path for entry in server.log if entry.path.startswith("/batch/a")}

        db = open_db(db_path)
        stored = {row["url"].split("/", 3)[3] for row in db["articles"].rows}
        assert 1 <= reported <= len(stored) < count
        assert len(fetched) > len(stored)  # the articles of the batch not yet committed
        _assert_whole_and_searchable(db)
        assert [r["status"] for r in db["crawl_runs"].rows] == ["running"]
        db.close()

        server.log.clear()
        result = run_policywatch(*args, env={"POLICYWATCH_POLITE": "0"})
        assert result.returncode == 0, result.stderr
        refetched = {entry.path.lstrip("/") for entry in server.log if entry.path.startswith("/batch/a")}
    db = open_db(db_path)
    assert db["articles"].count == count
    _assert_whole_and_searchable(db)
    runs = list(db["crawl_runs"].rows)
    assert [r["status"] for r in runs] == ["killed", "ok"]
    assert runs[1]["new_articles"] == count - len(stored)
    assert not refetched & stored


def test_an_article_refused_inside_a_batch_fails_alone(tmp_path):
    count = 12
    with SiteServer() as server:
        _site(server, count)
        config = tmp_path / "sources.yml"
        config.write_text(CONFIG.format(base=server.base), encoding="utf-8")
        db_path = tmp_path / "pw.db"
        args = ["crawl", "--db", str(db_path), "--config", str(config)]
        assert run_policywatch("init", "--db", str(db_path)).returncode == 0
        with sqlite3.connect(db_path) as conn:  # the database refuses one article
            conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.url LIKE '%/a5.html'"
                         " BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END")
        env = {"POLICYWATCH_POLITE": "0", "POLICYWATCH_STORE_BATCH": "1000", "POLICYWATCH_STORE_WAIT": "1"}
        first = run_policywatch(*args, env=env)
        with sqlite3.connect(db_path) as conn:
            run = conn.execute("SELECT status, new_articles, failed, errors FROM crawl_runs").fetchone()
            conn.execute("DROP TRIGGER refuse")
        db = open_db(db_path)
        assert _batch_articles(db) == count - 1
        _assert_whole_and_searchable(db)
        db.close()
        server.log.clear()
        second = run_policywatch(*args, env=env)
        fetched = [entry.path for entry in server.log if entry.path.startswith("/batch/a")]
    assert first.returncode == 1
    assert run[:3] == ("failed", count - 1, 1)
    assert "/batch/a5.html: not stored: disk I/O error (injected)" in run[3]
    assert second.returncode == 0, second.stderr
    assert fetched == ["/batch/a5.html"]
    assert _batch_articles(open_db(db_path)) == count


def test_a_crawl_stopped_by_sigterm_stores_every_article_it_fetched(tmp_path):
    with SiteServer() as server:
        _site(server, 4)
        for number in range(4, 8):  # still downloading when the crawl is stopped: Scrapy lets them finish
            server.routes[f"/batch/a{number}.html"] = _slow_article(number, 4)
        links = "".join(f'<a href="/batch/a{n}.html">第{n}号</a>' for n in range(8))
        server.routes["/batch/index.html"] = html_page(f"<html><body>{links}</body></html>")
        config = tmp_path / "sources.yml"
        config.write_text(CONFIG.format(base=server.base), encoding="utf-8")
        db_path = tmp_path / "pw.db"
        env = {**os.environ, **TEST_ENV, "POLICYWATCH_POLITE": "0", "POLICYWATCH_DOWNLOAD_TIMEOUT": "30",
               "POLICYWATCH_STORE_BATCH": "1000", "POLICYWATCH_STORE_WAIT": "1"}
        crawl = subprocess.Popen([str(Path(sys.executable).with_name("policywatch")), "crawl",
                                  "--db", str(db_path), "--config", str(config)],
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while len({e.path for e in server.log if e.path.startswith("/batch/a")}) < 8:
            assert time.monotonic() < deadline and crawl.poll() is None, "the crawl never fetched every link"
            time.sleep(0.05)
        time.sleep(0.5)  # the four fast articles are parsed and wait for their batch
        crawl.send_signal(signal.SIGTERM)
        _, err = crawl.communicate(timeout=60)
    assert crawl.returncode == 1, err
    db = open_db(db_path)
    assert sorted(row["title"] for row in db["articles"].rows) == [f"分批示例新闻第{n}号" for n in range(8)]
    _assert_whole_and_searchable(db)
    run = next(db["crawl_runs"].rows)
    assert (run["status"], run["new_articles"]) == ("interrupted", 8)


def test_the_last_articles_are_stored_once_nothing_is_downloading(tmp_path):
    # A batch waits up to ten minutes for more articles, unless the crawl has nothing in flight.
    with SiteServer() as server:
        _site(server, 6)
        config = tmp_path / "sources.yml"
        config.write_text(CONFIG.format(base=server.base), encoding="utf-8")
        db_path = tmp_path / "pw.db"
        env = {"POLICYWATCH_POLITE": "0", "POLICYWATCH_STORE_BATCH": "1000", "POLICYWATCH_STORE_WAIT": "600"}
        result = run_policywatch("crawl", "--db", str(db_path), "--config", str(config), env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    db = open_db(db_path)
    assert _batch_articles(db) == 6
    _assert_whole_and_searchable(db)
    assert next(db["crawl_runs"].rows)["new_articles"] == 6


def test_a_batch_waits_while_the_crawl_is_busy_and_is_stored_when_it_goes_quiet(db_path):
    from crawler.writer import QUIET_CHECK, BatchWriter

    busy = [True]

    async def crawl() -> list[str]:
        writer = BatchWriter(open_db(db_path), size=100, wait=600, quiet=lambda: not busy[0])
        storing = [asyncio.ensure_future(writer.store(_item(n))) for n in range(3)]
        await asyncio.sleep(10 * QUIET_CHECK)
        assert not any(task.done() for task in storing)  # still downloading: the batch waits
        busy[0] = False
        statuses = await asyncio.wait_for(asyncio.gather(*storing), timeout=10 * QUIET_CHECK)
        await writer.close()
        return statuses

    assert asyncio.run(crawl()) == ["new"] * 3
    db = open_db(db_path)
    assert _batch_articles(db) == 3
    _assert_whole_and_searchable(db)
