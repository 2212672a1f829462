"""What a Scrapyd job carries: the source's name, the edition days, the window, the known URLs.

Scrapyd hands spider arguments to ``scrapy crawl`` on the command line (``-a name=value``),
and Linux caps one argument at 128 KiB, so the known URLs travel compressed and split into
parts of :data:`PART` characters. A source with more stored URLs than fit
(:data:`MAX_PACKED`, some 100 000 URLs of one site) is refused with a clear error.
"""

from __future__ import annotations

import base64
import datetime as dt
import zlib
from dataclasses import dataclass, field

from policywatch.errors import PolicywatchError

#: characters of one ``knownN`` argument (below Linux's 128 KiB per argument)
PART = 100_000
#: characters of all ``knownN`` arguments together (below the 2 MiB of a whole command line)
MAX_PACKED = 1_500_000


class JobError(PolicywatchError):
    """A job's arguments cannot be built or read."""


@dataclass
class Job:
    """One source's crawl as a Scrapyd job."""

    source: str
    days: list[dt.date] = field(default_factory=list)
    window: tuple[dt.date | None, dt.date | None] = (None, None)
    known: list[str] = field(default_factory=list)


def job_arguments(job: Job) -> dict[str, str]:
    """The spider arguments of ``schedule.json`` for a job.

    :param job: the job
    """
    packed = base64.b64encode(zlib.compress("\n".join(job.known).encode("utf-8"), 9)).decode("ascii")
    if len(packed) > MAX_PACKED:
        raise JobError(f"{job.source}: {len(job.known)} stored URLs do not fit into a Scrapyd job "
                       f"({len(packed)} characters packed, at most {MAX_PACKED})")
    parts = [packed[start:start + PART] for start in range(0, len(packed), PART)]
    since, until = job.window
    arguments = {
        "source": job.source,
        "days": ",".join(day.isoformat() for day in job.days),
        "window": f"{since.isoformat() if since else ''},{until.isoformat() if until else ''}",
        "known_parts": str(len(parts)),
    }
    arguments.update({f"known{index}": part for index, part in enumerate(parts)})
    return arguments


def read_job(arguments: dict[str, str]) -> Job:
    """The job described by spider arguments from :func:`job_arguments`.

    :param arguments: the spider's keyword arguments (strings)
    """
    try:
        count = int(arguments["known_parts"])
        packed = "".join(arguments[f"known{index}"] for index in range(count))
        text = zlib.decompress(base64.b64decode(packed)).decode("utf-8") if packed else ""
        since, until = (dt.date.fromisoformat(v) if v else None
                        for v in arguments.get("window", ",").split(","))
        days = [dt.date.fromisoformat(day) for day in arguments.get("days", "").split(",") if day]
    except (KeyError, ValueError, zlib.error) as error:
        raise JobError(f"the job's arguments cannot be read: {error!r}") from None
    return Job(arguments["source"], days, (since, until), [u for u in text.split("\n") if u])
