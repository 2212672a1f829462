"""``policywatch diff`` end to end: baseline → sample follow-ups → extractor → change rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from policywatch.baseline import load_baseline
from policywatch.changes import run_diff
from policywatch.cli import cli
from policywatch.normalize import normalize_text
from policywatch.store import open_db
from policywatch.store.articles import article_id, upsert_article
from policywatch.store.changes import timeline
from tests.conftest import FIXTURES

FOLLOWUPS = FIXTURES / "followups"
DOCUMENTS = yaml.safe_load((FOLLOWUPS / "manifest.yml").read_text(encoding="utf-8"))["documents"]
JAN, MAR = "2026-01-followup.txt", "2026-03-followup.txt"
HISTORY = "2023-03-history.txt"

# (article file, change_type, indicator_key, region, old_value, old_year, new_value, new_year)
EXPECTED = {
    (JAN, "revised", "轨道运营里程|length", "重庆市", 750, 2027, 800, 2027),
    (JAN, "extended", "研发投入强度|percent", "重庆市", 3, 2027, 3.25, 2030),
    (JAN, "rescheduled", "高新技术企业|count", "重庆市", 20000, 2030, 20000, 2028),
    (JAN, "reaffirmed", "现代社区|count", "重庆市", 100, 2027, 100, 2027),
    (JAN, "progress", "老旧小区|count", "重庆市", 18000, 2027, 9916, 2025),
    (JAN, "revised", "老旧电梯|count", "重庆市", 10000, 2027, 12000, 2027),
    (JAN, "new", "科技型企业|count", "重庆市", None, None, 80000, 2030),
    (JAN, "new", "城市建成区面积|area", "重庆市", None, None, 2000, 2030),
    (JAN, "new", "绿色示范社区|count", "重庆市", None, None, 500, 2027),
    (JAN, "new", "绿色出行比例|percent", "重庆市", None, None, 75, 2027),
    (JAN, "new", "地区生产总值|money", "重庆市", None, None, 4e12, 2030),
    (JAN, "new", "工业增加值|money", "重庆市", None, None, 1.2e12, 2027),
    (JAN, "new", "老旧小区|area", "重庆市", None, None, 15000000, 2027),
    (JAN, "revised", "常住人口|people", "万州区", 2000000, 2030, 2100000, 2030),
    (JAN, "new", "轨道运营里程|length", "成都市", None, None, 1000, 2027),
    (MAR, "revised", "轨道运营里程|length", "重庆市", 800, 2027, 850, 2027),
    (MAR, "reaffirmed", "研发投入强度|percent", "重庆市", 3, 2027, 3, 2027),
    (MAR, "revised", "工业经济规模|money", "重庆市", 4e12, None, 4.5e12, 2030),
    (MAR, "revised", "轨道交通占公共交通出行比例|percent", "重庆市", 70, 2027, 72, 2027),
    (MAR, "new", "轨道运营里程|length", "川渝", None, None, 2000, 2027),
    (MAR, "new", "轨道运营里程|length", "渝北区", None, None, 150, 2027),
}


def url(name: str) -> str:
    """The URL a sample document is stored under."""
    return f"https://sample.test/followups/{name}"


def add(db, name: str, published: str | None = None, body: str | None = None) -> str:
    """Store one sample document as a crawled article; return its id."""
    meta = next((d for d in DOCUMENTS if d["file"] == name), {"title": name})
    text = body if body is not None else (FOLLOWUPS / name).read_text(encoding="utf-8")
    ident, _ = upsert_article(db, {
        "url": url(name), "source": "sample", "title": meta["title"],
        "published": published or str(meta["published"]), "body": normalize_text(text),
    })
    return ident


@pytest.fixture
def db(db_path: Path):
    """A database with the baseline (as ``policywatch init`` loads it) and the sample follow-ups."""
    database = open_db(db_path)
    load_baseline(database)
    for document in DOCUMENTS:
        add(database, document["file"])
    return database


def invoke(db_path: Path, *args: str):
    """Run ``policywatch diff`` on a database file."""
    result = CliRunner().invoke(cli, ["diff", "--db", str(db_path), *args])
    assert result.exit_code == 0, result.output
    return result


def change_rows(db) -> set[tuple]:
    """The stored changes in the form of :data:`EXPECTED`."""
    files = {article_id(url(d["file"])): d["file"] for d in DOCUMENTS}
    return {
        (files.get(r["article_id"], r["article_id"]), r["change_type"], r["indicator_key"],
         r["region"], r["old_value"], r["old_year"], r["new_value"], r["new_year"])
        for r in db["changes"].rows
    }


def snapshot(db) -> tuple[list, list]:
    """Every target and change row, for before/after comparisons."""
    return (list(db["targets"].rows_where(order_by="id")),
            list(db["changes"].rows_where(order_by="id")))


def test_diff_records_exactly_the_expected_changes(db, db_path):
    result = invoke(db_path)
    assert "articles processed: 3" in result.output
    assert change_rows(db) == EXPECTED
    assert db["changes"].count == len(EXPECTED)


def test_change_rows_link_baseline_previous_target_article_and_week(db, db_path):
    invoke(db_path)
    second = next(db["changes"].rows_where(
        "change_type = 'revised' AND indicator_key = '轨道运营里程|length' AND published = '2026-03-04'"))
    first = next(db["changes"].rows_where(
        "change_type = 'revised' AND indicator_key = '轨道运营里程|length' AND published = '2026-01-14'"))
    baseline = db["targets"].get(second["baseline_target_id"])
    assert baseline["is_baseline"] == 1 and baseline["value"] == 750
    assert second["previous_target_id"] == first["target_id"]
    assert first["previous_target_id"] == first["baseline_target_id"] == second["baseline_target_id"]
    assert second["delta"] == 50 and second["week"] == "2026-W10" and first["week"] == "2026-W03"
    assert second["article_id"] == article_id(url(MAR))
    assert "850公里" in second["sentence"]
    assert db["targets"].get(second["target_id"])["value"] == 850
    progress = next(db["changes"].rows_where("change_type = 'progress'"))
    assert progress["progress"] == pytest.approx(9916 / 18000, abs=1e-4)
    assert progress["delta"] == 9916 - 18000


def test_rerun_adds_nothing(db, db_path):
    invoke(db_path)
    before = snapshot(db)
    result = invoke(db_path)
    assert "articles processed: 0" in result.output
    assert snapshot(db) == before


def test_reprocess_after_a_version_bump_rebuilds_cleanly(db, db_path):
    invoke(db_path)
    targets, changes = snapshot(db)
    summary = run_diff(db, version="next-version")
    assert summary.articles == db["articles"].count  # baseline and follow-ups alike
    assert {r["extractor_version"] for r in db["targets"].rows} == {"next-version"}
    assert {r["extractor_version"] for r in db["articles"].rows} == {"next-version"}
    strip = [{k: v for k, v in r.items() if k != "extractor_version"} for r in targets]
    assert [{k: v for k, v in r.items() if k != "extractor_version"}
            for r in snapshot(db)[0]] == strip
    assert snapshot(db)[1] == changes  # same ids, same detected times: an upsert, not a pile-up
    result = invoke(db_path, "--reprocess")
    assert f"articles processed: {db['articles'].count}" in result.output
    assert change_rows(db) == EXPECTED
    assert db["changes"].count == len(EXPECTED)


def test_timeline_lists_every_mention_in_date_order(db, db_path):
    invoke(db_path)
    rows = list(timeline(db, "研发投入强度|percent"))
    assert [(r["value"], r["year"], r["role"], r["change_type"]) for r in rows] == [
        (2.5, 2022, "history", None),
        (3, 2027, "baseline", None),
        (3.25, 2030, "follow-up", "extended"),
        (3, 2027, "follow-up", "reaffirmed"),
    ]
    rail = [(r["region"], r["value"]) for r in timeline(db, "轨道运营里程|length")]
    assert rail == [("重庆市", 600), ("重庆市", 750), ("重庆市", 800), ("重庆市", 850)]


def test_backfilled_history_feeds_the_timeline_without_change_rows(db_path):
    db = open_db(db_path)
    load_baseline(db)
    add(db, JAN)
    add(db, MAR)
    invoke(db_path)
    before = change_rows(db)
    history = add(db, HISTORY)
    result = invoke(db_path)
    assert "articles processed: 1" in result.output
    assert "later articles compared again: 0" in result.output
    assert db["targets"].count_where("article_id = ?", [history]) == 2
    assert db["changes"].count_where("article_id = ?", [history]) == 0
    assert change_rows(db) == before == EXPECTED


def test_a_late_article_between_two_others_moves_the_later_comparison(db, db_path):
    invoke(db_path)
    late = add(db, "2026-02-late.txt", published="2026-02-10",
               body="【样例文本】测试用虚构稿件。\n\n到2027年，全市轨道运营里程达到820公里。\n")
    result = invoke(db_path)
    assert "later articles compared again: 1" in result.output
    late_change = next(db["changes"].rows_where("article_id = ?", [late]))
    assert (late_change["change_type"], late_change["old_value"], late_change["new_value"]) == (
        "revised", 800, 820)
    march = next(db["changes"].rows_where(
        "article_id = ? AND indicator_key = '轨道运营里程|length'", [article_id(url(MAR))]))
    assert (march["old_value"], march["new_value"]) == (820, 850)
    assert march["previous_target_id"] == late_change["target_id"]


def test_a_crash_mid_run_leaves_no_partial_article(db, db_path):
    from diff.extract import extract

    def failing(document):
        """Extract normally, except the March sample breaks."""
        if "850公里" in document.body:
            raise RuntimeError("extractor broke")
        return extract(document)

    summary = run_diff(db, extract=failing)  # the broken article is quarantined, the rest go on
    assert (summary.articles, summary.quarantined) == (2, 1)
    march = article_id(url(MAR))
    assert db["targets"].count_where("article_id = ?", [march]) == 0
    assert db["changes"].count_where("article_id = ?", [march]) == 0
    assert db["articles"].get(march)["extractor_version"] is None
    assert [r["error"] for r in db["quarantine"].rows] == ["RuntimeError: extractor broke"]
    invoke(db_path, "--reprocess")
    assert change_rows(db) == EXPECTED
    assert db["quarantine"].count == 0


def test_diff_without_a_baseline_asks_for_init(db_path):
    db = open_db(db_path)
    add(db, JAN)
    result = CliRunner().invoke(cli, ["diff", "--db", str(db_path)])
    assert result.exit_code == 1
    assert "Error: the database has no baseline: run policywatch init first" in result.output
    assert db["targets"].count == 0 and db["changes"].count == 0


def test_an_updated_article_is_compared_again_and_later_ones_follow(db, db_path):
    invoke(db_path)
    text = (FOLLOWUPS / JAN).read_text(encoding="utf-8").replace("会议提出，到2027年，全市轨道运营里程达到800公里。", "")
    add(db, JAN, body=text)  # the site corrected the article: the 800 km sentence is gone
    result = invoke(db_path)
    assert "articles processed: 1" in result.output
    assert "later articles compared again: 1" in result.output
    expected = {row for row in EXPECTED if row[:3] != (JAN, "revised", "轨道运营里程|length")}
    expected.discard((MAR, "revised", "轨道运营里程|length", "重庆市", 800, 2027, 850, 2027))
    expected.add((MAR, "revised", "轨道运营里程|length", "重庆市", 750, 2027, 850, 2027))
    assert change_rows(db) == expected
    assert db["changes"].count == len(expected)
