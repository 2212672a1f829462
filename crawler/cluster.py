"""Crawling on Scrapyd nodes into the one central database.

For each source: pick its node (the pinned one, else the least busy node that answers), make
sure the node has the current egg, and schedule a job that carries what the spider needs to
skip stored articles. Then follow every job with ``listjobs.json``. A finished job's feed is
read whole and stored together with the closing of its run, in one transaction. A node that
is down, a job that dies, vanishes or outlives ``timeout``, or a cut-off feed closes the run
as failed and marks the source unhealthy with the reason; nothing of it is stored, and the
next cycle tries again (on another node when the source is not pinned).
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

from crawler.egg import Egg, build_egg
from crawler.ingest import Feed, FeedError, read_feed, store_feed
from crawler.job import Job, JobError, job_arguments
from crawler.nodes import NodeError, call, fetch
from crawler.run import CrawlResult, env_overrides, finish_source, source_settings
from crawler.stats import crawl_counts
from crawler.urls import source_domains
from policywatch.cluster_config import Cluster, Node
from policywatch.config import Config, Source
from policywatch.store.transactions import retry_busy

Progress = Callable[[str], None]


@dataclass
class RemoteRun:
    """One source's crawl on a node: where it runs, and its result once known."""

    source: Source
    run_id: int
    node: Node | None = None
    job: str = ""
    feed: Feed | None = None
    result: CrawlResult | None = None


def run_remote(config: Config, sources: list[Source], db: Any, runs: dict[str, int],
               days: dict[str, list[dt.date]], window: tuple[dt.date | None, dt.date | None],
               progress: Progress | None = None) -> list[CrawlResult]:
    """Crawl ``sources`` on the configured Scrapyd nodes; one result per source, in order.

    :param config: the configuration, with its ``scrapyd`` section
    :param sources: the sources to crawl
    :param db: the open central database
    :param runs: each source's crawl_runs id (already started)
    :param days: e-paper edition days by source
    :param window: --since/--until
    :param progress: called with one-line progress messages
    """
    cluster = config.scrapyd
    assert cluster is not None
    say = progress or (lambda message: None)
    egg = build_egg(config, cluster.project)
    loads, down = _loads(cluster)
    remotes = [RemoteRun(source, runs[source.name]) for source in sources]
    for remote in remotes:
        try:
            remote.node = _pick(cluster, remote.source, loads, down)
            loads[remote.node.name] += 1
        except NodeError as error:
            _fail(db, remote, str(error))
            say(f"{remote.source.name}: {error}")
    from policywatch.store.crawls import stored_urls_by_host

    stored = stored_urls_by_host(db)
    chosen = {r.node.name: r.node for r in remotes if r.node is not None}
    with ThreadPoolExecutor(max_workers=max(1, len(chosen))) as pool:
        failures = dict(zip(chosen, pool.map(lambda node: _deploy(node, cluster.project, egg),
                                             chosen.values()), strict=True))
    for remote in remotes:
        if remote.node is None:
            continue
        try:
            if failures[remote.node.name]:
                raise NodeError(failures[remote.node.name])
            job = Job(remote.source.name, days.get(remote.source.name, []), window,
                      known_urls_for(stored, remote.source))
            remote.job = _schedule(remote.node, cluster.project, egg, remote.source, job)
        except (NodeError, JobError) as error:
            _fail(db, remote, str(error))
            say(f"{remote.source.name}: {error}")
            continue
        from policywatch.store.runs import set_run_node

        retry_busy(partial(set_run_node, db, remote.run_id, remote.node.name, remote.job),
                   "set run node")
        say(f"{remote.source.name}: 已提交到节点{remote.node.name}（作业{remote.job}）")
    _follow(cluster, db, [r for r in remotes if r.result is None], say)
    return [remote.result for remote in remotes if remote.result is not None]


def _loads(cluster: Cluster) -> tuple[dict[str, int], dict[str, str]]:
    """Pending plus running jobs of each node that answers; why the others do not."""
    loads, down = {}, {}
    for node in cluster.nodes:
        try:
            status = call(node, "daemonstatus.json")
        except NodeError as error:
            down[node.name] = str(error)
            continue
        loads[node.name] = int(status.get("pending", 0)) + int(status.get("running", 0))
    return loads, down


def _pick(cluster: Cluster, source: Source, loads: dict[str, int], down: dict[str, str]) -> Node:
    """The source's pinned node, else the least busy node that answers (the first on a tie)."""
    if source.node is not None:
        if source.node in down:
            raise NodeError(down[source.node])
        return cluster.node(source.node)
    if not loads:
        raise NodeError("没有可用的Scrapyd节点：" + "；".join(down.values()))
    order = [node.name for node in cluster.nodes]
    return cluster.node(min(loads, key=lambda name: (loads[name], order.index(name))))


def _deploy(node: Node, project: str, egg: Egg) -> str:
    """Upload the egg unless the node already has this version; an error message, or ""."""
    try:
        versions = call(node, "listversions.json", {"project": project}).get("versions", [])
    except NodeError:
        versions = []  # a node that never saw the project answers with an error
    try:
        if egg.version not in versions:
            call(node, "addversion.json", {"project": project, "version": egg.version},
                 files={"egg": egg.data})
    except NodeError as error:
        return str(error)
    return ""


def known_urls_for(stored: dict[str, list[str]], source: Source) -> list[str]:
    """The stored URLs a job of ``source`` takes along: those on its domains or their subdomains.

    :param stored: from :func:`policywatch.store.crawls.stored_urls_by_host`
    :param source: the source
    """
    domains = source_domains(source)
    return sorted(url for host, urls in stored.items()
                  if any(host == d or host.endswith("." + d) for d in domains) for url in urls)


def _schedule(node: Node, project: str, egg: Egg, source: Source, job: Job) -> str:
    """Schedule one job on ``node``; its job id."""
    settings = {**env_overrides(), **source_settings(source), "POLICYWATCH_REMOTE": True}
    jobid = f"{source.name}-{uuid.uuid4().hex[:12]}"
    fields = [("project", project), ("spider", source.kind), ("_version", egg.version),
              ("jobid", jobid)]
    fields += [("setting", f"{key}={value}") for key, value in settings.items()]
    fields += list(job_arguments(job).items())
    return str(call(node, "schedule.json", fields, post=True)["jobid"])


def _follow(cluster: Cluster, db: Any, remotes: list[RemoteRun], say: Progress) -> None:
    """Poll the nodes until every job is stored or has failed.

    Feeds are fetched as soon as their job finishes but stored in the order of the sources,
    so which copy of a reprint is the original does not depend on which node was faster.
    """
    deadline = time.monotonic() + cluster.timeout
    waiting = list(remotes)
    while waiting:
        polling = [r for r in waiting if r.feed is None]
        for name in dict.fromkeys(r.node.name for r in polling if r.node):
            mine = [r for r in polling if r.node and r.node.name == name]
            try:
                jobs = call(mine[0].node, "listjobs.json", {"project": cluster.project})  # type: ignore[arg-type]
            except NodeError as error:
                for remote in mine:
                    _fail(db, remote, f"{error}（作业{remote.job}中断，下次抓取重试）")
                    say(f"{remote.source.name}: failed（{error}）")
                continue
            states = {job["id"]: (state, job) for state in ("pending", "running", "finished")
                      for job in jobs.get(state, [])}
            for remote in mine:
                _advance(cluster, db, remote, states.get(remote.job), deadline, say)
        for remote in waiting:
            if remote.result is None and remote.feed is None:
                break
            if remote.result is None:
                _store(db, remote)
                say(f"{remote.source.name}: {remote.result.status}（节点{remote.node.name}）")  # type: ignore[union-attr]
        waiting = [r for r in waiting if r.result is None]
        if waiting:
            time.sleep(cluster.poll)


def _advance(cluster: Cluster, db: Any, remote: RemoteRun, state: tuple[str, Any] | None,
             deadline: float, say: Progress) -> None:
    """Act on one job's state: fetch its feed, fail it, cancel it after the timeout, or wait."""
    node = remote.node
    assert node is not None
    if state is None:
        _fail(db, remote, f"节点{node.name}上找不到作业{remote.job}（节点重启过？）")
    elif state[0] == "finished":
        _fetch(db, remote, state[1])
    elif time.monotonic() > deadline:
        try:
            call(node, "cancel.json", {"project": cluster.project, "job": remote.job}, post=True)
        except NodeError:
            pass  # the job is failed either way
        _fail(db, remote, f"节点{node.name}上的作业{remote.job}超过{cluster.timeout:g}秒未完成，已取消")
    if remote.result is not None:
        say(f"{remote.source.name}: failed（{remote.result.note}）")


def _fetch(db: Any, remote: RemoteRun, job: dict[str, Any]) -> None:
    """Download and check a finished job's feed (or fail the run)."""
    node = remote.node
    assert node is not None
    if not job.get("items_url"):
        _fail(db, remote, f"节点{node.name}的作业{remote.job}：物品文件不完整：节点上没有它的物品文件"
                          "（作业在写出第一条记录之前中断，或scrapyd.conf没有设置items_dir）")
        return
    try:
        remote.feed = read_feed(fetch(node, job["items_url"]))
    except (NodeError, FeedError) as error:
        _fail(db, remote, f"节点{node.name}的作业{remote.job}：{error}")


def _store(db: Any, remote: RemoteRun) -> None:
    """Store a whole feed together with the closing of its run, in one transaction."""
    feed = remote.feed
    assert feed is not None

    def store() -> CrawlResult:
        with db.atomic():
            statuses = store_feed(db, feed)
            counts = {**feed.summary.counts, "duplicates": statuses["duplicate"],
                      "new_articles": statuses["new"] + statuses["updated"]}
            return finish_source(db, remote.run_id, remote.source.name, counts,
                                 feed.summary.errors)

    remote.result = retry_busy(store, f"store the feed of {remote.job}")


def _fail(db: Any, remote: RemoteRun, message: str) -> None:
    """Close the run as failed and mark the source unhealthy, storing nothing of the job.

    The run's node is the one tried, or ``-`` when no node answered.
    """
    from policywatch.store.runs import finish_run, set_health, set_run_node

    counts = crawl_counts({})
    stored = {k: counts[k] for k in ("pages", "new_articles", "duplicates", "failed", "links",
                                     "articles_fetched", "rejected")}

    node = remote.node.name if remote.node else (remote.source.node or "-")

    def close() -> None:
        with db.atomic():
            set_run_node(db, remote.run_id, node, remote.job)
            finish_run(db, remote.run_id, "failed", stored, [message])
            set_health(db, remote.source.name, False, message)

    retry_busy(close, f"close run {remote.run_id}")
    remote.result = CrawlResult(remote.source.name, "failed", counts, [message], message)
