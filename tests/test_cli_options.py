"""``--db`` and ``--config`` before the subcommand, and ``--demo`` for the reading commands."""

from __future__ import annotations

from click.testing import CliRunner

from policywatch.cli import cli
from policywatch.demo import write_config

SOURCES = """sources:
  - name: {name}
    title: 样例
    kind: listing
    start_urls: ["http://127.0.0.1:9/"]
    schedule: "0 7 * * *"
"""


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_db_before_the_subcommand(tmp_path):
    db = tmp_path / "before.db"
    result = invoke("--db", str(db), "init")
    assert result.exit_code == 0, result.output
    assert f"database ready: {db}" in result.output and db.exists()


def test_config_before_the_subcommand_and_before_a_group(tmp_path):
    config = tmp_path / "mine.yml"
    config.write_text(SOURCES.format(name="mine"), encoding="utf-8")
    for args in (["--config", str(config), "jobs", "--db", str(tmp_path / "x.db")],
                 ["--db", str(tmp_path / "x.db"), "--config", str(config), "jobs"]):
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        assert "crawl:mine" in result.output and "planned" in result.output
    listed = invoke("--config", str(config), "sources", "list", "--db", str(tmp_path / "x.db"))
    assert listed.exit_code == 0 and "mine " in listed.output


def test_given_before_beats_the_environment_and_after_beats_before(tmp_path):
    env_db, before, after = tmp_path / "env.db", tmp_path / "before.db", tmp_path / "after.db"
    result = invoke("--db", str(before), "init", env={"POLICYWATCH_DB": str(env_db)})
    assert result.exit_code == 0 and before.exists() and not env_db.exists()
    result = invoke("--db", str(before), "init", "--db", str(after))
    assert result.exit_code == 0 and after.exists()


def test_demo_reads_the_demo_database_and_sources(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_config(tmp_path / "data" / "demo", "http://127.0.0.1:9")
    result = invoke("sources", "list", "--demo")
    assert result.exit_code == 0, result.output
    assert [line.split()[0] for line in result.output.splitlines()[1:]] == ["demo-cqrb"]
    result = invoke("jobs", "--demo")
    assert result.exit_code == 0 and "crawl:demo-cqrb" in result.output
    assert not (tmp_path / "data" / "demo" / "policywatch.db").exists()  # reading creates nothing


def test_without_a_serve_the_defaults_are_used(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources.yml").write_text(SOURCES.format(name="local"), encoding="utf-8")
    result = invoke("jobs")
    assert result.exit_code == 0 and "crawl:local" in result.output
    assert "runs on" not in result.output
