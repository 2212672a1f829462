"""Benchmark change detection as the archive grows: the cost of one new article, and of a backfill.

Builds archives of 1,000, 10,000 and 100,000 follow-up articles (about 3.8 targets each) on
top of the real baseline, by direct inserts of realistic target rows (indicator names drawn
Zipf-like from a vocabulary that keeps growing with the archive, keys from ``diff.identity``,
80 articles a day from 2025-12-01) and their change rows computed by the real comparison
(``compare_article``), cached under ``bench/out/``; ``--sizes ... 270000`` adds an archive of
about 1,000,000 targets. Then,
on a copy of each, it stores 100 new articles written the way the papers write targets and
times ``run_diff`` through the real extractor; then backfills 10 articles in the middle of
the archive and times ``run_diff`` again. Extraction alone is timed on the same texts so the
identity + comparison + storage part can be read on its own.

Run: .venv/bin/python bench/bench_diff.py [--sizes 1000 10000 100000] [--new 100] [--backfill 10]
[--repeat 1] (on a shared machine, ``--repeat 3`` keeps the lowest CPU time of three runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diff.extract import EXTRACTOR_VERSION, extract  # noqa: E402
from diff.identity import indicator_key  # noqa: E402
from diff.record import Document  # noqa: E402
from policywatch.baseline import load_baseline  # noqa: E402
from policywatch.changes import compare_article, run_diff  # noqa: E402
from policywatch.store import open_db  # noqa: E402
from policywatch.store.articles import upsert_article  # noqa: E402
from policywatch.store.changes import baseline_cutoff  # noqa: E402
from policywatch.store.indicators import remember_keys  # noqa: E402
from policywatch.store.targets import TARGET_FIELDS  # noqa: E402

OUT = ROOT / "bench" / "out"
BUILD = "v4"  # bump when the generated archive or the schema's migrations change
START = dt.date(2025, 12, 1)
PER_DAY = 80
# (core name, unit, typical value): what Chongqing's papers count
CORES = [
    ("充电桩", "个", 180000), ("口袋公园", "个", 300), ("5G基站", "个", 120000),
    ("老旧小区", "个", 18000), ("生活污水集中处理率", "%", 98), ("研发投入强度", "%", 3),
    ("高新技术企业", "家", 20000), ("科技型企业", "家", 80000), ("轨道运营里程", "公里", 800),
    ("高速公路通车里程", "公里", 5000), ("城镇新增就业", "人", 600000), ("常住人口", "人", 32000000),
    ("地区生产总值", "元", 4e12), ("工业增加值", "元", 1.2e12), ("社会消费品零售总额", "元", 1.6e12),
    ("进出口总额", "元", 7e11), ("森林覆盖率", "%", 55), ("空气质量优良天数比例", "%", 90),
    ("高标准农田", "亩", 3000000), ("城市建成区面积", "平方公里", 2000), ("旅游人次", "人次", 1e8),
    ("中欧班列开行", "列", 5000), ("港口集装箱吞吐量", "标准箱", 2000000), ("绿色建筑占比", "%", 70),
    ("博物馆", "个", 150), ("公共图书馆", "个", 43), ("养老床位", "张", 250000),
    ("托育机构", "个", 3000), ("三级医院", "所", 80), ("义务教育学校", "所", 3000),
    ("数字经济增加值", "元", 1e12), ("专精特新企业", "家", 4000), ("产业集群", "个", 33),
    ("新能源汽车产量", "辆", 1000000), ("单位GDP能耗降幅", "%", 3), ("农村自来水普及率", "%", 90),
]
MODIFIERS = ["", "", "", "", "全域", "城市", "农村", "智慧", "绿色", "数字", "国家级", "市级",
             "公共", "新型", "高标准", "规上", "重点", "示范", "中心城区", "主城都市区", "渝东北",
             "渝东南", "山区库区", "两江新区", "新建", "累计", "年度", "乡镇", "社区", "园区"]
SUFFIXES = ["", "", "", "数", "数量", "规模", "覆盖率", "总量", "建设", "覆盖面"]
REGIONS = ["重庆市"] * 16 + ["万州区", "渝北区", "成都市", "川渝地区"]
TEMPLATES = [  # three target shapes, a statistic, a target without a year (one in twenty)
    "到{year}年，{region}{name}达到{value}{unit}。",
    "力争到{year}年{region}{name}突破{value}{unit}。",
    "{year}年，{region}{name}将超过{value}{unit}。",
    "{year}年，{region}{name}累计达到{value}{unit}。",
    "{region}{name}将超过{value}{unit}。",
]


def shape(rng: random.Random) -> int:
    """Which template: a statistic one time in four, a target without a year one in twenty."""
    draw = rng.random()
    return 3 if draw < 0.25 else 4 if draw < 0.30 else rng.randrange(3)


def vocabulary() -> list[tuple[str, str, float]]:
    """Every indicator name the generator can use: the cores first, then the combinations in a
    fixed shuffled order, so low ranks are the common names (see :func:`pick`)."""
    cores = list(CORES)
    combinations = dict.fromkeys((modifier + core + suffix, unit, value) for core, unit, value in CORES
                                 for modifier in MODIFIERS for suffix in SUFFIXES)
    rest = [name for name in combinations if name not in cores]
    random.Random(0).shuffle(rest)
    return cores + rest


def pick(rng: random.Random, names: list[tuple[str, str, float]]) -> tuple[str, str, float]:
    """A Zipf-like draw: low ranks are common, the long tail keeps bringing new names."""
    rank = min(int(rng.paretovariate(0.9)) - 1, len(names) - 1)
    return names[rank]


def day(number: int) -> str:
    """Publication date of the ``number``-th generated article."""
    return (START + dt.timedelta(days=number // PER_DAY)).isoformat()


def build(path: Path, size: int) -> None:
    """An archive of ``size`` follow-up articles: articles and targets by direct inserts, then
    their change rows by the real comparison, article by article in publication order."""
    rng = random.Random(size)
    db = open_db(path)
    db.execute("PRAGMA cache_size = -1000000")  # 1 GB: bulk inserts into a dozen indexes
    load_baseline(db)
    run_diff(db)  # keys for the baseline targets
    names = vocabulary()
    keys: dict[tuple[str, str], str] = {}
    articles, targets, pairs = [], [], set()
    now = "2026-11-29T00:00:00+08:00"
    for number in range(size):
        ident = hashlib.sha1(f"bench:{number}".encode()).hexdigest()[:16]
        published = day(number)
        year = int(published[:4])
        sentences = []
        for position in range(rng.choice((2, 3, 4, 4, 5, 5))):
            name, unit, typical = pick(rng, names)
            region = rng.choice(REGIONS)
            key = keys.setdefault((name, unit), indicator_key(name, unit))
            template = shape(rng)
            statistic = template == 3
            deadline = year - 1 if statistic else year + rng.choice((0, 1, 1, 2, 2, 3, 4, 5))
            value = round(typical * rng.uniform(0.8, 1.3), 2)
            sentence = TEMPLATES[template].format(
                year=deadline, region="全市" if region == "重庆市" else region, name=name,
                value=value, unit=unit)
            start = sum(len(s) for s in sentences) + 10
            sentences.append(sentence)
            target_id = hashlib.sha1(f"{ident}:{position}".encode()).hexdigest()[:16]
            targets.append({
                "id": target_id, "article_id": ident, "kind": "statistic" if statistic else "target",
                "indicator": name, "indicator_key": key, "value": value, "value_max": None,
                "unit": unit, "comparator": "=", "year": None if template == 4 else deadline,
                "region": region,
                "sentence": sentence, "start": start, "end": start + 8, "published": published,
                "is_baseline": 0, "extractor_version": EXTRACTOR_VERSION,
            })
            pairs.add((region, key))
        body = "【基准测试】" + "".join(sentences)
        articles.append({
            "id": ident, "url": f"https://bench.test/{number}.html", "source": "bench",
            "title": f"基准测试文章{number}", "published": published, "body": body,
            "content_hash": hashlib.sha1(body.encode()).hexdigest(), "is_plenary": 0,
            "is_baseline": 0, "tags": "[]", "first_seen": now, "last_seen": now,
            "extractor_version": EXTRACTOR_VERSION,
        })
    with db.atomic():
        _insert(db, "articles", articles)
        _insert(db, "targets", targets, ("id", "article_id", *TARGET_FIELDS, "published",
                                         "is_baseline", "extractor_version"))
        remember_keys(db, pairs)
        cutoff = baseline_cutoff(db)
        for article in list(db.query("SELECT id, published, is_baseline FROM articles"
                                     " WHERE source = 'bench' ORDER BY published, id")):
            compare_article(db, article, cutoff, now)
    db.execute("ANALYZE")
    db.close()


def _insert(db, table: str, rows: list[dict], fields: tuple[str, ...] | None = None) -> None:
    fields = fields or tuple(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})"
    db.conn.executemany(sql, ([row.get(field) for field in fields] for row in rows))


def texts(rng: random.Random, count: int, published: str, tag: str) -> list[dict]:
    """Articles written the way the papers state targets, for the real extractor."""
    names = vocabulary()
    year = int(published[:4])
    out = []
    for number in range(count):
        sentences = []
        for _ in range(4):
            name, unit, typical = pick(rng, names)
            region = rng.choice(REGIONS)
            template = shape(rng)
            deadline = year - 1 if template == 3 else year + rng.choice((1, 2, 4))
            value = int(typical * rng.uniform(0.8, 1.3))
            sentences.append(TEMPLATES[template].format(year=deadline, region="全市" if region == "重庆市" else region,
                                             name=name, value=value, unit=unit))
        out.append({"url": f"https://bench.test/{tag}/{number}.html", "source": "bench",
                    "title": f"{tag}文章{number}", "published": published,
                    "body": "\n\n".join(["会议强调，要锚定目标任务，狠抓工作落实。", *sentences])})
    return out


def timed_diff(db, articles: list[dict]) -> tuple[float, float, object]:
    """Store ``articles`` and time one ``run_diff`` over them: wall and CPU ms, and its summary.

    The machine may be shared: CPU time is the steadier figure, wall time includes waits.
    """
    for article in articles:
        upsert_article(db, article)
    start, cpu = time.perf_counter(), time.process_time()
    summary = run_diff(db)
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000, summary


def extraction_ms(articles: list[dict]) -> float:
    """CPU time to extract targets from ``articles`` alone, as ``run_diff`` does (ms)."""
    start = time.process_time()
    for article in articles:
        extract(Document(article["body"], article["title"], "",
                         dt.date.fromisoformat(article["published"])))
    return (time.process_time() - start) * 1000


def measure(cached: Path, size: int, args: argparse.Namespace) -> dict:
    """One run on a fresh copy of the cached archive: new articles, then the backfill."""
    work = OUT / f"diff-work-{size}.db"
    for stale in OUT.glob(f"diff-work-{size}.db*"):
        stale.unlink()
    shutil.copy(cached, work)
    db = open_db(work)
    with db.atomic():  # the generated archive stands for what today's extractor stored
        db.execute("UPDATE articles SET extractor_version = ?", [EXTRACTOR_VERSION])
    targets = db["targets"].count
    last = db.execute("SELECT max(published) FROM articles").fetchone()[0]
    after = (dt.date.fromisoformat(last) + dt.timedelta(days=1)).isoformat()
    rng = random.Random(1)
    new = texts(rng, args.new, after, "new")
    old = texts(rng, args.backfill, day(size // 2), "backfill")
    new_wall, new_cpu, new_summary = timed_diff(db, new)
    extract_new = extraction_ms(new)
    back_wall, back_cpu, back_summary = timed_diff(db, old)
    db.close()
    return {"size": size, "targets": targets, "per_new": new_cpu / args.new,
            "per_new_wall": new_wall / args.new, "per_new_store": (new_cpu - extract_new) / args.new,
            "new_targets": new_summary.targets, "backfill": back_cpu, "backfill_wall": back_wall,
            "recompared": back_summary.recompared}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--backfill", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per size on fresh copies; the lowest CPU time of each is kept")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    # the extractor loads its tables (place names) once per process: not a per-article cost
    extraction_ms(texts(random.Random(0), 1, "2026-01-01", "warm-up"))
    results = []
    for size in args.sizes:
        cached = OUT / f"diff-archive-{BUILD}-{size}.db"
        if not cached.exists():
            start = time.perf_counter()
            build(cached.with_suffix(".tmp"), size)
            cached.with_suffix(".tmp").rename(cached)
            print(f"built {size} articles in {time.perf_counter() - start:.0f} s: {cached}")
        open_db(cached).close()  # new migrations (an index) go into the cached archive once
        runs = [measure(cached, size, args) for _ in range(args.repeat)]
        best_new = min(runs, key=lambda run: run["per_new"])
        row = {**min(runs, key=lambda run: run["backfill"]),
               **{name: best_new[name] for name in ("per_new", "per_new_wall", "per_new_store")}}
        results.append(row)
        spread = ", ".join(f"{run['backfill']:.0f}" for run in runs)
        print(f"{size:>7} articles, {row['targets']:>7} targets: new article {row['per_new']:5.1f} ms CPU "
              f"({row['per_new_wall']:5.1f} ms wall; identity+compare+store {row['per_new_store']:5.1f}"
              f" ms; {row['new_targets']} targets in {args.new}); backfill of {args.backfill}: "
              f"{row['backfill']:6.0f} ms CPU ({row['backfill_wall']:6.0f} ms wall), "
              f"{row['recompared']} later articles compared again"
              + (f" (best of {args.repeat} runs; backfill runs "
                 f"{spread} ms)" if args.repeat > 1 else ""),
              flush=True)
    if len(results) > 1:
        small, large = results[0], results[-1]
        print(f"ratio {large['size']} / {small['size']} articles (CPU): new article "
              f"{large['per_new'] / small['per_new']:.2f}x, identity+compare+store "
              f"{large['per_new_store'] / small['per_new_store']:.2f}x, backfill "
              f"{large['backfill'] / small['backfill']:.2f}x, backfill per article compared again "
              f"{(large['backfill'] / large['recompared']) / (small['backfill'] / small['recompared']):.2f}x"
              " (goal: within 1.5x)")

if __name__ == "__main__":
    main()
