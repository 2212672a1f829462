"""The saved real-layout pages crawled for real: a loopback site, `policywatch crawl`, the database.

The portal and news pages are linked from one listing page and served as ``text/html`` without
a charset (the GBK ones too); the e-paper pages sit under their editions' ``node.htm``. What is
stored must be what ``expected.json`` says a reader sees.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from policywatch.normalize import normalize_line, normalize_text
from policywatch.store import open_db
from tests.sites import Page, SiteServer, run_policywatch
from tests.test_real_layouts import COMMON_FORBIDDEN, EXPECTED, PAGES

LISTED = sorted(name for name, e in EXPECTED.items() if not e.get("epaper"))
#: Served under this site's e-paper paths: edition day → 版面 → pages on it (page 3 of the 20th
#: exists: the front-page piece ends 下转第3版 and its continuation is looked for there).
EDITIONS = {"2025-08/20": {"001": ["cqrb_epaper_content_rb_352001.htm"], "003": []},
            "2025-08/21": {"001": [], "003": ["cqrb_epaper_content_rb_352020.htm"]}}


def _path(name: str) -> str:
    return urlsplit(EXPECTED[name]["url"]).path


def _node(links: list[str]) -> Page:
    body = "".join(f'<a href="{link}">{link}</a><br>' for link in links)
    return Page(f"<html><body>{body}</body></html>".encode())


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """Crawl the listing and two e-paper days once; the stored rows by title."""
    folder = tmp_path_factory.mktemp("real")
    with SiteServer() as site:
        site.routes["/list/index.html"] = _node([_path(name) for name in LISTED])
        for name in LISTED:
            site.routes[_path(name)] = Page((PAGES / name).read_bytes(), content_type="text/html")
        for day, pages in EDITIONS.items():
            others = [f"../{page}/node.htm" for page in pages if page != "001"]
            for page, names in pages.items():
                site.routes[f"/cqrb/{day}/{page}/node.htm"] = _node(
                    [n.split("_", 2)[-1].replace("epaper_", "") for n in names] + others)
                for name in names:
                    link = name.split("_", 2)[-1].replace("epaper_", "")
                    site.routes[f"/cqrb/{day}/{page}/{link}"] = Page(
                        (PAGES / name).read_bytes(), content_type="text/html")
        (folder / "sources.yml").write_text(f"""sources:
  - name: real
    title: 真实版式（测试）
    kind: listing
    start_urls: ["{site.base}/list/index.html"]
    article_pattern: '(\\.html?|/news/\\d+)$'
    delay: 0
  - name: paper
    title: 重庆日报数字报（测试）
    kind: epaper
    edition_url: "{site.base}/cqrb/{{date:%Y-%m}}/{{date:%d}}/001/node.htm"
    delay: 0
""", encoding="utf-8")
        # the window holds every listed page's URL date; missing e-paper days are plain 404s
        result = run_policywatch("crawl", "real", "paper", "--since", "2025-08-10", "--until",
                                 "2025-08-22", "--db", str(folder / "pw.db"),
                                 "--config", str(folder / "sources.yml"))
    assert result.returncode == 0, result.stderr
    db = open_db(folder / "pw.db")
    return {row["title"]: row for row in db["articles"].rows}


def test_every_page_is_stored(stored):
    titles = {normalize_line(EXPECTED[name]["title"]) for name in LISTED}
    titles |= {normalize_line(EXPECTED[n]["title"]) for pages in EDITIONS.values()
               for names in pages.values() for n in names}
    assert set(stored) == titles


@pytest.mark.parametrize("name", LISTED + ["cqrb_epaper_content_rb_352001.htm",
                                           "cqrb_epaper_content_rb_352020.htm"])
def test_stored_row_is_what_a_reader_sees(stored, name):
    expected = EXPECTED[name]
    row = stored[normalize_line(expected["title"])]
    assert row["published"] == expected["published"]
    assert (row["author"] or "") == expected["author"]
    assert (row["origin"] or "") == expected["origin"]
    subtitle = "\n".join(part for part in (
        f"引题：{expected['pretitle']}" if expected["pretitle"] else "",
        f"副题：{expected['subtitle']}" if expected["subtitle"] else "") if part)
    assert normalize_text(row["subtitle"] or "") == normalize_text(subtitle)
    lines = row["body"].splitlines()
    assert lines[0] == normalize_line(expected["first"])
    if not expected.get("continues_to"):
        assert lines[-1] == normalize_line(expected["last"])
        assert len(lines) == expected["paragraphs"]
    for forbidden in COMMON_FORBIDDEN + expected["forbidden"]:
        assert normalize_line(forbidden) not in row["body"], forbidden
