"""SQLite storage: the only package that talks to the database (through sqlite-utils).

Every stage reads and writes through these functions. Writes are idempotent upserts inside
transactions, so a crash leaves no partial rows and re-running is always safe.
"""

from policywatch.store.schema import DEFAULT_DB, database_path, open_db

__all__ = ["DEFAULT_DB", "database_path", "open_db"]
