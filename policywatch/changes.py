"""Change detection: extract targets from new articles and record how they move the baseline.

Articles are processed once each, in publication order, each in one transaction: extract →
indicator keys → targets → changes → the later articles it makes stale, queued. Baseline
articles, articles published before the newest baseline document (history) and undated
articles get targets but no change rows. Work per article is bounded: long texts are cut or
split, and an article whose extraction fails or overruns is quarantined.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from sqlite_utils import Database

from diff.compare import article_changes
from diff.identity import IndicatorTableError, indicator_key, load_table
from diff.record import Document
from policywatch import clock
from policywatch.bounds import MAX_TARGETS, bound_text, time_limit
from policywatch.errors import ConfigError, PolicywatchError
from policywatch.store.articles import articles_to_extract
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
from policywatch.store.problems import (
    MAX_ATTEMPTS,
    finish_attempt,
    quarantine,
    quarantined_ids,
    start_attempt,
)
from policywatch.store.recompare import dequeue, enqueue, queue_length, queued_articles
from policywatch.store.targets import replace_targets
from policywatch.store.transactions import retry_busy


class NoBaselineError(PolicywatchError):
    """Changes were asked for before the baseline was loaded."""


#: Queued articles compared again in one transaction.
RECOMPARE_BATCH = 50


@dataclass
class DiffLimits:
    """Time limits of a diff: per article extraction, and for the whole run (None: none)."""

    article_seconds: float = 60.0
    run_seconds: float | None = None


@dataclass
class DiffSummary:
    """What one ``run_diff`` did."""

    articles: int = 0
    targets: int = 0
    recompared: int = 0
    trimmed: int = 0
    quarantined: int = 0
    left: int = 0
    changes: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        """The summary as lines for the terminal."""
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.changes.items()))
        lines = [
            f"articles processed: {self.articles}",
            f"targets extracted: {self.targets}",
            f"later articles compared again: {self.recompared}",
            f"changes: {sum(self.changes.values())}" + (f" ({kinds})" if kinds else ""),
        ]
        if self.trimmed:
            lines.append(f"articles cut or split before extraction: {self.trimmed}")
        if self.quarantined:
            lines.append(f"articles quarantined: {self.quarantined} (see the quarantine table)")
        if self.left:
            lines.append(f"time limit reached: {self.left} articles left for the next run")
        return lines


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
    earlier = earlier_mentions(db, targets, article["published"], article["id"], cutoff)
    week = clock.iso_week(dt.date.fromisoformat(article["published"][:10]))
    changes = [dict(change, week=week) for change in article_changes(targets, earlier)]
    replace_changes(db, article["id"], changes, detected)
    return changes


def run_diff(db: Database, reprocess: bool = False, version: str | None = None,
             extract: Callable[..., list[Any]] | None = None,
             limits: DiffLimits | None = None) -> DiffSummary:
    """Extract targets from articles not yet processed and record their changes.

    Re-running adds nothing. An article stored after later ones were compared (a late
    backfill, or an updated article) makes the later articles that read its targets (see
    :func:`~policywatch.store.changes.articles_reading`) be compared again, and only those:
    they are queued in the article's own transaction (:mod:`policywatch.store.recompare`), so
    a run killed at any moment is finished by the next. Texts are bounded first
    (:mod:`policywatch.bounds`); an article whose extraction fails, overruns
    ``limits.article_seconds`` or never finishes is quarantined
    (:mod:`policywatch.store.problems`) and the rest go on.

    :param db: the database
    :param reprocess: process every article again, whatever extractor version did it
    :param version: extractor version to record (default ``diff.extract.EXTRACTOR_VERSION``)
    :param extract: extractor function of a :class:`diff.record.Document` (default
        ``diff.extract.extract``)
    :param limits: time limits per article and per run (default :class:`DiffLimits`)
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
    run = _Run(db, version, extract, cutoff, limits or DiffLimits())
    fill_missing_keys(db)
    skipped = set() if reprocess else quarantined_ids(db, version)
    pending = [a for a in articles_to_extract(db, version, reprocess) if a["id"] not in skipped]
    if any(article["is_baseline"] for article in pending):
        pending.sort(key=lambda a: (not a["is_baseline"], a["published"] or "", a["id"]))
    for number, article in enumerate(pending):
        if number and run.out_of_time():  # the first article always runs: every run progresses
            run.summary.left = len(pending) - number + queue_length(db)
            return run.summary
        run.process(article)
    run.recompare_queued()
    return run.summary


@dataclass
class _Run:
    """One ``run_diff``: its settings, what it has done so far, and its steps."""

    db: Database
    version: str
    extract: Callable[..., list[Any]]
    cutoff: str
    limits: DiffLimits
    summary: DiffSummary = field(default_factory=DiffSummary)
    detected: str = field(default_factory=clock.now_iso)
    started: float = field(default_factory=time.monotonic)

    def out_of_time(self) -> bool:
        """Whether the run has used up ``limits.run_seconds`` (its work so far is committed)."""
        seconds = self.limits.run_seconds
        return seconds is not None and time.monotonic() - self.started > seconds

    def process(self, article: dict[str, Any]) -> None:
        """Extract one article and store its targets and changes, or quarantine it."""
        db, version = self.db, self.version
        attempts = retry_busy(partial(start_attempt, db, article, version), "diff: attempt")
        bounded = bound_text(article["body"])
        if attempts > MAX_ATTEMPTS:
            error = f"extraction never finished in {MAX_ATTEMPTS} attempts (killed or timed out)"
            self._quarantine(article, error, bounded.note())
            return
        published = dt.date.fromisoformat(article["published"][:10]) if article["published"] else None
        document = Document(bounded.text, article["title"] or "", article["subtitle"] or "",
                            published, article["origin"] or "")
        try:
            with time_limit(self.limits.article_seconds):
                records = [target.to_dict() for target in self.extract(document)]
        except Exception as error:  # noqa: BLE001 - any extractor failure quarantines the article
            self._quarantine(article, f"{type(error).__name__}: {error}", bounded.note())
            return
        if len(records) > MAX_TARGETS:
            self._quarantine(article, f"{len(records)} targets found, more than {MAX_TARGETS}:"
                             " not read as one article", bounded.note())
            return

        def store() -> list[dict[str, Any]]:
            with db.atomic():
                old = article_targets(db, article["id"])
                key_records(db, article, records)
                new = replace_targets(db, article, records, version)
                changes = compare_article(db, article, self.cutoff, self.detected)
                enqueue(db, readers(db, old + new, self.cutoff) - {article["id"]})
                dequeue(db, article["id"])
                finish_attempt(db, article, version, bounded.note())
                return changes

        changes = retry_busy(store, f"diff: article {article['id']}")
        self.summary.articles += 1
        self.summary.targets += len(records)
        self.summary.trimmed += bool(bounded.note())
        self.summary.changes.update(change["change_type"] for change in changes)

    def _quarantine(self, article: dict[str, Any], error: str, note: str) -> None:
        retry_busy(partial(quarantine, self.db, article, self.version, error, note),
                   "diff: quarantine")
        self.summary.quarantined += 1

    def recompare_queued(self) -> None:
        """Compare the queued articles again, a batch per transaction, until none is left."""
        while True:
            if self.out_of_time():
                self.summary.left = queue_length(self.db)
                return
            changes = retry_busy(self._recompare_batch, "diff: compare again")
            if changes is None:
                return
            self.summary.changes.update(change["change_type"] for change in changes)

    def _recompare_batch(self) -> list[dict[str, Any]] | None:
        """One transaction: the next queued articles compared again and taken off the queue."""
        with self.db.atomic():
            batch = queued_articles(self.db, RECOMPARE_BATCH)
            if not batch:
                return None
            changes: list[dict[str, Any]] = []
            for article in batch:
                changes += compare_article(self.db, article, self.cutoff, self.detected)
                dequeue(self.db, article["id"])
            self.summary.recompared += len(batch)
            return changes
