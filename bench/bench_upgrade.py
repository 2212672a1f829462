"""Benchmark an upgrade of a large archive: how long migrations hold the write lock.

Copies bench_publish's cached archive (100,000 articles, 1,000,000 targets), undoes the
migrations from ``--since`` on (drops the indexes they add, and forgets them; ``m018``:
puts back ``m013``'s one-column facet indexes; ``m019``: drops ``idx_targets_region`` only), then opens the copy with ``open_db`` in a child
process while this one begins a write transaction (``BEGIN IMMEDIATE``, as the crawler and diff
do) every 0.2 s. Prints the upgrade's time and the longest wait of a write.

Run: .venv/bin/python bench/bench_upgrade.py [--since m019|m018|m013] [--archive PATH]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policywatch.store.schema import FACET_INDEXES  # noqa: E402
from policywatch.store.transactions import connect  # noqa: E402

ARCHIVE = ROOT / "bench" / "out" / "publish-v3-100000-10-500" / "policywatch.db"
FACETS = [(table, column) for table, columns in FACET_INDEXES.items() for column in columns]
#: the indexes that m014–m017 add
M014_TO_M017 = ["idx_targets_key_latest", "idx_articles_newest", "idx_targets_newest",
                "idx_articles_title", "idx_targets_indicator"]


def undo(path: Path, since: str) -> None:
    """Make the copy look as it did before migration ``since`` (``m013``, ``m018`` or ``m019``)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DROP INDEX IF EXISTS idx_targets_region")
    for table, column in FACETS if since != "m019" else []:
        conn.execute(f"DROP INDEX IF EXISTS idx_{table}_facet_{column}")
        if since == "m018":
            conn.execute(f"CREATE INDEX idx_{table}_facet_{column} ON {table} ({column})")
    if since == "m013":
        for name in M014_TO_M017:
            conn.execute(f"DROP INDEX IF EXISTS {name}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name >= ?", [since])
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--since", choices=["m013", "m018", "m019"], default="m018")
    parser.add_argument("--archive", type=Path, default=ARCHIVE,
                        help="a migrated archive (build it with bench/bench_publish.py)")
    args = parser.parse_args()
    copy = args.archive.parent / "upgrade" / "policywatch.db"
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(args.archive, copy)
    undo(copy, args.since)
    code = (f"import time; from policywatch.store import open_db; start = time.perf_counter();"
            f" open_db({str(copy)!r}).close(); print(f'upgrade from {args.since}:"
            f" {{time.perf_counter() - start:.1f}} s')")
    upgrade = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    writer, waits, refused = connect(copy), [], 0
    time.sleep(0.5)
    while upgrade.poll() is None:
        start = time.perf_counter()
        try:
            writer.conn.execute("BEGIN IMMEDIATE")
            writer.conn.execute("ROLLBACK")
            waits.append(time.perf_counter() - start)
        except sqlite3.OperationalError:
            refused += 1
        time.sleep(0.2)
    writer.close()
    print(f"{len(waits)} writes, longest wait {max(waits, default=0):.1f} s,"
          f" {refused} refused (database is locked after the 30 s busy timeout)")
    shutil.rmtree(copy.parent)


if __name__ == "__main__":
    main()
