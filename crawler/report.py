"""Text shown by ``policywatch sources list`` and ``sources check``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crawler.run import CrawlResult
from policywatch.config import Config

HEALTH = {1: "健康", 0: "异常", None: "未抓取"}


def source_table(config: Config, db_path: str) -> str:
    """One line per source: name, kind, schedule, health, articles, last run, its node, note.

    The node is the Scrapyd node that ran the source last, or 本机 for a crawl on this machine.

    :param config: the sources configuration
    :param db_path: the database (read only if it exists)
    """
    rows: dict[str, dict[str, Any]] = {}
    if Path(db_path).exists():
        from policywatch.store import open_db
        from policywatch.store.crawls import source_rows

        rows = source_rows(open_db(db_path))
    lines = [f"{'name':<20} {'kind':<8} {'schedule':<12} {'health':<6} {'articles':>8}  "
             f"{'last run':<25} {'node':<21} note"]
    for source in config.sources:
        row = rows.get(source.name, {})
        health = HEALTH.get(row.get("healthy"), "未抓取") if source.enabled else "停用"
        node = row.get("last_node") or ("本机" if row.get("last_finished") else "-")
        lines.append(
            f"{source.name:<20} {source.kind:<8} {source.schedule:<12} {health:<6} "
            f"{row.get('articles', 0):>8}  {(row.get('last_finished') or '-'):<25} {node:<21} "
            f"{row.get('last_status') or ''} {_note(row)}".rstrip()
        )
    return "\n".join(lines)


def _note(row: dict[str, Any]) -> str:
    """The health note, then what the diff had to do with the source's articles."""
    parts = [row.get("health_note") or ""]
    if row.get("trimmed"):
        parts.append(f"正文过长截断或拆分{row['trimmed']}篇")
    if row.get("quarantined"):
        parts.append(f"隔离{row['quarantined']}篇（见quarantine表）")
    return "；".join(part for part in parts if part)


def target_lines(body: str, published: str | None) -> list[str]:
    """The targets ``policywatch diff`` would extract from an article, one line each.

    :param body: the normalised article text
    :param published: its publication date (YYYY-MM-DD), for 今年/明年
    """
    import datetime as dt

    from diff.extract import extract_targets
    from reports.format import quantity

    try:
        day = dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        day = None
    lines = []
    for target in extract_targets(body, published=day):
        record = target.to_dict()
        value = quantity(record["value"], record["unit"], record["comparator"])
        year = f"{record['year']}年" if record["year"] else "-"
        lines.append(f"    → {record['kind']:<11} {year:<6} {record['region']}  "
                     f"{record['indicator']}  {value}".rstrip())
    return lines or ["    → 无目标 (no targets)"]


def describe_check(result: CrawlResult, log: Path | None = None) -> str:
    """What a dry run found: each article that would be stored with the targets it would give,
    then counts, one line per error, and where the details were logged.

    :param result: from :func:`crawler.run.check_source`
    :param log: the log file of the dry run
    """
    lines = []
    for item in result.items:
        body = item["body"] or ""
        lines.append(f"{item['published'] or '????-??-??'}  {item['title']}")
        lines.append(f"    {item['url']}")
        extra = [f"{len(body)}字"]
        for key, label in (("author", "作者"), ("origin", "来源"), ("page", "版面")):
            if item.get(key):
                extra.append(f"{label}：{item[key]}")
        if item.get("tags"):
            extra.append("标签：" + ",".join(item["tags"]))
        lines.append("    " + "  ".join(extra))
        lines.append("    " + body.split("\n", 1)[0][:60])
        lines.extend(target_lines(body, item["published"]))
    c = result.counts
    lines.append(f"{result.source}: {result.status}  would store {len(result.items)} articles  "
                 f"({c['pages']} pages, {c['links']} links, {c['rejected']} rejected)  {result.note}")
    lines.extend(f"  error: {error}" for error in result.errors[:20])
    if result.errors and log is not None:
        lines.append(f"  details (tracebacks): {log}")
    return "\n".join(lines)
