"""Regenerate docs/screenshots/: the weekly digest, the Datasette home page, 本周变化, 基线状态 and
an indicator's chart, rendered by Debian's headless Chromium (scripts/ensure-chromium).

The data: the two baseline documents (``policywatch init``) and the sample follow-ups of
tests/fixtures/followups (invented numbers), read by the real extractor and ``diff``.

Usage: .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policywatch.baseline import load_baseline  # noqa: E402
from policywatch.changes import run_diff  # noqa: E402
from policywatch.normalize import normalize_text  # noqa: E402
from policywatch.store import open_db  # noqa: E402
from policywatch.store.articles import upsert_article  # noqa: E402
from reports.digest import build_digest  # noqa: E402
from tests.publishing_data import start_datasette  # noqa: E402

FOLLOWUPS = ROOT / "tests" / "fixtures" / "followups"
WEEK = "2026-W03"
INDICATOR = {"key": "研发投入强度|percent", "region": "重庆市"}
#: name → path on the Datasette server
PAGES = {
    "digest": f"/digests/{WEEK}.html",
    "home": "/",
    "changes-this-week": "/policywatch/changes_this_week",
    "baseline-status": "/policywatch/baseline_status",
    "indicator-chart": "/-/indicator?" + urlencode(INDICATOR),
}
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]
WIDTH, HEIGHT = 1200, 1600


def sample_database(folder: Path) -> Path:
    """The baseline and the sample follow-ups, compared by ``diff``; the database file."""
    path = folder / "policywatch.db"
    db = open_db(path)
    load_baseline(db)
    manifest = yaml.safe_load((FOLLOWUPS / "manifest.yml").read_text(encoding="utf-8"))
    for document in manifest["documents"]:
        upsert_article(db, {
            "url": f"https://sample.test/followups/{document['file']}", "source": "sample",
            "title": document["title"], "published": str(document["published"]),
            "body": normalize_text((FOLLOWUPS / document["file"]).read_text(encoding="utf-8")),
        })
    run_diff(db)
    db.close()
    return path


def screenshot(url: str, png: Path, profile: Path) -> Path:
    """Render ``url`` in headless Chromium into ``png``."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    result = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                             f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}", url],
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or not png.exists():
        raise SystemExit(f"chromium failed on {url}:\n{result.stderr[-2000:]}")
    return png


def regenerate(out: Path) -> list[Path]:
    """Build the sample, serve it, and write one PNG per page of :data:`PAGES` into ``out``.

    :param out: the folder of the pictures (created)
    """
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="policywatch-shots-") as work:
        folder = Path(work)
        db_path = sample_database(folder)
        process, base = start_datasette(db_path, folder / "digests")
        try:
            db = open_db(db_path)
            build_digest(db, WEEK, folder / "digests", base_url=base)
            db.close()
            return [screenshot(base + path, out / f"{name}.png", folder / f"profile-{name}")
                    for name, path in PAGES.items()]
        finally:
            process.terminate()
            process.wait(10)


def main() -> None:
    """Parse ``--out`` and regenerate the pictures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots",
                        help="folder of the pictures (default docs/screenshots)")
    for png in regenerate(parser.parse_args().out):
        print(png)


if __name__ == "__main__":
    main()
