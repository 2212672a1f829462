"""The parts of a Scrapyd crawl that need no node: the scrapyd: section, job arguments, the
egg, reading a job's feed."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest
import yaml

from crawler.cluster import known_urls_for
from crawler.egg import build_egg
from crawler.ingest import FeedError, read_feed, store_feed
from crawler.job import MAX_PACKED, PART, Job, JobError, job_arguments, read_job
from crawler.run import run_crawl
from policywatch.config import parse_config
from policywatch.errors import ConfigError
from policywatch.store import open_db
from policywatch.store.crawls import stored_urls_by_host

SOURCE = """sources:
  - name: gov
    title: 今日重庆
    kind: listing
    start_urls: ["http://127.0.0.1:8000/ywdt/"]
    delay: 0
"""


def test_scrapyd_nodes_as_a_list_or_a_mapping(monkeypatch):
    config = parse_config(SOURCE + "scrapyd: [http://127.0.0.1:6800/]\n")
    [node] = config.scrapyd.nodes
    assert (node.name, node.url, node.auth()) == ("127.0.0.1:6800", "http://127.0.0.1:6800", None)
    config = parse_config(SOURCE + "    node: gz\nscrapyd:\n  nodes:\n"
                          "    - {name: gz, url: 'https://crawl.example.org', credentials: GZ_AUTH}\n"
                          "  timeout: 60\n")
    monkeypatch.setenv("GZ_AUTH", "crawler:p:w")
    assert config.scrapyd.node("gz").auth() == ("crawler", "p:w")
    assert config.source("gov").node == "gz" and config.scrapyd.timeout == 60


def test_node_credentials_come_from_the_environment(monkeypatch):
    config = parse_config(SOURCE + "scrapyd: [{url: 'http://a:1', credentials: NODE_A}, 'http://b:2']\n")
    a, b = config.scrapyd.nodes
    monkeypatch.delenv("NODE_A", raising=False)
    with pytest.raises(ValueError, match="环境变量NODE_A未设置"):
        a.auth()
    monkeypatch.setenv("NODE_A", "no-colon")
    with pytest.raises(ValueError, match="user:password"):
        a.auth()
    monkeypatch.setenv("POLICYWATCH_SCRAPYD_AUTH", "crawler:pw")
    assert b.auth() == ("crawler", "pw")


@pytest.mark.parametrize("section,message", [
    ("scrapyd: []", 'field "scrapyd.nodes", List should have at least 1 item'),
    ("scrapyd: [ftp://x]", '"ftp://x" is not an http(s) URL of a Scrapyd node'),
    ("scrapyd: ['http://u:pw@x:6800']", "credentials do not belong in the URL"),
    ("scrapyd: [{url: 'http://x:1', credentials: 'not a name'}]", 'field "scrapyd.nodes.0.credentials"'),
    ("scrapyd: ['http://x:1', 'http://x:1']", "scrapyd node names must be unique: x:1"),
    ("scrapyd: {nodes: ['http://x:1'], timeout: 0}", 'field "scrapyd.timeout"'),
    ("scrapyd: {nodes: ['http://x:1'], hosts: []}", 'field "scrapyd.hosts", unknown key'),
])
def test_bad_scrapyd_sections_are_one_line_errors(section, message):
    with pytest.raises(ConfigError, match="^sources.yml: ") as error:
        parse_config(SOURCE + section + "\n")
    assert message in str(error.value) and "\n" not in str(error.value)


def test_a_source_pinned_to_an_unknown_node_is_an_error():
    with pytest.raises(ConfigError, match='pinned to node "gz", which is not among the scrapyd '
                                          r'nodes \(127.0.0.1:6800\)'):
        parse_config(SOURCE + "    node: gz\nscrapyd: ['http://127.0.0.1:6800']\n")
    with pytest.raises(ConfigError, match="none: add a scrapyd: section"):
        parse_config(SOURCE + "    node: gz\n")


def test_job_arguments_round_trip_in_parts_below_the_argument_limit():
    known = [f"https://www.cq.gov.cn/ywdt/jrcq/202508/t20250820_{n:08d}.html" for n in range(60000)]
    job = Job("gov", [dt.date(2025, 8, 20), dt.date(2025, 8, 19)], (dt.date(2025, 8, 1), None), known)
    arguments = job_arguments(job)
    assert int(arguments["known_parts"]) > 1
    assert all(len(value) <= PART for value in arguments.values())
    assert read_job(arguments) == job
    assert read_job(job_arguments(Job("gov"))) == Job("gov")


def test_too_many_known_urls_for_one_job_is_an_error():
    import random

    rng = random.Random(1)
    known = [f"https://x.cn/{rng.getrandbits(128):032x}.html" for _ in range(60000)]
    with pytest.raises(JobError, match=f"60000 stored URLs do not fit .* at most {MAX_PACKED}"):
        job_arguments(Job("gov", known=known))


def test_unreadable_job_arguments_are_an_error():
    with pytest.raises(JobError, match="cannot be read"):
        read_job({"source": "gov", "known_parts": "2", "known0": "eJw="})


def test_the_egg_holds_the_crawler_and_sources_but_no_store_or_secrets():
    config = parse_config(SOURCE + "    node: two\nnotify: ['tgram://secret-token/123']\n"
                          "scrapyd: [{name: two, url: 'http://127.0.0.1:6801', credentials: X}]\n")
    egg = build_egg(config)
    archive = zipfile.ZipFile(io.BytesIO(egg.data))
    names = archive.namelist()
    assert "crawler/spiders/listing.py" in names and "policywatch/normalize.py" in names
    assert not [n for n in names if n.startswith(("policywatch/store", "tests/", "diff/extract"))]
    assert archive.read("EGG-INFO/entry_points.txt") == b"[scrapy]\nsettings = crawler.settings\n"
    deployed = yaml.safe_load(archive.read("crawler/sources.yml"))
    assert set(deployed) == {"sources"} and deployed["sources"][0]["name"] == "gov"
    assert "node" not in deployed["sources"][0]
    assert b"secret-token" not in egg.data
    assert build_egg(config).version == egg.version  # the same contents, the same version
    other = parse_config(SOURCE.replace("今日重庆", "今日重庆·要闻"))
    assert build_egg(other).version != egg.version


def _line(**fields):
    item = {"url": "http://127.0.0.1/a.html", "source": "gov", "title": "全市城市更新工作推进会召开",
            "body": "（示例文本）会议提出，今年全市计划实施城市更新项目300个。", "published": "2025-08-20",
            "subtitle": "", "author": "", "origin": "", "page": "", "tags": [], "is_plenary": False,
            "parts": [], "etag": '"abc"', "last_modified": None}
    return json.dumps({**item, **fields}, ensure_ascii=False)


SUMMARY = json.dumps({"counts": {"pages": 3, "links": 2}, "errors": [], "record": "summary"})


def test_a_whole_feed_is_stored_in_one_go(fresh_db):
    feed = read_feed(f"{_line()}\n{_line(url='http://127.0.0.1/b.html')}\n{SUMMARY}\n".encode())
    assert [a.url for a in feed.articles] == ["http://127.0.0.1/a.html", "http://127.0.0.1/b.html"]
    assert feed.summary.counts == {"pages": 3, "links": 2}
    statuses = store_feed(fresh_db, feed)
    assert statuses == {"new": 1, "duplicate": 1}
    assert stored_urls_by_host(fresh_db) == {
        "127.0.0.1": ["http://127.0.0.1/a.html", "http://127.0.0.1/b.html"]}


@pytest.mark.parametrize("data,message", [
    (b"", "0条记录之后没有结束记录"),
    (f"{_line()}\n".encode(), "1条记录之后没有结束记录"),
    (f"{_line()}\n{SUMMARY}\n{_line()}\n".encode(), "结束记录之后还有记录"),
    (f"{_line()}\n{SUMMARY[:30]}".encode(), "最后一行被截断"),
    (f"{_line()}\n".encode()[:-20] + b"\xe5\x85", "最后一行被截断"),
    (f'{{"url": "x", "sauce": 1}}\n{SUMMARY}\n'.encode(), "无法识别的记录"),
])
def test_a_cut_off_feed_is_refused_and_stores_nothing(fresh_db, data, message):
    with pytest.raises(FeedError, match=message):
        read_feed(data)
    assert fresh_db["articles"].count == 0


def test_a_job_takes_the_stored_urls_of_its_domains_only():
    stored = {"cq.gov.cn": ["http://cq.gov.cn/a.html"], "www.cq.gov.cn": ["http://www.cq.gov.cn/b.html"],
              "xcq.gov.cn": ["http://xcq.gov.cn/c.html"], "127.0.0.1": ["http://127.0.0.1:8000/ywdt/d.html"]}
    config = parse_config(SOURCE + "  - {name: cq, title: 重庆, kind: listing, "
                          "start_urls: ['https://www.cq.gov.cn/'], allowed_domains: [cq.gov.cn]}\n")
    assert known_urls_for(stored, config.source("cq")) == ["http://cq.gov.cn/a.html",
                                                         "http://www.cq.gov.cn/b.html"]
    assert known_urls_for(stored, config.source("gov")) == ["http://127.0.0.1:8000/ywdt/d.html"]


def test_no_node_answering_fails_the_sources_and_stores_nothing(tmp_path, free_port):
    config = parse_config(SOURCE + "  - {name: pinned, title: 固定, kind: listing, node: gz, "
                          "start_urls: ['http://127.0.0.1:8000/p/'], delay: 0}\n"
                          f"scrapyd: ['http://127.0.0.1:{free_port}', "
                          f"{{name: gz, url: 'http://127.0.0.1:{free_port}'}}]\n")
    database = tmp_path / "pw.db"
    results = run_crawl(config, ["gov", "pinned"], str(database))
    assert [(r.source, r.status) for r in results] == [("gov", "failed"), ("pinned", "failed")]
    assert results[0].errors[0].startswith("没有可用的Scrapyd节点：节点127.0.0.1:")
    assert "无法访问" in results[1].errors[0]
    db = open_db(database)
    assert db.execute("SELECT source, node, status FROM crawl_runs ORDER BY id").fetchall() == [
        ("gov", "-", "failed"), ("pinned", "gz", "failed")]
    assert db.execute("SELECT name, healthy FROM sources ORDER BY name").fetchall() == [
        ("gov", 0), ("pinned", 0)]
    assert db["articles"].count == 0
