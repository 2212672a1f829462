"""Crawler building blocks: page decoding, canonical URLs, source health, crawl days."""

from __future__ import annotations

import datetime as dt

import pytest

from crawler.encoding import EncodingError, canonical_label, decode_page, header_charset
from crawler.health import assess_health
from crawler.run import CrawlError, crawl_days
from crawler.urls import canonical_url
from policywatch.config import Source

TEXT = "重庆市人民政府办公厅：会议由李堃主持，镕基、喆等字只在GBK里。"


def _page(charset: str) -> bytes:
    return f'<html><head><meta charset="{charset}"></head><body><p>{TEXT}</p></body></html>'.encode(
        "gb18030" if charset.lower() in ("gbk", "gb2312") else charset)


@pytest.mark.parametrize("label", ["gb2312", "GBK", "x-gbk", "GB18030", "cp936"])
def test_every_gb_label_decodes_as_gb18030(label):
    assert canonical_label(label) == "gb18030"
    text, codec = decode_page(_page("gbk"), f"text/html; charset={label}")
    assert TEXT in text and codec == "gb18030"


def test_python_gb2312_codec_would_corrupt_these_characters():
    with pytest.raises(UnicodeDecodeError):
        TEXT.encode("gbk").decode("gb2312")


def test_header_utf8_beats_a_gbk_meta_tag():
    text, codec = decode_page(_page("utf-8").replace(b"utf-8", b"gbk"), "text/html; charset=utf-8")
    assert TEXT in text and codec == "utf-8"


def test_header_utf8_over_a_gbk_body_is_detected():
    text, codec = decode_page(_page("gbk"), "text/html; charset=utf-8")
    assert TEXT in text and codec == "gb18030"


def test_latin1_label_over_utf8_body_is_not_mojibake():
    text, _ = decode_page(_page("utf-8"), "text/html; charset=iso-8859-1")
    assert TEXT in text


def test_undecodable_page_is_an_error_not_mojibake():
    with pytest.raises(EncodingError, match="decodes in none of"):
        decode_page(b"<html><body>" + b"\xff\xfe\x80\xff" * 50 + b"</body></html>", "text/html")


@pytest.mark.parametrize("value,expected", [
    ("text/html; charset=GBK", "GBK"), ('text/html; charset="utf-8"', "utf-8"),
    ("text/html", None), (None, None),
])
def test_header_charset(value, expected):
    assert header_charset(value) == expected


@pytest.mark.parametrize("url,scheme,expected", [
    ("https://www.cq.gov.cn/ywdt/jrcq/202508/t20250820_1_app.html", None,
     "https://www.cq.gov.cn/ywdt/jrcq/202508/t20250820_1.html"),
    ("http://www.cq.gov.cn/a/t20250820_1.html?utm_source=wechat&spm=x#top", "https",
     "https://www.cq.gov.cn/a/t20250820_1.html"),
    ("HTTPS://News.CQNews.net:443/1/detail/1/web/content_1.htm?id=3&from=timeline", None,
     "https://news.cqnews.net/1/detail/1/web/content_1.htm?id=3"),
    ("http://127.0.0.1:8000/a.html", "http", "http://127.0.0.1:8000/a.html"),
])
def test_canonical_url(url, scheme, expected):
    assert canonical_url(url, scheme) == expected


@pytest.mark.parametrize("counts,history,healthy", [
    ({"links": 20, "articles_fetched": 10, "rejected": 0, "listing_pages": 2}, [], True),
    ({"links": 20, "articles_fetched": 10, "rejected": 6, "listing_pages": 2}, [], False),
    ({"links": 2, "articles_fetched": 2, "rejected": 2, "listing_pages": 1}, [], True),
    ({"links": 0, "listing_pages": 3}, [{"links": 30}, {"links": 25}], False),
    ({"links": 0, "listing_pages": 3}, [{"links": 1}], True),
    ({"links": 0, "listing_pages": 0, "missing": 1}, [{"links": 30}], True),  # no paper that day
    ({"links": 20, "listing_pages": 2}, [{"links": 20}], True),  # all known already
    ({"links": 0, "listing_pages": 0, "failed": 1}, [], False),  # site down or moved
    ({"links": 0, "listing_pages": 0, "failed": 0}, [], True),
])
def test_assess_health(counts, history, healthy):
    verdict, note = assess_health(counts, history)
    assert verdict is healthy and note


def test_crawl_days():
    source = Source(name="cqrb", title="重庆日报", kind="epaper", backfill_days=3,
                    edition_url="https://e/{date:%Y-%m}/{date:%d}/001/node.htm")
    until = dt.date(2025, 8, 20)
    assert crawl_days(source, None, until) == [until, dt.date(2025, 8, 19), dt.date(2025, 8, 18)]
    assert crawl_days(source, until, until) == [until]
    with pytest.raises(CrawlError, match="after"):
        crawl_days(source, until, dt.date(2025, 8, 1))


@pytest.mark.parametrize("template", ["https://e/{date:%Y-%m}/{page}/node.htm", "https://e/{date:%Y-%m}/{0}/"])
def test_edition_url_must_be_fillable_with_a_date(template):
    from policywatch.config import parse_config
    from policywatch.errors import ConfigError

    text = f'sources:\n  - name: p\n    title: P\n    kind: epaper\n    edition_url: "{template}"\n'
    with pytest.raises(ConfigError, match='source "p", field "edition_url", cannot be filled in'):
        parse_config(text)


def test_delay_zero_only_for_local_sites():
    from policywatch.config import parse_config
    from policywatch.errors import ConfigError

    block = 'sources:\n  - name: p\n    title: P\n    kind: listing\n    start_urls: ["{url}"]\n    delay: 0\n'
    assert parse_config(block.format(url="http://127.0.0.1:8000/")).source("p").delay == 0
    assert parse_config(block.format(url="http://localhost/x/")).source("p").delay == 0
    with pytest.raises(ConfigError, match='source "p", delay 0 is only allowed for local sites, not www.cq.gov.cn'):
        parse_config(block.format(url="https://www.cq.gov.cn/ywdt/jrcq/"))


@pytest.mark.parametrize("codec,label", [("utf-8", "utf-8"), ("gb18030", "gbk")])
def test_a_stray_bad_byte_is_dropped_not_turned_into_mojibake(codec, label):
    paragraph = "（示例文本）全市持续推进城市更新行动，完善社区养老、托育等公共服务设施。" * 10
    body = f"<html><body><p>{paragraph}</p>".encode(codec) + b"\xff" + f"<p>{paragraph}</p></body></html>".encode(codec)
    text, used = decode_page(body, f"text/html; charset={label}")
    assert used == codec and text.count(paragraph) == 2 and "\ufffd" not in text


def test_a_gbk_page_with_few_chinese_characters_is_not_taken_for_broken_utf8():
    body = ("<html><body>" + "x" * 500 + "重庆</body></html>").encode("gbk")
    text, used = decode_page(body, "text/html; charset=utf-8")
    assert used == "gb18030" and "重庆" in text


def test_crawls_run_no_remote_control_server():
    from scrapy.utils.conf import build_component_list

    from crawler.run import crawl_settings

    settings = crawl_settings("data/x.db")
    extensions = build_component_list(settings.getwithbase("EXTENSIONS"))
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")
    assert "scrapy.extensions.remote_control.RemoteControl" not in extensions
    assert "scrapy.extensions.corestats.CoreStats" in extensions


def test_no_spider_callback_is_a_generator_returning_a_value():
    # Scrapy's own check (WARN_ON_GENERATOR_RETURN_VALUE) is off during crawls: it reads the
    # callback's source again and again.
    import inspect

    from scrapy.utils.misc import is_generator_with_return_value

    from crawler.spiders import SPIDERS

    callbacks = {getattr(spider, name) for spider in SPIDERS.values() for name in dir(spider)
                 if inspect.isgeneratorfunction(getattr(spider, name))}
    assert {c.__name__ for c in callbacks} >= {"parse_index", "parse_article", "parse_feed",
                                                 "parse_page", "merge_continuation"}
    assert not [c.__qualname__ for c in callbacks if is_generator_with_return_value(c)]


def test_a_crawl_process_starts_no_blas_threads():
    import os
    import subprocess
    import sys

    code = "import os, crawler.run, numpy; print(len(os.listdir('/proc/self/task')))"
    env = {key: value for key, value in os.environ.items() if key != "OPENBLAS_NUM_THREADS"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "1"
