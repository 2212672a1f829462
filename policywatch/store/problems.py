"""The article_problems table: articles the diff trimmed, is trying, or has quarantined.

``state`` is ``trimmed`` (text cut or split before extraction; processed), ``attempt`` (an
extraction started and has not finished: the process may have been killed) or ``quarantined``
(extraction failed, overran its time budget, or never finished in :data:`MAX_ATTEMPTS` tries;
the article is skipped until the extractor version changes). The ``quarantine`` view shows
the last kind in Datasette.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from policywatch import clock

#: Extractions of one article that may start without finishing before it is quarantined.
MAX_ATTEMPTS = 2


def _row(article: dict[str, Any], version: str, **values: Any) -> dict[str, Any]:
    return {"article_id": article["id"], "source": article.get("source"), "url": article.get("url"),
            "title": article.get("title"), "published": article.get("published"),
            "extractor_version": version, "updated": clock.now_iso(), **values}


def start_attempt(db: Database, article: dict[str, Any], version: str) -> int:
    """Record that extraction of ``article`` starts; how many attempts (this one included).

    Attempts counted under another extractor version start again from one.

    :param article: the article row
    :param version: extractor version
    """
    with db.atomic():
        old = next(db["article_problems"].rows_where("article_id = ?", [article["id"]]), None)
        attempts = 1
        if old is not None and old["extractor_version"] == version and old["state"] == "attempt":
            attempts = (old["attempts"] or 0) + 1
        db["article_problems"].upsert(
            _row(article, version, state="attempt", attempts=attempts, note="", error=""),
            pk="article_id")
    return attempts


def finish_attempt(db: Database, article: dict[str, Any], version: str, note: str) -> None:
    """Extraction succeeded: keep a ``trimmed`` row when the text was cut, else none.

    Call inside the transaction that stores the article's targets.

    :param article: the article row
    :param version: extractor version
    :param note: what bounding did to the text ("" when nothing)
    """
    db.execute("DELETE FROM article_problems WHERE article_id = ?", [article["id"]])
    if note:
        db["article_problems"].insert(_row(article, version, state="trimmed", attempts=1,
                                           note=note, error=""), pk="article_id")


def quarantine(db: Database, article: dict[str, Any], version: str, error: str,
               note: str = "") -> None:
    """Set an article aside with its error; the diff skips it until the extractor changes.

    :param article: the article row
    :param version: extractor version
    :param error: why, one line
    :param note: what bounding did to the text
    """
    with db.atomic():
        db["article_problems"].upsert(_row(article, version, state="quarantined", error=error,
                                           note=note), pk="article_id")


def quarantined_ids(db: Database, version: str) -> set[str]:
    """Articles quarantined under ``version``.

    :param version: extractor version
    """
    return {row[0] for row in db.execute(
        "SELECT article_id FROM article_problems WHERE state = 'quarantined' AND extractor_version = ?",
        [version])}


def problem_counts(db: Database) -> dict[str, dict[str, int]]:
    """Per source: how many articles are ``trimmed`` and ``quarantined``."""
    counts: dict[str, dict[str, int]] = {}
    for source, state, count in db.execute(
            "SELECT source, state, count(*) FROM article_problems GROUP BY source, state"):
        counts.setdefault(source, {})[state] = count
    return counts
