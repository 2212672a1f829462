"""The alerts table: one row per change alert entry and change, queued before it is sent.

A change is queued for an entry once (keyed by the change's ``review_key``, so a reprocess
that renumbers rows queues nothing twice) and stays ``pending`` or ``failed`` until a send
succeeds (``sent``). An entry only hears of changes detected after it was first seen
(``alert_watermarks``), never of the whole archive at once.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from policywatch import clock
from policywatch.store.reviews import NOT_WRONG


def watermark(db: Database, key: str, name: str, shown: str) -> str:
    """When the entry ``key`` was first seen (recorded now if never), as an ISO time.

    :param db: the database
    :param key: the entry's target key (hash of its URL)
    :param name: the entry's name
    :param shown: its URL with secrets redacted
    """
    with db.atomic():
        row = db.execute("select since from alert_watermarks where target_key = ?", [key]).fetchone()
        if row:
            return str(row[0])
        since = clock.now_iso()
        db["alert_watermarks"].insert({"target_key": key, "name": name, "target": shown,
                                       "since": since}, pk="target_key")
        return since


def candidate_changes(db: Database, key: str, since: str) -> list[dict[str, Any]]:
    """Changes detected since ``since``, not reviewed wrong and not yet queued for ``key``.

    :param db: the database
    :param key: the entry's target key
    :param since: see :func:`watermark`
    """
    sql = f"""select c.* from changes c
              where c.detected >= ? and {NOT_WRONG}
                and not exists (select 1 from alerts q
                                where q.target_key = ? and q.change_key = c.review_key)
              order by c.detected, c.published, c.id"""
    return [dict(row) for row in db.query(sql, [since, key])]


def queue(db: Database, key: str, name: str, shown: str, changes: list[dict[str, Any]]) -> int:
    """Queue alerts of ``changes`` for an entry (``pending``); how many were queued.

    :param db: the database
    :param key: the entry's target key
    :param name: the entry's name
    :param shown: its URL with secrets redacted
    :param changes: change rows (see :func:`candidate_changes`)
    """
    now = clock.now_iso()
    rows = [{"target_key": key, "change_key": c["review_key"], "name": name, "target": shown,
             "change_id": c["id"], "change_type": c["change_type"], "indicator": c["indicator"],
             "region": c["region"], "status": "pending", "attempts": 0, "queued": now}
            for c in changes]
    with db.atomic():
        if rows:
            db["alerts"].insert_all(rows, pk=("target_key", "change_key"), ignore=True)
    return len(rows)


def open_alerts(db: Database, key: str) -> list[dict[str, Any]]:
    """Queued or failed alerts of an entry with their current change row, oldest first.

    ``change`` is None when the change is gone or was reviewed wrong since it was queued.

    :param db: the database
    :param key: the entry's target key
    """
    sql = f"""select q.change_key, (select c.id from changes c
                                    where c.review_key = q.change_key and {NOT_WRONG}
                                    order by c.id limit 1) as current_id
              from alerts q
              where q.target_key = ? and q.status in ('pending', 'failed')
              order by q.queued, q.change_id"""
    return [{"change_key": row["change_key"],
             "change": db["changes"].get(row["current_id"]) if row["current_id"] else None}
            for row in db.query(sql, [key])]


def record_attempt(db: Database, key: str, change_keys: list[str], error: str | None) -> None:
    """Record one send of an entry's open alerts: ``sent``, or ``failed`` with the error.

    :param db: the database
    :param key: the entry's target key
    :param change_keys: the alerts the message listed
    :param error: why the send failed, or None
    """
    now = clock.now_iso()
    with db.atomic():
        for change_key in change_keys:
            db.execute(
                "update alerts set status = ?, attempts = attempts + 1, last_error = ?,"
                " last_attempt = ?, sent = ? where target_key = ? and change_key = ?",
                ["failed" if error else "sent", error, now, None if error else now, key,
                 change_key])


def close(db: Database, key: str, change_keys: list[str], status: str, reason: str) -> None:
    """Close open alerts that will not be sent (``withdrawn``, ``dropped``), keeping why.

    :param db: the database
    :param key: the entry's target key
    :param change_keys: the alerts
    :param status: ``withdrawn`` (change reviewed wrong or gone) or ``dropped`` (entry removed)
    :param reason: why
    """
    with db.atomic():
        for change_key in change_keys:
            db.execute("update alerts set status = ?, last_error = ?, last_attempt = ?"
                       " where target_key = ? and change_key = ?",
                       [status, reason, clock.now_iso(), key, change_key])


def orphaned_keys(db: Database, keys: set[str]) -> dict[str, list[str]]:
    """Open alerts of entries no longer configured, by target key.

    :param db: the database
    :param keys: target keys of the entries configured now
    """
    out: dict[str, list[str]] = {}
    for row in db.query("select target_key, change_key from alerts"
                        " where status in ('pending', 'failed')"):
        if row["target_key"] not in keys:
            out.setdefault(row["target_key"], []).append(row["change_key"])
    return out
