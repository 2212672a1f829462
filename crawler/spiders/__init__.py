"""One spider per site family: epaper, listing, feed. Each is built from a ``Source``."""

from __future__ import annotations

from crawler.spiders.epaper import EpaperSpider
from crawler.spiders.feed import FeedSpider
from crawler.spiders.listing import ListingSpider

SPIDERS = {"epaper": EpaperSpider, "listing": ListingSpider, "feed": FeedSpider}

__all__ = ["SPIDERS", "EpaperSpider", "FeedSpider", "ListingSpider"]
