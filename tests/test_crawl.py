"""Real crawls through the Scrapy engine (as ``policywatch crawl`` subprocesses) of fixture sites."""

from __future__ import annotations

import json
import re

import pytest

from policywatch.normalize import normalize_line, normalize_text
from policywatch.store import open_db
from tests import sitedata
from tests.sites import SiteServer, run_policywatch

BOILERPLATE = ("版权所有", "ICP备", "上一期", "【字体", "字体", "打印本页", "相关文章", "往期")


@pytest.fixture(scope="module")
def site():
    """All fixture sites on one loopback server."""
    with SiteServer() as server:
        sitedata.add_epaper(server)
        sitedata.add_gov(server)
        sitedata.add_feed(server)
        sitedata.add_hostile(server)
        yield server


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, site):
    """A folder with sources.yml for the fixture sites."""
    folder = tmp_path_factory.mktemp("crawl")
    (folder / "sources.yml").write_text(sitedata.sources_yaml(site.base), encoding="utf-8")
    return folder


def _crawl(workdir, db_name, *args):
    return run_policywatch("crawl", *args, "--db", str(workdir / db_name),
                           "--config", str(workdir / "sources.yml"))


@pytest.fixture(scope="module")
def first(site, workdir):
    """The first crawl of the e-paper, the portal and the feed, in one process."""
    site.log.clear()
    result = _crawl(workdir, "main.db", "cqrb", "gov", "feed", "--since", "2025-08-15",
                    "--until", "2025-08-20")
    return result, list(site.log), open_db(workdir / "main.db")


def _articles(db, source):
    return {row["title"]: row for row in db["articles"].rows_where("source = ?", [source])}


def test_first_crawl_succeeds_with_progress(first):
    result, _, db = first
    assert result.returncode == 0, result.stderr
    assert "cqrb: ok" in result.stderr and "gov: ok" in result.stderr and "feed: ok" in result.stderr
    assert "已抓取" in result.stderr and "cqrb: 开始抓取（2025-08-15至2025-08-20的版面）" in result.stderr
    assert db["articles"].count == 13


def test_epaper_titles_dates_and_pages(first):
    _, _, db = first
    articles = _articles(db, "cqrb")
    expected = {(normalize_line(a[3]), "2025-" + a[0][5:7] + "-" + a[0][8:], a[1])
                for a in sitedata.EPAPER_ARTICLES if a[2] != "8804"}
    assert {(t, r["published"], r["page"]) for t, r in articles.items()} == expected


def test_epaper_continuation_is_merged_with_pretitle_and_subtitle(first):
    _, _, db = first
    row = _articles(db, "cqrb")["市委六届七次全会在渝召开"]
    assert row["body"] == normalize_text("\n".join(sitedata.PLENARY_BODY + sitedata.PLENARY_CONTINUED))
    assert row["subtitle"] == ("引题:深入学习贯彻习近平总书记视察重庆重要讲话重要指示精神\n"
                               "副题:审议通过关于高水平建设现代化人民城市的意见")
    assert row["author"] == "张亦筑 王翔"
    assert row["is_plenary"] == 1 and json.loads(row["tags"]) == ["plenary"]
    aliases = list(db["article_urls"].rows)
    assert [a["url"].split("/", 3)[3] for a in aliases] == ["cqrb/2025-08/20/003/content_rb_8804.htm"]


def test_epaper_walks_only_the_date_range(first):
    _, log, _ = first
    nodes = sorted(e.path for e in log if e.path.endswith("node.htm"))
    # the calendar links to the 21st and to September: a trap that is never followed
    assert nodes == ["/cqrb/2025-08/15/001/node.htm", "/cqrb/2025-08/16/001/node.htm",
                     "/cqrb/2025-08/17/001/node.htm", "/cqrb/2025-08/18/001/node.htm", "/cqrb/2025-08/18/002/node.htm",
                     "/cqrb/2025-08/19/001/node.htm", "/cqrb/2025-08/20/001/node.htm",
                     "/cqrb/2025-08/20/002/node.htm", "/cqrb/2025-08/20/003/node.htm",
                     "/cqrb/2025-08/20/003/node.htm", "/cqrb/2025-08/20/004/node.htm"]
    # linked from both the article list and the image map, fetched once
    assert [e.path for e in log].count("/cqrb/2025-08/20/001/content_rb_8801.htm") == 1


def test_portal_gbk_meta_and_boilerplate(first):
    _, _, db = first
    articles = _articles(db, "gov")
    assert {t: (r["published"], r["origin"]) for t, r in articles.items()} == {
        "全市城市更新工作推进会召开": ("2025-08-20", "重庆日报"),
        "重庆港集装箱吞吐量创新高": ("2025-08-19", "重庆日报"),
        "市政府常务会议研究部署稳就业工作": ("2025-08-18", "市政府办公厅"),
        # no meta PubDate: 发布时间 in the page, not the 2024 date of the related links
        "市委召开全体会议传达学习全会精神": ("2025-08-15", "重庆市人民政府网"),
    }
    # 堃 is in GBK but not in GB2312: the gb2312 label is decoded as gb18030
    assert "副主任李堃主持" in articles["全市城市更新工作推进会召开"]["body"]
    assert articles["市委召开全体会议传达学习全会精神"]["is_plenary"] == 1
    assert articles["市政府常务会议研究部署稳就业工作"]["is_plenary"] == 0


def test_twins_tracking_and_https_variants_are_one_article(first):
    _, log, db = first
    paths = [e.path for e in log]
    assert not [p for p in paths if "_app" in p or "utm_source" in p]
    assert paths.count("/ywdt/jrcq/202508/t20250820_14857001.html") == 1
    urls = [r["url"] for r in db["articles"].rows_where("source = 'gov'")]
    assert all(u.startswith("http://127.0.0.1:") for u in urls)


def test_reprint_is_linked_not_stored_twice(first):
    _, _, db = first
    rows = list(db["articles"].rows_where("title = ?", ["重庆港集装箱吞吐量创新高"]))
    assert len(rows) == 2
    original, reprint = sorted(rows, key=lambda r: r["dup_of"] is not None)
    assert original["dup_of"] is None and original["body"] == normalize_text("\n".join(sitedata.PORT_BODY))
    assert reprint["dup_of"] == original["id"] and reprint["body"] is None


def test_feed_articles_through_trafilatura(first):
    _, _, db = first
    articles = _articles(db, "feed")
    assert {t: r["published"] for t, r in articles.items()} == {
        "重庆至万州高铁建设加快推进": "2025-08-21",
        "中欧班列(成渝)开行量稳步增长": "2025-08-22",  # the RSS pubDate: the page has none
        "西部科学城重庆高新区新增高新技术企业": "2025-08-23",
    }
    body = articles["西部科学城重庆高新区新增高新技术企业"]["body"]
    assert body == normalize_text("\n".join(sitedata.FEED_ARTICLES["685003"][3]))
    assert "重庆高新区新增国家高新技术企业120家" in body  # traditional → simplified


def test_no_body_holds_boilerplate(first):
    _, _, db = first
    for row in db["articles"].rows_where("body IS NOT NULL"):
        assert not [w for w in BOILERPLATE if w in row["body"]], row["title"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["published"])
        assert "\ufffd" not in row["body"]


def test_crawl_runs_rows(first):
    _, _, db = first
    runs = {r["source"]: r for r in db["crawl_runs"].rows}
    assert {s: (r["status"], r["new_articles"] + r["duplicates"]) for s, r in runs.items()} == {
        "cqrb": ("ok", 6), "gov": ("ok", 4), "feed": ("ok", 3)}
    assert runs["cqrb"]["links"] == 7 and runs["gov"]["links"] == 4  # twins and variants: one link
    assert all(json.loads(r["errors"]) == [] and r["finished"] for r in runs.values())


def test_second_crawl_downloads_no_article_again(first, site, workdir):
    site.log.clear()
    result = _crawl(workdir, "main.db", "cqrb", "gov", "feed", "--since", "2025-08-15",
                    "--until", "2025-08-20")
    assert result.returncode == 0, result.stderr
    paths = [e.path for e in site.log]
    assert not [p for p in paths if re.search(r"content_|/t2025\d{4}_", p)]
    revalidated = [e for e in site.log if e.status == 304]
    assert {e.path for e in revalidated} >= {"/ywdt/jrcq/", "/1/rss.xml", "/cqrb/2025-08/20/001/node.htm"}
    assert all(e.headers.get("if-none-match") for e in revalidated)
    db = open_db(workdir / "main.db")
    assert db["articles"].count == 13
    last = db.execute("SELECT sum(new_articles), min(status), max(status) FROM crawl_runs "
                      "WHERE id > 3").fetchone()
    assert last == (0, "ok", "ok")


def test_hostile_site(site, workdir):
    site.log.clear()
    result = _crawl(workdir, "hostile.db", "hostile")
    assert result.returncode == 1
    paths = [e.path for e in site.log]
    assert "/private/secret.html" not in paths  # robots.txt
    assert "/hostile/offsite.html" not in paths  # off-domain link
    assert not [p for p in paths if "calendar" in p]
    assert len([p for p in paths if "/hostile/index" in p]) == sitedata.HOSTILE_MAX_PAGES
    db = open_db(workdir / "hostile.db")
    assert {r["title"]: r["published"] for r in db["articles"].rows} == {
        "城乡供水一体化加快推进": "2025-08-21",   # broken HTML
        "全市消费市场稳中有升": "2025-08-22",     # header utf-8 over a GBK body
    }
    run = next(db["crawl_runs"].rows)
    errors = json.loads(run["errors"])
    assert run["status"] == "failed" and run["failed"] == 6 and run["rejected"] == 1
    expected = {"404.html": "HTTP 404", "500.html": "HTTP 500", "slow.html": "took longer than",
                "loop.html": "max redirections", "big.html": "larger than download max size",
                "garbage.html": "decodes in none of"}
    for page, message in expected.items():
        assert [e for e in errors if page in e and message in e], (page, errors)
    assert run["links"] == 10  # each article link counted once, however many pages repeat it
    assert "hostile: failed" in result.stderr


def test_since_until_bound_listing_articles_by_their_url_dates(site, workdir):
    site.log.clear()
    result = _crawl(workdir, "window.db", "gov", "--since", "2025-08-19", "--until", "2025-08-19")
    assert result.returncode == 0, result.stderr
    db = open_db(workdir / "window.db")
    assert [r["title"] for r in db["articles"].rows] == ["重庆港集装箱吞吐量创新高"]
    assert not [e.path for e in site.log if re.search(r"/t202508(20|18|15)_", e.path)]


def test_feed_links_from_rss_atom_and_sitemap_are_fetched_once(first):
    _, log, db = first
    paths = [e.path for e in log]
    assert {"/1/rss.xml", "/1/atom.xml", "/1/sitemap_index.xml", "/1/sitemap.xml"} <= set(paths)
    for ident in sitedata.FEED_ARTICLES:
        assert paths.count(f"/1/detail/{ident}/web/content_{ident}.htm") == 1
    assert not [p for p in paths if "from=atom" in p]
