"""Regex alternations of many literal words, built as prefix trees."""

from __future__ import annotations

import re
from collections.abc import Iterator


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


class WordTable:
    """Finds the words of a large table (thousands of place names) in text.

    One alternation of thousands of words makes the regex engine try every first character
    in turn at each position; here a character class finds where a word may start (a first
    character followed by a second one: in Chinese text most characters can open some name,
    far fewer pairs can) and a small prefix-tree pattern for that first character matches the
    word, so the cost per position does not grow with the table.
    """

    def __init__(self, words: list[str]) -> None:
        """:param words: literal words, none empty"""
        by_first: dict[str, list[str]] = {}
        for word in words:
            by_first.setdefault(word[0], []).append(word)
        start = "[" + "".join(re.escape(ch) for ch in by_first) + "]"
        if all(len(word) >= 2 for word in words):
            start += "(?=[" + "".join(re.escape(ch) for ch in sorted({word[1] for word in words})) + "])"
        self._start = re.compile(start)
        self._words = {ch: re.compile(longest_first(group)) for ch, group in by_first.items()}

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The words in ``text``, leftmost and longest first, not overlapping (as
        ``re.finditer`` of their :func:`longest_first` alternation finds them)."""
        position = 0
        while (start := self._start.search(text, position)) is not None:
            at = start.start()
            word = self._words[text[at]].match(text, at)
            if word is None:
                position = at + 1
            else:
                yield word
                position = word.end()
