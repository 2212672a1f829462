"""The bundled sample site: the 重庆日报 e-paper layout, served over real HTTP on loopback."""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.error
import urllib.request

import pytest
from parsel import Selector

from policywatch import clock
from policywatch.config import load_config
from policywatch.demo import MARKER, SOURCE, start_demo, write_config
from policywatch.demo.site import load_site
from policywatch.errors import ConfigError


@pytest.fixture
def demo(tmp_path):
    running = start_demo(tmp_path / "demo")
    yield running
    running.stop()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_editions_fall_in_the_last_full_week(demo):
    monday, sunday = clock.week_bounds(clock.last_full_week())
    dates = demo.site.dates()
    assert len(dates) >= 3
    assert all(monday <= day <= sunday for day in dates)
    assert demo.week == clock.last_full_week()
    assert (demo.since, demo.until) == (dates[0].isoformat(), dates[-1].isoformat())


def test_a_page_lists_its_articles_and_maps_them_on_the_page_image(demo):
    day = demo.site.dates()[0]
    status, html = _get(f"{demo.url}/cqrb/{day:%Y-%m}/{day:%d}/001/node.htm")
    assert status == 200
    page = Selector(text=html)
    listed = page.css(".news-list a::attr(href)").getall()
    mapped = page.css("map area::attr(href)").getall()
    assert listed and sorted(listed) == sorted(mapped)
    assert all(re.fullmatch(r"content_rb_\d+\.htm", href) for href in listed)
    assert "../002/node.htm" in page.css("#pageLink::attr(href)").getall()
    assert "示例站点" in page.css(".banner::text").get()
    assert f"{day.year}年{day.month:02d}月{day.day:02d}日" in page.css(".header .date::text").get()


def test_an_article_has_kicker_title_subtitle_and_a_body_without_its_date(demo):
    path, article = next((p, a) for p, a in demo.site.articles() if "全会" in a["title"])
    status, html = _get(demo.url + path)
    assert status == 200
    page = Selector(text=html)
    assert page.css("founder-pretitle::text").get() == article["kicker"]
    assert page.css("h1 founder-title::text").get() == article["title"]
    assert page.css("founder-subtitle::text").get() == article["subtitle"]
    body = "".join(page.css("#ozoom p::text").getall())
    assert "到2027年轨道运营里程达到800公里" in body
    day = dt.date.fromisoformat(re.search(r"/cqrb/(\d{4}-\d{2})/(\d{2})/", path).expand(r"\1-\2"))
    assert str(day.year) + "年" not in body and day.isoformat() not in html.split('class="date"')[0]


def test_every_title_is_marked_as_sample(demo):
    titles = [article["title"] for _, article in demo.site.articles()]
    assert len(titles) >= 6
    assert all("示例" in title or "样例" in title for title in titles)
    assert sum("全会" in title for title in titles) == 1


@pytest.mark.parametrize("path", [
    "/cqrb/2001-01/01/001/node.htm",       # no edition that day
    "/cqrb/{month}/{day}/009/node.htm",   # no such page
    "/cqrb/{month}/{day}/001/content_rb_1.htm",
    "/cqrb/2026-13/40/001/node.htm",
    "/etc/passwd",
])
def test_anything_else_is_a_404(demo, path):
    day = demo.site.dates()[0]
    status, _ = _get(demo.url + path.format(month=f"{day:%Y-%m}", day=f"{day:%d}"))
    assert status == 404


def test_robots_and_index(demo):
    assert _get(demo.url + "/robots.txt") == (200, "User-agent: *\nAllow: /\n")
    status, html = _get(demo.url + "/")
    assert status == 200 and html.count("node.htm") == len(demo.site.dates())


def test_the_generated_sources_yml_watches_the_site(demo):
    config = load_config(demo.config_path)
    source = config.source(SOURCE)
    assert source.kind == "epaper" and source.delay == 0
    first = demo.site.dates()[0]
    assert source.edition_url.format(date=first) == f"{demo.url}{demo.site.edition_paths()[0]}"


def test_a_sources_yml_the_demo_did_not_write_is_left_alone(tmp_path):
    (tmp_path / "sources.yml").write_text("sources: []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not written by the demo"):
        write_config(tmp_path, "http://127.0.0.1:1")
    assert (tmp_path / "sources.yml").read_text(encoding="utf-8") == "sources: []\n"
    (tmp_path / "sources.yml").write_text(MARKER + "\nsources: []\n", encoding="utf-8")
    assert write_config(tmp_path, "http://127.0.0.1:1").read_text(encoding="utf-8").startswith(MARKER)


def test_the_site_can_be_dated_to_any_monday():
    site = load_site(dt.date(2026, 1, 5))
    assert site.dates()[0] == dt.date(2026, 1, 5)
    assert site.render("/cqrb/2026-01/05/001/node.htm") is not None
    assert site.render("/cqrb/2026-01/06/001/node.htm") is None


EXPECTED = {
    900101: {("target", "轨道运营里程", 800.0, "公里", 2027), ("target", "研发投入强度", 3.25, "%", 2030),
             ("target", "国家科技创新基地平台", 150.0, "家", 2027)},
    900201: {("statistic", "更新改造老旧小区", 9916.0, "个", None)},
    900301: {("statistic", "轨道运营里程", 538.0, "公里", None)},
    900401: {("target", "科技型企业", 100000.0, "家", 2028)},
    900102: set(),
    900302: set(),
}


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_sample_articles_give_their_targets_to_the_real_extractor(tmp_path, article_id):
    from click.testing import CliRunner

    from policywatch.cli import cli

    site = load_site(dt.date(2026, 11, 9))
    path = next(p for p, a in site.articles() if a["id"] == article_id)
    page = tmp_path / "content.htm"
    page.write_text(site.render(path), encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(page), "--json", "--published", "2026-11-09"])
    assert result.exit_code == 0, result.output
    found = {(r["kind"], r["indicator"], r["value"], r["unit"], r["year"])
             for r in map(json.loads, result.output.splitlines()) if r["kind"] != "qualitative"}
    assert found == EXPECTED[article_id]


def test_clear_demo_data_removes_only_the_demo_files(tmp_path):
    from policywatch.demo import clear_demo_data

    db = tmp_path / "policywatch.db"
    kept = [tmp_path / "policywatch.db.lock", tmp_path / "policywatch.log"]
    gone = [db, tmp_path / "policywatch.db-wal", tmp_path / "policywatch.jobs.db",
            tmp_path / "digests" / "2026-W46.html"]
    gone[-1].parent.mkdir()
    for path in kept + gone:
        path.write_text("x")
    clear_demo_data(db, tmp_path / "policywatch.jobs.db", tmp_path / "digests")
    assert [p.exists() for p in gone] == [False] * 4
    assert all(p.exists() for p in kept)
