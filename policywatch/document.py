"""Reading a document from a file: plain text or HTML reduced to its article text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from diff.record import Document
from policywatch.errors import InputFileError
from policywatch.normalize import normalize_line, normalize_text

_HTML = re.compile(r"<\s*(html|body|p|div|!doctype)\b", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"}


def decode_bytes(data: bytes) -> str:
    """Decode document bytes: UTF-8 first, then the declared charset (any GB label as gb18030).

    :param data: raw file content
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:4096])
    label = match.group(1).decode("ascii").lower() if match else "gb18030"
    if label in _GB_FAMILY:
        label = "gb18030"
    try:
        return data.decode(label)
    except (LookupError, UnicodeDecodeError):
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError as error:
            raise InputFileError(f"cannot decode the file as UTF-8 or GB18030: {error}") from None


def looks_like_html(text: str) -> bool:
    """Whether text is an HTML page rather than plain text.

    :param text: decoded file content
    """
    return bool(_HTML.search(text[:2000]))


def html_to_text(html: str) -> str:
    """The article text of an HTML page, one paragraph a line.

    :param html: the page
    """
    from crawler.extraction import article_text

    return article_text(html)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Header fields and body of a text with ``name: value`` lines, a line ``---``, then the
    body (the corpus format, see corpus/README.md); no header when there is no such line.

    :param text: decoded file content
    """
    head, separator, body = text.partition("\n---\n")
    if not separator or not _HEADER_LINE.match(head):
        return {}, text
    header = {}
    for line in head.splitlines():
        name, colon, value = line.partition(":")
        if colon:
            header[name.strip()] = value.strip()
    return header, body


_HEADER_LINE = re.compile(r"^(?:url|title|date|source):", re.MULTILINE)


def load_document(path: str | Path, title: str = "", published: dt.date | None = None) -> Document:
    """Read a text or HTML file as a normalised document for the extractor.

    An HTML page gives its own headline, 引题/副题 and date, and a text file with a header
    (``title:``, ``date:``, ``source:`` lines, then ``---``) its own; ``title`` and
    ``published`` win when given.

    :param path: file path
    :param title: the headline of a text file
    :param published: publication date
    """
    text = _read_text(path)
    if not looks_like_html(text):
        header, body = split_header(text)
        date = header.get("date", "")
        if published is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            published = dt.date.fromisoformat(date)
        return Document(normalize_text(body), normalize_line(title or header.get("title", "")),
                        published=published, source=header.get("source", ""))
    from crawler.extraction import extract_article

    page = extract_article(text)
    subtitle = " ".join(part for part in (page.pretitle, page.subtitle) if part)
    return Document(normalize_text(page.body), normalize_line(title or page.title),
                    normalize_line(subtitle), published or page.published, page.origin)


def read_document(path: str | Path) -> str:
    """Read a text or HTML file and return its raw (not yet normalised) text.

    :param path: file path
    """
    text = _read_text(path)
    return html_to_text(text) if looks_like_html(text) else text


def _read_text(path: str | Path) -> str:
    """The decoded content of a file.

    :param path: file path
    """
    target = Path(path)
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"{target}: no such file") from None
    except IsADirectoryError:
        raise InputFileError(f"{target}: is a directory, not a file") from None
    except OSError as error:
        raise InputFileError(f"{target}: cannot be read: {error.strerror}") from None
    return decode_bytes(data)
