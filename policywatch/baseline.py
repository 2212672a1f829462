"""The baseline: the documents every later mention is compared with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlite_utils import Database

from diff.extract import EXTRACTOR_VERSION, extract_targets
from policywatch.errors import ConfigError
from policywatch.normalize import normalize_line, normalize_text
from policywatch.store.articles import get_article, upsert_article
from policywatch.store.targets import replace_targets

BASELINE_DIR = Path(__file__).resolve().parent.parent / "baseline"
SOURCE = "baseline"


class BaselineDocument(BaseModel):
    """One entry of baseline/manifest.yml."""

    model_config = ConfigDict(extra="forbid")

    file: str
    title: str
    origin: str = "重庆日报"
    published: dt.date
    page: str | None = None
    plenary: str | None = None
    url: str | None = None

    def article_url(self) -> str:
        """The document's URL, or a ``baseline:`` URI naming its file."""
        return self.url or f"baseline:{self.file}"


def load_manifest(directory: Path = BASELINE_DIR) -> list[BaselineDocument]:
    """The documents listed in ``manifest.yml`` of a baseline directory.

    :param directory: folder holding manifest.yml and the documents
    """
    manifest = directory / "manifest.yml"
    try:
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        return [BaselineDocument.model_validate(entry) for entry in data["documents"]]
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValidationError) as error:
        raise ConfigError(f"{manifest}: invalid baseline manifest: {error}") from None


def load_baseline(db: Database, directory: Path = BASELINE_DIR) -> list[dict[str, Any]]:
    """Store each baseline document as an article of source ``baseline`` with its targets.

    Idempotent: documents and targets already stored with this extractor are left alone.

    :param db: the database
    :param directory: folder holding manifest.yml and the documents
    :return: one summary dict per document (``title``, ``status``, ``targets``)
    """
    summary = []
    for document in load_manifest(directory):
        path = directory / document.file
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ConfigError(f"{path}: cannot read baseline document: {error}") from None
        ident, status = upsert_article(
            db,
            {
                "url": document.article_url(),
                "source": SOURCE,
                "title": normalize_line(document.title),
                "published": document.published.isoformat(),
                "origin": document.origin,
                "page": document.page,
                "tags": ["plenary"] if document.plenary else [],
                "is_plenary": bool(document.plenary),
                "is_baseline": True,
                "body": normalize_text(raw),
            },
        )
        article = get_article(db, ident)
        assert article is not None
        if article["extractor_version"] != EXTRACTOR_VERSION:
            records = extract_targets(article["body"], published=document.published,
                                      title=article["title"], source=document.origin)
            replace_targets(db, article, [r.to_dict() for r in records], EXTRACTOR_VERSION)
            status = status if status != "unchanged" else "re-extracted"
        count = db["targets"].count_where("article_id = ?", [ident])
        summary.append({"title": article["title"], "status": status, "targets": count})
    return summary
