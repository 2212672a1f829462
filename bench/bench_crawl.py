"""Crawl throughput: the full policywatch pipeline beside a bare fetch-only Scrapy spider.

Serves a local listing site of 100 index pages × 20 articles (2,100 pages) on loopback,
crawls it with ``policywatch crawl`` (politeness off: no delay, no AutoThrottle, 16 requests
per domain; extraction, normalising, dedup, SQLite upserts and the HTTP cache on), then with
a spider that only follows links, and prints pages/second for both and their ratio, and the
ratio of pages per CPU second of the two crawl processes (steadier on a shared machine: the
wall-clock ratio moves with whatever else runs).

Run: ``.venv/bin/python bench/bench_crawl.py`` (or ``make bench``).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

INDEX_PAGES = 100
PER_PAGE = 20

SENTENCES = [
    "全市持续推进城市更新行动，今年计划改造城镇老旧小区{n}个，完善社区养老、托育等公共服务设施。",
    "到2027年，全市轨道交通运营里程力争达到{m}公里，中心城区通勤效率进一步提升。",
    "有关负责人表示，将加快补齐基础设施短板，推动公共服务向农村延伸，让群众生活更方便、更舒心。",
]


def build_site(server) -> None:
    """Add the benchmark site's routes to a SiteServer."""
    from tests.sites import html_page

    for page in range(INDEX_PAGES):
        name = "index.html" if page == 0 else f"index_{page}.html"
        links = "".join(f'<li><a href="202508/t20250820_{page * PER_PAGE + i}.html">示例新闻{page * PER_PAGE + i}</a></li>'
                        for i in range(PER_PAGE))
        nxt = f'<a href="index_{page + 1}.html">下一页</a>' if page + 1 < INDEX_PAGES else ""
        server.routes[f"/bench/{name}"] = html_page(f"<html><body><ul>{links}</ul>{nxt}</body></html>")
    for n in range(INDEX_PAGES * PER_PAGE):
        paras = "".join(f"<p>（示例文本）{s.format(n=n, m=500 + n)}</p>" for s in SENTENCES)
        server.routes[f"/bench/202508/t20250820_{n}.html"] = html_page(
            f"<html><head><meta name='PubDate' content='2025-08-20 09:30'><title>示例新闻{n}</title></head>"
            f"<body><h1>示例新闻第{n}号</h1><div class='info'>来源：示例日报</div>"
            f"<div class='view TRS_UEDITOR'>{paras}</div><div class='footer'>版权所有 示例网站</div></body></html>")


def bare_crawl(start: str) -> None:
    """Fetch-only spider: follow every same-site link, extract nothing, store nothing."""
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.linkextractors import LinkExtractor

    class Bare(scrapy.Spider):
        name = "bare"
        start_urls = [start]
        links = LinkExtractor()

        def parse(self, response):
            for link in self.links.extract_links(response):
                yield scrapy.Request(link.url)

    process = CrawlerProcess({"LOG_LEVEL": "ERROR", "ROBOTSTXT_OBEY": True, "CONCURRENT_REQUESTS": 16,
                              "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "DOWNLOAD_DELAY": 0,
                              "TELNETCONSOLE_ENABLED": False})
    crawler = process.create_crawler(Bare)
    process.crawl(crawler)
    process.start()
    print(crawler.stats.get_value("downloader/response_count", 0))


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Run a command: its wall seconds, its CPU seconds (user + system) and its result."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, env={**os.environ, **env})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, result


def main() -> None:
    """Serve the site, run both crawls, print pages/second and the ratio."""
    from policywatch.store import open_db
    from tests.sites import SiteServer

    with SiteServer() as server, tempfile.TemporaryDirectory() as tmp:
        build_site(server)
        config = Path(tmp) / "sources.yml"
        config.write_text(f"""sources:
  - name: bench
    title: 基准测试站点
    kind: listing
    start_urls: ["{server.base}/bench/index.html"]
    article_pattern: 't\\d{{8}}_\\d+\\.html$'
    max_pages: {INDEX_PAGES + 10}
    delay: 0
""", encoding="utf-8")
        db = Path(tmp) / "bench.db"
        program = str(Path(sys.executable).with_name("policywatch"))
        full_time, full_cpu, full = _timed([program, "crawl", "--db", str(db), "--config", str(config)],
                                 {"POLICYWATCH_POLITE": "0", "POLICYWATCH_PROGRESS_EVERY": "100000"})
        if full.returncode != 0:
            sys.exit(f"policywatch crawl failed:\n{full.stderr[-2000:]}")
        run = next(open_db(db)["crawl_runs"].rows)
        full_pages = run["pages"]
        articles = open_db(db)["articles"].count
        bare_time, bare_cpu, bare = _timed([sys.executable, __file__, "--bare", f"{server.base}/bench/index.html"], {})
        if bare.returncode != 0:
            sys.exit(f"bare spider failed:\n{bare.stderr[-2000:]}")
        bare_pages = int(bare.stdout.strip().splitlines()[-1])
    full_rate, bare_rate = full_pages / full_time, bare_pages / bare_time
    print(f"site: {INDEX_PAGES} index pages + {INDEX_PAGES * PER_PAGE} articles on 127.0.0.1, politeness off")
    print(f"policywatch crawl (full pipeline): {full_pages} pages, {articles} articles stored, "
          f"{full_time:.1f} s ({full_cpu:.1f} s CPU), {full_rate:.0f} pages/s")
    print(f"bare fetch-only Scrapy spider:     {bare_pages} pages, {bare_time:.1f} s "
          f"({bare_cpu:.1f} s CPU), {bare_rate:.0f} pages/s")
    print(f"ratio full/bare: {full_rate / bare_rate:.2f} (pages per CPU second: "
          f"{(full_pages / full_cpu) / (bare_pages / bare_cpu):.2f}; goal: 0.8 or more)")

if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--bare":
        bare_crawl(sys.argv[2])
    else:
        main()
