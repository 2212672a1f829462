"""A diff killed with SIGKILL at random points of a backfill, then run again, equals one uninterrupted run.

Later articles are already compared when older ones arrive (interleaved in time), so the
backfill moves the changes of articles the diff does not extract again. Each run is a real
``policywatch diff`` process; every target and change row is compared (but ``detected``).
"""

from __future__ import annotations

import datetime as dt
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policywatch.baseline import load_baseline
from policywatch.changes import run_diff
from policywatch.store import open_db
from policywatch.store.articles import upsert_article

LATER, BACKFILL = 24, 16
FIRST = dt.date(2025, 12, 1)
POLICYWATCH = [sys.executable, "-c", "from policywatch.cli import cli; cli(prog_name='policywatch')"]


def _article(db, kind: str, number: int, day: dt.date, rail: int, homes: int) -> None:
    body = (f"（示例文本）{day.month}月{day.day}日，全市城市建设第{number}次推进会召开。会议提出，"
            f"到2027年，全市轨道交通运营里程达到{rail}公里，累计改造城镇老旧小区{homes}个。"
            "会议要求，各区县要压实责任，确保各项任务按期完成。")
    upsert_article(db, {"url": f"https://sample.test/{kind}/{number}", "source": kind,
                        "title": f"第{number}次推进会召开（{kind}）", "published": day.isoformat(),
                        "body": body})


@pytest.fixture(scope="module")
def backfilled(tmp_path_factory) -> Path:
    """Baseline and later articles diffed, then older articles stored: the diff's starting point."""
    folder = tmp_path_factory.mktemp("backfill")
    db = open_db(folder / "start.db")
    load_baseline(db)
    for n in range(LATER):
        _article(db, "later", n, FIRST + dt.timedelta(days=4 * n), 760 + 10 * n, 18000 + 100 * n)
    run_diff(db)
    for n in range(BACKFILL):
        _article(db, "backfill", n, FIRST + dt.timedelta(days=8 * n + 2), 755 + 20 * n, 18050 + 200 * n)
    db.close()
    return folder / "start.db"


def _copy(start: Path, to: Path) -> Path:
    with sqlite3.connect(start) as source, sqlite3.connect(to) as target:
        source.backup(target)
    return to


def _diff(db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*POLICYWATCH, "diff", "--db", str(db)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def _rows(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        change_columns = [c[1] for c in conn.execute("PRAGMA table_info(changes)") if c[1] != "detected"]
        return {
            "targets": conn.execute("SELECT * FROM targets ORDER BY id").fetchall(),
            "changes": conn.execute(f"SELECT {', '.join(change_columns)} FROM changes ORDER BY id").fetchall(),
            "articles": conn.execute("SELECT id, extractor_version FROM articles ORDER BY id").fetchall(),
        }


def _extracted(db: Path) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute("SELECT count(*) FROM articles WHERE source = 'backfill'"
                            " AND extractor_version IS NOT NULL").fetchone()[0]


def _later_changes(db: Path) -> set[tuple]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute(
            "SELECT c.article_id, c.indicator_key, c.change_type, c.old_value, c.new_value"
            " FROM changes c JOIN articles a ON a.id = c.article_id WHERE a.source = 'later'"))


def test_the_backfill_moves_changes_of_articles_already_compared(backfilled, tmp_path):
    reference = _copy(backfilled, tmp_path / "reference.db")
    before = _later_changes(reference)
    assert _diff(reference).wait(timeout=100) == 0
    after = _later_changes(reference)
    assert len(after) == len(before) and after != before


#: When to kill: after a random number of backfill articles early and late in the run, and
#: once all are stored (the recompare phase).
KILL_AFTER = [random.Random(14).randint(1, BACKFILL // 2),
              random.Random(1400).randint(BACKFILL // 2 + 1, BACKFILL - 1), BACKFILL]


@pytest.mark.parametrize("after", KILL_AFTER)
def test_a_diff_killed_at_random_and_run_again_equals_an_uninterrupted_run(backfilled, tmp_path, after):
    reference = _copy(backfilled, tmp_path / "reference.db")
    assert _diff(reference).wait(timeout=100) == 0
    expected = _rows(reference)

    victim = _copy(backfilled, tmp_path / "killed.db")
    process = _diff(victim)
    deadline = time.monotonic() + 60
    while _extracted(victim) < after and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    code = process.wait(timeout=30)
    if after < BACKFILL:
        assert code == -signal.SIGKILL  # killed half-way, not after the end
    assert _diff(victim).wait(timeout=100) == 0
    assert _rows(victim) == expected
