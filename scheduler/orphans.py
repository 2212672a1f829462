"""Children that die with the service, even when it is killed with SIGKILL.

``python -m scheduler.orphans PARENT_PID PROGRAM ARGS...`` asks Linux to send SIGTERM when
the parent dies (``PR_SET_PDEATHSIG``), checks that the parent is still there, and execs the
program. Elsewhere it just execs; the service still kills its children on a normal stop.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask the kernel to SIGTERM this process when its parent thread exits (Linux only)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def main(argv: list[str]) -> None:
    """Set the death signal, make sure the parent still runs, exec the command.

    :param argv: parent pid, then the program and its arguments
    """
    parent, command = int(argv[0]), argv[1:]
    die_with_parent()
    if os.getppid() != parent:  # the service died before the death signal was armed
        raise SystemExit(1)
    os.execvp(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])
