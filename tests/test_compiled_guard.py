"""The guard of the compiled build: a compiled diff/ must match its sources (diff/compiled.py).

The packages here are real files in tmp_path (a copy of diff/'s guard beside one module); the
extension module is an empty file, which the guard never lets Python load.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from diff.compiled import (
    MARKER,
    StaleBuildError,
    check_build,
    source_hash,
    stale_sources,
    write_marker,
)

DIFF = Path(__file__).resolve().parent.parent / "diff"
EXTENSION = "numbers.cpython-311-x86_64-linux-gnu.so"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of diff/'s guard with one compiled module and its marker, as make compiled leaves."""
    package = tmp_path / "diff"
    package.mkdir()
    for name in ("__init__.py", "compiled.py"):
        shutil.copy(DIFF / name, package / name)
    (package / "numbers.py").write_text('"""Numbers."""\n\nTEN = 10\n', encoding="utf-8")
    (package / EXTENSION).write_bytes(b"")  # never loaded: the guard runs first
    write_marker(package, [package / "numbers.py"], "mypyc 2.4.1")
    return package


def import_diff(root: Path) -> subprocess.CompletedProcess[str]:
    """Import the package ``diff`` under ``root`` in a fresh interpreter."""
    return subprocess.run([sys.executable, "-c", "import diff"], cwd=root,
                          capture_output=True, text=True)


def test_a_build_that_matches_its_sources_imports(package):
    assert stale_sources(package) == []
    check_build(package)
    assert import_diff(package.parent).returncode == 0


@pytest.mark.parametrize("edit", [
    lambda path: path.write_text(path.read_text(encoding="utf-8") + "TWELVE = 12\n", encoding="utf-8"),
    lambda path: path.unlink(),
])
def test_an_edited_or_removed_source_stops_the_import_of_diff(package, edit):
    edit(package / "numbers.py")
    assert stale_sources(package) == ["numbers.py"]
    with pytest.raises(StaleBuildError, match="numbers.py"):
        check_build(package)
    imported = import_diff(package.parent)
    assert imported.returncode == 1
    message = imported.stderr.strip().splitlines()[-1]
    assert message == ("diff.compiled.StaleBuildError: diff/ has compiled modules that do not "
                       "match numbers.py: run `make compiled` to rebuild, or `make interpreted` "
                       "to go back to the sources")


def test_compiled_modules_without_a_marker_stop_the_import(package):
    (package / MARKER).unlink()
    assert stale_sources(package) == [EXTENSION]
    assert "make interpreted" in import_diff(package.parent).stderr


def test_the_marker_records_a_hash_of_each_compiled_source(package):
    marker = (package / MARKER).read_text(encoding="utf-8")
    assert source_hash(package / "numbers.py") in marker
    assert '"compiler": "mypyc 2.4.1"' in marker


def test_sources_without_compiled_modules_are_not_read(package):
    for path in (package / EXTENSION, package / MARKER):
        path.unlink()
    (package / "numbers.py").write_text("edited freely\n", encoding="utf-8")
    assert stale_sources(package) == []
    assert import_diff(package.parent).returncode == 0


def test_a_zipped_egg_holds_no_compiled_modules(package, tmp_path):
    """Scrapyd imports diff from an egg, a zip file: its diff/ is no directory."""
    eggs = tmp_path / "eggs"
    eggs.mkdir()
    egg = eggs / "policywatch.egg"
    with zipfile.ZipFile(egg, "w") as archive:
        for name in ("__init__.py", "compiled.py"):
            archive.write(package / name, f"diff/{name}")
    imported = subprocess.run([sys.executable, "-c", "import diff; print(diff.__file__)"],
                              cwd=eggs, env={"PYTHONPATH": str(egg)},
                              capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(str(egg))

