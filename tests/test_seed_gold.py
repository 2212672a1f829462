"""The extractor reproduces the hand-made gold records of the two baseline documents exactly."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from diff.extract import extract_targets
from policywatch.baseline import load_manifest
from policywatch.normalize import normalize_line, normalize_text

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "fixtures" / "seed_targets.tsv"
SEEDS = {
    "000": ("000_f3ac365401359240.txt", dt.date(2025, 8, 20)),
    "002": ("002_846741d606615684.txt", dt.date(2025, 11, 26)),
}


def _number(text: str) -> float | None:
    return float(text) if text else None


def _gold(doc: str) -> list[tuple]:
    """Gold rows of one document as comparable tuples."""
    with GOLD.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row["doc"] == doc]
    return [(row["kind"], row["indicator"], _number(row["value"]), row["unit"],
             row["comparator"], int(row["year"]) if row["year"] else None, row["region"])
            for row in rows]


def _extracted(doc: str) -> list[tuple]:
    """Records the extractor finds in one seed read as ``policywatch init`` reads it: with
    the headline and origin of baseline/manifest.yml."""
    name, published = SEEDS[doc]
    entry = next(e for e in load_manifest(ROOT / "baseline") if e.file == name)
    text = normalize_text((ROOT / "baseline" / name).read_text(encoding="utf-8"))
    return [(t.kind, t.indicator, t.value, t.unit, t.comparator, t.year, t.region)
            for t in extract_targets(text, published, title=normalize_line(entry.title),
                                     source=entry.origin)]


@pytest.mark.parametrize("doc", sorted(SEEDS))
def test_every_gold_row_is_found(doc: str) -> None:
    """Each gold row comes out with the same kind, indicator, value, unit, comparator, year, region."""
    extracted = Counter(_extracted(doc))
    missing = [row for row in _gold(doc) if extracted[row] == 0]
    assert missing == []


@pytest.mark.parametrize("doc", sorted(SEEDS))
def test_nothing_beyond_the_gold(doc: str) -> None:
    """No record that the gold leaves out (dates, meta-counts, growth multiples, slogans)."""
    gold = Counter(_gold(doc))
    extra = [row for row in _extracted(doc) if gold[row] == 0]
    assert extra == []
    assert len(_extracted(doc)) == len(_gold(doc))


def test_gold_fixture_matches_shared_copy() -> None:
    """The fixture is a faithful copy of the shared gold file when that file is present."""
    shared = Path("/work/shared/baseline-gold/seed_targets.tsv")
    rows = GOLD.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 28  # header and 27 records
    if shared.exists():
        assert shared.read_text(encoding="utf-8").splitlines() == rows


@pytest.mark.parametrize("doc", sorted(SEEDS))
def test_offsets_point_into_the_text(doc: str) -> None:
    """start/end index the normalised text, and the sentence contains the quantity."""
    name, published = SEEDS[doc]
    text = normalize_text((ROOT / "baseline" / name).read_text(encoding="utf-8"))
    records = extract_targets(text, published)
    assert [r.start for r in records] == sorted(r.start for r in records)
    for record in records:
        span = text[record.start:record.end]
        assert span and span in record.sentence
        assert record.sentence in text


@pytest.mark.parametrize("doc", sorted(SEEDS))
def test_cli_extract_json_matches_gold(doc: str) -> None:
    """`policywatch extract FILE --json --published DATE` prints exactly the gold records."""
    import json

    from click.testing import CliRunner

    from policywatch.cli import cli

    name, published = SEEDS[doc]
    result = CliRunner().invoke(
        cli, ["extract", str(ROOT / "baseline" / name), "--json", "--published", published.isoformat()])
    assert result.exit_code == 0, result.output
    printed = [json.loads(line) for line in result.output.splitlines()]
    got = Counter((r["kind"], r["indicator"], None if r["value"] is None else float(r["value"]),
                   r["unit"], r["comparator"], r["year"], r["region"]) for r in printed)
    assert got == Counter(_gold(doc))
