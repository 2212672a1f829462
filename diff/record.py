"""The target record: what the extractor finds and the targets table stores."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Kind = Literal["target", "statistic", "qualitative"]
Comparator = Literal["=", ">=", ">", "<=", "<", "~"]


@dataclass
class Target:
    """One target, statistic or qualitative goal found in a document.

    ``value`` is in base units (2.94万户 → 29400); ``value_max`` is the upper end of a range
    (4.5%-5% → value 4.5, value_max 5) and None otherwise. ``start``/``end`` are offsets of
    the quantity (or, for qualitative goals, of the goal) in the normalised document text.
    """

    kind: Kind
    indicator: str
    value: float | None
    unit: str
    comparator: str
    year: int | None
    region: str
    sentence: str
    start: int
    end: int
    value_max: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict, values that are whole numbers as ints."""
        record = asdict(self)
        for key in ("value", "value_max"):
            number = record[key]
            if isinstance(number, float) and number.is_integer():
                record[key] = int(number)
        return record
