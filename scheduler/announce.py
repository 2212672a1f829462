"""Print the service's URLs once they answer, never before."""

from __future__ import annotations

import logging
import threading
import urllib.error
import urllib.request

log = logging.getLogger("policywatch.service")


def answers(url: str) -> bool:
    """Whether ``url`` answers 200 now.

    :param url: an http URL (loopback)
    """
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def announce_when_ready(urls: dict[str, str], stop: threading.Event,
                        interval: float = 0.5) -> threading.Thread:
    """Log ``name: url`` for every URL once all of them answer (checked every ``interval`` s).

    :param urls: name → URL, e.g. ``{"datasette": …, "digests": …}``
    :param stop: set it to give up (the service stops)
    :param interval: seconds between checks
    """

    def wait() -> None:
        while not stop.is_set():
            if all(answers(url) for url in urls.values()):
                for name, url in urls.items():
                    log.info("%s: %s", name, url)
                return
            stop.wait(interval)

    thread = threading.Thread(target=wait, name="announce", daemon=True)
    thread.start()
    return thread
