"""Running crawls in-process: one CrawlerProcess, one crawler per source, one crawl_runs row each.

The Twisted reactor cannot be restarted, so :func:`run_crawl` and :func:`check_source` may be
called once per process; the scheduler runs ``policywatch crawl SOURCE`` as a subprocess.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from crawler.dates import date_range
from crawler.health import assess_health
from crawler.spiders import SPIDERS
from crawler.stats import crawl_counts
from policywatch import clock
from policywatch.config import Config, Source
from policywatch.errors import PolicywatchError
from policywatch.store.transactions import retry_busy

Progress = Callable[[str], None]
#: Environment variables that override settings (tests, benchmarks): name → (setting, type).
ENV_SETTINGS = {
    "POLICYWATCH_DOWNLOAD_TIMEOUT": ("DOWNLOAD_TIMEOUT", float),
    "POLICYWATCH_RETRY_TIMES": ("RETRY_TIMES", int),
    "POLICYWATCH_CONCURRENCY": ("CONCURRENT_REQUESTS_PER_DOMAIN", int),
    "POLICYWATCH_LOG_LEVEL": ("LOG_LEVEL", str),
    "POLICYWATCH_HTTPCACHE": ("HTTPCACHE_ENABLED", lambda v: v not in ("0", "false", "no")),
    "POLICYWATCH_STORE_BATCH": ("POLICYWATCH_STORE_BATCH", int),
    "POLICYWATCH_STORE_WAIT": ("POLICYWATCH_STORE_WAIT", float),
}


#: Close reasons of a crawl that ran to its end (``shutdown`` is SIGTERM or Ctrl-C).
COMPLETE = ("finished", "closespider_itemcount")


class CrawlError(PolicywatchError):
    """A crawl cannot start (bad date range, no such source, nothing enabled)."""


@dataclass
class CrawlResult:
    """The outcome of crawling one source."""

    source: str
    status: str
    counts: dict[str, int]
    errors: list[str] = field(default_factory=list)
    note: str = ""
    items: list[dict[str, Any]] = field(default_factory=list)


def env_overrides() -> dict[str, Any]:
    """Settings overridden by ``POLICYWATCH_*`` environment variables (tests, benchmarks)."""
    overrides: dict[str, Any] = {key: kind(os.environ[name])
                                 for name, (key, kind) in ENV_SETTINGS.items() if os.environ.get(name)}
    if os.environ.get("POLICYWATCH_POLITE") == "0":
        overrides.update(AUTOTHROTTLE_ENABLED=False, CONCURRENT_REQUESTS_PER_DOMAIN=16)
    return overrides


def source_settings(source: Source) -> dict[str, Any]:
    """The settings one source's crawl adds: its delay (AutoThrottle starts from it).

    :param source: the source
    """
    if os.environ.get("POLICYWATCH_POLITE") == "0":
        return {"DOWNLOAD_DELAY": 0}
    return {"DOWNLOAD_DELAY": source.delay, "AUTOTHROTTLE_START_DELAY": source.delay}


def crawl_settings(db_path: str | None, dry_run: bool = False) -> Settings:
    """Scrapy settings: crawler/settings.py, the cache next to the database, env overrides.

    :param db_path: the database (None in a dry run)
    :param dry_run: collect items instead of storing them, and keep no cache
    """
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    if db_path:
        settings.set("HTTPCACHE_DIR", str(Path(db_path).resolve().parent / "httpcache"))
        settings.set("POLICYWATCH_DB", str(db_path))
    if dry_run:
        settings.set("HTTPCACHE_ENABLED", False)
        settings.set("POLICYWATCH_DRY_RUN", True)
    for key, value in env_overrides().items():
        settings.set(key, value)
    return settings


def crawl_days(source: Source, since: dt.date | None, until: dt.date | None) -> list[dt.date]:
    """The edition days an e-paper crawl walks: ``since``..``until``, else the last ``backfill_days``.

    :param source: the source
    :param since: first day, or None
    :param until: last day, or None (today)
    """
    until = until or clock.today()
    since = since or until - dt.timedelta(days=source.backfill_days - 1)
    if since > until:
        raise CrawlError(f"--since {since} is after --until {until}")
    return date_range(since, until)


def _spider_class(source: Source) -> type:
    """A per-source subclass carrying the source's delay (AutoThrottle starts from it)."""
    base = SPIDERS[source.kind]
    return type(f"{base.__name__}_{source.name.replace('-', '_')}", (base,),
                {"custom_settings": source_settings(source)})


def _watch(crawler: Crawler, name: str, progress: Progress | None, every: int) -> None:
    def on_response(response: Any, request: Any, spider: Any) -> None:
        pages = crawler.stats.get_value("downloader/response_count", 0)
        if progress and pages and pages % every == 0:
            new = crawler.stats.get_value("policywatch/new", 0)
            progress(f"{name}: 已抓取{pages}页，新文章{new}篇")

    def on_error(failure: Any, response: Any, spider: Any) -> None:
        spider.record_error(f"{response.url}: {failure.type.__name__}: {failure.getErrorMessage()}")

    crawler.signals.connect(on_response, signal=signals.response_received, weak=False)
    crawler.signals.connect(on_error, signal=signals.spider_error, weak=False)


def _counts(crawler: Crawler) -> dict[str, int]:
    return crawl_counts(crawler.stats.get_stats())


def _run(sources: list[Source], settings: Settings, days: dict[str, list[dt.date]],
         db_path: str | None, progress: Progress | None,
         window: tuple[dt.date | None, dt.date | None] = (None, None)) -> list[Crawler]:
    process = CrawlerProcess(settings)
    crawlers = []
    for source in sources:
        crawler = process.create_crawler(_spider_class(source))
        _watch(crawler, source.name, progress, every=int(os.environ.get("POLICYWATCH_PROGRESS_EVERY", "25")))
        process.crawl(crawler, source=source, days=days.get(source.name), db_path=db_path,
                      window=window)
        crawlers.append(crawler)
    process.start()
    return crawlers


def run_crawl(config: Config, names: list[str], db_path: str, since: dt.date | None = None,
              until: dt.date | None = None, progress: Progress | None = None) -> list[CrawlResult]:
    """Crawl sources (all enabled ones when ``names`` is empty) and record runs and health.

    :param config: the sources configuration
    :param names: source names, or empty for every enabled source
    :param db_path: the database
    :param since: first e-paper edition day
    :param until: last e-paper edition day
    :param progress: called with one-line progress messages
    """
    from policywatch.store import open_db
    from policywatch.store.runs import close_abandoned_runs, start_run, sync_sources

    sources = [config.source(name) for name in names] or [s for s in config.sources if s.enabled]
    if not sources:
        raise CrawlError("no enabled source to crawl")
    days = {s.name: crawl_days(s, since, until) for s in sources if s.kind == "epaper"}
    db = open_db(db_path)
    rows = [{"name": s.name, "title": s.title, "kind": s.kind, "enabled": int(s.enabled),
             "schedule": s.schedule, "config": s.model_dump_json()} for s in config.sources]
    retry_busy(partial(sync_sources, db, rows), "sync sources")
    runs = {}
    for source in sources:
        closed = retry_busy(partial(close_abandoned_runs, db, source.name), "close abandoned runs")
        runs[source.name] = retry_busy(partial(start_run, db, source.name), "start run")
        span = days.get(source.name)
        if progress:
            progress(f"{source.name}: 开始抓取" + (f"（{span[-1]}至{span[0]}的版面）" if span else "")
                     + (f"，已关闭{closed}次中断的抓取" if closed else ""))
    if config.scrapyd is not None:
        from crawler.cluster import run_remote

        return run_remote(config, sources, db, runs, days, (since, until), progress)
    crawlers = _run(sources, crawl_settings(db_path), days, db_path, progress, (since, until))
    return [finish_source(db, runs[source.name], source.name, _counts(crawler), _errors(crawler),
                          complete=crawler.stats.get_value("finish_reason") in COMPLETE)
            for source, crawler in zip(sources, crawlers, strict=True)]


def finish_source(db: Any, run_id: int, name: str, counts: dict[str, int], errors: list[str],
                  complete: bool = True) -> CrawlResult:
    """Judge a finished crawl of one source, close its run and record its health.

    :param db: the open database
    :param run_id: the source's crawl_runs row
    :param name: source name
    :param counts: from :func:`crawler.stats.crawl_counts`
    :param errors: the crawl's error messages
    :param complete: whether the crawl ran to its end
    """
    from policywatch.store.runs import finish_run, recent_runs, set_health

    healthy, note = assess_health(counts, recent_runs(db, name))
    status = _verdict(complete, errors, healthy)
    stored = {k: counts[k] for k in ("pages", "new_articles", "duplicates", "failed", "links",
                                     "articles_fetched", "rejected")}
    retry_busy(partial(finish_run, db, run_id, status, stored, errors), "finish run")
    retry_busy(partial(set_health, db, name, healthy, note), "set health")
    return CrawlResult(name, status, counts, errors, note)


def _errors(crawler: Crawler) -> list[str]:
    """The spider's error messages, plus one when the crawl did not run to its end."""
    errors = list(getattr(crawler.spider, "errors", []))
    reason = crawler.stats.get_value("finish_reason")
    if reason not in COMPLETE:
        errors.append(f"抓取未完成（{reason or '没有开始'}）")
    return errors


def _status(crawler: Crawler, errors: list[str], healthy: bool) -> str:
    """The status of a crawl run by ``crawler`` (see :func:`_verdict`)."""
    return _verdict(crawler.stats.get_value("finish_reason") in COMPLETE, errors, healthy)


def _verdict(complete: bool, errors: list[str], healthy: bool) -> str:
    """``interrupted`` (stopped before its end), ``failed`` (errors), ``unhealthy`` or ``ok``."""
    if not complete:
        return "interrupted"
    return "failed" if errors else ("ok" if healthy else "unhealthy")


def check_source(config: Config, name: str, limit: int = 10,
                 log_file: Path | None = None) -> CrawlResult:
    """Dry-run one source: fetch up to ``limit`` articles and return what would be stored.

    Writes nothing but the log: no database, no cache. E-papers look at today's edition.

    :param config: the sources configuration
    :param name: source name
    :param limit: stop after this many articles
    :param log_file: where Scrapy's log (tracebacks included) goes instead of stderr
    """
    source = config.source(name)
    settings = crawl_settings(None, dry_run=True)
    settings.set("CLOSESPIDER_ITEMCOUNT", limit)
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        settings.set("LOG_FILE", str(log_file))
        settings.set("LOG_FILE_APPEND", False)
    days = {name: crawl_days(source, None, None)} if source.kind == "epaper" else {}
    [crawler] = _run([source], settings, days, None, None)
    counts = _counts(crawler)
    errors = _errors(crawler)
    healthy, note = assess_health(counts, [])
    status = _status(crawler, errors, healthy)
    items = list(getattr(crawler, "policywatch_collected", []))[:limit]
    return CrawlResult(name, status, counts, errors, note, items)
