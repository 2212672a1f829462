"""The digest and Datasette pages rendered in Debian's headless Chromium are not blank.

Needs ``chromium`` and a CJK font (Debian: ``apt-get install -y chromium fonts-wqy-microhei``);
``make test`` installs them through scripts/ensure-chromium.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from policywatch.store import open_db
from reports.digest import build_digest
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
