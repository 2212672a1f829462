"""Search terms: bigram indexing, queries in simplified Chinese, marked snippets."""

from __future__ import annotations

import pytest

from policywatch.search import (
    MARK_END,
    MARK_START,
    contains_words,
    index_terms,
    marked_html,
    phrase_query,
    snippet,
    substring_words,
)
from policywatch.store.articles import upsert_article


def test_index_terms_are_bigrams_plus_the_last_character_of_each_run():
    assert index_terms("推进城市更新2027年") == "推进 进城 城市 市更 更新 新 2027 年"
    assert index_terms("PM2.5浓度，下降") == "PM2.5 浓度 度 ， 下降 降"
    assert index_terms(None) == ""


@pytest.mark.parametrize("term,query", [
    ("城", '"城" *'),
    ("城市", '"城市"'),
    ("老旧小区", '"老旧 旧小 小区"'),
    ("2027年", '"2027 年" *'),
    ("2027年底", '"2027 年底"'),
    ("全市2027", '"全市 市 2027"'),
    ("城市 更新", '"城市" "更新"'),
    ("重慶", '"重庆"'),
    ("城市-更新", '"城市 市 更新"'),
    ('"', ""),
    ("", ""),
])
def test_phrase_query(term, query):
    assert phrase_query(term) == query


def test_a_multi_character_query_reads_no_single_character_postings():
    for term in ("老旧小区", "城市更新", "轨道交通运营里程"):
        words = phrase_query(term).strip('"').split()
        assert all(len(word) == 2 for word in words)


ARTICLE = {"url": "https://example.cn/a.html", "source": "cqrb", "title": "重庆城市更新提速",
           "body": "到2027年，全市老旧小区改造全面完成。\n城乡融合发展。", "published": "2026-11-18"}


@pytest.mark.parametrize("term,hits", [
    ("城", 1), ("城市", 1), ("重慶", 1), ("重庆", 1), ("老旧小区", 1), ("2027年", 1), ("年", 1),
    ("完成", 1), ("成", 1), ("城乡 小区", 1), ("市老", 1), ("旧城", 0), ("城镇", 0), ("老旧电梯", 0),
])
def test_search_finds_exactly_the_substrings(fresh_db, term, hits):
    upsert_article(fresh_db, ARTICLE)
    sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    assert fresh_db.execute(sql, [phrase_query(term)]).fetchone()[0] == hits
    stored = next(iter(fresh_db["articles"].rows))
    if substring_words(term):  # the same answer from the stored text itself
        assert contains_words(term, stored["title"], stored["body"]) is bool(hits)


@pytest.mark.parametrize("term,words", [
    ("城", ("城",)), ("城市 更新", ("城市", "更新")), ("重慶", ("重庆",)), ("2027年", ()),
    ("PM2.5", ()), ("城市 cbd", ()), ("", ()), (" ", ()),
])
def test_only_han_words_are_searched_as_substrings(term, words):
    assert substring_words(term) == words
    assert contains_words(term, "PM2.5 cbd 2027年", None) is False


def test_the_index_keeps_no_copy_of_the_text_and_follows_updates(fresh_db):
    upsert_article(fresh_db, ARTICLE)
    assert fresh_db.execute("SELECT title, body FROM articles_fts").fetchall() == [(None, None)]
    sql = fresh_db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert "content=''" in sql
    upsert_article(fresh_db, {**ARTICLE, "body": "到2030年，全市口袋公园达到500个。"})
    match = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    assert fresh_db.execute(match, [phrase_query("口袋公园")]).fetchone()[0] == 1
    assert fresh_db.execute(match, [phrase_query("老旧小区")]).fetchone()[0] == 0
    assert fresh_db.execute(match, [phrase_query("城市更新")]).fetchone()[0] == 1  # the title


def test_snippet_marks_the_first_match_and_cuts_around_it():
    text = "会议指出，" + "要" * 50 + "推进城市更新，城市更新是大事。"
    cut = snippet(text, "城市更新", width=4)
    assert cut == f"…要要推进{MARK_START}城市更新{MARK_END}，城市更…"
    assert snippet(text, "重慶 城市", width=2).count(MARK_START) == 1
    assert snippet("没有", "城市") == "没有"


def test_snippet_html_escapes_everything_but_the_mark():
    html = marked_html(snippet('<script>alert("x")</script>重庆城市', "重慶"))
    assert str(html) == "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;<mark>重庆</mark>城市"
