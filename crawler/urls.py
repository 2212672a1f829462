"""Canonical article URLs: one identity for twins, tracking variants and http/https."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

if TYPE_CHECKING:
    from policywatch.config import Source

#: Query parameters that only track where a reader came from.
TRACKING = re.compile(r"^(utm_\w+|spm|from|share\w*|source|timestamp|t|isappinstalled|"
                      r"wxshare\w*|ref|scene|clicktime|enterid)$", re.IGNORECASE)
#: 政府网 articles have an ``_app.html`` twin for the mobile app.
_APP_TWIN = re.compile(r"_app(\.s?html?)$", re.IGNORECASE)


def canonical_url(url: str, scheme: str | None = None) -> str:
    """The canonical form of an article URL.

    Lower-cases the host, drops default ports, fragments and tracking parameters, maps an
    ``_app.html`` twin to its ``.html`` page, and (when ``scheme`` is given) uses that scheme
    so http and https links to one article get one identity.

    :param url: absolute URL
    :param scheme: the source's scheme (``http`` or ``https``), or None to keep the URL's
    """
    parts = urlsplit(url.strip())
    use_scheme = (scheme or parts.scheme or "http").lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((use_scheme == "http" and port == 80) or (use_scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    path = _APP_TWIN.sub(r"\1", parts.path or "/")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING.match(k)])
    return urlunsplit((use_scheme, host, path, query, ""))


def scheme_of(url: str) -> str:
    """The scheme of a URL (``http`` or ``https``).

    :param url: absolute URL
    """
    return urlsplit(url).scheme.lower() or "http"


def host_of(url: str) -> str:
    """The host name of a URL, without port.

    :param url: absolute URL
    """
    return (urlsplit(url).hostname or "").lower()


def source_domains(source: Source) -> list[str]:
    """The domains a source's spider follows links on: ``allowed_domains``, else its seeds' hosts.

    :param source: the source
    """
    seeds = source.start_urls or [source.edition_url or ""]
    return source.allowed_domains or sorted({host_of(url) for url in seeds if url})
