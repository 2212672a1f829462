"""Scans of patterns that the regex engine cannot skip through, started only near their anchor."""

from __future__ import annotations

import re
from collections.abc import Iterator


def finditer_near(pattern: re.Pattern[str], anchor: re.Pattern[str], reach: int,
                  text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, each looked for from ``reach`` characters
    before the next match of ``anchor``.

    A pattern that opens with optional words or a look-behind (力争到2027年, (?<!比)2025年) makes
    the regex engine try it at every position; ``anchor`` (the year in it) opens with a
    character class, which the engine skips to. Every match of ``pattern`` must hold a match of
    ``anchor`` that starts at most ``reach`` characters after its own start: then no match
    starts before the next anchor less ``reach``, and the matches are the same, in the same
    order, as a full scan finds.

    :param pattern: the pattern to find
    :param anchor: what each of its matches holds near its start
    :param reach: how far after a match's start its anchor may start
    :param text: the text to scan
    """
    position = 0
    while (found := anchor.search(text, position)) is not None:
        match = pattern.search(text, max(position, found.start() - reach))
        if match is None:
            return
        yield match
        position = match.end()
