"""Bounded work per article: no sentence or article past a sane length, a time budget.

A crawled page can be one 300 KB sentence; extraction cost grows with sentence length, so the
diff runner cuts long sentences into pieces and long articles at a limit first. Both keep the
text's length (a comma, space or, failing that, one character becomes a sentence end), so
target offsets still point into the stored body. What was changed is returned as notes.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType

#: Longest sentence handed to the extractor; real policy sentences stay well under 1,000 characters.
MAX_SENTENCE = 2000
#: Longest article text handed to the extractor; a long work report is about 40,000 characters.
MAX_ARTICLE = 60_000
#: Most targets one article may yield; a work report has a few hundred, a table dump thousands.
MAX_TARGETS = 1000
#: How far back from a cut to look for a comma or space to turn into the sentence end.
LOOK_BACK = 300
SENTENCE_END = re.compile(r"[。!?;\n]")
SOFT_BREAK = re.compile(r"[,，、:： ]")


@dataclass
class Bounded:
    """An article's text as the extractor gets it, and what was done to it."""

    text: str
    cut: int = 0
    splits: int = 0

    def note(self) -> str:
        """A Chinese note for source health, or "" when the text was left alone."""
        parts = []
        if self.cut:
            parts.append(f"正文超过{MAX_ARTICLE}字，截去{self.cut}字")
        if self.splits:
            parts.append(f"超长句子拆分{self.splits}处")
        return "；".join(parts)


def _split_long(sentence: str) -> tuple[str, int]:
    """A sentence with a sentence end at most every MAX_SENTENCE characters; how many were made."""
    chars = list(sentence)
    start, splits = 0, 0
    while len(chars) - start > MAX_SENTENCE:
        end = start + MAX_SENTENCE - 1
        window = "".join(chars[end - LOOK_BACK:end + 1])
        soft = [m.start() for m in SOFT_BREAK.finditer(window)]
        at = end - LOOK_BACK + soft[-1] if soft else end
        chars[at] = "。"
        start, splits = at + 1, splits + 1
    return "".join(chars), splits


def bound_text(text: str) -> Bounded:
    """Cut ``text`` at MAX_ARTICLE and split every sentence longer than MAX_SENTENCE.

    :param text: the normalised article body
    """
    result = Bounded(text[:MAX_ARTICLE], cut=max(0, len(text) - MAX_ARTICLE))
    pieces, start = [], 0
    for end in [m.end() for m in SENTENCE_END.finditer(result.text)] + [len(result.text)]:
        piece = result.text[start:end]
        if len(piece) > MAX_SENTENCE:
            piece, splits = _split_long(piece)
            result.splits += splits
        pieces.append(piece)
        start = end
    result.text = "".join(pieces)
    return result


class ExtractionTimeout(Exception):  # noqa: N818 - reads as what happened
    """Extraction of one article overran its time budget."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`ExtractionTimeout` in the block after ``seconds`` (SIGALRM, main thread).

    Off the main thread (where no signal can be delivered) the block runs unbounded; an
    article that never finishes there is caught by the attempt count instead.

    :param seconds: the budget
    """
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise ExtractionTimeout(f"extraction took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
