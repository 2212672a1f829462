"""Indicator identity: when two mentions name the same indicator.

A mention's ``indicator_key`` is ``<name>|<dimension>``: ``name`` is the curated canonical
name when the canonicalised text is one of its aliases (``diff/indicators.yml``), else the
nearest known name by rapidfuzz (only among names of the same unit dimension), else the
canonicalised text itself. ``dimension`` is what the unit measures, so 改造老旧小区 (个) and
改造老旧小区 (平方米) get different keys. Region is not part of the key but of identity: callers
compare mentions only within one region (see :func:`same_indicator`).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

INDICATORS_FILE = Path(__file__).resolve().parent / "indicators.yml"

#: rapidfuzz ratio (0-100) at or above which two names of the same dimension are one indicator
FUZZY_THRESHOLD = 88.0

UNIT_DIMENSIONS: dict[str, str] = {
    "": "none",
    "个": "count", "家": "count", "台": "count", "处": "count", "条": "count", "座": "count",
    "项": "count", "所": "count", "辆": "count", "艘": "count", "架": "count", "套": "count",
    "栋": "count", "间": "count", "张": "count", "只": "count", "件": "count", "场": "count",
    "次": "count", "批": "count", "类": "count", "种": "count", "部": "count", "块": "count",
    "户": "households",
    "人": "people", "名": "people", "位": "rank", "人次": "visits",
    "公里": "length", "千米": "length", "米": "length",
    "平方公里": "area", "平方米": "area", "亩": "area", "公顷": "area",
    "元": "money", "美元": "money_usd",
    "%": "percent", "个百分点": "points", "倍": "multiple",
    "列": "count", "株": "count", "棵": "count", "床": "count", "册": "count", "款": "count",
    "片": "count", "轮": "count", "架次": "visits", "车次": "visits", "‰": "permille", "立方米": "volume",
    "吨": "mass", "千瓦": "power", "千瓦时": "energy", "标准箱": "teu", "标箱": "teu",
    "年": "years", "天": "days", "小时": "hours", "分钟": "minutes",
}

DISTRICTS = (
    "渝中区 大渡口区 江北区 沙坪坝区 九龙坡区 南岸区 北碚区 渝北区 巴南区 万州区 涪陵区 黔江区 "
    "长寿区 江津区 合川区 永川区 南川区 綦江区 大足区 璧山区 铜梁区 潼南区 荣昌区 开州区 梁平区 "
    "武隆区 城口县 丰都县 垫江县 忠县 云阳县 奉节县 巫山县 巫溪县 石柱土家族自治县 "
    "秀山土家族苗族自治县 酉阳土家族苗族自治县 彭水苗族土家族自治县 两江新区 西部科学城重庆高新区 "
    "重庆高新区 万盛经开区"
).split()

REGION_PREFIXES = tuple(sorted(
    [*DISTRICTS, "重庆市", "重庆", "成都市", "成都", "川渝地区", "川渝", "成渝地区", "全市", "全区",
     "全县", "我市", "我区", "本市", "市域", "市内"],
    key=len, reverse=True,
))
VERB_PREFIXES = tuple(sorted(
    ["实现", "达到", "达", "新建", "建成", "新增", "累计", "完成", "推动", "推进", "力争", "确保",
     "提升", "提高", "打造", "建设", "更新改造", "改造", "更新", "保护修缮", "保护利用", "创建",
     "培育", "新培育", "引进", "开工", "全面", "持续", "加快", "支持", "使", "让", "将", "把"],
    key=len, reverse=True,
))
COMPARATOR_SUFFIXES = tuple(sorted(
    ["以上", "以内", "以下", "左右", "超过", "突破", "不低于", "不少于", "不超过", "控制在", "达到",
     "达", "约", "提升至", "提高到", "提高至", "增长", "为"],
    key=len, reverse=True,
))
_PUNCT = re.compile(r"[\s\"'“”‘’「」《》()（）、,，.。:：;；!！?？·\-—]+")


@dataclass(frozen=True)
class Indicator:
    """One entry of the curated alias table."""

    name: str
    aliases: tuple[str, ...]
    dimension: str
    scope: str


class IndicatorTableError(ValueError):
    """diff/indicators.yml is malformed."""


def canonical(text: str) -> str:
    """The comparable form of an indicator name: region words, verbs and comparators stripped.

    :param text: the indicator as the text names it (normalised, simplified Chinese)
    """
    name = _PUNCT.sub("", unicodedata.normalize("NFKC", text or "")).upper()
    changed = True
    while changed:
        changed = False
        for prefixes in (REGION_PREFIXES, VERB_PREFIXES):
            for prefix in prefixes:
                if name.startswith(prefix) and len(name) - len(prefix) >= 2:
                    name = name[len(prefix):]
                    changed = True
                    break
        for suffix in COMPARATOR_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                name = name[: -len(suffix)]
                changed = True
                break
    return name


def dimension(unit: str | None) -> str:
    """What a base unit measures: ``count``, ``length``, ``percent`` …; unknown units are their own.

    :param unit: base unit as in a target record (``个``, ``公里``, ``%``), or empty
    """
    unit = (unit or "").strip()
    return UNIT_DIMENSIONS.get(unit, f"unit:{unit}")


@functools.lru_cache(maxsize=4)
def load_table(path: Path = INDICATORS_FILE) -> tuple[Indicator, ...]:
    """The curated indicators of ``indicators.yml``.

    :param path: the alias table
    :raises IndicatorTableError: when an entry lacks a field or two entries claim one alias
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        entries = data["indicators"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
        raise IndicatorTableError(f"{path}: cannot read the indicator table: {error}") from None
    table = []
    seen: dict[str, str] = {}
    for number, entry in enumerate(entries, 1):
        try:
            item = Indicator(
                name=str(entry["name"]),
                aliases=tuple(str(alias) for alias in entry.get("aliases") or ()),
                dimension=str(entry["dimension"]),
                scope=str(entry.get("scope", "stock")),
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise IndicatorTableError(f"{path}: entry {number} lacks {error}") from None
        if item.dimension not in set(UNIT_DIMENSIONS.values()):
            raise IndicatorTableError(f"{path}: {item.name}: unknown dimension {item.dimension!r}")
        for alias in (item.name, *item.aliases):
            key = canonical(alias)
            if seen.get(key, item.name) != item.name:
                raise IndicatorTableError(
                    f"{path}: alias {alias!r} of {item.name} is already an alias of {seen[key]}"
                )
            seen[key] = item.name
        table.append(item)
    return tuple(table)


@functools.lru_cache(maxsize=4)
def _aliases(path: Path = INDICATORS_FILE) -> dict[str, Indicator]:
    return {canonical(alias): item for item in load_table(path)
            for alias in (item.name, *item.aliases)}


def lookup(indicator: str, path: Path = INDICATORS_FILE) -> Indicator | None:
    """The curated indicator whose name or alias ``indicator`` is, or None.

    :param indicator: the indicator as the text names it
    :param path: the alias table
    """
    return _aliases(path).get(canonical(indicator))


def split_key(key: str) -> tuple[str, str]:
    """``(name, dimension)`` of an indicator key.

    :param key: a key made by :func:`indicator_key`
    """
    name, _, dim = key.rpartition("|")
    return name, dim


def insertions_only(a: str, b: str) -> bool:
    """Whether the shorter name is the longer one with characters left out (no substitutions).

    国家科技创新基地平台 / 国家级科技创新基地平台 qualifies; 城区建成区面积 / 城市建成区面积
    and 城乡居民收入 / 城镇居民收入 do not: a substituted character usually names another thing.

    :param a: a canonical name
    :param b: another canonical name
    """
    short, long = sorted((a, b), key=len)
    chars = iter(long)
    return all(char in chars for char in short)


def fuzzy_lengths(name: str) -> tuple[int, int]:
    """The shortest and longest names that can reach :data:`FUZZY_THRESHOLD` against ``name``.

    For names where one is the other with characters left out, rapidfuzz's ratio is
    ``200 * short / (short + long)``; the bounds are rounded outwards.

    :param name: a canonical name
    """
    size = len(name)
    return (math.floor(size * FUZZY_THRESHOLD / (200 - FUZZY_THRESHOLD)),
            math.ceil(size * (200 - FUZZY_THRESHOLD) / FUZZY_THRESHOLD))


def name_grams(name: str) -> set[str]:
    """The character bigrams of a canonical name (a one-character name is its own gram).

    Any two names within :data:`FUZZY_THRESHOLD` that differ only by left-out characters share
    a bigram: the threshold allows at most a fifth of the characters to be left out, and each
    breaks at most two bigrams. So the bigrams of a name find every fuzzy candidate.

    :param name: a canonical name
    """
    return {name[i:i + 2] for i in range(len(name) - 1)} or {name}


@functools.lru_cache(maxsize=4)
def _curated_by_dimension(path: Path = INDICATORS_FILE) -> dict[str, tuple[str, ...]]:
    by_dimension: dict[str, list[str]] = {}
    for alias, item in _aliases(path).items():
        by_dimension.setdefault(item.dimension, []).append(alias)
    return {dim: tuple(sorted(aliases)) for dim, aliases in by_dimension.items()}


def indicator_key(indicator: str, unit: str | None, known: Iterable[str] = (),
                  path: Path = INDICATORS_FILE) -> str:
    """The identity key of a mention: ``<name>|<dimension>``.

    :param indicator: the indicator as the text names it
    :param unit: its base unit; empty takes the curated indicator's dimension
    :param known: keys already used in the same region (the baseline and earlier mentions);
        a name within :data:`FUZZY_THRESHOLD` of one of these, or of a curated alias, of the
        same dimension, differing only by left-out characters (:func:`insertions_only`),
        joins it (equal scores: the first name in code-point order, whatever the hash seed).
        A curated alias is matched exactly, never fuzzily, so look-alike curated names
        (城区建成区面积 / 城市建成区面积) stay apart. Only the keys sharing a bigram with the
        name (:func:`name_grams`) can match, so callers may pass just those.
    :param path: the alias table
    """
    name = canonical(indicator)
    dim = dimension(unit)
    aliases = _aliases(path)
    curated = aliases.get(name)
    if curated is not None and (dim == curated.dimension or dim == "none"):
        return f"{curated.name}|{curated.dimension}"
    if curated is not None:
        return f"{name}|{dim}"
    candidates = set(_curated_by_dimension(path).get(dim, ()))
    candidates.update(name for name, known_dim in map(split_key, known) if known_dim == dim)
    best, best_score = None, 0.0
    for candidate in sorted(candidates):  # ties go to the first name in code-point order
        score = fuzz.ratio(name, candidate)
        if score > best_score and insertions_only(name, candidate):
            best, best_score = candidate, score
    if best is not None and best_score >= FUZZY_THRESHOLD:
        item = aliases.get(best)
        return f"{item.name}|{item.dimension}" if item else f"{best}|{dim}"
    return f"{name}|{dim}"


def same_indicator(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two target rows (with ``indicator_key``) are one indicator: same key and region.

    :param a: a target row
    :param b: another target row
    """
    return bool(a.get("indicator_key")) and a.get("indicator_key") == b.get("indicator_key") \
        and (a.get("region") or "重庆市") == (b.get("region") or "重庆市")
