"""The store: migrations, WAL, idempotent upserts, reprints, search index."""

from __future__ import annotations

import sqlite3

import pytest

from policywatch.search import phrase_query
from policywatch.store import open_db
from policywatch.store.articles import article_id, stored_urls, upsert_article
from policywatch.store.runs import close_abandoned_runs, finish_run, start_run
from policywatch.store.targets import replace_targets

ARTICLE = {
    "url": "https://epaper.cqrb.cn/cqrb/2026-11/20/001/content_rb_1.htm",
    "source": "cqrb",
    "title": "样例:到2027年轨道运营里程达到800公里",
    "published": "2026-11-20",
    "body": "到2027年,实现轨道运营里程达到800公里。\n城市更新稳步推进。",
}


def test_open_db_is_wal_and_migrates_once(db_path):
    db = open_db(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    applied = db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == applied
    for table in ("sources", "crawl_runs", "articles", "targets", "changes", "digests"):
        assert db[table].exists()


def test_upsert_article_is_idempotent(fresh_db):
    ident, status = upsert_article(fresh_db, ARTICLE)
    assert (ident, status) == (article_id(ARTICLE["url"]), "new")
    assert upsert_article(fresh_db, ARTICLE) == (ident, "unchanged")
    assert fresh_db["articles"].count == 1
    assert fresh_db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 1


def test_changed_body_is_updated_and_queued_for_extraction(fresh_db):
    ident, _ = upsert_article(fresh_db, ARTICLE)
    fresh_db["articles"].update(ident, {"extractor_version": "1"})
    changed = {**ARTICLE, "body": ARTICLE["body"] + "\n新增一段。"}
    assert upsert_article(fresh_db, changed) == (ident, "updated")
    row = fresh_db["articles"].get(ident)
    assert row["extractor_version"] is None
    assert row["body"].endswith("新增一段。")
    assert fresh_db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 1


def test_reprint_on_another_site_links_to_the_first(fresh_db):
    first, _ = upsert_article(fresh_db, ARTICLE)
    reprint = {**ARTICLE, "url": "https://www.cq.gov.cn/ywdt/jrcq/202611/t20261120_1.html",
               "source": "cq-gov-jrcq", "body": ARTICLE["body"].replace("\n", "\n\n")}
    ident, status = upsert_article(fresh_db, reprint)
    assert status == "duplicate"
    row = fresh_db["articles"].get(ident)
    assert row["dup_of"] == first and row["body"] is None
    assert stored_urls(fresh_db, [ARTICLE["url"], reprint["url"], "https://x/y"]) == {
        ARTICLE["url"], reprint["url"]}


@pytest.mark.parametrize("term,hits", [("轨", 1), ("轨道", 1), ("运营里程", 1), ("2027年", 1),
                                       ("里程 更新", 1), ("地铁", 0), ("道轨", 0)])
def test_chinese_search_has_substring_semantics(fresh_db, term, hits):
    upsert_article(fresh_db, ARTICLE)
    sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    assert fresh_db.execute(sql, [phrase_query(term)]).fetchone()[0] == hits


def test_replace_targets_replaces_whole_article(fresh_db):
    ident, _ = upsert_article(fresh_db, ARTICLE)
    article = fresh_db["articles"].get(ident)
    record = {"kind": "target", "indicator": "轨道运营里程", "value": 800, "unit": "公里",
              "comparator": "=", "year": 2027, "region": "重庆市",
              "sentence": "到2027年,实现轨道运营里程达到800公里。", "start": 16, "end": 21}
    replace_targets(fresh_db, article, [record], "1")
    replace_targets(fresh_db, article, [record, {**record, "start": 30, "end": 33}], "1")
    assert fresh_db["targets"].count == 2
    assert fresh_db.execute("SELECT count(*) FROM targets_fts").fetchone()[0] == 2
    assert fresh_db["articles"].get(ident)["extractor_version"] == "1"


def test_failed_transaction_leaves_no_partial_rows(fresh_db):
    ident, _ = upsert_article(fresh_db, ARTICLE)
    article = fresh_db["articles"].get(ident)
    good = {"kind": "target", "indicator": "a", "value": 1, "unit": "个", "comparator": "=",
            "year": 2027, "region": "重庆市", "sentence": "s", "start": 0, "end": 1}
    with pytest.raises(KeyError):
        replace_targets(fresh_db, article, [good, {"kind": "target"}], "1")
    assert fresh_db["targets"].count == 0


def test_runs_record_counts_and_abandoned_runs_are_closed(fresh_db, db_path):
    run = start_run(fresh_db, "cqrb")
    finish_run(fresh_db, run, "ok", {"pages": 3, "new_articles": 2, "duplicates": 0, "failed": 0}, [])
    row = fresh_db["crawl_runs"].get(run)
    assert (row["status"], row["pages"], row["new_articles"]) == ("ok", 3, 2)
    dead = start_run(fresh_db, "cqrb")
    fresh_db["crawl_runs"].update(dead, {"pid": 2**22 + 12345})
    assert close_abandoned_runs(fresh_db, "cqrb") == 1
    assert fresh_db["crawl_runs"].get(dead)["status"] == "killed"
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM crawl_runs").fetchone()[0] == 2
