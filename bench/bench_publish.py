"""Benchmark publishing on a generated archive: digest build time and Datasette latencies.

Builds a database of ``--articles`` articles (about 1,500 characters each, five targets each)
with ``--changes`` changes in one week, then times ``build_digest`` and, through a real
Datasette started with ``datasette_args``, ``?_search=`` for 1-, 2- and 4-character terms and
the canned queries.

Run: .venv/bin/python bench/bench_publish.py [--articles 5000] [--changes 600]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policywatch.store import open_db  # noqa: E402
from policywatch.store.articles import upsert_article  # noqa: E402
from policywatch.store.targets import replace_targets  # noqa: E402
from reports.digest import build_digest  # noqa: E402
from tests.publishing_data import start_datasette  # noqa: E402

WEEK = "2026-W47"
WORDS = ["城市更新", "老旧小区", "轨道交通", "科技创新", "乡村振兴", "生态环境", "产业集群", "民生保障",
         "数字经济", "对外开放", "营商环境", "成渝地区", "双城经济圈", "高质量发展", "新能源汽车"]
INDICATORS = ["轨道运营里程", "研发投入强度", "口袋公园", "城镇新增就业", "高新技术企业", "5G基站",
              "老旧小区改造", "博物馆", "充电桩", "生产总值"]
TYPES = ["new", "revised", "extended", "rescheduled", "reaffirmed", "progress"]


def build(db_path: Path, articles: int, changes: int, rng: random.Random) -> None:
    db = open_db(db_path)
    targets = []
    with db.atomic():
        for n in range(articles):
            body = "\n".join(
                "".join(rng.choice(WORDS) for _ in range(8)) + f"到{rng.randint(2025, 2030)}年达到{n}个。"
                for _ in range(12))
            ident, _ = upsert_article(db, {"url": f"https://example.cn/{n}.html", "source": "cqrb",
                                           "title": f"{rng.choice(WORDS)}工作会议{n}", "body": body,
                                           "published": f"2026-11-{16 + n % 7:02d}",
                                           "is_plenary": n % 50 == 0})
            article = db["articles"].get(ident)
            records = [{"kind": "target", "indicator": rng.choice(INDICATORS), "value": rng.randint(1, 9999),
                        "unit": "个", "comparator": "=", "year": 2027, "region": "重庆市",
                        "sentence": body.splitlines()[k], "start": k, "end": k + 5,
                        "indicator_key": None, "value_max": None} for k in range(5)]
            targets += [(article, row) for row in replace_targets(db, article, records, "bench")]
        rows = []
        for n, (article, target) in enumerate(rng.sample(targets, changes)):
            rows.append({"id": f"c{n}", "detected": "2026-11-21T09:00:00+08:00", "week": WEEK,
                         "change_type": rng.choice(TYPES), "indicator": target["indicator"],
                         "region": "重庆市", "old_value": 100.0, "old_unit": "个", "old_year": 2027,
                         "new_value": target["value"], "new_unit": "个", "new_year": 2027,
                         "delta": target["value"] - 100.0, "progress": 0.5, "target_id": target["id"],
                         "article_id": article["id"], "sentence": target["sentence"],
                         "published": article["published"]})
        db["changes"].insert_all(rows, pk="id")
    db.close()


def timed(fn, repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--changes", type=int, default=600)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "policywatch.db"
        start = time.perf_counter()
        build(db_path, args.articles, args.changes, rng)
        print(f"generated {args.articles} articles, {args.articles * 5} targets, "
              f"{args.changes} changes in {time.perf_counter() - start:.1f} s")
        db = open_db(db_path)
        ms = timed(lambda: build_digest(db, WEEK, Path(folder) / "digests"), 3)
        size = (Path(folder) / "digests" / f"{WEEK}.html").stat().st_size
        print(f"build_digest {WEEK}: median {statistics.median(ms):.0f} ms, {size / 1024:.0f} KB HTML")
        process, base = start_datasette(db_path, Path(folder) / "digests")
        try:
            client = httpx.Client(timeout=30)
            for path, params in [
                ("/policywatch/articles.json", {"_search": "城"}),
                ("/policywatch/articles.json", {"_search": "城市"}),
                ("/policywatch/articles.json", {"_search": "老旧小区"}),
                ("/policywatch/targets.json", {"_search": "口袋公园"}),
                ("/policywatch/changes_this_week.json", {"week": WEEK}),
                ("/policywatch/timeline.json", {"indicator": "轨道"}),
                ("/policywatch/baseline_status.json", {}),
                ("/policywatch/search.json", {"q": "老旧小区"}),
            ]:
                client.get(base + path, params=params)  # warm up
                ms = timed(lambda p=path, q=params: client.get(base + p, params=q).raise_for_status(), 10)
                label = path.rsplit("/", 1)[1] + (" " + " ".join(f"{k}={v}" for k, v in params.items()))
                print(f"{label:<45} median {statistics.median(ms):6.0f} ms  max {max(ms):6.0f} ms")
        finally:
            process.terminate()
            process.wait(10)


if __name__ == "__main__":
    main()
