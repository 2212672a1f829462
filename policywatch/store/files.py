"""Checks on the --db file before and after opening it, each failure one readable line.

A file that is not SQLite, another application's database, a read-only file or a read-only
file system are refused before anything is written.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from policywatch.errors import DatabaseFileError

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATION_SET = "policywatch"

__all__ = ["DatabaseFileError", "check_database_file", "check_owner", "describe_error"]


def _existing_ancestor(path: Path) -> Path:
    """The nearest folder above ``path`` that exists."""
    for parent in path.absolute().parents:
        if parent.exists():
            return parent
    return Path("/")


def check_database_file(path: Path) -> None:
    """Refuse a path that cannot hold policywatch's database, before SQLite touches it.

    :param path: the --db file
    :raises DatabaseFileError: not a regular file, not SQLite, or not writable
    """
    if path.exists():
        if not path.is_file():
            raise DatabaseFileError(f"{path}: not a file")
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as error:
            raise DatabaseFileError(f"{path}: cannot be read: {error.strerror}") from None
        if header and header != SQLITE_HEADER:
            raise DatabaseFileError(f"{path}: not a SQLite database (pass --db with a policywatch database)")
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseFileError(f"{path}: read-only (the file and its folder must be writable)")
        return
    folder = _existing_ancestor(path)
    if not os.access(folder, os.W_OK):
        raise DatabaseFileError(f"{path}: cannot be created: {folder} is read-only")


def check_owner(db: Database, path: Path) -> None:
    """Refuse a SQLite database that another application made (it has tables, none of ours).

    :param db: the open database
    :param path: its file, for the message
    :raises DatabaseFileError: when the tables are someone else's
    """
    tables = db.table_names()
    if not tables:
        return
    if "_sqlite_migrations" in tables and db.execute(
        "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1", [MIGRATION_SET]
    ).fetchone():
        return
    shown = ", ".join(sorted(tables)[:5]) + (" …" if len(tables) > 5 else "")
    raise DatabaseFileError(f"{path}: a SQLite database of another application (tables: {shown});"
                            " policywatch needs a file of its own")


def describe_error(path: Path, error: sqlite3.Error) -> str:
    """One line for an SQLite error met while opening ``path``.

    :param path: the --db file
    :param error: what SQLite raised
    """
    text = str(error)
    if "not a database" in text:
        return f"{path}: not a SQLite database (pass --db with a policywatch database)"
    if "readonly" in text or "read-only" in text:
        return f"{path}: read-only (the file and its folder must be writable)"
    if "unable to open" in text:
        return f"{path}: cannot be opened (check the path and its permissions)"
    return f"{path}: {text}"
