"""One scheduler per database: flock on a lock file next to the database, and on the file itself.

Both are keyed on the database's real path (symlinks resolved), so ``serve --db link.db``
meets the lock of ``serve --db data/policywatch.db`` when ``link.db`` points there; the flock
on the database file itself also catches a second name for it (a hard link, another mount).
Locks are held for the life of the ``serve`` process and released by the kernel when the
process dies, so a crash never leaves a stale lock behind. The lock file holds the owner's
pid, which the refusal message shows. SQLite uses POSIX record locks, which flock does not
touch, so the flock on the database file does not get in the way of other readers and writers.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from policywatch.errors import DatabaseFileError, ServiceLockedError


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    """The lock file of a database: ``data/policywatch.db`` → ``data/policywatch.db.lock``.

    Symlinks are resolved first: every name of one database has the same lock file.

    :param db_path: the database file
    """
    path = Path(db_path).resolve()
    return path.with_name(path.name + ".lock")


class ServiceLock:
    """An exclusive, non-blocking flock on the lock file and the database (a context manager)."""

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        """Prepare the lock for ``db_path``; :meth:`acquire` takes it."""
        self.db_path = Path(db_path)
        self.path = lock_path(db_path)
        self._fds: list[int] = []

    def acquire(self) -> ServiceLock:
        """Take the lock or raise :class:`ServiceLockedError` naming the pid that holds it.

        :raises DatabaseFileError: when the lock file or the database cannot be opened
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise DatabaseFileError(f"{self.path}: cannot be created: {error.strerror}") from None
        try:
            database = os.open(self.db_path.resolve(), os.O_RDONLY | os.O_CREAT, 0o644)
        except OSError as error:
            os.close(fd)
            raise DatabaseFileError(f"{self.db_path}: cannot be opened: {error.strerror}") from None
        for held in (fd, database):
            os.set_inheritable(held, False)  # children (crawls, Datasette) must not hold it
            try:
                fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                os.close(fd)
                os.close(database)
                raise ServiceLockedError(
                    f"another policywatch serve is running on {self.db_path} (pid {holder})"
                ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        os.fsync(fd)
        self._fds = [fd, database]
        return self

    def release(self) -> None:
        """Release the lock (the file stays; its content no longer matters)."""
        for fd in self._fds:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        self._fds = []

    def __enter__(self) -> ServiceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
