"""The targets table: extracted records, replaced whole per article."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from policywatch.search import index_terms

TARGET_FIELDS = (
    "kind", "indicator", "indicator_key", "value", "value_max", "unit", "comparator", "year",
    "region", "sentence", "start", "end", "year_source", "region_source",
)


def target_id(article_id: str, record: dict[str, Any]) -> str:
    """Stable id of a target: article, position, kind and indicator.

    :param article_id: the article it came from
    :param record: the target record
    """
    key = f"{article_id}:{record['start']}:{record['end']}:{record['kind']}:{record['indicator']}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def replace_targets(db: Database, article: dict[str, Any], records: Iterable[dict[str, Any]],
                    version: str) -> list[dict[str, Any]]:
    """Replace an article's targets with ``records`` and mark it extracted with ``version``.

    Runs in one transaction; the caller may wrap it in a larger one (``db.atomic()`` nests).

    :param article: the article row
    :param records: target records (see DESIGN.md)
    :param version: extractor version
    :return: the stored rows
    """
    rows = []
    for record in records:
        row = {field: record.get(field) for field in TARGET_FIELDS}
        row.update(
            id=target_id(article["id"], record),
            article_id=article["id"],
            published=article["published"],
            is_baseline=article["is_baseline"],
            extractor_version=version,
        )
        rows.append(row)
    with db.atomic():
        for rowid, indicator, sentence in db.execute(
                "SELECT rowid, indicator, sentence FROM targets WHERE article_id = ?", [article["id"]]
        ).fetchall():
            db.execute("INSERT INTO targets_fts (targets_fts, rowid, indicator, sentence)"
                       " VALUES ('delete', ?, ?, ?)", [rowid, index_terms(indicator), index_terms(sentence)])
        db.execute("DELETE FROM targets WHERE article_id = ?", [article["id"]])
        if rows:
            db["targets"].insert_all(rows, pk="id", replace=True)
            db.conn.executemany(
                "INSERT INTO targets_fts (rowid, indicator, sentence) VALUES (?, ?, ?)",
                [(rowid, index_terms(indicator), index_terms(sentence)) for rowid, indicator, sentence
                 in db.execute("SELECT rowid, indicator, sentence FROM targets WHERE article_id = ?",
                               [article["id"]]).fetchall()],
            )
        db["articles"].update(article["id"], {"extractor_version": version})
    return rows
