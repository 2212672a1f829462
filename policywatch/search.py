"""Chinese full-text search with exact substring semantics on SQLite FTS5.

FTS5's unicode61 tokenizer treats a run of Han characters as one token, and the trigram
tokenizer cannot match terms under three characters. Instead every CJK character is indexed
as its own token (``spaced``), and a user's term becomes a phrase of single characters
(``phrase_query``), so 城市, 老旧小区 and 2027年 each match exactly the rows containing them.
"""

from __future__ import annotations

import re

_CJK = re.compile(
    r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\U00020000-\U0002ffff])"
)


def spaced(text: str | None) -> str:
    """Put spaces around every CJK character so FTS5 indexes each one as a token.

    :param text: text to index
    """
    return re.sub(r"\s+", " ", _CJK.sub(r" \1 ", text or "")).strip()


def phrase_query(term: str) -> str:
    """Turn a user's search term into an FTS5 query of quoted phrases, one per word.

    ``城市 更新`` becomes ``"城 市" "更 新"`` (both words, each as an exact sequence).

    :param term: what the user typed
    """
    phrases = []
    for word in term.split():
        tokens = spaced(word).replace('"', " ").split()
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"')
    return " ".join(phrases)
