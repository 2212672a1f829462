"""A search with another filter, or sorted by another column, gives exactly the rows of a plain
scan for the same query, whichever plan the plugin picks: on the SQLite file (each form of the
search clause) and through a real Datasette, every page followed by ``_next``."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import httpx
import pytest

from policywatch.datasette_search import (
    FORMS,
    SEARCHABLE,
    filtered_count_form,
    merged_count,
    prepare_connection,
)
from policywatch.search import substring_words
from policywatch.store import open_db
from policywatch.store.articles import upsert_article
from policywatch.store.targets import replace_targets
from tests.publishing_data import start_datasette

ARTICLES = 600
SOURCES = ("cqrb", "cqnews", "gov")
# 城镇 in three indicators of four, all after 全市乡村… in indicator order
INDICATORS = ("全市城镇绿地率", "全市城镇口袋公园数量", "全市城镇新能源汽车产量", "全市乡村公路里程")
REGIONS = ("重庆市", "万州区", "渝北区")
# 城 and cbd are in 95% of the bodies, 中频 in a third, 罕见 in two
TERMS = ("城", "城区", "cbd", "中频", "罕见")
ARTICLE_PAGES = [{"source": "cqnews"}, {"published__gte": "2021-06-01"}, {"_sort": "title"},
                 {"_sort_desc": "title"}, {"_sort": "title", "source": "gov"},
                 {"_sort": "author"}, {"_sort": "published"}]
TARGET_TERMS = ("城镇", "达到", "新能源汽车", "乡村")
TARGET_PAGES = [{"region": "万州区"}, {"_sort": "indicator"}, {"_sort_desc": "indicator"},
                {"_sort": "indicator", "region": "渝北区"}]


def body(n: int) -> str:
    return (f"第{n}号: " + ("城区更新CBD。" if n % 20 else "乡村振兴。") + ("罕见" * (n % 300 == 7))
            + ("中频" * (n % 3 == 0)))


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """600 articles (three sources, titles in another order than dates, each on its own day)
    and 10 targets for each of 60 of them; yields (database path, articles, targets)."""
    folder = tmp_path_factory.mktemp("filters")
    db_path = folder / "policywatch.db"
    db = open_db(db_path)
    for n in range(ARTICLES):
        ident, _ = upsert_article(db, {
            "url": f"https://www.cqrb.cn/filters/{n}.html", "source": SOURCES[n % 3],
            "title": f"{n * 7919 % ARTICLES:03d}号新闻", "body": body(n), "author": f"记者{n * 31 % ARTICLES:03d}",
            "published": str(date(2019, 1, 1) + timedelta(days=n * 4127 % ARTICLES))})
        if n % 15 == 0:
            article = db["articles"].get(ident)
            replace_targets(db, article, [
                {"kind": "target", "indicator": INDICATORS[(n + k) % 4], "indicator_key": "k",
                 "value": k, "value_max": None, "unit": "%", "comparator": "=", "year": 2027,
                 "region": REGIONS[(n + k) % 3],
                 "sentence": f"到2027年{REGIONS[(n + k) % 3]}{INDICATORS[(n + k) % 4]}达到{k}。",
                 "start": k, "end": k + 1} for k in range(10)], "test-1")
    articles = list(db["articles"].rows_where("dup_of is null"))
    targets = list(db["targets"].rows)
    db.close()
    return db_path, articles, targets


@pytest.fixture(scope="module")
def site(archive):
    db_path, _, _ = archive
    process, base = start_datasette(db_path, db_path.parent / "digests")
    yield base
    process.terminate()
    process.wait(10)


def expected_ids(rows: list[dict], term: str, texts: tuple[str, str], params: dict) -> list[str]:
    """The ids a plain scan gives: rows containing ``term`` (case-folded), filtered, sorted."""
    def matches(row: dict) -> bool:
        text = " ".join(row[column] or "" for column in texts).casefold()
        return term.casefold() in text and all(
            row[key.removesuffix("__gte")] >= value if key.endswith("__gte") else row[key] == value
            for key, value in params.items() if not key.startswith("_"))
    column = params.get("_sort") or params.get("_sort_desc") or "published"
    found = sorted(filter(matches, rows), key=lambda row: row[column], reverse="_sort" not in params)
    return [row["id"] for row in found]


def every_page(base: str, table: str, params: dict, size: str) -> tuple[list[str], int]:
    """The ids of every page of a table page followed by ``_next``, and its first page's count."""
    ids, counts, after = [], [], None
    while True:
        page = httpx.get(f"{base}/policywatch/{table}.json", timeout=10, params={
            **params, "_size": size, "_extra": "count", **({"_next": after} if after else {})}).json()
        ids += [row["id"] for row in page["rows"]]
        counts.append(page["count"])
        after = page.get("next")
        if not after:
            return ids, counts[0]


@pytest.mark.parametrize("params", ARTICLE_PAGES)
@pytest.mark.parametrize("term", TERMS)
def test_a_filtered_or_sorted_article_search_gives_the_rows_of_a_plain_scan(archive, site, term,
                                                                              params):
    _, articles, _ = archive
    expected = expected_ids([a for a in articles if a["body"]], term, ("title", "body"), params)
    for size in ("100", "max"):
        ids, count = every_page(site, "articles", {"_search": term, **params}, size)
        assert ids == expected
        assert count == len(expected)


@pytest.mark.parametrize("params", TARGET_PAGES)
@pytest.mark.parametrize("term", TARGET_TERMS)
def test_a_filtered_or_sorted_target_search_gives_the_rows_of_a_plain_scan(archive, site, term,
                                                                             params):
    """Targets tie on indicator and date: Datasette orders its first page by the sort column
    alone, so the test compares sort keys (and the set of rows on a page holding them all)."""
    _, _, targets = archive
    column = params.get("_sort") or params.get("_sort_desc") or "published"
    key = {t["id"]: t[column] for t in targets}
    expected = expected_ids(targets, term, ("indicator", "sentence"), params)
    assert expected
    for size in ("15", "max"):
        body = httpx.get(f"{site}/policywatch/targets.json", timeout=10, params={
            "_search": term, "_size": size, "_extra": "count", **params}).json()
        ids = [row["id"] for row in body["rows"]]
        assert set(ids) <= set(expected)
        assert [key[i] for i in ids] == [key[i] for i in expected][:len(ids)]
        assert len(ids) == min(len(expected), 1000 if size == "max" else 15)
        assert body["count"] == len(expected)


@pytest.mark.parametrize("params", ARTICLE_PAGES)
@pytest.mark.parametrize("form", FORMS)
def test_each_form_of_the_search_clause_gives_the_same_rows_on_the_sqlite_file(archive, form,
                                                                                params):
    """What the plugin may pick, run as SQL on the file: every form, with the other filter and
    the sort, gives the ids of a plain scan."""
    db_path, articles, _ = archive
    conn = sqlite3.connect(db_path)
    prepare_connection(conn)
    column = params.get("_sort") or params.get("_sort_desc") or "published"
    direction = "" if "_sort" in params else " desc"
    others = {key: value for key, value in params.items() if not key.startswith("_")}
    where = [f"{key.removesuffix('__gte')} {'>=' if key.endswith('__gte') else '='} :p{n}"
             for n, key in enumerate(others)]
    for term in TERMS if form != "text" else [t for t in TERMS if substring_words(t)]:
        sql = (f"select id from articles where {' and '.join([*where, SEARCHABLE['articles'].clause(form)])}"
               f" order by {column}{direction}")
        found = [row[0] for row in conn.execute(sql, {"search": term, **{
            f"p{n}": value for n, value in enumerate(others.values())}})]
        assert found == expected_ids([a for a in articles if a["body"]], term, ("title", "body"),
                                     params)
    conn.close()


@pytest.mark.parametrize("params,clause", [
    ({"_sort": "title"}, SEARCHABLE["articles"].sorted_clause("title")),
    ({"_sort_desc": "title"}, SEARCHABLE["articles"].sorted_clause("title")),
    ({"_sort": "author"}, SEARCHABLE["articles"].clause("lookup"))])
def test_a_common_term_sorted_by_an_indexed_column_reads_that_index(site, params, clause):
    """城 (570 of 600 articles) sorted by title (idx_articles_title) is read in title order,
    finding titles that hold it in that index and asking the search index for the articles that
    hold it in their body (more than sqrt(51 * 600) matches: the sorted form of keeping the
    index's matches); sorted by author (no index), every match is read and sorted (fewer than
    sqrt(1,001 * 600): they are looked up)."""
    body = httpx.get(site + "/policywatch/articles.json", timeout=10, params={
        "_search": "城", "_extra": "query", **params}).json()
    assert clause in body["query"]["sql"]


@pytest.mark.parametrize("word", ["全市", "公", "绿地", "鲸"])
def test_the_timeline_query_gives_the_rows_of_a_plain_scan(archive, site, word):
    """全市 is in every indicator (600: checked in date order, more than sqrt(51 * 600 * 10)),
    公 in half (scanned in date order keeping its matches), 绿地 in a quarter (looked up)."""
    _, _, targets = archive
    expected = [t["id"] for t in sorted((t for t in targets if word in t["indicator"]),
                                        key=lambda t: (t["published"], t["year"], t["id"]))]
    found, page = [], 1
    while rows := httpx.get(f"{site}/policywatch/timeline.json", timeout=10, params={
            "indicator": word, "page": str(page), "_shape": "array"}).json():
        assert len(rows) == 50 or len(found) + len(rows) == len(expected)
        found += [row["target_id"] for row in rows]
        page += 1
    assert found == expected


@pytest.mark.parametrize("params,clause", [
    ({"_sort": "indicator"}, SEARCHABLE["targets"].bounded_clause("indicator", False)),
    ({"_sort_desc": "indicator"}, SEARCHABLE["targets"].clause("text")),
    ({"_sort": "indicator", "_search": "达到"}, SEARCHABLE["targets"].clause("text")),
    ({"region": "万州区"}, SEARCHABLE["targets"].clause("text"))])
def test_another_order_checks_text_when_its_first_rows_hold_the_matches(site, params, clause):
    """城镇 is in 450 of 600 targets (more than sqrt(16 * 600 * 10) for a page of 15): in
    indicator order its first 150 rows (全市乡村公路里程) hold none, so the page does not check
    text: it finds the indicators that hold 城镇 in their index, from the first of them (the
    sorted form of keeping the index's matches, bounded); in reverse order, or for 达到 (in every sentence), it checks each row's
    text; so does a page in the table's own order with a column filter (its count, up to 1,001
    rows, picks a form of its own: count_with_filters)."""
    body = httpx.get(site + "/policywatch/targets.json", timeout=10, params={
        "_search": "城镇", "_size": "15", "_extra": "query", **params}).json()
    assert f"{clause} order by" in body["query"]["sql"]  # the sorted form holds the text check


def target_counts(conn: sqlite3.Connection, term: str, where: str, params: dict,
                  limit: str | None) -> dict[str, int]:
    """The count of the targets ``term`` matches and ``where`` keeps, up to ``limit``, in each
    form of the search clause and as a merge."""
    tail = f" limit {limit}" if limit else ""
    forms = [form for form in FORMS if form != "text" or substring_words(term)]
    counts = {form: conn.execute(
        f"select count(*) from (select 1 from targets where {where} and"
        f" {SEARCHABLE['targets'].clause(form)}{tail})", {"search": term, **params}).fetchone()[0]
        for form in forms}
    counts["merge"] = conn.execute(merged_count("targets", where, limit),
                                   {"search": term, **params}).fetchone()[0]
    return counts


@pytest.mark.parametrize("limit", ["1001", "20", None])
@pytest.mark.parametrize("term", TARGET_TERMS)
def test_a_merged_count_counts_the_rows_of_every_other_form(archive, term, limit):
    """merged_count (the search index's rowids merged with idx_targets_region's) counts exactly
    the targets each form of the search clause counts, and a plain scan finds, up to any limit;
    it merges the two indexes, reading no row and sorting nothing."""
    db_path, _, targets = archive
    conn = sqlite3.connect(db_path)
    prepare_connection(conn)
    for region in REGIONS:
        expected = len(expected_ids(targets, term, ("indicator", "sentence"), {"region": region}))
        counts = target_counts(conn, term, '"region" = :p0', {"p0": region}, limit)
        assert set(counts.values()) == {min(expected, int(limit or expected))}, (region, counts)
    steps = " / ".join(row[3] for row in conn.execute(
        "explain query plan " + merged_count("targets", '"region" = :p0', limit),
        {"search": term, "p0": "万州区"}))
    assert "MERGE (INTERSECT)" in steps and "COVERING INDEX idx_targets_region (region=?)" in steps
    assert "TEMP B-TREE" not in steps
    conn.close()


@pytest.mark.parametrize("term,region,where,form", [
    ("城镇", "万州区", '"region" = :p0', "merge"),  # 450 matches, 200 targets of 万州区
    ("达到", "万州区", '"region" = :p0', "merge"),  # in every target: 200 rows checked cost more
    ("新能源汽车", "万州区", '"region" = :p0', "merge"),  # 150 matches
    ("绿地率达到9", "万州区", '"region" = :p0', "lookup"),  # 15 matches, fewer than 200 / 9
    ("达到", "江北区", '"region" = :p0', "text"),  # a region without targets: nothing to check
    ("城镇", "万州区", '"year" = :p1', None),  # no index of year in rowid order: a merge would sort
    ("城镇", "万州区", '"region" = :p0 and "unit" = :p2', None)])  # the index holds no unit
def test_a_count_with_a_region_takes_the_cheapest_form(archive, term, region, where, form):
    """filtered_count_form: only filters an index answers in rowid order, alone (region), are
    weighed; the count Datasette runs for the page then takes the cheapest of a merge, looking
    the matches up and checking the region's text, and counts the same rows."""
    import asyncio

    from datasette.app import Datasette

    from policywatch.datasette_search import count_with_filters

    db_path, _, targets = archive
    database = Datasette([str(db_path)]).get_database("policywatch")
    params = {"search": term, "p0": region, "p1": 2027, "p2": "%"}
    assert asyncio.run(filtered_count_form(database, "targets", term, where, params)) == form
    count = (f"select count(*) from (select 1 from targets where {where} and"
             f" {SEARCHABLE['targets'].clause('scan')} limit 1001)")
    counted = asyncio.run(count_with_filters(database, count, params))
    if form == "merge":
        assert counted == merged_count("targets", f"{where} and 1", "1001")
    elif form:
        assert counted == count.replace(SEARCHABLE["targets"].clause("scan"),
                                        SEARCHABLE["targets"].clause(form))
    conn = sqlite3.connect(db_path)
    prepare_connection(conn)
    assert conn.execute(counted, params).fetchone()[0] == conn.execute(count, params).fetchone()[0]
    expected = expected_ids(targets, term, ("indicator", "sentence"), {"region": region})
    if where == '"region" = :p0':
        assert conn.execute(counted, params).fetchone()[0] == len(expected)
    conn.close()
