"""The target record, and the document it is read from."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any, Literal

Kind = Literal["target", "statistic", "qualitative"]
Comparator = Literal["=", ">=", ">", "<=", "<", "~"]
#: Where a record's year or region came from, innermost first.
SOURCES = ("sentence", "paragraph", "list", "heading", "lead", "title", "source", "default")


@dataclass(frozen=True)
class Document:
    """A document as the extractor reads it: the normalised body and what stands around it.

    ``title`` is the headline, ``subtitle`` the 引题 and 副题, ``source`` the paper or site;
    offsets of the records point into ``body``.
    """

    body: str
    title: str = ""
    subtitle: str = ""
    published: dt.date | None = None
    source: str = ""


@dataclass
class Target:
    """One target, statistic or qualitative goal found in a document.

    ``value`` is in base units (2.94万户 → 29400); ``value_max`` is the upper end of a range
    (4.5%-5% → value 4.5, value_max 5) and None otherwise. ``start``/``end`` are offsets of
    the quantity (or, for qualitative goals, of the goal) in the normalised document text.
    ``year_source`` and ``region_source`` say where the year and region came from: one of
    :data:`SOURCES` (``default`` for the publication's home region, or no year).
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
    year_source: str = "sentence"
    region_source: str = "default"

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict, values that are whole numbers as ints."""
        record = asdict(self)
        for key in ("value", "value_max"):
            number = record[key]
            if isinstance(number, float) and number.is_integer():
                record[key] = int(number)
        return record
