"""The Atom feed of changes, built with ElementTree (which escapes every text)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from policywatch import clock
from reports import format

ATOM = "http://www.w3.org/2005/Atom"


def _when(value: str | None) -> str:
    """An RFC 3339 timestamp from an ISO date or date-time (dates at midnight, Shanghai)."""
    if not value:
        return clock.now_iso()
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return clock.now_iso()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=clock.TZ)
    return moment.isoformat()


def entry_title(change: dict[str, Any]) -> str:
    """``[修订] 研发投入强度: 3% (2027年) → 3.2% (2027年)`` for one change.

    :param change: a change row
    """
    new = format.quantity(change.get("new_value"), change.get("new_unit"))
    if change.get("new_year"):
        new += f" ({change['new_year']}年)"
    title = f"[{format.label(change['change_type'])}] {change.get('indicator') or ''}"
    if change.get("old_value") is not None and change["change_type"] != "progress":
        old = format.quantity(change["old_value"], change.get("old_unit"))
        if change.get("old_year"):
            old += f" ({change['old_year']}年)"
        return f"{title}: {old} → {new}"
    return f"{title}: {new}" if new else title


def atom_feed(changes: Iterable[dict[str, Any]], base_url: str) -> str:
    """An Atom 1.0 document with one entry per change, linking to its Datasette row.

    :param changes: change rows, newest first (see ``store.digests.recent_changes``)
    :param base_url: Datasette base URL
    """
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    rows = list(changes)

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    add(root, "id", "urn:policywatch:changes")
    add(root, "title", "重庆政策目标变化 (policywatch)")
    add(root, "updated", _when(max((r.get("detected") or "" for r in rows), default=None)))
    add(root, "link", href=f"{base_url}/digests/feed.xml", rel="self")
    add(root, "link", href=f"{base_url}/digests/index.html", rel="alternate")
    add(add(root, "author"), "name", "policywatch")
    for change in rows:
        entry = add(root, "entry")
        add(entry, "id", f"urn:policywatch:change:{change['id']}")
        add(entry, "title", entry_title(change))
        add(entry, "updated", _when(change.get("detected") or change.get("published")))
        if change.get("published"):
            add(entry, "published", _when(change["published"]))
        add(entry, "link", href=f"{base_url}/policywatch/changes/{quote(str(change['id']), safe='')}",
            rel="alternate")
        if (change.get("article_url") or "").lower().startswith(("http://", "https://")):
            add(entry, "link", href=change["article_url"], rel="related",
                title=change.get("article_title") or "")
        add(entry, "category", term=change["change_type"], label=format.label(change["change_type"]))
        summary = change.get("sentence") or ""
        if change.get("article_title"):
            summary += f" ——《{change['article_title']}》"
        add(entry, "summary", summary)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
