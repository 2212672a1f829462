"""Score the target extractor on the hand-annotated evaluation corpus.

The corpus (``tests/fixtures/eval/``) is invented sample text written in the styles of real
Chongqing publications: plenary communiqués, government work reports, press conferences,
district and 川渝 news, statistical releases, progress reports, and ordinary news full of
numbers that announce no target (stems starting with ``n``). ``expected.tsv`` is the hand
annotation in the seed gold's format, ``dates.tsv`` the publication dates.

A strict match needs the same doc, kind, value (float compare), unit, comparator, year and
region; a loose match ignores unit and comparator. Indicator wording is never compared.
Matching is one-to-one. The script prints a report and always exits 0.

Run: .venv/bin/python bench/eval_extract.py [--quiet] [--doc STEM ...]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diff.extract import extract_targets  # noqa: E402
from policywatch.normalize import normalize_text  # noqa: E402

EVAL_DIR = ROOT / "tests" / "fixtures" / "eval"
KINDS = ("target", "statistic", "qualitative")


def _num(text: str | None) -> float | None:
    if text is None or str(text).strip() == "":
        return None
    return float(text)


def _year(text) -> int | None:
    if text is None or str(text).strip() == "":
        return None
    return int(text)


def _fmt_value(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def load_expected(path: Path) -> list[dict]:
    """The gold rows, typed."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows.append({
                "doc": row["doc"], "kind": row["kind"], "indicator": row["indicator"],
                "value": _num(row["value"]), "unit": row["unit"] or "",
                "comparator": row["comparator"] or "", "year": _year(row["year"]),
                "region": row["region"] or "重庆市", "evidence": row["evidence"],
            })
    return rows


def load_dates(path: Path) -> dict[str, dt.date]:
    """Publication date per document stem."""
    with path.open(encoding="utf-8") as handle:
        return {row["doc"]: dt.date.fromisoformat(row["published"])
                for row in csv.DictReader(handle, delimiter="\t")}


def same_value(a: float | None, b: float | None) -> bool:
    """Float compare with a relative tolerance; None only equals None."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _comparator(record: dict) -> str:
    # Qualitative goals carry no comparator in the gold; ignore whatever the extractor puts.
    return "" if record["kind"] == "qualitative" else record["comparator"]


def _unit(record: dict) -> str:
    return "" if record["kind"] == "qualitative" else record["unit"]


def matches(gold: dict, got: dict, strict: bool) -> bool:
    """Does an extracted record match a gold row (same doc is checked by the caller)?"""
    if gold["kind"] != got["kind"] or gold["year"] != got["year"]:
        return False
    if gold["region"] != got["region"]:
        return False
    if gold["kind"] != "qualitative" and not same_value(gold["value"], got["value"]):
        return False
    if strict and (_unit(gold) != _unit(got) or _comparator(gold) != _comparator(got)):
        return False
    return True


def pair(gold: list[dict], got: list[dict], strict: bool) -> tuple[list, list[dict], list[dict]]:
    """One-to-one greedy matching within a document: (pairs, missed, spurious)."""
    free = list(range(len(got)))
    pairs, missed = [], []
    for g in gold:
        hit = next((i for i in free if matches(g, got[i], strict)), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            pairs.append((g, got[hit]))
    return pairs, missed, [got[i] for i in free]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def record_str(r: dict) -> str:
    year = "" if r["year"] is None else str(r["year"])
    extra = ""
    if r.get("value_max") is not None:
        extra = f"-{_fmt_value(r['value_max'])}"
    return (f"{r['kind']} | {r['indicator']} | {_fmt_value(r['value'])}{extra} | {r['unit']} | "
            f"{r['comparator']} | {year} | {r['region']}")


def diagnose(gold: dict, got_doc: list[dict]) -> str:
    """Which fields differ in the closest extracted record with the same value (if any)."""
    fields = ("kind", "unit", "comparator", "year", "region")
    best, best_diff = None, None
    for r in got_doc:
        if gold["kind"] == "qualitative":
            if r["kind"] != "qualitative":
                continue
        elif not same_value(gold["value"], r["value"]):
            continue
        diff = [f for f in fields if (gold[f] or "") != (r[f] or "")]
        if best is None or len(diff) < len(best_diff):
            best, best_diff = r, diff
    if best is None:
        return "no record with this value"
    return "nearest differs in " + ", ".join(best_diff) + ": " + record_str(best)


def score(gold_rows, extracted, docs, strict):
    counts = {k: Counter() for k in KINDS}
    missed_all, spurious_all = [], []
    for doc in docs:
        g = [r for r in gold_rows if r["doc"] == doc]
        e = extracted.get(doc, [])
        pairs, missed, spurious = pair(g, e, strict)
        for gold, _ in pairs:
            counts[gold["kind"]]["tp"] += 1
        for gold in missed:
            counts[gold["kind"]]["fn"] += 1
            missed_all.append(gold)
        for rec in spurious:
            counts.setdefault(rec["kind"], Counter())["fp"] += 1
            spurious_all.append(rec)
    return counts, missed_all, spurious_all


def print_scores(title: str, counts: dict) -> None:
    print(f"\n== {title} ==")
    print(f"{'kind':<12}{'gold':>6}{'got':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}")
    total = Counter()
    for kind, c in counts.items():
        total.update(c)
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"{kind:<12}{c['tp'] + c['fn']:>6}{c['tp'] + c['fp']:>6}{c['tp']:>6}"
              f"{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    p, r, f = prf(total["tp"], total["fp"], total["fn"])
    print(f"{'all':<12}{total['tp'] + total['fn']:>6}{total['tp'] + total['fp']:>6}"
          f"{total['tp']:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="scores only, no error lists")
    parser.add_argument("--doc", nargs="*", help="only these document stems")
    args = parser.parse_args(argv)

    gold_rows = load_expected(EVAL_DIR / "expected.tsv")
    dates = load_dates(EVAL_DIR / "dates.tsv")
    docs = sorted(p.stem for p in EVAL_DIR.glob("*.txt"))
    if args.doc:
        docs = [d for d in docs if d in set(args.doc)]
        gold_rows = [r for r in gold_rows if r["doc"] in set(args.doc)]
    news_docs = [d for d in docs if d.startswith("n")]

    extracted: dict[str, list[dict]] = {}
    failures = []
    for doc in docs:
        text = normalize_text((EVAL_DIR / f"{doc}.txt").read_text(encoding="utf-8"))
        try:
            records = extract_targets(text, dates.get(doc))
        except Exception:  # a report, not a test: record the crash and go on
            failures.append((doc, traceback.format_exc(limit=3)))
            records = []
        extracted[doc] = [{
            "doc": doc, "kind": r.kind, "indicator": r.indicator, "value": r.value,
            "unit": r.unit or "", "comparator": r.comparator or "", "year": r.year,
            "region": r.region or "", "sentence": r.sentence, "value_max": r.value_max,
        } for r in records]

    n_got = sum(len(v) for v in extracted.values())
    print(f"eval corpus: {len(docs)} documents ({len(news_docs)} no-target news), "
          f"{len(gold_rows)} gold records, {n_got} extracted records")
    for doc, tb in failures:
        print(f"\n!! extractor crashed on {doc}:\n{tb}")

    strict_counts, missed, spurious = score(gold_rows, extracted, docs, strict=True)
    loose_counts, loose_missed, loose_spurious = score(gold_rows, extracted, docs, strict=False)
    print_scores("strict (doc, kind, value, unit, comparator, year, region)", strict_counts)
    print_scores("loose (ignoring unit and comparator)", loose_counts)

    # Indicators are not scored, but diff/compare keys on them: list strict matches whose
    # indicator wording differs from the gold (ignoring quotes, brackets and spaces).
    def _plain(text: str) -> str:
        return "".join(ch for ch in text if ch not in "“”\"'()（）《》 ")

    wording = []
    for doc in docs:
        pairs, _, _ = pair([r for r in gold_rows if r["doc"] == doc], extracted.get(doc, []), True)
        wording += [(g, r) for g, r in pairs if _plain(g["indicator"]) != _plain(r["indicator"])]
    n_pairs = sum(c["tp"] for c in strict_counts.values())
    print(f"\nindicator wording differs from the gold on {len(wording)} of {n_pairs} strict matches"
          " (not scored; see the list at the end)")

    # Field-level diagnosis of the strict misses: which field is most often wrong.
    field_errors = Counter()
    for g in missed:
        note = diagnose(g, extracted.get(g["doc"], []))
        if note.startswith("nearest differs in "):
            for f in note[len("nearest differs in "):].split(":")[0].split(", "):
                field_errors[f or "(none)"] += 1
        else:
            field_errors["(no record with the value)"] += 1
    print("\n== why strict misses missed (closest record with the same value) ==")
    for field, n in field_errors.most_common():
        print(f"  {field}: {n}")

    print("\n== no-target news documents (stems n*) ==")
    news_kinds = Counter(r["kind"] for d in news_docs for r in extracted.get(d, []))
    news_gold = Counter(r["kind"] for r in gold_rows if r["doc"] in set(news_docs))
    print(f"  records extracted: {sum(news_kinds.values())} "
          f"(target {news_kinds['target']}, statistic {news_kinds['statistic']}, "
          f"qualitative {news_kinds['qualitative']}); gold: statistic {news_gold['statistic']}, "
          f"target {news_gold['target']} (should be 0 targets)")
    news_spurious = [r for r in spurious if r["doc"] in set(news_docs)]
    print(f"  spurious (strict) on news: {len(news_spurious)} "
          f"({', '.join(f'{k} {v}' for k, v in Counter(r['kind'] for r in news_spurious).items())})")
    print("  per document: " + ", ".join(
        f"{d} {len(extracted.get(d, []))}" for d in news_docs if extracted.get(d)))

    if not args.quiet:
        print(f"\n== missed (strict): {len(missed)} ==")
        for g in missed:
            print(f"- {g['doc']}: {record_str(g)}")
            print(f"    evidence: {g['evidence']}")
            print(f"    {diagnose(g, extracted.get(g['doc'], []))}")
        print(f"\n== spurious (strict): {len(spurious)} ==")
        for r in spurious:
            print(f"- {r['doc']}: {record_str(r)}")
            print(f"    sentence: {r['sentence']}")
        print(f"\n== loose: missed {len(loose_missed)}, spurious {len(loose_spurious)} ==")
        for g in loose_missed:
            print(f"- missed {g['doc']}: {record_str(g)}  [{g['evidence']}]")
        for r in loose_spurious:
            print(f"- spurious {r['doc']}: {record_str(r)}")
        print(f"\n== strict matches with other indicator wording: {len(wording)} ==")
        for g, r in wording:
            print(f"- {g['doc']}: gold {g['indicator']!r} / got {r['indicator']!r}")
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception:  # always a report: never fail the caller
        traceback.print_exc()
    sys.exit(0)
