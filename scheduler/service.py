"""``policywatch serve``: the scheduler, a supervised Datasette, and (with --demo) the sample site.

The job store is SQLite through SQLAlchemy (``data/policywatch.jobs.db`` next to the database),
so next run times survive a restart: a weekly digest missed while the service was down runs on
the next start, within its misfire grace. Jobs are synchronised with sources.yml at start and
on SIGHUP; a job whose definition did not change is kept as it is, with its next run time.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import socket
import threading
from dataclasses import dataclass, field
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from policywatch import clock
from policywatch.config import Config, load_config
from policywatch.errors import PolicywatchError
from scheduler import jobs, supervisor, triggers, whereabouts
from scheduler.announce import announce_when_ready
from scheduler.lock import ServiceLock

log = logging.getLogger("policywatch.service")

CRAWL_GRACE = 3600
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_MAX_BYTES = 10 * 1024 * 1024
LOG_BACKUPS = 5


@dataclass
class ServiceOptions:
    """What ``policywatch serve`` was asked to do."""

    db_path: Path
    config_path: Path
    host: str = "127.0.0.1"
    port: int = 8001
    demo: bool = False
    datasette: bool = True
    crawl_timeout: float = jobs.CRAWL_TIMEOUT
    jitter: int | None = None
    digest_dir: Path | None = None
    fresh_demo: bool = False

    def digests(self) -> Path:
        """The folder of rendered digests: ``digests/`` next to the database unless given."""
        return self.digest_dir or self.db_path.parent / "digests"


def jobs_path(db_path: str | os.PathLike[str]) -> Path:
    """The job store of a database: ``data/policywatch.db`` → ``data/policywatch.jobs.db``.

    :param db_path: the database file
    """
    path = Path(db_path)
    return path.with_name(f"{path.stem}.jobs.db")


def log_path(db_path: str | os.PathLike[str]) -> Path:
    """The service log next to the database: ``data/policywatch.log``.

    :param db_path: the database file
    """
    path = Path(db_path)
    return path.with_name(f"{path.stem}.log")


def setup_logging(db_path: Path) -> list[logging.Handler]:
    """Log to the console and to the log file next to the database; the handlers added.

    The file rotates at 10 MB, keeping five old files, so months of service stay bounded.

    :param db_path: the database file
    """
    target = log_path(db_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [
        RotatingFileHandler(target, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"),
        logging.StreamHandler(),
    ]
    for handler in handlers:
        handler.setFormatter(formatter)
        root.addHandler(handler)
    return handlers


def new_scheduler(db_path: Path) -> BackgroundScheduler:
    """A scheduler over the SQLite job store of ``db_path`` (not started).

    :param db_path: the database file
    """
    store = jobs_path(db_path)
    store.parent.mkdir(parents=True, exist_ok=True)
    return BackgroundScheduler(
        jobstores={
            "default": SQLAlchemyJobStore(url=f"sqlite:///{store.resolve()}"),
            "volatile": MemoryJobStore(),
        },
        executors={"default": ThreadPoolExecutor(max_workers=4)},
        job_defaults={"coalesce": True, "max_instances": 1},
        timezone=clock.TZ,
    )


def stop_scheduler(scheduler: BackgroundScheduler, wait: bool = True) -> None:
    """Shut a scheduler down without touching the persistent jobs.

    APScheduler 3 processes due jobs once more while it stops and, failing to submit them,
    moves their next run time on: a job due at shutdown would be lost. Detaching the job
    store first keeps it due for the next start.

    :param scheduler: a started scheduler
    :param wait: wait for running jobs to finish
    """
    scheduler.pause()
    scheduler.remove_jobstore("default", shutdown=True)
    scheduler.shutdown(wait=wait)


def job_specs(config: Config, options: ServiceOptions) -> list[dict[str, Any]]:
    """The jobs sources.yml asks for: one crawl per enabled source, plus the weekly digest.

    :param config: the validated sources.yml
    :param options: service options (paths, timeout, jitter)
    """
    db, cfg = str(options.db_path.resolve()), str(options.config_path.resolve())
    specs = [
        {
            "id": f"crawl:{source.name}",
            "name": f"crawl {source.name} [{source.schedule}]",
            "func": "scheduler.jobs:crawl_source",
            "args": [db, cfg, source.name, options.crawl_timeout],
            "trigger": triggers.trigger_for(source.schedule, options.jitter),
            "misfire_grace_time": CRAWL_GRACE,
        }
        for source in config.sources
        if source.enabled
    ]
    specs.append({
        "id": "digest:weekly",
        "name": "weekly digest [Mon 08:00]",
        "func": "scheduler.jobs:weekly_digest",
        "args": [db, cfg, str(options.digests().resolve())],
        "trigger": triggers.digest_trigger(),
        "misfire_grace_time": triggers.DIGEST_GRACE,
    })
    return specs


def sync_jobs(scheduler: BackgroundScheduler, specs: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Make the persistent jobs match ``specs``: add, replace changed, remove gone; keep the rest.

    :param scheduler: a started (possibly paused) scheduler
    :param specs: from :func:`job_specs`
    :return: job ids by outcome: ``added``, ``updated``, ``removed``, ``kept``
    """
    outcome: dict[str, list[str]] = {"added": [], "updated": [], "removed": [], "kept": []}
    wanted = {spec["id"]: spec for spec in specs}
    for job in scheduler.get_jobs(jobstore="default"):
        if job.id not in wanted:
            scheduler.remove_job(job.id, jobstore="default")
            outcome["removed"].append(job.id)
    for ident, spec in wanted.items():
        existing = scheduler.get_job(ident, jobstore="default")
        if existing is not None and existing.name == spec["name"] \
                and list(existing.args) == spec["args"] and existing.func_ref == spec["func"]:
            outcome["kept"].append(ident)
            continue
        scheduler.add_job(spec["func"], spec["trigger"], args=spec["args"], id=ident,
                          name=spec["name"], misfire_grace_time=spec["misfire_grace_time"],
                          jobstore="default", replace_existing=True)
        outcome["updated" if existing is not None else "added"].append(ident)
    for kind, ids in outcome.items():
        if ids and kind != "kept":
            log.info("jobs %s: %s", kind, ", ".join(sorted(ids)))
    return outcome


def reload_jobs(scheduler: BackgroundScheduler, options: ServiceOptions) -> dict[str, list[str]] | None:
    """Re-read sources.yml and sync the jobs; on a bad file log why and keep the current jobs.

    :param scheduler: the running scheduler
    :param options: service options
    """
    try:
        config = load_config(options.config_path)
        return sync_jobs(scheduler, job_specs(config, options))
    except PolicywatchError as error:
        log.error("sources not reloaded, jobs unchanged: %s", error)
        return None


def initialise_database(options: ServiceOptions) -> None:
    """Run ``policywatch init`` (create or migrate the database, load the baseline).

    :param options: service options
    :raises PolicywatchError: when it fails
    """
    argv = jobs.policywatch_argv("init", db_path=str(options.db_path),
                                 config_path=str(options.config_path))
    code = supervisor.run_command(argv, "init", jobs.STAGE_TIMEOUT)
    if code != 0:
        raise PolicywatchError(f"policywatch init failed (exit {code}); see {log_path(options.db_path)}")


def check_port(host: str, port: int) -> None:
    """Make sure Datasette can bind ``host:port``.

    :param host: interface
    :param port: TCP port
    :raises PolicywatchError: when something else listens there
    """
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise PolicywatchError(
                f"cannot serve Datasette on {host}:{port} ({error.strerror}); pass another --port"
            ) from None


def start_datasette(options: ServiceOptions) -> supervisor.Supervisor:
    """Start Datasette on the database with the digests mounted, restarted whenever it dies.

    :param options: service options (host, port, paths)
    """
    from policywatch.publish import datasette_args

    options.digests().mkdir(parents=True, exist_ok=True)
    argv = datasette_args(options.db_path, options.host, options.port, options.digests())
    return supervisor.Supervisor(argv, "datasette").start()


@dataclass
class Running:
    """What a running service holds, so that :func:`stop_service` can undo it."""

    lock: ServiceLock
    handlers: list[logging.Handler]
    previous_handlers: dict[int, Any]
    scheduler: BackgroundScheduler | None = None
    datasette: supervisor.Supervisor | None = None
    demo: Any = None
    urls: dict[str, str] = field(default_factory=dict)
    record: Path | None = None
    stopping: threading.Event = field(default_factory=threading.Event)


def run_service(options: ServiceOptions) -> None:
    """Run until SIGINT or SIGTERM: lock, init, scheduler, Datasette, demo; then stop cleanly.

    SIGHUP re-reads sources.yml and synchronises the jobs.

    :param options: service options
    :raises ServiceLockedError: when another service runs on the same database
    """
    # A busy port or a bad sources.yml is refused before any file is created.
    if options.datasette:
        check_port(options.host, options.port)
    if not options.demo:
        load_config(options.config_path)
    lock = ServiceLock(options.db_path).acquire()
    stop, reload = threading.Event(), threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    previous[signal.SIGHUP] = signal.signal(signal.SIGHUP, lambda *_: reload.set())
    running = Running(lock=lock, handlers=setup_logging(options.db_path), previous_handlers=previous)
    try:
        start_service(options, running)
        while not stop.wait(0.5):
            if reload.is_set() and running.scheduler is not None:
                reload.clear()
                log.info("SIGHUP: reloading %s", options.config_path)
                reload_jobs(running.scheduler, options)
        log.info("stopping")
    finally:
        stop_service(running)


def start_service(options: ServiceOptions, running: Running) -> None:
    """Start everything, recording each part in ``running`` as soon as it runs.

    :param options: service options
    :param running: filled in as parts start
    """
    supervisor.reset()
    # Links in the digests (built by child processes) point at this Datasette.
    host = "127.0.0.1" if options.host in ("0.0.0.0", "::", "") else options.host
    base = os.environ.setdefault("POLICYWATCH_DATASETTE_URL", f"http://{host}:{options.port}")
    logfile = log_path(options.db_path)
    log.info("policywatch serve (pid %d) on %s, log %s", os.getpid(), options.db_path, logfile)
    if options.demo:
        from policywatch.demo import clear_demo_data, start_demo

        if options.fresh_demo:
            clear_demo_data(options.db_path, jobs_path(options.db_path), options.digests())
        running.demo = start_demo(options.db_path.parent)
        options.config_path = running.demo.config_path
    config = load_config(options.config_path)
    initialise_database(options)
    running.scheduler = scheduler = new_scheduler(options.db_path)
    scheduler.start(paused=True)
    sync_jobs(scheduler, job_specs(config, options))
    if running.demo is not None:
        demo = running.demo
        scheduler.add_job(
            "scheduler.jobs:demo_cycle", jobstore="volatile", id="demo:cycle",
            name="demo: crawl → diff → digest", next_run_time=dt.datetime.now(clock.TZ),
            args=[str(options.db_path.resolve()), str(options.config_path.resolve()),
                  demo.source, demo.since, demo.until, str(options.digests().resolve()), demo.week],
        )
    scheduler.resume()
    running.urls["log"] = str(logfile)
    ready: dict[str, str] = {}
    if options.datasette:
        write_digest_index(options, base)
        running.datasette = start_datasette(options)
        ready["datasette"] = f"{base}/"
        ready["digests"] = f"{base}/digests/index.html"
    if running.demo is not None:
        running.urls["demo_site"] = running.demo.url
        if options.datasette:
            ready["demo_digest"] = f"{base}/digests/{running.demo.week}.html"
    for name, url in running.urls.items():
        log.info("%s: %s", name, url)
    running.urls.update(ready)
    if ready:
        log.info("waiting for Datasette and the digest to answer before printing their URLs")
        announce_when_ready(ready, running.stopping)
    running.record = whereabouts.record(options.db_path, options.config_path,
                                        ready.get("datasette"))


def write_digest_index(options: ServiceOptions, base: str) -> None:
    """Write the digests' index page if there is none yet, so /digests/index.html answers.

    :param options: service options
    :param base: Datasette base URL
    """
    from policywatch.store import open_db
    from reports.digest import write_index

    if not (options.digests() / "index.html").exists():
        db = open_db(options.db_path)
        try:
            write_index(db, options.digests(), base)
        finally:
            db.close()


def stop_service(running: Running) -> None:
    """Stop Datasette, kill every child process group, stop the scheduler, release the lock.

    :param running: what :func:`start_service` started
    """
    running.stopping.set()
    if running.record is not None:
        running.record.unlink(missing_ok=True)
    if running.datasette is not None:
        running.datasette.stop()
    killed = supervisor.stop_all()
    if killed:
        log.info("killed %d running child process group(s)", killed)
    if running.scheduler is not None and running.scheduler.running:
        stop_scheduler(running.scheduler)
    if running.demo is not None:
        running.demo.stop()
    for sig, handler in running.previous_handlers.items():
        signal.signal(sig, handler)
    running.lock.release()
    log.info("stopped")
    for handler in running.handlers:
        logging.getLogger().removeHandler(handler)
        handler.close()
