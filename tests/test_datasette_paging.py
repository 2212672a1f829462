"""Canned queries page (50 rows, search 50 + 50) with 上一页/下一页 links; the large tables open
without facets, which an analyst can still ask for. A real Datasette on a sample database."""

from __future__ import annotations

import httpx
import pytest

from policywatch.datasette_pages import page_offset
from policywatch.store import open_db
from policywatch.store.articles import upsert_article
from policywatch.store.targets import replace_targets
from tests.publishing_data import WEEK, build_sample, start_datasette

EXTRA = 130  # more rows than two pages of changes_this_week, changes_to_review and timeline
SEARCHED = 60  # more articles than one page of search


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("paging")
    db_path = folder / "policywatch.db"
    db = open_db(db_path)
    build_sample(db)
    ident, _ = upsert_article(db, {
        "url": "https://www.cqrb.cn/rail.html", "source": "cqrb", "title": "轨道站点建设",
        "body": "到2027年新建轨道站点。", "published": "2026-11-19"})
    article = db["articles"].get(ident)
    targets = replace_targets(db, article, [
        {"kind": "target", "indicator": f"轨道站点{n:03d}", "indicator_key": f"轨道站点{n:03d}",
         "value": n, "value_max": None, "unit": "个", "comparator": "=", "year": 2027,
         "region": "重庆市", "sentence": "到2027年新建轨道站点。", "start": n, "end": n + 1}
        for n in range(EXTRA)], "test-1")
    db["changes"].insert_all([
        {"id": f"chg-extra-{n:03d}", "detected": "2026-11-21T09:00:00+08:00", "week": WEEK,
         "change_type": "new", "indicator": target["indicator"], "indicator_key": target["indicator"],
         "region": "重庆市", "new_value": target["value"], "new_unit": "个", "new_year": 2027,
         "target_id": target["id"], "article_id": ident, "sentence": target["sentence"],
         "published": "2026-11-19"} for n, target in enumerate(targets)])
    for n in range(SEARCHED):
        upsert_article(db, {"url": f"https://www.cqrb.cn/bayu/{n}.html", "source": "cqrb",
                            "title": f"巴渝新闻{n}", "body": f"巴渝大地第{n}篇。",
                            "published": f"2026-10-{1 + n % 28:02d}"})
    week = {row["id"] for row in db["changes"].rows_where("week = ?", [WEEK])}
    db.close()
    process, base = start_datasette(db_path, folder / "digests")
    yield base, week
    process.terminate()
    process.wait(10)


def rows(base: str, path: str, **params) -> list[dict]:
    response = httpx.get(base + path, params={"_shape": "array", **params}, timeout=10)
    assert response.status_code == 200, response.text[:500]
    return response.json()


def test_page_offset():
    assert [page_offset(page, 100) for page in ("", "1", "2", " 3 ", "0", "-2", "x")] == [
        0, 0, 100, 200, 0, 0, 0]


def pages(base: str, path: str, **params) -> list[list[dict]]:
    """Every page of a canned query, until an empty one."""
    found = []
    while page := rows(base, path, page=str(len(found) + 1), **params):
        found.append(page)
    return found


def test_changes_this_week_pages_by_50(site):
    base, week = site
    found = pages(base, "/policywatch/changes_this_week.json", week=WEEK)
    assert [len(page) for page in found] == [50, 50, len(week) - 100]
    assert sorted(r["change_id"] for page in found for r in page) == sorted(week)
    assert rows(base, "/policywatch/changes_this_week.json", week=WEEK, page="x") == found[0]


def test_changes_to_review_pages_by_50(site):
    base, week = site
    found = [r for page in pages(base, "/policywatch/changes_to_review.json") for r in page]
    assert sorted(r["change_id"] for r in found) == sorted(week)  # every change is still to review
    assert [r["发布日期"] for r in found] == sorted((r["发布日期"] for r in found), reverse=True)


def test_timeline_pages_by_50_oldest_first(site):
    base, _ = site
    found = pages(base, "/policywatch/timeline.json", indicator="轨道")
    assert len(found[0]) == 50 and len(found) >= 3
    flat = [r for page in found for r in page]
    assert len({r["target_id"] for r in flat}) == len(flat) >= EXTRA
    assert [r["发布日期"] for r in flat] == sorted(r["发布日期"] for r in flat)


def test_search_pages_by_50_articles(site):
    base, _ = site
    first = [r for r in rows(base, "/policywatch/search.json", q="巴渝") if r["类别"] == "文章"]
    second = [r for r in rows(base, "/policywatch/search.json", q="巴渝", page="2")
              if r["类别"] == "文章"]
    assert len(first) == 50 and len(second) == SEARCHED - 50
    assert min(r["发布日期"] for r in first) >= max(r["发布日期"] for r in second)
    assert len({r["编号"] for r in first + second}) == SEARCHED


def test_a_paged_query_links_to_the_previous_and_next_page(site):
    base, _ = site
    page = httpx.get(base + "/policywatch/changes_this_week", params={"week": WEEK, "page": "2"},
                     timeout=10).text
    assert "第 2 页" in page
    assert f'href="?week={WEEK}&amp;page=1"' in page and f'href="?week={WEEK}&amp;page=3"' in page
    first = httpx.get(base + "/policywatch/crawl_health", timeout=10).text
    assert "下一页" not in first  # crawl_health lists every source on one page


@pytest.mark.parametrize("table", ["articles", "targets", "changes", "indicator_timeline"])
def test_large_tables_open_without_facets(site, table):
    base, _ = site
    body = httpx.get(f"{base}/policywatch/{table}.json", params={"_extra": "facet_results"},
                     timeout=10).json()
    assert body["facet_results"]["results"] == {}


def test_a_facet_asked_for_still_counts(site):
    base, week = site
    body = httpx.get(f"{base}/policywatch/changes.json", params={
        "_facet": "change_type", "week": WEEK, "_extra": "facet_results"}, timeout=10).json()
    counts = {f["value"]: f["count"] for f in
              body["facet_results"]["results"]["change_type"]["results"]}
    assert sum(counts.values()) == len(week) and counts["new"] == 4 + EXTRA
