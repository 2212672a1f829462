"""Article extraction: per-source selectors, the e-paper layout, then trafilatura.

The order is: the source's ``selectors`` (CSS or XPath), built-in containers (``div#ozoom`` of
the 重庆日报 e-paper, common government CMS containers), and trafilatura (favor_precision, no
tables) as the generic fallback. Boilerplate lines are dropped and bodies that are not articles
are rejected by :mod:`crawler.cleaning`. Dates come from :mod:`crawler.dates`, never from lists of
related links.
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import lxml.etree
from parsel import Selector
from parsel.csstranslator import HTMLTranslator

from crawler.cleaning import (
    HAN,
    MIN_BODY_CHARS,
    ORIGIN,
    ORIGIN_END,
    check_body,
    clean_body,
    is_byline,
)
from crawler.dates import date_from_url, labelled_date, parse_date
from policywatch.config import Selectors, is_xpath

__all__ = ["Extracted", "article_text", "check_body", "clean_body", "extract_article", "page_title"]

#: Containers that hold the article body on the sites policywatch knows, most specific first.
BODY_CONTAINERS = ("#ozoom", "founder-content", ".view.TRS_UEDITOR", ".trs_editor_view", "#zoom", ".zoom",
                   "#detailContent", ".detail-content", ".article-content", "#content")
#: A "title" longer than this swallowed the page (broken HTML such as <h1>…</h2>).
MAX_TITLE_CHARS = 80
#: "标题_栏目_网站", "标题 - 网站", "标题|网站": the separators before a page's column and site names.
_TITLE_PARTS = re.compile(r"(\s*(?:_+|\s[-—–|]\s|\||-+)\s*)")
#: A column or site name: short, with no digits, brackets or sentence punctuation.
_SITE_NAME = re.compile(r"^[^\d０-９（）()《》“”，。、：:]{2,20}$")
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section",
          "article", "blockquote", "table", "ul", "ol", "dd", "dt", "header", "footer"}
_DROP = ("script", "style", "noscript", "iframe", "template", "video", "audio", "object", "embed",
         "svg", "canvas")
_CELL = {"td", "th"}
_META_DATE = ("PubDate", "pubdate", "publishdate", "PublishDate", "article:published_time",
              "og:release_date", "Date", "date")
#: 方正 table layout (older e-paper pages): the title row is a centred <strong>, 引题 above, 副题 below.
_TABLE_TITLE = "//table[@cellpadding='5']//tr[td[@align='center' or @align='middle']/strong]"
_PRETITLE = ("founder-pretitle", "#PreTitle", ".pretitle", ".yinti", "#yinti",
             "//h1/preceding-sibling::*[1][self::h3 or self::h4]", _TABLE_TITLE + "/preceding-sibling::tr[1]/td")
_SUBTITLE = ("founder-subtitle", "#SubTitle", ".subtitle", ".futi", "#futi",
             "//h1/following-sibling::*[1][self::h2]", _TABLE_TITLE + "/following-sibling::tr[1]/td")
_ENP_TAG = re.compile(r"<(\w+)>([^<]*)</\1>")
_TITLE = ("founder-title", "#Title", ".article-title", "h1")
#: Page furniture left out of the header text (where bylines and dates are looked for).
_NOT_HEADER = "//head | //li | //a | //nav | //footer | //ul | //select | //option"
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
#: The EXSLT prefixes parsel offers in XPath selectors (``re:test``), bound when a query uses one.
_EXSLT = {"re": "http://exslt.org/regular-expressions", "set": "http://exslt.org/sets"}
_CSS = HTMLTranslator()


@dataclass
class Extracted:
    """What :func:`extract_article` found on one page (raw, not yet normalised)."""

    title: str
    body: str
    published: dt.date | None = None
    pretitle: str = ""
    subtitle: str = ""
    author: str = ""
    origin: str = ""
    continues_to: int | None = None
    continued_from: int | None = None


@lru_cache(maxsize=1024)
def _compiled(xpath: str) -> lxml.etree.XPath:
    """An XPath query compiled once (the selectors of a source, the built-in rules)."""
    namespaces = {prefix: uri for prefix, uri in _EXSLT.items() if f"{prefix}:" in xpath}
    return lxml.etree.XPath(xpath, namespaces=namespaces, smart_strings=False)


@lru_cache(maxsize=1024)
def _css(query: str) -> str:
    return _CSS.css_to_xpath(query)


def _xpath(node: Any, query: str) -> list[Any]:
    """What an XPath query finds from ``node``: elements, or strings for text queries."""
    try:
        found = _compiled(query)(node)
    except lxml.etree.XPathError as error:
        raise ValueError(f"XPath error: {error} in {query}") from None
    return found if isinstance(found, list) else [found]


def _select(node: Any, query: str) -> list[Any]:
    """What a CSS or XPath selector finds under ``node``."""
    query = query.strip()
    return _xpath(node, query if is_xpath(query) else _css(query))


def block_text(element: lxml.etree._Element, skip: frozenset[Any] | set[Any] = frozenset()) -> str:
    """The text of an element, one block (paragraph, heading, list item, <br>) a line.

    Scripts, styles and the like are left out, and so is every element in ``skip``; the text
    after a left-out element stays. Table cells of a row share a line, a space apart.

    :param element: an lxml element (not modified)
    :param skip: elements under ``element`` to leave out
    """
    if not isinstance(element.tag, str):
        return ""
    parts: list[str] = []
    todo: list[Any] = [element]  # an element to open, or the text to write after one
    while todo:
        node = todo.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        if node.tag.lower() in _BLOCK:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in reversed(node):
            tag = child.tag
            after = child.tail or ""
            if isinstance(tag, str) and tag not in _DROP and child not in skip:
                kind = tag.lower()
                after = (" " if kind in _CELL else "\n" if kind in _BLOCK else "") + after
                todo.append(after)
                todo.append(child)
            elif after:
                todo.append(after)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _first_text(root: Any, queries: tuple[str, ...] | list[str],
                limit: int = MAX_TITLE_CHARS) -> tuple[str, Any]:
    for query in queries:
        for found in _select(root, query):
            text = " ".join(block_text(found).split())
            if text and len(text) <= limit:
                return text, found
    return "", None


def _metas(root: Any) -> list[Any]:
    """The attributes of the page's ``<meta>`` tags that have a ``content``."""
    return [meta.attrib for meta in root.iter("meta") if "content" in meta.attrib]


def _meta(metas: list[Any], *names: str) -> str:
    for name in names:
        for attr in ("name", "property", "itemprop"):
            value = next((meta["content"] for meta in metas if meta.get(attr) == name), None)
            if value and value.strip():
                return htmllib.unescape(value.strip())
    return ""


def _parse(html: str) -> Any:
    """The page's root element (parsed as parsel, and so Scrapy, parses it)."""
    html = html.strip() or "<html></html>"
    try:
        return Selector(text=html, type="html").root
    except (ValueError, lxml.etree.ParserError):
        return Selector(text="<html></html>", type="html").root


def _trafilatura(html: str, url: str | None) -> str:
    # deduplicate=True keeps a process-wide cache of paragraphs already seen: the second
    # reading of a page (or a reprint, or a re-crawl) would come back empty.
    import trafilatura

    text = trafilatura.extract(html, url=url, favor_precision=True, include_tables=False,
                               include_comments=False, include_links=False, deduplicate=False)
    return text or ""


def _body(root: Any, html: str, url: str | None, selectors: Selectors) -> tuple[str, Any]:
    queries = [selectors.body] if selectors.body else list(BODY_CONTAINERS)
    for query in queries:
        found = _select(root, query)
        if found and not selectors.body and _xpath(found[0], ".//nav | .//ul[.//a]"):
            # a page-wide wrapper (<div id="content"> round nav, article and side bar)
            if (inner := _densest_paragraphs(found[0])) is not None:
                return block_text(inner), inner
        if found:
            text = "\n".join(block_text(f) for f in found)
            if text.strip():
                return text, found[0]
    if selectors.body:
        return "", None
    if (dense := _densest_paragraphs(root)) is not None:
        return block_text(dense), dense
    return _trafilatura(html, url), None


def _densest_paragraphs(node: Any) -> Any:  # node: the page or an element of it
    """The element whose own <p> children (or ``<br>``-separated text) hold the most Chinese text.

    Side bars and footers hold short lines; an article holds several long paragraphs. None when
    no element has two paragraphs with :data:`MIN_BODY_CHARS` Chinese characters between them.
    """
    best, best_score = None, 0
    query = "descendant-or-self::*[count(p) >= 2 or count(br) >= 2][not(ancestor-or-self::footer)]"
    for candidate in _xpath(node, query):
        score = sum(len(HAN.findall(" ".join(_xpath(p, ".//text()"))))
                    for p in _xpath(candidate, "./p[not(ancestor::a)]"))
        if _xpath(candidate, "br"):  # old table layouts: paragraphs as text between <br>s
            score += len(HAN.findall(" ".join(_xpath(candidate, "./text()"))))
        if score > best_score:
            best, best_score = candidate, score
    return best if best_score >= MIN_BODY_CHARS else None


def _header_text(root: Any, body: Any) -> str:
    """Page text outside the body, link lists and scripts: where bylines and dates live."""
    skip = set(_xpath(root, _NOT_HEADER))
    if body is not None:
        skip.add(body)
    return block_text(root, skip)


def founder_properties(root: Any) -> dict[str, str]:
    """Metadata of a 方正 (Founder) page: the ``<!--enpproperty <title>…</title>…-->`` comment.

    :param root: the parsed page
    :return: e.g. ``title``, ``subtitle``, ``introtitle`` (引题), ``author``, ``date``, ``nodename``
    """
    comments = _xpath(root, "//comment()[contains(., 'enpproperty')]")
    comment = (comments[0].text or "") if comments else ""
    return {tag.lower(): htmllib.unescape(value).strip()
            for tag, value in _ENP_TAG.findall(comment) if value.strip()}


def _title(root: Any, selectors: Selectors, founder: dict[str, str], metas: list[Any]) -> str:
    if selectors.title:
        return _first_text(root, [selectors.title])[0]
    text, _ = _first_text(root, list(_TITLE[:3]))
    if text:
        return text
    text = founder.get("title") or _meta(metas, "ArticleTitle", "og:title", "title")
    if text:
        return text
    text, _ = _first_text(root, ["h1", _TABLE_TITLE + "/td/strong"])
    if text:
        return text
    return page_title(" ".join(_xpath(root, "//title//text()")))


def page_title(text: str) -> str:
    """A ``<title>`` without the column and site names after it.

    ``我市出台措施推动设备更新_今日重庆_重庆市人民政府网`` → ``我市出台措施推动设备更新``; at most three
    trailing names go, and a dash inside the title (``（2025—2027年）``) is not a separator.

    :param text: the text of the page's ``<title>``
    """
    parts = _TITLE_PARTS.split(" ".join(text.split()))  # title, separator, name, separator, …
    for _ in range(3):
        if len(parts) > 2 and _SITE_NAME.match(parts[-1]) and len("".join(parts[:-2])) >= 4:
            del parts[-2:]
    return "".join(parts)


def _heading(root: Any, queries: tuple[str, ...]) -> str:
    """The first 引题/副题 candidate that is not a byline ("本报记者 张三" sits in the same rows)."""
    text = _first_text(root, queries)[0]
    if text and is_byline(text):
        return ""
    return text


def _after_title(header: str, title: str) -> str:
    """The header text from the title's line on: the article's own date line follows its title,
    while top bars ("2025年08月22日 星期五", today's date) come before it."""
    lines = header.split("\n")
    for index, line in enumerate(lines):
        if title and (title in line or (len(line) >= 4 and line in title)):
            return "\n".join(lines[index:])
    return header


def _published(root: Any, url: str | None, header: str, selectors: Selectors,
               epaper: bool, founder: dict[str, str], metas: list[Any], title: str = "") -> dt.date | None:
    from_url = date_from_url(url or "")
    if epaper and from_url:
        return from_url
    if selectors.date:
        text, _ = _first_text(root, [selectors.date])
        if found := parse_date(text):
            return found
    if found := parse_date(_meta(metas, *_META_DATE)) or parse_date(founder.get("date")):
        return found
    after = _after_title(header, title)
    return (labelled_date(after) or from_url or parse_date(after) or labelled_date(header)
            or parse_date(header))


def extract_article(html: str, url: str | None = None, selectors: Selectors | None = None,
                    epaper: bool = False) -> Extracted:
    """Extract title, 引题/副题, body, date, author and origin from an article page.

    :param html: the decoded page
    :param url: its URL (dates in URLs, trafilatura hints)
    :param selectors: per-source selectors that override the built-in rules
    :param epaper: the page is an e-paper article: the edition date in the URL wins
    """
    selectors = selectors or Selectors()
    root = _parse(html)
    metas = _metas(root)
    raw, container = _body(root, html, url, selectors)
    body, found = clean_body(raw)
    header = _header_text(root, container)
    founder = founder_properties(root)
    title = _title(root, selectors, founder, metas)
    lines = body.split("\n")
    if lines and title and " ".join(lines[0].split()) == " ".join(title.split()):
        body = "\n".join(lines[1:])
    pretitle = "" if selectors.title else (_heading(root, _PRETITLE) or founder.get("introtitle", ""))
    subtitle = "" if selectors.title else (_heading(root, _SUBTITLE) or founder.get("subtitle", ""))
    _, header_found = clean_body(header)
    origin = _meta(metas, "ContentSource", "source") or found.get("origin") or ""
    if not origin and (match := ORIGIN.search(header)):
        origin = match.group(1)
    origin = ORIGIN_END.split(origin)[0].strip()
    author = (found.get("author") or header_found.get("author") or founder.get("author")
              or _meta(metas, "author", "Author"))
    return Extracted(
        title=title,
        body=body,
        published=_published(root, url, header, selectors, epaper, founder, metas, title),
        pretitle=pretitle if pretitle != title else "",
        subtitle=subtitle if subtitle != title else "",
        author=author,
        origin=origin,
        continues_to=int(found["continues_to"]) if "continues_to" in found else None,
        continued_from=int(found["continued_from"]) if "continued_from" in found else None,
    )


def article_text(html: str) -> str:
    """The article text of an HTML page, one paragraph a line (for ``policywatch extract``).

    :param html: the decoded page
    """
    return extract_article(html).body
