"""Reading a Scrapyd job's item feed (JSON lines) and storing it in one transaction.

A feed is whole only when every line is a JSON object and the last one is the job's
:class:`~crawler.items.JobSummary`; anything else (a killed job, a node that went down, a
truncated download) is a :class:`FeedError` and nothing of it is stored.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from crawler.items import ArticleItem, JobSummary
from crawler.writer import store_article
from policywatch.errors import PolicywatchError


class FeedError(PolicywatchError):
    """A job's item feed is cut off or not what a policywatch spider writes."""


@dataclass
class Feed:
    """The articles of a whole feed and the job's summary."""

    articles: list[ArticleItem]
    summary: JobSummary


def read_feed(data: bytes) -> Feed:
    """Parse a job's JSON-lines feed, refusing one that is cut off.

    :param data: the feed's bytes
    """
    try:
        lines = data.decode("utf-8").splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
    except (UnicodeDecodeError, ValueError):
        raise FeedError("物品文件不完整：最后一行被截断（作业被中断）") from None
    if not all(isinstance(record, dict) for record in records):
        raise FeedError("物品文件中有无法识别的记录：不是JSON对象")
    if any(record.get("record") == "summary" for record in records[:-1]):
        raise FeedError("物品文件有误：结束记录之后还有记录")
    if not records or records[-1].get("record") != "summary":
        raise FeedError(f"物品文件不完整：{len(records)}条记录之后没有结束记录（作业被中断）")
    try:
        summary = JobSummary(**records[-1])
        articles = [ArticleItem(**record) for record in records[:-1]]
    except TypeError as error:
        raise FeedError(f"物品文件中有无法识别的记录：{error}") from None
    return Feed(articles, summary)


def store_feed(db: Any, feed: Feed) -> Counter[str]:
    """Store a feed's articles in one transaction; how many were new, updated, unchanged ….

    Inside the caller's transaction when there is one (the run is closed in the same one).

    :param db: the open database
    :param feed: from :func:`read_feed`
    """
    statuses: Counter[str] = Counter()
    with db.atomic():
        for item in feed.articles:
            statuses[store_article(db, item)] += 1
    return statuses
