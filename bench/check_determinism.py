"""Determinism on real and generated input: the same rows whatever ``PYTHONHASHSEED``.

For each seed, in processes of their own run with that seed: ``policywatch init``, then the
follow-up fixtures, the development corpus texts (``corpus/b*``, never ``sealed``) and 300
generated articles (``bench_diff.texts``) are stored and ``policywatch diff`` runs; then 20
articles are backfilled into the middle and ``diff`` runs again. Every row of ``targets``,
``changes`` (but ``detected``) and ``indicator_grams`` is compared with the first seed's.
Exits 1 when a row differs.

Run: .venv/bin/python bench/check_determinism.py [SEED ...]   (default: 1 6 42)
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_diff import texts  # noqa: E402

from policywatch.store import open_db  # noqa: E402
from policywatch.store.articles import upsert_article  # noqa: E402

PROGRAM = str(Path(sys.executable).with_name("policywatch"))
TABLES = ("targets", "changes", "indicator_grams")


def articles() -> Iterator[dict]:
    """The fixtures' follow-ups, the development corpus and generated articles."""
    followups = ROOT / "tests" / "fixtures" / "followups"
    manifest = yaml.safe_load((followups / "manifest.yml").read_text(encoding="utf-8"))
    for document in manifest["documents"]:
        yield {"url": f"https://sample.test/{document['file']}", "source": "sample",
               "title": document["title"], "published": str(document["published"]),
               "body": (followups / document["file"]).read_text(encoding="utf-8")}
    for path in sorted((ROOT / "corpus").glob("b*/*.txt")):
        header, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        meta = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
        yield {"url": meta.get("url") or f"https://corpus.test/{path.stem}", "source": "corpus",
               "title": meta.get("title") or path.stem, "published": meta.get("date") or None,
               "body": body}
    rng = random.Random(5)
    for number in range(60):
        published = (dt.date(2026, 1, 1) + dt.timedelta(days=number)).isoformat()
        yield from texts(rng, 5, published, f"generated-{number}")


def policywatch(seed: str, *args: str) -> None:
    """Run ``policywatch`` with ``PYTHONHASHSEED=seed``; stop on failure."""
    done = subprocess.run([PROGRAM, *args], env=dict(os.environ, PYTHONHASHSEED=seed),
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"policywatch {' '.join(args)} failed under seed {seed}:\n{done.stderr}")


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of :data:`TABLES` in a stable order (``changes`` without ``detected``)."""
    connection = sqlite3.connect(path)
    try:
        found = {}
        for table in TABLES:
            cursor = connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3, 4, 5")
            names = [column[0] for column in cursor.description]
            keep = [number for number, name in enumerate(names) if name != "detected"]
            found[table] = [tuple(row[number] for number in keep) for row in cursor]
        return found
    finally:
        connection.close()


def run(seed: str, path: Path, stored: list[dict], backfill: list[dict]) -> dict[str, list[tuple]]:
    """init, store, diff, backfill, diff under one seed; the rows."""
    policywatch(seed, "init", "--db", str(path))
    for batch in (stored, backfill):
        db = open_db(path)
        for article in batch:
            upsert_article(db, article)
        db.close()
        policywatch(seed, "diff", "--db", str(path))
    return rows(path)


def main() -> None:
    seeds = sys.argv[1:] or ["1", "6", "42"]
    stored = list(articles())
    backfill = texts(random.Random(9), 20, "2026-01-15", "backfill")
    with tempfile.TemporaryDirectory() as tmp:
        results = {seed: run(seed, Path(tmp) / f"seed-{seed}.db", stored, backfill) for seed in seeds}
    first = results[seeds[0]]
    print(f"{len(stored)} articles, then {len(backfill)} backfilled: "
          + ", ".join(f"{table} {len(first[table])}" for table in TABLES))
    differ = False
    for seed in seeds[1:]:
        for table in TABLES:
            missing = set(first[table]) - set(results[seed][table])
            extra = set(results[seed][table]) - set(first[table])
            same = not missing and not extra and first[table] == results[seed][table]
            differ |= not same
            print(f"seed {seed} vs {seeds[0]}: {table} "
                  + ("identical" if same else f"DIFFER ({len(missing)} rows only in {seeds[0]}, "
                                               f"{len(extra)} only in {seed})"))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
