"""Item pipelines, one job each: normalise → check → tag → deduplicate → store."""

from __future__ import annotations

import re
import sqlite3
from functools import partial
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from crawler.extraction import check_body
from crawler.items import ArticleItem
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


def store_article(db: Any, item: ArticleItem) -> str:
    """Upsert one article and its e-paper continuation URLs in one transaction; its status.

    :param db: the open database
    :param item: a normalised, checked article
    :return: ``new``, ``updated``, ``unchanged`` or ``duplicate``
    """
    from policywatch.store.articles import upsert_article
    from policywatch.store.crawls import add_aliases

    with db.atomic():
        ident, status = upsert_article(db, item.to_row())
        if item.parts:
            add_aliases(db, ident, item.parts)
    return status


class StorePipeline:
    """Store each article atomically with ``upsert_article`` (or collect it in a dry run).

    Not used in a Scrapyd job (``POLICYWATCH_REMOTE``): there the job's item feed carries the
    articles to the central database, which stores them with :func:`store_article`.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.db_path = crawler.settings.get("POLICYWATCH_DB")
        self.dry_run = crawler.settings.getbool("POLICYWATCH_DRY_RUN")
        self.collected: list[dict[str, Any]] = []
        self.db: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        """Build from the crawler's settings (database path, dry run)."""
        if crawler.settings.getbool("POLICYWATCH_REMOTE"):
            raise NotConfigured("a Scrapyd job has no database: its items go to the job's feed")
        pipeline = cls(crawler)
        crawler.policywatch_collected = pipeline.collected  # type: ignore[attr-defined]
        return pipeline

    def open_spider(self) -> None:
        """Open the database (not in a dry run)."""
        if not self.dry_run:
            from policywatch.store import open_db

            self.db = open_db(self.db_path)

    def close_spider(self) -> None:
        """Close the database."""
        if self.db is not None:
            self.db.close()

    def process_item(self, item: ArticleItem) -> ArticleItem:
        """Upsert the article and count its status (new, updated, unchanged, duplicate).

        A busy database is retried; an article that still cannot be stored is a failure of
        the crawl (counted, and fetched again by the next crawl since it is not stored).
        """
        if self.dry_run:
            self.collected.append({**item.to_row(), "parts": item.parts})
            self.stats.inc_value("policywatch/would_store")
            return item
        from policywatch.store.transactions import retry_busy

        try:
            status = retry_busy(partial(store_article, self.db, item), f"store {item.url}")
        except sqlite3.Error as error:
            self.crawler.spider.record_error(f"{item.url}: not stored: {error}")
            raise DropItem(f"{item.url}: not stored: {error}") from None
        self.stats.inc_value(f"policywatch/{status}")
        return item
