"""Chinese full-text search on SQLite FTS5 with bigram terms, exact substring semantics.

FTS5's unicode61 tokenizer treats a run of Han characters as one token, and the trigram
tokenizer cannot match terms under three characters. So the text is indexed as bigram terms
(:func:`index_terms`): each run of Han characters becomes its overlapping bigrams followed by
its last character (城市更新 → 城市 市更 更新 新); other text stays as words. A search term
becomes the same terms as one phrase (:func:`phrase_query`): 城市更新 → ``"城市 市更 更新"``,
so a rare phrase reads the postings of its bigrams, never those of 市 or 区; a lone last
character becomes a prefix term (2027年 → ``"2027 年" *``, 城 → ``"城" *``), which a one-character
prefix index answers. Queries are converted to simplified Chinese first (重慶 finds 重庆).

The FTS tables are contentless (``content=''``): they hold the index only, never a second copy
of the bodies; :func:`snippet` cuts the marked excerpt from the stored text itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

from policywatch.normalize import to_simplified

_HAN = (r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff")
_PIECES = re.compile(rf"[{_HAN}]+|[^{_HAN}]+")
_IS_HAN = re.compile(rf"[{_HAN}]")
_ALL_HAN = re.compile(rf"[{_HAN}]+")
_WORD = re.compile(r"\w")
#: Private-use characters around the match in :func:`snippet` (see :func:`marked_html`).
MARK_START, MARK_END = "\ue000", "\ue001"


def _bigrams(run: str) -> list[str]:
    return [run[i:i + 2] for i in range(len(run) - 1)]


def index_terms(text: str | None) -> str:
    """The text as FTS5 should index it: Han runs as bigrams plus their last character.

    :param text: a title, body, indicator or sentence (normalised, simplified Chinese)
    """
    terms = []
    for piece in _PIECES.findall(text or ""):
        if _IS_HAN.match(piece):
            terms += [*_bigrams(piece), piece[-1]]
        else:
            terms.append(piece)
    return re.sub(r"\s+", " ", " ".join(terms)).strip()


def _word_phrase(word: str) -> str | None:
    pieces = [piece for piece in _PIECES.findall(word)
              if _IS_HAN.match(piece) or _WORD.search(piece)]
    terms: list[str] = []
    prefix = False
    for number, piece in enumerate(pieces):
        last = number == len(pieces) - 1
        if not _IS_HAN.match(piece):
            terms.append(piece.replace('"', " "))
        elif len(piece) == 1 and last:
            terms.append(piece)
            prefix = True
        else:
            terms += _bigrams(piece) if last else [*_bigrams(piece), piece[-1]]
    if not terms:
        return None
    return '"' + " ".join(terms) + '"' + (" *" if prefix else "")


def search_words(term: str) -> list[str]:
    """The words of a user's search term, in simplified Chinese.

    :param term: what the user typed
    """
    return to_simplified(term or "").split()


@lru_cache(maxsize=256)
def substring_words(term: str) -> tuple[str, ...]:
    """The words of ``term`` when its query matches exactly the texts that contain them all.

    That holds for words of Han characters only: their bigram phrase matches a text just when
    the word is a substring of it. Other words match FTS5 tokens, case-folded (``pm2.5`` finds
    PM2.5 but not PM2.50), so a term with any such word gives ``()``.

    :param term: what the user typed
    """
    words = search_words(term)
    return tuple(words) if words and all(_ALL_HAN.fullmatch(word) for word in words) else ()


def contains_words(term: str | None, *texts: str | None) -> bool:
    """Whether every word of ``term`` occurs in one of ``texts``: exactly what the FTS query of
    ``term`` matches in the indexed columns, when :func:`substring_words` gives its words.

    :param term: what the user typed, all Han words (else no text contains it)
    :param texts: the indexed columns' stored text (normalised, simplified Chinese)
    """
    words = substring_words(term or "")
    return bool(words) and all(any(text and word in text for text in texts) for word in words)


def phrase_query(term: str) -> str:
    """Turn a user's search term into an FTS5 query of quoted phrases, one per word.

    ``城市 更新`` becomes ``"城市" "更新"`` (both words, each as an exact sequence); 重慶 is
    searched as 重庆.

    :param term: what the user typed
    """
    phrases = [_word_phrase(word) for word in search_words(term)]
    return " ".join(phrase for phrase in phrases if phrase)


def snippet(text: str | None, term: str | None, width: int = 30) -> str | None:
    """An excerpt of ``text`` around the first word of ``term`` it contains, the match between
    :data:`MARK_START` and :data:`MARK_END`; the text's start when no word occurs.

    :param text: the stored text
    :param term: what the user typed
    :param width: characters kept on each side of the match
    """
    if not text:
        return text
    folded = text.casefold()
    hits = [(folded.find(word.casefold()), word) for word in search_words(term or "")]
    hits = [(start, word) for start, word in hits if start >= 0]
    if not hits:
        return text[:2 * width] + ("…" if len(text) > 2 * width else "")
    start, word = min(hits)
    end = start + len(word)
    before = max(0, start - width)
    after = min(len(text), end + width)
    return ("…" if before else "") + text[before:start] + MARK_START + text[start:end] + MARK_END \
        + text[end:after] + ("…" if after < len(text) else "")


def marked_html(value: str) -> Markup:
    """A :func:`snippet` as HTML: everything escaped, the match in ``<mark>``.

    :param value: a snippet with the match between :data:`MARK_START` and :data:`MARK_END`
    """
    return Markup(str(escape(value)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
