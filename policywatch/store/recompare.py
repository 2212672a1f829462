"""The recompare queue: later articles whose changes an article just processed has made stale.

An article stored after later ones were compared (a backfill, an updated article) changes
what those later articles are measured against. Their ids are queued in the same transaction
that stores the mover's targets, and each leaves the queue in the transaction that rewrites
its changes. So a diff killed at any moment leaves the queue from which the next run carries
on, and no stale change row survives a re-run.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from policywatch import clock


def enqueue(db: Database, article_ids: Iterable[str]) -> None:
    """Queue articles to be compared again (call inside the mover's transaction).

    :param article_ids: the articles that read the mover's targets
    """
    now = clock.now_iso()
    db.conn.executemany("INSERT OR IGNORE INTO diff_queue (article_id, queued) VALUES (?, ?)",
                        [(ident, now) for ident in sorted(set(article_ids))])


def dequeue(db: Database, article_id: str) -> None:
    """Take an article off the queue: its changes were just computed afresh.

    :param article_id: the article
    """
    db.execute("DELETE FROM diff_queue WHERE article_id = ?", [article_id])


def queued_articles(db: Database, limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` queued articles, in publication order (gone articles leave the queue).

    :param limit: batch size
    """
    db.execute("DELETE FROM diff_queue WHERE article_id NOT IN (SELECT id FROM articles)")
    # CROSS JOIN keeps the queue the outer loop: the cost follows the queue, not the archive
    return list(db.query(
        "SELECT a.* FROM diff_queue q CROSS JOIN articles a ON a.id = q.article_id"
        " ORDER BY a.published, a.id LIMIT ?", [limit]))


def queue_length(db: Database) -> int:
    """How many articles wait to be compared again."""
    return db.execute("SELECT count(*) FROM diff_queue").fetchone()[0]
