"""The weekly publishing step behind ``policywatch digest``: retry, build, notify."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from policywatch import clock
from policywatch.config import config_path, load_config
from policywatch.publish import digest_dir_for
from policywatch.store import open_db
from reports import notify
from reports.digest import Digest, build_digest, check_week


@dataclass
class WeeklyResult:
    """What one run did: the digest built (if any), sends retried and sends made."""

    digest: Digest | None
    retried: list[notify.SendResult] = field(default_factory=list)
    sent: list[notify.SendResult] = field(default_factory=list)
    notify_configured: bool = False


def notify_urls(path: str | os.PathLike[str] | None) -> list[str] | None:
    """The ``notify:`` URLs of sources.yml, or None when there is no such file.

    A file that exists but is invalid raises :class:`~policywatch.errors.ConfigError`.

    :param path: sources.yml (see :func:`policywatch.config.config_path`)
    """
    if not config_path(path).exists():
        return None
    return list(load_config(path).notify)


def publish_week(db_path: str | os.PathLike[str], config: str | os.PathLike[str] | None = None,
                 week: str | None = None, out_dir: str | os.PathLike[str] | None = None,
                 base_url: str | None = None, send: bool = True,
                 retry_only: bool = False) -> WeeklyResult:
    """Retry failed notifications, build the week's digest, and send it to every target.

    :param db_path: the database file
    :param config: sources.yml, for the ``notify:`` list
    :param week: ISO week label (default: the last full week in Asia/Shanghai)
    :param out_dir: digest folder (default: ``digests/`` next to the database)
    :param base_url: Datasette base URL (default ``$POLICYWATCH_DATASETTE_URL``)
    :param send: send notifications (False: build only)
    :param retry_only: only retry failed notifications, build nothing
    """
    week = check_week(week or clock.last_full_week())
    urls = notify_urls(config) if (send or retry_only) else None
    db = open_db(db_path)
    result = WeeklyResult(digest=None, notify_configured=bool(urls))
    if urls is not None:  # without a configuration, failed sends wait for one
        result.retried = notify.retry_failed(db, urls, exclude_week=None if retry_only else week)
    if retry_only:
        return result
    result.digest = build_digest(db, week, Path(out_dir) if out_dir else digest_dir_for(db_path),
                                 base_url)
    if send and urls:
        result.sent = notify.send_digest(db, week, result.digest.changes, result.digest.html, urls)
    return result
