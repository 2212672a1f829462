"""E-papers: date-templated editions of 版面 pages (重庆日报's layout by default).

Each day's edition starts at ``edition_url`` formatted with the date; page navigation leads
to the other 版面 of that day only (no calendar trap); articles are linked from each page's
list and image map. A missing day or page (404) is normal. A piece that ends 下转第N版 is
merged with the piece on page N that starts 上接第M版.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response

from crawler.extraction import Extracted, extract_article
from crawler.spiders.base import REVALIDATE, SourceSpider
from policywatch.normalize import normalize_line

PAGE_LINK = re.compile(r"/(\d{3})/node\.htm$")
DEFAULT_ARTICLE_PATTERN = r"content_[\w-]+\.htm$"


def page_url(url: str, page: int) -> str:
    """The node.htm URL of page ``page`` in the same edition as ``url``.

    :param url: any page or article URL of the edition
    :param page: page number (1 → 001)
    """
    return re.sub(r"/\d{3}/[^/]*$", f"/{page:03d}/node.htm", url)


def page_of(url: str) -> str:
    """The page number (``001``) in an e-paper URL, or an empty string.

    :param url: a page or article URL
    """
    match = re.search(r"/(\d{3})/[^/]*$", url)
    return match.group(1) if match else ""


class EpaperSpider(SourceSpider):
    """Walk the editions of a date range, page by page, and fetch new articles."""

    name = "epaper"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.article_re = re.compile(self.source.article_pattern or DEFAULT_ARTICLE_PATTERN)
        #: 上接 pieces read so far, by canonical URL: merged without fetching them again
        self.pieces: dict[str, Extracted] = {}

    async def start(self) -> AsyncIterator[Any]:
        """Request the first page of each day's edition, newest first."""
        assert self.source.edition_url
        for day in self.days:
            url = self.source.edition_url.format(date=day)
            yield scrapy.Request(url, callback=self.parse_page, errback=self.failed,
                                 headers=REVALIDATE, meta={"missing_ok": True, "day": day})

    def _links(self, response: Response) -> tuple[list[str], list[tuple[str, str]]]:
        text = self.decode(response)
        if text is None:
            return [], []
        selector = scrapy.Selector(text=text)
        pages, articles = [], []
        for node in selector.xpath("//a[@href] | //area[@href]"):
            url = urljoin(response.url, node.attrib["href"].strip())
            label = " ".join(node.xpath(".//text()").getall()).strip() or node.attrib.get("alt", "")
            if PAGE_LINK.search(url) and url.rsplit("/", 2)[0] == response.url.rsplit("/", 2)[0]:
                pages.append(url)
            elif self.article_re.search(url):
                articles.append((url, label))
        return pages, articles

    def parse_page(self, response: Response) -> Iterator[Any]:
        """Follow the other 版面 of the same day and request this page's new articles."""
        self.crawler.stats.inc_value("policywatch/index_pages")
        pages, articles = self._links(response)
        for url in pages:
            yield scrapy.Request(url, callback=self.parse_page, errback=self.failed,
                                 headers=REVALIDATE, meta={"missing_ok": True})
        yield from self.article_requests([url for url, _ in articles], self.parse_article)

    def parse_article(self, response: Response) -> Iterator[Any]:
        """Extract an article; a 下转 piece waits for its continuation, a 上接 piece is kept aside."""
        text = self.decode(response)
        if text is None:
            return
        found = extract_article(text, response.url, self.source.selectors, epaper=True)
        if found.continued_from is not None:
            self.crawler.stats.inc_value("policywatch/continuations")
            self.pieces[self.canonical(response.url)] = found
            return
        if found.continues_to is not None:
            yield scrapy.Request(page_url(response.url, found.continues_to), dont_filter=True,
                                 callback=self.find_continuation, errback=self.continuation_failed,
                                 meta={"head": (response, found)})
            return
        yield self.item(response, found, page=page_of(response.url))

    def find_continuation(self, response: Response) -> Iterator[Any]:
        """On the page named by 下转第N版, try the articles whose title matches first."""
        head_response, head = response.meta["head"]
        _, articles = self._links(response)
        title = normalize_line(head.title)
        ranked = sorted(articles, key=lambda pair: normalize_line(pair[1]) != title)
        candidates = [self.canonical(url) for url, _ in ranked]
        yield from self._next_candidate(head_response, head, list(dict.fromkeys(candidates)))

    def _next_candidate(self, head_response: Response, head: Extracted,
                        candidates: list[str]) -> Iterator[Any]:
        head_page = int(page_of(head_response.url) or 0)
        while candidates and candidates[0] in self.pieces:
            url = candidates.pop(0)
            if self.pieces[url].continued_from == head_page:
                yield self._merged(head_response, head, url, self.pieces[url])
                return
        if not candidates:
            self.crawler.stats.inc_value("policywatch/unmerged")
            self.logger.warning("%s: 下转第%s版 的续文未找到", head_response.url, head.continues_to)
            yield self.item(head_response, head, page=page_of(head_response.url))
            return
        self.skip.add(candidates[0])
        yield scrapy.Request(candidates[0], dont_filter=True, callback=self.merge_continuation,
                             errback=self.continuation_failed,
                             meta={"head": (head_response, head), "candidates": candidates[1:],
                                   "dont_cache": True})

    def merge_continuation(self, response: Response) -> Iterator[Any]:
        """Append the continuation to its head piece, or try the next candidate."""
        head_response, head = response.meta["head"]
        text = self.decode(response)
        piece = extract_article(text, response.url, self.source.selectors, epaper=True) if text else None
        url = self.canonical(response.url)
        if piece is not None and piece.continued_from is not None:
            self.pieces[url] = piece
        if piece is None or piece.continued_from != int(page_of(head_response.url) or 0):
            yield from self._next_candidate(head_response, head, response.meta["candidates"])
            return
        yield self._merged(head_response, head, url, piece)

    def _merged(self, head_response: Response, head: Extracted, url: str, piece: Extracted) -> Any:
        """The head piece with its continuation appended, remembering the continuation's URL."""
        head.body = f"{head.body}\n{piece.body}"
        head.continues_to = None
        self.skip.add(url)
        return self.item(head_response, head, page=page_of(head_response.url), parts=[url])

    def continuation_failed(self, failure: Any) -> Iterator[Any]:
        """The continuation page failed: record it and store the head piece alone."""
        self.failed(failure)
        head_response, head = failure.request.meta["head"]
        yield self.item(head_response, head, page=page_of(head_response.url))
