"""The service's hot queries use indexes: the feed, the week's changes, the digest charts."""

from __future__ import annotations

import re

import pytest
import yaml

from policywatch.publish import CONFIG
from policywatch.store import digests
from policywatch.store.changes import timeline
from policywatch.store.schema import FACET_INDEXES


def plan(db, sql: str, params: list) -> str:
    return " / ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, params))


def test_the_feed_reads_the_newest_changes_without_sorting_them_all(fresh_db):
    sql = (f"select {digests.CHANGE_COLUMNS} {digests.CHANGE_JOINS} where {digests.NOT_WRONG} "
           "order by c.published desc, c.detected desc, c.id limit ?")
    steps = plan(fresh_db, sql, [100])
    assert "idx_changes_recent" in steps
    assert "TEMP B-TREE" not in steps


def test_the_digest_counts_the_articles_waiting_for_diff_from_the_extractor_index(fresh_db):
    fresh_db.execute("ANALYZE")  # as on an archive where nearly every article has one version
    fresh_db.execute("INSERT OR REPLACE INTO sqlite_stat1 VALUES"
                     " ('articles', 'idx_articles_extractor', '100000 50000')")
    fresh_db.execute("ANALYZE sqlite_schema")  # reload the statistics
    calls = []
    fresh_db.conn.set_trace_callback(calls.append)
    assert digests.articles_waiting_for_diff(fresh_db) == 0
    fresh_db.conn.set_trace_callback(None)
    steps = plan(fresh_db, calls[-1], [])
    assert "COVERING INDEX idx_articles_extractor (extractor_version=?)" in steps
    assert "SCAN articles" not in steps.replace("SCAN articles USING", "")


def test_a_weeks_changes_and_a_baseline_targets_latest_change_are_index_lookups(fresh_db):
    week = plan(fresh_db, "select * from changes where week = ?", ["2026-W47"])
    assert "SEARCH changes USING INDEX idx_changes_week" in week
    latest = plan(fresh_db, "select id from changes where baseline_target_id = ?"
                  " order by published desc, detected desc limit 1", ["x"])
    assert "idx_changes_baseline" in latest and "TEMP B-TREE" not in latest


def test_a_bounded_timeline_is_the_baseline_and_the_latest_mentions(fresh_db):
    from policywatch.store.articles import upsert_article
    from policywatch.store.targets import replace_targets

    rows = []
    for number in range(6):
        ident, _ = upsert_article(fresh_db, {
            "url": f"https://example.cn/{number}.html", "source": "s", "title": "t",
            "body": f"轨道运营里程达到{800 + number}公里。", "published": f"2026-0{number + 1}-01",
            "is_baseline": number == 0})
        article = fresh_db["articles"].get(ident)
        rows += replace_targets(fresh_db, article, [{
            "kind": "target", "indicator": "轨道运营里程", "indicator_key": "轨道运营里程|length",
            "value": 800 + number, "unit": "公里", "comparator": "=", "year": 2027,
            "region": "重庆市", "sentence": "s", "start": 0, "end": 3}], "1")
    bounded = list(timeline(fresh_db, "轨道运营里程|length", until="2026-05-31", latest=2))
    assert [r["value"] for r in bounded] == [800, 803, 804]
    assert [r["value"] for r in timeline(fresh_db, "轨道运营里程|length")] == [800 + n for n in range(6)]


@pytest.mark.parametrize("table,column", [
    (table, column) for table, columns in FACET_INDEXES.items() for column in columns])
def test_every_facet_of_a_large_table_reads_a_covering_index(fresh_db, table, column):
    """Its facet index, or for ``region`` of targets ``idx_targets_region`` (m019), as narrow."""
    facet = (f"select {column} as value, count(*) as count from (select * from {table})"
             f" where {column} is not null group by {column} order by count desc, value limit 31")
    assert re.search(rf"COVERING INDEX idx_{table}_(facet_)?{column} ", plan(fresh_db, facet, []))


def test_a_search_count_with_a_region_merges_two_indexes_in_rowid_order(fresh_db):
    """m019_region_index: a search's count with ``region=`` reads no row and sorts nothing."""
    from policywatch.datasette_search import merged_count, prepare_connection

    prepare_connection(fresh_db.conn)
    steps = plan(fresh_db, merged_count("targets", '"region" = :p0', "1001"),
                 {"search": "城", "p0": "万州区"})
    assert "MERGE (INTERSECT)" in steps and "COVERING INDEX idx_targets_region" in steps
    assert "TEMP B-TREE" not in steps


def test_the_large_tables_have_no_default_facets():
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["databases"]["policywatch"]["tables"]
    for table in (*FACET_INDEXES, "indicator_timeline"):
        assert "facets" not in config[table], table


def test_a_page_of_the_timeline_view_and_its_count_sort_nothing(fresh_db):
    count = plan(fresh_db, "select count(*) from (select * from indicator_timeline limit 10001)", [])
    first = plan(fresh_db, "select * from indicator_timeline order by indicator_key limit 51", [])
    assert "TEMP B-TREE" not in count and "TEMP B-TREE" not in first


@pytest.mark.parametrize("table", ["articles", "targets"])
def test_a_later_page_of_a_large_table_reads_newest_first_from_an_index(fresh_db, table):
    """Datasette's ``?_next=`` page (a search's too) sorts nothing."""
    from policywatch.datasette_search import SEARCHABLE, prepare_connection

    prepare_connection(fresh_db.conn)
    for where in ("", f"{SEARCHABLE[table].clause('text')} and "):
        sql = (f"select * from {table} where {where}(published < :p or published is null or"
               " (published = :p and ((id > :i)))) order by published desc, id limit 51")
        steps = plan(fresh_db, sql, {"p": "2026-11-20", "i": "x", "search": "城市"})
        assert f"idx_{table}_newest" in steps and "TEMP B-TREE" not in steps


@pytest.mark.parametrize("table,column", [("articles", "title"), ("targets", "indicator")])
def test_a_search_sorted_by_the_label_column_reads_its_index_in_order(fresh_db, table, column):
    """m017_sort_indexes: a common word's page in title (indicator) order stops after a page."""
    fts = f"{table}_fts"
    sql = (f"select * from {table} where +rowid in (select rowid from {fts} where {fts} match ?)"
           f" order by {column} limit 51")
    steps = plan(fresh_db, sql, ['"城"'])
    assert f"SCAN {table} USING INDEX idx_{table}_{column}" in steps
    assert "TEMP B-TREE" not in steps


@pytest.mark.parametrize("table,column", [
    (table, column) for table, columns in FACET_INDEXES.items() for column in columns])
def test_a_page_filtered_on_a_facet_column_reads_that_values_rows_newest_first(fresh_db, table,
                                                                              column):
    """m018_filtered_newest_indexes: ``targets?region=万州区`` (and its search, keeping the index's
    matches) stops after a page of that region's rows instead of reading rows in date order."""
    searches = [""]
    if table in ("articles", "targets"):
        searches.append(f"+rowid in (select rowid from {table}_fts where {table}_fts match :q) and ")
    for search in searches:
        steps = plan(fresh_db, f"select * from {table} where {search}{column} = :v"
                               " order by published desc limit 51", {"v": "x", "q": '"城"'})
        assert f"USING INDEX idx_{table}_facet_{column} ({column}=?)" in steps
        assert "TEMP B-TREE" not in steps
