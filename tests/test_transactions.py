"""Write transactions on a real file: they begin immediate, wait for a writer, retry when busy."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from policywatch.store import open_db
from policywatch.store.transactions import retry_busy


def _hold_write_lock(path, seconds: float) -> threading.Event:
    """Another connection takes the write lock for ``seconds``; the event is set once it holds it."""
    held = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        held.set()
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    threading.Thread(target=hold, daemon=True).start()
    held.wait(5)
    return held


def test_a_transaction_takes_the_write_lock_when_it_begins(db_path):
    db = open_db(db_path)
    other = open_db(db_path)
    with db.atomic():
        db.execute("SELECT count(*) FROM articles").fetchone()  # a read first, as the diff does
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("PRAGMA busy_timeout = 0")
            with other.atomic():
                pass


def test_a_writer_waits_for_another_writer_instead_of_failing(db_path):
    db = open_db(db_path)
    _hold_write_lock(db_path, 1.0)
    started = time.monotonic()
    with db.atomic():
        db.execute("SELECT count(*) FROM sources").fetchone()
        db["sources"].insert({"name": "late", "title": "迟到的写入"})
    assert time.monotonic() - started >= 0.9
    assert db["sources"].count == 1


def test_retry_busy_repeats_a_transaction_until_the_lock_is_free(db_path):
    db = open_db(db_path)
    db.execute("PRAGMA busy_timeout = 0")
    _hold_write_lock(db_path, 0.5)
    attempts = []

    def write() -> None:
        attempts.append(1)
        with db.atomic():
            db["sources"].insert({"name": "retried", "title": "重试"})

    retry_busy(write, "test write", attempts=6, pause=0.1)
    assert len(attempts) > 1
    assert db["sources"].count == 1


def test_retry_busy_gives_up_with_the_busy_error(db_path):
    db = open_db(db_path)
    db.execute("PRAGMA busy_timeout = 0")
    _hold_write_lock(db_path, 2.0)

    def write() -> None:
        with db.atomic():
            db["sources"].insert({"name": "lost", "title": "写不进去"})

    with pytest.raises(sqlite3.OperationalError, match="locked"):
        retry_busy(write, "test write", attempts=2, pause=0.1)
    time.sleep(2.1)
    assert db["sources"].count == 0
