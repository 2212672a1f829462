"""Write a digest of the extractor's records for every document it is measured on.

One line per document (every corpus text, sealed batches included; the baseline seeds; the
generated benchmark corpus): its name, its number of records and the SHA-256 of the records
as JSON. ``make check-compiled`` compares the files of the interpreted and the compiled
extractor; only names, counts and digests are written, no text.

Run: .venv/bin/python scripts/record_digests.py --expect interpreted|compiled OUT
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import diff.extract  # noqa: E402
from bench.bench_extract import build_corpus  # noqa: E402
from diff.compiled import is_compiled  # noqa: E402
from diff.extract import extract, extract_targets  # noqa: E402
from diff.record import Document, Target  # noqa: E402
from policywatch.evaluation import load_corpus, sealed_batches  # noqa: E402


def documents_records() -> Iterator[tuple[str, list[Target]]]:
    """Each measured document's name and the records extracted from it."""
    corpus = ROOT / "corpus"
    for text in load_corpus(corpus, None) + load_corpus(corpus, sealed_batches(corpus)):
        yield text.stem, extract(Document(body=text.body, title=text.title,
                                          published=text.published, source=text.source))
    for path in sorted((ROOT / "baseline").glob("*.txt")):
        yield path.name, extract_targets(path.read_text(encoding="utf-8"), dt.date(2025, 8, 1))
    for number, text in enumerate(build_corpus(1.0, 7)):
        yield f"bench{number}", extract_targets(text, dt.date(2026, 1, 20))


def digest(records: list[Target]) -> str:
    """The SHA-256 of records as JSON."""
    dumped = json.dumps([record.to_dict() for record in records], ensure_ascii=False, default=str)
    return hashlib.sha256(dumped.encode("utf-8")).hexdigest()


def main() -> None:
    """Check which extractor runs, then write the digests."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--expect", choices=("interpreted", "compiled"), required=True,
                        help="which extractor must be running")
    parser.add_argument("out", type=Path, help="the file to write")
    args = parser.parse_args()
    running = "compiled" if is_compiled(diff.extract) else "interpreted"
    if running != args.expect:
        sys.exit(f"Error: the {running} extractor runs, not the {args.expect} one")
    lines, records = [], 0
    for name, found in documents_records():
        lines.append(f"{name}\t{len(found)}\t{digest(found)}\n")
        records += len(found)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{running} extractor: {len(lines)} documents, {records} records → {args.out}")


if __name__ == "__main__":
    main()
