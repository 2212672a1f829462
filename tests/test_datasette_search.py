"""Search through a real Datasette: traditional queries, marked and escaped snippets, links."""

from __future__ import annotations

import httpx
import pytest

from policywatch.datasette_search import SEARCHABLE, count_from_index
from policywatch.store import open_db
from tests.publishing_data import EVIL_TITLE, build_sample, start_datasette


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The publishing sample database served by Datasette; yields (base URL, articles)."""
    folder = tmp_path_factory.mktemp("search")
    db_path = folder / "policywatch.db"
    db = open_db(db_path)
    build_sample(db)
    articles = list(db["articles"].rows_where("dup_of is null"))
    db.close()
    process, base = start_datasette(db_path, folder / "digests")
    yield base, articles
    process.terminate()
    process.wait(10)


def rows(base: str, path: str, **params) -> list[dict]:
    response = httpx.get(base + path, params={"_shape": "array", "_size": "max", **params}, timeout=10)
    assert response.status_code == 200, response.text[:500]
    return response.json()


@pytest.mark.parametrize("traditional,simplified", [("重慶", "重庆"), ("軌道", "轨道"),
                                                    ("城鄉融合", "城乡融合")])
def test_a_traditional_query_finds_simplified_text(site, traditional, simplified):
    base, articles = site
    expected = {a["id"] for a in articles if simplified in a["title"] + (a["body"] or "")}
    assert expected
    for term in (traditional, simplified):
        assert {r["id"] for r in rows(base, "/policywatch/articles.json", _search=term)} == expected
    assert {r["编号"] for r in rows(base, "/policywatch/search.json", q=traditional)
            if r["类别"] == "文章"} == expected


def test_search_hits_have_a_marked_snippet_and_a_link_to_their_article(site):
    base, articles = site
    urls = {a["id"]: a["url"] for a in articles}
    found = rows(base, "/policywatch/search.json", q="老旧小区")
    assert {r["类别"] for r in found} == {"文章", "目标"}
    for row in found:
        assert "\ue000老旧小区\ue001" in row["摘要"]
        assert row["链接"].startswith("https://")
        if row["类别"] == "文章":
            assert row["链接"] == urls[row["编号"]]
    page = httpx.get(base + "/policywatch/search", params={"q": "老旧小区"}, timeout=10).text
    assert "<mark>老旧小区</mark>" in page
    assert '<a href="https://www.cq.gov.cn/ywdt/jrcq/t20261110_1.html">' in page


def test_snippets_escape_crawled_html(site):
    base, _ = site
    page = httpx.get(base + "/policywatch/search", params={"q": "全会"}, timeout=10).text
    assert "<mark>全会</mark>" in page
    assert EVIL_TITLE not in page and "&lt;script&gt;" in page


CROWD, COMMON = 1100, 1060  # 城 in 1,060 of 1,100 articles: more than sqrt(1001 * 1100) matches
DUPLICATE_TITLE = "城市重复稿"  # a reprint: stored without a body, so outside the search index
TARGETS = 600  # of the first article; 590 of them 城区绿地率: more than sqrt(51 * 600 * 10)


def articles_id(db, n: int) -> str:
    return next(db["articles"].rows_where("url = ?", [f"https://www.cqrb.cn/crowd/{n}.html"]))["id"]


@pytest.fixture(scope="module")
def crowd_db(tmp_path_factory):
    """1,100 articles, nearly all with 城 and CBD and three with 罕见, each published on another
    day (Datasette's first page breaks no ties), and one reprint whose title has 城;
    returns (database path, articles)."""
    from datetime import date, timedelta

    from policywatch.store.articles import upsert_article
    from policywatch.store.targets import replace_targets

    folder = tmp_path_factory.mktemp("crowd")
    db_path = folder / "policywatch.db"
    db = open_db(db_path)
    for n in range(CROWD):
        body = f"第{n}号: " + ("城区更新CBD。" if n < COMMON else "乡村振兴。") + ("罕见" * (n % 500 == 7)) \
            + ("中频" * (n % 3 == 0))
        upsert_article(db, {"url": f"https://www.cqrb.cn/crowd/{n}.html", "source": "cqrb",
                            "title": f"新闻{n}", "body": body,
                            "published": str(date(2020, 1, 1) + timedelta(days=n * 7919 % CROWD))})
    upsert_article(db, {"url": "https://www.cqrb.cn/crowd/reprint.html", "source": "cqrb",
                        "title": DUPLICATE_TITLE, "body": "第1号: 城区更新CBD。", "published": "2024-01-01"})
    replace_targets(db, db["articles"].get(articles_id(db, 0)), [
        {"kind": "target", "indicator": "城区绿地率" if n % 60 else "乡村绿化率",
         "indicator_key": "绿地率", "value": n, "value_max": None, "unit": "%", "comparator": "=",
         "year": 2027, "region": "重庆市", "sentence": f"到2027年第{n}片绿地率达到{n}%。",
         "start": n, "end": n + 1} for n in range(TARGETS)], "test-1")
    articles = list(db["articles"].rows)
    assert [a["dup_of"] for a in articles if a["title"] == DUPLICATE_TITLE] != [None]
    db.close()
    return db_path, articles


@pytest.fixture(scope="module")
def crowd(crowd_db):
    """The crowd database served by Datasette; yields (base URL, articles)."""
    db_path, articles = crowd_db
    process, base = start_datasette(db_path, db_path.parent / "digests")
    yield base, articles
    process.terminate()
    process.wait(10)


def all_pages(base: str, size: str = "500", **params) -> tuple[list[dict], list[str]]:
    """Every row of a search, newest first, following ``next``; and the SQL of each page."""
    found, sql, after = [], [], None
    while True:
        extra = {"_next": after} if after else {}
        page = httpx.get(base + "/policywatch/articles.json", timeout=10, params={
            "_size": size, "_extra": "query", **params, **extra}).json()
        found += page["rows"]
        sql.append(page["query"]["sql"])
        after = page.get("next")
        if not after:
            return found, sql


def containing(articles: list[dict], term: str) -> list[dict]:
    """The articles the search index holds (not reprints) whose body contains ``term``."""
    return [a for a in articles if a["body"] and term.casefold() in a["body"].casefold()]


@pytest.mark.parametrize("term,size,form", [
    ("城", "20", "text"), ("城区", "500", "scan"), ("cbd", "500", "scan"), ("罕见", "500", "lookup"),
    ("乡村", "10", "lookup")])
def test_a_common_term_scans_newest_first_a_rare_one_looks_its_matches_up(crowd, term, size, form):
    """A common term is read newest first: a Han term that a small page finds in the first few
    rows checks each row's text (its matches: more than sqrt(21 * 1,101 * 40)), another keeps
    the rows among the index's matches (a term with other characters is matched case-folded,
    as words); a rare term looks its matches up."""
    base, articles = crowd
    found, sql = all_pages(base, size, _search=term)
    expected = containing(articles, term)
    assert sorted(r["id"] for r in found) == sorted(a["id"] for a in expected)
    assert [r["published"] for r in found] == sorted((a["published"] for a in expected), reverse=True)
    assert all(SEARCHABLE["articles"].clause(form) in page for page in sql)
    assert DUPLICATE_TITLE not in {r["title"] for r in found}


@pytest.mark.parametrize("params,clause", [
    ({"_sort": "title"}, SEARCHABLE["articles"].sorted_clause("title")),
    ({"_facet": "source"}, SEARCHABLE["articles"].clause("scan"))])
def test_a_common_term_in_another_order_or_with_a_facet_keeps_the_index_matches(crowd, params,
                                                                                clause):
    """Counted by a facet, every match is read: kept from the index. Sorted by title, the page
    reads titles in their index's order, asking the search index for the articles that hold
    the word in their body only (the sorted form)."""
    base, articles = crowd
    body = httpx.get(base + "/policywatch/articles.json", timeout=10, params={
        "_search": "城", "_size": "max", "_extra": "query,facet_results", **params}).json()
    expected = containing(articles, "城")
    assert clause in body["query"]["sql"]
    if "_sort" in params:
        assert [r["title"] for r in body["rows"]] == sorted(a["title"] for a in expected)[:1000]
    else:
        counts = body["facet_results"]["results"]["source"]["results"]
        assert [(f["value"], f["count"]) for f in counts] == [("cqrb", len(expected))]


def test_a_page_counts_up_to_1000_rows_and_a_rare_term_exactly(crowd):
    base, _ = crowd
    count = httpx.get(base + "/policywatch/articles.json", params={
        "_search": "城", "_extra": "count,count_truncated"}, timeout=10).json()
    assert count["count"] == 1001 and count["count_truncated"] is True
    rare = httpx.get(base + "/policywatch/articles.json", params={
        "_search": "罕见", "_extra": "count,count_truncated"}, timeout=10).json()
    assert rare["count"] == 3 and rare["count_truncated"] is False
    page = httpx.get(base + "/policywatch/articles", params={"_search": "城"}, timeout=10).text
    assert "1,000+ rows" in page and 'name="_search" value="城"' in page
    for term, count, truncated in (("城", 1001, True), ("罕见", 3, False)):  # with another filter
        body = httpx.get(base + "/policywatch/articles.json", params={
            "_search": term, "source": "cqrb", "_extra": "count,count_truncated"}, timeout=10).json()
        assert (body["count"], body["count_truncated"]) == (count, truncated)


@pytest.mark.parametrize("params,form", [({}, "scan"), ({"_size": "max"}, "lookup"),
                                         ({"source": "cqrb"}, "scan")])
def test_a_term_is_common_for_the_rows_a_page_reads(crowd, params, form):
    """中频 (367 of 1,100 articles) is common for a page of 50 rows, with or without another
    filter, and rare for a page of 1,000 rows; the count of a page with another filter picks
    its own form (test_a_count_with_other_filters_counts_in_its_own_form)."""
    base, articles = crowd
    body = httpx.get(base + "/policywatch/articles.json", timeout=10, params={
        "_search": "中频", "_extra": "query,count", **params}).json()
    expected = sorted(containing(articles, "中频"), key=lambda a: a["published"], reverse=True)
    assert SEARCHABLE["articles"].clause(form) in body["query"]["sql"]
    assert body["count"] == len(expected) == 367
    assert [r["id"] for r in body["rows"]] == [a["id"] for a in expected][:len(body["rows"])]
    assert len(body["rows"]) == (367 if params.get("_size") else 50)


def test_count_all_counts_every_match_and_no_reprint(crowd):
    base, articles = crowd
    for term in ("城", "cbd", "罕见"):
        response = httpx.post(base + "/policywatch/articles/-/count", params={"_search": term},
                              timeout=10)
        assert response.status_code == 200, response.text[:300]
        assert response.json()["count"] == len(containing(articles, term))


def test_a_search_alone_is_counted_from_its_index(crowd):
    """Datasette's count of a search's rows (its "count all", and a page's count up to 1,001
    rows) reads the index alone; a count with another filter stays as it is."""
    base, _ = crowd
    for term in ("城", "cbd", "罕见"):
        count_sql = httpx.get(base + "/policywatch/articles.json", params={
            "_search": term, "_extra": "count_sql", "_size": "0"}, timeout=10).json()["count_sql"]
        from_sql = count_sql.removeprefix("select count(*) ")
        index = "articles_fts where articles_fts match escape_fts(:search)"
        assert count_from_index(count_sql) == f"select count(*) from {index}"
        assert count_from_index(f"select count(*) from (select * {from_sql} limit 1001)") == \
            f"select count(*) from (select rowid from {index} limit 1001)"
        other = count_sql.replace(" where ", " where source = :p0 and ")
        assert count_from_index(other) == other


def test_the_search_query_reads_a_common_word_newest_first_and_pages(crowd):
    base, articles = crowd
    expected = sorted(containing(articles, "城"), key=lambda a: a["published"], reverse=True)
    pages = [[r for r in rows(base, "/policywatch/search.json", q="城", page=str(page))
              if r["类别"] == "文章"] for page in (1, 2)]
    assert [r["编号"] for r in pages[0] + pages[1]] == [a["id"] for a in expected[:100]]
    rare = rows(base, "/policywatch/search.json", q="罕见")
    assert sorted(r["编号"] for r in rare) == sorted(a["id"] for a in containing(articles, "罕见"))


def test_common_targets_are_read_newest_first_checking_their_text(crowd):
    """城区 is in 590 of 600 targets: the table page and the canned query check each target's
    text, newest first (here all of one day: the canned query pages by rowid within a day)."""
    base, _ = crowd
    body = httpx.get(base + "/policywatch/targets.json", timeout=10, params={
        "_search": "城区", "_extra": "query,count,count_truncated"}).json()
    assert SEARCHABLE["targets"].clause("text") in body["query"]["sql"]
    assert len(body["rows"]) == 50 and all(r["indicator"] == "城区绿地率" for r in body["rows"])
    assert (body["count"], body["count_truncated"]) == (590, False)
    found = [r for page in ("1", "2") for r in rows(base, "/policywatch/search.json", q="城区", page=page)
             if r["类别"] == "目标"]
    expected = [n for n in reversed(range(TARGETS)) if n % 60][:100]
    assert [r["标题"] for r in found] == ["城区绿地率"] * 100
    assert sorted(r["摘要"] for r in found) == sorted(f"到2027年第{n}片绿地率达到{n}%。" for n in expected)


@pytest.mark.parametrize("work,rows,threshold,start", [
    (51, 1100, 236, 0),  # a table up to SAMPLE rows is counted whole: sqrt(51 * 1,100)
    (51, 100_000, 225, 90_000),  # sqrt(51 * 100,000) = 2,258 matches, 1/10 of them in the sample
    (1001 * 40, 100_000, 6327, 90_000),
    (51, 0, 1, 0)])
def test_how_common_a_term_is_is_counted_among_the_last_rows(work, rows, threshold, start):
    """The break-even point of a scan, as matches among the table's last SAMPLE rows."""
    from policywatch.datasette_search import SAMPLE, break_even, sample_start

    assert SAMPLE == 10_000
    assert (break_even(work, rows), sample_start(rows)) == (threshold, start)


def test_a_count_with_other_filters_counts_in_its_own_form(crowd, crowd_db):
    """A page's count up to 1,001 rows of a search with another filter: 城 (1,060 matches) keeps
    the index's matches; 中频 (367) is rare, but source=cqrb keeps 1,101 rows, fewer than
    LOOKUP_COST a match, counted from idx_articles_source_published: it walks them too; 罕见 (3)
    is looked up, and so is 中频 with a filter no index covers (body, whose count would read
    every row). The counts equal the rows a plain scan finds, up to 1,001, whether the count
    selects its columns or 1 (policywatch.datasette_counts)."""
    import asyncio

    from datasette.app import Datasette

    from policywatch.datasette_search import LOOKUP_COST, count_with_filters

    base, articles = crowd
    sql = httpx.get(base + "/policywatch/articles.json", params={
        "_search": "中频", "source": "cqrb", "_extra": "count_sql"}, timeout=10).json()["count_sql"]
    limited = f"select count(*) from (select * {sql.removeprefix('select count(*) ')} limit 1001)"
    scan = SEARCHABLE["articles"].clause("scan")
    assert scan in limited and LOOKUP_COST == 5
    database = Datasette([str(crowd_db[0])]).get_database("policywatch")
    for term, form, where, value in (
            ("中频", "scan", '"source" = :p0', "cqrb"), ("城", "scan", '"source" = :p0', "cqrb"),
            ("罕见", "lookup", '"source" = :p0', "cqrb"), ("中频", "lookup", '"body" != :p0', "")):
        params = {"search": term, "p0": value}
        asked = limited.replace('"source" = :p0', where)
        counted = asyncio.run(count_with_filters(database, asked, params))
        assert counted == asked.replace(scan, SEARCHABLE["articles"].clause(form)), (term, where)
        expected = [a for a in containing(articles, term) if a["source"] == "cqrb" or where != \
                    '"source" = :p0']
        assert asyncio.run(database.execute(counted, params)).single_value() == \
            min(len(expected), 1001)
        without_columns = asked.replace("(select * from", "(select 1 from")
        assert asyncio.run(count_with_filters(database, without_columns, params)) == \
            without_columns.replace(scan, SEARCHABLE["articles"].clause(form))
    assert asyncio.run(count_with_filters(database, "select 1", {"search": "城"})) == "select 1"
