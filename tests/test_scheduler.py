"""The scheduler's parts: triggers, job sync with a real SQLite job store, the lock, child processes."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from policywatch import clock
from policywatch.config import parse_config
from policywatch.errors import ConfigError, ServiceLockedError
from policywatch.store import open_db
from scheduler import jobs, supervisor, triggers
from scheduler.listing import list_jobs
from scheduler.lock import ServiceLock, lock_path
from scheduler.service import (
    ServiceOptions,
    job_specs,
    jobs_path,
    new_scheduler,
    stop_scheduler,
    sync_jobs,
)

SUNDAY_NOON = dt.datetime(2026, 11, 22, 12, 0, tzinfo=clock.TZ)


@pytest.mark.parametrize("schedule,expected", [
    ("0 7 * * *", dt.datetime(2026, 11, 23, 7, 0, tzinfo=clock.TZ)),
    ("30 13 * * *", dt.datetime(2026, 11, 22, 13, 30, tzinfo=clock.TZ)),
    ("0 9 * * 1-5", dt.datetime(2026, 11, 23, 9, 0, tzinfo=clock.TZ)),   # crontab 1-5 = Mon-Fri
    ("0 13 * * 0", dt.datetime(2026, 11, 22, 13, 0, tzinfo=clock.TZ)),  # crontab 0 = Sunday
    ("0 13 * * 7", dt.datetime(2026, 11, 22, 13, 0, tzinfo=clock.TZ)),  # so is 7
    ("0 11 * * 0-1", dt.datetime(2026, 11, 23, 11, 0, tzinfo=clock.TZ)),
    ("0 0 1 * *", dt.datetime(2026, 12, 1, 0, 0, tzinfo=clock.TZ)),
])
def test_cron_schedules_fire_in_shanghai_with_crontab_weekdays(schedule, expected):
    trigger = triggers.trigger_for(schedule, jitter=0)
    assert isinstance(trigger, CronTrigger)
    assert trigger.get_next_fire_time(None, SUNDAY_NOON) == expected


@pytest.mark.parametrize("schedule,seconds", [
    ("every 6h", 6 * 3600), ("every 30m", 1800), ("every 45s", 45), ("every 1d", 86400),
])
def test_interval_schedules(schedule, seconds):
    assert triggers.interval_seconds(schedule) == seconds
    trigger = triggers.trigger_for(schedule, jitter=0)
    assert isinstance(trigger, IntervalTrigger)
    assert trigger.interval == dt.timedelta(seconds=seconds)
    assert str(trigger.timezone) == "Asia/Shanghai"


def test_jitter_defaults_scale_with_the_interval():
    assert triggers.trigger_for("every 6h").jitter == triggers.DEFAULT_JITTER
    assert triggers.trigger_for("every 5m").jitter == 30
    assert triggers.trigger_for("0 7 * * *").jitter == triggers.DEFAULT_JITTER
    assert triggers.trigger_for("every 6h", jitter=0).jitter is None


@pytest.mark.parametrize("schedule", ["61 7 * * *", "0 7 * *", "every 0m"])
def test_bad_schedules_are_config_errors(schedule):
    with pytest.raises(ConfigError, match="schedule"):
        triggers.trigger_for(schedule)


def test_weekly_digest_is_monday_eight_with_a_grace_to_sunday_night():
    monday = triggers.digest_trigger().get_next_fire_time(None, SUNDAY_NOON)
    assert monday == dt.datetime(2026, 11, 23, 8, 0, tzinfo=clock.TZ)
    late = monday + dt.timedelta(seconds=triggers.DIGEST_GRACE)
    assert late.weekday() == 6 and late.hour == 23
    assert clock.last_full_week(late.date()) == clock.last_full_week(monday.date())


# -- jobs and the persistent job store ---------------------------------------------------------

CONFIG = """
sources:
  - name: alpha
    title: 甲
    kind: listing
    start_urls: ["http://127.0.0.1:9/"]
    schedule: "every 6h"
  - name: beta
    title: 乙
    kind: listing
    start_urls: ["http://127.0.0.1:9/"]
    schedule: "0 7 * * *"
  - name: resting
    title: 停用
    kind: listing
    start_urls: ["http://127.0.0.1:9/"]
    enabled: false
"""


def _options(tmp_path: Path) -> ServiceOptions:
    return ServiceOptions(db_path=tmp_path / "policywatch.db", config_path=tmp_path / "sources.yml",
                          jitter=0)


def _sync(options: ServiceOptions, text: str) -> tuple[dict, dict]:
    scheduler = new_scheduler(options.db_path)
    scheduler.start(paused=True)
    try:
        outcome = sync_jobs(scheduler, job_specs(parse_config(text), options))
        times = {job.id: job.next_run_time for job in scheduler.get_jobs()}
    finally:
        stop_scheduler(scheduler, wait=False)
    return outcome, times


def test_one_job_per_enabled_source_plus_the_digest(tmp_path):
    options = _options(tmp_path)
    outcome, times = _sync(options, CONFIG)
    assert sorted(outcome["added"]) == ["crawl:alpha", "crawl:beta", "digest:weekly"]
    assert jobs_path(options.db_path).exists()
    assert times["digest:weekly"].weekday() == 0 and times["digest:weekly"].hour == 8


def test_restart_keeps_unchanged_jobs_and_their_next_run_times(tmp_path):
    options = _options(tmp_path)
    _, first = _sync(options, CONFIG)
    time.sleep(1.1)  # an interval job re-added now would move its next run
    outcome, second = _sync(options, CONFIG)
    assert sorted(outcome["kept"]) == ["crawl:alpha", "crawl:beta", "digest:weekly"]
    assert second == first


def test_edited_sources_add_update_and_remove_jobs(tmp_path):
    options = _options(tmp_path)
    _sync(options, CONFIG)
    edited = CONFIG.replace('"every 6h"', '"every 30m"').replace("enabled: false", "enabled: true")
    edited = edited.replace("name: beta", "name: gamma")
    outcome, times = _sync(options, edited)
    assert outcome["updated"] == ["crawl:alpha"]
    assert sorted(outcome["added"]) == ["crawl:gamma", "crawl:resting"]
    assert outcome["removed"] == ["crawl:beta"]
    listed = {job["id"]: job for job in list_jobs(options.db_path, options.config_path)}
    assert set(listed) == {"crawl:alpha", "crawl:gamma", "crawl:resting", "digest:weekly"}
    assert listed["crawl:alpha"]["name"] == "crawl alpha [every 30m]"
    assert listed["crawl:alpha"]["next_run"] == times["crawl:alpha"]


def test_jobs_before_the_first_serve_are_planned_from_sources_yml(tmp_path):
    options = _options(tmp_path)
    options.config_path.write_text(CONFIG, encoding="utf-8")
    listed = list_jobs(options.db_path, options.config_path)
    assert [job["id"] for job in listed] == ["crawl:alpha", "crawl:beta", "digest:weekly"]
    assert {job["state"] for job in listed} == {"planned"}
    assert not jobs_path(options.db_path).exists()


def _record(path: str) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("ran\n")


def test_a_missed_run_within_its_grace_runs_once_on_start(tmp_path):
    options = _options(tmp_path)
    marker = tmp_path / "runs.txt"
    scheduler = new_scheduler(options.db_path)
    scheduler.start(paused=True)
    scheduler.add_job("tests.test_scheduler:_record", triggers.digest_trigger(), args=[str(marker)],
                      id="digest:test", misfire_grace_time=triggers.DIGEST_GRACE,
                      next_run_time=dt.datetime.now(clock.TZ) - dt.timedelta(days=3))
    stop_scheduler(scheduler)  # the service was down when the job came due
    restarted = new_scheduler(options.db_path)
    restarted.start()
    deadline = time.monotonic() + 10
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    next_run = restarted.get_job("digest:test").next_run_time
    stop_scheduler(restarted)
    assert marker.read_text(encoding="utf-8") == "ran\n"
    assert next_run > dt.datetime.now(clock.TZ) and next_run.weekday() == 0


def test_a_week_already_built_is_not_rebuilt(tmp_path):
    db_path = tmp_path / "policywatch.db"
    db = open_db(db_path)
    db["digests"].insert({"week": "2026-W46", "path": "x.html", "built": clock.now_iso(), "changes": 0})
    db.close()
    config = str(tmp_path / "sources.yml")
    # out_dir is a file: had the job run `policywatch digest` it would have failed.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    assert jobs.weekly_digest(str(db_path), config, str(blocker), "2026-W46") == "skipped"
    assert jobs.weekly_digest(str(db_path), config, str(blocker), "2026-W45") == "failed"
    assert jobs.weekly_digest(str(db_path), config, str(tmp_path / "digests"), "2026-W45") == "built"
    assert jobs.weekly_digest(str(db_path), config, str(tmp_path / "digests"), "2026-W45") == "skipped"
    assert (tmp_path / "digests" / "2026-W45.html").exists()


# -- the lock -----------------------------------------------------------------------------------

HOLD = """
import sys, time
from scheduler.lock import ServiceLock
ServiceLock(sys.argv[1]).acquire()
print("locked", flush=True)
time.sleep(60)
"""


def test_a_second_holder_is_refused_with_the_pid(tmp_path):
    db_path = tmp_path / "policywatch.db"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == b"locked\n"
        with pytest.raises(ServiceLockedError) as error:
            ServiceLock(db_path).acquire()
        assert str(error.value) == f"another policywatch serve is running on {db_path} (pid {holder.pid})"
    finally:
        holder.kill()
        holder.wait()
    # The kernel dropped the dead holder's lock: no stale lock file blocks a restart.
    with ServiceLock(db_path):
        assert lock_path(db_path).read_text().strip() == str(os.getpid())


def test_another_name_for_the_database_meets_the_same_lock(tmp_path):
    db_path = tmp_path / "data" / "policywatch.db"
    db_path.parent.mkdir()
    (tmp_path / "link").mkdir()
    symlink, folder_link, hard = (tmp_path / "link" / "pw.db", tmp_path / "alias",
                                  tmp_path / "hard.db")
    symlink.symlink_to(db_path)
    folder_link.symlink_to(db_path.parent)
    with ServiceLock(db_path):
        hard.hardlink_to(db_path)
        for other in (symlink, folder_link / "policywatch.db", hard):
            with pytest.raises(ServiceLockedError) as error:
                ServiceLock(other).acquire()
            assert str(error.value).startswith(f"another policywatch serve is running on {other} (pid ")
    assert lock_path(symlink) == lock_path(db_path) == db_path.with_name("policywatch.db.lock")


def test_the_lock_is_released_and_taken_again(tmp_path):
    lock = ServiceLock(tmp_path / "policywatch.db").acquire()
    with pytest.raises(ServiceLockedError):
        ServiceLock(tmp_path / "policywatch.db").acquire()
    lock.release()
    ServiceLock(tmp_path / "policywatch.db").acquire().release()


# -- child processes ----------------------------------------------------------------------------

def _group_alive(pgid: int) -> bool:
    """Whether a live (not zombie) process of the group remains, after a moment to die."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if not any(_pgid_of(pid) == pgid for pid in _live_pids()):
            return False
        time.sleep(0.05)
    return True


def _live_pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit() and _pid_alive(int(name))]


def _pgid_of(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return None


def test_a_child_past_its_timeout_is_killed_with_its_whole_group(tmp_path):
    supervisor.reset()
    started = time.monotonic()
    script = "sleep 30 & echo $! > " + str(tmp_path / "grandchild") + "; sleep 30"
    with pytest.raises(supervisor.ChildTimeout, match="killed after"):
        supervisor.run_command(["sh", "-c", script], "slow", timeout=0.5)
    assert time.monotonic() - started < 10
    grandchild = int((tmp_path / "grandchild").read_text())
    deadline = time.monotonic() + 5
    while _pid_alive(grandchild) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _pid_alive(grandchild)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead too
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_run_command_returns_the_exit_code():
    supervisor.reset()
    assert supervisor.run_command([sys.executable, "-c", "raise SystemExit(3)"], "three", 10) == 3


def test_the_supervisor_restarts_a_dead_child_and_stops_it_for_good():
    supervisor.reset()
    child = supervisor.Supervisor(
        [sys.executable, "-c", "import time; time.sleep(0.2)"], "short-lived", max_backoff=0.2)
    child.start()
    deadline = time.monotonic() + 10
    while child.restarts < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert child.restarts >= 2
    child.stop(grace=2)
    assert child.proc is None or child.proc.poll() is not None
    restarts = child.restarts
    time.sleep(0.5)
    assert child.restarts == restarts


def test_stop_all_kills_running_children_and_refuses_new_ones():
    supervisor.reset()
    proc = supervisor.spawn(["sh", "-c", "trap '' TERM; sleep 30"], "stubborn")
    time.sleep(0.2)
    assert supervisor.stop_all(grace=0.5) == 1
    assert proc.poll() == -signal.SIGKILL
    assert not _group_alive(proc.pid)
    with pytest.raises(Exception, match="stopping"):
        supervisor.spawn(["true"], "late")
    supervisor.reset()


def test_service_log_rotates(tmp_path):
    import logging
    from logging.handlers import RotatingFileHandler

    from scheduler.service import LOG_BACKUPS, setup_logging

    handlers = setup_logging(tmp_path / "policywatch.db")
    try:
        files = [h for h in handlers if isinstance(h, RotatingFileHandler)]
        assert len(files) == 1
        assert files[0].maxBytes > 0 and files[0].backupCount == LOG_BACKUPS
        assert files[0].baseFilename == str(tmp_path / "policywatch.log")
    finally:
        for handler in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()
