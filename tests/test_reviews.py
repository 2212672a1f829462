"""Reviews from the command line: a change reviewed wrong leaves the digest and the feed, stays
in the archive, and the verdict survives ``diff --reprocess`` that gives the rows new ids."""

from __future__ import annotations

from click.testing import CliRunner

from diff.extract import extract
from policywatch.baseline import load_baseline
from policywatch.changes import run_diff
from policywatch.cli import cli
from policywatch.store import open_db
from policywatch.store.reviews import add_review, verdict
from reports.digest import build_digest
from tests.publishing_data import WEEK, build_sample
from tests.test_diff_cli import DOCUMENTS, JAN, add, article_id, url


def review(db_path, *args: str):
    return CliRunner().invoke(cli, ["review", "--db", str(db_path), "--by", "李分析", *args])


def test_a_change_reviewed_wrong_leaves_digest_and_feed_but_stays_in_the_archive(db_path, tmp_path):
    db = open_db(db_path)
    data = build_sample(db)
    wrong = data["changes"]["new:博物馆"]
    result = review(db_path, wrong["id"], "--wrong", "--note", "博物馆是文旅规划, 不是全会目标")
    assert result.exit_code == 0, result.output
    assert f"change {wrong['id']} (博物馆, 重庆市): wrong by 李分析" in result.output

    digest = build_digest(db, WEEK, tmp_path / "d", base_url="http://127.0.0.1:8001")
    assert digest.changes == len(data["changes"]) - 1
    assert "博物馆" not in digest.html and "口袋公园" in digest.html
    feed = (tmp_path / "d" / "feed.xml").read_text(encoding="utf-8")
    assert wrong["id"] not in feed and data["changes"]["new:口袋公园"]["id"] in feed

    assert db["changes"].get(wrong["id"])["indicator"] == "博物馆"  # still in the archive
    [row] = db["reviews"].rows
    assert (row["subject"], row["verdict"], row["reviewer"], row["note"], row["subject_id"]) == (
        "change", "wrong", "李分析", "博物馆是文旅规划, 不是全会目标", wrong["id"])
    assert row["reviewed"].endswith("+08:00")


def test_a_later_confirmation_brings_the_change_back(db_path, tmp_path):
    db = open_db(db_path)
    data = build_sample(db)
    change = data["changes"]["revised:研发投入强度"]["id"]
    assert review(db_path, change, "--wrong").exit_code == 0
    assert review(db_path, change, "--confirm", "--note", "复核无误").exit_code == 0
    assert verdict(db, "change", change)["verdict"] == "confirmed"
    assert db["reviews"].count == 2  # the history is kept
    digest = build_digest(db, WEEK, tmp_path / "d", base_url="http://127.0.0.1:8001")
    assert digest.changes == len(data["changes"]) and "研发投入强度" in digest.html


def test_a_target_reviewed_wrong_takes_its_change_out_of_digest_and_feed(db_path, tmp_path):
    db = open_db(db_path)
    data = build_sample(db)
    change = data["changes"]["new:高新技术企业"]
    result = review(db_path, change["target_id"], "--target", "--wrong", "--note", "数字读错")
    assert result.exit_code == 0, result.output
    digest = build_digest(db, WEEK, tmp_path / "d", base_url="http://127.0.0.1:8001")
    assert "高新技术企业" not in digest.html and digest.changes == len(data["changes"]) - 1
    assert change["id"] not in (tmp_path / "d" / "feed.xml").read_text(encoding="utf-8")
    assert verdict(db, "change", change["id"]) is None  # the change itself is not reviewed


def test_a_target_can_be_reviewed(db_path):
    db = open_db(db_path)
    data = build_sample(db)
    target = data["base_targets"]["轨道运营里程"]["id"]
    result = review(db_path, target, "--target", "--confirm")
    assert result.exit_code == 0, result.output
    assert verdict(db, "target", target)["verdict"] == "confirmed"
    assert verdict(db, "change", data["changes"]["extended:轨道运营里程"]["id"]) is None


def test_an_unknown_id_is_a_one_line_error_and_stores_nothing(db_path):
    db = open_db(db_path)
    build_sample(db)
    result = review(db_path, "no-such-change", "--wrong")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        'Error: change "no-such-change" is not in the database (see the changes table in Datasette)']
    assert db["reviews"].count == 0


def test_a_verdict_is_required(db_path):
    result = review(db_path, "x")
    assert result.exit_code == 2 and "give --wrong or --confirm" in result.output


def shifted(document):
    """The extractor after an upgrade that moves every offset: same targets, new row ids."""
    targets = extract(document)
    for target in targets:
        target.start += 1
        target.end += 1
    return targets


def test_reviews_survive_a_reprocess_that_renumbers_the_rows(db_path, tmp_path):
    db = open_db(db_path)
    load_baseline(db)
    for document in DOCUMENTS:
        add(db, document["file"])
    run_diff(db)
    jan = article_id(url(JAN))
    wrong = next(db["changes"].rows_where(
        "article_id = ? and change_type = 'new' and indicator_key = '科技型企业|count'", [jan]))
    right = next(db["changes"].rows_where(
        "article_id = ? and change_type = 'revised' and indicator_key = '轨道运营里程|length'", [jan]))
    add_review(db, "change", wrong["id"], "wrong", "李分析", "重复计算")
    add_review(db, "change", right["id"], "confirmed", "李分析")

    run_diff(db, reprocess=True, version="shifted", extract=shifted)
    again = next(db["changes"].rows_where(
        "article_id = ? and change_type = 'new' and indicator_key = '科技型企业|count'", [jan]))
    assert again["id"] != wrong["id"]  # new row ids ...
    assert verdict(db, "change", again["id"])["verdict"] == "wrong"  # ... same review
    confirmed = next(db["changes"].rows_where(
        "article_id = ? and change_type = 'revised' and indicator_key = '轨道运营里程|length'", [jan]))
    assert verdict(db, "change", confirmed["id"])["note"] is None
    assert verdict(db, "change", confirmed["id"])["verdict"] == "confirmed"
    week = wrong["week"]
    digest = build_digest(db, week, tmp_path / "d", base_url="http://127.0.0.1:8001")
    assert "科技型企业" not in digest.html and "轨道运营里程" in digest.html
