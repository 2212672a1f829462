"""What an analyst meets in Datasette: the home page, human canned queries, 本周变化 on the
latest week with changes, 基线状态, and an indicator's chart page, on a real server."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import httpx
import pytest
import yaml
from markupsafe import escape

from policywatch.datasette_pages import indicator_path, link, render_cell
from policywatch.publish import CONFIG
from policywatch.store import open_db
from reports.chart import BASELINE_COLOUR, TARGET_COLOUR
from reports.digest import build_digest
from tests.publishing_data import EVIL_TITLE, WEEK, build_sample, start_datasette

READ_ONLY = [name for name, query in yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
             ["databases"]["policywatch"]["queries"].items() if not query.get("write")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    db_path = folder / "policywatch.db"
    db = open_db(db_path)
    data = build_sample(db)
    build_digest(db, WEEK, folder / "digests", base_url="http://127.0.0.1:1")
    db.close()
    process, base = start_datasette(db_path, folder / "digests")
    yield base, data
    process.terminate()
    process.wait(10)


def get(base: str, path: str, **params) -> httpx.Response:
    return httpx.get(base + path, params=params, timeout=10)


def rows(base: str, path: str, **params) -> list[dict]:
    response = get(base, path, _shape="array", **params)
    assert response.status_code == 200, response.text[:500]
    return response.json()


def test_home_page_leads_with_the_canned_queries_and_what_each_answers(site):
    base, _ = site
    home = get(base, "/").text
    queries = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["databases"]["policywatch"]["queries"]
    assert home.index("常用查询") < home.index("完整数据表") < home.index('href="/policywatch/articles"')
    for name in READ_ONLY:
        assert f'href="/policywatch/{name}"' in home
        assert str(escape(queries[name]["title"])) in home
        assert str(escape(queries[name]["description"])) in home
    assert 'href="/policywatch/review_change"' not in home  # writable queries: for analysts
    assert 'href="/digests/index.html"' in home


@pytest.mark.parametrize("name", READ_ONLY)
def test_canned_queries_hide_their_sql_until_asked(site, name):
    base, _ = site
    page = get(base, f"/policywatch/{name}").text
    assert 'id="sql-query"' not in page and "select " not in page.split("<h1", 1)[1].lower()[:4000]
    assert "_hide_sql" in page or "_show_sql" in page
    shown = get(base, f"/policywatch/{name}", _show_sql="1").text
    assert 'id="sql-query"' in shown


def test_changes_this_week_opens_on_the_latest_week_with_changes(site):
    base, data = site
    found = rows(base, "/policywatch/changes_this_week.json")  # this week (2026-W48 or later) has none
    assert {r["周"] for r in found} == {WEEK}
    assert len(found) == len(data["changes"])


def test_changes_this_week_shows_human_columns(site):
    base, data = site
    found = {r["指标"] and json.loads(r["指标"])["label"]: r
             for r in rows(base, "/policywatch/changes_this_week.json")}
    revised = found["研发投入强度"]
    assert (revised["类型"], revised["原目标"], revised["新值"]) == ("修订", "3% (2027年)", "3.2% (2027年)")
    assert found["老旧小区改造"]["完成度"] == "55%" and found["老旧小区改造"]["新值"] == "9916个"
    assert found["城镇新增就业"]["新值"] == "60万人 (2026年)"
    assert json.loads(revised["文章"]) == {"href": data["plenary"]["url"], "label": EVIL_TITLE}
    page = get(base, "/policywatch/changes_this_week").text
    key = quote("研发投入强度")
    assert re.search(rf'<a href="/-/indicator\?key={key}&amp;region=[^"]+">研发投入强度</a>', page)
    assert f'<a href="{data["plenary"]["url"]}">{escape(EVIL_TITLE)}</a>' in page
    assert "<script>alert" not in page
    assert "4000000000000" not in page and "0.5509" not in page


def test_baseline_status_per_baseline_target(site):
    base, _ = site
    status = {json.loads(r["指标"])["label"]: r for r in rows(base, "/policywatch/baseline_status.json")}
    assert set(status) == {"轨道运营里程", "研发投入强度", "新能源汽车产量", "老旧小区改造", "5G基站"}
    rd = status["研发投入强度"]
    assert (rd["基线目标"], rd["基线年份"], rd["当前目标"], rd["调整"]) == (
        "3%", 2027, "3.2% (2027年)", "修订 · 2026-11-18")
    rail = status["轨道运营里程"]
    assert (rail["基线目标"], rail["当前目标"], rail["调整"]) == ("750公里", "1000公里 (2030年)",
                                                               "延展 · 2026-11-18")
    old = status["老旧小区改造"]
    assert (old["基线目标"], old["当前目标"], old["调整"]) == ("1.8万个", "1.8万个 (2027年)", "未调整")
    assert (old["最新统计"], old["统计日期"], old["完成度"]) == ("9916个", "2026-11-20", "55%")
    assert status["新能源汽车产量"]["当前目标"] == "100万辆 (2026年)"


def test_an_indicator_page_charts_its_timeline(site):
    base, _ = site
    page = get(base, "/-/indicator", key="轨道运营里程", region="重庆市")
    assert page.status_code == 200
    html = page.text
    assert "<svg" in html and 'class="timeline-chart"' in html
    assert html.count(f'fill="{TARGET_COLOUR}"><title>') == 1
    assert html.count(f'fill="{BASELINE_COLOUR}"><title>') == 1
    assert "750公里" in html and "1000公里" in html and "2025年12月1日" in html
    assert "<script>alert" not in html
    missing = get(base, "/-/indicator", key="没有这个指标")
    assert missing.status_code == 404 and "没有这个指标的数值记录" in missing.text


@pytest.mark.parametrize("href,shown", [
    ("https://www.cq.gov.cn/a.html", '<a href="https://www.cq.gov.cn/a.html">标题&lt;b&gt;</a>'),
    ("/-/indicator?key=a&region=b", '<a href="/-/indicator?key=a&amp;region=b">标题&lt;b&gt;</a>'),
    ("javascript:alert(1)", "标题&lt;b&gt;"),
    ("//evil.example/x", "标题&lt;b&gt;"),
    ("baseline:000.txt", "标题&lt;b&gt;"),
])
def test_link_cells_are_escaped_and_http_only(href, shown):
    assert str(render_cell(link(href, "标题<b>"))) == shown


def test_plain_cells_are_left_to_datasette():
    assert render_cell("一段文字") is None and render_cell('{"href": 1}') is None
    assert render_cell(3.5) is None
    assert link(None, "标题") == "标题"
    assert indicator_path("轨道运营里程|length", None) == (
        "/-/indicator?key=%E8%BD%A8%E9%81%93%E8%BF%90%E8%90%A5%E9%87%8C%E7%A8%8B%7Clength"
        "&region=%E9%87%8D%E5%BA%86%E5%B8%82")
