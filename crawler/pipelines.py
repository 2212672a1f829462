"""Item pipelines, one job each: normalise → check → tag → deduplicate → store."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from crawler.extraction import check_body
from crawler.items import ArticleItem
from crawler.writer import BatchWriter
from policywatch.normalize import normalize_line, normalize_text


class NormalizePipeline:
    """Normalise title, subtitle and body with the core's normaliser."""

    def process_item(self, item: ArticleItem) -> ArticleItem:
        """Normalise one item in place."""
        item.title = normalize_line(item.title)
        item.subtitle = "\n".join(normalize_line(line) for line in item.subtitle.splitlines() if line.strip())
        item.author = normalize_line(item.author)
        item.origin = normalize_line(item.origin)
        item.body = normalize_text(item.body)
        return item


class CheckPipeline:
    """Drop items whose body fails the article checks (and count them for source health)."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CheckPipeline:
        """Build from the crawler (for its stats)."""
        return cls(crawler)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        """Raise DropItem for a missing title or a body that is not an article."""
        reason = "没有标题" if not item.title else check_body(item.body)
        if reason:
            self.stats.inc_value("policywatch/rejected")
            raise DropItem(f"{item.url}: {reason}")
        return item


class TagPipeline:
    """Tag articles whose title matches the source's ``include`` pattern (e.g. plenary)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TagPipeline:
        """Build from the crawler (its spider carries the source)."""
        return cls(crawler)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        """Set ``tags`` and ``is_plenary`` from the include pattern."""
        include = getattr(self.crawler.spider, "source", None)
        pattern = include.include if include is not None else None
        if pattern and re.search(pattern, f"{item.title}\n{item.subtitle}"):
            item.is_plenary = True
            if "plenary" not in item.tags:
                item.tags.append("plenary")
        return item


class DeduplicatePipeline:
    """Drop an item already seen in this crawl, by URL or by body."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def process_item(self, item: ArticleItem) -> ArticleItem:
        """Raise DropItem for a repeat within the crawl."""
        body_key = "body:" + "".join(item.body.split())
        if item.url in self.seen or body_key in self.seen:
            raise DropItem(f"{item.url}: already seen in this crawl")
        self.seen.update((item.url, body_key))
        return item


class StorePipeline:
    """Store articles in batches with a :class:`~crawler.writer.BatchWriter` (or collect them
    in a dry run); an article leaves the pipeline once its batch has committed.

    Not used in a Scrapyd job (``POLICYWATCH_REMOTE``): there the job's item feed carries the
    articles to the central database, which stores them with :func:`crawler.writer.store_article`.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.db_path = crawler.settings.get("POLICYWATCH_DB")
        self.dry_run = crawler.settings.getbool("POLICYWATCH_DRY_RUN")
        self.batch_size = crawler.settings.getint("POLICYWATCH_STORE_BATCH")
        self.batch_wait = crawler.settings.getfloat("POLICYWATCH_STORE_WAIT")
        self.collected: list[dict[str, Any]] = []
        self.writer: BatchWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        """Build from the crawler's settings (database path, dry run)."""
        if crawler.settings.getbool("POLICYWATCH_REMOTE"):
            raise NotConfigured("a Scrapyd job has no database: its items go to the job's feed")
        pipeline = cls(crawler)
        crawler.policywatch_collected = pipeline.collected  # type: ignore[attr-defined]
        return pipeline

    def open_spider(self) -> None:
        """Open the database and its writer (not in a dry run)."""
        if not self.dry_run:
            from policywatch.store import open_db

            self.writer = BatchWriter(open_db(self.db_path), self.batch_size, self.batch_wait,
                                      quiet=self.nothing_downloading)

    def nothing_downloading(self) -> bool:
        """Whether no request is being downloaded or waiting its turn in the downloader (the
        engine keeps it filled while the scheduler holds more): no other article is coming soon."""
        return not self.crawler.engine.downloader.active

    async def close_spider(self) -> None:
        """Store the articles still waiting for their batch, then close the database."""
        if self.writer is not None:
            await self.writer.close()

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        """Upsert the article with its batch and count its status (new, updated, unchanged,
        duplicate) once the batch has committed.

        A busy database is retried; an article that still cannot be stored is a failure of
        the crawl (counted, and fetched again by the next crawl since it is not stored).
        """
        if self.writer is None:
            self.collected.append({**item.to_row(), "parts": item.parts})
            self.stats.inc_value("policywatch/would_store")
            return item
        try:
            status = await self.writer.store(item)
        except sqlite3.Error as error:
            self.crawler.spider.record_error(f"{item.url}: not stored: {error}")
            raise DropItem(f"{item.url}: not stored: {error}") from None
        self.stats.inc_value(f"policywatch/{status}")
        return item
