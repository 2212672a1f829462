"""The counts of a crawl, read from Scrapy's stats (locally, or on a Scrapyd node)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def crawl_counts(stats: Mapping[str, Any]) -> dict[str, int]:
    """Pages, links, articles and problems of a crawl, from its ``policywatch/*`` stats.

    :param stats: a crawler's stats (``crawler.stats.get_stats()``)
    """

    def get(key: str) -> int:
        return int(stats.get(f"policywatch/{key}", 0))

    return {
        "pages": int(stats.get("downloader/response_count", 0)),
        "new_articles": get("new") + get("updated"),
        "duplicates": get("duplicate"),
        "failed": get("errors"),
        "links": get("links"),
        "articles_fetched": get("articles_fetched"),
        "rejected": get("rejected"),
        "listing_pages": get("index_pages"),
        "missing": get("missing"),
        "would_store": get("would_store"),
    }
