"""sources.yml: the sources to watch, validated by pydantic.

A mistake is reported as one line naming the file, the source and the field, e.g.
``sources.yml: source "cqrb", field "schedule": not a cron expression or "every 6h"``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import yaml
from cssselect import ExpressionError
from parsel import Selector
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from diff.phrases import CHONGQING, DISTRICTS
from policywatch.cluster_config import Cluster
from policywatch.errors import ConfigError, UnknownNotifyError, UnknownSourceError

DEFAULT_CONFIG = "sources.yml"
INTERVAL = re.compile(r"^every\s+(\d+)\s*([smhd])$")
#: Hosts a source may crawl with ``delay: 0`` (only our own machine).
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
CRON_FIELD = re.compile(r"^[\d*/,\-A-Za-z?]+$")
#: The regions the digest lists as followed when sources.yml names none: 重庆市 and its districts.
DEFAULT_REGIONS = [CHONGQING, *dict.fromkeys(DISTRICTS.values())]


def _hosts(urls: list[str]) -> list[str]:
    """Host names of URLs (empty strings skipped)."""
    return [(urlsplit(url).hostname or "").lower() for url in urls if url and urlsplit(url).hostname]


def check_url(url: str) -> None:
    """Refuse anything but an absolute http(s) URL with a host.

    :param url: the URL
    :raises ValueError: naming the URL
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f'"{url}" is not an http(s) URL')


def is_xpath(query: str) -> bool:
    """Whether a selector is XPath (``//div``, ``(//p)[1]``, ``./h1``) rather than CSS.

    :param query: the selector
    """
    return query.strip().startswith(("/", "(", "./"))



def check_regex(value: str | None) -> str | None:
    """A configured regular expression, refused when it does not compile.

    :param value: the pattern, or None
    """
    if value is not None:
        try:
            re.compile(value)
        except re.error as error:
            raise ValueError(f"not a valid regular expression: {error}") from None
    return value

class Selectors(BaseModel):
    """CSS or XPath selectors that override the built-in article extraction."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    body: str | None = None
    date: str | None = None

    @field_validator("title", "body", "date")
    @classmethod
    def _selector(cls, value: str | None) -> str | None:
        if value is None:
            return value
        page = Selector(text="<html><body><p>x</p></body></html>")
        try:
            page.xpath(value) if is_xpath(value) else page.css(value)
        except (ValueError, SyntaxError, ExpressionError) as error:
            kind = "XPath" if is_xpath(value) else "CSS"
            raise ValueError(f'"{value}" is not a valid {kind} selector: {error}') from None
        return value


class Source(BaseModel):
    """One source block of sources.yml."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    kind: Literal["epaper", "listing", "feed"]
    schedule: str = "every 6h"
    enabled: bool = True
    edition_url: str | None = None
    start_urls: list[str] = Field(default_factory=list)
    article_pattern: str | None = None
    page_pattern: str | None = None
    allowed_domains: list[str] = Field(default_factory=list)
    delay: float = Field(default=1.0, ge=0)
    selectors: Selectors = Field(default_factory=Selectors)
    include: str | None = None
    max_pages: int = Field(default=50, ge=1)
    backfill_days: int = Field(default=1, ge=1)
    #: the Scrapyd node that must crawl this source (default: the least busy one)
    node: str | None = None

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str) -> str:
        from scheduler.triggers import check_schedule  # scheduler imports this module

        value = value.strip()
        fields = value.split()
        if not (INTERVAL.match(value) or (len(fields) == 5 and all(CRON_FIELD.match(f) for f in fields))):
            raise ValueError('not a cron expression ("0 7 * * *") or an interval ("every 6h", "every 30m")')
        try:
            check_schedule(value)
        except ConfigError as error:
            raise ValueError(str(error).removeprefix(f'schedule "{value}": ')) from None
        return value

    @field_validator("start_urls")
    @classmethod
    def _start_urls(cls, value: list[str]) -> list[str]:
        for url in value:
            check_url(url)
        return value

    @field_validator("edition_url")
    @classmethod
    def _edition_url(cls, value: str | None) -> str | None:
        if value is not None and "{date" in value:
            try:
                check_url(value.format(date=dt.date(2025, 8, 20)))
            except (KeyError, IndexError) as error:
                raise ValueError(f"cannot be filled in with a date ({error!r}): "
                                 "use only {date:%Y-%m}-style placeholders") from None
        elif value is not None:
            check_url(value)
        return value

    @field_validator("article_pattern", "page_pattern", "include")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        return check_regex(value)

    @model_validator(mode="after")
    def _kind_needs(self) -> Source:
        if self.kind == "epaper" and not self.edition_url:
            raise ValueError("an epaper source needs edition_url")
        if self.kind == "epaper" and self.edition_url and "{date" not in self.edition_url:
            raise ValueError("edition_url needs a {date:...} placeholder")
        if self.kind in ("listing", "feed") and not self.start_urls:
            raise ValueError(f"a {self.kind} source needs start_urls")
        remote = [h for h in _hosts([self.edition_url or "", *self.start_urls]) if h not in LOCAL_HOSTS]
        if self.delay == 0 and remote:
            raise ValueError(f"delay 0 is only allowed for local sites, not {remote[0]}: "
                             "be polite, e.g. delay: 1.0")
        return self


ChangeType = Literal["new", "revised", "rescheduled", "extended", "reaffirmed", "progress"]


class Notify(BaseModel):
    """One ``notify:`` entry: where to send (an Apprise URL), when, and which changes.

    ``when: digest`` (the default) sends each weekly digest, limited to the changes that pass
    the filters if any are given; ``when: change`` sends, after each crawl cycle, one message
    listing the new changes that pass the filters.
    """

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    url: str = Field(min_length=1)
    when: Literal["digest", "change"] = "digest"
    regions: list[str] = Field(default_factory=list)
    change_types: list[ChangeType] = Field(default_factory=list)
    themes: list[str] = Field(default_factory=list)
    indicator: str | None = None

    @field_validator("indicator")
    @classmethod
    def _indicator_regex(cls, value: str | None) -> str | None:
        return check_regex(value)

    @field_validator("themes")
    @classmethod
    def _known_themes(cls, value: list[str]) -> list[str]:
        from reports.themes import theme_order

        unknown = [theme for theme in value if theme not in theme_order()]
        if unknown:
            raise ValueError(f"unknown theme {unknown[0]!r}: use one of {', '.join(theme_order())}")
        return value

    @property
    def filtered(self) -> bool:
        """Whether the entry has any filter (a digest entry then gets a digest of its own)."""
        return bool(self.regions or self.change_types or self.themes or self.indicator)


class Config(BaseModel):
    """The whole of sources.yml."""

    model_config = ConfigDict(extra="forbid")

    sources: list[Source]
    notify: list[Notify] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=lambda: list(DEFAULT_REGIONS))
    #: crawl on these Scrapyd nodes instead of in-process (default: none, crawl here)
    scrapyd: Cluster | None = None

    @field_validator("regions")
    @classmethod
    def _regions(cls, value: list[str]) -> list[str]:
        names = [name.strip() for name in value]
        if not names:
            raise ValueError("name at least one region, or leave the key out "
                             "(default: 重庆市 and its districts)")
        if not all(names):
            raise ValueError("a region is an empty name: write it as the targets name it (万州区)")
        return names

    @field_validator("notify", mode="before")
    @classmethod
    def _bare_urls(cls, value: Any) -> Any:
        """A bare URL is a digest entry; an entry without a name is called ``notify-N``."""
        if not isinstance(value, list):
            return value
        entries = []
        for index, entry in enumerate(value, 1):
            if isinstance(entry, str):
                entry = {"url": entry}
            if isinstance(entry, dict) and "name" not in entry:
                entry = {"name": f"notify-{index}", **entry}
            entries.append(entry)
        return entries

    @model_validator(mode="after")
    def _unique_names(self) -> Config:
        for kind, names in (("source", [s.name for s in self.sources]),
                            ("notify", [n.name for n in self.notify])):
            duplicates = sorted({name for name in names if names.count(name) > 1})
            if duplicates:
                raise ValueError(f"{kind} names must be unique: {', '.join(duplicates)}")
        nodes = [node.name for node in self.scrapyd.nodes] if self.scrapyd else []
        for source in self.sources:
            if source.node is not None and source.node not in nodes:
                known = ", ".join(nodes) if nodes else "none: add a scrapyd: section"
                raise ValueError(f'source "{source.name}" is pinned to node "{source.node}", '
                                 f"which is not among the scrapyd nodes ({known})")
        return self

    def notify_entries(self, when: str) -> list[Notify]:
        """The ``notify:`` entries sent at one moment.

        :param when: ``digest`` or ``change``
        """
        return [entry for entry in self.notify if entry.when == when]

    def notify_entry(self, name: str) -> Notify:
        """The ``notify:`` entry called ``name``.

        :param name: entry name (``notify-N`` for the N-th entry without one)
        """
        for entry in self.notify:
            if entry.name == name:
                return entry
        known = ", ".join(entry.name for entry in self.notify) or "none"
        raise UnknownNotifyError(f'notify entry "{name}" is not in the configuration '
                                 f"(entries: {known})")

    def source(self, name: str) -> Source:
        """The source called ``name``.

        :param name: source name
        """
        for source in self.sources:
            if source.name == name:
                return source
        raise UnknownSourceError(f'source "{name}" is not in the configuration')


def config_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the config path: the argument, else ``$POLICYWATCH_CONFIG``, else sources.yml.

    :param path: an explicit path, or None
    """
    return Path(path or os.environ.get("POLICYWATCH_CONFIG") or DEFAULT_CONFIG)


#: Lists of named entries in sources.yml: how an error names the entry, and the name of an
#: entry without one.
_LIST_ENTRIES = {"sources": ("source", "#{}"), "notify": ("notify entry", "notify-{}")}


def _describe(error: dict[str, Any], data: Any) -> str:
    location = list(error["loc"])
    where = []
    if len(location) >= 2 and location[0] in _LIST_ENTRIES and isinstance(location[1], int):
        section, index = location[0], location[1]
        label, fallback = _LIST_ENTRIES[section]
        try:
            name = data[section][index].get("name") or fallback.format(index + 1)
        except (KeyError, IndexError, TypeError, AttributeError):
            name = fallback.format(index + 1)
        where.append(f'{label} "{name}"')
        location = location[2:]
    fields = [str(part) for part in location if not str(part).startswith(("function-", "literal"))]
    if fields:
        where.append(f'field "{".".join(fields)}"')
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown key (check its spelling)"
    return ", ".join(where + [message])


def parse_config(text: str, filename: str = DEFAULT_CONFIG) -> Config:
    """Validate YAML text as a sources configuration.

    :param text: YAML
    :param filename: used in error messages
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise ConfigError(f"{filename}:{line} is not valid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{filename}: expected a mapping with a 'sources' list")
    try:
        return Config.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        more = len(error.errors()) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ConfigError(f"{filename}: {_describe(first, data)}{suffix}") from None


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate sources.yml.

    :param path: see :func:`config_path`
    """
    target = config_path(path)
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{target}: no such file (pass --config or set POLICYWATCH_CONFIG)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{target}: cannot be read: {error}") from None
    return parse_config(text, str(target))
