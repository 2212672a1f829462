"""Restatements: one record per thing a document states, however often it states it (headline and
body, summary and list, a page's footer repeating the headline)."""

from __future__ import annotations

import re

from diff.record import Target
from diff.scopes import WORDS_ONLY


class Restatements:
    """The records of a document, one per thing stated: a restatement (headline and body,
    summary and list) has the same kind, year, region, value and unit, and one indicator inside
    the other (专精特新“小巨人” in the headline, 新培育专精特新“小巨人”企业 in the body). The
    fuller statement is kept.

    A headline repeated as the body's first line is read before the lead that places it and
    names its thing in a headline's words (山城步道“2.0版本”来了 2025年突破1000公里): the body's
    first record of the same kind, year, value and unit whose indicator shares words with it
    states the same, and takes its place."""

    def __init__(self, headline_words: str = "") -> None:
        """:param headline_words: the headline without spaces and punctuation
        (:attr:`diff.scopes.Scopes.title_words`)"""
        self.records: list[Target] = []
        self._same_key: dict[tuple, list[int]] = {}
        self._headline = headline_words
        self._from_headline: dict[tuple, int] = {}

    def add(self, record: Target) -> None:
        """Keep ``record``, unless it restates a kept one; it replaces that one when it names
        the thing more fully."""
        key = (record.kind, record.year, record.value, record.unit)
        headline = self._from_headline.get(key)
        if headline is not None and _share_words(self.records[headline].indicator, record.indicator):
            del self._from_headline[key]
            self.records[headline] = record
            self._same_key.setdefault((*key[:2], record.region, *key[2:]), []).append(headline)
            return
        indexes = self._same_key.setdefault(
            (record.kind, record.year, record.region, record.value, record.unit), [])
        for index in indexes:
            kept = self.records[index]
            if _same_thing(record.indicator, kept.indicator, record.unit):
                if len(record.indicator) > len(kept.indicator):
                    self.records[index] = record
                return
        if self._headline and self._restates_headline(record.sentence):
            if any((kept.kind, kept.year, kept.value, kept.unit) == key
                   and _share_words(kept.indicator, record.indicator) for kept in self.records):
                return  # a page's footer repeating the headline (查看完整版本: <headline>)
            self._from_headline.setdefault(key, len(self.records))
        indexes.append(len(self.records))
        self.records.append(record)

    def _restates_headline(self, sentence: str) -> bool:
        """Whether a sentence is the headline again, spaces and punctuation aside, or ends
        with it after a page's words (查看完整版本: <headline>); its last character is compared
        first, which settles it for almost every sentence."""
        closing = WORDS_ONLY.search(sentence, len(sentence) - 1)
        end = closing.start() if closing else len(sentence)
        return sentence.endswith(self._headline[-1], 0, end) \
            and WORDS_ONLY.sub("", sentence).endswith(self._headline)



def _share_words(one: str, other: str) -> bool:
    """Whether two indicators share a word (two characters in a row)."""
    return any(one[i:i + 2] in other for i in range(len(one) - 1))


_QUOTES = re.compile(r"[“”]")


def _same_thing(one: str, other: str, unit: str) -> bool:
    """Whether two indicators of the same value name the same thing, one inside the other; a
    short one only as the other's head (人口 and 常住人口), and not for a share (覆盖率 is the
    head of many a 100%)."""
    if "“" in one or "“" in other:  # 建成“口袋公园” and 建成口袋公园
        one, other = _QUOTES.sub("", one), _QUOTES.sub("", other)
    shorter, longer = sorted((one, other), key=len)
    if shorter == longer or len(shorter) >= 4:
        return shorter in longer
    return len(shorter) >= 2 and unit != "%" and longer.endswith(shorter)
