"""Compile the extractor (the modules diff.extract imports) in place with mypyc: ``make compiled``.

Writes the extension modules next to their sources and diff/compiled.json, the hash of each
compiled source, which importing diff checks. ``make interpreted`` removes both (and runs
first). Needs a C compiler, the Python headers and requirements-compiled.lock (mypy: mypyc).

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
_PROBE = ("import sys, diff.extract; from diff.compiled import is_compiled; "
          "print(*(f'{name}={is_compiled(module):d}' for name, module in sorted(sys.modules.items())"
          " if name.startswith('diff.') and not name.endswith('__mypyc')))")
_SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

setup(name="policywatch-extractor", script_args=["build_ext", "--inplace"],
      ext_modules=mypycify({paths!r}, group_name={group!r}, target_dir="build/mypyc"))
"""


def loaded_modules() -> dict[str, bool]:
    """The diff modules a fresh interpreter loads to import diff.extract, and whether each
    was loaded compiled."""
    printed = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
    return {name: flag == "1" for name, flag in (item.split("=") for item in printed)}


def compile_in_place(sources: list[Path]) -> None:
    """Compile ``sources`` with mypyc; the extension modules land beside them."""
    paths = [str(path.relative_to(ROOT)) for path in sources]
    setup = _SETUP.format(paths=paths, group=SHARED_LIBRARY)
    subprocess.run([sys.executable, "-c", setup], cwd=ROOT, check=True)


def main() -> None:
    """Compile the extractor and record what was compiled (run after ``make interpreted``)."""
    names = [name for name in loaded_modules() if name != "diff.compiled"]  # the guard stays
    sources = [DIFF / f"{name.removeprefix('diff.')}.py" for name in names]
    try:
        compile_in_place(sources)
    except subprocess.CalledProcessError:
        for path in DIFF.iterdir():
            if is_extension(path.name):
                path.unlink()  # whatever part was built: importing diff refuses it unrecorded
        sys.exit("Error: mypyc could not compile diff/ (see above); it stays interpreted")
    write_marker(DIFF, sources, f"mypyc {version('mypy')}")
    compiled = [name for name, is_compiled in loaded_modules().items() if is_compiled]
    if compiled != names:
        sys.exit(f"Error: {len(compiled)} of {len(names)} diff modules load compiled")
    print(f"compiled {len(names)} diff modules with mypyc {version('mypy')}")


if __name__ == "__main__":
    main()
