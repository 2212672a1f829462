"""The notifications table: one row per digest week and Apprise target, sent or failed."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlite_utils import Database

from policywatch import clock


def target_key(url: str) -> str:
    """Stable key of an Apprise URL (the URL itself may hold secrets and is not stored).

    :param url: the Apprise URL from sources.yml
    """
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def get_notification(db: Database, week: str, url: str) -> dict[str, Any] | None:
    """The record of sending ``week``'s digest to ``url``, or None if never tried.

    :param db: the database
    :param week: ISO week label
    :param url: the Apprise URL
    """
    return next(db["notifications"].rows_where(
        "week = ? and target_key = ?", [week, target_key(url)]), None)


def record_attempt(db: Database, week: str, url: str, shown: str, error: str | None) -> None:
    """Record one send attempt: sent when ``error`` is None, else failed with the error.

    :param db: the database
    :param week: ISO week label
    :param url: the Apprise URL
    :param shown: the URL with secrets redacted, as stored
    :param error: why the send failed, or None
    """
    now = clock.now_iso()
    with db.atomic():
        previous = get_notification(db, week, url)
        db["notifications"].upsert(
            {
                "week": week,
                "target_key": target_key(url),
                "target": shown,
                "status": "failed" if error else "sent",
                "attempts": (previous["attempts"] if previous else 0) + 1,
                "last_error": error,
                "last_attempt": now,
                "sent": None if error else now,
            },
            pk=("week", "target_key"),
        )


def failed_notifications(db: Database) -> list[dict[str, Any]]:
    """Sends still failed, oldest week first.

    :param db: the database
    """
    return list(db["notifications"].rows_where("status = 'failed'", order_by="week, target_key"))


def mark_dropped(db: Database, week: str, key: str, reason: str) -> None:
    """Give up on a failed send that cannot be retried, keeping the reason.

    :param db: the database
    :param week: ISO week label
    :param key: the target key
    :param reason: why it cannot be retried
    """
    with db.atomic():
        db["notifications"].update((week, key), {"status": "dropped", "last_error": reason,
                                                 "last_attempt": clock.now_iso()})
