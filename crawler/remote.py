"""A crawl inside a Scrapyd job: the deployed sources, the job's arguments, the closing summary.

The egg (:mod:`crawler.egg`) carries the sources as ``crawler/sources.yml``; the job names one
of them and brings the rest (:mod:`crawler.job`). The spider has no database: its articles go
to the job's item feed, whose last line is a :class:`~crawler.items.JobSummary`. A feed without
that line was cut off (the job was killed or its node went down).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.settings import BaseSettings

from crawler.items import JobSummary
from crawler.job import read_job
from crawler.stats import crawl_counts
from policywatch.config import Config, parse_config

#: Where the egg keeps the sources, inside the ``crawler`` package.
DEPLOYED_SOURCES = "sources.yml"


def deployed_config() -> Config:
    """The sources deployed with the egg."""
    text = resources.files("crawler").joinpath(DEPLOYED_SOURCES).read_text(encoding="utf-8")
    return parse_config(text, "sources.yml (deployed)")


def settle_node_settings(settings: BaseSettings) -> None:
    """In a job, keep the HTTP cache under the node's working folder.

    Scrapy resolves a relative ``HTTPCACHE_DIR`` only inside a scrapy.cfg project, which an
    egg is not.

    :param settings: the crawl's settings, not yet frozen
    """
    if settings.getbool("POLICYWATCH_REMOTE") and not Path(settings["HTTPCACHE_DIR"]).is_absolute():
        settings.set("HTTPCACHE_DIR", str(Path.cwd() / settings["HTTPCACHE_DIR"]), priority="spider")


def is_job(arguments: dict[str, Any]) -> bool:
    """Whether spider arguments come from a Scrapyd job (see :func:`crawler.job.job_arguments`).

    :param arguments: the spider's keyword arguments
    """
    return "known_parts" in arguments


def spider_arguments(arguments: dict[str, str]) -> dict[str, Any]:
    """The spider's constructor arguments for a job: the deployed source, days, window, known URLs.

    :param arguments: the job's spider arguments (strings)
    """
    job = read_job(arguments)
    rest = {key: value for key, value in arguments.items()
            if key not in ("source", "days", "window") and not key.startswith("known")}
    return {**rest, "source": deployed_config().source(job.source), "days": job.days,
            "window": job.window, "known": set(job.known)}


def send_summary_when_idle(spider: Spider) -> None:
    """Export a :class:`JobSummary` to the feed once the spider has nothing left to do.

    :param spider: a policywatch spider running in a Scrapyd job
    """
    crawler = spider.crawler
    sent: list[bool] = []

    def on_idle() -> None:
        if sent:
            return
        sent.append(True)
        summary = JobSummary(crawl_counts(crawler.stats.get_stats()), list(spider.errors))
        crawler.signals.send_catch_log(signals.item_scraped, item=summary, response=None,
                                       spider=spider)

    crawler.signals.connect(on_idle, signal=signals.spider_idle, weak=False)
