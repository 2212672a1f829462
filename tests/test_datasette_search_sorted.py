"""A search in the order of a searched column (targets by indicator, articles by title) finds a
word of that column in the column's index and asks the search index only for the rows that hold
it elsewhere (``Searchable.sorted_clause``): the same rows in the same order as the form it
replaces (keeping the index's matches in index order), on the SQLite file with any gram, and
through a real Datasette."""

from __future__ import annotations

import asyncio
import sqlite3

import httpx
import pytest
from datasette.app import Datasette

from policywatch import datasette_search
from policywatch.datasette_search import (
    SEARCHABLE,
    count_from_index,
    prepare_connection,
    sorted_bound,
)
from policywatch.search import phrase_query
from policywatch.store import open_db
from policywatch.store.articles import upsert_article
from policywatch.store.targets import replace_targets
from tests.publishing_data import start_datasette

# 60 targets each, in this order of indicators (by code point): none of 上网人数's hold a word,
# so a page sorted by indicator does not start dense in matches; 口袋书屋 and 城市公园 hold a
# gram of 口袋公园 without it (城市公园's sentences hold it); so do 绿道里程's sentences;
# the indicator of the last group is missing (its sentence holds 湿地).
GROUPS = [
    ("上网人数", "到2027年上网人数达到{n}万人。"),
    ("中心城区口袋公园覆盖率", "到2027年中心城区口袋公园覆盖率达到{n}%。"),
    ("公园绿地面积", "到2027年公园绿地面积达到{n}公顷。"),
    ("口袋书屋", "到2027年建成口袋书屋{n}个。"),
    ("口袋公园", "到2027年建成口袋公园{n}个。"),
    ("城市公园", "到2027年城市公园和口袋公园达到{n}个。"),
    ("社区口袋公园数", "到2027年社区口袋公园数达到{n}个。"),
    ("绿道里程", "到2027年建成口袋公园80个、绿道里程{n}公里。"),
    (None, "到2027年新增湿地{n}处。"),
]
WORDS = ("口袋公园", "公园", "园", "口袋", "袋公园", "绿道", "湿地", "鲸鱼")
ARTICLES = 60
REPRINT_TITLE = "口袋公园重复稿"  # a reprint: stored without a body, outside the search index


def grams(word: str) -> list[str | None]:
    """Every gram :meth:`Searchable.sorted_clause` may be given for ``word``."""
    return [None, *(word[n:n + 2] for n in range(len(word) - 1) if len(word) > 2)]


def params(word: str, gram: str | None, column: str) -> dict:
    query = phrase_query(gram or word)
    return {"search": word, "search_word": word, "search_gram": gram,
            "search_outside": f"{query} NOT {{{column}}}: {query}"}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """60 articles (a third with 口袋公园 in their title, a third in their body only (with 口袋
    in their title), the others 口袋 and 公园 apart; one reprint), each with 9 targets, one of each group, inserted round-robin so that ties on an
    indicator are far apart in rowid order; yields the database path."""
    db_path = tmp_path_factory.mktemp("sorted") / "policywatch.db"
    db = open_db(db_path)
    for n in range(ARTICLES):
        title = f"{n:02d}号" + ("口袋公园新闻" if n % 3 == 0 else "口袋新闻" if n % 3 == 1 else "新闻")
        body = f"第{n}号。" + ("今年新建口袋公园。" if n % 3 == 1 else "口袋书屋、城市公园。")
        ident, _ = upsert_article(db, {"url": f"https://www.cqrb.cn/sorted/{n}.html",
                                       "source": "cqrb", "title": title, "body": body,
                                       "published": f"2026-01-{1 + n % 28:02d}"})
        replace_targets(db, db["articles"].get(ident), [
            {"kind": "target", "indicator": indicator, "indicator_key": "k", "value": n,
             "value_max": None, "unit": "个", "comparator": "=", "year": 2027, "region": "重庆市",
             "sentence": sentence.format(n=n), "start": k, "end": k + 1}
            for k, (indicator, sentence) in enumerate(GROUPS)], "test-1")
    upsert_article(db, {"url": "https://www.cqrb.cn/sorted/reprint.html", "source": "cqrb",
                        "title": REPRINT_TITLE, "body": "第1号。今年新建口袋公园。",
                        "published": "2026-02-01"})
    assert db.execute("select count(*) from articles where dup_of is not null").fetchone()[0] == 1
    db.close()
    return db_path


def connect(db_path) -> sqlite3.Connection:
    conn = sqlite3.connect(db_path)
    prepare_connection(conn)
    return conn


def ids(conn: sqlite3.Connection, table: str, where: str, order: str, limit: int,
        values: dict) -> list[str]:
    return [row[0] for row in conn.execute(
        f"select id from {table} where {where} order by {order} limit {limit}", values)]


@pytest.mark.parametrize("table,column", [("targets", "indicator"), ("articles", "title")])
@pytest.mark.parametrize("order", ["", " desc"])
@pytest.mark.parametrize("word", WORDS)
def test_the_sorted_form_gives_the_rows_and_order_of_the_index_matches_with_any_gram(
        archive, table, column, order, word):
    """Run as SQL on the file, in index order, whole and as a first page: the sorted form with
    each gram the word has (or none) gives the ids the kept index matches give, which are the
    rows whose text holds the word, by the column and then rowid (the index's order)."""
    searchable = SEARCHABLE[table]
    conn = connect(archive)
    rows = conn.execute(f"select rowid, id, {', '.join(searchable.columns)} from {table}"
                        f" where {searchable.indexed or 1}").fetchall()
    holding = [row for row in rows if any(word in (text or "") for text in row[2:])]
    expected = [row[1] for row in sorted(holding, key=lambda row: (row[2] is not None, row[2] or "", row[0]),
                                         reverse=bool(order))]
    by_column = f"{column}{order}"
    for limit in (len(rows), 15):
        kept = ids(conn, table, searchable.clause("scan"), by_column, limit, {"search": word})
        assert kept == expected[:limit]
        for gram in grams(word):
            found = ids(conn, table, searchable.sorted_clause(column), by_column, limit,
                        params(word, gram, column))
            assert found == kept, (gram, limit)
    conn.close()


def bound(db_path, column: str, order: str, values: dict) -> dict | None:
    """:func:`sorted_bound` of the targets on a real Datasette database."""
    database = Datasette([str(db_path)]).get_database("policywatch")
    return asyncio.run(sorted_bound(database, "targets", column, bool(order), values))


@pytest.mark.parametrize("skip,listed", [(2000, 100), (1, 100), (0, 100), (2000, 59)])
@pytest.mark.parametrize("order", ["", " desc"])
@pytest.mark.parametrize("word", WORDS)
def test_the_bounded_form_gives_the_rows_and_order_of_the_sorted_form_with_any_gram(
        archive, monkeypatch, word, order, skip, listed):
    """Read from the first indicator that may hold the word (found by stepping over at most
    ``skip`` indicators), with the rows that hold the gram elsewhere listed (at most ``listed``:
    绿道里程's 60 sentences hold 口袋公园, 城市公园's too), the page gives the rows and order of
    the sorted form, whole and as a first page, with every gram; with more rows to list, a
    listed row without an indicator (湿地), or no row that may hold the word (鲸鱼), there is no
    bound."""
    monkeypatch.setattr(datasette_search, "SKIP_VALUES", skip)
    monkeypatch.setattr(datasette_search, "OUTSIDE_ROWS", listed)
    conn = connect(archive)
    by_column = f"indicator{order}"
    bounded = SEARCHABLE["targets"].bounded_clause("indicator", bool(order))
    for gram in grams(word):
        values = params(word, gram, "indicator")
        extra = bound(archive, "indicator", order, values)
        outside = conn.execute("select indicator from targets where rowid in (select rowid from"
                               " targets_fts where targets_fts match ?)",
                               [values["search_outside"]]).fetchall()
        if len(outside) > listed or (None,) in outside:  # 湿地: a target without an indicator
            assert extra is None, gram
            continue
        if extra is None:  # every indicator stepped over, none holding the word
            assert (word, skip) == ("鲸鱼", 2000) and not outside
            continue
        for limit in (600, 15):
            expected = ids(conn, "targets", SEARCHABLE["targets"].sorted_clause("indicator"),
                           by_column, limit, values)
            assert ids(conn, "targets", bounded, by_column, limit, {**values, **extra}) == expected
    conn.close()


def test_the_bounded_form_starts_at_the_first_indicator_that_may_hold_the_word(archive):
    """公园 (no gram): none of 上网人数's hold it, 中心城区口袋公园覆盖率 does; in descending
    order 绿道里程 comes first, whose sentences hold it (listed), before 社区口袋公园数; 绿道 is
    held by 绿道里程 alone, and in no other sentence; 鲸鱼 starts nowhere."""
    values = params("公园", None, "indicator")
    assert bound(archive, "indicator", "", values)["search_from"] == "中心城区口袋公园覆盖率"
    assert bound(archive, "indicator", " desc", values)["search_from"] == "绿道里程"
    assert bound(archive, "indicator", " desc", params("口袋", "口袋", "indicator")) is None
    assert bound(archive, "indicator", "", params("绿道", None, "indicator")) == {
        "search_from": "绿道里程", "search_outside_rows": "[]"}
    assert bound(archive, "indicator", " desc", params("鲸鱼", None, "indicator")) is None
    conn = connect(archive)
    sql = (f"select * from targets where {SEARCHABLE['targets'].bounded_clause('indicator', False)}"
           " order by indicator limit 51")
    steps = [row[3] for row in conn.execute("explain query plan " + sql, {
        **params("公园", None, "indicator"), "search_from": "中心城区", "search_outside_rows": "[]"})]
    assert steps[0] == "SEARCH targets USING INDEX idx_targets_indicator (indicator>?)"
    assert not any("TEMP B-TREE" in step for step in steps)
    conn.close()


def test_the_sorted_form_reads_the_columns_index_alone_until_a_row_may_hold_the_word_elsewhere(
        archive):
    conn = connect(archive)
    sql = (f"select * from targets where {SEARCHABLE['targets'].sorted_clause('indicator')}"
           " order by indicator limit 51")
    steps = [row[3] for row in conn.execute("explain query plan " + sql, params("口袋公园", "袋公", "indicator"))]
    assert steps[0] == "SCAN targets USING INDEX idx_targets_indicator"
    assert not any("TEMP B-TREE" in step for step in steps)
    conn.close()


@pytest.fixture(scope="module")
def site(archive):
    process, base = start_datasette(archive, archive.parent / "digests")
    yield base
    process.terminate()
    process.wait(10)


@pytest.mark.parametrize("table,column,word,size,gram,bounded", [
    ("targets", "indicator", "口袋公园", "15", "袋公", False),
    ("targets", "indicator", "口袋公园", "100", "袋公", False),
    ("targets", "indicator", "公园", "15", None, True), ("targets", "indicator", "园", "15", None, True),
    ("targets", "indicator", "口袋", "15", None, False),
    ("articles", "title", "口袋公园", "5", "袋公", False)])
def test_a_page_sorted_by_a_searched_column_takes_the_sorted_form(archive, site, table, column,
                                                                   word, size, gram, bounded):
    """口袋公园 is in 300 of 540 targets (more than sqrt(16 * 540) and sqrt(101 * 540)), 口袋
    in 360, 公园 and 园 in 420 (all more than sqrt(160 * 540), but the first rows by indicator
    hold none of them): each page takes the sorted form, a long word with its rarest gram (袋公:
    口袋 and 公园 are in other indicators and titles too), and its
    rows are those of the form it replaces, run on the file with the page's own SQL; its count
    reads the search index alone. Targets start at the first indicator that may hold the word
    when at most 100 of them hold its gram elsewhere (公园 and 园: 绿道里程's 60 sentences; 口袋
    and 袋公 in 120)."""
    body = httpx.get(f"{site}/policywatch/{table}.json", timeout=10, params={
        "_search": word, "_sort": column, "_size": size, "_extra": "query,count,count_sql"}).json()
    searchable = SEARCHABLE[table]
    sql, values = body["query"]["sql"], body["query"]["params"]
    clause = (searchable.bounded_clause(column, False) if bounded
              else searchable.sorted_clause(column))
    assert clause in sql
    assert values["search_gram"] == gram
    conn = connect(archive)
    kept = [row[0] for row in conn.execute(sql.replace(clause, searchable.clause("scan")), values)]
    assert [row["id"] for row in body["rows"]] == kept[:len(body["rows"])]
    assert len(body["rows"]) == min(len(kept), int(size))
    matches = conn.execute(f"select count(*) from {table} where {searchable.clause('lookup')}",
                           {"search": word}).fetchone()[0]
    conn.close()
    assert body["count"] == min(matches, 1001)
    assert f"{searchable.fts} where {searchable.fts} match escape_fts(:search)" in count_from_index(
        body["count_sql"])
    assert REPRINT_TITLE not in {row.get("title") for row in body["rows"]}


def test_every_page_of_an_article_search_sorted_by_title(archive, site):
    """Followed by ``_next`` (titles are unique), the pages give every article holding the word,
    by title; the reprint is not among them."""
    conn = connect(archive)
    expected = [row[0] for row in conn.execute(
        "select id from articles where dup_of is null and (title like '%口袋公园%' or body like"
        " '%口袋公园%') order by title")]
    conn.close()
    found, after = [], None
    while True:
        page = httpx.get(f"{site}/policywatch/articles.json", timeout=10, params={
            "_search": "口袋公园", "_sort": "title", "_size": "7",
            **({"_next": after} if after else {})}).json()
        found += [row["id"] for row in page["rows"]]
        after = page.get("next")
        if not after:
            break
    assert found == expected and len(expected) == 40


@pytest.mark.parametrize("table", ["targets", "articles"])
@pytest.mark.parametrize("term", [*WORDS, "口袋 公园", "公园 湿地", "口袋公園"])
def test_the_text_check_gives_the_rows_that_hold_every_word(archive, table, term):
    """The text form checks a word of Han characters with SQLite's ``instr`` (a missing
    indicator falls back to ``contains_search``), several words with ``contains_search``;
    traditional characters are searched as simplified."""
    searchable = SEARCHABLE[table]
    conn = connect(archive)
    rows = conn.execute(f"select id, {', '.join(searchable.columns)} from {table}"
                        f" where {searchable.indexed or 1}").fetchall()
    words = term.replace("園", "园").split()
    expected = {row[0] for row in rows if all(any(word in (text or "") for text in row[1:])
                                              for word in words)}
    found = {row[0] for row in conn.execute(
        f"select id from {table} where {searchable.clause('text')}", {"search": term})}
    conn.close()
    assert found == expected
