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
