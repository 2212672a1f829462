"""Sending digests through Apprise to a real local webhook and SMTP server; failures are retried."""

from __future__ import annotations

import json
import socket
from email import message_from_bytes

import pytest
from click.testing import CliRunner

from policywatch.cli import cli
from policywatch.store import open_db
from policywatch.store.notifications import failed_notifications, get_notification
from reports import notify
from reports.digest import build_digest
from reports.weekly import publish_week
from tests.mailbox import local_smtp
from tests.publishing_data import EMPTY_WEEK, WEEK, build_sample
from tests.webhook import WebhookReceiver, running


class Receiver(WebhookReceiver):
    """The loopback webhook, its messages as JSON bodies."""

    @property
    def received(self) -> list[dict]:
        return [body for _, body in self.posts]

    @property
    def url(self) -> str:
        return self.hook_url()


@pytest.fixture
def receiver():
    with running(Receiver()) as server:
        yield server


def dead_url() -> str:
    """A json:// URL on a loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"json://127.0.0.1:{port}/hook"


@pytest.fixture
def built(db_path, tmp_path):
    db = open_db(db_path)
    build_sample(db)
    digest = build_digest(db, WEEK, tmp_path / "digests", base_url="http://127.0.0.1:8001")
    return db, digest


def test_digest_reaches_a_webhook(built, receiver):
    db, digest = built
    [result] = notify.send_digest(db, WEEK, digest.changes, digest.html, [receiver.url])
    assert result.ok and result.error is None
    [message] = receiver.received
    assert message["title"] == f"重庆政策目标每周变化 {WEEK}: 9 项变化"
    assert "研发投入强度" in message["message"]
    row = get_notification(db, WEEK, receiver.url)
    assert row["status"] == "sent" and row["attempts"] == 1 and row["sent"]


def test_a_sent_digest_is_not_sent_twice(built, receiver):
    db, digest = built
    notify.send_digest(db, WEEK, digest.changes, digest.html, [receiver.url])
    [again] = notify.send_digest(db, WEEK, digest.changes, digest.html, [receiver.url])
    assert again.skipped and len(receiver.received) == 1


def test_a_refusing_target_is_recorded_and_retried(built, receiver):
    db, digest = built
    receiver.status = 500
    [result] = notify.send_digest(db, WEEK, digest.changes, digest.html, [receiver.url])
    assert not result.ok and result.error
    row = get_notification(db, WEEK, receiver.url)
    assert row["status"] == "failed" and row["attempts"] == 1 and "500" in row["last_error"]
    assert [r["week"] for r in failed_notifications(db)] == [WEEK]

    receiver.status = 200
    [retried] = notify.retry_failed(db, [receiver.url])
    assert retried.ok
    assert receiver.received[0]["title"].startswith(f"重庆政策目标每周变化 {WEEK}")
    row = get_notification(db, WEEK, receiver.url)
    assert row["status"] == "sent" and row["attempts"] == 2 and row["last_error"] is None
    assert failed_notifications(db) == []


def test_an_unreachable_target_does_not_stop_the_others(built, receiver):
    db, digest = built
    dead = dead_url()
    results = notify.send_digest(db, WEEK, digest.changes, digest.html, [dead, receiver.url])
    assert [r.ok for r in results] == [False, True]
    assert "connection" in results[0].error.lower()
    assert get_notification(db, WEEK, dead)["status"] == "failed"
    assert len(receiver.received) == 1


def test_next_digest_run_retries_earlier_failures(db_path, tmp_path, receiver):
    db = open_db(db_path)
    build_sample(db)
    config = tmp_path / "sources.yml"
    config.write_text(f"sources: []\nnotify:\n  - {receiver.url}\n", encoding="utf-8")
    receiver.status = 503
    first = publish_week(db_path, config, EMPTY_WEEK, tmp_path / "d")
    assert [r.ok for r in first.sent] == [False]
    receiver.status = 200
    second = publish_week(db_path, config, WEEK, tmp_path / "d")
    assert [(r.week, r.ok) for r in second.retried] == [(EMPTY_WEEK, True)]
    assert [(r.week, r.ok) for r in second.sent] == [(WEEK, True)]
    assert [m["title"] for m in receiver.received] == [
        f"重庆政策目标每周变化 {EMPTY_WEEK}: 无变化", f"重庆政策目标每周变化 {WEEK}: 9 项变化"]


def test_a_target_removed_from_the_configuration_is_dropped_not_forgotten(built):
    db, digest = built
    dead = dead_url()
    notify.send_digest(db, WEEK, digest.changes, digest.html, [dead])
    [result] = notify.retry_failed(db, [])
    assert not result.ok and "no longer in the configuration" in result.error
    row = get_notification(db, WEEK, dead)
    assert row["status"] == "dropped" and "no longer" in row["last_error"]


def test_an_invalid_url_is_recorded(built):
    db, digest = built
    [result] = notify.send_digest(db, WEEK, digest.changes, digest.html, ["nonsense://x"])
    assert not result.ok and "not a valid Apprise URL" in result.error
    assert get_notification(db, WEEK, "nonsense://x")["status"] == "failed"


def test_secrets_are_not_stored(built):
    db, digest = built
    url = dead_url().replace("json://", "json://user:s3cret@")
    notify.send_digest(db, WEEK, digest.changes, digest.html, [url])
    row = get_notification(db, WEEK, url)
    assert "s3cret" not in json.dumps(row) and "user" in row["target"]


def test_digest_by_email_to_a_local_smtp_server(built):
    db, digest = built
    with local_smtp() as (port, mailbox):
        url = f"mailto://127.0.0.1:{port}?from=policywatch@example.cn&to=analyst@example.cn&mode=insecure"
        [result] = notify.send_digest(db, WEEK, digest.changes, digest.html, [url])
    assert result.ok, result.error
    [envelope] = mailbox.messages
    assert envelope.rcpt_tos == ["analyst@example.cn"]
    message = message_from_bytes(envelope.content)
    html = next(part for part in message.walk() if part.get_content_type() == "text/html")
    body = html.get_payload(decode=True).decode("utf-8")
    assert "重庆政策目标每周变化" in body and "&lt;script&gt;" in body and "<script" not in body


def test_cli_reports_failures_and_retry_sends_them(db_path, tmp_path, receiver):
    db = open_db(db_path)
    build_sample(db)
    config = tmp_path / "sources.yml"
    config.write_text(f"sources: []\nnotify:\n  - {receiver.url}\n", encoding="utf-8")
    args = ["--db", str(db_path), "--config", str(config)]
    receiver.status = 500
    result = CliRunner().invoke(cli, ["digest", "--week", WEEK, *args])
    assert result.exit_code == 0
    assert f"notify {WEEK} json://127.0.0.1:" in result.output and "FAILED" in result.output
    receiver.status = 200
    result = CliRunner().invoke(cli, ["digest", "--retry", *args])
    assert result.exit_code == 0, result.output
    assert f"notify {WEEK} json://127.0.0.1:{receiver.server_address[1]}/hook" in result.output
    assert ": sent" in result.output and "digest " not in result.output
    assert len(receiver.received) == 1


def test_cli_rejects_retry_with_no_notify(db_path):
    result = CliRunner().invoke(cli, ["digest", "--db", str(db_path), "--retry", "--no-notify"])
    assert result.exit_code == 2 and "cannot be combined" in result.output


def test_cli_invalid_configuration_is_an_error(db_path, tmp_path):
    config = tmp_path / "sources.yml"
    config.write_text("notify: [1, 2\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["digest", "--db", str(db_path), "--config", str(config)])
    assert result.exit_code == 1 and "is not valid YAML" in result.output
