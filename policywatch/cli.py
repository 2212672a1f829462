"""The ``policywatch`` command line: thin click commands over the library."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from typing import Any

import click
from click.core import ParameterSource

from policywatch import __version__
from policywatch.errors import PolicywatchError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--db PATH``: the SQLite database ($POLICYWATCH_DB, default data/policywatch.db)."""
    return click.option(
        "--db", "db_path", envvar="POLICYWATCH_DB", default="data/policywatch.db",
        show_default=True, type=click.Path(dir_okay=False),
        help="SQLite database file ($POLICYWATCH_DB)",
    )(fn)


def config_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--config PATH``: the sources file ($POLICYWATCH_CONFIG, default sources.yml)."""
    return click.option(
        "--config", "config_path", envvar="POLICYWATCH_CONFIG", default="sources.yml",
        show_default=True, type=click.Path(dir_okay=False),
        help="sources configuration ($POLICYWATCH_CONFIG)",
    )(fn)


def _from_group(ctx: click.Context, name: str) -> Any:
    """The value of ``--db``/``--config`` given before the subcommand (None if not given)."""
    root = ctx.find_root()
    return root.params.get(name) if root is not ctx else None


def given(ctx: click.Context, name: str) -> bool:
    """Whether ``--db``/``--config`` was given, before or after the subcommand, or by env var.

    :param ctx: the subcommand's context
    :param name: ``db_path`` or ``config_path``
    """
    source = ctx.get_parameter_source(name)
    return _from_group(ctx, name) is not None or source not in (None, ParameterSource.DEFAULT)


def common_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--db`` and ``--config`` (also accepted before the subcommand), and turn library
    errors into ``Error: …`` messages."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        for name in ("db_path", "config_path"):
            before = _from_group(ctx, name)
            if before is not None and ctx.get_parameter_source(name) is not ParameterSource.COMMANDLINE:
                kwargs[name] = before
        try:
            return fn(*args, **kwargs)
        except PolicywatchError as error:
            raise click.ClickException(str(error)) from None

    return db_option(config_option(wrapper))


def service_paths(ctx: click.Context, demo: bool, db_path: str, config_path: str) -> tuple[str, str]:
    """The database and sources.yml a reading command should use: what was given, else the
    demo's with ``--demo``, else those of a running ``serve`` (said on stderr), else defaults.

    :param ctx: the subcommand's context
    :param demo: ``--demo`` was given
    :param db_path: ``--db`` value
    :param config_path: ``--config`` value
    """
    from pathlib import Path

    from policywatch.demo import DEMO_DB
    from scheduler.whereabouts import running_service

    if demo:
        db = db_path if given(ctx, "db_path") else DEMO_DB
        config = config_path if given(ctx, "config_path") else str(Path(db).parent / "sources.yml")
        return db, config
    if given(ctx, "db_path") or given(ctx, "config_path"):
        return db_path, config_path
    service = running_service()
    if service is None:
        return db_path, config_path
    click.echo(f"policywatch serve (pid {service['pid']}) runs on {service['db']} "
               f"with {service['config']}", err=True)
    return service["db"], service["config"]


def demo_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--demo``: read the demo's database and sources.yml (``serve --demo``)."""
    return click.option("--demo", is_flag=True,
                        help="the demo's database and sources.yml (policywatch serve --demo)")(fn)


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """click callback: a YYYY-MM-DD option value as a date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="policywatch")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), metavar="PATH",
              help="SQLite database file, for any subcommand (same as its --db)")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="PATH",
              help="sources configuration, for any subcommand (same as its --config)")
def cli(db_path: str | None, config_path: str | None) -> None:
    """Follow what Chongqing promises in print: crawl, extract targets, publish changes.

    --db and --config may come before the subcommand (policywatch --db X jobs) or after it.
    """


@cli.command()
@common_options
def init(db_path: str, config_path: str) -> None:
    """Create or migrate the database and load the baseline documents.

    Idempotent: running it again changes nothing.

    \b
    Example:
        policywatch init --db data/policywatch.db
    """
    from policywatch.baseline import load_baseline
    from policywatch.store import open_db

    db = open_db(db_path)
    for row in load_baseline(db):
        click.echo(f"{row['status']:>12}  {row['targets']:>3} targets  {row['title']}")
    click.echo(f"database ready: {db_path}")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="one JSON object a line")
@click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
              help="publication date, for 今年/明年/今后五年")
@click.option("--title", default="", help="the headline of a text file (HTML gives its own)")
@common_options
def extract(file: str, as_json: bool, published: dt.date | None, title: str, db_path: str,
            config_path: str) -> None:
    """Print the targets in a text or HTML file.

    \b
    Example:
        policywatch extract article.txt --json --published 2026-01-20 --title "重庆今年将…"
    """
    from diff.extract import extract as extract_records
    from policywatch.document import load_document
    from policywatch.errors import InputFileError

    try:
        document = load_document(file, title, published)
    except InputFileError as error:
        click.echo(f"Error: {error}", err=True)
        raise SystemExit(2) from None
    for target in extract_records(document):
        record = target.to_dict()
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            value = "" if record["value"] is None else f"{record['comparator']}{record['value']}"
            if record["value_max"] is not None:
                value += f"-{record['value_max']}"
            value += record["unit"] if record["value"] is not None else ""
            click.echo(f"{record['kind']:<11} {record['year'] or '':<5} {record['region']}  "
                       f"{record['indicator']}  {value}")


@cli.command()
@click.option("--demo", is_flag=True, help="also serve the bundled sample site and watch it")
@click.option("--host", default="127.0.0.1", show_default=True, help="Datasette interface")
@click.option("--port", default=8001, show_default=True, type=int, help="Datasette port")
@click.option("--crawl-timeout", default=3600.0, show_default=True, type=float,
              help="seconds before a crawl subprocess is killed")
@common_options
@click.pass_context
def serve(ctx: click.Context, demo: bool, host: str, port: int, crawl_timeout: float,
          db_path: str, config_path: str) -> None:
    """Run the scheduler and Datasette until Ctrl-C (SIGINT) or SIGTERM.

    One crawl job per enabled source, the weekly digest on Monday 08:00 (Asia/Shanghai), and
    Datasette restarted if it dies. SIGHUP re-reads sources.yml. Logs go to the console and
    to policywatch.log next to the database. --demo uses data/demo/policywatch.db, cleared
    at each start, unless --db is given.

    \b
    Example:
        policywatch serve --demo
        policywatch serve --db data/policywatch.db --port 8001
    """
    from pathlib import Path

    from policywatch.demo import DEMO_DB
    from scheduler.service import ServiceOptions, run_service

    fresh_demo = demo and not given(ctx, "db_path")
    if fresh_demo:
        db_path = DEMO_DB
    options = ServiceOptions(db_path=Path(db_path), config_path=Path(config_path), host=host,
                             port=port, demo=demo, crawl_timeout=crawl_timeout,
                             fresh_demo=fresh_demo)
    run_service(options)


@cli.command()
@demo_option
@common_options
@click.pass_context
def jobs(ctx: click.Context, demo: bool, db_path: str, config_path: str) -> None:
    """List the scheduled jobs and their next run times (works while serve runs).

    Without --db or --config, a serve started from this folder is found and its database read.

    \b
    Example:
        policywatch jobs
        policywatch --db data/policywatch.db jobs
        policywatch jobs --demo
    """
    from scheduler.listing import list_jobs

    db_path, config_path = service_paths(ctx, demo, db_path, config_path)
    for job in list_jobs(db_path, config_path):
        when = job["next_run"].strftime("%Y-%m-%d %H:%M:%S %z") if job["next_run"] else "-"
        click.echo(f"{job['id']:<28} {when:<26} {job['state']:<9} {job['name']}")


@cli.command()
@click.option("--reprocess", is_flag=True,
              help="extract every article again and rebuild targets and changes")
@click.option("--article-timeout", default=60.0, show_default=True, type=click.FloatRange(min=0),
              help="seconds of extraction before an article is quarantined (0: no limit)")
@click.option("--max-seconds", type=click.FloatRange(min=0), metavar="SECONDS",
              help="stop between articles after this long; the next run goes on from there")
@common_options
def diff(reprocess: bool, article_timeout: float, max_seconds: float | None, db_path: str,
         config_path: str) -> None:
    """Extract targets from articles not yet processed and record changes against the baseline.

    Each article is processed once, in one transaction; running it again adds nothing, and a
    run killed at any point is finished by the next. After an extractor upgrade, articles
    processed by the old version are processed again. An article whose extraction fails or
    overruns --article-timeout is quarantined (table quarantine) and the rest go on.

    \b
    Example:
        policywatch diff --db data/policywatch.db
        policywatch diff --reprocess
        policywatch diff --max-seconds 840 --article-timeout 60
    """
    from policywatch.changes import DiffLimits, run_diff
    from policywatch.store import open_db

    limits = DiffLimits(article_seconds=article_timeout, run_seconds=max_seconds)
    summary = run_diff(open_db(db_path), reprocess=reprocess, limits=limits)
    for line in summary.lines():
        click.echo(line)


@cli.command()
@click.argument("sources", nargs=-1)
@click.option("--since", callback=parse_date, metavar="YYYY-MM-DD", help="first e-paper edition day")
@click.option("--until", callback=parse_date, metavar="YYYY-MM-DD", help="last e-paper edition day")
@common_options
def crawl(sources: tuple[str, ...], since: dt.date | None, until: dt.date | None, db_path: str,
          config_path: str) -> None:
    """Crawl sources now (all enabled ones by default); e-papers backfill --since..--until.

    Progress goes to stderr. Exits 1 when a source failed (errors, an article that could not
    be stored), was interrupted (SIGTERM) or is unhealthy; a day with nothing new is a
    success. With a scrapyd: section in sources.yml the crawls run as jobs on those Scrapyd
    nodes and their items are stored here (docs/service.md).

    \b
    Example:
        policywatch crawl cqrb --since 2025-08-01 --until 2025-08-20
    """
    from crawler.run import run_crawl
    from policywatch.config import load_config

    def progress(message: str) -> None:
        click.echo(message, err=True)

    results = run_crawl(load_config(config_path), list(sources), db_path, since, until, progress)
    for result in results:
        c = result.counts
        click.echo(f"{result.source}: {result.status}  {c['pages']}页  新{c['new_articles']}篇  "
                   f"重复{c['duplicates']}篇  失败{c['failed']}  {result.note}", err=True)
        for error in result.errors[:20]:
            click.echo(f"  {error}", err=True)
    if any(result.status != "ok" for result in results):
        raise SystemExit(1)


@cli.group()
def sources() -> None:
    """List the sources in sources.yml with their health, or dry-run one of them."""


@sources.command("list")
@demo_option
@common_options
@click.pass_context
def sources_list(ctx: click.Context, demo: bool, db_path: str, config_path: str) -> None:
    """List configured sources: kind, schedule, health, articles and the node of the last run.

    Without --db or --config, a serve started from this folder is found and its files read.

    \b
    Example:
        policywatch sources list --config sources.yml
        policywatch sources list --demo
    """
    from crawler.report import source_table
    from policywatch.config import load_config

    db_path, config_path = service_paths(ctx, demo, db_path, config_path)
    click.echo(source_table(load_config(config_path), db_path))


@sources.command("check")
@click.argument("name")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1),
              help="stop after this many articles")
@common_options
def sources_check(name: str, limit: int, db_path: str, config_path: str) -> None:
    """Dry-run one source: fetch a few articles and print what would be stored (no DB writes).

    Each article is shown with the targets diff would extract from it. A failed request is
    one line; Scrapy's log with the tracebacks goes to a file in the temp folder.

    \b
    Example:
        policywatch sources check cq-gov-jrcq --limit 3
    """
    import tempfile
    from pathlib import Path

    from crawler.report import describe_check
    from crawler.run import check_source
    from policywatch.config import load_config

    log = Path(tempfile.gettempdir()) / "policywatch" / f"check-{name}.log"
    result = check_source(load_config(config_path), name, limit, log)
    click.echo(describe_check(result, log))
    if result.status != "ok":
        raise SystemExit(1)


@cli.command()
@click.option("--week", metavar="YYYY-Www", help="ISO week [default: last full week, Asia/Shanghai]")
@click.option("--out", "out_dir", type=click.Path(file_okay=False),
              help="digest folder [default: digests/ next to the database]")
@click.option("--datasette-url", envvar="POLICYWATCH_DATASETTE_URL", metavar="URL",
              help="Datasette base URL for row links ($POLICYWATCH_DATASETTE_URL) [default: http://127.0.0.1:8001]")
@click.option("--no-notify", is_flag=True, help="build only; send nothing")
@click.option("--retry", "retry_only", is_flag=True, help="only retry failed notifications")
@common_options
def digest(week: str | None, out_dir: str | None, datasette_url: str | None, no_notify: bool,
           retry_only: bool, db_path: str, config_path: str) -> None:
    """Render the weekly digest, then send it to the notify: URLs of sources.yml.

    Articles that diff has not read yet are compared first. Changes in the regions of
    sources.yml (default 重庆市 and its districts) come first; others go under 其他地区.
    Failed sends are recorded and retried on the next run (or with --retry); they are
    reported on stderr but do not change the exit code.

    \b
    Example:
        policywatch digest --week 2026-W47 --out data/digests
    """
    from reports.weekly import publish_week

    if retry_only and no_notify:
        raise click.UsageError("--retry and --no-notify cannot be combined")
    result = publish_week(db_path, config_path, week, out_dir, datasette_url,
                          send=not no_notify, retry_only=retry_only)
    if result.diffed:
        click.echo(f"diff first: {result.diffed.articles} articles were not yet compared")
    if result.waiting:
        click.echo(f"{result.waiting} articles wait for diff (no baseline: run policywatch init, "
                   "then policywatch diff); the digest leaves them out", err=True)
    if result.digest:
        click.echo(f"digest {result.digest.week}: {result.digest.changes} changes → {result.digest.path}")
    for sent in result.retried + result.sent:
        state = "already sent" if sent.skipped else ("sent" if sent.ok else f"FAILED: {sent.error}")
        click.echo(f"notify {sent.week} {sent.target}: {state}", err=not sent.ok)
    if not no_notify and not result.notify_configured:
        click.echo("notify: no notify: URLs configured", err=True)


@cli.command()
@click.argument("subject_id", metavar="CHANGE_ID")
@click.option("--wrong", "verdict", flag_value="wrong", help="the change (or target) is wrong")
@click.option("--confirm", "verdict", flag_value="confirmed", help="the change (or target) is right")
@click.option("--note", help="why, in your words")
@click.option("--target", "is_target", is_flag=True, help="CHANGE_ID is a target id (targets.id)")
@click.option("--by", "reviewer", envvar="POLICYWATCH_REVIEWER", metavar="NAME",
              help="who reviews ($POLICYWATCH_REVIEWER) [default: your login name]")
@common_options
def review(subject_id: str, verdict: str | None, note: str | None, is_target: bool,
           reviewer: str | None, db_path: str, config_path: str) -> None:
    """Record an analyst's verdict on a change (or with --target, a target).

    A change reviewed wrong leaves the digest, the Atom feed and the alerts, and stays in
    the archive with its review. Reviews survive `policywatch diff --reprocess`.

    \b
    Example:
        policywatch review 3f2a9c1d0e4b5a67 --wrong --note "成都的目标, 不是重庆的"
        policywatch review 8c1e2f3a4b5d6e7f --target --confirm
    """
    import getpass

    from policywatch.store import open_db
    from policywatch.store.reviews import add_review

    if verdict is None:
        raise click.UsageError("give --wrong or --confirm")
    subject = "target" if is_target else "change"
    row = add_review(open_db(db_path), subject, subject_id, verdict,
                     reviewer or getpass.getuser(), note)
    click.echo(f"{subject} {subject_id} ({row['indicator']}, {row['region']}): {verdict} "
               f"by {row['reviewer']} at {row['reviewed']}")


@cli.command()
@click.option("--test", "test_name", metavar="NAME", help="send a sample message to one notify: entry")
@click.option("--datasette-url", envvar="POLICYWATCH_DATASETTE_URL", metavar="URL",
              help="Datasette base URL for links ($POLICYWATCH_DATASETTE_URL)")
@common_options
def notify(test_name: str | None, datasette_url: str | None, db_path: str,
           config_path: str) -> None:
    """Send change alerts now to the notify: entries with `when: change` (or --test one entry).

    Each new change that passes an entry's filters is listed once, in one message per entry;
    a failed send is recorded and retried on the next run (the service runs this after each
    crawl). Changes reviewed wrong are left out. --test sends a sample message and exits 1 if
    it fails.

    \b
    Example:
        policywatch notify --test team-webhook
        policywatch notify --db data/policywatch.db
    """
    from policywatch.config import load_config
    from policywatch.store import open_db
    from reports.alerts import send_alerts, send_test

    config = load_config(config_path)
    if test_name:
        entry = config.notify_entry(test_name)
        error = send_test(entry, datasette_url)
        if error:
            raise click.ClickException(f"notify {test_name}: test message failed: {error}")
        click.echo(f"notify {test_name}: test message sent")
        return
    entries = config.notify_entries("change")
    if not entries:
        click.echo("notify: no notify: entries with when: change", err=True)
        return
    for result in send_alerts(open_db(db_path), entries, datasette_url):
        state = "sent" if result.ok else f"FAILED (will retry): {result.error}"
        click.echo(f"notify {result.name}: {result.changes} changes {state}", err=not result.ok)


# -- end of commands --
