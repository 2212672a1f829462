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
from policywatch.store.articles import articles_to_extract, get_article
from policywatch.store.changes import (
    article_targets,
    articles_reading,
    baseline_cutoff,
    earlier_mentions,
    replace_changes,
    set_indicator_key,
    targets_without_key,
)
from policywatch.store.indicators import known_candidates, remember_keys
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


def _key_target(db: Database, record: dict[str, Any], article: dict[str, Any],
                in_article: dict[str, list[str]]) -> str:
    """The indicator key of a record: its name joins a key of its region used before the
    article (found through ``indicator_grams``) or earlier in the same article."""
    region = record.get("region") or "重庆市"
    known = known_candidates(db, record["indicator"], record.get("unit"), region,
                             article.get("published"), article["id"])
    key = indicator_key(record["indicator"], record.get("unit"), known + in_article.get(region, []))
    in_article.setdefault(region, []).append(key)
    return key


def key_records(db: Database, article: dict[str, Any], records: list[dict[str, Any]]) -> None:
    """Give each of an article's records its ``indicator_key`` and index the new keys.

    :param article: the article row (``id``, ``published``)
    :param records: its target records, in text order
    """
    in_article: dict[str, list[str]] = {}
    for record in records:
        record["indicator_key"] = _key_target(db, record, article, in_article)
    remember_keys(db, [(record.get("region") or "重庆市", record["indicator_key"])
                       for record in records])


def fill_missing_keys(db: Database) -> int:
    """Give an indicator key to targets stored without one (the baseline loaded by ``init``).

    :param db: the database
    :return: how many targets got a key
    """
    def fill() -> int:
        rows = targets_without_key(db)
        with db.atomic():
            in_article: dict[str, dict[str, list[str]]] = {}
            for row in rows:
                article = {"id": row["article_id"], "published": row["published"]}
                key = _key_target(db, row, article, in_article.setdefault(row["article_id"], {}))
                set_indicator_key(db, row["id"], key)
                remember_keys(db, [(row.get("region") or "重庆市", key)])
        return len(rows)

    return retry_busy(fill, "diff: indicator keys")


def readers(db: Database, targets: list[dict[str, Any]], cutoff: str | None) -> set[str]:
    """Articles whose comparison reads one of ``targets`` (a mover's old or new targets).

    :param targets: target rows with ``indicator_key``, ``region``, ``year``, ``published``,
        ``article_id``, ``is_baseline``
    :param cutoff: see :func:`is_compared`
    """
    found: set[str] = set()
    for target in targets:
        if target.get("kind") != "target" or not target.get("indicator_key"):
            continue
        if not target.get("is_baseline") and not is_compared(target, cutoff):
            continue  # history and undated targets are never read
        found |= articles_reading(db, target["indicator_key"], target.get("region") or "重庆市",
                                  target.get("year"), target["published"] or "",
                                  target["article_id"], bounded=not target.get("is_baseline"))
    return found


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
    backfill, or an updated article) makes the later articles that read its targets (see
    :func:`~policywatch.store.changes.articles_reading`) be compared again, and only those.

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
    done: set[str] = set()
    moved: set[str] = set()
    for article in pending:
        published = dt.date.fromisoformat(article["published"][:10]) if article["published"] else None
        document = Document(article["body"], article["title"] or "", article["subtitle"] or "",
                            published, article["origin"] or "")
        records = [target.to_dict() for target in extract(document)]

        def store(article: dict[str, Any] = article, records: list[dict[str, Any]] = records
                  ) -> tuple[list[dict[str, Any]], set[str]]:
            with db.atomic():
                old = article_targets(db, article["id"])
                key_records(db, article, records)
                new = replace_targets(db, article, records, version)
                return compare_article(db, article, cutoff, detected), readers(db, old + new, cutoff)

        changes, readers_of_article = retry_busy(store, f"diff: article {article['id']}")
        moved |= readers_of_article
        done.add(article["id"])
        summary.articles += 1
        summary.targets += len(records)
        summary.changes.update(change["change_type"] for change in changes)
    for ident in sorted(moved - done):
        article = get_article(db, ident)
        if article is None:
            continue

        def recompare(article: dict[str, Any] = article) -> list[dict[str, Any]]:
            with db.atomic():
                return compare_article(db, article, cutoff, detected)

        changes = retry_busy(recompare, f"diff: compare article {article['id']}")
        summary.recompared += 1
        summary.changes.update(change["change_type"] for change in changes)
    return summary
