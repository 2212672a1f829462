"""The articles table: idempotent upserts, reprint detection and search indexing."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from sqlite_utils import Database

from policywatch import clock
from policywatch.search import index_terms

ARTICLE_FIELDS = (
    "url", "source", "title", "subtitle", "published", "author", "origin", "page",
    "is_plenary", "is_baseline", "etag", "last_modified",
)


def article_id(url: str) -> str:
    """Stable id of an article: the first 16 hex digits of the SHA-1 of its canonical URL.

    :param url: canonical URL
    """
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def content_hash(body: str) -> str:
    """Hash of a normalised body, ignoring whitespace, used to spot reprints.

    :param body: normalised text
    """
    return hashlib.sha1("".join(body.split()).encode("utf-8")).hexdigest()


def _index(db: Database, rowid: int, title: str, body: str,
           old: dict[str, Any] | None = None) -> None:
    """Index an article's title and body (``old``: the row indexed before, to unindex first)."""
    if old is not None and old.get("body") is not None:
        db.execute(
            "INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
            [rowid, index_terms(old.get("title")), index_terms(old["body"])],
        )
    db.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
               [rowid, index_terms(title), index_terms(body)])


def article_transaction(db: Database) -> AbstractContextManager[Any]:
    """A transaction for storing one article, or none inside the caller's (a batch).

    A savepoint per article of a batch would make FTS5 write its pending terms out as a new
    index segment for every article (a third of a batch's cost). Inside a batch the caller's
    transaction makes each article atomic: on an error it rolls back, never commits.

    :param db: the open database
    """
    return contextlib.nullcontext() if db.conn.in_transaction else db.atomic()


def upsert_article(db: Database, article: dict[str, Any]) -> tuple[str, str]:
    """Store one article atomically and return ``(id, status)``.

    Status is ``new``, ``updated`` (the body changed: it will be extracted again),
    ``unchanged`` (only ``last_seen`` moves) or ``duplicate`` (same body as an article
    stored under another URL: kept as a link, ``dup_of``, without a body of its own).

    :param article: ``url``, ``source``, ``title`` and ``body`` (normalised), plus any of
        ``subtitle``, ``published`` (YYYY-MM-DD), ``author``, ``origin``, ``page``, ``tags``
        (list), ``is_plenary``, ``is_baseline``, ``etag``, ``last_modified``
    """
    now = clock.now_iso()
    ident = article_id(article["url"])
    digest = content_hash(article["body"])
    row = {field: article.get(field) for field in ARTICLE_FIELDS}
    row.update(id=ident, tags=json.dumps(article.get("tags") or [], ensure_ascii=False))
    row["is_plenary"] = int(bool(row["is_plenary"]))
    row["is_baseline"] = int(bool(row["is_baseline"]))
    with article_transaction(db):  # plain statements: this runs once per crawled page
        existing = _one(db, "SELECT rowid, * FROM articles WHERE id = ?", [ident])
        if existing is not None:
            if existing["content_hash"] == digest or existing["dup_of"]:
                db.execute("UPDATE articles SET last_seen = ? WHERE id = ?", [now, ident])
                return ident, "unchanged"
            row.update(body=article["body"], content_hash=digest, last_seen=now,
                       extractor_version=None)
            db.execute(f"UPDATE articles SET {', '.join(f'{field} = ?' for field in row)}"
                       " WHERE id = ?", [*row.values(), ident])
            _index(db, existing["rowid"], row["title"] or "", article["body"], existing)
            return ident, "updated"
        original = _one(db, "SELECT id FROM articles WHERE content_hash = ? AND dup_of IS NULL"
                        " LIMIT 1", [digest])
        row.update(content_hash=digest, first_seen=now, last_seen=now)
        if original is not None:
            row.update(body=None, dup_of=original["id"])
            _insert(db, row)
            return ident, "duplicate"
        row["body"] = article["body"]
        _index(db, _insert(db, row), row["title"] or "", article["body"])
        return ident, "new"


def _one(db: Database, sql: str, params: list[Any]) -> dict[str, Any] | None:
    """The first row of a query as a dict, or None."""
    cursor = db.execute(sql, params)
    found = cursor.fetchone()
    return None if found is None else dict(zip([c[0] for c in cursor.description], found, strict=True))


def _insert(db: Database, row: dict[str, Any]) -> int:
    """Insert an article row; its rowid."""
    cursor = db.execute(f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                        list(row.values()))
    return cursor.lastrowid


def get_article(db: Database, ident: str) -> dict[str, Any] | None:
    """One article by id, or None.

    :param ident: article id
    """
    return next(db["articles"].rows_where("id = ?", [ident]), None)


def stored_urls(db: Database, urls: Iterable[str]) -> set[str]:
    """Which of ``urls`` are already stored (so the crawler need not fetch them again).

    :param urls: canonical URLs
    """
    ids = {article_id(url): url for url in urls}
    found: set[str] = set()
    keys = list(ids)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for (ident,) in db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk):
            found.add(ids[ident])
    return found


def articles_to_extract(db: Database, version: str, reprocess: bool = False) -> Iterator[dict[str, Any]]:
    """Articles whose targets were not yet extracted with ``version``, oldest first.

    :param version: extractor version
    :param reprocess: include every article, whatever version processed it
    """
    where = "dup_of IS NULL AND body IS NOT NULL"
    params: list[Any] = []
    if not reprocess:  # three index ranges of extractor_version, not a scan of the archive
        where += (" AND rowid IN (SELECT rowid FROM articles WHERE extractor_version IS NULL"
                  " UNION ALL SELECT rowid FROM articles WHERE extractor_version < ?"
                  " UNION ALL SELECT rowid FROM articles WHERE extractor_version > ?)")
        params += [version, version]
    yield from db["articles"].rows_where(where, params, order_by="published, id")
