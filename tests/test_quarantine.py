"""Poison articles: long texts are bounded, failing or overrunning ones quarantined, the rest go on."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from crawler.report import source_table
from diff.extract import extract
from policywatch.baseline import load_baseline
from policywatch.bounds import MAX_ARTICLE, MAX_SENTENCE, MAX_TARGETS, bound_text
from policywatch.changes import DiffLimits, run_diff
from policywatch.cli import cli
from policywatch.config import parse_config
from policywatch.store import open_db
from policywatch.store.articles import article_id, upsert_article
from policywatch.store.problems import start_attempt
from tests.publishing_data import start_datasette

NORMAL = ("（示例文本）全市城市建设推进会召开。会议提出，到2027年，全市轨道交通运营里程达到800公里。"
          "会议要求，各区县要压实责任，确保各项任务按期完成。")
#: About 1 MB of text with no sentence end: one endless sentence full of numbers.
ONE_SENTENCE = "（示例文本）" + "，".join(f"第{n}项工程新建道路{n % 97}公里" for n in range(60000))
CONFIG = """sources:
  - {name: town, title: 示例镇, kind: listing, start_urls: ["http://127.0.0.1:9/"], delay: 0}
"""


def _add(db, name: str, body: str, published: str = "2026-01-10") -> dict:
    upsert_article(db, {"url": f"https://sample.test/{name}", "source": "town", "title": name,
                        "published": published, "body": body})
    return next(db["articles"].rows_where("id = ?", [article_id(f"https://sample.test/{name}")]))


@pytest.fixture
def db(db_path: Path):
    database = open_db(db_path)
    load_baseline(database)
    return database


def _problems(db) -> dict[str, tuple]:
    return {row["title"]: (row["state"], row["error"], row["note"])
            for row in db["article_problems"].rows}


def test_bounding_keeps_length_and_offsets():
    text = "开头。" + "很长的句子，" * 2000 + "结尾到2027年达到800公里。"
    bounded = bound_text(text)
    assert len(bounded.text) == len(text) and bounded.splits > 0 and not bounded.cut
    assert max(len(s) for s in bounded.text.split("。")) <= MAX_SENTENCE
    assert bounded.text.endswith("结尾到2027年达到800公里。")
    assert bound_text(NORMAL).text == NORMAL and bound_text(NORMAL).note() == ""
    long = bound_text("字" * (MAX_ARTICLE + 10))
    assert len(long.text) == MAX_ARTICLE and long.cut == 10
    assert long.note() == f"正文超过{MAX_ARTICLE}字，截去10字；超长句子拆分{MAX_ARTICLE // MAX_SENTENCE - 1}处"


def test_a_1mb_one_sentence_article_is_quarantined_and_does_not_block_the_next(db, db_path):
    assert len(ONE_SENTENCE) > 1_000_000
    _add(db, "poison", ONE_SENTENCE, "2026-01-05")
    _add(db, "normal", NORMAL, "2026-01-10")
    result = CliRunner().invoke(cli, ["diff", "--db", str(db_path), "--article-timeout", "5"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "articles quarantined: 1 (see the quarantine table)" in result.output
    normal = db["targets"].count_where("article_id = ?", [article_id("https://sample.test/normal")])
    assert normal >= 1
    state, error, note = _problems(db)["poison"]
    assert state == "quarantined"
    assert note.startswith(f"正文超过{MAX_ARTICLE}字，截去") and "超长句子拆分" in note
    # Cut to MAX_ARTICLE, it still overruns 5 s or yields more targets than an article can.
    assert "longer than 5 s" in error or f"more than {MAX_TARGETS}" in error
    assert db["targets"].count_where("article_id = ?", [article_id("https://sample.test/poison")]) == 0


def test_a_failing_extraction_is_quarantined_and_the_rest_go_on(db):
    _add(db, "broken", "（示例文本）这篇文章会让提取失败。" + NORMAL, "2026-01-05")
    _add(db, "normal", NORMAL, "2026-01-10")

    def fragile(document):
        if "提取失败" in document.body:
            raise ValueError("unexpected structure")
        return extract(document)

    summary = run_diff(db, extract=fragile)
    assert (summary.articles, summary.quarantined) == (1, 1)
    assert _problems(db)["broken"] == ("quarantined", "ValueError: unexpected structure", "")
    assert db["targets"].count_where("article_id = ?", [article_id("https://sample.test/normal")])
    again = run_diff(db, extract=fragile)  # skipped, not retried, under the same extractor
    assert (again.articles, again.quarantined) == (0, 0)
    upgraded = run_diff(db, version="next", extract=extract)
    assert upgraded.quarantined == 0 and "broken" not in _problems(db)


def test_an_overrun_is_quarantined_with_its_time_budget(db):
    _add(db, "slow", "（示例文本）这篇文章提取很慢。" + NORMAL, "2026-01-05")
    _add(db, "normal", NORMAL, "2026-01-10")

    def slow(document):
        if "很慢" in document.body:
            while True:
                time.sleep(0.05)
        return extract(document)

    summary = run_diff(db, extract=slow, limits=DiffLimits(article_seconds=0.5))
    assert (summary.articles, summary.quarantined) == (1, 1)
    assert _problems(db)["slow"][:2] == ("quarantined", "ExtractionTimeout: extraction took longer than 0.5 s")


def test_an_article_whose_extraction_never_finishes_is_quarantined(db):
    # Two diffs were killed while extracting it (the service's timeout, kill -9).
    article = _add(db, "hang", NORMAL, "2026-01-05")
    start_attempt(db, article, "v-test")
    start_attempt(db, article, "v-test")
    summary = run_diff(db, version="v-test")
    assert summary.quarantined == 1
    assert _problems(db)["hang"][:2] == (
        "quarantined", "extraction never finished in 2 attempts (killed or timed out)")


def test_a_time_limited_run_stops_between_articles_and_the_next_run_goes_on(db):
    for n in range(3):
        _add(db, f"a{n}", NORMAL.replace("800", str(800 + n)), f"2026-01-1{n}")

    def tired(document):
        time.sleep(0.3)
        return extract(document)

    first = run_diff(db, extract=tired, limits=DiffLimits(run_seconds=0.1))
    assert first.articles >= 1 and first.left == 3 - first.articles
    assert f"time limit reached: {first.left} articles left for the next run" in first.lines()
    second = run_diff(db)
    assert second.articles == first.left and second.left == 0


def test_problems_show_in_sources_list_and_in_datasette(db, db_path, tmp_path):
    _add(db, "broken", "（示例文本）这篇文章会让提取失败。" + NORMAL, "2026-01-05")

    def fragile(document):
        raise ValueError("unexpected structure")

    run_diff(db, extract=fragile)
    table = source_table(parse_config(CONFIG), str(db_path))
    assert "隔离1篇" in table.splitlines()[1]
    process, base = start_datasette(db_path, tmp_path / "digests")
    try:
        rows = httpx.get(f"{base}/policywatch/quarantine.json?_shape=objects").json()["rows"]
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert [(r["title"], r["error"]) for r in rows] == [("broken", "ValueError: unexpected structure")]
