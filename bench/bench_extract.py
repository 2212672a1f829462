"""Benchmark the target extractor on one core and print its throughput in KB/s.

The corpus (≥ 5 MB of UTF-8 text by default) mixes the two baseline documents with
generated sample sentences in the shapes real Chongqing articles use and with
number-heavy ordinary news that announces no target. Documents are normalised first;
only ``extract_targets`` is timed.

It also times the real corpus (``corpus/``, development batches: real articles as
retrieved, with their headlines and dates). Both figures are CPU time of this process
(``time.process_time``, best of ``--repeat`` runs), so other work on the machine disturbs
them little; wall time is printed beside the generated corpus's figure.

Run: .venv/bin/python bench/bench_extract.py [--mb 5] [--seed 7] [--repeat 3]

It first prints which extractor it times: ``interpreted``, or ``compiled`` after
``make compiled`` (docs/extraction.md).

CPU time on a shared machine moves by a fifth between runs; instructions do not. With
``--count generated|real|none`` the script warms up (a few documents, the place table) and
then extracts one corpus once, untimed (``none``: nothing): the difference between a run and
the ``none`` run under ``valgrind --tool=callgrind`` is what extracting that corpus costs.
Set ``OPENBLAS_NUM_THREADS=1`` (and ``PYTHONHASHSEED=0``) for such counts: numpy's OpenBLAS
threads spin under valgrind and move a count by about 2%.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import diff.extract  # noqa: E402
from diff.compiled import is_compiled  # noqa: E402
from diff.extract import Document, extract, extract_targets  # noqa: E402
from diff.phrases import home_region  # noqa: E402
from policywatch.evaluation import load_corpus  # noqa: E402
from policywatch.normalize import normalize_text  # noqa: E402

TARGET_SHAPES = [
    "到{year}年,全市{ind}达到{n}{unit},{ind2}提升至{p}%。",
    "力争到{year}年{district}{ind}突破{n}万{unit}。",
    "今年新建{ind}{n}个、口袋公园{m}个。",
    "预期全市生产总值增长{p}%左右,单位GDP能耗下降{q}个百分点。",
    "到{year}年数字经济规模翻一番,{year}年底前实现行政村全覆盖。",
    "今后五年,规上工业企业超过{n}家,打造{m}个千亿级产业集群。",
    "{year}年主要预期目标:城镇新增就业{m}万人以上;城镇调查失业率{p}%左右。",
    "“十五五”期间,{district}常住人口城镇化率提高到{p}%,基本建成{ind}中心。",
    "到{year}年,更新改造老旧小区{n}个、城中村{m}个、危旧房{p}万户,改造老旧电梯{m}台。",
]
STATISTIC_SHAPES = [
    "截至去年底,累计建成充电桩{p}万个,同比增长{q}%。",
    "预计春运期间发送旅客{n}万人次。",
    "前三季度,{district}地区生产总值{n}亿元,同比增长{q}%。",
    "去年以来,成功应对了{m}轮强降雨和{m}天高温天气。",
]
NEWS_SHAPES = [
    "{month}月{day}日上午,第{m}届博览会在渝开幕,展期{q}天,咨询电话023-{phone}。",
    "首班车{hour}:30发车,末班车22:{m}发车,票价{q}元。",
    "重庆队以{q}比{m}战胜对手,{m}号球员打入{q}球,全场观众{n}人。",
    "今年{age}岁的王大爷说,他在这里住了{m}年,每月退休金{n}元左右。",
    "会议要求从{q}个方面抓好落实,出台{m}条措施,围绕“{phone}”体系推进“六个新”目标。",
    "{year}年亚洲杯将在此举办,本报记者第{q}版报道。",
    "气象台预计明天最高气温{m}℃,降雨量{q}毫米,空气质量指数{n}。",
]
INDICATORS = ["5G基站", "研发投入强度", "轨道运营里程", "高新技术企业", "口袋公园", "充电桩",
              "国家科技创新基地平台", "森林覆盖率", "新能源汽车产量", "规上工业产值"]
DISTRICTS = ["万州", "渝北区", "永川", "两江新区", "全市", "成都", "江津区", "黔江"]


def sentence(rng: random.Random, shapes: list[str]) -> str:
    """One generated sample sentence in a random shape."""
    return rng.choice(shapes).format(
        year=rng.randint(2026, 2035), ind=rng.choice(INDICATORS), ind2=rng.choice(INDICATORS),
        district=rng.choice(DISTRICTS), n=rng.randint(10, 99999), m=rng.randint(2, 999),
        p=round(rng.uniform(0.5, 99), 1), q=rng.randint(1, 9), unit=rng.choice("个家公里台户"),
        month=rng.randint(1, 12), day=rng.randint(1, 28), hour=rng.randint(5, 9),
        phone=rng.randint(10000000, 99999999), age=rng.randint(18, 90),
    )


def build_corpus(megabytes: float, seed: int) -> list[str]:
    """Normalised documents totalling at least ``megabytes`` MB of UTF-8.

    :param megabytes: corpus size in MB (10**6 bytes)
    :param seed: random seed for the generated sentences
    """
    rng = random.Random(seed)
    seeds = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "baseline").glob("*.txt"))]
    documents, size = [], 0
    while size < megabytes * 1_000_000:
        if rng.random() < 0.2:
            raw = rng.choice(seeds)
        else:
            paragraphs = []
            for _ in range(rng.randint(10, 40)):
                pool = rng.choice([TARGET_SHAPES, STATISTIC_SHAPES, NEWS_SHAPES, NEWS_SHAPES])
                paragraphs.append("".join(sentence(rng, pool) for _ in range(rng.randint(1, 4))))
            raw = "\n".join(paragraphs)
        text = normalize_text(raw)
        documents.append(text)
        size += len(text.encode("utf-8"))
    return documents


def best_cpu_seconds(run, repeat: int) -> tuple[float, float, Any]:
    """(CPU seconds, wall seconds) of the fastest of ``repeat`` calls of ``run``, and what the
    last call returned."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        result = run()
        best = min(best, (time.process_time() - cpu, time.perf_counter() - wall))
    return (*best, result)


def count_once(documents: list[str], published: dt.date, corpus: str) -> None:
    """Warm up, then extract ``corpus`` (``generated``, ``real`` or ``none``) once, untimed.

    :param documents: the generated corpus
    :param published: the generated corpus's publication date
    :param corpus: which corpus to extract
    """
    real = [Document(t.body, t.title, "", t.published, t.source)
            for t in load_corpus(ROOT / "corpus")]
    for text in documents[:5]:
        extract_targets(text, published)
    for document in real[:5]:
        extract(document)
    home_region("湖北省")  # compiles the place table
    if corpus == "generated":
        found = [extract_targets(text, published) for text in documents]
    elif corpus == "real":
        found = [extract(document) for document in real]
    else:
        found = []
    print(f"{corpus}: {sum(map(len, found))} records")


def main() -> None:
    """Build the corpus, time extraction, print the throughput."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs, best kept (default 3)")
    parser.add_argument("--count", choices=("generated", "real", "none"),
                        help="warm up, then extract this corpus once, untimed, for valgrind")
    args = parser.parse_args()
    print("extractor:", "compiled (make compiled)" if is_compiled(diff.extract) else "interpreted")
    documents = build_corpus(args.mb, args.seed)
    size = sum(len(text.encode("utf-8")) for text in documents)
    published = dt.date(2026, 1, 20)
    if args.count:
        count_once(documents, published, args.count)
        return
    cpu, wall, found = best_cpu_seconds(
        lambda: [extract_targets(text, published) for text in documents], args.repeat)
    records = sum(map(len, found))
    print(f"generated corpus: {len(documents)} documents, {size / 1e6:.2f} MB, {records} records")
    print(f"  extract_targets: {size / 1e6 / cpu:.2f} MB/s of CPU time on one core "
          f"({size / 1e6 / wall:.2f} MB/s of wall time)")
    real = [Document(t.body, t.title, "", t.published, t.source)
            for t in load_corpus(ROOT / "corpus")]
    size = sum(len(document.body.encode("utf-8")) for document in real)
    cpu, _, _ = best_cpu_seconds(lambda: [extract(document) for document in real], args.repeat)
    print(f"real corpus: {len(real)} texts, {size / 1e6:.2f} MB")
    print(f"  extract: {size / 1e6 / cpu:.2f} MB/s of CPU time on one core")


if __name__ == "__main__":
    main()
