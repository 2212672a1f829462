"""The bundled sample e-paper in the 重庆日报 layout, dated relative to a Monday.

Pages live at ``/cqrb/{YYYY-MM}/{DD}/{NNN}/node.htm`` (an article list and an image map) and
articles at ``…/{NNN}/content_rb_{id}.htm`` (引题 h3, title h1, 副题 h2, body in ``div#ozoom``).
The date appears only in the URL and the page header, as on the real site.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

HERE = Path(__file__).resolve().parent
EDITIONS = HERE / "editions.yml"
WEEKDAYS = "星期一 星期二 星期三 星期四 星期五 星期六 星期日".split()
PATH = re.compile(
    r"^/cqrb/(?P<month>\d{4}-\d{2})/(?P<day>\d{2})/(?P<page>\d{3})/"
    r"(?:node\.htm|content_rb_(?P<article>\d+)\.htm)$"
)

_templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


@dataclass(frozen=True)
class SampleSite:
    """The sample editions, dated so that ``day`` 0 is ``monday``."""

    monday: dt.date
    editions: tuple[dict[str, Any], ...]

    def dates(self) -> list[dt.date]:
        """The dates that have an edition, in order."""
        return sorted(self.monday + dt.timedelta(days=e["day"]) for e in self.editions)

    def edition(self, day: dt.date) -> dict[str, Any] | None:
        """The edition of a date, or None.

        :param day: a date
        """
        for edition in self.editions:
            if self.monday + dt.timedelta(days=edition["day"]) == day:
                return edition
        return None

    def edition_paths(self) -> list[str]:
        """The first page of every edition, as URL paths."""
        return [f"/cqrb/{day:%Y-%m}/{day:%d}/001/node.htm" for day in self.dates()]

    def articles(self) -> list[tuple[str, dict[str, Any]]]:
        """Every article as (URL path, article block)."""
        found = []
        for day in self.dates():
            for page in self.edition(day)["pages"]:  # type: ignore[index]
                for article in page["articles"]:
                    path = f"/cqrb/{day:%Y-%m}/{day:%d}/{page['number']}/content_rb_{article['id']}.htm"
                    found.append((path, article))
        return found

    def render(self, path: str) -> str | None:
        """The HTML at a URL path, or None when there is no such page.

        :param path: URL path such as ``/cqrb/2026-11/09/001/node.htm``
        """
        match = PATH.match(path)
        if not match:
            return None
        try:
            day = dt.date.fromisoformat(f"{match['month']}-{match['day']}")
        except ValueError:
            return None
        edition = self.edition(day)
        if edition is None:
            return None
        pages = edition["pages"]
        page = next((p for p in pages if p["number"] == match["page"]), None)
        if page is None:
            return None
        context = {"date": day, "weekday": WEEKDAYS[day.weekday()], "page": page, "pages": pages}
        if match["article"] is None:
            return _templates.get_template("node.html").render(context)
        article = next((a for a in page["articles"] if str(a["id"]) == match["article"]), None)
        if article is None:
            return None
        return _templates.get_template("content.html").render(context, article=article)

    def index(self) -> str:
        """A small home page listing the editions."""
        links = "".join(
            f'<li><a href="{path}">{day.year}年{day.month:02d}月{day.day:02d}日</a></li>'
            for path, day in zip(self.edition_paths(), self.dates(), strict=True)
        )
        return ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
                "<title>重庆日报数字报（示例站点）</title></head><body>"
                "<p>示例站点：policywatch 演示用样例数据，并非重庆日报真实内容。</p>"
                f"<ul>{links}</ul></body></html>")


def load_site(monday: dt.date, path: Path = EDITIONS) -> SampleSite:
    """The sample site with day 0 on ``monday``.

    :param monday: the date of ``day: 0``
    :param path: the editions file
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return SampleSite(monday=monday, editions=tuple(data["editions"]))
