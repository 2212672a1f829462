"""Search through a real Datasette: traditional queries, marked and escaped snippets, links."""

from __future__ import annotations

import httpx
import pytest

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


@pytest.fixture(scope="module")
def crowd(tmp_path_factory):
    """1,100 articles, nearly all with 城 and three with 罕见, each published on another day
    (Datasette's first page breaks no ties); yields (base URL, articles)."""
    from datetime import date, timedelta

    from policywatch.store.articles import upsert_article

    folder = tmp_path_factory.mktemp("crowd")
    db_path = folder / "policywatch.db"
    db = open_db(db_path)
    for n in range(CROWD):
        body = f"第{n}号: " + ("城区更新。" if n < COMMON else "乡村振兴。") + ("罕见" * (n % 500 == 7))
        upsert_article(db, {"url": f"https://www.cqrb.cn/crowd/{n}.html", "source": "cqrb",
                            "title": f"新闻{n}", "body": body,
                            "published": str(date(2020, 1, 1) + timedelta(days=n * 7919 % CROWD))})
    articles = list(db["articles"].rows)
    db.close()
    process, base = start_datasette(db_path, folder / "digests")
    yield base, articles
    process.terminate()
    process.wait(10)


def all_pages(base: str, **params) -> tuple[list[dict], str]:
    """Every row of a search, newest first, following ``next``; and the SQL of the first page."""
    found, sql, after = [], "", None
    while True:
        extra = {"_next": after} if after else {}
        page = httpx.get(base + "/policywatch/articles.json", timeout=10, params={
            "_size": "500", "_extra": "query", **params, **extra}).json()
        found += page["rows"]
        sql = sql or page["query"]["sql"]
        after = page.get("next")
        if not after:
            return found, sql


@pytest.mark.parametrize("term,dense", [("城", True), ("城区", True), ("罕见", False), ("乡村", False)])
def test_a_common_term_scans_newest_first_a_rare_one_looks_its_matches_up(crowd, term, dense):
    base, articles = crowd
    found, sql = all_pages(base, _search=term)
    expected = [a for a in articles if term in a["body"]]
    assert sorted(r["id"] for r in found) == sorted(a["id"] for a in expected)
    assert [r["published"] for r in found] == sorted((a["published"] for a in expected), reverse=True)
    assert ("+rowid in (select rowid from articles_fts" in sql) is dense


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


def test_the_search_query_reads_a_common_word_newest_first_and_pages(crowd):
    base, articles = crowd
    expected = sorted((a for a in articles if "城" in a["body"]), key=lambda a: a["published"],
                      reverse=True)
    pages = [[r for r in rows(base, "/policywatch/search.json", q="城", page=str(page))
              if r["类别"] == "文章"] for page in (1, 2)]
    assert [r["编号"] for r in pages[0] + pages[1]] == [a["id"] for a in expected[:100]]
    rare = rows(base, "/policywatch/search.json", q="罕见")
    assert sorted(r["编号"] for r in rare) == sorted(a["id"] for a in articles if "罕见" in a["body"])
