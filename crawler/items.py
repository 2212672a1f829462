"""Items the spiders yield: one article, raw text, normalised by the pipelines."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ArticleItem:
    """One article as found on a page (title and body not yet normalised)."""

    url: str
    source: str
    title: str
    body: str
    published: str | None = None
    subtitle: str = ""
    author: str = ""
    origin: str = ""
    page: str = ""
    tags: list[str] = field(default_factory=list)
    is_plenary: bool = False
    parts: list[str] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None

    def to_row(self) -> dict[str, Any]:
        """The dict :func:`policywatch.store.articles.upsert_article` takes."""
        row = asdict(self)
        row.pop("parts")
        for key in ("subtitle", "author", "origin", "page"):
            row[key] = row[key] or None
        return row


@dataclass
class JobSummary:
    """The last item of a Scrapyd job: its counts and errors, proof that the feed is whole."""

    counts: dict[str, int]
    errors: list[str]
    record: str = "summary"
