"""Scoring the extractor against hand gold: the real corpus under ``corpus/`` (see its README).

A corpus text is a file with header lines (``url:``, ``title:``, ``date:``, ``source:``), a
line ``---`` and the body as retrieved. ``gold.tsv`` beside the texts lists their targets in
the seed gold's columns. Only targets are scored: statistics and qualitative goals are not
annotated in the corpus.

Two measures, each a precision/recall/F1 over one-to-one matches within a document:

- **loose**: same value (base units), unit and year; the indicator only loosely (it shares
  characters with the gold's, or the number is the one the gold's evidence holds);
- **tuple**: loose, and the same region, and an indicator that names the thing (the gold's
  indicator and the extracted one overlap by most of their characters).

Negative texts (stems ``n_…``) add a third figure: false targets per text.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from policywatch.document import split_header
from policywatch.normalize import normalize_line, normalize_text

Extractor = Callable[["CorpusText"], list[dict[str, Any]]]


@dataclass
class CorpusText:
    """One text of the corpus, its body normalised as the crawler stores it."""

    batch: str
    stem: str
    url: str
    title: str
    published: dt.date | None
    source: str
    body: str
    gold: list[dict[str, Any]] = field(default_factory=list)

    @property
    def negative(self) -> bool:
        """Whether the text is ordinary news (stem ``n_…``)."""
        return self.stem.startswith("n_")


def read_text_file(path: Path) -> tuple[dict[str, str], str]:
    """The header fields and the raw body of a corpus file.

    :param path: a ``.txt`` file of the corpus
    """
    header, body = split_header(path.read_text(encoding="utf-8"))
    if not header:
        raise ValueError(f"{path}: no header and '---' line before the body")
    return header, body


def _gold_row(row: dict[str, str]) -> dict[str, Any]:
    """A gold row typed: value as float, year as int or None."""
    return {
        "doc": row["doc"], "kind": row["kind"], "indicator": normalize_line(row["indicator"]),
        "value": float(row["value"]) if row["value"].strip() else None,
        "unit": row["unit"].strip(), "comparator": row["comparator"].strip(),
        "year": int(row["year"]) if row["year"].strip() else None,
        "region": row["region"].strip() or "重庆市", "evidence": row["evidence"],
    }


#: The corpus's note that the search tool cut the page here: not part of the page.
RETRIEVAL_NOTE = "excerpt ends here"


def _without_retrieval_note(body: str) -> str:
    """The body without a closing ``excerpt ends here`` line, as the page itself ends."""
    stripped = body.rstrip()
    if stripped.endswith("\n" + RETRIEVAL_NOTE) or stripped == RETRIEVAL_NOTE:
        return stripped[:-len(RETRIEVAL_NOTE)]
    return body


def load_batch(directory: Path) -> list[CorpusText]:
    """The texts of one batch directory with their gold rows.

    :param directory: ``corpus/<batch>``
    """
    gold: dict[str, list[dict[str, Any]]] = {}
    gold_path = directory / "gold.tsv"
    if gold_path.exists():
        with gold_path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                gold.setdefault(row["doc"], []).append(_gold_row(row))
    texts = []
    for path in sorted(directory.glob("*.txt")):
        header, body = read_text_file(path)
        date = header.get("date", "")
        texts.append(CorpusText(
            batch=directory.name, stem=path.stem, url=header.get("url", ""),
            title=normalize_line(header.get("title", "")),
            published=dt.date.fromisoformat(date) if date else None,
            source=header.get("source", ""), body=normalize_text(_without_retrieval_note(body)),
            gold=gold.get(path.stem, []),
        ))
    return texts


def sealed_batches(root: Path) -> list[str]:
    """The sealed batches (``sealed``, ``sealed2`` …): never read while rules are written.

    :param root: the ``corpus`` directory
    """
    return sorted(p.name for p in root.iterdir() if p.is_dir() and p.name.startswith("sealed"))


def load_corpus(root: Path, batches: Iterable[str] | None = None) -> list[CorpusText]:
    """Every text of the named batches (default: every development batch, no sealed one).

    :param root: the ``corpus`` directory
    :param batches: batch names to load
    """
    sealed = sealed_batches(root)
    names = list(batches) if batches else sorted(
        p.name for p in root.iterdir() if p.is_dir() and p.name not in sealed)
    return [text for name in names for text in load_batch(root / name)]


def same_value(a: float | None, b: float | None) -> bool:
    """Float compare with a relative tolerance; None only equals None."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def indicator_names_thing(gold: str, got: str) -> bool:
    """Whether an extracted indicator names what the gold's names (most characters shared).

    :param gold: the annotated indicator
    :param got: the extracted indicator
    """
    if not got:
        return False
    shorter, longer = sorted((gold, got), key=len)
    if shorter in longer and len(shorter) >= 0.5 * len(longer):
        return True
    return fuzz.ratio(gold, got) >= 60 or (len(shorter) >= 4 and fuzz.partial_ratio(gold, got) >= 85)


def _evidence_holds(gold: dict[str, Any], got: dict[str, Any], text: CorpusText) -> bool:
    """Whether the extracted number lies inside the gold's evidence in the body."""
    evidence = normalize_line(gold["evidence"])
    start = text.body.find(evidence)
    while start >= 0:
        if start <= got["start"] < start + len(evidence):
            return True
        start = text.body.find(evidence, start + 1)
    return False


def loose_match(gold: dict[str, Any], got: dict[str, Any], text: CorpusText) -> bool:
    """Value, unit and year equal; the indicator shares characters or the evidence holds it."""
    if not same_value(gold["value"], got["value"]) or gold["unit"] != got["unit"]:
        return False
    if gold["year"] != got["year"]:
        return False
    shared = set(gold["indicator"]) & set(got["indicator"])
    return len(shared) >= 2 or _evidence_holds(gold, got, text)


def tuple_match(gold: dict[str, Any], got: dict[str, Any], text: CorpusText) -> bool:
    """A loose match with the same region and an indicator that names the thing."""
    return (loose_match(gold, got, text) and gold["region"] == got["region"]
            and indicator_names_thing(gold["indicator"], got["indicator"]))


@dataclass
class Score:
    """Counts of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class TextResult:
    """How the extractor did on one text."""

    text: CorpusText
    got: list[dict[str, Any]]
    loose: Score
    tuple: Score
    missed: list[dict[str, Any]]
    spurious: list[dict[str, Any]]
    wrong_tuple: list[tuple[dict[str, Any], dict[str, Any]]]


def _pairs(gold: list[dict[str, Any]], got: list[dict[str, Any]], text: CorpusText,
           match: Callable[..., bool]) -> list[tuple[int, int]]:
    """One-to-one greedy matches (gold index, got index), gold in document order."""
    free = list(range(len(got)))
    pairs = []
    for g_index, g in enumerate(gold):
        hit = next((i for i in free if match(g, got[i], text)), None)
        if hit is not None:
            free.remove(hit)
            pairs.append((g_index, hit))
    return pairs


def score_text(text: CorpusText, got: list[dict[str, Any]]) -> TextResult:
    """Score the extracted targets of one text against its gold.

    :param text: the corpus text
    :param got: the extracted records (only ``kind == "target"`` are scored)
    """
    targets = [record for record in got if record["kind"] == "target"]
    loose = _pairs(text.gold, targets, text, loose_match)
    strict = _pairs(text.gold, targets, text, tuple_match)
    matched_gold = {g for g, _ in loose}
    matched_got = {i for _, i in loose}
    strict_gold = {g for g, _ in strict}
    return TextResult(
        text=text, got=targets,
        loose=Score(len(loose), len(targets) - len(loose), len(text.gold) - len(loose)),
        tuple=Score(len(strict), len(targets) - len(strict), len(text.gold) - len(strict)),
        missed=[g for i, g in enumerate(text.gold) if i not in matched_gold],
        spurious=[t for i, t in enumerate(targets) if i not in matched_got],
        wrong_tuple=[(text.gold[g], targets[i]) for g, i in loose if g not in strict_gold],
    )


@dataclass
class Report:
    """The scores of a set of texts."""

    results: list[TextResult]
    loose: Score = field(default_factory=Score)
    tuple: Score = field(default_factory=Score)

    def __post_init__(self) -> None:
        """Add up the texts' scores."""
        for result in self.results:
            self.loose.add(result.loose)
            self.tuple.add(result.tuple)

    @property
    def negatives(self) -> list[TextResult]:
        """The results of the ordinary-news texts."""
        return [result for result in self.results if result.text.negative]

    @property
    def false_in_negatives(self) -> int:
        """Targets found in ordinary news texts."""
        return sum(len(result.spurious) for result in self.negatives)


def evaluate(texts: list[CorpusText], extract: Extractor) -> Report:
    """Run ``extract`` on every text and score it.

    :param texts: corpus texts
    :param extract: a function from a text to its records as dicts
    """
    return Report([score_text(text, extract(text)) for text in texts])
