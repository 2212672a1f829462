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
