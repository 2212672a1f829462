"""The digest and Datasette pages rendered in Debian's headless Chromium are not blank, and
the pictures of docs/screenshots (made by scripts/screenshots.py, run here into a temporary
folder) show their pages with the timeline charts drawn.

Needs ``chromium`` and a CJK font (Debian: ``apt-get install -y chromium fonts-wqy-microhei``);
``make test`` installs them through scripts/ensure-chromium.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policywatch.store import open_db
from reports.chart import BASELINE_COLOUR, PROGRESS_COLOUR, TARGET_COLOUR
from reports.digest import build_digest
from tests.conftest import ROOT
from tests.png import colour_counts
from tests.publishing_data import WEEK, build_sample, start_datasette

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]
WIDTH, HEIGHT = 1200, 1600


def screenshot(url: str, folder: Path, name: str) -> Path:
    """Render ``url`` in headless Chromium and return the PNG."""
    png = folder / f"{name}.png"
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={folder / ('profile-' + name)}",
         f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}", url],
        capture_output=True, text=True, timeout=90,
    )
    assert result.returncode == 0 and png.exists(), result.stderr[-2000:]
    return png


def assert_not_blank(png: Path) -> None:
    width, height, counts = colour_counts(png)
    assert (width, height) == (WIDTH, HEIGHT)
    background = counts.most_common(1)[0][1] / (width * height)
    assert len(counts) > 100, f"{png.name}: only {len(counts)} colours"
    assert background < 0.97, f"{png.name}: {background:.1%} of the page is one colour"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shots")
    db_path = folder / "policywatch.db"
    db = open_db(db_path)
    build_sample(db)
    process, base = start_datasette(db_path, folder / "digests")
    build_digest(db, WEEK, folder / "digests", base_url=base)
    db.close()
    yield folder, base
    process.terminate()
    process.wait(10)


def test_chromium_and_a_cjk_font_are_installed():
    assert Path(CHROMIUM).exists(), "install Chromium: apt-get install -y chromium"
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    assert fonts.strip(), "no Chinese font: apt-get install -y fonts-wqy-microhei"


def test_digest_file_renders(served):
    folder, _ = served
    assert_not_blank(screenshot((folder / "digests" / f"{WEEK}.html").as_uri(), folder, "digest"))


def test_digest_served_by_datasette_renders(served):
    folder, base = served
    assert_not_blank(screenshot(f"{base}/digests/{WEEK}.html", folder, "digest-served"))


def test_datasette_search_page_renders(served):
    folder, base = served
    assert_not_blank(screenshot(f"{base}/policywatch/articles?_search=%E5%9F%8E%E5%B8%82",
                                folder, "datasette-search"))


def test_blank_page_is_detected(served):
    folder, _ = served
    blank = folder / "blank.html"
    blank.write_text("<html><body style='background:#fff'></body></html>", encoding="utf-8")
    with pytest.raises(AssertionError, match="colours|one colour"):
        assert_not_blank(screenshot(blank.as_uri(), folder, "blank"))


SCRIPT = ROOT / "scripts" / "screenshots.py"
PAGES = ["digest", "home", "changes-this-week", "baseline-status", "indicator-chart"]


def rgb(colour: str) -> bytes:
    """#8a3ffc → its three bytes, as :func:`tests.png.colour_counts` counts them."""
    return bytes.fromhex(colour.removeprefix("#"))


@pytest.fixture(scope="module")
def pictures(tmp_path_factory):
    """The pictures of docs/screenshots, made by the script that makes them, in a temp folder."""
    out = tmp_path_factory.mktemp("pictures")
    result = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split() == [str(out / f"{name}.png") for name in PAGES]
    return out


@pytest.mark.parametrize("name", PAGES)
def test_each_page_of_the_docs_renders(pictures, name):
    assert_not_blank(pictures / f"{name}.png")


@pytest.mark.parametrize("name", ["digest", "indicator-chart"])
def test_the_timeline_chart_is_drawn(pictures, name):
    _, _, counts = colour_counts(pictures / f"{name}.png")
    for colour, least in ((TARGET_COLOUR, 80), (BASELINE_COLOUR, 40), (PROGRESS_COLOUR, 40)):
        assert counts[rgb(colour)] >= least, f"{name}: {counts[rgb(colour)]} pixels of {colour}"


def test_a_page_without_a_chart_has_none_of_its_colours(pictures):
    _, _, counts = colour_counts(pictures / "home.png")
    assert counts[rgb(TARGET_COLOUR)] == 0 and counts[rgb(PROGRESS_COLOUR)] == 0


def test_the_docs_pictures_are_checked_in_and_shown_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in PAGES:
        assert (ROOT / "docs" / "screenshots" / f"{name}.png").exists()
    assert "docs/screenshots/digest.png" in readme and "docs/screenshots/home.png" in readme
