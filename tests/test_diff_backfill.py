"""A backfilled article re-compares only the later articles that read its targets, and the
result is the same as diffing the whole archive from scratch."""

from __future__ import annotations

from pathlib import Path

import pytest

from policywatch.baseline import load_baseline
from policywatch.store import open_db
from tests.test_diff_cli import JAN, MAR, add, invoke

APRIL = ("2026-04-rail.txt", "2026-04-01", "到2027年，全市轨道运营里程达到900公里。\n")
# name, published, body of the backfilled article
ELEVATORS = ("2026-02-elevators.txt", "2026-02-10", "到2027年，全市改造老旧电梯达到13000台。\n")
RAIL = ("2026-02-rail.txt", "2026-02-10", "到2027年，全市轨道运营里程达到820公里。\n")


def archive(path: Path, articles: list[tuple[str, str | None, str | None]]):
    """A database with the baseline and the given articles (file name, date, body)."""
    db = open_db(path)
    load_baseline(db)
    for name, published, body in articles:
        add(db, name, published=published, body=body)
    return db


def changes(db) -> list[dict]:
    """Every change row without its ``detected`` time, in id order."""
    return [{k: v for k, v in row.items() if k != "detected"}
            for row in db["changes"].rows_where(order_by="id")]


@pytest.mark.parametrize("late,recompared", [
    (ELEVATORS, 0),  # no later article mentions 老旧电梯
    (RAIL, 1),  # March reads it (the next 2027 target); April reads March's, not this one
])
def test_backfill_recompares_only_the_articles_that_read_it(tmp_path, late, recompared):
    existing = [(JAN, None, None), (MAR, None, None), APRIL]
    db = archive(tmp_path / "incremental.db", existing)
    invoke(tmp_path / "incremental.db")
    add(db, *late)
    result = invoke(tmp_path / "incremental.db")
    assert "articles processed: 1" in result.output
    assert f"later articles compared again: {recompared}" in result.output
    scratch = archive(tmp_path / "scratch.db", [*existing, late])
    invoke(tmp_path / "scratch.db")
    assert changes(db) == changes(scratch)
    assert len(changes(db)) > 20


def test_backfill_between_two_revisions_moves_only_the_next_one(tmp_path):
    db = archive(tmp_path / "db.db", [(JAN, None, None), (MAR, None, None), APRIL])
    invoke(tmp_path / "db.db")
    add(db, *RAIL)
    invoke(tmp_path / "db.db")
    rail = {row["published"]: (row["old_value"], row["new_value"]) for row in db["changes"].rows_where(
        "indicator_key = '轨道运营里程|length' AND region = '重庆市'")}
    assert rail == {"2026-01-14": (750, 800), "2026-02-10": (800, 820),
                    "2026-03-04": (820, 850), "2026-04-01": (850, 900)}
