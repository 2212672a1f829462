"""Sending digests through Apprise (email, webhooks, DingTalk, WeCom …), never losing a failure.

Every attempt is recorded in the ``notifications`` table, one row per week and target. A
failed send keeps ``status = 'failed'`` with its error and is tried again by
:func:`retry_failed` (the next ``policywatch digest`` run does this first), using the HTML
stored in the ``digests`` table. Apprise URLs may hold passwords: only a redacted form is stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import apprise

from policywatch.store import notifications as store
from policywatch.store.digests import get_digest

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)


@dataclass
class SendResult:
    """The outcome of sending one week's digest to one target."""

    week: str
    target: str
    ok: bool
    error: str | None = None
    skipped: bool = False


def redacted(url: str) -> str:
    """An Apprise URL with its secrets hidden (``mailto://user:****@host``).

    :param url: the Apprise URL
    """
    service = apprise.Apprise()
    if service.add(url):
        return service[0].url(privacy=True)
    return url.split("://", 1)[0] + "://…"


def subject(week: str, changes: int) -> str:
    """The notification title of a digest.

    :param week: ISO week label
    :param changes: how many changes the digest lists
    """
    return f"重庆政策目标每周变化 {week}: {changes} 项变化" if changes else f"重庆政策目标每周变化 {week}: 无变化"


def send(url: str, title: str, html: str) -> str | None:
    """Send one HTML message to one Apprise URL; None on success, else why it failed.

    :param url: the Apprise URL
    :param title: subject or title
    :param html: the message body (HTML; Apprise converts it for text-only services)
    """
    service = apprise.Apprise()
    if not service.add(url):
        return "not a valid Apprise URL (see https://github.com/caronc/apprise/wiki)"
    with apprise.LogCapture(level=logging.WARNING) as captured:
        try:
            ok = service.notify(title=title, body=html, body_format=apprise.NotifyFormat.HTML)
        except Exception as error:  # noqa: BLE001 - a plugin bug must not lose the record
            return f"{type(error).__name__}: {error}"
        messages = captured.getvalue().strip()
    if ok:
        return None
    lines = [line.split(" - ", 2)[-1] for line in messages.splitlines() if line.strip()]
    return "; ".join(lines[-3:]) or "the service refused the message"


def _attempt(db: Database, week: str, url: str, title: str, html: str) -> SendResult:
    shown = redacted(url)
    error = send(url, title, html)
    store.record_attempt(db, week, url, shown, error)
    if error:
        log.warning("digest %s to %s failed: %s (will retry)", week, shown, error)
    return SendResult(week=week, target=shown, ok=error is None, error=error)


def send_digest(db: Database, week: str, changes: int, html: str,
                urls: list[str]) -> list[SendResult]:
    """Send a week's digest to every URL not yet sent it; record each attempt.

    :param db: the database
    :param week: ISO week label
    :param changes: how many changes it lists (for the title)
    :param html: the digest HTML
    :param urls: Apprise URLs from sources.yml (``notify:``)
    """
    results = []
    for url in urls:
        previous = store.get_notification(db, week, url)
        if previous and previous["status"] == "sent":
            results.append(SendResult(week, previous["target"], True, skipped=True))
            continue
        results.append(_attempt(db, week, url, subject(week, changes), html))
    return results


def retry_failed(db: Database, urls: list[str], exclude_week: str | None = None,
                 renders: Mapping[str, Callable[[str], tuple[str, int]]] | None = None,
                 ) -> list[SendResult]:
    """Send again every failed digest whose target is still configured.

    A failed target no longer in the configuration cannot be retried (its URL is not
    stored): it is marked ``dropped`` and reported, not silently forgotten.

    :param db: the database
    :param urls: Apprise URLs from sources.yml
    :param exclude_week: a week the caller is about to send anyway
    :param renders: for targets that get a filtered digest, by URL: a week → (HTML, changes)
        renderer used instead of the stored digest
    """
    renders = renders or {}
    by_key = {store.target_key(url): url for url in urls}
    results = []
    for row in store.failed_notifications(db):
        if row["week"] == exclude_week:
            continue
        url = by_key.get(row["target_key"])
        digest = get_digest(db, row["week"])
        if url is None or digest is None:
            reason = "no longer in the configuration" if url is None else "digest not recorded"
            store.mark_dropped(db, row["week"], row["target_key"], reason)
            results.append(SendResult(row["week"], row["target"], False, f"dropped: {reason}"))
            continue
        html, changes = (renders[url](row["week"]) if url in renders
                         else (digest["html"], digest["changes"]))
        results.append(_attempt(db, row["week"], url, subject(row["week"], changes), html))
    return results
