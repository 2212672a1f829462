"""What every policywatch spider shares: the source, known-URL checks, decoding, errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, Self

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.dates import date_from_url
from crawler.encoding import EncodingError, decode_page
from crawler.extraction import Extracted
from crawler.items import ArticleItem
from crawler.urls import canonical_url, host_of, scheme_of, source_domains
from policywatch import clock
from policywatch.config import Source

#: Revalidate index and edition pages with the cache's validators (If-None-Match / -Modified-Since).
REVALIDATE = {"Cache-Control": "max-age=0"}


class SourceSpider(scrapy.Spider):
    """Base spider built from one ``Source`` of sources.yml."""

    name = "policywatch"

    def __init__(self, source: Source, days: list[dt.date] | None = None,
                 db_path: str | None = None,
                 window: tuple[dt.date | None, dt.date | None] = (None, None),
                 known: set[str] | None = None, **kwargs: Any) -> None:
        super().__init__(name=source.name, **kwargs)
        self.source = source
        self.days = days or []
        #: --since/--until: article URLs dated outside this window are not fetched
        self.window = window
        self.db_path = db_path
        #: in a Scrapyd job: the stored URLs it brought along (there is no database)
        self.known_urls = known
        self.errors: list[str] = []
        seeds = source.start_urls or [source.edition_url or ""]
        self.scheme = scheme_of(seeds[0])
        self.allowed_domains = source_domains(source)
        self._db: Any = None
        self.linked: set[str] = set()
        #: URLs fetched another way (e-paper continuations) that need no request of their own
        self.skip: set[str] = set()

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """Apply the spider's settings, and a node's own in a Scrapyd job."""
        from crawler.remote import settle_node_settings

        super().update_settings(settings)
        settle_node_settings(settings)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        """Build the spider; in a Scrapyd job, from the job's arguments (:mod:`crawler.remote`)."""
        from crawler import remote

        if not remote.is_job(kwargs):
            return super().from_crawler(crawler, *args, **kwargs)
        spider = super().from_crawler(crawler, *args, **remote.spider_arguments(kwargs))
        remote.send_summary_when_idle(spider)
        return spider

    # -- known URLs -------------------------------------------------------------------------

    def known(self, urls: Iterable[str]) -> set[str]:
        """Which canonical URLs are already stored (none in a dry run without a database)."""
        if self.known_urls is not None:
            return {url for url in urls if url in self.known_urls}
        if not self.db_path:
            return set()
        if self._db is None:
            from policywatch.store import open_db

            self._db = open_db(self.db_path)
        from policywatch.store.crawls import known_urls

        return known_urls(self._db, urls)

    def closed(self, reason: str) -> None:
        """Close the read connection."""
        if self._db is not None:
            self._db.close()

    def allowed(self, url: str) -> bool:
        """Whether a URL is on one of the source's domains (off-domain links are never followed)."""
        host = host_of(url)
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def in_window(self, url: str) -> bool:
        """False for an article URL dated (t20250820_, /2025-08/20/) outside --since/--until."""
        since, until = self.window
        day = date_from_url(url) if since or until else None
        return day is None or ((since is None or day >= since) and (until is None or day <= until))

    def canonical(self, url: str) -> str:
        """The canonical form of a URL, in this source's scheme."""
        return canonical_url(url, self.scheme)

    def article_requests(self, urls: Iterable[str], callback: Any,
                         meta: dict[str, Any] | None = None) -> Iterator[scrapy.Request]:
        """Requests for the article URLs not stored yet (counting every link found)."""
        wanted = [url for url in dict.fromkeys(self.canonical(u) for u in urls)
                  if self.allowed(url) and url not in self.linked and self.in_window(url)]
        self.linked.update(wanted)
        self.crawler.stats.inc_value("policywatch/links", len(wanted))
        known = self.known(wanted)
        self.crawler.stats.inc_value("policywatch/known", len(known))
        for url in wanted:
            if url not in known and url not in self.skip:
                # dont_filter: a redirect back to an already seen URL (a loop) must reach
                # REDIRECT_MAX_TIMES and be reported, not be dropped silently by the dupefilter.
                yield scrapy.Request(url, callback=callback, errback=self.failed, dont_filter=True,
                                     meta={"dont_cache": True, **(meta or {})})

    # -- pages ----------------------------------------------------------------------------

    def decode(self, response: Response) -> str | None:
        """The decoded page, or None (error recorded) when it cannot be decoded cleanly."""
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        try:
            text, _ = decode_page(response.body, content_type)
        except EncodingError as error:
            self.record_error(f"{response.url}: {error}")
            return None
        return text

    def record_error(self, message: str) -> None:
        """Remember an error for the crawl_runs row and log it."""
        self.errors.append(message)
        self.crawler.stats.inc_value("policywatch/errors")
        self.logger.warning(message)

    def failed(self, failure: Failure) -> None:
        """Errback: record a failed request (HTTP error, timeout, redirect loop, too large)."""
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(HttpError):
            status = failure.value.response.status
            if status == 404 and request.meta.get("missing_ok"):
                self.crawler.stats.inc_value("policywatch/missing")
                return
            self.record_error(f"{request.url}: HTTP {status}")
            return
        message = failure.getErrorMessage() or failure.type.__name__
        if failure.check(IgnoreRequest) and ("robots.txt" in message or "offsite" in message):
            self.crawler.stats.inc_value("policywatch/skipped")
            return
        self.record_error(f"{request.url}: {failure.type.__name__}: {message}")

    def item(self, response: Response, found: Extracted, **extra: Any) -> ArticleItem:
        """An item for an extracted article page."""
        self.crawler.stats.inc_value("policywatch/articles_fetched")
        published = found.published or extra.pop("fallback_date", None)
        if published is None:
            # No date anywhere (page, feed, URL): the day it was first seen stands in.
            self.crawler.stats.inc_value("policywatch/undated")
            self.logger.info("%s: no publication date found, using today's", response.url)
            published = clock.today()
        subtitle = "\n".join(
            part for part in (f"引题：{found.pretitle}" if found.pretitle else "",
                              f"副题：{found.subtitle}" if found.subtitle else "") if part
        )
        etag = response.headers.get(b"ETag")
        modified = response.headers.get(b"Last-Modified")
        return ArticleItem(
            url=self.canonical(response.url),
            source=self.source.name,
            title=found.title or extra.pop("fallback_title", "") or "",
            body=found.body,
            published=published.isoformat() if published else None,
            subtitle=subtitle,
            author=found.author,
            origin=found.origin,
            etag=etag.decode("latin-1") if etag else None,
            last_modified=modified.decode("latin-1") if modified else None,
            **{k: v for k, v in extra.items() if k in ("page", "parts")},
        )
