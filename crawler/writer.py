"""Storing crawled articles in batches: one transaction per batch, off the reactor thread.

One transaction per article made every article pay a commit and a fresh FTS5 segment, on
the thread that also downloads and parses. :class:`BatchWriter` collects the articles the
store pipeline hands it and stores up to ``size`` of them, or whatever came within ``wait``
seconds of the first, in one ``BEGIN IMMEDIATE`` transaction (search index included), in a
thread of its own: sqlite3 releases the GIL while SQLite works, so the reactor goes on.

An article counts as stored only once its batch has committed: the pipeline awaits it, so
stats, progress lines and ``item_scraped`` never run ahead of the database. A crawl killed
half-way loses only articles it never reported, and the next crawl fetches them. A batch
that the database refuses is rolled back and its articles are stored one transaction each,
so only the article at fault fails. A batch is also stored as soon as the crawl has nothing
else in flight (the last articles of a crawl do not wait out ``wait``).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

from crawler.items import ArticleItem
from policywatch.store.transactions import is_busy, retry_busy

#: Seconds between looks at whether the crawl has gone quiet while a batch waits.
QUIET_CHECK = 0.02
#: A stored article's status (``new``, ``updated``, ``unchanged``, ``duplicate``) or why it failed.
Outcome = str | sqlite3.Error


def store_article(db: Any, item: ArticleItem) -> str:
    """Upsert one article and its e-paper continuation URLs in one transaction; its status.

    Inside the caller's transaction when there is one (see
    :func:`~policywatch.store.articles.article_transaction`).

    :param db: the open database
    :param item: a normalised, checked article
    :return: ``new``, ``updated``, ``unchanged`` or ``duplicate``
    """
    from policywatch.store.articles import article_transaction, upsert_article
    from policywatch.store.crawls import add_aliases

    with article_transaction(db):
        ident, status = upsert_article(db, item.to_row())
        if item.parts:
            add_aliases(db, ident, item.parts)
    return status


def store_batch(db: Any, items: list[ArticleItem]) -> list[Outcome]:
    """Store articles in one transaction (retried while the database is busy); each one's outcome.

    When the database refuses the batch for another reason, each article is stored in a
    transaction of its own, and only those it refuses get their error as outcome.

    :param db: the open database
    :param items: normalised, checked articles
    """

    def all_at_once() -> list[Outcome]:
        with db.atomic():
            return [store_article(db, item) for item in items]

    try:
        return retry_busy(all_at_once, f"store {len(items)} articles")
    except sqlite3.Error as error:
        if is_busy(error) or len(items) == 1:
            return [error] * len(items)
    return [_store_alone(db, item) for item in items]


def _store_alone(db: Any, item: ArticleItem) -> Outcome:
    """One article in its own transaction: its status, or the error that refused it."""
    try:
        return retry_busy(partial(store_article, db, item), f"store {item.url}")
    except sqlite3.Error as error:
        return error


class BatchWriter:
    """Stores articles in batches on a thread of its own; :meth:`store` waits for the commit."""

    def __init__(self, db: Any, size: int, wait: float, quiet: Callable[[], bool]) -> None:
        """:param db: the open database (used only on the writer's thread until :meth:`close`)
        :param size: the most articles in one transaction
        :param wait: seconds an article waits for others before its batch is stored anyway
        :param quiet: whether no other article can come soon (nothing is being downloaded):
            then the batch is stored at once
        """
        self.db = db
        self.size = size
        self.wait = wait
        self.quiet = quiet
        self.pending: list[tuple[ArticleItem, asyncio.Future[str]]] = []
        self.timer: asyncio.TimerHandle | None = None
        self.due = 0.0
        self.was_quiet = False
        self.running: set[asyncio.Future[list[Outcome]]] = set()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="policywatch-store")

    async def store(self, item: ArticleItem) -> str:
        """Store one article with the next batch; its status once the batch has committed.

        :raises sqlite3.Error: the database refused the article
        """
        loop = asyncio.get_running_loop()
        stored: asyncio.Future[str] = loop.create_future()
        self.pending.append((item, stored))
        if len(self.pending) >= self.size:
            self.flush()
        elif self.timer is None:
            self.due = loop.time() + self.wait
            self.was_quiet = False
            self.timer = loop.call_later(min(QUIET_CHECK, self.wait), self._look)
        return await stored

    def _look(self) -> None:
        """Store the waiting batch if its time has come or the crawl stayed quiet since the last
        look (a moment between an index page and its links is no reason); else look again."""
        self.timer = None
        remaining = self.due - asyncio.get_running_loop().time()
        quiet, self.was_quiet = self.was_quiet, self.quiet()
        if remaining <= 0 or (quiet and self.was_quiet):
            self.flush()
        else:
            self.timer = asyncio.get_running_loop().call_later(min(QUIET_CHECK, remaining), self._look)

    def flush(self) -> None:
        """Hand the pending articles to the writer thread as one batch."""
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        done = asyncio.get_running_loop().run_in_executor(
            self.executor, store_batch, self.db, [item for item, _ in batch])
        self.running.add(done)
        done.add_done_callback(self.running.discard)
        done.add_done_callback(partial(_settle, [stored for _, stored in batch]))

    async def close(self) -> None:
        """Store what is pending, wait for every batch, then close the database."""
        self.flush()
        if self.running:
            await asyncio.gather(*self.running, return_exceptions=True)
        self.executor.shutdown(wait=True)
        self.db.close()


def _settle(waiting: list[asyncio.Future[str]], done: asyncio.Future[list[Outcome]]) -> None:
    """Give each waiting article its batch's outcome."""
    if done.cancelled():
        for stored in waiting:
            stored.cancel()
        return
    error = done.exception()
    outcomes: list[Outcome | BaseException] = [error] * len(waiting) if error else list(done.result())
    for stored, outcome in zip(waiting, outcomes, strict=True):
        if stored.cancelled():
            continue
        if isinstance(outcome, BaseException):
            stored.set_exception(outcome)
        else:
            stored.set_result(outcome)
