"""Change alerts to a real local webhook receiver and a real SMTP server: filters, exactly once,
retries after a failing receiver, and changes reviewed wrong left out."""

from __future__ import annotations

import re
from email import message_from_bytes

import pytest
from click.testing import CliRunner

from policywatch.baseline import load_baseline
from policywatch.changes import run_diff
from policywatch.cli import cli
from policywatch.config import parse_config
from policywatch.store import open_db
from policywatch.store.reviews import add_review
from reports.alerts import render, send_alerts
from reports.digest import build_digest
from reports.weekly import publish_week
from scheduler.jobs import crawl_source, run_alerts
from tests.mailbox import local_smtp
from tests.publishing_data import WEEK, build_sample
from tests.sitedata import _gov_article
from tests.sites import ROBOTS, TEST_ENV, SiteServer, html_page
from tests.test_diff_cli import DOCUMENTS, EXPECTED, add, article_id, url
from tests.test_reviews import shifted
from tests.webhook import WebhookReceiver, running

ARTICLE = ("（示例文本）1月15日，全市轨道交通建设推进会召开。会议总结了去年全市轨道交通建设取得的"
           "成效，部署今年重点工作。会议提出，到2027年，全市轨道交通运营里程达到800公里，中心城区"
           "轨道交通占公共交通出行比例持续提高。会议要求，各区县和有关部门要加强协调配合，加快在建"
           "项目建设进度，确保按期建成投用。")
CHANGE_ID = re.compile(r"/policywatch/changes/([0-9a-f]{16})\"")
CHANGE_ROW = re.compile(r"/policywatch/changes/([\w-]+)\"")


class Receiver(WebhookReceiver):
    """The loopback webhook, its messages as (path, JSON) and the change ids they list."""

    @property
    def received(self) -> list[tuple[str, dict]]:
        return self.posts

    def url(self, path: str = "hook") -> str:
        return self.hook_url(path)

    def ids(self, path: str = "hook") -> list[list[str]]:
        """The change ids listed in each message received on ``path``."""
        return [CHANGE_ID.findall(body["message"]) for p, body in self.received if p == f"/{path}"]


@pytest.fixture
def receiver():
    with running(Receiver()) as server:
        yield server


def entries(text: str):
    return parse_config(f"sources: []\nnotify:\n{text}").notify_entries("change")


def alert_on_every_change(db, receiver):
    """One entry alerting on every change, its first (empty) run, then the diff: the changes
    now wait for it. Returns the configured entries."""
    config = entries(f"""
  - name: all
    url: {receiver.url()}
    when: change
""")
    send_alerts(db, config)
    run_diff(db)
    return config


@pytest.fixture
def db(db_path):
    """The baseline and the sample follow-ups stored, not yet compared."""
    database = open_db(db_path)
    load_baseline(database)
    for document in DOCUMENTS:
        add(database, document["file"])
    return database


def expected_ids(db, keep) -> set[str]:
    """Ids of the changes whose row in :data:`EXPECTED` form passes ``keep``."""
    files = {article_id(url(d["file"])): d["file"] for d in DOCUMENTS}
    return {r["id"] for r in db["changes"].rows
            if keep((files[r["article_id"]], r["change_type"], r["indicator_key"], r["region"],
                     r["old_value"], r["old_year"], r["new_value"], r["new_year"]))}


def test_a_change_alert_with_filters_sends_exactly_the_matching_changes_once(db, receiver):
    config = entries(f"""
  - name: revisions
    url: {receiver.url("revisions")}
    when: change
    regions: [重庆市]
    change_types: [revised, extended]
  - name: rail
    url: {receiver.url("rail")}
    when: change
    themes: [交通]
    indicator: 轨道.*里程
  - name: digest-mail
    url: {receiver.url("digest")}
""")
    assert [e.name for e in config] == ["revisions", "rail"]
    assert send_alerts(db, config) == []  # first seen: the archive is not sent
    run_diff(db)
    results = send_alerts(db, config)
    assert [(r.name, r.changes, r.ok) for r in results] == [("revisions", 6, True), ("rail", 5, True)]

    revisions = expected_ids(db, lambda e: e[3] == "重庆市" and e[1] in ("revised", "extended"))
    rail = expected_ids(db, lambda e: e[2] == "轨道运营里程|length")
    assert len(revisions) == 6 and len(rail) == 5
    [listed] = receiver.ids("revisions")
    assert sorted(listed) == sorted(revisions)
    [listed] = receiver.ids("rail")
    assert sorted(listed) == sorted(rail)
    [(_, message)] = [m for m in receiver.received if m[0] == "/rail"]
    assert message["title"] == "重庆政策目标变化提醒 (rail): 5 项新变化"
    assert "成都市" in message["message"] and "750公里" in message["message"]

    assert send_alerts(db, config) == []  # sent once
    run_diff(db)
    assert send_alerts(db, config) == []
    assert len(receiver.received) == 2
    statuses = {r["status"] for r in db["alerts"].rows}
    assert statuses == {"sent"} and db["alerts"].count == 11


def test_a_reprocess_that_renumbers_the_changes_alerts_nothing_twice(db, receiver):
    config = alert_on_every_change(db, receiver)
    [first] = send_alerts(db, config)
    before = {r["id"] for r in db["changes"].rows}
    run_diff(db, reprocess=True, version="shifted", extract=shifted)
    assert not before & {r["id"] for r in db["changes"].rows}  # every change has a new id
    assert send_alerts(db, config) == [] and len(receiver.received) == 1
    assert first.changes == len(EXPECTED)


def test_a_failing_receiver_is_retried_and_succeeds_later(db, receiver):
    config = alert_on_every_change(db, receiver)
    receiver.status = 500
    [first] = send_alerts(db, config)
    assert not first.ok and "500" in first.error and first.changes == len(EXPECTED)
    [again] = send_alerts(db, config)
    assert not again.ok
    rows = list(db["alerts"].rows)
    assert {(r["status"], r["attempts"]) for r in rows} == {("failed", 2)}

    receiver.status = 200
    [ok] = send_alerts(db, config)
    assert ok.ok and ok.changes == len(EXPECTED)
    [listed] = receiver.ids()
    assert sorted(listed) == sorted(r["id"] for r in db["changes"].rows)
    assert {(r["status"], r["attempts"]) for r in db["alerts"].rows} == {("sent", 3)}
    assert send_alerts(db, config) == [] and len(receiver.received) == 1


def test_a_change_reviewed_wrong_is_absent_from_the_next_digest_feed_and_alert(db, receiver,
                                                                              tmp_path):
    config = alert_on_every_change(db, receiver)
    wrong = next(db["changes"].rows_where("indicator_key = '科技型企业|count'"))
    add_review(db, "change", wrong["id"], "wrong", "李分析", "误读")
    [result] = send_alerts(db, config)
    assert result.changes == len(EXPECTED) - 1
    [listed] = receiver.ids()
    assert wrong["id"] not in listed and len(listed) == len(EXPECTED) - 1
    digest = build_digest(db, wrong["week"], tmp_path / "d", base_url="http://127.0.0.1:8001")
    assert "科技型企业" not in digest.html
    assert wrong["id"] not in (tmp_path / "d" / "feed.xml").read_text(encoding="utf-8")
    assert db["changes"].get(wrong["id"])["indicator"] == wrong["indicator"]  # in the archive


def test_a_change_reviewed_wrong_while_its_alert_waits_is_withdrawn(db, receiver):
    config = alert_on_every_change(db, receiver)
    receiver.status = 503
    send_alerts(db, config)
    wrong = next(db["changes"].rows_where("indicator_key = '地区生产总值|money'"))
    add_review(db, "change", wrong["id"], "wrong", "李分析")
    receiver.status = 200
    [result] = send_alerts(db, config)
    assert result.ok and result.changes == len(EXPECTED) - 1
    assert wrong["id"] not in receiver.ids()[0]
    withdrawn = [r for r in db["alerts"].rows if r["status"] == "withdrawn"]
    assert [r["change_id"] for r in withdrawn] == [wrong["id"]]


def test_an_entry_removed_while_failing_is_dropped_not_forgotten(db, receiver):
    config = alert_on_every_change(db, receiver)
    receiver.status = 500
    send_alerts(db, config)
    assert send_alerts(db, []) == []
    rows = list(db["alerts"].rows)
    assert {(r["status"], r["last_error"]) for r in rows} == {
        ("dropped", "no longer in the configuration")}


def test_a_change_alert_by_email_to_a_local_smtp_server(db):
    with local_smtp() as (port, mailbox):
        config = entries(f"""
  - name: districts
    url: "mailto://127.0.0.1:{port}?from=policywatch@example.cn&to=analyst@example.cn&mode=insecure"
    when: change
    regions: [万州区, 渝北区]
""")
        send_alerts(db, config)
        run_diff(db)
        [result] = send_alerts(db, config)
        assert send_alerts(db, config) == []
    assert result.ok, result.error
    [envelope] = mailbox.messages
    message = message_from_bytes(envelope.content)
    assert "重庆政策目标变化提醒" in str(message["subject"]) or "=?utf-8?" in message["subject"]
    html = next(part for part in message.walk() if part.get_content_type() == "text/html")
    body = html.get_payload(decode=True).decode("utf-8")
    ids = set(CHANGE_ID.findall(body))
    assert ids == expected_ids(db, lambda e: e[3] in ("万州区", "渝北区")) and len(ids) == 2
    assert "常住人口" in body and "万州区" in body


def config_file(tmp_path, text: str):
    path = tmp_path / "sources.yml"
    path.write_text(f"sources: []\nnotify:\n{text}", encoding="utf-8")
    return path


def test_cli_notify_test_sends_a_sample(db_path, tmp_path, receiver):
    config = config_file(tmp_path, f"  - {receiver.url('digest')}\n  - name: team\n"
                                   f"    url: {receiver.url()}\n    when: change\n")
    args = ["--db", str(db_path), "--config", str(config)]
    result = CliRunner().invoke(cli, ["notify", "--test", "team", *args])
    assert result.exit_code == 0, result.output
    assert "notify team: test message sent" in result.output
    result = CliRunner().invoke(cli, ["notify", "--test", "notify-1", *args])
    assert result.exit_code == 0, result.output
    [(path, team), (path2, digest)] = receiver.received
    assert (path, path2) == ("/hook", "/digest")
    assert team["title"] == "policywatch 测试消息 (team)" and "测试消息" in team["message"]
    assert "研发投入强度" in team["message"]


def test_cli_notify_test_failures_and_unknown_names_are_one_line_errors(db_path, tmp_path,
                                                                       receiver):
    config = config_file(tmp_path, f"  - name: team\n    url: {receiver.url()}\n")
    args = ["--db", str(db_path), "--config", str(config)]
    result = CliRunner().invoke(cli, ["notify", "--test", "nobody", *args])
    assert result.exit_code == 1
    assert result.output.strip() == (
        'Error: notify entry "nobody" is not in the configuration (entries: team)')
    receiver.status = 500
    result = CliRunner().invoke(cli, ["notify", "--test", "team", *args])
    assert result.exit_code == 1 and result.output.startswith("Error: notify team: test message failed")


def test_cli_notify_sends_and_reports_change_alerts(db, db_path, tmp_path, receiver):
    config = config_file(tmp_path, f"  - name: team\n    url: {receiver.url()}\n    when: change\n"
                                   "    change_types: [new]\n")
    args = ["--db", str(db_path), "--config", str(config)]
    assert CliRunner().invoke(cli, ["notify", *args]).output == ""
    run_diff(db)
    result = CliRunner().invoke(cli, ["notify", *args])
    assert result.exit_code == 0, result.output
    new = sum(1 for e in EXPECTED if e[1] == "new")
    assert result.output == f"notify team: {new} changes sent\n"
    assert len(receiver.ids()[0]) == new


@pytest.mark.parametrize("entry,message", [
    ("  - name: x\n    url: json://h/\n    when: hourly\n",
     'notify entry "x", field "when", Input should be \'digest\' or \'change\''),
    ("  - name: x\n    url: json://h/\n    when: change\n    themes: [体育]\n",
     'notify entry "x", field "themes", unknown theme \'体育\''),
    ("  - name: x\n    url: json://h/\n    when: change\n    indicator: '轨道('\n",
     'notify entry "x", field "indicator", not a valid regular expression'),
    ("  - name: x\n    url: json://h/\n    when: change\n    change_types: [moved]\n",
     'notify entry "x", field "change_types.0", Input should be'),
    ("  - name: x\n    url: json://h/\n  - name: x\n    url: json://g/\n",
     "notify names must be unique: x"),
    ("  - name: X Y\n    url: json://h/\n", 'notify entry "X Y", field "name", String should match'),
    ("  - url: json://h/\n    colour: red\n", 'notify entry "notify-1", field "colour", unknown key'),
])
def test_bad_notify_entries_are_one_line_config_errors(tmp_path, db_path, entry, message):
    config = config_file(tmp_path, entry)
    result = CliRunner().invoke(cli, ["notify", "--db", str(db_path), "--config", str(config)])
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"Error: {config}: {message}"), line


def test_bare_urls_are_digest_entries_named_by_position():
    config = parse_config("sources: []\nnotify:\n  - json://a/\n  - name: b\n    url: json://b/\n"
                          "    when: change\n  - url: mailto://c\n")
    assert [(e.name, e.when) for e in config.notify] == [
        ("notify-1", "digest"), ("b", "change"), ("notify-3", "digest")]
    assert [e.url for e in config.notify_entries("digest")] == ["json://a/", "mailto://c"]


def test_the_service_sends_change_alerts_after_each_crawl_cycle(db_path, tmp_path, receiver,
                                                                 monkeypatch):
    for name, value in TEST_ENV.items():
        monkeypatch.setenv(name, value)
    db = open_db(db_path)
    load_baseline(db)
    with SiteServer() as site:
        site.routes["/robots.txt"] = ROBOTS
        site.routes["/news/"] = html_page(
            '<html><body><a href="t20260115_1.html">轨道交通建设提速</a></body></html>')
        site.routes["/news/t20260115_1.html"] = html_page(_gov_article(
            "轨道交通建设提速", "2026-01-15 09:00", "重庆日报",
            [ARTICLE]), "gbk", "gb2312")
        config = tmp_path / "sources.yml"
        config.write_text(f"""sources:
  - name: news
    title: 测试新闻
    kind: listing
    start_urls: ["{site.base}/news/"]
    article_pattern: 't\\d{{8}}_\\d+\\.html$'
    delay: 0
notify:
  - name: team
    url: {receiver.url()}
    when: change
""", encoding="utf-8")
        assert run_alerts(str(db_path), str(config)) == 0  # first seen
        assert crawl_source(str(db_path), str(config), "news", timeout=120) == 0
    changes = list(db["changes"].rows)
    assert changes and any(c["indicator_key"] == "轨道运营里程|length" for c in changes)
    [listed] = receiver.ids()
    assert sorted(listed) == sorted(c["id"] for c in changes)


def test_an_alert_escapes_crawled_text_and_links():
    html = render([{
        "id": "0123456789abcdef", "change_type": "new", "indicator": "博物馆<b>", "region": "重庆市",
        "old_value": None, "new_value": 150, "new_unit": "座", "new_year": 2030,
        "published": "2026-11-18", "sentence": '到2030年建成博物馆150座<script>alert("x")</script>',
        "article_title": "全会<script>", "article_url": "javascript:alert(1)",
    }], base_url="http://127.0.0.1:8001")
    assert "<script" not in html and "&lt;script&gt;" in html and "博物馆&lt;b&gt;" in html
    assert 'href="#"' in html and "javascript:" not in html
    assert "2026年11月18日" in html and "150座 (2030年)" in html
    assert 'href="http://127.0.0.1:8001/policywatch/changes/0123456789abcdef"' in html


def test_a_digest_entry_with_filters_gets_a_digest_of_its_matching_changes(db_path, tmp_path,
                                                                           receiver):
    db = open_db(db_path)
    data = build_sample(db)
    config = config_file(tmp_path, f"  - {receiver.url('all')}\n  - name: adjustments\n"
                                   f"    url: {receiver.url('adjustments')}\n"
                                   "    change_types: [revised, extended]\n")
    receiver.status = 500
    publish_week(db_path, config, WEEK, tmp_path / "d")
    receiver.status = 200
    result = publish_week(db_path, config, WEEK, tmp_path / "d", retry_only=True)
    assert [r.ok for r in result.retried] == [True, True]
    [(_, whole)] = [m for m in receiver.received if m[0] == "/all"]
    [(_, adjustments)] = [m for m in receiver.received if m[0] == "/adjustments"]
    assert whole["title"] == f"重庆政策目标每周变化 {WEEK}: {len(data['changes'])} 项变化"
    assert adjustments["title"] == f"重庆政策目标每周变化 {WEEK}: 2 项变化"
    listed = set(CHANGE_ROW.findall(adjustments["message"]))
    assert listed == {data["changes"]["revised:研发投入强度"]["id"],
                      data["changes"]["extended:轨道运营里程"]["id"]}
    assert data["changes"]["new:口袋公园"]["id"] in set(CHANGE_ROW.findall(whole["message"]))
