"""Every bad input of issue 14 gives one line, ``Error: …``, a non-zero exit and no traceback.

Configuration mistakes are refused when sources.yml loads (``sources list`` already fails);
a --db that cannot be policywatch's database is refused before anything is written.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from policywatch.cli import cli
from policywatch.store import open_db
from tests.publishing_data import start_datasette

LISTING = """sources:
  - name: town
    title: 示例镇政府网
    kind: listing
    start_urls: ["http://127.0.0.1:9/news/"]
    delay: 0
"""


def _config(tmp: Path, text: str) -> Path:
    path = tmp / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _with(line: str) -> str:
    return LISTING + line + "\n"


def _read_only(path: Path, undo: list[Path]) -> None:
    """Make a file or folder read-only, even for root (immutable), and remember to undo it."""
    os.chmod(path, 0o555 if path.is_dir() else 0o444)
    if os.access(path, os.W_OK):  # root ignores modes: make it immutable instead
        subprocess.run(["chattr", "+i", str(path)], check=True)
        undo.append(path)


@pytest.fixture
def undo() -> Iterator[list[Path]]:
    """Paths made immutable by a case, made mutable again afterwards (so tmp can be removed)."""
    paths: list[Path] = []
    yield paths
    for path in paths:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def _not_sqlite(tmp: Path, undo: list[Path]) -> list[str]:
    path = tmp / "notes.db"
    path.write_text("这不是数据库\n" * 50, encoding="utf-8")
    return ["init", "--db", str(path)]


def _other_app(tmp: Path, undo: list[Path]) -> list[str]:
    path = tmp / "shop.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL)")
    return ["init", "--db", str(path)]


def _read_only_file(tmp: Path, undo: list[Path]) -> list[str]:
    path = tmp / "policywatch.db"
    open_db(path).close()
    for extra in tmp.glob("policywatch.db-*"):
        extra.unlink()
    _read_only(path, undo)
    return ["diff", "--db", str(path)]


def _read_only_folder(tmp: Path, undo: list[Path]) -> list[str]:
    folder = tmp / "mounted"
    folder.mkdir()
    _read_only(folder, undo)
    return ["init", "--db", str(folder / "policywatch.db")]


def _sources_list(line: str) -> Callable[[Path, list[Path]], list[str]]:
    def build(tmp: Path, undo: list[Path]) -> list[str]:
        return ["sources", "list", "--db", str(tmp / "policywatch.db"),
                "--config", str(_config(tmp, _with(line)))]
    return build


def _crawl_with(text: str) -> Callable[[Path, list[Path]], list[str]]:
    def build(tmp: Path, undo: list[Path]) -> list[str]:
        return ["crawl", "--db", str(tmp / "policywatch.db"), "--config", str(_config(tmp, text))]
    return build


def _digest_week(week: str) -> Callable[[Path, list[Path]], list[str]]:
    def build(tmp: Path, undo: list[Path]) -> list[str]:
        open_db(tmp / "policywatch.db").close()
        return ["digest", "--week", week, "--no-notify", "--db", str(tmp / "policywatch.db"),
                "--out", str(tmp / "digests")]
    return build


CONFIG = "{tmp}/sources.yml: source \"town\", field "
CASES = [
    ("cron out of range", _sources_list('    schedule: "99 99 99 99 99"'),
     CONFIG + "\"schedule\", minute field \"99\": Error validating expression '99': "
              "the last value (99) is higher than the maximum value (59)"),
    ("cron hour out of range", _sources_list('    schedule: "0 24 * * *"'),
     CONFIG + "\"schedule\", hour field \"24\": Error validating expression '24': "
              "the last value (24) is higher than the maximum value (23)"),
    ("cron step zero", _sources_list('    schedule: "*/0 * * * *"'),
     CONFIG + '"schedule", minute field "*/0": Increment must be higher than 0'),
    ("cron that never fires", _sources_list('    schedule: "0 7 31 2 *"'),
     CONFIG + '"schedule", never fires (no such date)'),
    ("interval of zero", _sources_list('    schedule: "every 0m"'),
     CONFIG + '"schedule", the interval must be longer than zero and at most 366 days'),
    ("interval too long", _sources_list('    schedule: "every 999999999d"'),
     CONFIG + '"schedule", the interval must be longer than zero and at most 366 days'),
    ("bad CSS selector", _sources_list('    selectors: {body: "div[["}'),
     CONFIG + "\"selectors.body\", \"div[[\" is not a valid CSS selector: "
              "Expected ident or '*', got <DELIM '[' at 4>"),
    ("bad XPath selector", _sources_list('    selectors: {title: "//h1[@"}'),
     CONFIG + '"selectors.title", "//h1[@" is not a valid XPath selector: '
              "XPath error: Invalid expression in //h1[@"),
    ("start URL not a URL", _crawl_with(LISTING.replace("http://127.0.0.1:9/news/", "news/index.html")),
     CONFIG + '"start_urls", "news/index.html" is not an http(s) URL'),
    ("edition URL not a URL", _crawl_with(LISTING.replace(
        'kind: listing\n    start_urls: ["http://127.0.0.1:9/news/"]',
        'kind: epaper\n    edition_url: "127.0.0.1/{date:%Y-%m}/node.htm"')),
     CONFIG + '"edition_url", "127.0.0.1/2025-08/node.htm" is not an http(s) URL'),
    ("--db not SQLite", _not_sqlite,
     "{tmp}/notes.db: not a SQLite database (pass --db with a policywatch database)"),
    ("--db of another application", _other_app,
     "{tmp}/shop.db: a SQLite database of another application (tables: customers, orders);"
     " policywatch needs a file of its own"),
    ("--db read-only file", _read_only_file,
     "{tmp}/policywatch.db: read-only (the file and its folder must be writable)"),
    ("--db on a read-only folder", _read_only_folder,
     "{tmp}/mounted/policywatch.db: cannot be created: {tmp}/mounted is read-only"),
    ("--week past the calendar", _digest_week("9999-W52"),
     '"9999-W52" is past the end of the calendar (year 9999)'),
]


@pytest.mark.parametrize("build,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_one_error_line(tmp_path, undo, build, message):
    args = build(tmp_path, undo)
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.splitlines() == ["Error: " + message.format(tmp=tmp_path)]


def test_bad_input_writes_nothing(tmp_path, undo):
    path = tmp_path / "shop.db"
    _other_app(tmp_path, undo)
    before = path.read_bytes()
    CliRunner().invoke(cli, ["init", "--db", str(path)], catch_exceptions=False)
    assert path.read_bytes() == before
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master ORDER BY name")] == [
            "customers", "orders"]


def test_anonymous_post_to_the_query_page_is_a_clean_405(tmp_path):
    db = tmp_path / "policywatch.db"
    open_db(db).close()
    process, base = start_datasette(db, tmp_path / "digests")
    try:
        page = httpx.post(f"{base}/policywatch/-/query", data={"sql": "select 1"})
        api = httpx.post(f"{base}/policywatch/-/query.json?sql=select+1", json={"sql": "select 1"})
        canned = httpx.get(f"{base}/policywatch/articles.json")
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert (page.status_code, page.headers["allow"]) == (405, "GET")
    assert "POST is not accepted here" in page.text
    assert api.status_code == 405 and api.json()["ok"] is False
    assert canned.status_code == 200
