"""The weekly publishing step behind ``policywatch digest``: retry, build, notify."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from policywatch import clock
from policywatch.changes import DiffSummary, NoBaselineError, run_diff
from policywatch.config import Config, Notify, config_path, load_config
from policywatch.publish import digest_dir_for
from policywatch.store import open_db
from policywatch.store.digests import articles_waiting_for_diff
from reports import notify
from reports.alerts import matches
from reports.digest import Digest, build_digest, check_week, render_digest


@dataclass
class WeeklyResult:
    """What one run did: the diff run first (if any), the digest built (if any), sends retried
    and sends made, and how many articles still wait for ``diff``."""

    digest: Digest | None
    retried: list[notify.SendResult] = field(default_factory=list)
    sent: list[notify.SendResult] = field(default_factory=list)
    notify_configured: bool = False
    diffed: DiffSummary | None = None
    waiting: int = 0


def read_config(path: str | os.PathLike[str] | None) -> Config | None:
    """sources.yml, or None when there is no such file.

    A file that exists but is invalid raises :class:`~policywatch.errors.ConfigError`.

    :param path: sources.yml (see :func:`policywatch.config.config_path`)
    """
    return load_config(path) if config_path(path).exists() else None


def diff_first(db: Database, result: WeeklyResult) -> None:
    """Run ``diff`` over articles it has not read yet; without a baseline, count them instead.

    :param db: the database
    :param result: gets ``diffed`` or ``waiting``
    """
    if not articles_waiting_for_diff(db):
        return
    try:
        result.diffed = run_diff(db)
    except NoBaselineError:
        pass
    result.waiting = articles_waiting_for_diff(db)


def publish_week(db_path: str | os.PathLike[str], config: str | os.PathLike[str] | None = None,
                 week: str | None = None, out_dir: str | os.PathLike[str] | None = None,
                 base_url: str | None = None, send: bool = True,
                 retry_only: bool = False) -> WeeklyResult:
    """Retry failed notifications, run ``diff`` over articles it has not read, build the
    week's digest (the ``regions:`` of sources.yml first), and send it to every target.

    :param db_path: the database file
    :param config: sources.yml, for the ``notify:`` list
    :param week: ISO week label (default: the last full week in Asia/Shanghai)
    :param out_dir: digest folder (default: ``digests/`` next to the database)
    :param base_url: Datasette base URL (default ``$POLICYWATCH_DATASETTE_URL``)
    :param send: send notifications (False: build only)
    :param retry_only: only retry failed notifications, build nothing
    """
    week = check_week(week or clock.last_full_week())
    settings = read_config(config)
    entries = settings.notify_entries("digest") if settings and (send or retry_only) else None
    regions = settings.regions if settings else None
    db = open_db(db_path)
    result = WeeklyResult(digest=None, notify_configured=bool(entries))
    renders = {entry.url: filtered_digest(db, entry, base_url, regions)
               for entry in entries or [] if entry.filtered}
    if entries is not None:  # without a configuration, failed sends wait for one
        result.retried = notify.retry_failed(db, [entry.url for entry in entries],
                                             None if retry_only else week, renders)
    if retry_only:
        return result
    diff_first(db, result)
    result.digest = build_digest(db, week, Path(out_dir) if out_dir else digest_dir_for(db_path),
                                 base_url, regions)
    for entry in (entries or []) if send else []:
        html, changes = (renders[entry.url](week) if entry.url in renders
                         else (result.digest.html, result.digest.changes))
        result.sent += notify.send_digest(db, week, changes, html, [entry.url])
    return result


def filtered_digest(db: Database, entry: Notify, base_url: str | None,
                    regions: list[str] | None) -> Callable[[str], tuple[str, int]]:
    """A week → (HTML, changes) renderer of the digest limited to an entry's filters.

    :param db: the database
    :param entry: a digest entry with filters
    :param base_url: Datasette base URL
    :param regions: the regions followed
    """
    return lambda week: render_digest(db, week, base_url, regions,
                                      keep=lambda change: matches(entry, change))
