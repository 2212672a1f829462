"""Child processes: crawls and digests with a timeout, and a Datasette kept alive.

Every child starts in its own session (so its own process group); stopping a child kills the
whole group, so a crawl's or Datasette's own children never outlive the service. Children are
started through :mod:`scheduler.orphans`, so they also die if the service is killed outright. Output of
every child goes, line by line, to the service log.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence

from policywatch.errors import PolicywatchError

log = logging.getLogger("policywatch.service")

_children: dict[int, subprocess.Popen[bytes]] = {}
_children_lock = threading.Lock()
_stopping = threading.Event()


class ChildTimeout(PolicywatchError):
    """A child process ran past its timeout and was killed."""


class ServiceStopping(PolicywatchError):
    """The service is stopping: no new child is started."""


def stopping() -> bool:
    """Whether :func:`stop_all` was called (the service is shutting down)."""
    return _stopping.is_set()


def spawn(argv: Sequence[str], label: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start ``argv`` in a new process group, logging its output under ``label``.

    :param argv: program and arguments
    :param label: short name used in log lines (``crawl cqrb``, ``datasette``)
    :param env: extra environment variables
    """
    if _stopping.is_set():
        raise ServiceStopping(f"{label}: not started, the service is stopping")
    wrapped = [sys.executable, "-m", "scheduler.orphans", str(os.getpid()), *argv]
    proc = subprocess.Popen(
        wrapped, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True, env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )
    with _children_lock:
        _children[proc.pid] = proc
    threading.Thread(target=_pump, args=(proc, label), name=f"log {label}", daemon=True).start()
    log.info("%s: started (pid %d)", label, proc.pid)
    return proc


def _pump(proc: subprocess.Popen[bytes], label: str) -> None:
    assert proc.stdout is not None
    for raw in proc.stdout:
        line = raw.decode("utf-8", "replace").rstrip()
        if line:
            log.info("%s: %s", label, line)
    proc.stdout.close()


def kill_group(proc: subprocess.Popen[bytes], grace: float = 5.0) -> None:
    """Stop a child and everything in its process group: SIGTERM, then SIGKILL after ``grace``.

    :param proc: a process started by :func:`spawn`
    :param grace: seconds to wait for a clean exit
    """
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, grace)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        # The leader is gone; make sure nothing else of its group survives.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        break
    _forget(proc)


def _forget(proc: subprocess.Popen[bytes]) -> None:
    with _children_lock:
        _children.pop(proc.pid, None)


def run_command(argv: Sequence[str], label: str, timeout: float) -> int:
    """Run a child to completion and return its exit code; kill its group after ``timeout`` s.

    :param argv: program and arguments
    :param label: short name for the log
    :param timeout: seconds before the child is killed
    :raises ChildTimeout: when it ran too long
    """
    proc = spawn(argv, label)
    started = time.monotonic()
    try:
        code = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        log.error("%s: still running after %.0f s, killing it", label, timeout)
        kill_group(proc)
        raise ChildTimeout(f"{label}: killed after {timeout:.0f} s") from None
    _forget(proc)
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # orphans the leader may have left behind
    except ProcessLookupError:
        pass
    log.info("%s: exited with %d after %.1f s", label, code, time.monotonic() - started)
    return code


def stop_all(grace: float = 5.0) -> int:
    """Refuse new children and kill every running one (service shutdown); return how many.

    :param grace: seconds each child gets to exit cleanly
    """
    _stopping.set()
    with _children_lock:
        procs = list(_children.values())
    threads = [threading.Thread(target=kill_group, args=(proc, grace)) for proc in procs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(procs)


def reset() -> None:
    """Allow children again after :func:`stop_all` (a new service in the same process)."""
    _stopping.clear()


class Supervisor:
    """Keep one long-running child (Datasette) alive: restart it when it dies, until stopped."""

    def __init__(self, argv: Sequence[str], label: str, max_backoff: float = 30.0) -> None:
        """Prepare to run ``argv``; :meth:`start` launches it."""
        self.argv = list(argv)
        self.label = label
        self.max_backoff = max_backoff
        self.restarts = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"supervise {label}", daemon=True)

    def start(self) -> Supervisor:
        """Launch the child and the thread that watches it."""
        self._thread.start()
        return self

    def _loop(self) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                self.proc = spawn(self.argv, self.label)
            except (OSError, PolicywatchError) as error:
                log.error("%s: cannot start: %s", self.label, error)
                self.proc = None
            if self.proc is not None:
                if self._stop.is_set():  # stop() came while we were starting it
                    kill_group(self.proc)
                    return
                code = self.proc.wait()
                _forget(self.proc)
                if self._stop.is_set():
                    return
                log.warning("%s: exited with %s, restarting", self.label, code)
            if time.monotonic() - started > 60:
                backoff = 1.0
            self.restarts += 1
            self._stop.wait(backoff)
            backoff = min(backoff * 2, self.max_backoff)

    def stop(self, grace: float = 5.0) -> None:
        """Stop watching and kill the child's process group.

        :param grace: seconds the child gets to exit cleanly
        """
        self._stop.set()
        if self.proc is not None and self.proc.poll() is None:
            kill_group(self.proc, grace)
        self._thread.join(timeout=grace * 2 + 1)
