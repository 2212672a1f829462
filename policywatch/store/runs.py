"""The crawl_runs and sources tables: one row per crawl, and each source's health."""

from __future__ import annotations

import json
import os
from typing import Any

from sqlite_utils import Database

from policywatch import clock
from policywatch.processes import pid_alive


def start_run(db: Database, source: str) -> int:
    """Record the start of a crawl of ``source`` and return the run id.

    :param source: source name
    """
    with db.atomic():
        table = db["crawl_runs"].insert(
            {
                "source": source,
                "started": clock.now_iso(),
                "status": "running",
                "pages": 0,
                "new_articles": 0,
                "duplicates": 0,
                "failed": 0,
                "errors": "[]",
                "pid": os.getpid(),
            }
        )
    return int(table.last_pk)


def set_run_node(db: Database, run_id: int, node: str, job: str) -> None:
    """Record the Scrapyd node and job that run a crawl.

    :param run_id: id from :func:`start_run`
    :param node: node name
    :param job: Scrapyd job id
    """
    with db.atomic():
        db["crawl_runs"].update(run_id, {"node": node, "job": job})


def finish_run(db: Database, run_id: int, status: str, counts: dict[str, int],
               errors: list[str]) -> None:
    """Close a crawl run with its status, counts and error messages.

    :param run_id: id from :func:`start_run`
    :param status: ``ok``, ``failed``, ``unhealthy`` or ``interrupted``
    :param counts: ``pages``, ``new_articles``, ``duplicates``, ``failed``
    :param errors: messages, one per failure
    """
    with db.atomic():
        db["crawl_runs"].update(
            run_id,
            {
                "finished": clock.now_iso(),
                "status": status,
                **counts,
                "errors": json.dumps(errors, ensure_ascii=False),
            },
        )


def close_abandoned_runs(db: Database, source: str) -> int:
    """Mark runs of ``source`` still ``running`` from a dead process as ``killed``.

    :param source: source name
    :return: how many runs were closed
    """
    closed = 0
    with db.atomic():
        for row in db["crawl_runs"].rows_where("source = ? AND status = 'running'", [source]):
            if row["pid"] and pid_alive(row["pid"]) and row["pid"] != os.getpid():
                continue
            db["crawl_runs"].update(row["id"], {"status": "killed", "finished": clock.now_iso()})
            closed += 1
    return closed



def recent_runs(db: Database, source: str, limit: int = 10) -> list[dict[str, Any]]:
    """The latest finished runs of a source, newest first.

    :param source: source name
    :param limit: how many
    """
    return list(
        db["crawl_runs"].rows_where(
            "source = ? AND status != 'running'", [source], order_by="id desc", limit=limit
        )
    )


def sync_sources(db: Database, sources: list[dict[str, Any]]) -> None:
    """Upsert the configured sources (health columns are kept).

    :param sources: dicts with ``name``, ``title``, ``kind``, ``enabled``, ``schedule``, ``config``
    """
    now = clock.now_iso()
    with db.atomic():
        for source in sources:
            db["sources"].upsert({**source, "updated": now}, pk="name")


def set_health(db: Database, source: str, healthy: bool, note: str) -> None:
    """Record whether a source is healthy, and why not.

    :param source: source name
    :param healthy: the verdict
    :param note: a short explanation shown by ``sources list``
    """
    with db.atomic():
        db["sources"].upsert(
            {"name": source, "healthy": int(healthy), "health_note": note,
             "last_run": clock.now_iso()},
            pk="name",
        )
