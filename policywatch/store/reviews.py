"""The reviews table: an analyst's verdict on a change or a target, kept across reprocessing.

A review names its subject by ``review_key`` (a generated column of ``changes`` and
``targets``: article, indicator, region and values), not by row id, so ``diff --reprocess``
that rebuilds the rows with new ids finds the same reviews. The latest review of a subject
is its verdict (view ``review_status``).
"""

from __future__ import annotations

from typing import Any, Literal

from sqlite_utils import Database

from policywatch import clock
from policywatch.errors import PolicywatchError

Subject = Literal["change", "target"]
Verdict = Literal["confirmed", "wrong"]
TABLES = {"change": "changes", "target": "targets"}

#: SQL condition, on a ``changes`` row aliased ``c``, that neither it nor the target it
#: comes from was reviewed wrong (a wrong target takes its change with it).
NOT_WRONG = ("not exists (select 1 from review_status rs where rs.subject = 'change'"
             " and rs.subject_key = c.review_key and rs.verdict = 'wrong')"
             " and not exists (select 1 from targets rt join review_status rs"
             " on rs.subject = 'target' and rs.subject_key = rt.review_key"
             " where rt.id = c.target_id and rs.verdict = 'wrong')")


class UnknownSubjectError(PolicywatchError):
    """A review names a change or target id that the database does not have."""


def add_review(db: Database, subject: Subject, subject_id: str, verdict: Verdict,
               reviewer: str, note: str | None = None) -> dict[str, Any]:
    """Record a verdict on a change or target; the stored review row.

    :param db: the database
    :param subject: ``change`` or ``target``
    :param subject_id: the row id shown in Datasette (``changes.id`` or ``targets.id``)
    :param verdict: ``confirmed`` or ``wrong``
    :param reviewer: who reviews
    :param note: why, in the analyst's words
    :raises UnknownSubjectError: when no such row exists
    """
    table = TABLES[subject]
    row = db.execute(f"select review_key, indicator, region, article_id from {table} where id = ?",
                     [subject_id]).fetchone()
    if row is None:
        raise UnknownSubjectError(f'{subject} "{subject_id}" is not in the database '
                                  f"(see the {table} table in Datasette)")
    key, indicator, region, article_id = row
    record = {"subject": subject, "subject_key": key, "verdict": verdict, "reviewer": reviewer,
              "reviewed": clock.now_iso(), "note": note or None, "subject_id": subject_id,
              "indicator": indicator, "region": region, "article_id": article_id}
    with db.atomic():
        cursor = db.execute(
            "insert into reviews (subject, subject_key, verdict, reviewer, reviewed, note,"
            " subject_id, indicator, region, article_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            list(record.values()))
    return {"id": cursor.lastrowid, **record}


def verdict(db: Database, subject: Subject, subject_id: str) -> dict[str, Any] | None:
    """The latest review of a change or target (``review_status`` row), or None.

    :param db: the database
    :param subject: ``change`` or ``target``
    :param subject_id: its row id
    """
    sql = (f"select rs.* from review_status rs join {TABLES[subject]} t on t.review_key = rs.subject_key"
           " where rs.subject = ? and t.id = ?")
    return next(iter(db.query(sql, [subject, subject_id])), None)
