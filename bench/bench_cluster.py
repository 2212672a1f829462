"""Crawl throughput through two Scrapyd nodes beside one local crawl of the same site.

Serves a loopback site of four listing sections (25 index pages × 20 articles each, 2,100
pages), crawls it with ``policywatch crawl`` on this machine, then with the same command and a
``scrapyd:`` section naming two real Scrapyd daemons on loopback (two jobs on each; the egg is
uploaded beforehand and timed apart). Politeness is off (no delay, no AutoThrottle, 16
requests per domain). Prints pages a second for both, from the wall time of the command.

Both nodes run on this machine, so the figure weighs the cost of going through Scrapyd (job
start-up, feeds, storing centrally) against the gain of four crawl processes instead of one
(extraction is CPU-bound Python); it says nothing about more machines.

Run: ``.venv/bin/python bench/bench_cluster.py`` (or ``make bench``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECTIONS = 4
INDEX_PAGES = 25
PER_PAGE = 20
PARAGRAPHS = [
    "全市持续推进城市更新行动，今年计划改造城镇老旧小区{n}个，完善社区养老、托育等公共服务设施。",
    "到2027年，全市轨道交通运营里程力争达到{m}公里，中心城区通勤效率进一步提升。",
    "有关负责人表示，将加快补齐基础设施短板，推动公共服务向农村延伸，让群众生活更方便、更舒心。",
]


def build_site(server) -> None:
    """Add four listing sections (/s0/ … /s3/) to a SiteServer."""
    from tests.sites import html_page

    for section in range(SECTIONS):
        for page in range(INDEX_PAGES):
            name = "index.html" if page == 0 else f"index_{page}.html"
            numbers = range(page * PER_PAGE, (page + 1) * PER_PAGE)
            links = "".join(f'<li><a href="t20250820_{n}.html">示例新闻{section}-{n}</a></li>'
                            for n in numbers)
            nxt = f'<a href="index_{page + 1}.html">下一页</a>' if page + 1 < INDEX_PAGES else ""
            server.routes[f"/s{section}/{name}"] = html_page(
                f"<html><body><ul>{links}</ul>{nxt}</body></html>")
        for n in range(INDEX_PAGES * PER_PAGE):
            paras = "".join(f"<p>（示例文本）{p.format(n=n, m=500 + n)}</p>" for p in PARAGRAPHS)
            server.routes[f"/s{section}/t20250820_{n}.html"] = html_page(
                f"<html><head><meta name='PubDate' content='2025-08-20 09:30'>"
                f"<title>示例新闻{section}-{n}</title></head><body><h1>示例新闻第{section}-{n}号</h1>"
                f"<div class='view TRS_UEDITOR'>{paras}</div></body></html>")


def sources_yaml(base: str) -> str:
    """One listing source per section."""
    blocks = "".join(f"""  - name: s{section}
    title: 基准测试栏目{section}
    kind: listing
    start_urls: ["{base}/s{section}/index.html"]
    article_pattern: 't\\d{{8}}_\\d+\\.html$'
    max_pages: {INDEX_PAGES + 5}
    delay: 0
""" for section in range(SECTIONS))
    return "sources:\n" + blocks


def crawl(db: Path, config: Path, env: dict[str, str]) -> tuple[float, int, int]:
    """Run ``policywatch crawl``; its wall time, pages fetched and articles stored."""
    from policywatch.store import open_db

    program = str(Path(sys.executable).with_name("policywatch"))
    started = time.perf_counter()
    result = subprocess.run([program, "crawl", "--db", str(db), "--config", str(config)],
                            capture_output=True, text=True,
                            env={**os.environ, "POLICYWATCH_POLITE": "0",
                                 "POLICYWATCH_PROGRESS_EVERY": "100000", **env})
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"policywatch crawl failed:\n{result.stderr[-3000:]}")
    database = open_db(db)
    pages = sum(row["pages"] for row in database["crawl_runs"].rows)
    return elapsed, pages, database["articles"].count


def main() -> None:
    """Serve the site, crawl it locally and through two nodes, print pages/second."""
    from crawler.egg import build_egg
    from crawler.nodes import call
    from policywatch.config import load_config
    from tests.scrapyd_nodes import ScrapydNode
    from tests.sites import SiteServer

    with SiteServer() as server, tempfile.TemporaryDirectory() as tmp:
        build_site(server)
        folder = Path(tmp)
        local = folder / "local.yml"
        local.write_text(sources_yaml(server.base), encoding="utf-8")
        local_time, local_pages, local_articles = crawl(folder / "local.db", local, {})
        with ScrapydNode(folder / "one") as one, ScrapydNode(folder / "two") as two:
            remote = folder / "sources.yml"
            remote.write_text(sources_yaml(server.base) + f"scrapyd:\n  nodes: [{one.url}, {two.url}]\n"
                              "  poll: 0.2\n", encoding="utf-8")
            config = load_config(remote)
            assert config.scrapyd is not None
            egg = build_egg(config)
            started = time.perf_counter()
            for node in config.scrapyd.nodes:
                call(node, "addversion.json", {"project": "policywatch", "version": egg.version},
                     files={"egg": egg.data})
            deploy_time = time.perf_counter() - started
            remote_time, remote_pages, remote_articles = crawl(folder / "remote.db", remote, {})
    print(f"site: {SECTIONS} sources × ({INDEX_PAGES} index pages + {INDEX_PAGES * PER_PAGE} "
          f"articles) on 127.0.0.1, politeness off, {os.cpu_count()} cores")
    print(f"local crawl (one process):     {local_pages} pages, {local_articles} articles, "
          f"{local_time:.1f} s, {local_pages / local_time:.0f} pages/s")
    print(f"two Scrapyd nodes (4 jobs):    {remote_pages} pages, {remote_articles} articles, "
          f"{remote_time:.1f} s, {remote_pages / remote_time:.0f} pages/s "
          f"(egg upload to both nodes before: {deploy_time:.1f} s)")
    print(f"ratio nodes/local: {(remote_pages / remote_time) / (local_pages / local_time):.2f}")


if __name__ == "__main__":
    main()
