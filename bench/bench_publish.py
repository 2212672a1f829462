"""Benchmark publishing on a generated archive: digest build time and Datasette latencies.

Builds (and caches under ``bench/out/``) a database of ``--articles`` articles of about 1,500
characters made of real sentences (the baseline documents and the evaluation corpus), with
``--targets`` targets per article, changes on a third of the targets and ``--changes`` changes
in week 2026-W47, on top of the real baseline. The build inserts rows directly (as the crawler
and ``diff`` would store them, search index included). Then it times ``build_digest`` of that
week (the Atom feed included) and, through a real Datasette started with ``datasette_args``,
``?_search=`` for 1-, 2- and 4-character terms (common ones, and 数字经济 and 新能源汽车, which
match 8% of the articles and 0.2% of the targets), searches with another filter or sorted by
another column (common and rare terms, :data:`FILTERED_TERMS`), every read-only canned query of
``datasette.yml``, every visible table's default page, and the second page (``?_next=``) of
each search and of ``articles`` and ``targets``, printing p50 and max of 10 requests and the
Datasette process's CPU time a request (less noisy than wall time on a loaded machine).

Run: .venv/bin/python bench/bench_publish.py [--articles 100000] [--targets 10] [--changes 500]
[--only REGEX] [--against DIR]

``--against DIR`` compares with another version on a loaded machine: DIR holds another checkout
(``git archive COMMIT | tar -x -C DIR``) with its own cached archive under ``DIR/bench/out/``
(built, or copied and migrated only as far as that version knows); a second Datasette runs that
checkout's code and configuration on it, and the two servers answer each page's requests in
turn, so both see the same load. Each line then shows this version's figures, then the other's.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_diff import REGIONS, pick, vocabulary  # noqa: E402
from diff.identity import indicator_key  # noqa: E402
from policywatch.baseline import load_baseline  # noqa: E402
from policywatch.changes import run_diff  # noqa: E402
from policywatch.publish import CONFIG, datasette_args  # noqa: E402
from policywatch.search import index_terms  # noqa: E402
from policywatch.store import open_db  # noqa: E402
from reports.digest import build_digest  # noqa: E402
from tests.publishing_data import free_port, start_datasette, wait_until_serving  # noqa: E402

OUT = ROOT / "bench" / "out"
BUILD = "v3"  # bump when the generated archive changes
WEEK = "2026-W47"
WEEK_DAYS = [f"2026-11-{day}" for day in range(16, 23)]
TYPES = ["new", "revised", "extended", "rescheduled", "reaffirmed", "progress"]
PARAMS = {"week": WEEK, "indicator": "轨道", "q": "老旧小区"}
SEARCHES = [("articles", "城"), ("articles", "城市"), ("articles", "老旧小区"), ("articles", "重慶"),
            ("targets", "口袋公园"), ("articles", "数字经济"), ("targets", "新能源汽车")]
#: terms searched with another filter or sorted by another column: common and rare (2.6% of the
#: articles, the fewest any term of the generated bodies reaches) words of 1, 2 and 4 characters
FILTERED_TERMS = {"articles": ["城", "赓", "城市", "本领", "老旧小区", "会议决议"],
                  "targets": ["达", "城", "口袋公园", "新能源汽车"]}
FILTERS = {"articles": [{"source": "cqrb"}, {"published__gte": "2026-11-01"}, {"_sort": "title"}],
           "targets": [{"region": "万州区"}, {"_sort": "indicator"}]}


def sentences() -> list[str]:
    """Real sentences: the baseline documents and the evaluation corpus (never corpus/sealed*)."""
    text = "\n".join(path.read_text(encoding="utf-8") for folder in ("baseline", "corpus")
                     for path in sorted((ROOT / folder).rglob("*.txt"))
                     if not any(part.startswith("sealed") for part in path.parts))
    found = [s.strip() + "。" for s in re.split(r"[。\n]", text) if 8 <= len(s.strip()) <= 120]
    return list(dict.fromkeys(found))


def build(path: Path, articles: int, per_article: int, changes: int) -> None:
    """The archive: articles, targets and changes by direct inserts, search index included."""
    rng = random.Random(7)
    pool, names = sentences(), vocabulary()
    db = open_db(path)
    load_baseline(db)
    run_diff(db)
    baseline = [row["id"] for row in db["targets"].rows_where("is_baseline = 1 AND kind = 'target'")]
    keys: dict[tuple[str, str], str] = {}
    now = "2026-11-22T09:00:00+08:00"
    change_rows, in_week = [], 0
    for start in range(0, articles, 5000):
        article_rows, target_rows = [], []
        for number in range(start, min(start + 5000, articles)):
            ident = hashlib.sha1(f"publish:{number}".encode()).hexdigest()[:16]
            published = (WEEK_DAYS[number % 7] if number >= articles - 2000
                         else f"20{23 + number * 4 // articles}-{1 + number % 12:02d}-{1 + number % 28:02d}")
            body = []
            while sum(map(len, body)) < 1500:
                body.append(rng.choice(pool))
            text = "\n".join(body)
            article_rows.append((ident, f"https://bench.test/{number}.html", "cqrb",
                                 rng.choice(pool)[:30], published, text,
                                 hashlib.sha1(text.encode()).hexdigest(), int(number % 50 == 0), 0,
                                 now, now, "bench", "[]"))
            for position in range(per_article):
                name, unit, typical = pick(rng, names)
                key = keys.setdefault((name, unit), indicator_key(name, unit))
                target_id = hashlib.sha1(f"{ident}:{position}".encode()).hexdigest()[:16]
                value = round(typical * rng.uniform(0.8, 1.3), 2)
                sentence = f"到2027年，全市{name}达到{value}{unit}。"
                target_rows.append((target_id, ident, "target", name, key, value, unit, "=", 2027,
                                    rng.choice(REGIONS), sentence, position * 40, position * 40 + 8,
                                    published, 0, "bench"))
                week_change = published in WEEK_DAYS and in_week < changes
                if week_change or rng.random() < 0.3:
                    in_week += week_change
                    change_rows.append((
                        hashlib.sha1(f"change:{target_id}".encode()).hexdigest()[:16], now,
                        WEEK if week_change else f"20{23 + number * 4 // articles}-W{1 + number % 46:02d}",
                        rng.choice(TYPES), name, key, "重庆市", typical, unit, 2027, value, unit, 2027,
                        value - typical, 0.5, rng.choice(baseline), None, target_id, ident, sentence,
                        published))
        with db.atomic():
            db.conn.executemany(
                "INSERT INTO articles (id, url, source, title, published, body, content_hash,"
                " is_plenary, is_baseline, first_seen, last_seen, extractor_version, tags)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", article_rows)
            db.conn.executemany(
                "INSERT INTO articles_fts (rowid, title, body) SELECT rowid, ?, ? FROM articles"
                " WHERE id = ?", [(index_terms(r[3]), index_terms(r[5]), r[0]) for r in article_rows])
            db.conn.executemany(
                "INSERT INTO targets (id, article_id, kind, indicator, indicator_key, value, unit,"
                " comparator, year, region, sentence, start, end, published, is_baseline,"
                " extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                target_rows)
            db.conn.executemany(
                "INSERT INTO targets_fts (rowid, indicator, sentence) SELECT rowid, ?, ? FROM targets"
                " WHERE id = ?", [(index_terms(r[3]), index_terms(r[10]), r[0]) for r in target_rows])
        print(f"  {min(start + 5000, articles)} articles", end="\r", flush=True)
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO changes (id, detected, week, change_type, indicator, indicator_key, region,"
            " old_value, old_unit, old_year, new_value, new_unit, new_year, delta, progress,"
            " baseline_target_id, previous_target_id, target_id, article_id, sentence, published)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", change_rows)
    db.execute("ANALYZE")
    db.close()


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall times of ``repeat`` calls, in ms."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def cpu_ms(pid: int) -> float:
    """CPU time the process has used so far (user and system, all threads), in ms; 0 where
    ``/proc`` is missing. Unlike wall time it hardly moves with the machine's load."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def pages() -> list[tuple[str, str, dict[str, str]]]:
    """(label, path, params) of every search, read-only canned query and visible table page."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["databases"]["policywatch"]
    out = [(f"{table} _search={term}", f"/policywatch/{table}", {"_search": term})
           for table, term in SEARCHES]
    out += [(f"{table} _search={term}&{'&'.join(f'{k}={v}' for k, v in extra.items())}",
             f"/policywatch/{table}", {"_search": term, **extra})
            for table, terms in FILTERED_TERMS.items() for extra in FILTERS[table] for term in terms]
    for name, query in config.get("queries", {}).items():
        if query.get("write"):
            continue
        wanted = set(re.findall(r"(?<!:):(\w+)", query["sql"]))
        out.append((f"query {name}", f"/policywatch/{name}", {k: PARAMS.get(k, "") for k in wanted}))
    for table, options in config.get("tables", {}).items():
        if not options.get("hidden"):
            out.append((f"table {table}", f"/policywatch/{table}", {}))
    return out


def start_other(checkout: Path, db_path: Path) -> tuple[subprocess.Popen, str]:
    """Datasette running another checkout's code and configuration on its own archive."""
    port = free_port()
    python, *argv = datasette_args(db_path, "127.0.0.1", port, db_path.parent / "digests")
    argv = [python, *(arg.replace(str(ROOT), str(checkout)) for arg in argv)]  # this venv
    log_path = db_path.parent / "datasette.log"
    process = subprocess.Popen(argv, cwd=checkout, stdout=log_path.open("wb"),  # noqa: SIM115
                               stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(checkout)})
    return process, wait_until_serving(process, port, log_path)


def later_pages(client: httpx.Client, base: str) -> list[tuple[str, str, dict[str, str]]]:
    """(label, path, params) of the second page (``?_next=``) of each search and large table."""
    out = []
    for table, term in [*SEARCHES, ("articles", ""), ("targets", "")]:
        params = {"_search": term} if term else {}
        after = client.get(f"{base}/policywatch/{table}.json", params=params).json().get("next")
        if after:
            label = f"{table} {'_search=' + term + ' ' if term else ''}page 2"
            out.append((label, f"/policywatch/{table}", {**params, "_next": after}))
    return out


def measure(client: httpx.Client, servers: list[tuple[subprocess.Popen, str]], number: int,
            path: str, params: dict[str, str], repeat: int) -> str:
    """p50, max and server CPU of ``repeat`` requests to server ``number``, after one warm-up;
    with several servers each request of this one follows one to each other (same load)."""
    process, base = servers[number]
    response = client.get(base + path, params=params)
    if response.status_code != 200:
        return f" HTTP {response.status_code}: {response.text[:80]!r}"
    used, ms = cpu_ms(process.pid), []
    for _ in range(repeat):
        for other, (_, other_base) in enumerate(servers):
            if other != number:
                client.get(other_base + path, params=params)
        ms += timed(lambda: client.get(base + path, params=params), 1)
    cpu = (cpu_ms(process.pid) - used) / repeat
    return f" p50 {statistics.median(ms):6.0f} ms  max {max(ms):6.0f} ms  server CPU {cpu:5.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100000)
    parser.add_argument("--targets", type=int, default=10, help="targets per article")
    parser.add_argument("--changes", type=int, default=500, help="changes in the digest's week")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--only", default="", help="time only the pages whose label has this regex")
    parser.add_argument("--against", type=Path, help="another checkout to compare with, request by"
                        " request, on its own cached archive")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    folder = OUT / f"publish-{BUILD}-{args.articles}-{args.targets}-{args.changes}"
    db_path = folder / "policywatch.db"  # Datasette names the database after the file
    if not db_path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        build(folder / "building.db", args.articles, args.targets, args.changes)
        (folder / "building.db").rename(db_path)
        print(f"built in {time.perf_counter() - start:.0f} s: {db_path}")
    db = open_db(db_path)
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "targets", "changes")}
    week = db.execute("SELECT count(*) FROM changes WHERE week = ?", [WEEK]).fetchone()[0]
    print(f"{counts['articles']} articles, {counts['targets']} targets, {counts['changes']} changes "
          f"({week} in {WEEK}); {db_path.stat().st_size / 1e6:.0f} MB")
    digests = folder / "digests"
    ms = timed(lambda: build_digest(db, WEEK, digests), 3)
    size = (digests / f"{WEEK}.html").stat().st_size
    print(f"build_digest {WEEK} (with index and Atom feed): median {statistics.median(ms):.0f} ms, "
          f"{size / 1024:.0f} KB HTML")
    db.close()
    print("load average", " ".join(f"{load:.2f}" for load in os.getloadavg()))
    servers = [start_datasette(db_path, digests)]
    try:
        if args.against:
            other = args.against / "bench" / "out" / folder.name / "policywatch.db"
            if not other.exists():
                raise SystemExit(f"Error: {other} is missing: build or copy that version's archive")
            servers.append(start_other(args.against.resolve(), other))
        client = httpx.Client(timeout=60)
        for label, path, params in pages() + later_pages(client, servers[0][1]):
            if re.search(args.only, label):
                print(f"{label:<48}" + "   |".join(
                    measure(client, servers, number, path, params, args.repeat)
                    for number in range(len(servers))), flush=True)
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(10)
    print("load average", " ".join(f"{load:.2f}" for load in os.getloadavg()))


if __name__ == "__main__":
    main()
