"""Change detection: extract targets from new articles and record how they move the baseline.

Articles are processed once each, in publication order, each in one transaction: extract →
indicator keys → targets → changes. Baseline articles, articles published before the newest
baseline document (history) and undated articles get targets but no change rows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from diff.compare import article_changes
from diff.identity import IndicatorTableError, indicator_key, load_table
from diff.record import Document
from policywatch import clock
from policywatch.errors import ConfigError, PolicywatchError
from policywatch.store.articles import articles_to_extract
from policywatch.store.changes import (
    article_targets,
    baseline_cutoff,
    compared_articles_after,
    earlier_mentions,
    known_keys,
    replace_changes,
    set_indicator_key,
    targets_without_key,
)
from policywatch.store.targets import replace_targets
from policywatch.store.transactions import retry_busy


class NoBaselineError(PolicywatchError):
    """Changes were asked for before the baseline was loaded."""


@dataclass
class DiffSummary:
    """What one ``run_diff`` did."""

    articles: int = 0
    targets: int = 0
    recompared: int = 0
    changes: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        """The summary as lines for the terminal."""
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.changes.items()))
        return [
            f"articles processed: {self.articles}",
            f"targets extracted: {self.targets}",
            f"later articles compared again: {self.recompared}",
            f"changes: {sum(self.changes.values())}" + (f" ({kinds})" if kinds else ""),
        ]


def is_compared(article: dict[str, Any], cutoff: str | None) -> bool:
    """Whether an article's mentions make change rows (not baseline, not history, dated).

    :param article: the article row
    :param cutoff: publication date of the newest baseline document, or None
    """
    published = article.get("published")
    return not article.get("is_baseline") and bool(published) and published >= (cutoff or "")


def _key_target(record: dict[str, Any], known: dict[str, list[str]]) -> str:
    """The indicator key of a record; adds it to ``known`` (keys per region) for the next one."""
    region = record.get("region") or "重庆市"
    key = indicator_key(record["indicator"], record.get("unit"), known.get(region, ()))
    known.setdefault(region, []).append(key)
    return key


def fill_missing_keys(db: Database) -> int:
    """Give an indicator key to targets stored without one (the baseline loaded by ``init``).

    :param db: the database
    :return: how many targets got a key
    """
    def fill() -> int:
        rows = targets_without_key(db)
        with db.atomic():
            for row in rows:
                known = known_keys(db, row["published"], row["article_id"])
                set_indicator_key(db, row["id"], _key_target(row, known))
        return len(rows)

    return retry_busy(fill, "diff: indicator keys")


def compare_article(db: Database, article: dict[str, Any], cutoff: str | None,
                    detected: str) -> list[dict[str, Any]]:
    """Recompute one article's change rows from its stored targets.

    :param article: the article row
    :param cutoff: see :func:`is_compared`
    :param detected: time stamp for new change rows
    :return: the stored change rows
    """
    if not is_compared(article, cutoff):
        replace_changes(db, article["id"], [], detected)
        return []
    targets = article_targets(db, article["id"])
    keys = [(t["indicator_key"], t["region"]) for t in targets if t["indicator_key"]]
    earlier = earlier_mentions(db, keys, article["published"], article["id"], cutoff)
    week = clock.iso_week(dt.date.fromisoformat(article["published"][:10]))
    changes = [dict(change, week=week) for change in article_changes(targets, earlier)]
    replace_changes(db, article["id"], changes, detected)
    return changes


def run_diff(db: Database, reprocess: bool = False, version: str | None = None,
             extract: Callable[..., list[Any]] | None = None) -> DiffSummary:
    """Extract targets from articles not yet processed and record their changes.

    Re-running adds nothing. An article stored after later ones were compared (a late
    backfill) makes those later articles be compared again.

    :param db: the database
    :param reprocess: process every article again, whatever extractor version did it
    :param version: extractor version to record (default ``diff.extract.EXTRACTOR_VERSION``)
    :param extract: extractor function of a :class:`diff.record.Document` (default
        ``diff.extract.extract``)
    :raises NoBaselineError: when ``policywatch init`` has not loaded the baseline
    :raises ConfigError: when ``diff/indicators.yml`` is malformed
    """
    from diff import extract as extractor

    version = version or extractor.EXTRACTOR_VERSION
    extract = extract or extractor.extract
    try:
        load_table()
    except IndicatorTableError as error:
        raise ConfigError(str(error)) from None
    cutoff = baseline_cutoff(db)
    if cutoff is None:
        raise NoBaselineError("the database has no baseline: run policywatch init first")
    summary = DiffSummary()
    detected = clock.now_iso()
    fill_missing_keys(db)
    pending = list(articles_to_extract(db, version, reprocess))
    if any(article["is_baseline"] for article in pending):
        pending.sort(key=lambda a: (not a["is_baseline"], a["published"] or "", a["id"]))
    done = set()
    for article in pending:
        published = dt.date.fromisoformat(article["published"][:10]) if article["published"] else None
        document = Document(article["body"], article["title"] or "", article["subtitle"] or "",
                            published, article["origin"] or "")
        records = [target.to_dict() for target in extract(document)]

        def store(article: dict[str, Any] = article,
                  records: list[dict[str, Any]] = records) -> list[dict[str, Any]]:
            with db.atomic():
                known = known_keys(db, article["published"], article["id"])
                for record in records:
                    record["indicator_key"] = _key_target(record, known)
                replace_targets(db, article, records, version)
                return compare_article(db, article, cutoff, detected)

        changes = retry_busy(store, f"diff: article {article['id']}")
        done.add(article["id"])
        summary.articles += 1
        summary.targets += len(records)
        summary.changes.update(change["change_type"] for change in changes)
    movers = [a for a in pending if a["is_baseline"] or is_compared(a, cutoff)]
    if movers:  # history articles are never compared with, so they move nothing later
        first = min(movers, key=lambda a: (a["published"] or "", a["id"]))
        for article in compared_articles_after(db, first["published"] or "", first["id"]):
            if article["id"] in done:
                continue
            def recompare(article: dict[str, Any] = article) -> list[dict[str, Any]]:
                with db.atomic():
                    return compare_article(db, article, cutoff, detected)

            changes = retry_busy(recompare, f"diff: compare article {article['id']}")
            summary.recompared += 1
            summary.changes.update(change["change_type"] for change in changes)
    return summary
