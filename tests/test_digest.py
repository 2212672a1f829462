"""The weekly digest, its index page and Atom feed, rendered from a real database."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from markupsafe import escape

from policywatch import clock
from policywatch.cli import cli
from policywatch.store import open_db
from reports import format
from reports.digest import WeekError, build_digest, check_week
from reports.themes import theme_of
from tests.publishing_data import EMPTY_WEEK, EVIL_TITLE, WEEK, build_sample

BASE = "http://datasette.example:8001"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def sample(db_path):
    db = open_db(db_path)
    return db, build_sample(db)


@pytest.fixture
def built(sample, tmp_path):
    db, data = sample
    digest = build_digest(db, WEEK, tmp_path / "digests", base_url=BASE)
    return db, data, digest


def section(html: str, heading: str) -> str:
    """The HTML from an <h2> heading to the next <h2>."""
    start = re.search(f"<h2[^>]*>{heading}", html).start()
    following = html.find("<h2", start + 1)
    return html[start:following if following > 0 else None]


def test_digest_file_and_record(built, tmp_path):
    db, _, digest = built
    assert digest.path == tmp_path / "digests" / f"{WEEK}.html"
    assert digest.path.read_text(encoding="utf-8") == digest.html
    assert digest.changes == 9
    row = db["digests"].get(WEEK)
    assert row["changes"] == 9 and row["html"] == digest.html and row["path"] == str(digest.path)


def test_crawled_html_is_escaped(built):
    _, _, digest = built
    assert str(escape(EVIL_TITLE)) in digest.html
    assert "<script" not in digest.html


def test_only_http_links_to_crawled_urls(sample, tmp_path):
    db, data = sample
    db["articles"].update(data["plenary"]["id"], {"url": "javascript:alert(1)"})
    digest = build_digest(db, WEEK, tmp_path / "d", base_url=BASE)
    assert "javascript:" not in digest.html
    assert '<a href="#" style="color:#0969da;">原文:' in digest.html


def test_headline_counts(built):
    html = built[2].html
    counts = re.findall(r'font-weight:bold;">(\d+)</div>\s*<div[^>]*>([^<]+)</div>', html)
    assert {name: int(n) for n, name in counts} == {
        "变化": 9, "新增": 4, "修订": 1, "改期": 1, "延展": 1, "重申": 1, "进展": 1,
        "其他地区": 0, "全会文章": 1, "来源异常": 1}


def test_adjustments_come_first_with_old_new_and_delta(built):
    html = built[2].html
    assert html.index("目标调整") < html.index("新增目标") < html.index("基线目标进展")
    adjustments = section(html, "目标调整")
    assert "3% (2027年) → <strong>3.2% (2027年)</strong>" in adjustments
    assert "+0.2个百分点" in adjustments
    assert "750公里 (2027年) → <strong>1000公里 (2030年)</strong>" in adjustments
    assert "+250公里" in adjustments
    assert "100万辆 (2027年) → <strong>100万辆 (2026年)</strong>" in adjustments
    assert "年份 -1" in adjustments
    order = [adjustments.index(word) for word in ("研发投入强度", "轨道运营里程", "新能源汽车产量")]
    assert order == sorted(order)


def test_new_targets_grouped_by_theme(built):
    new = section(built[2].html, "新增目标")
    themes = re.findall(r'<h3[^>]*>(\S+) <span[^>]*>\((\d+)\)', new)
    assert dict(themes) == {"城市更新": "1", "科技创新": "1", "文化": "1", "民生": "1"}
    groups = {re.match(r"[^>]*>(\S+)", chunk).group(1): chunk for chunk in new.split("<h3")[1:]}
    for theme, indicator in [("城市更新", "口袋公园"), ("科技创新", "高新技术企业"),
                             ("文化", "博物馆"), ("民生", "城镇新增就业")]:
        assert [name for name, chunk in groups.items() if indicator in chunk] == [theme]
    assert "不低于60万人 (2026年)" not in new  # comparators are not shown on new values
    assert "60万人 (2026年)" in new


def test_progress_has_a_bar(built):
    progress = section(built[2].html, "基线目标进展")
    assert "老旧小区改造" in progress and "已达 9916个" in progress and "目标 1.8万个 (2027年)" in progress
    assert "width:55.1%" in progress and ">55%<" in progress and "55.09" not in progress


def test_reaffirmed_are_collapsed(built):
    reaffirmed = section(built[2].html, "重申的目标")
    assert "<details>" in reaffirmed and "重申 1 项目标" in reaffirmed
    details = reaffirmed[reaffirmed.index("<details>"):reaffirmed.index("</details>")]
    assert "5G基站" in details and "15万个 (2027年)" in details


def test_plenary_articles_and_source_problems(built):
    html = built[2].html
    _, data, _ = built
    plenary = section(html, "新的全会文章")
    assert data["plenary"]["url"] in plenary and "2026年11月18日" in plenary
    assert data["baseline"]["title"] not in plenary  # baseline documents are not news
    problems = section(html, "来源异常")
    assert "cq-gov-jrcq" in problems and "连续3次抓取失败" in problems and "HTTP 503" in problems
    assert "重庆日报数字报" not in problems


def test_every_change_links_to_article_and_row_and_shows_sentence(built):
    _, data, digest = built
    for change in data["changes"].values():
        assert f'href="{BASE}/policywatch/changes/{change["id"]}"' in digest.html
        assert f'href="{BASE}/policywatch/articles/{change["article_id"]}"' in digest.html
        assert str(escape(change["sentence"])) in digest.html
    for article in (data["plenary"], data["report"]):
        assert f'href="{article["url"]}"' in digest.html


def test_dates_are_chinese_style(built):
    assert "2026年11月16日 – 2026年11月22日" in built[2].html


def test_a_week_without_changes_still_gets_a_digest(sample, tmp_path):
    db, _ = sample
    digest = build_digest(db, EMPTY_WEEK, tmp_path / "digests", base_url=BASE)
    assert digest.changes == 0 and digest.path.exists()
    assert f"本周 ({EMPTY_WEEK}) 没有检测到目标变化" in digest.html
    assert "目标调整" not in digest.html and "新增目标" not in digest.html
    assert db["digests"].get(EMPTY_WEEK)["changes"] == 0


def test_rebuilding_replaces_the_record(built, tmp_path):
    db, _, _ = built
    build_digest(db, WEEK, tmp_path / "digests", base_url=BASE)
    assert db["digests"].count == 1


def test_index_page_lists_every_digest(built, tmp_path):
    db, _, _ = built
    build_digest(db, EMPTY_WEEK, tmp_path / "digests", base_url=BASE)
    index = (tmp_path / "digests" / "index.html").read_text(encoding="utf-8")
    assert index.index(f'href="{WEEK}.html"') < index.index(f'href="{EMPTY_WEEK}.html"')
    assert "2026年11月16日 – 2026年11月22日" in index


def test_atom_feed_of_changes(built, tmp_path):
    _, data, _ = built
    root = ET.parse(tmp_path / "digests" / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 9
    ids = {e.find(f"{ATOM}id").text for e in entries}
    assert ids == {f"urn:policywatch:change:{c['id']}" for c in data["changes"].values()}
    revised = next(e for e in entries if e.find(f"{ATOM}category").get("term") == "revised")
    assert revised.find(f"{ATOM}title").text == "[修订] 研发投入强度: 3% (2027年) → 3.2% (2027年)"
    links = {link.get("rel"): link.get("href") for link in revised.findall(f"{ATOM}link")}
    assert links["alternate"].startswith(f"{BASE}/policywatch/changes/")
    assert links["related"] == data["plenary"]["url"]
    raw = (tmp_path / "digests" / "feed.xml").read_text(encoding="utf-8")
    assert "<script" not in raw and "&lt;script&gt;" in raw


def test_base_url_from_the_environment(sample, tmp_path, monkeypatch):
    db, _ = sample
    monkeypatch.setenv("POLICYWATCH_DATASETTE_URL", "https://data.example.cn/")
    digest = build_digest(db, WEEK, tmp_path / "d")
    assert 'href="https://data.example.cn/policywatch/changes/' in digest.html


@pytest.mark.parametrize("week", ["2026-47", "2026-W54", "W47", "2026-W00", "2026-w47", "2025-W53"])
def test_bad_weeks_are_refused(week):
    with pytest.raises(WeekError, match="ISO week|does not exist"):
        check_week(week)


def test_week_53_exists_in_long_years():
    assert check_week("2026-W53") == "2026-W53"


@pytest.mark.parametrize("indicator,sentence,theme", [
    ("老旧小区改造", "", "城市更新"),
    ("轨道运营里程", "", "交通"),
    ("研发投入强度", "", "科技创新"),
    ("博物馆", "", "文化"),
    ("城镇新增就业", "", "民生"),
    ("规上工业企业", "", "产业"),
    ("单位GDP能耗降幅", "", "生态环境"),
    ("新建项目", "推进城市更新项目建设", "城市更新"),
    ("某某指标", "没有关键词", "其他"),
])
def test_themes(indicator, sentence, theme):
    assert theme_of(indicator, sentence) == theme


@pytest.mark.parametrize("value,unit,comparator,text", [
    (29400, "户", "=", "2.94万户"),
    (4e12, "元", None, "4万亿元"),
    (3, "%", ">=", "不低于3%"),
    (5.5, "%", "~", "约5.5%"),
    (150000000, "人次", ">", "超过1.5亿人次"),
    (750, "公里", "=", "750公里"),
    (None, "个", "=", ""),
])
def test_quantities(value, unit, comparator, text):
    assert format.quantity(value, unit, comparator) == text


def test_cli_digest_defaults_to_last_full_week_next_to_the_db(sample, db_path):
    result = CliRunner().invoke(cli, ["digest", "--db", str(db_path), "--config",
                                      str(db_path.parent / "none.yml")])
    assert result.exit_code == 0, result.output
    week = clock.last_full_week()
    assert (db_path.parent / "digests" / f"{week}.html").exists()
    assert f"digest {week}:" in result.output
    assert "no notify: URLs configured" in result.output


def test_cli_digest_week_and_out(sample, db_path, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["digest", "--db", str(db_path), "--week", WEEK,
                                      "--out", str(out), "--no-notify"])
    assert result.exit_code == 0, result.output
    assert f"digest {WEEK}: 9 changes" in result.output
    assert (out / f"{WEEK}.html").exists() and (out / "feed.xml").exists()


def test_cli_digest_bad_week(sample, db_path):
    result = CliRunner().invoke(cli, ["digest", "--db", str(db_path), "--week", "2026-47"])
    assert result.exit_code == 1
    assert 'Error: "2026-47" is not an ISO week: write it like 2026-W47' in result.output


def test_cli_digest_unwritable_out(sample, db_path, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(cli, ["digest", "--db", str(db_path), "--week", WEEK,
                                      "--out", str(blocker / "sub"), "--no-notify"])
    assert result.exit_code == 1
    assert "Error: cannot write the digest to" in result.output
