"""Listing sites: index pages with pagination (index.html, index_1.html …) and article links."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response

from crawler.extraction import extract_article
from crawler.spiders.base import REVALIDATE, SourceSpider

#: Pagination links of index pages when the source gives no ``page_pattern``.
DEFAULT_PAGE_PATTERN = r"(?:^|/)index(?:_\d+)?\.s?html?$"


class ListingSpider(SourceSpider):
    """Follow a source's index pages (up to ``max_pages``) and fetch new article links."""

    name = "listing"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.article_re = re.compile(self.source.article_pattern or r"\.s?html?$")
        self.page_re = re.compile(self.source.page_pattern or DEFAULT_PAGE_PATTERN)
        self.index_pages: set[str] = set()

    async def start(self) -> AsyncIterator[Any]:
        """Request the start URLs (revalidating cached copies)."""
        for url in self.source.start_urls:
            self.index_pages.add(self.canonical(url))
            yield scrapy.Request(url, callback=self.parse_index, errback=self.failed,
                                 headers=REVALIDATE)

    def parse_index(self, response: Response) -> Iterator[Any]:
        """Follow pagination, then request the article links not stored yet."""
        self.crawler.stats.inc_value("policywatch/index_pages")
        text = self.decode(response)
        if text is None:
            return
        selector = scrapy.Selector(text=text)
        hrefs = [urljoin(response.url, h.strip()) for h in selector.css("a::attr(href)").getall()
                 if h.strip() and not h.strip().lower().startswith(("javascript:", "mailto:", "#"))]
        articles = [u for u in hrefs if self.article_re.search(u.split("?")[0])
                    and not self.page_re.search(u.split("?")[0])]
        yield from self.article_requests(articles, self.parse_article)
        for url in hrefs:
            page = self.canonical(url)
            if (self.page_re.search(page.split("?")[0]) and page not in self.index_pages
                    and len(self.index_pages) < self.source.max_pages):
                self.index_pages.add(page)
                yield scrapy.Request(page, callback=self.parse_index, errback=self.failed,
                                     headers=REVALIDATE)

    def parse_article(self, response: Response) -> Iterator[Any]:
        """Extract one article page."""
        text = self.decode(response)
        if text is None:
            return
        found = extract_article(text, response.url, self.source.selectors)
        yield self.item(response, found)
