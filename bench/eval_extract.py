"""Score the target extractor on the real corpus (``corpus/``, see its README).

Prints, per batch and overall: loose precision/recall/F1 (value, unit and year right, the
indicator loosely), tuple F1 (also the region, and an indicator that names the thing), and
the false targets found in ordinary news texts. ``--sealed`` scores the sealed batches
(``sealed``, ``sealed2`` …) alone, figures only (``-v`` is ignored: their texts are never read
while rules are written); run it only when a change is finished. ``-v`` lists every miss,
false target and wrong tuple of the development batches.
The script always exits 0.

Run: .venv/bin/python bench/eval_extract.py [-v] [--batch b1 --batch b2] [--sealed]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diff.extract import Document, extract  # noqa: E402
from policywatch.evaluation import (  # noqa: E402
    CorpusText,
    Report,
    TextResult,
    evaluate,
    load_corpus,
    sealed_batches,
)

CORPUS = ROOT / "corpus"


def run_extractor(text: CorpusText) -> list[dict[str, Any]]:
    """The extractor's records for one corpus text."""
    document = Document(body=text.body, title=text.title, published=text.published,
                        source=text.source)
    return [record.to_dict() for record in extract(document)]


def _value(record: dict[str, Any]) -> str:
    value = record["value"]
    value = "" if value is None else (str(int(value)) if float(value).is_integer() else str(value))
    return f"{record.get('comparator', '')}{value}{record['unit']}"


def _line(record: dict[str, Any]) -> str:
    return (f"{record['indicator']} | {_value(record)} | {record['year'] or ''} | "
            f"{record['region']}")


def print_details(result: TextResult) -> None:
    """Misses, false targets and wrong tuples of one text."""
    if not (result.missed or result.spurious or result.wrong_tuple):
        return
    print(f"\n-- {result.text.batch}/{result.text.stem}")
    for gold in result.missed:
        print(f"  MISS   {_line(gold)}   «{gold['evidence']}»")
    for got in result.spurious:
        print(f"  FALSE  {_line(got)}   «{got['sentence'][:70]}»")
    for gold, got in result.wrong_tuple:
        print(f"  TUPLE  gold {_line(gold)}\n         got  {_line(got)}")


def print_report(title: str, report: Report) -> None:
    """One line of figures."""
    negatives = report.negatives
    per_negative = report.false_in_negatives / len(negatives) if negatives else 0.0
    gold = report.loose.tp + report.loose.fn
    print(f"{title:<10} texts {len(report.results):>3}  gold {gold:>4}  "
          f"loose P {report.loose.precision:.2f} R {report.loose.recall:.2f} "
          f"F1 {report.loose.f1:.2f}  tuple F1 {report.tuple.f1:.2f}  "
          f"false in news {report.false_in_negatives} / {len(negatives)} texts "
          f"({per_negative:.2f} each)")


def main() -> None:
    """Parse arguments, score, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", action="append",
                        help="batch to score (default: every development batch)")
    parser.add_argument("--sealed", action="store_true",
                        help="score the sealed batches alone, figures only")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args()
    batches = sealed_batches(CORPUS) if args.sealed else args.batch
    texts = load_corpus(CORPUS, batches)
    if not texts:
        print("no corpus texts found")
        return
    report = evaluate(texts, run_extractor)
    if args.verbose and not args.sealed:
        for result in report.results:
            print_details(result)
        print()
    for batch in sorted({text.batch for text in texts}):
        print_report(batch, Report([r for r in report.results if r.text.batch == batch]))
    print_report("all", report)


if __name__ == "__main__":
    main()
