"""The egg deployed to Scrapyd: the crawler, the parts of the core it imports, the sources.

Built here rather than by setuptools so that it holds exactly what a spider needs and nothing
of the central database: ``policywatch.store`` is not in it, and neither is the database path
or the ``notify`` and ``scrapyd`` sections of sources.yml (they may name secrets). The version
is a hash of the contents, so a changed spider or source gives a new version.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

import crawler
from crawler.remote import DEPLOYED_SOURCES
from policywatch.config import Config

#: Modules outside ``crawler/`` that it imports (``policywatch.store`` deliberately missing).
OTHER_MODULES = (
    "policywatch/__init__.py", "policywatch/clock.py", "policywatch/cluster_config.py",
    "policywatch/config.py", "policywatch/errors.py", "policywatch/normalize.py",
    "diff/__init__.py", "diff/phrases.py",  # the region names sources.yml is checked against
)
SETTINGS_MODULE = "crawler.settings"
#: A fixed timestamp keeps the egg, and so its version, the same for the same contents.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


@dataclass
class Egg:
    """A built egg: its version and bytes."""

    version: str
    data: bytes


def egg_files(config: Config) -> dict[str, bytes]:
    """The files of the egg by archive name, without the EGG-INFO metadata.

    :param config: the configuration whose sources are deployed
    """
    files: dict[str, bytes] = {}
    package = Path(crawler.__file__).parent
    for path in sorted(package.rglob("*.py")):
        files[f"crawler/{path.relative_to(package).as_posix()}"] = path.read_bytes()
    for name in OTHER_MODULES:
        files[name] = (package.parent / name).read_bytes()
    sources = [source.model_dump(mode="json", exclude={"node"}) for source in config.sources]
    files[f"crawler/{DEPLOYED_SOURCES}"] = yaml.safe_dump(
        {"sources": sources}, allow_unicode=True, sort_keys=False).encode("utf-8")
    return files


def build_egg(config: Config, project: str = "policywatch") -> Egg:
    """Build the egg for ``project`` from the installed code and ``config``'s sources.

    :param config: the configuration whose sources are deployed
    :param project: the Scrapyd project name
    """
    files = egg_files(config)
    digest = hashlib.sha1()
    for name, data in sorted(files.items()):
        digest.update(name.encode("utf-8") + b"\0" + data + b"\0")
    version = "r" + digest.hexdigest()[:12]
    files["EGG-INFO/PKG-INFO"] = (f"Metadata-Version: 1.1\nName: {project}\n"
                                  f"Version: {version}\n").encode("ascii")
    files["EGG-INFO/entry_points.txt"] = f"[scrapy]\nsettings = {SETTINGS_MODULE}\n".encode("ascii")
    files["EGG-INFO/top_level.txt"] = b"crawler\npolicywatch\n"
    files["EGG-INFO/zip-safe"] = b"\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files.items()):
            archive.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return Egg(version, buffer.getvalue())
