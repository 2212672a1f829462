"""The indicator name index finds exactly the fuzzy candidates a full scan would, without a scan."""

from __future__ import annotations

import itertools

import pytest
from rapidfuzz import fuzz

from diff.identity import (
    FUZZY_THRESHOLD,
    canonical,
    fuzzy_lengths,
    indicator_key,
    insertions_only,
    name_grams,
)
from policywatch.baseline import load_baseline
from policywatch.store import open_db
from policywatch.store.changes import _earlier_sql
from policywatch.store.indicators import _CANDIDATES, known_candidates
from tests.test_diff_cli import DOCUMENTS, add, invoke

NAMES = [
    "国家重点实验室", "国家级重点实验室", "新能源汽车充电桩", "新能源汽车充电桩数", "城市生活污水处理率",
    "城市生活污水集中处理率", "城市生活污水有效处理率", "规上工业企业", "规模以上工业企业", "口袋公园",
    "城市口袋公园", "5G基站", "新建5G基站数", "高新技术企业", "国家高新技术企业", "科技型企业",
    "研发投入强度", "研发经费投入强度", "城镇新增就业", "城镇新增就业人数", "轨道运营里程",
]


@pytest.fixture
def diffed(db_path):
    """The baseline and the sample follow-ups, through ``policywatch diff``."""
    database = open_db(db_path)
    load_baseline(database)
    for document in DOCUMENTS:
        add(database, document["file"])
    invoke(db_path)
    return database


def test_every_fuzzy_match_shares_a_bigram_within_the_length_bounds():
    matches = 0
    for a, b in itertools.permutations(NAMES, 2):
        if insertions_only(a, b) and fuzz.ratio(a, b) >= FUZZY_THRESHOLD:
            matches += 1
            shortest, longest = fuzzy_lengths(a)
            assert name_grams(a) & name_grams(b), (a, b)
            assert shortest <= len(b) <= longest, (a, b)
    assert matches >= 6


def test_name_grams_survive_left_out_characters_anywhere():
    name = "国家级科技创新基地平台"
    for gap in range(len(name)):
        shorter = name[:gap] + name[gap + 1:]
        assert name_grams(name) & name_grams(shorter)


def test_indexed_candidates_give_the_keys_of_a_full_scan(diffed):
    db = diffed
    rows = list(db["targets"].rows_where("is_baseline = 0", order_by="published, article_id, start"))
    assert len(rows) > 20
    for row in rows:
        region = row["region"]
        everything = [key for (key,) in db.execute(
            "SELECT DISTINCT indicator_key FROM targets WHERE region = ? AND article_id != ?"
            " AND (is_baseline = 1 OR published < ? OR (published = ? AND article_id < ?))",
            [region, row["article_id"], row["published"], row["published"], row["article_id"]])]
        found = known_candidates(db, row["indicator"], row["unit"], region, row["published"],
                                 row["article_id"])
        assert set(found) <= set(everything)
        assert len(found) < max(len(everything), 2)
        assert (indicator_key(row["indicator"], row["unit"], found)
                == indicator_key(row["indicator"], row["unit"], everything))


def test_a_new_name_joins_an_indexed_key(diffed):
    db = diffed
    found = known_candidates(db, "全市绿色示范社区数", "个", "重庆市", "2026-12-01", "z")
    assert "绿色示范社区|count" in found
    assert indicator_key("全市绿色示范社区数", "个", found) == "绿色示范社区|count"
    assert canonical("全市绿色示范社区数") == "绿色示范社区数"


@pytest.mark.parametrize("sql,params", [
    (_CANDIDATES.format(grams=":g"), {"region": "重庆市", "dimension": "count", "g": "社区",
                                       "shortest": 3, "longest": 9, "published": "2026-12-01",
                                       "article": "z"}),
    (_earlier_sql(2, True), {"key": "轨道运营里程|length", "region": "重庆市", "cutoff": "2025-01-01",
                             "published": "2026-12-01", "article": "z", "since": 2025,
                             "year0": None, "year1": 2027}),
])
def test_identity_and_comparison_queries_use_indexes_only(diffed, sql, params):
    plan = " / ".join(row[3] for row in diffed.execute("EXPLAIN QUERY PLAN " + sql, params))
    assert "SCAN targets" not in plan and "SCAN t " not in plan and "SCAN indicator_grams" not in plan
    assert "idx_targets_key_" in plan and "SEARCH" in plan

