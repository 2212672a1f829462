"""Fault injection: two crawls, repeated diffs and Datasette readers on one database at once.

Each crawl and diff is a real ``policywatch`` subprocess against a loopback site; Datasette is
the real server. Nothing may be lost: every article is stored exactly once, every run record
is closed with the counts that happened, and no stage fails with ``database is locked``.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from tests.publishing_data import start_datasette
from tests.sitedata import _gov_article
from tests.sites import ROBOTS, TEST_ENV, SiteServer, html_page, run_policywatch

ARTICLES = 90
PER_INDEX = 30
SOURCES = ("alpha", "beta")
#: Many requests at once, no politeness delay: as much write pressure as the crawler can make;
#: a download may wait while its crawl waits for the write lock, so the timeout is generous.
FAST = {"POLICYWATCH_POLITE": "0", "POLICYWATCH_CONCURRENCY": "16", "POLICYWATCH_DOWNLOAD_TIMEOUT": "30"}


def _add_listing(server: SiteServer, name: str) -> None:
    """A listing site /<name>/ with ARTICLES articles over several index pages."""
    pages = [f"index_{n}.html" if n else "index.html" for n in range(ARTICLES // PER_INDEX)]
    for number, page in enumerate(pages):
        links = "".join(
            f'<li><a href="t20250820_{number * PER_INDEX + i}.html">第{number * PER_INDEX + i}篇</a></li>'
            for i in range(PER_INDEX))
        pager = "".join(f'<a href="{p}">{i + 1}</a> ' for i, p in enumerate(pages))
        text = f'<html><head><meta charset="gb2312"></head><body><ul>{links}</ul>{pager}</body></html>'
        server.routes[f"/{name}/{page}"] = html_page(text, "gbk", "gb2312")
    server.routes[f"/{name}/"] = server.routes[f"/{name}/index.html"]
    for n in range(ARTICLES):
        title = f"{name}区第{n}项民生实事推进会召开"
        paras = [f"（示例文本）{name}区召开第{n}项民生实事推进会，会议听取了各部门的工作汇报。",
                 f"会议提出，到2027年，全区新建充电桩{n + 100}个，改造老旧小区{n + 10}个。",
                 "会议要求，各部门要压实责任、细化举措，确保各项任务按期完成。"]
        page = html_page(_gov_article(title, "2025-08-20 10:00", "重庆日报", paras), "gbk", "gb2312")
        server.routes[f"/{name}/t20250820_{n}.html"] = page


def _config(base: str) -> str:
    blocks = "".join(f"""  - name: {name}
    title: 测试站点{name}
    kind: listing
    start_urls: ["{base}/{name}/"]
    article_pattern: 't\\d{{8}}_\\d+\\.html$'
    schedule: "every 2h"
    delay: 0
""" for name in SOURCES)
    return "sources:\n" + blocks


def _read_forever(base: str, stop: threading.Event, statuses: list[int]) -> None:
    """A Datasette reader: table pages and counts, as fast as it can, until ``stop``."""
    with httpx.Client(timeout=30, follow_redirects=True) as client:
        while not stop.is_set():
            for path in ("/policywatch/articles.json?_size=5", "/policywatch/crawl_runs.json",
                         "/policywatch/targets.json?_size=5"):
                statuses.append(client.get(base + path).status_code)


def _diff_forever(db: Path, config: Path, stop: threading.Event,
                  results: list[subprocess.CompletedProcess[str]]) -> None:
    """``policywatch diff`` again and again while the crawls run."""
    while not stop.is_set():
        results.append(run_policywatch("diff", "--db", str(db), "--config", str(config),
                                       timeout=300))


@pytest.fixture(scope="module")
def contested(tmp_path_factory):
    """Run the two crawls, the diffs and the readers at once; yield what happened."""
    folder = tmp_path_factory.mktemp("contested")
    db, config = folder / "policywatch.db", folder / "sources.yml"
    with SiteServer() as server:
        server.routes["/robots.txt"] = ROBOTS
        for name in SOURCES:
            _add_listing(server, name)
        config.write_text(_config(server.base), encoding="utf-8")
        init = run_policywatch("init", "--db", str(db), "--config", str(config))
        assert init.returncode == 0, init.stderr
        datasette, base = start_datasette(db, folder / "digests")
        stop = threading.Event()
        statuses: list[int] = []
        diffs: list[subprocess.CompletedProcess[str]] = []
        workers = [threading.Thread(target=_read_forever, args=(base, stop, statuses)),
                   threading.Thread(target=_read_forever, args=(base, stop, statuses)),
                   threading.Thread(target=_diff_forever, args=(db, config, stop, diffs))]
        try:
            for worker in workers:
                worker.start()
            crawls = {name: subprocess.Popen(
                [str(Path(sys.executable).with_name("policywatch")), "crawl", name,
                 "--db", str(db), "--config", str(config)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env={**os.environ, **TEST_ENV, **FAST}) for name in SOURCES}
            ended = {name: (proc.wait(timeout=300), proc.communicate()[1])
                     for name, proc in crawls.items()}
        finally:
            stop.set()
            for worker in workers:
                worker.join(timeout=300)
            datasette.terminate()
            datasette.wait(timeout=30)
        final = run_policywatch("diff", "--db", str(db), "--config", str(config), timeout=300)
    yield {"db": db, "crawls": ended, "diffs": diffs, "statuses": statuses, "final": final}


def test_both_crawls_succeed_and_store_every_article_once(contested):
    for name, (code, err) in contested["crawls"].items():
        assert code == 0, f"{name}: {err}"
        assert "locked" not in err
    with sqlite3.connect(contested["db"]) as conn:
        counts = dict(conn.execute("SELECT source, count(*) FROM articles GROUP BY source"))
        runs = conn.execute("SELECT source, status, new_articles, failed FROM crawl_runs"
                            " ORDER BY source").fetchall()
    assert [counts[name] for name in SOURCES] == [ARTICLES] * len(SOURCES)
    assert runs == [(name, "ok", ARTICLES, 0) for name in SOURCES]


def test_every_diff_succeeded_and_the_last_one_finished_the_work(contested):
    assert contested["diffs"], "no diff ran during the crawls"
    for result in contested["diffs"] + [contested["final"]]:
        assert result.returncode == 0, result.stderr
    with sqlite3.connect(contested["db"]) as conn:
        left = conn.execute("SELECT count(*) FROM articles WHERE extractor_version IS NULL"
                            " AND body IS NOT NULL").fetchone()[0]
        targets = conn.execute("SELECT count(DISTINCT article_id) FROM targets"
                               " WHERE article_id IN (SELECT id FROM articles WHERE source != 'baseline')"
                               ).fetchone()[0]
    assert left == 0
    assert targets == ARTICLES * len(SOURCES)


def test_datasette_answered_every_read(contested):
    assert contested["statuses"]
    assert set(contested["statuses"]) == {200}
