"""Our own date parser: Chinese dates, labelled dates, URL dates."""

from __future__ import annotations

import datetime as dt

import pytest

from crawler.dates import date_from_url, date_range, labelled_date, parse_date

D = dt.date(2025, 8, 20)


@pytest.mark.parametrize("text,expected", [
    ("2025年08月20日", D),
    ("2025年8月20日 星期三", D),
    ("2025 年 8 月 20 日", D),
    ("2025-08-20 09:30", D),
    ("2025/8/20", D),
    ("2025.08.20", D),
    ("二〇二五年八月二十日", D),
    ("二〇二五年十二月三日", dt.date(2025, 12, 3)),
    ("2025年13月40日，2025年8月20日", D),   # an impossible date is skipped
    ("2025年8月", None),
    ("轨道运营里程达到750公里", None),
    ("", None),
    (None, None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("来源：重庆日报  发布时间：2025-08-20 09:30", D),
    ("发布日期:2025年08月20日", D),
    ("日期：2025.08.20 浏览次数：12", D),
    ("相关链接 2024年05月01日", None),
    # government information tables: 成文日期 (signed) precedes 发布日期 (published)
    ("成文日期：2025年08月08日发布日期：2025年08月20日", D),
    ("成文日期：2025-08-08 | 发布时间：2025-08-20 | 有效性：有效", D),
    ("更新时间：2025-08-22 日期：2025-08-20", D),
    ("成文日期：2025-08-08", dt.date(2025, 8, 8)),
    ("发布日期：待定 时间：2025-08-20", D),
])
def test_labelled_date(text, expected):
    assert labelled_date(text) == expected


@pytest.mark.parametrize("url,expected", [
    ("https://epaper.cqrb.cn/cqrb/2025-08/20/001/content_rb_1.htm", D),
    ("https://www.cq.gov.cn/ywdt/jrcq/202508/t20250820_14857001.html", D),
    ("https://www.cq.gov.cn/ywdt/jrcq/202508/t20250820_14857001_app.html", D),
    ("https://example.cn/news/2025/08/20/a.html", D),
    ("https://example.cn/news/20250820/a.html", D),
    ("https://news.cqnews.net/1/detail/685001/web/content_685001.htm", None),
    ("https://www.cq.gov.cn/ywdt/jrcq/202508/t20251320_1.html", None),
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


def test_date_range_is_inclusive_and_newest_first():
    assert date_range(dt.date(2025, 8, 18), D) == [D, dt.date(2025, 8, 19), dt.date(2025, 8, 18)]
