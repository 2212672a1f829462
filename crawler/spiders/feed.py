"""Feeds: RSS, Atom and sitemaps (including sitemap indexes) listing article URLs."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response

from crawler.dates import parse_date
from crawler.extraction import extract_article
from crawler.spiders.base import REVALIDATE, SourceSpider


class FeedSpider(SourceSpider):
    """Read a feed or sitemap and fetch the articles it lists that are not stored yet."""

    name = "feed"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pattern = self.source.article_pattern
        self.article_re = re.compile(pattern) if pattern else None
        self.feeds = 0

    async def start(self) -> AsyncIterator[Any]:
        """Request the feed URLs (revalidating cached copies)."""
        for url in self.source.start_urls:
            yield scrapy.Request(url, callback=self.parse_feed, errback=self.failed,
                                 headers=REVALIDATE)

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """Collect article links (with feed titles and dates) and nested sitemaps."""
        self.crawler.stats.inc_value("policywatch/index_pages")
        text = self.decode(response)
        if text is None:
            return
        text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
        selector = scrapy.Selector(text=text, type="xml")
        selector.remove_namespaces()
        for loc in selector.xpath("//sitemapindex/sitemap/loc/text()").getall():
            if self.feeds < self.source.max_pages:
                self.feeds += 1
                yield scrapy.Request(urljoin(response.url, loc.strip()), callback=self.parse_feed,
                                     errback=self.failed, headers=REVALIDATE)
        entries: dict[str, dict[str, Any]] = {}
        for node in selector.xpath("//item | //entry | //urlset/url"):
            link = (node.xpath("link/@href").get() or node.xpath("link/text()").get()
                    or node.xpath("loc/text()").get() or "").strip()
            if not link:
                continue
            url = urljoin(response.url, link)
            if self.article_re and not self.article_re.search(url):
                continue
            date = " ".join(node.xpath("pubDate/text() | published/text() | updated/text() | "
                                       "lastmod/text() | date/text()").getall())
            entries[self.canonical(url)] = {
                "fallback_title": " ".join(node.xpath("title//text()").getall()).strip(),
                "fallback_date": parse_date(date) or _rfc822_date(date),
            }
        for request in self.article_requests(entries, self.parse_article):
            request.meta["entry"] = entries.get(request.url, {})
            yield request

    def parse_article(self, response: Response) -> Iterator[Any]:
        """Extract one article page, falling back to the feed's title and date."""
        text = self.decode(response)
        if text is None:
            return
        found = extract_article(text, response.url, self.source.selectors)
        yield self.item(response, found, **response.meta.get("entry", {}))


def _rfc822_date(text: str) -> Any:
    """The date of an RSS pubDate such as ``Wed, 20 Aug 2025 09:30:00 +0800``."""
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text.strip()).date() if text.strip() else None
    except (TypeError, ValueError, IndexError):
        return None
