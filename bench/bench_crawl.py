"""Crawl throughput: the full policywatch pipeline beside a bare fetch-only Scrapy spider.

Serves a local listing site of 100 index pages × 20 articles (2,100 pages) on loopback,
crawls it with ``policywatch crawl`` (politeness off: no delay, no AutoThrottle, 16 requests
per domain; extraction, normalising, dedup, SQLite upserts and the HTTP cache on), then with
a spider that only follows links, and prints pages/second for both and their ratio, and the
ratio of pages per CPU second of the two crawl processes. The two crawls take turns
``--repeat`` times (default 5) and the ranges are printed: on a shared machine a single
wall-clock ratio moves with whatever else runs. Each full crawl must have stored, counted
and made searchable every article, or the benchmark fails.

Run: ``.venv/bin/python bench/bench_crawl.py [--repeat N]`` (or ``make bench``).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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


@dataclass
class Timing:
    """One crawl: pages fetched, wall seconds, CPU seconds of its process."""

    pages: int
    wall: float
    cpu: float

    @property
    def rate(self) -> float:
        """Pages per wall-clock second."""
        return self.pages / self.wall

    @property
    def cpu_rate(self) -> float:
        """Pages per CPU second."""
        return self.pages / self.cpu


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Run a command: its wall seconds, its CPU seconds (user + system) and its result."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, env={**os.environ, **env})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, result


def full_crawl(config: Path, db: Path) -> Timing:
    """``policywatch crawl`` of the site into a new database; checks that search finds every article."""
    from policywatch.search import phrase_query
    from policywatch.store import open_db

    program = str(Path(sys.executable).with_name("policywatch"))
    wall, cpu, result = _timed([program, "crawl", "--db", str(db), "--config", str(config)],
                               {"POLICYWATCH_POLITE": "0", "POLICYWATCH_PROGRESS_EVERY": "100000"})
    if result.returncode != 0:
        sys.exit(f"policywatch crawl failed:\n{result.stderr[-2000:]}")
    database = open_db(db)
    run = next(database["crawl_runs"].rows)
    stored = database.execute("SELECT count(*) FROM articles").fetchone()[0]
    found = database.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                             [phrase_query("示例新闻")]).fetchone()[0]
    database.close()
    if not stored == found == run["new_articles"] == INDEX_PAGES * PER_PAGE:
        sys.exit(f"stored {stored} articles, search found {found}, the run counted {run['new_articles']}")
    return Timing(run["pages"], wall, cpu)


def bare_timing(start: str) -> Timing:
    """The bare spider's crawl of the site, in a subprocess."""
    wall, cpu, result = _timed([sys.executable, __file__, "--bare", start], {})
    if result.returncode != 0:
        sys.exit(f"bare spider failed:\n{result.stderr[-2000:]}")
    return Timing(int(result.stdout.strip().splitlines()[-1]), wall, cpu)


def _span(values: list[float]) -> str:
    return f"{min(values):.2f}–{max(values):.2f} (median {statistics.median(values):.2f})"


def main(repeats: int) -> None:
    """Serve the site, run both crawls ``repeats`` times in turn, print pages/second and ratios."""
    from tests.sites import SiteServer

    print(f"site: {INDEX_PAGES} index pages + {INDEX_PAGES * PER_PAGE} articles on 127.0.0.1, "
          f"politeness off; load average {os.getloadavg()[0]:.2f}")
    fulls: list[Timing] = []
    bares: list[Timing] = []
    with SiteServer() as server:
        build_site(server)
        start = f"{server.base}/bench/index.html"
        for number in range(1, repeats + 1):
            with tempfile.TemporaryDirectory() as tmp:
                config = Path(tmp) / "sources.yml"
                config.write_text(f"""sources:
  - name: bench
    title: 基准测试站点
    kind: listing
    start_urls: ["{start}"]
    article_pattern: 't\\d{{8}}_\\d+\\.html$'
    max_pages: {INDEX_PAGES + 10}
    delay: 0
""", encoding="utf-8")
                full = full_crawl(config, Path(tmp) / "bench.db")
            bare = bare_timing(start)
            fulls.append(full)
            bares.append(bare)
            print(f"run {number}: policywatch crawl {full.pages} pages in {full.wall:.1f} s ({full.cpu:.1f} s CPU), "
                  f"{full.rate:.0f} pages/s; bare spider {bare.pages} pages in {bare.wall:.1f} s "
                  f"({bare.cpu:.1f} s CPU), {bare.rate:.0f} pages/s; ratio {full.rate / bare.rate:.2f}, "
                  f"per CPU second {full.cpu_rate / bare.cpu_rate:.2f}; load {os.getloadavg()[0]:.2f}")
    best_full, best_bare = max(t.rate for t in fulls), max(t.rate for t in bares)
    print(f"policywatch crawl (full pipeline, every article stored and found by search): "
          f"{min(t.rate for t in fulls):.0f}–{best_full:.0f} pages/s")
    print(f"bare fetch-only Scrapy spider: {min(t.rate for t in bares):.0f}–{best_bare:.0f} pages/s")
    print(f"ratio full/bare per run: {_span([f.rate / b.rate for f, b in zip(fulls, bares, strict=True)])}; "
          f"best against best: {best_full / best_bare:.2f}")
    print(f"pages per CPU second, full/bare per run: "
          f"{_span([f.cpu_rate / b.cpu_rate for f, b in zip(fulls, bares, strict=True)])} (goal: 0.8 or more)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--bare":
        bare_crawl(sys.argv[2])
    else:
        parser = argparse.ArgumentParser(description="Crawl throughput: full pipeline against a bare spider.")
        parser.add_argument("--repeat", type=int, default=5, help="runs of each crawl, in turn (default 5)")
        main(parser.parse_args().repeat)
