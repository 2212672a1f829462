"""Regex alternations of many literal words, built as prefix trees."""

from __future__ import annotations

import re


def longest_first(words: list[str]) -> str:
    """A regex alternation of ``words`` that prefers the longest at every position, built as
    a prefix tree (千(?:瓦时?|米)): one comparison per character instead of one per word.

    :param words: literal words
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict) -> str:
    """The alternation for the words below one node of the prefix tree."""
    options = [re.escape(ch) + _branches(child) for ch, child in node.items() if ch]
    if not options:
        return ""
    body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
    if "" in node:  # a word ends here: the longer words are tried first, then this one
        return body + "?" if len(options) == 1 and len(body) == 1 else "(?:" + body + ")?"
    return body
