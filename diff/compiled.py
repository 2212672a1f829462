"""The opt-in compiled build of the extractor (``make compiled``): its record and its guard.

``make compiled`` compiles the modules :mod:`diff.extract` imports with mypyc, writing the
extension modules next to their sources and a marker (``compiled.json``) with a hash of each
compiled source. Python imports an extension module before the source beside it, so a source
edited after the build would be silently ignored: importing :mod:`diff` checks the marker and
refuses to go on when a compiled source has changed. Without compiled modules nothing is read
but this directory's listing.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
from pathlib import Path
from types import ModuleType

MARKER = "compiled.json"
_FIX = "run `make compiled` to rebuild, or `make interpreted` to go back to the sources"


class StaleBuildError(ImportError):
    """Compiled modules of diff/ do not match their sources."""


def source_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_marker(directory: Path, sources: list[Path], compiler: str) -> None:
    """Record the compiled sources of ``directory`` and their hashes.

    :param directory: the package directory the extension modules were written to
    :param sources: the compiled sources
    :param compiler: what compiled them (``mypyc 2.4.1``)
    """
    record = {"compiler": compiler,
              "sources": {path.name: source_hash(path) for path in sorted(sources)}}
    (directory / MARKER).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def is_extension(name: str) -> bool:
    """Whether a file name is a compiled extension module's (``x.cpython-311-….so``)."""
    return name.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def is_compiled(module: ModuleType) -> bool:
    """Whether a module was loaded from a compiled extension module."""
    return is_extension(getattr(module, "__file__", None) or "")


def stale_sources(directory: Path) -> list[str]:
    """The sources of ``directory`` that no longer match their compiled modules.

    :param directory: a package directory that may hold compiled modules
    """
    if not directory.is_dir():
        return []  # imported from a zipped egg (Scrapyd), which cannot load compiled modules
    names = os.listdir(directory)
    if MARKER not in names:
        return sorted(name for name in names if is_extension(name))  # compiled, unrecorded
    recorded = json.loads((directory / MARKER).read_text(encoding="utf-8"))["sources"]
    return [name for name, digest in sorted(recorded.items())
            if not (directory / name).exists() or source_hash(directory / name) != digest]


def check_build(directory: Path) -> None:
    """Fail when ``directory``'s compiled modules are stale (see :func:`stale_sources`).

    :param directory: a package directory that may hold compiled modules
    """
    stale = stale_sources(directory)
    if stale:
        raise StaleBuildError(
            f"{directory.name}/ has compiled modules that do not match "
            f"{', '.join(stale)}: {_FIX}")
