"""Crawls through two real Scrapyd daemons on loopback into one central database."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import threading
import time
from html import escape
from pathlib import Path

import pytest

from crawler.run import run_crawl
from policywatch.config import load_config
from policywatch.store import open_db
from tests import sitedata
from tests.scrapyd_nodes import ScrapydNode
from tests.sites import TEST_ENV, RequestHandler, SiteServer, run_policywatch

SOURCES = ["cqrb", "gov", "feed", "recent"]
WINDOW = ["--since", "2025-08-15", "--until", "2025-08-20"]
AUTH = ("crawler", "秘密-pw")
#: Columns that say when a row was written, not what it holds.
WHEN = {"first_seen", "last_seen", "detected", "extracted", "created", "updated"}
SLOW_PARAGRAPHS = [
    "（示例文本）8月21日，全市物流枢纽建设推进会召开。会议提出，到2027年全市多式联运货运量达到3000万吨。",
    "会议要求，各区县要加快补齐物流基础设施短板，提升港口、铁路和公路衔接水平。",
]


def _slow_article(number: int) -> object:
    title = f"物流枢纽建设推进会召开（之{number}）"
    body = "".join(f"<p>{escape(p)}</p>" for p in SLOW_PARAGRAPHS)
    page = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            f"<div class='info'>发布时间：2025-08-21 09:00</div><div class='content'>{body}"
            f"<p>（第{number}篇）</p></div></body></html>").encode()

    def handler(request: RequestHandler) -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.0)
        return 200, {"Content-Type": "text/html; charset=utf-8"}, page

    return handler


def _add_slow(server: SiteServer) -> None:
    """A listing whose three articles each take a second to answer."""
    links = "".join(f'<li><a href="t20250821_{n}.html">第{n}篇</a></li>' for n in (1, 2, 3))
    server.routes["/slow/index.html"] = sitedata.html_page(
        f"<html><body><ul>{links}</ul></body></html>")
    for number in (1, 2, 3):
        server.routes[f"/slow/t20250821_{number}.html"] = _slow_article(number)  # type: ignore[assignment]


RECENT_ARTICLE = """<html><head><title>全市城市更新和轨道交通建设提速</title></head><body>
<h1>全市城市更新和轨道交通建设提速</h1><div class="info">发布时间：2026-03-02 09:00</div>
<div class="content"><p>（示例文本）3月1日，全市城市更新工作会议召开。会议提出，到2027年全市更新改造老旧小区20000个，
轨道运营里程达到800公里。</p><p>会议强调，今年全市新建口袋公园80个，研发投入强度达到3%。</p></div>
</body></html>"""
RECENT_SOURCE = """  - name: recent
    title: 近期新闻（测试）
    kind: listing
    start_urls: ["{base}/recent/index.html"]
    article_pattern: 'a\\d+\\.html$'
    delay: 0
"""
SLOW_SOURCE = """  - name: slow
    title: 慢速网站（测试）
    kind: listing
    start_urls: ["{base}/slow/index.html"]
    article_pattern: 't\\d{{8}}_\\d+\\.html$'
    delay: 0
"""


@pytest.fixture(scope="module")
def site():
    """The fixture sites, plus a slow one."""
    with SiteServer() as server:
        sitedata.add_epaper(server)
        sitedata.add_gov(server)
        sitedata.add_feed(server)
        _add_slow(server)
        server.routes["/recent/index.html"] = sitedata.html_page(
            '<html><body><a href="a1.html">全市城市更新和轨道交通建设提速</a></body></html>')
        server.routes["/recent/a1.html"] = sitedata.html_page(RECENT_ARTICLE)
        yield server


@pytest.fixture(scope="module")
def nodes(tmp_path_factory):
    """Two Scrapyd daemons; the second asks for basic-auth credentials."""
    folder = tmp_path_factory.mktemp("nodes")
    with ScrapydNode(folder / "one") as one, ScrapydNode(folder / "two", AUTH) as two:
        yield one, two


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, site, nodes):
    """sources.yml for the sites crawled here (local.yml) and on the nodes (sources.yml)."""
    folder = tmp_path_factory.mktemp("cluster")
    sources = sitedata.sources_yaml(site.base, recent=RECENT_SOURCE.format(base=site.base),
                                    slow=SLOW_SOURCE.format(base=site.base))
    (folder / "local.yml").write_text(sources, encoding="utf-8")
    one, two = nodes
    cluster = (f"scrapyd:\n  nodes:\n    - {one.url}\n"
               f"    - {{name: two, url: '{two.url}', credentials: TWO_AUTH}}\n  poll: 0.2\n")
    (folder / "sources.yml").write_text(sources + cluster, encoding="utf-8")
    (folder / "timeout.yml").write_text(sources + cluster + "  timeout: 1\n", encoding="utf-8")
    assert _cli(folder, "local.yml", "local.db", "init").returncode == 0
    shutil.copy(folder / "local.db", folder / "central.db")
    return folder


@pytest.fixture
def cluster_env(monkeypatch):
    """The test crawl settings and node two's credentials, for crawls in this process."""
    for name, value in {**TEST_ENV, "POLICYWATCH_POLITE": "0", "TWO_AUTH": ":".join(AUTH)}.items():
        monkeypatch.setenv(name, value)


def _cli(workdir: Path, config: str, db: str, *args: str):
    return run_policywatch(*args, "--db", str(workdir / db), "--config", str(workdir / config),
                           env={"POLICYWATCH_POLITE": "0", "TWO_AUTH": ":".join(AUTH)})


@pytest.fixture(scope="module")
def remote(workdir, site):
    """The first cycle through the nodes, then ``diff``."""
    site.log.clear()
    crawl = _cli(workdir, "sources.yml", "central.db", "crawl", *SOURCES, *WINDOW)
    diff = _cli(workdir, "sources.yml", "central.db", "diff")
    return crawl, diff, list(site.log)


@pytest.fixture(scope="module")
def local(workdir):
    """The same crawl on this machine, then ``diff``.

    The e-paper goes first, alone, as on the nodes, where feeds are stored in the order of
    the sources: its copy of the reprint the portal also carries is the original.
    """
    for sources in (SOURCES[:1], SOURCES[1:]):
        result = _cli(workdir, "local.yml", "local.db", "crawl", *sources, *WINDOW)
        assert result.returncode == 0, result.stderr
    result = _cli(workdir, "local.yml", "local.db", "diff")
    assert result.returncode == 0, result.stderr
    return workdir / "local.db"


def _rows(path: Path, table: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")
               if row[1] not in WHEN]
    rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1").fetchall()
    connection.close()
    return rows


def test_first_cycle_runs_on_both_nodes(remote, workdir):
    crawl, diff, _ = remote
    assert crawl.returncode == 0, crawl.stderr
    assert diff.returncode == 0, diff.stderr
    runs = {r["source"]: r for r in open_db(workdir / "central.db")["crawl_runs"].rows}
    assert {r["status"] for r in runs.values()} == {"ok"}
    assert {r["node"] for r in runs.values()} == {"127.0.0.1:" + crawl.stderr.split("127.0.0.1:")[1][:5],
                                                  "two"}
    assert "已提交到节点two" in crawl.stderr


@pytest.mark.parametrize("table", ["articles", "article_urls", "targets", "changes"])
def test_central_database_matches_a_local_crawl(remote, local, workdir, table):
    assert remote[0].returncode == 0, remote[0].stderr
    central = _rows(workdir / "central.db", table)
    assert central, f"{table} is empty"
    assert central == _rows(local, table)


def test_crawl_runs_count_what_the_nodes_did(remote, workdir):
    runs = {r["source"]: r for r in open_db(workdir / "central.db")["crawl_runs"].rows}
    assert {s: (r["new_articles"] + r["duplicates"], r["links"]) for s, r in runs.items()} == {
        "cqrb": (6, 7), "gov": (4, 4), "feed": (3, 3), "recent": (1, 1)}
    assert all(r["pages"] > r["links"] and r["job"].startswith(r["source"] + "-")
               for r in runs.values())


def test_sources_list_shows_the_node(remote, workdir):
    listing = _cli(workdir, "sources.yml", "central.db", "sources", "list")
    assert listing.returncode == 0, listing.stderr
    lines = {line.split()[0]: line for line in listing.stdout.splitlines()[1:]}
    assert "two" in lines["gov"] or "two" in lines["cqrb"] or "two" in lines["feed"]
    assert "127.0.0.1:" in "".join(lines[s] for s in SOURCES)
    assert "未抓取" in lines["slow"]


def test_second_cycle_downloads_no_article_again(remote, workdir, site, cluster_env):
    db = open_db(workdir / "central.db")
    stored = {url.split("/", 3)[3] for (url,) in db.execute(
        "SELECT url FROM articles WHERE is_baseline = 0 UNION SELECT url FROM article_urls")}
    site.log.clear()
    config = load_config(workdir / "sources.yml")
    results = run_crawl(config, SOURCES, str(workdir / "central.db"), dt.date(2025, 8, 15),
                        dt.date(2025, 8, 20))
    assert {r.source: (r.status, r.counts["new_articles"]) for r in results} == {
        "cqrb": ("ok", 0), "gov": ("ok", 0), "feed": ("ok", 0), "recent": ("ok", 0)}
    requested = {entry.path.lstrip("/").split("?")[0] for entry in site.log}
    assert requested and not requested & stored
    assert db["articles"].count == 14 + 2  # and the two baseline documents


def test_a_crawl_killed_on_its_node_leaves_a_cut_off_feed_that_is_not_stored(
        workdir, site, nodes, cluster_env):
    one, _ = nodes
    database = workdir / "cutoff.db"
    site.log.clear()
    results: list = []
    crawl = threading.Thread(target=lambda: results.extend(
        run_crawl(load_config(workdir / "sources.yml"), ["slow"], str(database))))
    crawl.start()
    deadline = time.monotonic() + 60
    while not any(e.path.startswith("/slow/t2025") for e in list(site.log)):
        assert time.monotonic() < deadline and crawl.is_alive(), "the slow job never started"
        time.sleep(0.05)
    [running] = one.get("listjobs.json")["running"]
    os.kill(running["pid"], signal.SIGKILL)
    crawl.join(60)
    [failed] = results
    assert failed.status == "failed" and "物品文件不完整" in failed.errors[0]
    db = open_db(database)
    assert db.execute("SELECT node, status FROM crawl_runs").fetchall() == [
        (one.url.removeprefix("http://"), "failed")]
    assert db["articles"].count == 0


def test_a_job_outliving_the_timeout_is_cancelled_and_fails(workdir, nodes, cluster_env):
    one, _ = nodes
    database = workdir / "timeout.db"
    [result] = run_crawl(load_config(workdir / "timeout.yml"), ["slow"], str(database))
    assert result.status == "failed" and "超过1秒未完成，已取消" in result.errors[0]
    db = open_db(database)
    [(node, job, status)] = db.execute("SELECT node, job, status FROM crawl_runs").fetchall()
    assert (node, status) == (one.url.removeprefix("http://"), "failed")
    assert db["articles"].count == 0
    deadline = time.monotonic() + 30
    while job not in [j["id"] for j in one.get("listjobs.json")["finished"]]:
        assert time.monotonic() < deadline, "the node did not stop the cancelled job"
        time.sleep(0.2)


def test_a_node_stopped_mid_job_fails_the_source_then_the_other_node_crawls_it(
        workdir, site, nodes, cluster_env):
    one, two = nodes
    config = load_config(workdir / "sources.yml")
    database = str(workdir / "central.db")
    site.log.clear()
    results: list = []
    crawl = threading.Thread(target=lambda: results.extend(run_crawl(config, ["slow"], database)))
    crawl.start()
    deadline = time.monotonic() + 60
    while not any(e.path.startswith("/slow/t2025") for e in list(site.log)):
        assert time.monotonic() < deadline and crawl.is_alive(), "the slow job never started"
        time.sleep(0.05)
    one.stop()
    crawl.join(60)
    [failed] = results
    assert failed.status == "failed" and "无法访问" in failed.errors[0]
    db = open_db(database)
    row = db.execute("SELECT node, status FROM crawl_runs WHERE source = 'slow'").fetchall()
    assert row == [(one.url.removeprefix("http://"), "failed")]
    assert db.execute("SELECT healthy FROM sources WHERE name = 'slow'").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM articles WHERE source = 'slow'").fetchone() == (0,)

    [retried] = run_crawl(config, ["slow"], database)
    assert (retried.status, retried.counts["new_articles"]) == ("ok", 3)
    runs = db.execute("SELECT node, status FROM crawl_runs WHERE source = 'slow' ORDER BY id")
    assert runs.fetchall() == [(one.url.removeprefix("http://"), "failed"), ("two", "ok")]
    urls = [u for (u,) in db.execute("SELECT url FROM articles WHERE source = 'slow'")]
    assert len(urls) == len(set(urls)) == 3
    assert db.execute("SELECT count(*) FROM articles WHERE source = 'slow' AND "
                      "(body IS NULL OR title IS NULL OR content_hash IS NULL)").fetchone() == (0,)
    assert db.execute("SELECT healthy FROM sources WHERE name = 'slow'").fetchone() == (1,)
