"""``policywatch jobs``: the scheduled jobs and their next run times, read from the job store.

Reading the store does not need the service: it works while ``serve`` runs and after it
stopped. Before the first ``serve`` the jobs sources.yml would create are shown as planned.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from policywatch import clock
from policywatch.config import load_config
from scheduler.service import ServiceOptions, job_specs, jobs_path


def list_jobs(db_path: str | os.PathLike[str], config_path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Every job with ``id``, ``name``, ``next_run`` (datetime or None) and ``state``.

    ``state`` is ``scheduled``, ``paused``, or ``planned`` (no job store yet: what
    ``policywatch serve`` would schedule from sources.yml).

    :param db_path: the database whose job store is read
    :param config_path: sources.yml, used only when there is no job store yet
    """
    store_file = jobs_path(db_path)
    if not store_file.exists():
        return _planned(Path(db_path), Path(config_path))
    store = SQLAlchemyJobStore(url=f"sqlite:///{store_file.resolve()}")
    store.start(BackgroundScheduler(timezone=clock.TZ), "default")
    try:
        return [
            {"id": job.id, "name": job.name, "state": "scheduled" if job.next_run_time else "paused",
             "next_run": job.next_run_time.astimezone(clock.TZ) if job.next_run_time else None}
            for job in store.get_all_jobs()
        ]
    finally:
        store.shutdown()


def _planned(db_path: Path, config_path: Path) -> list[dict[str, Any]]:
    config = load_config(config_path)
    now = dt.datetime.now(clock.TZ)
    return [
        {"id": spec["id"], "name": spec["name"], "state": "planned",
         "next_run": spec["trigger"].get_next_fire_time(None, now)}
        for spec in job_specs(config, ServiceOptions(db_path=db_path, config_path=config_path,
                                                     jitter=0))
    ]
