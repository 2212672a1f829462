"""``policywatch sources list`` / ``sources check`` and crawl failures seen from the command line."""

from __future__ import annotations

import pytest

from tests import sitedata
from tests.sites import SiteServer, run_policywatch

BROKEN = """  - name: gov-broken
    title: 选择器失效的源
    kind: listing
    start_urls: ["{base}/ywdt/jrcq/"]
    article_pattern: 't\\d{{8}}_\\d+\\.html$'
    selectors: {{body: "div.gone"}}
    delay: 0
"""


@pytest.fixture(scope="module")
def site():
    """The portal and the feed on loopback."""
    with SiteServer() as server:
        sitedata.add_gov(server)
        sitedata.add_feed(server)
        yield server


@pytest.fixture
def config(tmp_path, site):
    """sources.yml for the fixture sites plus a source whose body selector matches nothing."""
    path = tmp_path / "sources.yml"
    path.write_text(sitedata.sources_yaml(site.base, broken=BROKEN.format(base=site.base)),
                    encoding="utf-8")
    return path


def test_check_prints_what_would_be_stored_and_writes_nothing(tmp_path, config, site):
    db = tmp_path / "data" / "policywatch.db"
    result = run_policywatch("sources", "check", "gov", "--limit", "10", "--db", str(db),
                             "--config", str(config))
    assert result.returncode == 0, result.stderr
    for title in ("全市城市更新工作推进会召开", "市政府常务会议研究部署稳就业工作"):
        assert title in result.stdout
    assert "2025-08-20" in result.stdout and "来源：重庆日报" in result.stdout
    assert "gov: ok  would store 4 articles" in result.stdout
    assert not db.parent.exists()


def test_check_prints_the_targets_each_article_would_give(config):
    result = run_policywatch("sources", "check", "gov", "--config", str(config))
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.split("\n2025-")
    jobs = next(b for b in blocks if "市政府常务会议研究部署稳就业工作" in b)
    assert "→ target      2025年  重庆市  城镇新增就业  不低于60万人" in jobs
    assert "城镇调查失业率  约5.5%" in jobs
    plenary = next(b for b in blocks if "市委召开全体会议传达学习全会精神" in b)
    assert "→ 无目标 (no targets)" in plenary


def test_check_honours_the_limit(config):
    result = run_policywatch("sources", "check", "gov", "--limit", "1", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert "gov: ok  would store 1 articles" in result.stdout
    assert result.stdout.count("\n    http://127.0.0.1:") == 1


def test_check_reports_a_failed_request_in_one_line_and_logs_the_traceback(tmp_path, free_port):
    dead = tmp_path / "sources.yml"
    dead.write_text(f"""sources:
  - name: dead
    title: 无法访问
    kind: listing
    start_urls: ["http://127.0.0.1:{free_port}/list/"]
    delay: 0
""", encoding="utf-8")
    result = run_policywatch("sources", "check", "dead", "--config", str(dead))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if line.startswith("  error: ")]
    assert errors == [f"  error: http://127.0.0.1:{free_port}/list/: DownloadConnectionRefusedError: "
                      "Connection was refused by other side: 111: Connection refused."]
    log = result.stdout.splitlines()[-1].removeprefix("  details (tracebacks): ")
    assert log.endswith("check-dead.log") and "Traceback" in open(log, encoding="utf-8").read()


def test_check_unknown_source(config):
    result = run_policywatch("sources", "check", "nope", "--config", str(config))
    assert result.returncode == 1
    assert 'Error: source "nope" is not in the configuration' in result.stderr


def test_broken_selectors_make_a_source_unhealthy(tmp_path, config):
    db = tmp_path / "pw.db"
    result = run_policywatch("crawl", "gov-broken", "feed", "--db", str(db), "--config", str(config))
    assert result.returncode == 1
    assert "gov-broken: unhealthy" in result.stderr and "feed: ok" in result.stderr
    listing = run_policywatch("sources", "list", "--db", str(db), "--config", str(config))
    assert listing.returncode == 0, listing.stderr
    lines = {line.split()[0]: line for line in listing.stdout.splitlines()[1:]}
    assert "异常" in lines["gov-broken"] and "选择器可能已失效" in lines["gov-broken"]
    assert "健康" in lines["feed"] and " 3 " in lines["feed"]
    assert "未抓取" in lines["gov"]


def test_sources_list_without_a_database(tmp_path, config):
    result = run_policywatch("sources", "list", "--db", str(tmp_path / "none.db"), "--config", str(config))
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()[1:]] == [
        "cqrb", "gov", "feed", "hostile", "gov-broken"]
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("args,message", [
    (["crawl", "cqrb", "--since", "2025-08-20", "--until", "2025-08-01"],
     "Error: --since 2025-08-20 is after --until 2025-08-01"),
    (["crawl", "nope"], 'Error: source "nope" is not in the configuration'),
])
def test_crawl_usage_errors(tmp_path, config, args, message):
    result = run_policywatch(*args, "--db", str(tmp_path / "pw.db"), "--config", str(config))
    assert result.returncode == 1 and message in result.stderr


def test_crawl_reports_a_config_mistake_by_file_source_and_field(tmp_path):
    bad = tmp_path / "sources.yml"
    bad.write_text("sources:\n  - name: x\n    title: X\n    kind: listing\n    start_urls: [\"http://a\"]\n"
                   "    delay: -1\n", encoding="utf-8")
    result = run_policywatch("crawl", "--db", str(tmp_path / "pw.db"), "--config", str(bad))
    assert result.returncode == 1
    assert f'Error: {bad}: source "x", field "delay"' in result.stderr
