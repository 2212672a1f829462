"""The digest of real weeks: the baseline as ``init`` loads it, the sample follow-ups through
the real extractor and ``diff``: followed regions first, both sides of a revision, a
timeline chart per changed indicator, themes, values as people write them, diff run first."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from policywatch.baseline import load_baseline
from policywatch.changes import run_diff
from policywatch.cli import cli
from policywatch.config import DEFAULT_REGIONS, parse_config
from policywatch.errors import ConfigError
from policywatch.store import open_db
from policywatch.store.changes import timeline
from reports import format
from reports.chart import BASELINE_COLOUR, PROGRESS_COLOUR, TARGET_COLOUR, timeline_svg, value_axis
from reports.digest import build_digest
from reports.themes import theme_of
from tests.test_diff_cli import DOCUMENTS, HISTORY, JAN, MAR, add, url

JAN_WEEK, MAR_WEEK = "2026-W03", "2026-W10"
BASE = "http://datasette.example:8001"
SOURCES = """
sources:
  - name: sample
    title: 样例
    kind: listing
    start_urls: ["http://127.0.0.1:9/"]
    delay: 0
"""


@pytest.fixture(scope="module")
def weeks(tmp_path_factory):
    """The baseline and the three follow-ups, compared by ``diff``; the digests of W03 and W10."""
    folder = tmp_path_factory.mktemp("weeks")
    db = open_db(folder / "policywatch.db")
    load_baseline(db)
    for document in DOCUMENTS:
        add(db, document["file"])
    run_diff(db)
    jan = build_digest(db, JAN_WEEK, folder / "digests", base_url=BASE)
    mar = build_digest(db, MAR_WEEK, folder / "digests", base_url=BASE)
    return db, jan.html, mar.html


def section(html: str, heading: str) -> str:
    """The HTML from an <h2> heading to the next <h2>."""
    start = re.search(f"<h2[^>]*>{heading}", html).start()
    following = html.find("<h2", start + 1)
    return html[start:following if following > 0 else None]


def card(html: str, indicator: str) -> str:
    """The adjustment card of an indicator (a <div> … </table> … </div> block)."""
    adjustments = section(html, "目标调整")
    cards = adjustments.split('<div style="margin:0 0 14px;padding:8px 10px;')[1:]
    return next(c for c in cards if f"<strong>{indicator}</strong>" in c)


def test_other_regions_are_never_listed_as_chongqing_targets(weeks):
    _, jan, mar = weeks
    new = section(jan, "新增目标")
    assert "成都" not in new
    elsewhere = section(jan, "其他地区")
    assert re.search(r"<h3[^>]*>成都市 <span[^>]*>\(1\)", elsewhere)
    assert "1000公里 (2027年)" in elsewhere
    assert "渝北区" in section(mar, "新增目标")  # a district is Chongqing's
    assert re.search(r"<h3[^>]*>川渝 ", section(mar, "其他地区"))
    headline = re.findall(r'font-weight:bold;">(\d+)</div>\s*<div[^>]*>([^<]+)</div>', jan)
    assert {name: int(n) for n, name in headline}["其他地区"] == 1


def test_regions_follow_the_configuration(weeks, tmp_path):
    db, _, _ = weeks
    html = build_digest(db, JAN_WEEK, tmp_path, base_url=BASE, regions=["重庆市"]).html
    assert "万州区" not in section(html, "目标调整")
    assert re.search(r"<h3[^>]*>万州区 ", section(html, "其他地区"))
    html = build_digest(db, JAN_WEEK, tmp_path, base_url=BASE, regions=["重庆市", "万州区", "成都市"]).html
    assert "成都市" in section(html, "新增目标") and "其他地区</h2>" not in html


def test_regions_in_sources_yml():
    assert parse_config(SOURCES).regions == DEFAULT_REGIONS
    assert {"重庆市", "万州区", "渝北区", "石柱土家族自治县", "两江新区"} <= set(DEFAULT_REGIONS)
    assert "成都市" not in DEFAULT_REGIONS
    assert parse_config(SOURCES + "regions: [重庆市, 万州区]\n").regions == ["重庆市", "万州区"]
    with pytest.raises(ConfigError, match='field "regions", name at least one region'):
        parse_config(SOURCES + "regions: []\n")
    with pytest.raises(ConfigError, match='field "regions", a region is an empty name'):
        parse_config(SOURCES + "regions: [重庆市, ' ']\n")


def test_a_revision_shows_the_earlier_sentence_with_its_article_and_date(weeks):
    db, jan, mar = weeks
    baseline = next(db["articles"].rows_where("is_baseline = 1 and body like '%轨道运营里程%'"))
    rail = card(jan, "轨道运营里程")
    before = rail[rail.index('class="before"'):rail.index('class="after"')]
    after = rail[rail.index('class="after"'):]
    assert "750公里" in before and "轨道运营里程" in before
    assert f'href="{BASE}/policywatch/articles/{baseline["id"]}"' in before  # no web address
    assert format.chinese_date(baseline["published"]) in before
    assert "全市轨道运营里程达到800公里" in after and f'href="{url(JAN)}"' in after
    assert "2026年1月14日" in after
    # March revises January's 800, not the baseline: its earlier side is January's article.
    rail = card(mar, "轨道运营里程")
    before = rail[rail.index('class="before"'):rail.index('class="after"')]
    assert "800公里" in before and f'href="{url(JAN)}"' in before and "2026年1月14日" in before
    assert f'href="{url(MAR)}"' in rail[rail.index('class="after"'):]


def test_each_changed_indicator_has_a_timeline_chart(weeks):
    _, jan, _ = weeks
    assert "<script" not in jan
    for indicator in ("轨道运营里程", "研发投入强度", "改造老旧电梯", "常住人口"):
        assert '<svg xmlns="http://www.w3.org/2000/svg"' in card(jan, indicator)
    new = section(jan, "新增目标")
    assert new.count("<svg") == new.count("<strong>")
    assert "<svg" in section(jan, "基线目标进展")


def test_the_chart_draws_baseline_later_targets_and_the_progress_line(weeks):
    db, _, _ = weeks
    rows = list(timeline(db, "研发投入强度|percent"))
    roles = {row["role"] for row in rows}
    assert roles == {"baseline", "history", "follow-up"}
    svg = str(timeline_svg(rows, "%"))
    assert svg.count(f'fill="{BASELINE_COLOUR}"><title>') == sum(r["role"] == "baseline" and r["kind"] == "target"
                                            for r in rows)  # one legend square
    targets = sum(r["role"] != "baseline" and r["kind"] == "target" for r in rows)
    assert svg.count(f'r="7" fill="{TARGET_COLOUR}"') == targets
    statistics = sum(r["kind"] == "statistic" for r in rows)
    assert svg.count(f'r="5" fill="{PROGRESS_COLOUR}"') == statistics
    if statistics > 1:
        assert '<polyline points="' in svg
    assert ">2027<" in svg and ">2030<" in svg and "3.25%" in svg
    assert timeline_svg([]) == ""


@pytest.mark.parametrize("values,ticks", [
    ([750, 800, 850], [750, 800, 850]),
    ([3, 3.25, 2.5], [2.5, 3]),
    ([9916, 18000], [10000, 15000]),
    ([100, 100], [80, 100, 120]),
    ([0, 0], [0, 0.1, 0.2]),
])
def test_the_value_axis_has_round_gridlines_around_the_values(values, ticks):
    low, high, found = value_axis(values)
    assert found == ticks
    assert low <= min(values) and high >= max(values) and (low >= 0 or min(values) < 0)
    assert all(low <= tick <= high for tick in found)


def test_progress_line_joins_statistics_in_date_order():
    rows = [
        {"kind": "target", "value": 100, "unit": "个", "year": 2027, "published": "2025-12-01",
         "role": "baseline", "title": "基线"},
        {"kind": "statistic", "value": 60, "unit": "个", "year": None, "published": "2026-06-30",
         "role": "follow-up", "title": "年中"},
        {"kind": "statistic", "value": 30, "unit": "个", "year": None, "published": "2025-12-31",
         "role": "follow-up", "title": "<b>年底</b>"},
    ]
    svg = str(timeline_svg(rows, "个"))
    points = re.search(r'<polyline points="([^"]+)"', svg).group(1).split()
    xs = [float(p.split(",")[0]) for p in points]
    ys = [float(p.split(",")[1]) for p in points]
    assert xs == sorted(xs) and ys[0] > ys[1]  # 30 then 60: higher value, smaller y
    assert 'stroke-dasharray="5 4"' in svg  # the way still to go, to the target
    assert "&lt;b&gt;年底" in svg and "<b>" not in svg


@pytest.mark.parametrize("indicator,theme", [
    ("新能源汽车产量", "产业"),
    ("新能源汽车产量增速", "产业"),
    ("汽车产量", "产业"),
    ("地区生产总值增速", "产业"),
    ("规模以上工业增加值增速", "产业"),
    ("社会消费品零售总额", "产业"),
    ("粮食产量", "产业"),
    ("充电桩", "产业"),
    ("轨道交通运营里程", "交通"),
    ("高速公路通车里程", "交通"),
    ("江北国际机场旅客吞吐量", "交通"),
    ("研发投入强度", "科技创新"),
    ("全社会研发投入强度", "科技创新"),
    ("数字经济核心产业增加值", "科技创新"),
    ("每万人拥有5G基站数", "科技创新"),
    ("森林覆盖率", "生态环境"),
    ("空气质量优良天数", "生态环境"),
    ("PM2.5年均浓度", "生态环境"),
    ("单位地区生产总值能耗降幅", "生态环境"),
    ("新能源公交车占比", "生态环境"),
    ("改造老旧小区", "城市更新"),
    ("新开工改造老旧小区", "城市更新"),
    ("更新改造危旧房", "城市更新"),
    ("口袋公园", "城市更新"),
    ("年接待游客", "文化"),
    ("历史文化街区", "文化"),
    ("旅游综合收入", "文化"),
    ("城镇新增就业", "民生"),
    ("农村居民人均可支配收入", "民生"),
    ("每千人口执业(助理)医师数", "民生"),
    ("人均预期寿命", "民生"),
])
def test_themes_of_real_indicators(indicator, theme):
    assert theme_of(indicator) == theme


def test_the_indicator_table_wins_over_keywords_and_keys_are_looked_up():
    assert theme_of("新能源汽车产量", "推动绿色低碳发展") == "产业"
    assert theme_of("全市轨道交通运营总里程", key="轨道运营里程|length") == "交通"
    assert theme_of("某某指标", "没有关键词") == "其他"


def test_values_read_as_people_write_them(weeks):
    _, jan, mar = weeks
    for html in (jan, mar):
        text = re.sub(r"<[^>]+>", " ", html.split("生成于")[0])  # what a reader sees, charts too
        assert not re.search(r"\d{7,}|\d\.\d{3,}|\d\.0\b", text)
    assert "4万亿元 (2030年)" in jan
    assert "800公里 (2027年)" in jan
    assert "4.5万亿元 (2030年)" in mar


@pytest.mark.parametrize("share,text", [(0.6725, "67%"), (0.5509, "55%"), (1.05, "105%"),
                                        (0.0123, "1.2%"), (0.05, "5%"), (1, "100%"), (None, "")])
def test_percent(share, text):
    assert format.percent(share) == text


def test_cli_digest_runs_diff_first(db_path, tmp_path):
    db = open_db(db_path)
    load_baseline(db)
    add(db, JAN)
    add(db, HISTORY)
    result = CliRunner().invoke(cli, ["digest", "--db", str(db_path), "--week", JAN_WEEK,
                                      "--out", str(tmp_path / "d"), "--no-notify"])
    assert result.exit_code == 0, result.output
    assert "diff first: 2 articles were not yet compared" in result.output
    changes = db["changes"].count_where("week = ?", [JAN_WEEK])
    assert changes > 10 and f"digest {JAN_WEEK}: {changes} changes" in result.output
    assert "wait for diff" not in result.output


def test_cli_digest_without_a_baseline_says_how_many_articles_wait(db_path, tmp_path):
    db = open_db(db_path)
    add(db, JAN)
    add(db, MAR)
    result = CliRunner().invoke(cli, ["digest", "--db", str(db_path), "--week", JAN_WEEK,
                                      "--out", str(tmp_path / "d"), "--no-notify"])
    assert result.exit_code == 0, result.output
    assert "2 articles wait for diff (no baseline: run policywatch init" in result.output
    html = (tmp_path / "d" / f"{JAN_WEEK}.html").read_text(encoding="utf-8")
    assert "还有 2 篇文章尚未经过 <code>policywatch diff</code> 比较" in html
