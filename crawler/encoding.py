"""Decoding fetched pages: GB labels as gb18030, header over meta, mislabels detected.

Rules: any gbk/gb2312 label decodes as gb18030 (Python's gb2312 codec corrupts GBK-only
characters); a charset in the HTTP header beats the page's meta tag, but a body that is not
valid in the declared charset is tried in the other plausible one; a page that decodes in
none of them raises :class:`EncodingError`, so mojibake is never stored.
"""

from __future__ import annotations

import codecs
import re

from policywatch.errors import PolicywatchError

GB_LABELS = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "csgb2312", "gb_2312-80",
             "chinese", "ms936", "windows-936"}
#: Labels that accept any byte sequence and so cannot prove a decoding right.
SINGLE_BYTE = {"iso8859-1", "latin-1", "latin1", "iso-8859-1", "windows-1252", "cp1252",
               "ascii", "us-ascii"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""",
                           re.IGNORECASE)
#: Stray invalid byte sequences tolerated in an otherwise clean page (see _nearly).
MAX_BAD = 3
_MOJIBAKE = re.compile("[\u00c0-\u00ff][\u0080-\u00bf]|\ufffd")


class EncodingError(PolicywatchError):
    """A page's bytes decode in no plausible charset."""


def canonical_label(label: str | None) -> str | None:
    """The codec to use for a declared charset label (GB labels become gb18030).

    :param label: a label from a header or meta tag, or None
    """
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in GB_LABELS:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value.

    :param content_type: e.g. ``text/html; charset=GBK``
    """
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def meta_charset(body: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>`` or http-equiv).

    :param body: raw page bytes
    """
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _try(body: bytes, codec: str) -> str | None:
    try:
        text = body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    return None if looks_like_mojibake(text) else text


def _nearly(body: bytes, codec: str) -> str | None:
    """The page in ``codec`` with a few stray invalid bytes dropped, when it is clearly that codec.

    A real UTF-8 (or GBK) page with one corrupt byte decodes to thousands of valid characters
    and one error; the wrong codec gives errors all over. Up to :data:`MAX_BAD` errors are
    dropped when at least 100 valid non-ASCII characters stand behind each.
    """
    text = body.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    valid = sum(1 for char in text if ord(char) > 0x7F) - bad
    if bad == 0 or bad > MAX_BAD or valid < 100 * bad:
        return None
    cleaned = text.replace("\ufffd", "")
    return None if looks_like_mojibake(cleaned) else cleaned


def looks_like_mojibake(text: str) -> bool:
    """Whether decoded text shows the marks of a wrong decoding (UTF-8 read as Latin-1, U+FFFD).

    :param text: decoded text
    """
    return len(_MOJIBAKE.findall(text[:20000])) >= 3


def decode_page(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode a fetched page and return ``(text, codec)``.

    :param body: raw bytes
    :param content_type: the HTTP Content-Type header, if any
    :raises EncodingError: when no plausible charset decodes the page cleanly
    """
    declared = [canonical_label(header_charset(content_type)), canonical_label(meta_charset(body))]
    # Valid UTF-8 is almost never GBK by accident, while UTF-8 bytes often "decode" as
    # gb18030 into mojibake: so strict UTF-8 is tried first, then the declared charsets.
    candidates: list[str] = []
    for codec in ["utf-8"] + [c for c in declared if c] + ["gb18030"]:
        if codec in SINGLE_BYTE or codec in candidates:
            continue
        candidates.append(codec)
    if body.startswith(codecs.BOM_UTF8):
        candidates.insert(0, "utf-8-sig")
    for codec in candidates:
        text = _try(body, codec)
        if text is None and codec.startswith("utf-8"):
            text = _nearly(body, codec)
        if text is not None:
            return text, codec
    text = _nearly(body, "gb18030")
    if text is not None:
        return text, "gb18030"
    if not any(byte > 0x7F for byte in body):
        return body.decode("ascii"), "ascii"
    raise EncodingError(
        f"page decodes in none of {', '.join(candidates)} (declared: "
        f"{', '.join(c for c in declared if c) or 'nothing'})"
    )
