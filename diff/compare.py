"""Comparing a new mention with the baseline and the latest earlier mention: change records.

Pure functions over target rows (dicts with the columns of the ``targets`` table, including
``indicator_key``). "Earlier mentions" are the baseline targets and the targets of articles
compared before, of the same indicator key and region, in publication order (oldest first).

Change types (DESIGN.md): ``new``, ``revised``, ``rescheduled``, ``extended``, ``reaffirmed``,
``progress``. ``old_*`` describe the mention compared with (the latest earlier one), so a
second revision reads 750 → 800 → 850; ``baseline_target_id`` names the baseline target of
the same year (else the baseline's latest year). ``delta`` is always new value − old value;
``progress`` is the share of the target reached, a fraction (0.55 = 55 %, above 1 when
exceeded).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Row = Mapping[str, Any]

CHANGE_TYPES = ("new", "revised", "rescheduled", "extended", "reaffirmed", "progress")


def change_id(target_id: str) -> str:
    """Stable id of the change a target produces (one change at most per target).

    :param target_id: the new target's id
    """
    return hashlib.sha1(f"change:{target_id}".encode()).hexdigest()[:16]


def same_value(a: Row, b: Row) -> bool:
    """Whether two mentions give the same number (and range end), within rounding.

    :param a: a target row
    :param b: another target row
    """
    return _close(a.get("value"), b.get("value")) and _close(a.get("value_max"), b.get("value_max"))


def _close(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return math.isclose(float(x), float(y), rel_tol=1e-9, abs_tol=1e-9)


def _targets(rows: Iterable[Row]) -> list[Row]:
    return [row for row in rows if row.get("kind") == "target" and row.get("value") is not None]


def pick_previous(target: Row, earlier: Sequence[Row]) -> Row | None:
    """The mention a new target is compared with: the latest earlier target of the same year,
    else the latest earlier target of any year.

    :param target: the new target row
    :param earlier: earlier mentions of the same indicator and region, oldest first
    """
    candidates = _targets(earlier)
    same_year = [row for row in candidates if row.get("year") == target.get("year")]
    pool = same_year or candidates
    return pool[-1] if pool else None


def pick_goal(statistic: Row, earlier: Sequence[Row]) -> Row | None:
    """The target a statistic reports progress on: the latest earlier target whose year is not
    before the statistic's, else the latest earlier target.

    :param statistic: a statistic row
    :param earlier: earlier mentions of the same indicator and region, oldest first
    """
    candidates = _targets(earlier)
    year = statistic.get("year")
    open_ = [row for row in candidates if year is None or row.get("year") is None
             or row["year"] >= year]
    pool = open_ or candidates
    return pool[-1] if pool else None


def pick_baseline(target: Row, earlier: Sequence[Row]) -> Row | None:
    """The baseline target a mention is measured against: same year, else the latest year.

    :param target: the new mention
    :param earlier: earlier mentions of the same indicator and region, oldest first
    """
    baseline = [row for row in _targets(earlier) if row.get("is_baseline")]
    same_year = [row for row in baseline if row.get("year") == target.get("year")]
    if same_year:
        return same_year[-1]
    if not baseline:
        return None
    return max(baseline, key=lambda row: row.get("year") or 0)


def change_type(new: Row, previous: Row) -> str:
    """How a new target differs from the one it is compared with.

    Same year: ``reaffirmed`` (same value) or ``revised``. Other year: ``rescheduled`` (same
    value), ``extended`` (a later year with another value) or ``revised`` (an earlier year
    with another value: the promise was brought forward and changed). A missing year on
    either side counts as the same year.

    :param new: the new target row
    :param previous: the earlier target row
    """
    new_year, old_year = new.get("year"), previous.get("year")
    if new_year is None or old_year is None or new_year == old_year:
        return "reaffirmed" if same_value(new, previous) else "revised"
    if same_value(new, previous):
        return "rescheduled"
    return "extended" if new_year > old_year else "revised"


def classify(target: Row, earlier: Sequence[Row]) -> dict[str, Any] | None:
    """The change a new mention makes, or None when it makes none.

    A ``target`` on an indicator with no earlier target is ``new``; otherwise it is compared
    with :func:`pick_previous`. A ``statistic`` is ``progress`` when the baseline has a target
    on its indicator, else nothing (a fact on an indicator nobody promised is not a change).
    A ``qualitative`` goal makes no change.

    :param target: the new target row (``id``, ``article_id``, ``kind``, ``indicator``,
        ``indicator_key``, ``region``, ``value``, ``value_max``, ``unit``, ``year``,
        ``sentence``, ``published``)
    :param earlier: earlier mentions of the same indicator key and region, oldest first
    """
    if target.get("value") is None or target.get("kind") not in ("target", "statistic"):
        return None
    baseline = pick_baseline(target, earlier)
    if target["kind"] == "statistic":
        if baseline is None:
            return None
        goal = pick_goal(target, earlier)
        assert goal is not None
        return _record(target, "progress", goal, baseline)
    previous = pick_previous(target, earlier)
    if previous is None:
        return _record(target, "new", None, None)
    return _record(target, change_type(target, previous), previous, baseline)


def _record(target: Row, kind: str, previous: Row | None, baseline: Row | None) -> dict[str, Any]:
    old_value = previous.get("value") if previous else None
    new_value = target.get("value")
    delta = None if old_value is None or new_value is None else new_value - old_value
    progress = None
    if kind == "progress" and old_value:
        progress = round(new_value / old_value, 4)
    return {
        "id": change_id(target["id"]),
        "change_type": kind,
        "indicator": target.get("indicator"),
        "indicator_key": target.get("indicator_key"),
        "region": target.get("region"),
        "old_value": old_value,
        "old_unit": previous.get("unit") if previous else None,
        "old_year": previous.get("year") if previous else None,
        "new_value": new_value,
        "new_unit": target.get("unit"),
        "new_year": target.get("year"),
        "delta": delta,
        "progress": progress,
        "baseline_target_id": baseline.get("id") if baseline else None,
        "previous_target_id": previous.get("id") if previous else None,
        "target_id": target["id"],
        "article_id": target.get("article_id"),
        "sentence": target.get("sentence"),
        "published": target.get("published"),
    }


def article_changes(targets: Sequence[Row], earlier: Mapping[tuple[Any, Any], Sequence[Row]]
                    ) -> list[dict[str, Any]]:
    """The changes one article makes, one per distinct mention (repeats in the article count once).

    :param targets: the article's target rows, in text order, with ``indicator_key``
    :param earlier: earlier mentions per ``(indicator_key, region)``, oldest first
    """
    changes = []
    seen = set()
    for target in targets:
        ident = (target.get("indicator_key"), target.get("region"), target.get("kind"),
                 target.get("value"), target.get("value_max"), target.get("year"))
        if ident in seen:
            continue
        seen.add(ident)
        change = classify(target, earlier.get((target.get("indicator_key"), target.get("region")), ()))
        if change is not None:
            changes.append(change)
    return changes
