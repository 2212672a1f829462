"""The scheduled jobs: module-level functions that APScheduler stores by import path.

Every stage runs as a ``policywatch`` subprocess (Scrapy's reactor cannot restart inside one
process, and a crash in a stage must not take the service down). Job arguments are plain
strings, so the SQLAlchemy job store can persist them.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import threading

from policywatch import clock
from policywatch.store import open_db
from scheduler import supervisor

log = logging.getLogger("policywatch.service")

POLICYWATCH = [sys.executable, "-c", "from policywatch.cli import cli; cli(prog_name='policywatch')"]
CRAWL_TIMEOUT = 3600.0
STAGE_TIMEOUT = 900.0
#: A diff stops between articles this long before its timeout, its work committed.
DIFF_MARGIN = 120.0

# One diff, one digest and one alert run at a time in this service, whichever job asked for it.
_diff_lock = threading.Lock()
_digest_lock = threading.Lock()
_alerts_lock = threading.Lock()


def policywatch_argv(command: str, *args: str, db_path: str, config_path: str) -> list[str]:
    """The argv that runs ``policywatch COMMAND ARGS`` with this interpreter.

    :param command: sub-command name (``crawl``, ``diff``, ``digest``)
    :param args: its arguments
    :param db_path: ``--db``
    :param config_path: ``--config``
    """
    return [*POLICYWATCH, command, *args, "--db", db_path, "--config", config_path]


def crawl_source(db_path: str, config_path: str, source: str, timeout: float = CRAWL_TIMEOUT,
                 since: str | None = None, until: str | None = None) -> int:
    """Crawl one source in a subprocess, then ``diff`` what was stored and send the change
    alerts (``notify``); the crawl's exit code.

    :param db_path: database file
    :param config_path: sources.yml
    :param source: source name
    :param timeout: seconds before the crawl is killed
    :param since: first edition date (YYYY-MM-DD) to backfill, or None
    :param until: last edition date, or None
    """
    extra = [source]
    if since:
        extra += ["--since", since]
    if until:
        extra += ["--until", until]
    argv = policywatch_argv("crawl", *extra, db_path=db_path, config_path=config_path)
    code = _run(argv, f"crawl {source}", timeout)
    if supervisor.stopping():
        return code
    if code != 0:
        log.warning("crawl %s: finished with problems (exit %d); diffing what it stored", source, code)
    run_diff(db_path, config_path)
    if not supervisor.stopping():
        run_alerts(db_path, config_path)
    return code


def _run(argv: list[str], label: str, timeout: float) -> int:
    """Run a stage; -1 when it timed out or the service is stopping (both are logged)."""
    try:
        return supervisor.run_command(argv, label, timeout)
    except supervisor.ChildTimeout as error:
        log.error("%s", error)
    except supervisor.ServiceStopping as error:
        log.info("%s", error)
    return -1


def run_diff(db_path: str, config_path: str, timeout: float = STAGE_TIMEOUT) -> int:
    """Run ``policywatch diff`` (targets and changes of new articles); its exit code.

    A long first diff stops by itself before ``timeout`` (``--max-seconds``) with its work
    committed, and the next diff goes on from there.

    :param db_path: database file
    :param config_path: sources.yml
    :param timeout: seconds before it is killed
    """
    budget = f"{max(timeout - DIFF_MARGIN, timeout / 2):g}"
    argv = policywatch_argv("diff", "--max-seconds", budget, db_path=db_path, config_path=config_path)
    with _diff_lock:
        return _run(argv, "diff", timeout)


def run_alerts(db_path: str, config_path: str, timeout: float = STAGE_TIMEOUT) -> int:
    """Run ``policywatch notify`` (change alerts of the ``when: change`` entries); its exit code.

    :param db_path: database file
    :param config_path: sources.yml
    :param timeout: seconds before it is killed
    """
    with _alerts_lock:
        return _run(policywatch_argv("notify", db_path=db_path, config_path=config_path),
                    "notify", timeout)


def digest_built(db_path: str, week: str) -> bool:
    """Whether the ``digests`` table already has ``week``.

    :param db_path: database file
    :param week: ISO week label, 2026-W47
    """
    db = open_db(db_path)
    try:
        return bool(db.execute("SELECT 1 FROM digests WHERE week = ?", [week]).fetchone())
    finally:
        db.close()


def weekly_digest(db_path: str, config_path: str, out_dir: str, week: str | None = None,
                  timeout: float = STAGE_TIMEOUT) -> str:
    """Build the digest of the last full week unless it is already built; what happened.

    Run late (the service was down on Monday 08:00) it still builds the week before the
    current one; run twice it builds once, guarded by the ``digests`` table.

    :param db_path: database file
    :param config_path: sources.yml
    :param out_dir: folder of the rendered digests
    :param week: ISO week label; default the last full week (Asia/Shanghai)
    :param timeout: seconds before the build is killed
    :return: ``built``, ``skipped``, ``failed`` or ``stopped`` (the service is stopping)
    """
    week = week or clock.last_full_week()
    with _digest_lock:
        if digest_built(db_path, week):
            log.info("digest %s: already built, not rebuilt", week)
            return "skipped"
        argv = policywatch_argv("digest", "--week", week, "--out", out_dir,
                                db_path=db_path, config_path=config_path)
        code = _run(argv, f"digest {week}", timeout)
    if code != 0 and supervisor.stopping():
        return "stopped"
    if code != 0 or not digest_built(db_path, week):
        log.error("digest %s: not built (exit %d)", week, code)
        return "failed"
    log.info("digest %s: built", week)
    return "built"


def demo_cycle(db_path: str, config_path: str, source: str, since: str, until: str,
               out_dir: str, week: str) -> str:
    """One full cycle at once for the demo: crawl the sample editions, diff, build the digest.

    :param db_path: database file
    :param config_path: the generated demo sources.yml
    :param source: the demo source's name
    :param since: first sample edition date
    :param until: last sample edition date
    :param out_dir: digest folder
    :param week: the week the sample editions fall in
    :return: what :func:`weekly_digest` returned, or ``stopped``
    """
    started = dt.datetime.now()
    crawl_source(db_path, config_path, source, CRAWL_TIMEOUT, since, until)
    if supervisor.stopping():
        return "stopped"
    result = weekly_digest(db_path, config_path, out_dir, week)
    log.info("demo cycle done in %.1f s (digest %s: %s)",
             (dt.datetime.now() - started).total_seconds(), week, result)
    base = os.environ.get("POLICYWATCH_DATASETTE_URL", "http://127.0.0.1:8001")
    log.info("demo ready: digest %s/digests/%s.html, data %s/", base, week, base)
    return result
