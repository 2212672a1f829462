"""Comparators: the words around a number that bound it (不低于 ≥, 以内 ≤, 超过 >, 左右 ~)."""

from __future__ import annotations

import re

from diff.phrases import WORD_ENDING_IN_YUE

#: Words that bound the number right after them, by the comparator they give. Each is
#: matched at the prefix's end by a pattern that opens with the word (what must not stand
#: before it checked behind it), so the regex engine skips to the words.
_WORDS_BEFORE = {
    ">=": ("不低于", "不少于", "至少", "迈上", "跃上", "迈向", "以上", "达到并超过", "达到或超过", "达到或者超过", "≥", ">="),
    "<=": ("不超过", "不高于", "不多于", "控制在", "以内", "≤", "<="),
    ">": ("超过", "突破", "跨越", "跨过", "迈过", "超", "逾", "高于"),  # not after 不 (不超过)
    "<": ("低于", "不到"),
    "~": ("大约", "约", "近", "左右"),  # then perhaps 人民币; not 约 ending a word (签约, 节约)
}


def _at_end(word: str, comparator: str) -> str:
    """The pattern of a comparator word that ends a number's prefix."""
    word = re.escape(word)
    if comparator == ">":
        return f"{word}(?<!不{word})$"
    if word == "约":
        return "约(?<!" + WORD_ENDING_IN_YUE + "约)(?:人民币)?$"
    return word + ("(?:人民币)?$" if comparator == "~" else "$")


_COMPARATOR_BEFORE = [(re.compile("|".join(_at_end(word, comparator) for word in words)), comparator)
                      for comparator, words in _WORDS_BEFORE.items()]
_COMPARATOR_AFTER = [
    (re.compile(r"^(?:及以上|以上)"), ">="),
    (re.compile(r"^(?:以内|以下)"), "<="),
    (re.compile(r"^(?:左右|上下)"), "~"),
]
#: Every comparator pattern before or after a number in one: most numbers have none, and one
#: scan says so instead of one per pattern (before it, one flat alternation of words, which the
#: regex engine skips to).
_ANY_COMPARATOR_BEFORE = re.compile("|".join(pattern.pattern for pattern, _ in _COMPARATOR_BEFORE))
_ANY_COMPARATOR_AFTER = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _COMPARATOR_AFTER))
#: The last character of every comparator word before a number, and 人民币's: a match ends the
#: prefix (a sentence holds no line break for $ to stop before), so a prefix that ends with
#: none of them is not scanned.
_LAST_BEFORE = frozenset({word[-1] for words in _WORDS_BEFORE.values() for word in words} | {"币"})
#: The first character of every comparator word after a number.
_FIRST_AFTER = frozenset("及以左上")


def comparator_around(prefix: str, after: str, default: str) -> tuple[str, str]:
    """The comparator the words around a number give (不低于 → >=), and the comparator text after
    it (以上), to be skipped.

    :param prefix: the words of the number's item before it
    :param after: the sentence after the number
    :param default: the number's own comparator (余, 多: >)
    """
    for pattern, comparator in _COMPARATOR_AFTER \
            if after[:1] in _FIRST_AFTER and _ANY_COMPARATOR_AFTER.match(after) else ():
        match = pattern.match(after)
        if match:
            return comparator, match.group(0)
    if default != "=":
        return default, ""
    for pattern, comparator in _COMPARATOR_BEFORE \
            if prefix[-1:] in _LAST_BEFORE and _ANY_COMPARATOR_BEFORE.search(prefix) else ():
        if pattern.search(prefix):
            return comparator, ""
    return default, ""
