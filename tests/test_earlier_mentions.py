"""The few earlier targets change detection reads give the same changes as the whole history."""

from __future__ import annotations

import datetime as dt
import random

from diff.compare import CHANGE_TYPES, article_changes
from policywatch.store.articles import upsert_article
from policywatch.store.changes import earlier_mentions
from policywatch.store.targets import replace_targets

KEY, REGION = "轨道运营里程|length", "重庆市"


def store(db, number: int, published: str, mentions: list[tuple[str, int | None, int]],
          baseline: bool = False) -> dict:
    """An article of ``mentions`` (kind, year, value) of one indicator; its stored row."""
    ident, _ = upsert_article(db, {
        "url": f"https://example.cn/history/{number}.html", "source": "s", "title": "t",
        "body": f"第{number}篇", "published": published, "is_baseline": baseline})
    article = db["articles"].get(ident)
    replace_targets(db, article, [{
        "kind": kind, "indicator": "轨道运营里程", "indicator_key": KEY, "value": value,
        "unit": "公里", "comparator": "=", "year": year, "region": REGION, "sentence": "s",
        "start": position * 10, "end": position * 10 + 3}
        for position, (kind, year, value) in enumerate(mentions)], "1")
    return article


def whole_history(db, article: dict) -> list[dict]:
    """Every target an article could be compared with, oldest first (baseline first)."""
    return list(db.query(
        "SELECT * FROM targets WHERE indicator_key = ? AND region = ? AND kind = 'target'"
        " AND (is_baseline = 1 OR (published < ? OR (published = ? AND article_id < ?)))"
        " ORDER BY is_baseline DESC, published, article_id, start, id",
        [KEY, REGION, article["published"], article["published"], article["id"]]))


def test_the_picked_mentions_compare_like_the_whole_history(fresh_db):
    db, rng = fresh_db, random.Random(7)
    store(db, 0, "2025-06-01", [("target", 2027, 750), ("target", 2030, 1000)], baseline=True)
    articles = []
    for number in range(1, 120):
        published = (dt.date(2026, 1, 1) + dt.timedelta(days=number // 3)).isoformat()
        mentions = [(rng.choice(("target", "target", "statistic")),
                     rng.choice((None, 2025, 2026, 2027, 2028, 2030, 2032, 2035)),
                     rng.choice((750, 800, 850))) for _ in range(rng.randrange(1, 4))]
        articles.append(store(db, number, published, mentions))
    compared, kinds = 0, set()
    for article in articles:
        targets = list(db["targets"].rows_where("article_id = ?", [article["id"]], order_by="start"))
        picked = earlier_mentions(db, targets, article["published"], article["id"], "2025-06-01")
        history = whole_history(db, article)
        assert len(picked.get((KEY, REGION), [])) <= len(history)
        expected = article_changes(targets, {(KEY, REGION): history})
        assert article_changes(targets, picked) == expected
        compared += len(expected)
        kinds.update(change["change_type"] for change in expected)
    assert compared > 150
    # every change type but new (the baseline names the indicator): every pick was exercised
    assert kinds == set(CHANGE_TYPES) - {"new"}
    last = articles[-1]
    targets = list(db["targets"].rows_where("article_id = ?", [last["id"]]))
    assert len(earlier_mentions(db, targets, last["published"], last["id"], "2025-06-01")
               [(KEY, REGION)]) < len(whole_history(db, last)) / 4
