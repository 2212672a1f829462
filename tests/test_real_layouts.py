"""Saved pages in the layouts of real Chongqing sites, read as the spiders and `extract` read them.

Each page in ``tests/fixtures/pages/`` reproduces one real template (方正 e-paper old and new,
重庆市人民政府 TRS pages, district portals in GBK, 华龙网, 重庆日报网, 上游新闻, a 市级部门 page);
``expected.json`` says what a reader sees on it: title, 引题/副题, date, author, origin, the
first and last paragraph, the paragraph count and strings that must not reach the body.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from crawler.encoding import decode_page
from crawler.extraction import check_body, extract_article
from policywatch.cli import cli
from policywatch.config import Selectors
from policywatch.normalize import normalize_line, normalize_text
from tests.conftest import FIXTURES

PAGES = FIXTURES / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
COMMON_FORBIDDEN = EXPECTED.pop("_common_forbidden")


def _read(name: str, content_type: str = "text/html") -> tuple[str, dict]:
    """Decode the page as the spiders do (a server that names no charset) and extract it."""
    expected = EXPECTED[name]
    text, _ = decode_page((PAGES / name).read_bytes(), content_type)
    found = extract_article(text, expected["url"], Selectors(), epaper=expected.get("epaper", False))
    return found, expected


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_metadata(name: str) -> None:
    found, expected = _read(name)
    assert normalize_line(found.title) == normalize_line(expected["title"])
    assert normalize_line(found.pretitle) == normalize_line(expected["pretitle"])
    assert normalize_line(found.subtitle) == normalize_line(expected["subtitle"])
    assert str(found.published) == expected["published"]
    assert found.author == expected["author"]
    assert found.origin == expected["origin"]
    assert found.continues_to == expected.get("continues_to")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_body(name: str) -> None:
    found, expected = _read(name)
    body = normalize_text(found.body)
    lines = body.splitlines()
    assert check_body(body) is None
    assert lines[0] == normalize_line(expected["first"])
    assert lines[-1] == normalize_line(expected["last"])
    assert len(lines) == expected["paragraphs"], body
    for forbidden in COMMON_FORBIDDEN + expected["forbidden"]:
        assert normalize_line(forbidden) not in body, forbidden
    assert normalize_line(found.title) not in lines


def test_header_charset_that_lies_does_not_matter() -> None:
    """A GBK page served as utf-8 reads the same as one served with no charset."""
    name = "wz_gov_t20250819_1234567.html"
    plain, _ = _read(name)
    lying, _ = _read(name, "text/html; charset=utf-8")
    assert (lying.title, lying.body, lying.published) == (plain.title, plain.body, plain.published)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_extract_command_reads_only_the_article(name: str) -> None:
    """`policywatch extract page.html --json`: every target sentence comes from the body."""
    found, expected = _read(name)
    body = normalize_text(found.body)
    result = CliRunner().invoke(cli, ["extract", str(PAGES / name), "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert records, "no target found in a page that states targets"
    for record in records:
        assert record["sentence"] in body
        for forbidden in COMMON_FORBIDDEN + expected["forbidden"]:
            assert normalize_line(forbidden) not in record["sentence"]


def test_reading_a_page_again_gives_the_same_article() -> None:
    """The generic fallback keeps no memory of earlier pages (trafilatura's deduplication)."""
    name = "cqnews_content_1234567.html"
    bodies = {_read(name)[0].body for _ in range(4)}
    assert len(bodies) == 1 and check_body(bodies.pop()) is None
