"""The CLI: init is idempotent, extract reads text and HTML and fails clearly."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from policywatch.cli import cli
from tests.conftest import BASELINE


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_init_twice_changes_nothing(db_path):
    first = run("init", "--db", str(db_path))
    assert first.exit_code == 0, first.output
    assert first.output.count("new") == 2
    from policywatch.store import open_db

    db = open_db(db_path)
    counts = {t: db[t].count for t in ("articles", "targets", "changes")}
    assert counts["articles"] == 2 and counts["targets"] > 0
    second = run("init", "--db", str(db_path))
    assert second.exit_code == 0
    assert second.output.count("unchanged") == 2
    assert {t: db[t].count for t in counts} == counts
    assert db["articles"].count_where("source = 'baseline' AND is_baseline = 1") == 2


def test_extract_json_on_a_seed():
    result = run("extract", str(BASELINE / "000_f3ac365401359240.txt"), "--json",
                 "--published", "2025-08-20")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    rail = [r for r in records if r["indicator"] == "轨道运营里程"]
    assert rail and rail[0]["value"] == 750 and rail[0]["unit"] == "公里" and rail[0]["year"] == 2027


def test_extract_html_file_reduces_it_to_article_text(tmp_path):
    page = tmp_path / "article.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>样例</title></head><body>"
        "<div class='nav'>首页 | 要闻 | 版权所有</div>"
        "<div id='ozoom'><p>样例文章:记者从市交通局获悉,我市轨道交通建设持续推进。</p>"
        "<p>到2027年,实现轨道运营里程达到800公里,轨道交通占公共交通出行比例提升至70%。</p>"
        "<p>市交通局有关负责人介绍,今年以来全市新开工项目进展顺利,各项工作有序推进。</p></div>"
        "</body></html>", encoding="utf-8")
    result = run("extract", str(page), "--json")
    assert result.exit_code == 0, result.output
    values = {(r["indicator"], r["value"]) for r in map(json.loads, result.output.splitlines())}
    assert ("轨道运营里程", 800) in values


TONGLIANG_ROW = "一、经济社会发展主要预期目标\n1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。\n"


def test_extract_title_frames_a_text_file(tmp_path):
    """--title is part of the document: the headline's year and plan date the bare rows
    (corpus/b1/p_tongliang_gzbg_2025)."""
    path = tmp_path / "rows.txt"
    path.write_text(TONGLIANG_ROW, encoding="utf-8")
    without = [json.loads(line) for line in run("extract", str(path), "--json", "--published",
                                                "2025-09-19").output.splitlines()]
    assert {r["kind"] for r in without} == {"statistic"}
    result = run("extract", str(path), "--json", "--published", "2025-09-19",
                 "--title", "《2025年区政府工作报告目标任务上半年推进情况汇总表》")
    records = [json.loads(line) for line in result.output.splitlines()]
    target = next(r for r in records if r["kind"] == "target")
    assert (target["value"], target["year"], target["year_source"]) == (6, 2025, "title")


def test_extract_reads_a_corpus_header(tmp_path):
    """A text file in the corpus format gives its own headline, date and source."""
    path = tmp_path / "doc.txt"
    path.write_text("url: https://www.cqstl.gov.cn/t20250919_15024369.html\n"
                    "title: 《2025年区政府工作报告目标任务上半年推进情况汇总表》\ndate: 2025-09-19\n"
                    "source: 重庆市铜梁区人民政府网\n---\n" + TONGLIANG_ROW, encoding="utf-8")
    records = [json.loads(line) for line in run("extract", str(path), "--json").output.splitlines()]
    target = next(r for r in records if r["kind"] == "target")
    assert (target["year"], target["region"], target["region_source"]) == (2025, "铜梁区", "source")
    assert "url" not in target["sentence"]


@pytest.mark.parametrize("make,message", [
    (lambda p: p / "missing.txt", "no such file"),
    (lambda p: p, "is a directory"),
])
def test_extract_bad_input_is_one_line_and_exit_2(tmp_path, make, message):
    result = CliRunner().invoke(cli, ["extract", str(make(tmp_path))])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_extract_undecodable_file_exits_2(tmp_path):
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(0x80, 0x100)) * 4 + b"\xff\xfe\xfd")
    result = CliRunner().invoke(cli, ["extract", str(garbage)])
    assert result.exit_code == 2
    assert "cannot decode" in result.output


def test_extract_text_output_shows_both_ends_of_a_range(tmp_path):
    text = tmp_path / "range.txt"
    text.write_text("到2030年,全市研发经费投入强度提升至3.2%至3.5%。", encoding="utf-8")
    result = run("extract", str(text))
    assert result.exit_code == 0
    assert "研发经费投入强度  =3.2-3.5%" in result.output
