"""Source health: does a source still yield articles the way it used to?"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

#: A source that used to link at least this many articles per run is expected to link some.
USED_TO_BE_MANY = 5
#: Fetched article pages needed before a rejection rate means anything.
MIN_FETCHED = 3
#: Share of fetched article pages failing the body checks that marks selectors as broken.
MAX_REJECTED_SHARE = 0.5


def assess_health(counts: Mapping[str, int], history: Sequence[Mapping[str, Any]]) -> tuple[bool, str]:
    """Judge a finished crawl: ``(healthy, note)``; the note is Chinese, for ``sources list``.

    Unhealthy when most fetched article pages fail the body checks (selectors no longer
    match the article), when index/edition pages were read but linked no article although
    earlier runs linked many (the link pattern no longer matches), or when no index page
    could be read at all because of errors (the site is down or moved).

    :param counts: this run's ``links``, ``articles_fetched``, ``rejected``, ``listing_pages``,
        ``missing`` (404 editions) and ``failed`` (errors)
    :param history: earlier finished runs of the source (crawl_runs rows), newest first
    """
    fetched, rejected = counts.get("articles_fetched", 0), counts.get("rejected", 0)
    if fetched >= MIN_FETCHED and rejected / fetched >= MAX_REJECTED_SHARE:
        return False, f"{fetched}篇文章页中{rejected}篇正文未通过检查，选择器可能已失效"
    earlier = [row.get("links") or 0 for row in history if row.get("links") is not None][:5]
    if counts.get("links", 0) == 0 and counts.get("listing_pages", 0) > 0 and earlier:
        average = sum(earlier) / len(earlier)
        if average >= USED_TO_BE_MANY:
            return False, f"本次没有找到文章链接（此前平均每次{average:.0f}条），链接规则可能已失效"
    if counts.get("listing_pages", 0) == 0 and counts.get("missing", 0) == 0:
        if counts.get("failed", 0):
            return False, "目录页无法访问（见本次抓取的错误）"
        return True, "没有读到目录页"
    return True, f"正常：找到{counts.get('links', 0)}条文章链接"
