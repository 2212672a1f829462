"""Shared fixtures: real SQLite files in temporary folders, the seeds, free ports."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from policywatch.store import open_db

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASELINE = ROOT / "baseline"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a database file that does not exist yet."""
    return tmp_path / "policywatch.db"


@pytest.fixture
def fresh_db(db_path: Path):
    """A migrated, empty database."""
    return open_db(db_path)


@pytest.fixture
def free_port() -> int:
    """A TCP port free on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
