"""Compile the extractor (the modules diff.extract imports) in place with mypyc: ``make compiled``.

Writes the extension modules next to their sources and diff/compiled.json, the hash of each
compiled source that importing diff checks. ``make interpreted`` removes both, and runs first. Needs a C
compiler, the Python headers and requirements-compiled.lock (mypy, which brings mypyc).

Run: .venv/bin/python scripts/compile_diff.py
"""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIFF = ROOT / "diff"
sys.path.insert(0, str(ROOT))

from diff.compiled import is_extension, write_marker  # noqa: E402

SHARED_LIBRARY = "diff.extractor"  # mypyc's runtime for the group: diff/extractor__mypyc.*.so
_LIST_MODULES = ("import sys, diff.extract; "
                 "print(*sorted(m for m in sys.modules if m.startswith('diff.')))")
_SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

setup(name="policywatch-extractor", script_args=["build_ext", "--inplace"],
      ext_modules=mypycify({paths!r}, group_name={group!r}, target_dir="build/mypyc"))
"""


def extractor_sources() -> list[Path]:
    """The sources of the modules ``diff.extract`` imports (diff/compiled.py, the guard, stays
    interpreted)."""
    listed = subprocess.run([sys.executable, "-c", _LIST_MODULES], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.split()
    return [DIFF / f"{name.removeprefix('diff.')}.py" for name in listed
            if name != "diff.compiled" and not name.endswith("__mypyc")]


def compile_in_place(sources: list[Path]) -> None:
    """Compile ``sources`` with mypyc; the extension modules land beside them."""
    paths = [str(path.relative_to(ROOT)) for path in sources]
    setup = _SETUP.format(paths=paths, group=SHARED_LIBRARY)
    subprocess.run([sys.executable, "-c", setup], cwd=ROOT, check=True)


def compiled_count() -> int:
    """How many diff modules a fresh interpreter loads compiled once diff.extract is imported."""
    probe = ("import sys, diff.extract; from diff.compiled import is_compiled; "
             "print(sum(is_compiled(m) for n, m in list(sys.modules.items()) if n.startswith('diff.') and not n.endswith('__mypyc')))")
    return int(subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout)


def main() -> None:
    """Compile the extractor and record what was compiled (run after ``make interpreted``)."""
    sources = extractor_sources()
    try:
        compile_in_place(sources)
    except subprocess.CalledProcessError:
        for path in DIFF.iterdir():
            if is_extension(path.name):
                path.unlink()  # whatever part was built: importing diff refuses it unrecorded
        sys.exit("Error: mypyc could not compile diff/ (see above); it stays interpreted")
    write_marker(DIFF, sources, f"mypyc {version('mypy')}")
    count = compiled_count()
    if count != len(sources):
        sys.exit(f"Error: {count} of {len(sources)} diff modules load compiled")
    print(f"compiled {count} diff modules with mypyc {version('mypy')}")


if __name__ == "__main__":
    main()
