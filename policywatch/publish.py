"""Starting Datasette on the project's configuration, with the weekly digests mounted.

The scheduler supervises the process built from :func:`datasette_args`; tests start it the
same way. Datasette names a database after its file stem; datasette.yml and metadata.yml
describe the database ``policywatch``, so for a file with another stem a copy of both files
with the database renamed is written next to the database.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "datasette.yml"
METADATA = ROOT / "metadata.yml"
DATABASE_NAME = "policywatch"
DEFAULT_URL = "http://127.0.0.1:8001"


def datasette_url(url: str | None = None) -> str:
    """Base URL of the public Datasette: the argument, ``$POLICYWATCH_DATASETTE_URL`` or the default.

    :param url: an explicit URL, or None
    """
    return (url or os.environ.get("POLICYWATCH_DATASETTE_URL") or DEFAULT_URL).rstrip("/")


def digest_dir_for(db_path: str | os.PathLike[str]) -> Path:
    """The default digest folder: ``digests/`` next to the database.

    :param db_path: the database file
    """
    return Path(db_path).resolve().parent / "digests"


def _for_database(template: Path, stem: str, folder: Path) -> Path:
    """``template`` itself when the database is called policywatch, else a renamed copy."""
    if stem == DATABASE_NAME:
        return template
    data = yaml.safe_load(template.read_text(encoding="utf-8")) or {}
    databases = data.get("databases") or {}
    if DATABASE_NAME in databases:
        databases[stem] = databases.pop(DATABASE_NAME)
    copy = folder / f".{template.stem}-{stem}.yml"
    copy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return copy


def datasette_args(db_path: str | os.PathLike[str], host: str = "127.0.0.1", port: int = 8001,
                   digest_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """The argv that serves the database read-only through Datasette, digests under /digests/.

    The database is opened in mutable mode (never ``-i``) so the crawler can keep writing to
    it in WAL mode while Datasette reads.

    :param db_path: the SQLite database file
    :param host: interface to bind
    :param port: TCP port
    :param digest_dir: folder of digest HTML (default: ``digests/`` next to the database);
        created if missing
    """
    db = Path(db_path).resolve()
    digests = Path(digest_dir).resolve() if digest_dir else digest_dir_for(db)
    digests.mkdir(parents=True, exist_ok=True)
    return [
        sys.executable, "-m", "datasette", "serve", str(db),
        "--host", host, "--port", str(port),
        "--config", str(_for_database(CONFIG, db.stem, db.parent)),
        "--metadata", str(_for_database(METADATA, db.stem, db.parent)),
        "--static", f"digests:{digests}",
    ]
