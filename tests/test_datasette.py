"""A real Datasette server on the project's datasette.yml: search, canned queries, facets, locks."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import yaml

from policywatch.publish import CONFIG, datasette_args
from policywatch.store import open_db
from reports.digest import build_digest
from tests.publishing_data import WEEK, build_sample, start_datasette


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A sample database with a built digest, served by Datasette; yields (base URL, data)."""
    folder = tmp_path_factory.mktemp("site")
    db_path = folder / "policywatch.db"
    db = open_db(db_path)
    data = build_sample(db)
    build_digest(db, WEEK, folder / "digests", base_url="http://127.0.0.1:1")
    articles = list(db["articles"].rows_where("dup_of is null"))
    targets = list(db["targets"].rows)
    db.close()
    process, base = start_datasette(db_path, folder / "digests")
    yield base, {**data, "articles": articles, "targets": targets}
    process.terminate()
    process.wait(10)


def get(base: str, path: str, **params) -> httpx.Response:
    return httpx.get(base + path, params=params, timeout=10)


def rows(base: str, path: str, **params) -> list[dict]:
    response = get(base, path, _shape="array", _size="max", **params)
    assert response.status_code == 200, response.text[:500]
    return response.json()


def containing(records: list[dict], term: str, *fields: str) -> set[str]:
    """Ids of the records where every word of ``term`` occurs in one of ``fields``."""
    return {r["id"] for r in records
            if all(any(word in (r[f] or "") for f in fields) for word in term.split())}


@pytest.mark.parametrize("term", ["城", "市", "城市", "更新", "博物馆", "新能源", "老旧小区", "2027年", "PM2.5",
                                  "全会", "城市 2027年"])
def test_search_returns_exactly_the_articles_containing_the_term(site, term):
    base, data = site
    found = {r["id"] for r in rows(base, "/policywatch/articles.json", _search=term, _col="title")}
    assert found == containing(data["articles"], term, "title", "body")
    assert found, f"the sample data should contain {term}"


def test_two_and_four_character_terms_are_not_bags_of_characters(site):
    base, data = site
    rural = next(a for a in data["articles"] if a["title"] == "城乡融合发展")
    # 城 and 市, 老旧 and 小区 all occur in it, but not 城市 or 老旧小区.
    assert all(ch in rural["body"] + rural["title"] for ch in "城市")
    assert "老旧" in rural["body"] and "小区" in rural["body"]
    one = {r["id"] for r in rows(base, "/policywatch/articles.json", _search="城")}
    two = {r["id"] for r in rows(base, "/policywatch/articles.json", _search="城市")}
    four = {r["id"] for r in rows(base, "/policywatch/articles.json", _search="老旧小区")}
    assert rural["id"] in one
    assert rural["id"] not in two
    assert rural["id"] not in four


@pytest.mark.parametrize("term", ["口袋公园", "园", "2030年", "研发"])
def test_target_search(site, term):
    base, data = site
    found = {r["id"] for r in rows(base, "/policywatch/targets.json", _search=term)}
    assert found == containing(data["targets"], term, "indicator", "sentence")
    assert found


def test_search_for_nothing_and_for_fts_syntax_is_safe(site):
    base, _ = site
    assert rows(base, "/policywatch/articles.json", _search="长江大保护") == []
    assert rows(base, "/policywatch/articles.json", _search='城" OR "农') == []
    assert rows(base, "/policywatch/articles.json", _search="NOT AND") == []


def test_search_box_page_escapes_crawled_html(site):
    base, _ = site
    page = get(base, "/policywatch/articles", _search="全会").text
    assert 'name="_search" value="全会"' in page
    assert "市委六届九次全会召开&lt;script&gt;" in page
    assert '<script>alert("x")' not in page
    page = get(base, "/policywatch/articles", _search='"><b>城').text
    assert 'value="&#34;&gt;&lt;b&gt;城"' in page and "<b>城" not in page


def test_canned_query_changes_this_week(site):
    base, data = site
    found = rows(base, "/policywatch/changes_this_week.json", week=WEEK)
    assert {r["change_id"] for r in found} == {c["id"] for c in data["changes"].values()}
    assert [r["类型"] for r in found[:3]] == ["修订", "延展", "改期"]
    assert rows(base, "/policywatch/changes_this_week.json", week="2026-W01") == []


def test_canned_query_indicator_timeline(site):
    base, _ = site
    found = rows(base, "/policywatch/timeline.json", indicator="轨道")
    assert [(r["发布日期"], r["数值"], r["年份"], r["基线"]) for r in found] == [
        ("2025-12-01", "750公里", 2027, "基线"), ("2026-11-18", "1000公里", 2030, "")]
    assert rows(base, "/policywatch/timeline.json", indicator="") == []


def test_canned_query_crawl_health(site):
    base, _ = site
    health = {r["来源"]: r for r in rows(base, "/policywatch/crawl_health.json")}
    assert health["cq-gov-jrcq"]["健康"] == "异常"
    assert health["cq-gov-jrcq"]["最近状态"] == "failed"
    assert health["cqrb"]["健康"] == "正常"


def test_canned_query_search(site):
    base, data = site
    found = rows(base, "/policywatch/search.json", q="城市")
    articles = {r["编号"] for r in found if r["类别"] == "文章"}
    targets = {r["编号"] for r in found if r["类别"] == "目标"}
    assert articles == containing(data["articles"], "城市", "title", "body")
    assert targets == containing(data["targets"], "城市", "indicator", "sentence")
    assert rows(base, "/policywatch/search.json", q="") == []


@pytest.mark.parametrize("table,facets", [
    ("crawl_runs", {"source", "status"}),
    ("sources", {"healthy", "kind"}),
])
def test_configured_facets(site, table, facets):
    base, _ = site
    body = get(base, f"/policywatch/{table}.json", _extra="facet_results").json()
    assert facets <= set(body["facet_results"]["results"])


def test_change_type_facet_counts(site):
    base, _ = site
    body = get(base, "/policywatch/changes.json", _facet="change_type", _extra="facet_results").json()
    counts = {f["value"]: f["count"] for f in body["facet_results"]["results"]["change_type"]["results"]}
    assert counts == {"new": 4, "revised": 1, "extended": 1, "rescheduled": 1, "reaffirmed": 1,
                      "progress": 1}


@pytest.mark.parametrize("path", [
    "/policywatch/-/query?sql=select+1",
    "/policywatch/-/query.json?sql=select+*+from+articles",
    "/policywatch/articles.json?_where=1%3D1",
])
def test_arbitrary_sql_is_forbidden(site, path):
    base, _ = site
    assert httpx.get(base + path, timeout=10, follow_redirects=True).status_code == 403


@pytest.mark.parametrize("path,body", [
    ("/policywatch/articles/-/insert", {"row": {"id": "x", "title": "写入"}}),
    ("/policywatch/-/create", {"table": "x", "columns": [{"name": "a"}]}),
    ("/policywatch/changes/-/drop", {"confirm": True}),
])
def test_writes_are_forbidden(site, path, body):
    base, _ = site
    assert httpx.post(base + path, json=body, timeout=10).status_code == 403


def test_internal_tables_are_hidden(site):
    base, _ = site
    tables = get(base, "/policywatch.json").json()["tables"]
    visible = {t["name"] for t in tables if not t["hidden"]}
    assert {"articles", "targets", "changes", "sources", "crawl_runs", "digests",
            "notifications"} <= visible
    assert not any(name.endswith("_fts") or "_fts_" in name or name.startswith("_")
                   or name.startswith("apscheduler") for name in visible)


def test_metadata_and_descriptions(site):
    base, _ = site
    home = get(base, "/").text
    assert "重庆政策目标监测" in home and "Apache-2.0" in home
    page = get(base, "/policywatch/changes").text
    assert "与基线相比的变化" in page and "变化类型" in page


def test_digests_are_served(site):
    base, _ = site
    digest = get(base, f"/digests/{WEEK}.html")
    assert digest.status_code == 200 and "重庆政策目标每周变化" in digest.text
    assert get(base, "/digests/index.html").status_code == 200
    assert "<feed" in get(base, "/digests/feed.xml").text


def test_datasette_args_are_mutable_and_mount_digests(tmp_path):
    args = datasette_args(tmp_path / "policywatch.db", "127.0.0.1", 9001)
    assert args[1:4] == ["-m", "datasette", "serve"]
    assert "-i" not in args and "--immutable" not in args
    assert args[args.index("--static") + 1] == f"digests:{tmp_path / 'digests'}"
    assert (tmp_path / "digests").is_dir()
    assert args[args.index("--config") + 1] == str(CONFIG)


def test_datasette_args_rename_the_database_for_another_file_name(tmp_path):
    args = datasette_args(tmp_path / "cq.db", "127.0.0.1", 9001, tmp_path / "out")
    config = yaml.safe_load(Path(args[args.index("--config") + 1]).read_text(encoding="utf-8"))
    assert "cq" in config["databases"] and "policywatch" not in config["databases"]
    assert config["databases"]["cq"]["tables"]["articles"]["sort_desc"] == "published"
