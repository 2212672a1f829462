"""What the crawler reads and writes besides articles: known URLs, aliases, source listings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from sqlite_utils import Database

from policywatch.store.articles import stored_urls
from policywatch.store.problems import problem_counts


def add_aliases(db: Database, article_id: str, urls: Iterable[str]) -> None:
    """Record other URLs whose text is part of an article (e-paper continuations).

    :param article_id: the article they belong to
    :param urls: canonical URLs
    """
    with db.atomic():
        db["article_urls"].upsert_all(
            [{"url": url, "article_id": article_id} for url in urls], pk="url"
        )


def known_urls(db: Database, urls: Iterable[str]) -> set[str]:
    """Which of ``urls`` need not be fetched again: stored articles and their aliases.

    :param urls: canonical URLs
    """
    urls = list(urls)
    found = stored_urls(db, urls)
    rest = [url for url in urls if url not in found]
    for start in range(0, len(rest), 500):
        chunk = rest[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(url for (url,) in db.execute(
            f"SELECT url FROM article_urls WHERE url IN ({marks})", chunk))
    return found


def stored_urls_by_host(db: Database) -> dict[str, list[str]]:
    """Every stored article URL and alias, grouped by lower-cased host name, each list sorted.

    What remote crawls take along so that they fetch no stored article again.
    """
    hosts: dict[str, list[str]] = {}
    for (url,) in db.execute("SELECT url FROM articles UNION SELECT url FROM article_urls"):
        hosts.setdefault((urlsplit(url).hostname or "").lower(), []).append(url)
    return {host: sorted(urls) for host, urls in hosts.items()}


def source_rows(db: Database) -> dict[str, dict[str, Any]]:
    """The sources table by name, with each source's article count and last run.

    :return: name → row (``healthy``, ``health_note``, ``last_run``, ``articles``, ``last_status``,
        ``last_node``: the Scrapyd node of the last run, None on this machine, and
        ``trimmed``/``quarantined`` article counts of the diff)
    """
    rows = {row["name"]: dict(row) for row in db["sources"].rows}
    for name, count in db.execute("SELECT source, count(*) FROM articles GROUP BY source"):
        rows.setdefault(name, {"name": name})["articles"] = count
    for name, status, finished, node in db.execute(
        "SELECT source, status, finished, node FROM crawl_runs WHERE id IN "
        "(SELECT max(id) FROM crawl_runs WHERE status != 'running' GROUP BY source)"
    ):
        rows.setdefault(name, {"name": name}).update(last_status=status, last_finished=finished,
                                                     last_node=node)
    for name, counts in problem_counts(db).items():
        rows.setdefault(name, {"name": name}).update(counts)
    return rows
