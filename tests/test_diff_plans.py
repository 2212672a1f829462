"""Change detection's look-ups stay index look-ups on an analyzed archive, counted in SQLite
virtual-machine steps (not time): the steps do not grow with an indicator's history."""

from __future__ import annotations

from policywatch.store.changes import articles_reading

KEY, REGION = "充电桩|count", "重庆市"


def steps(db, call) -> int:
    """SQLite virtual-machine instructions ``call`` runs (in thousands)."""
    counted = [0]

    def tick() -> int:
        counted[0] += 1
        return 0

    db.conn.set_progress_handler(tick, 1000)
    try:
        call()
    finally:
        db.conn.set_progress_handler(None, 0)
    return counted[0]


def history(db, start: int, mentions: int) -> None:
    """``mentions`` stored targets of one indicator, one a day, statistics among them."""
    db.conn.executemany(
        "INSERT INTO targets (id, article_id, kind, indicator, indicator_key, value, unit, year,"
        " region, published, is_baseline, start) VALUES (?, ?, ?, '充电桩', ?, 1, '个', ?, ?, ?, 0, 0)",
        [(f"t{n}", f"a{n:06d}", "statistic" if n % 4 == 0 else "target", KEY, 2025 + n % 8, REGION,
          f"{2026 + n // 336}-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}")
         for n in range(start, start + mentions)])


def test_readers_of_the_newest_mention_do_not_read_the_indicators_history(fresh_db):
    db = fresh_db
    history(db, 0, 200)
    # an archive analyzed before the m014 index came: the planner has no figures for it
    db.execute("DROP INDEX idx_targets_key_latest")
    db.execute("ANALYZE")
    db.execute("CREATE INDEX idx_targets_key_latest ON targets"
               " (indicator_key, region, kind, is_baseline, published, article_id, start)")
    small = steps(db, lambda: articles_reading(db, KEY, REGION, 2027, "2099-01-01", "z"))
    history(db, 200, 20000)
    large = steps(db, lambda: articles_reading(db, KEY, REGION, 2027, "2099-01-01", "z"))
    assert articles_reading(db, KEY, REGION, 2027, "2026-01-01", "a") != set()
    assert large <= small + 1
