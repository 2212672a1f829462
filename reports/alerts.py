"""Change alerts: after each crawl cycle, one message per ``when: change`` entry listing the
new changes that pass its filters (regions, change types, themes, an indicator pattern).

Changes are queued in the ``alerts`` table before anything is sent, so a failed or interrupted
send is retried on the next cycle and never lost; a sent alert is never sent again. A change
reviewed wrong before its alert went out is withdrawn, not sent.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from policywatch.publish import datasette_url
from policywatch.store import alerts as store
from policywatch.store.notifications import target_key
from reports import format
from reports.digest import row_url, safe_url
from reports.feed import entry_title
from reports.notify import redacted, send
from reports.themes import theme_of

if TYPE_CHECKING:
    from sqlite_utils import Database

    from policywatch.config import Notify

log = logging.getLogger(__name__)
TEMPLATES = Path(__file__).resolve().parent / "templates"
SAMPLE_CHANGE = {
    "id": "sample", "change_type": "revised", "indicator": "研发投入强度", "region": "重庆市",
    "old_value": 3.0, "old_unit": "%", "old_year": 2027, "new_value": 3.2, "new_unit": "%",
    "new_year": 2027, "published": "2026-11-18", "article_id": None,
    "sentence": "到2027年全社会研发投入强度提升至3.2%。",
}


@dataclass
class AlertResult:
    """What one entry got in one cycle: how many changes, and whether the send worked."""

    name: str
    target: str
    changes: int
    ok: bool
    error: str | None = None


def matches(entry: Notify, change: dict[str, Any]) -> bool:
    """Whether a change passes an entry's filters (an empty filter lets everything through).

    :param entry: the ``notify:`` entry
    :param change: a change row
    """
    if entry.regions and change.get("region") not in entry.regions:
        return False
    if entry.change_types and change.get("change_type") not in entry.change_types:
        return False
    theme = theme_of(change.get("indicator"), change.get("sentence"), change.get("indicator_key"))
    if entry.themes and theme not in entry.themes:
        return False
    return not entry.indicator or bool(re.search(entry.indicator, change.get("indicator") or ""))


def title(name: str, changes: int) -> str:
    """The title of a change alert.

    :param name: the entry's name
    :param changes: how many changes it lists
    """
    return f"重庆政策目标变化提醒 ({name}): {changes} 项新变化"


def render(changes: list[dict[str, Any]], base_url: str | None = None, test: bool = False) -> str:
    """The HTML body of a change alert: one item per change with its sentence and links.

    :param changes: change rows, with ``article_title`` and ``article_url`` when known
    :param base_url: Datasette base URL (default ``$POLICYWATCH_DATASETTE_URL``)
    :param test: a sample message from ``policywatch notify --test``
    """
    base = datasette_url(base_url)
    items = [dict(c, heading=entry_title(c), row_url=row_url(base, "changes", c["id"]))
             for c in changes]
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    env.filters.update(cdate=format.chinese_date, safe_url=safe_url)
    return env.get_template("alert.html").render(changes=items, test=test, datasette_url=base)


def _with_articles(db: Database, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for change in changes:
        article = db.execute("select title, url from articles where id = ?",
                             [change.get("article_id")]).fetchone()
        out.append(dict(change, article_title=article[0] if article else None,
                        article_url=article[1] if article else None))
    return out


def alert_entry(db: Database, entry: Notify, base_url: str | None = None) -> AlertResult | None:
    """Queue an entry's new matching changes, then send every open alert in one message.

    :param db: the database
    :param entry: a ``when: change`` entry
    :param base_url: Datasette base URL for the links
    :return: what was sent, or None when there was nothing to send
    """
    key, shown = target_key(entry.url), redacted(entry.url)
    since = store.watermark(db, key, entry.name, shown)
    fresh = [c for c in store.candidate_changes(db, key, since) if matches(entry, c)]
    store.queue(db, key, entry.name, shown, fresh)
    pending = store.open_alerts(db, key)
    withdrawn = [a["change_key"] for a in pending if a["change"] is None]
    if withdrawn:
        store.close(db, key, withdrawn, "withdrawn", "reviewed wrong or no longer detected")
    listed = [a for a in pending if a["change"] is not None]
    if not listed:
        return None
    changes = _with_articles(db, [a["change"] for a in listed])
    error = send(entry.url, title(entry.name, len(changes)), render(changes, base_url))
    store.record_attempt(db, key, [a["change_key"] for a in listed], error)
    if error:
        log.warning("change alert %s to %s failed: %s (will retry)", entry.name, shown, error)
    return AlertResult(entry.name, shown, len(changes), error is None, error)


def send_alerts(db: Database, entries: list[Notify], base_url: str | None = None) -> list[AlertResult]:
    """One cycle of change alerts for every ``when: change`` entry; entries with nothing new
    send nothing. Open alerts of entries removed from the configuration are dropped.

    :param db: the database
    :param entries: the ``when: change`` entries of sources.yml
    :param base_url: Datasette base URL for the links
    """
    results = [result for entry in entries if (result := alert_entry(db, entry, base_url))]
    for key, change_keys in store.orphaned_keys(db, {target_key(e.url) for e in entries}).items():
        store.close(db, key, change_keys, "dropped", "no longer in the configuration")
    return results


def send_test(entry: Notify, base_url: str | None = None) -> str | None:
    """Send a sample message to one entry; None on success, else why it failed.

    :param entry: any ``notify:`` entry
    :param base_url: Datasette base URL for the links
    """
    sample = dict(SAMPLE_CHANGE, article_title="测试文章", article_url=None)
    return send(entry.url, f"policywatch 测试消息 ({entry.name})", render([sample], base_url, test=True))
