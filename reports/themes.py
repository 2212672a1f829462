"""The theme of an indicator in the digest: the indicator table first, keyword rules as fallback.

The table and the rules are data (``reports/themes.yml``): an indicator listed there has its
theme whatever words it contains (新能源汽车产量 is 产业, although 新能源 sounds green).
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

THEMES_FILE = Path(__file__).resolve().parent / "themes.yml"
OTHER = "其他"


@functools.cache
def _tables(path: Path = THEMES_FILE) -> tuple[dict[str, str], list[tuple[str, str]], list[str]]:
    """Indicator → theme, (keyword, theme) longest first, and the themes in display order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    by_indicator = {name: theme for theme, names in data["indicators"].items() for name in names}
    keywords = [(word, theme) for theme, words in data["keywords"].items() for word in words]
    keywords.sort(key=lambda pair: -len(pair[0]))  # stable: ties keep the file's theme order
    order = list(dict.fromkeys([*data["indicators"], *data["keywords"]]))
    return by_indicator, keywords, order


def theme_of(indicator: str | None, sentence: str | None = None, key: str | None = None) -> str:
    """The theme of a target: its indicator's entry in the table, else the longest keyword
    found in the indicator, else in the sentence, else 其他.

    :param indicator: the indicator as the text names it
    :param sentence: the sentence it came from
    :param key: its indicator key (``研发投入强度|percent``), whose name is looked up first
    """
    by_indicator, keywords, _ = _tables()
    for name in ((key or "").split("|")[0], indicator or ""):
        if name in by_indicator:
            return by_indicator[name]
    for text in (indicator or "", sentence or ""):
        for word, theme in keywords:
            if word in text:
                return theme
    return OTHER


def theme_order() -> list[str]:
    """Theme names in display order, 其他 last."""
    return [*_tables()[2], OTHER]
