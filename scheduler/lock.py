"""One scheduler per database: an flock lock file next to the database.

The lock is held for the life of the ``serve`` process and released by the kernel when the
process dies, so a crash never leaves a stale lock behind. The file holds the owner's pid,
which the refusal message shows.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from policywatch.errors import ServiceLockedError


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    """The lock file of a database: ``data/policywatch.db`` → ``data/policywatch.db.lock``.

    :param db_path: the database file
    """
    path = Path(db_path)
    return path.with_name(path.name + ".lock")


class ServiceLock:
    """An exclusive, non-blocking flock on the database's lock file (a context manager)."""

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        """Prepare the lock for ``db_path``; :meth:`acquire` takes it."""
        self.db_path = Path(db_path)
        self.path = lock_path(db_path)
        self._fd: int | None = None

    def acquire(self) -> ServiceLock:
        """Take the lock or raise :class:`ServiceLockedError` naming the pid that holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise ServiceLockedError(
                f"another policywatch serve is running on {self.db_path} (pid {holder})"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        os.fsync(fd)
        # Children (crawls, Datasette) must not inherit the lock.
        os.set_inheritable(fd, False)
        self._fd = fd
        return self

    def release(self) -> None:
        """Release the lock (the file stays; its content no longer matters)."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> ServiceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
