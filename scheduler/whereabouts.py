"""Where a running ``policywatch serve`` is, so that ``jobs`` and ``sources list`` find it.

``serve`` writes ``data/serve-<pid>.json`` under the folder it was started from (where the
default ``data/policywatch.db`` lives) with its database, sources.yml and Datasette URL, and
removes it when it stops. A record whose process is gone is ignored and removed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from policywatch.processes import pid_alive

RECORDS = Path("data")


def record_path(pid: int | None = None, folder: Path = RECORDS) -> Path:
    """The record file of the service with ``pid`` (default: this process).

    :param pid: process id
    :param folder: where records live (``data/`` of the working directory)
    """
    return folder / f"serve-{pid or os.getpid()}.json"


def record(db_path: Path, config_path: Path, datasette: str | None, folder: Path = RECORDS) -> Path:
    """Record that this process serves ``db_path`` with ``config_path``.

    :param db_path: the database
    :param config_path: the sources.yml it schedules
    :param datasette: the Datasette base URL, if it serves one
    :param folder: where records live
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = record_path(folder=folder)
    data = {"pid": os.getpid(), "db": str(db_path.resolve()), "config": str(config_path.resolve()),
            "datasette": datasette}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path



def running_service(folder: Path = RECORDS) -> dict[str, Any] | None:
    """The newest recorded service that still runs (``pid``, ``db``, ``config``, ``datasette``),
    or None; records of services that are gone are removed.

    :param folder: where records live
    """
    found = []
    for path in folder.glob("serve-*.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            pid = int(data["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if pid_alive(pid):
            found.append((path.stat().st_mtime, data))
        else:
            path.unlink(missing_ok=True)
    return max(found, key=lambda pair: pair[0])[1] if found else None
