"""Write transactions that wait for each other: ``BEGIN IMMEDIATE``, a busy timeout, retries.

Several processes write one database (two crawls, a diff, the scheduler) while Datasette
reads it. A transaction that opens deferred and upgrades to a write after reading cannot be
made to wait: SQLite answers ``database is locked`` at once. So every write transaction here
takes the write lock when it begins (``BEGIN IMMEDIATE``), where the busy timeout really
waits, and :func:`retry_busy` retries the few that still find the database busy.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TypeVar

from sqlite_utils import Database

log = logging.getLogger("policywatch.store")

#: Milliseconds a statement waits for another writer before SQLite gives up.
BUSY_TIMEOUT_MS = 30000
#: Attempts of a busy write transaction, and the first pause between them (doubled each time).
BUSY_ATTEMPTS = 5
BUSY_PAUSE = 0.5

T = TypeVar("T")


class WriterDatabase(Database):
    """A sqlite-utils Database whose transactions take the write lock when they begin."""

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        """A transaction (``BEGIN IMMEDIATE``), or a savepoint inside an open one."""
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise

    def begin(self) -> None:
        """Start a transaction that holds the write lock from its first statement."""
        self.conn.execute("BEGIN IMMEDIATE")


def connect(path: Path) -> WriterDatabase:
    """Open ``path`` so that implicit and explicit write transactions begin immediate.

    :param path: the database file
    """
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                           isolation_level="IMMEDIATE", check_same_thread=False)
    db = WriterDatabase(conn)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # In WAL mode NORMAL loses no committed transaction when a process is killed (only on
    # power loss) and spares an fsync per commit: many small transactions stay cheap.
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def is_busy(error: BaseException) -> bool:
    """Whether an exception is SQLite saying another connection holds the lock.

    :param error: any exception
    """
    text = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def retry_busy(work: Callable[[], T], what: str, attempts: int = BUSY_ATTEMPTS,
               pause: float = BUSY_PAUSE) -> T:
    """Run ``work`` (one whole write transaction), again while the database is busy.

    :param work: the transaction; it must be safe to repeat after a rollback
    :param what: what it does, for the log
    :param attempts: how many times to try
    :param pause: seconds before the second attempt, doubled after each failure
    :raises sqlite3.OperationalError: the last busy error, when every attempt found it busy
    """
    for attempt in range(1, attempts):
        try:
            return work()
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            log.warning("%s: database busy (attempt %d of %d), retrying", what, attempt, attempts)
            time.sleep(pause * 2 ** (attempt - 1))
    return work()
