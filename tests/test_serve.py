"""``policywatch serve`` as a real process: the demo's first cycle, Datasette, refusal, clean stops.

Every service started here carries a marker in its environment, inherited by all its
children, so the tests can tell that nothing it started outlives it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from policywatch import clock
from policywatch.store import open_db
from scheduler.service import log_path, new_scheduler, stop_scheduler

POLICYWATCH = [sys.executable, "-c", "from policywatch.cli import cli; cli(prog_name='policywatch')"]
MARKER = "POLICYWATCH_TEST_SERVICE"


class Service:
    """A ``policywatch serve`` subprocess and its console output."""

    def __init__(self, db_path: Path, port: int, *args: str, cwd: Path | None = None) -> None:
        self.db_path, self.port = db_path, port
        self.token = uuid.uuid4().hex
        db_path.parent.mkdir(parents=True, exist_ok=True)
        self.console = db_path.parent / f"console-{self.token[:8]}.txt"
        env = {**os.environ, MARKER: self.token, "PYTHONUNBUFFERED": "1"}
        env.pop("POLICYWATCH_DATASETTE_URL", None)
        with self.console.open("wb") as out:
            self.proc = subprocess.Popen(
                [*POLICYWATCH, "serve", "--db", str(db_path), "--port", str(port), *args],
                stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True,
                cwd=cwd or db_path.parent,  # its data/serve-<pid>.json stays in the test's folder
            )

    def output(self) -> str:
        return self.console.read_text(encoding="utf-8", errors="replace")

    def stop(self, timeout: float = 20) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout)

    def leftovers(self) -> list[str]:
        """Live processes (not zombies) that carry this service's marker."""
        return _marked(self.token)

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        for line in _marked(self.token):
            os.kill(int(line.split()[0]), signal.SIGKILL)


def _marked(token: str) -> list[str]:
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as handle:
                environ = handle.read()
            with open(f"/proc/{name}/stat") as handle:
                state = handle.read().rsplit(") ", 1)[1][0]
            with open(f"/proc/{name}/cmdline", "rb") as handle:
                cmdline = handle.read().replace(b"\0", b" ").decode(errors="replace")
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        if f"{MARKER}={token}".encode() in environ and state != "Z":
            found.append(f"{name} {cmdline}")
    return found


def wait_for(condition: Callable[[], object], timeout: float, what: str, service: Service) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        if service.proc.poll() is not None:
            pytest.fail(f"serve exited ({service.proc.returncode}) waiting for {what}:\n{service.output()}")
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}:\n{service.output()[-4000:]}")


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def policywatch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*POLICYWATCH, *args], capture_output=True, text=True, timeout=60)


def rows(db_path: Path, sql: str, params: list | None = None) -> list[dict]:
    db = open_db(db_path)
    try:
        return [dict(row) for row in db.query(sql, params or [])]
    finally:
        db.close()


@pytest.fixture
def services():
    started: list[Service] = []
    yield started
    for service in started:
        service.kill()


def test_demo_runs_a_full_cycle_serves_it_and_stops_cleanly(tmp_path, free_port, services):
    db_path = tmp_path / "demo" / "policywatch.db"
    service = Service(db_path, free_port, "--demo")
    services.append(service)
    week = clock.last_full_week()

    wait_for(lambda: "demo ready" in service.output(), 90, "the first cycle", service)

    # The database: the sample articles, their targets and the changes against the baseline.
    articles = rows(db_path, "select title, published, is_plenary from articles where source = ?",
                    ["demo-cqrb"])
    assert len(articles) == 6
    monday, sunday = clock.week_bounds(week)
    assert all(monday.isoformat() <= a["published"] <= sunday.isoformat() for a in articles)
    assert [a["title"] for a in articles if a["is_plenary"]] == ["(示例)市委六届九次全会在渝举行"]
    changes = {(c["change_type"], c["indicator"]) for c in rows(db_path, "select * from changes")}
    kinds = {kind for kind, _ in changes}
    assert {"revised", "extended", "reaffirmed", "progress"} <= kinds, changes
    runs = rows(db_path, "select status, new_articles from crawl_runs where source = 'demo-cqrb'")
    assert runs == [{"status": "ok", "new_articles": 6}]

    # The digest: recorded once, written, and served by Datasette.
    digests = rows(db_path, "select week, path from digests")
    assert [d["week"] for d in digests] == [week]
    assert Path(digests[0]["path"]).exists()
    base = f"http://127.0.0.1:{free_port}"
    status, html = wait_for(lambda: (lambda r: r if r[0] == 200 else None)(
        fetch(f"{base}/digests/{week}.html")), 30, "Datasette", service)
    assert "轨道运营里程" in html
    status, body = fetch(f"{base}/policywatch/articles.json?_shape=array&source=demo-cqrb")
    assert status == 200 and len(json.loads(body)) == 6
    wait_for(lambda: "demo_digest: http://127.0.0.1:" in service.output(), 30, "the URLs", service)
    for name in ("datasette", "digests", "demo_site", "demo_digest"):
        assert f"{name}: http://127.0.0.1:" in service.output()
    assert log_path(db_path).read_text(encoding="utf-8").count("demo ready") == 1

    # `jobs` reads the job store while the service runs.
    listed = policywatch("jobs", "--db", str(db_path))
    assert listed.returncode == 0, listed.stderr
    assert "crawl:demo-cqrb" in listed.stdout and "digest:weekly" in listed.stdout
    assert "scheduled" in listed.stdout

    # A second scheduler on the same database is refused.
    second = policywatch("serve", "--db", str(db_path), "--port", str(free_port + 1))
    assert second.returncode == 1
    assert second.stderr.strip() == (
        f"Error: another policywatch serve is running on {db_path} (pid {service.proc.pid})")
    # So is one reaching the same database through a symlink.
    link = tmp_path / "elsewhere" / "link.db"
    link.parent.mkdir()
    link.symlink_to(db_path)
    third = policywatch("serve", "--db", str(link), "--port", str(free_port + 1))
    assert third.returncode == 1
    assert third.stderr.strip() == (
        f"Error: another policywatch serve is running on {link} (pid {service.proc.pid})")

    # Datasette is supervised: killed, it comes back.
    datasette = [line for line in service.leftovers() if " datasette serve " in line]
    assert len(datasette) == 1
    os.kill(int(datasette[0].split()[0]), signal.SIGKILL)
    wait_for(lambda: "datasette: exited" in service.output(), 10, "the restart", service)
    wait_for(lambda: fetch(f"{base}/-/versions.json")[0] == 200, 30, "Datasette again", service)

    # SIGTERM: a clean stop, nothing left behind.
    assert service.stop() == 0
    assert service.leftovers() == []
    assert "stopped" in service.output().splitlines()[-1]
    assert "Traceback" not in service.output()


def _make_due(db_path: Path, job_id: str = "digest:weekly") -> None:
    """Pretend the service was down when the job came due (ten minutes ago)."""
    scheduler = new_scheduler(db_path)
    scheduler.start(paused=True)
    scheduler.modify_job(job_id, next_run_time=dt.datetime.now(clock.TZ) - dt.timedelta(minutes=10))
    stop_scheduler(scheduler)


def test_a_restart_after_a_missed_monday_builds_that_digest_exactly_once(tmp_path, free_port, services):
    db_path = tmp_path / "policywatch.db"
    config = tmp_path / "sources.yml"
    config.write_text("sources: []\n", encoding="utf-8")
    week = clock.last_full_week()

    def run(expect: str) -> str:
        service = Service(db_path, free_port, "--config", str(config))
        services.append(service)
        wait_for(lambda: f"digest {week}: {expect}" in service.output(), 30, expect, service)
        assert service.stop() == 0
        assert service.leftovers() == []
        return service.output()

    first = Service(db_path, free_port, "--config", str(config))
    services.append(first)
    wait_for(lambda: "jobs added: digest:weekly" in first.output(), 30, "the jobs", first)
    assert first.stop() == 0
    assert rows(db_path, "select * from digests") == []

    _make_due(db_path)
    output = run("built")
    assert output.count(f"digest {week}: built") == 1
    built = rows(db_path, "select week, built from digests")
    assert [row["week"] for row in built] == [week]
    assert (tmp_path / "digests" / f"{week}.html").exists()

    _make_due(db_path)
    run("already built, not rebuilt")
    assert rows(db_path, "select week, built from digests") == built


def test_sighup_reloads_sources_yml(tmp_path, free_port, services):
    db_path = tmp_path / "policywatch.db"
    config = tmp_path / "sources.yml"
    config.write_text("sources: []\n", encoding="utf-8")
    service = Service(db_path, free_port, "--config", str(config))
    services.append(service)
    wait_for(lambda: "jobs added: digest:weekly" in service.output(), 30, "the jobs", service)
    config.write_text(
        'sources:\n  - name: extra\n    title: 新增\n    kind: listing\n'
        '    start_urls: ["http://127.0.0.1:9/"]\n    schedule: "0 7 * * *"\n', encoding="utf-8")
    service.proc.send_signal(signal.SIGHUP)
    wait_for(lambda: "jobs added: crawl:extra" in service.output(), 10, "the reload", service)
    config.write_text("sources: [", encoding="utf-8")
    service.proc.send_signal(signal.SIGHUP)
    wait_for(lambda: "jobs unchanged" in service.output(), 10, "the refusal", service)
    listed = policywatch("jobs", "--db", str(db_path))
    assert "crawl:extra" in listed.stdout
    assert service.stop() == 0
    assert service.leftovers() == []


def test_jobs_and_sources_list_find_a_running_serve_whose_urls_are_printed_once_they_answer(
        tmp_path, free_port, services):
    db_path = tmp_path / "store" / "watch.db"
    config = tmp_path / "watch.yml"
    config.write_text(
        'sources:\n  - name: watched\n    title: 关注\n    kind: listing\n'
        '    start_urls: ["http://127.0.0.1:9/"]\n    schedule: "0 7 * * *"\n', encoding="utf-8")
    service = Service(db_path, free_port, "--config", str(config), cwd=tmp_path)
    services.append(service)
    base = f"http://127.0.0.1:{free_port}"
    wait_for(lambda: f"digests: {base}/digests/index.html" in service.output(), 60, "the URLs", service)
    output = service.output()
    assert output.index("waiting for Datasette and the digest") < output.index(f"datasette: {base}/")
    assert fetch(f"{base}/")[0] == 200 and fetch(f"{base}/digests/index.html")[0] == 200

    def here(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*POLICYWATCH, *args], capture_output=True, text=True, timeout=60,
                              cwd=tmp_path)

    listed = here("jobs")  # no --db, no --config: the running serve's
    assert listed.returncode == 0, listed.stderr
    assert "crawl:watched" in listed.stdout and "scheduled" in listed.stdout
    assert f"policywatch serve (pid {service.proc.pid}) runs on {db_path}" in listed.stderr
    sources = here("sources", "list")
    assert sources.returncode == 0, sources.stderr
    assert [line.split()[0] for line in sources.stdout.splitlines()[1:]] == ["watched"]
    assert service.stop() == 0
    assert list((tmp_path / "data").glob("serve-*.json")) == []
    gone = here("jobs")
    assert gone.returncode == 1 and "sources.yml: no such file" in gone.stderr


def test_sigterm_during_a_crawl_kills_the_crawl_too(tmp_path, free_port, services):


    db_path = tmp_path / "policywatch.db"
    config = tmp_path / "sources.yml"
    with socket.socket() as silent:  # accepts connections, never answers: the crawl hangs
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        config.write_text(
            f'sources:\n  - name: hang\n    title: 不回应\n    kind: listing\n'
            f'    start_urls: ["{url}"]\n    schedule: "0 7 * * *"\n', encoding="utf-8")
        first = Service(db_path, free_port, "--config", str(config))
        services.append(first)
        wait_for(lambda: "jobs added: crawl:hang" in first.output(), 30, "the jobs", first)
        assert first.stop() == 0
        _make_due(db_path, "crawl:hang")

        service = Service(db_path, free_port, "--config", str(config))
        services.append(service)
        wait_for(lambda: "crawl hang: started" in service.output(), 30, "the crawl", service)
        wait_for(lambda: [p for p in service.leftovers() if " crawl hang " in p], 10, "it", service)
        assert service.stop() == 0
        assert service.leftovers() == []
        assert "killed 1 running child process group(s)" in service.output()
        assert "Traceback" not in service.output()


def test_a_busy_port_is_refused_before_anything_starts(tmp_path, free_port):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", free_port))
        busy.listen(1)
        result = policywatch("serve", "--db", str(tmp_path / "policywatch.db"),
                             "--port", str(free_port), "--config", str(tmp_path / "none.yml"))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: cannot serve Datasette on 127.0.0.1:{free_port} (Address already in use); "
        "pass another --port")
    assert not (tmp_path / "policywatch.db").exists()


def test_a_missing_sources_yml_is_a_clear_error(tmp_path, free_port):
    result = policywatch("serve", "--db", str(tmp_path / "policywatch.db"),
                         "--port", str(free_port), "--config", str(tmp_path / "none.yml"))
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        f"Error: {tmp_path / 'none.yml'}: no such file (pass --config or set POLICYWATCH_CONFIG)")
    assert list(tmp_path.iterdir()) == []


def test_an_invalid_schedule_is_refused_before_any_file_is_created(tmp_path, free_port):
    config = tmp_path / "sources.yml"
    config.write_text('sources:\n  - {name: town, title: 示例镇, kind: listing, '
                      'start_urls: ["http://127.0.0.1:9/"], schedule: "*/0 * * * *"}\n',
                      encoding="utf-8")
    result = policywatch("serve", "--db", str(tmp_path / "data" / "policywatch.db"),
                         "--port", str(free_port), "--config", str(config))
    assert result.returncode == 1
    assert result.stderr.strip() == (f'Error: {config}: source "town", field "schedule", '
                                     'minute field "*/0": Increment must be higher than 0')
    assert list(tmp_path.iterdir()) == [config]


def test_children_die_with_a_service_killed_outright(tmp_path, free_port, services):
    config = tmp_path / "sources.yml"
    config.write_text("sources: []\n", encoding="utf-8")
    service = Service(tmp_path / "policywatch.db", free_port, "--config", str(config))
    services.append(service)
    wait_for(lambda: fetch(f"http://127.0.0.1:{free_port}/-/versions.json")[0] == 200, 30,
             "Datasette", service)
    assert [p for p in service.leftovers() if " datasette serve " in p]
    service.proc.kill()  # SIGKILL: no clean-up code runs in the service
    service.proc.wait()
    deadline = time.monotonic() + 10
    while service.leftovers() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert service.leftovers() == []
