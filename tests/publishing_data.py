"""A small real database for the publishing tests (every change type in week 2026-W47), and
a real Datasette server started the way the scheduler starts it.

Built through the store (``upsert_article``, ``replace_targets``) plus direct inserts into
``changes``, ``sources`` and ``crawl_runs``, the way the crawler and change detection fill them.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx

from policywatch.publish import datasette_args
from policywatch.store.articles import upsert_article
from policywatch.store.targets import replace_targets

WEEK = "2026-W47"
EMPTY_WEEK = "2026-W45"
EVIL_TITLE = '市委六届九次全会召开<script>alert("x")</script>'

BASELINE_BODY = """中共重庆市委六届八次全会公报
到2027年, 轨道运营里程达到750公里。
到2027年, 全社会研发投入强度达到3%。
到2027年, 新能源汽车产量达到100万辆。
到2027年, 累计改造老旧小区18000个。
到2027年, 建成5G基站15万个。"""

PLENARY_BODY = """全会提出, 到2030年轨道运营里程达到1000公里。
到2027年全社会研发投入强度提升至3.2%。
2026年新能源汽车产量达到100万辆。
到2027年建成5G基站15万个。
今年新建口袋公园80个, 推进城市更新。
到2027年高新技术企业达到8000家。
到2030年建成博物馆150座。
2026年城镇新增就业60万人以上。"""

PROGRESS_BODY = "截至10月底, 全市累计改造老旧小区9916个, 惠及居民百万户。"

# Articles for the search tests: each term below is in some rows and not in others.
SEARCH_ARTICLES = [
    ("https://www.cq.gov.cn/ywdt/jrcq/t20261110_1.html", "2026-11-10", "城市更新行动推进会召开",
     "会议要求加快老旧小区改造, 到2027年完成全部任务, PM2.5平均浓度持续下降。"),
    ("https://www.cq.gov.cn/ywdt/jrcq/t20261111_2.html", "2026-11-11", "城乡融合发展",
     "全市推进城乡融合, 改造老旧住宅小区, 2026年新建农村公路。"),
    ("https://www.cq.gov.cn/ywdt/jrcq/t20261112_3.html", "2026-11-12", "农业农村工作会议",
     "乡村振兴, 粮食产量保持稳定, 农民收入持续增长。"),
]


def _target(indicator: str, value: float, unit: str, year: int, sentence: str,
            kind: str = "target", comparator: str = "=") -> dict[str, Any]:
    return {"kind": kind, "indicator": indicator, "indicator_key": indicator, "value": value,
            "value_max": None, "unit": unit, "comparator": comparator, "year": year,
            "region": "重庆市", "sentence": sentence, "start": 0, "end": len(sentence)}


def _article(db, url: str, title: str, body: str, published: str, source: str = "cqrb",
             **extra: Any) -> dict[str, Any]:
    ident, _ = upsert_article(db, {"url": url, "source": source, "title": title, "body": body,
                                   "published": published, **extra})
    return db["articles"].get(ident)


def _store_targets(db, article: dict[str, Any], body: str,
                   specs: list[tuple]) -> dict[str, dict[str, Any]]:
    lines = body.splitlines()
    records = []
    for indicator, value, unit, year, line, *rest in specs:
        record = _target(indicator, value, unit, year, lines[line], *rest)
        start = body.index(lines[line])
        record.update(start=start + line, end=start + len(lines[line]))
        records.append(record)
    rows = replace_targets(db, article, records, "test-1")
    return {row["indicator"]: row for row in rows}


def build_sample(db) -> dict[str, Any]:
    """Fill ``db`` with articles, targets, changes of every type, sources and crawl runs.

    :return: ids by role, for the assertions
    """
    baseline = _article(db, "https://www.cqrb.cn/baseline/2025-plenary.html",
                        "中共重庆市委六届八次全会公报", BASELINE_BODY, "2025-12-01",
                        is_baseline=True, is_plenary=True, tags=["全会"])
    base = _store_targets(db, baseline, BASELINE_BODY, [
        ("轨道运营里程", 750, "公里", 2027, 1), ("研发投入强度", 3, "%", 2027, 2),
        ("新能源汽车产量", 1_000_000, "辆", 2027, 3), ("老旧小区改造", 18000, "个", 2027, 4),
        ("5G基站", 150_000, "个", 2027, 5),
    ])
    plenary = _article(db, "https://epaper.cqrb.cn/cqrb/2026-11/18/001/content_1.htm",
                       EVIL_TITLE, PLENARY_BODY, "2026-11-18", is_plenary=True, tags=["全会"])
    new = _store_targets(db, plenary, PLENARY_BODY, [
        ("轨道运营里程", 1000, "公里", 2030, 0), ("研发投入强度", 3.2, "%", 2027, 1),
        ("新能源汽车产量", 1_000_000, "辆", 2026, 2), ("5G基站", 150_000, "个", 2027, 3),
        ("口袋公园", 80, "个", 2026, 4), ("高新技术企业", 8000, "家", 2027, 5),
        ("博物馆", 150, "座", 2030, 6), ("城镇新增就业", 600_000, "人", 2026, 7, "target", ">="),
    ])
    report = _article(db, "https://www.cq.gov.cn/ywdt/jrcq/t20261120_9.html",
                      "我市老旧小区改造进展顺利", PROGRESS_BODY, "2026-11-20", source="cq-gov-jrcq")
    stat = _store_targets(db, report, PROGRESS_BODY,
                          [("老旧小区改造", 9916, "个", None, 0, "statistic")])
    search = [_article(db, url, title, body, published, source="cq-gov-jrcq")
              for url, published, title, body in SEARCH_ARTICLES]
    for article in search:  # read by diff: no targets in them
        replace_targets(db, article, [], "test-1")

    def change(kind: str, key: str, target: dict[str, Any], article: dict[str, Any],
               **values: Any) -> dict[str, Any]:
        old = base.get(key)
        row = {
            "id": f"chg-{kind}-{len(changes) + 1}", "detected": "2026-11-21T09:00:00+08:00",
            "week": WEEK, "change_type": kind, "indicator": target["indicator"],
            "indicator_key": key, "region": "重庆市",
            "old_value": old["value"] if old else None, "old_unit": old["unit"] if old else None,
            "old_year": old["year"] if old else None,
            "new_value": target["value"], "new_unit": target["unit"], "new_year": target["year"],
            "delta": None, "progress": None, "baseline_target_id": old["id"] if old else None,
            "previous_target_id": old["id"] if old else None, "target_id": target["id"],
            "article_id": article["id"], "sentence": target["sentence"],
            "published": article["published"],
        }
        row.update(values)
        changes.append(row)
        return row

    changes: list[dict[str, Any]] = []
    change("revised", "研发投入强度", new["研发投入强度"], plenary, delta=0.2)
    change("extended", "轨道运营里程", new["轨道运营里程"], plenary, delta=250)
    change("rescheduled", "新能源汽车产量", new["新能源汽车产量"], plenary, delta=0)
    change("reaffirmed", "5G基站", new["5G基站"], plenary)
    for indicator in ("口袋公园", "高新技术企业", "博物馆", "城镇新增就业"):
        change("new", indicator, new[indicator], plenary)
    change("progress", "老旧小区改造", stat["老旧小区改造"], report,
           progress=round(9916 / 18000, 4))
    db["changes"].insert_all(changes, pk="id")

    db["sources"].insert_all([
        {"name": "cqrb", "title": "重庆日报数字报", "kind": "epaper", "enabled": 1,
         "schedule": "0 7 * * *", "healthy": 1, "health_note": "",
         "last_run": "2026-11-21T07:00:00+08:00"},
        {"name": "cq-gov-jrcq", "title": "重庆市人民政府·今日重庆", "kind": "listing",
         "enabled": 1, "schedule": "every 2h", "healthy": 0,
         "health_note": "连续3次抓取失败", "last_run": "2026-11-21T10:00:00+08:00"},
    ], pk="name")
    db["crawl_runs"].insert_all([
        {"source": "cqrb", "started": "2026-11-19T07:00:00+08:00",
         "finished": "2026-11-19T07:02:00+08:00", "status": "ok", "pages": 12,
         "new_articles": 1, "duplicates": 0, "failed": 0, "errors": "[]"},
        {"source": "cq-gov-jrcq", "started": "2026-11-19T10:00:00+08:00",
         "finished": "2026-11-19T10:00:30+08:00", "status": "failed", "pages": 0,
         "new_articles": 0, "duplicates": 0, "failed": 1,
         "errors": json.dumps(["HTTP 503 https://www.cq.gov.cn/ywdt/jrcq/"])},
    ], pk="id")
    return {"baseline": baseline, "plenary": plenary, "report": report, "search": search,
            "changes": {row["change_type"] + ":" + row["indicator"]: row for row in changes},
            "base_targets": base}


def free_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_datasette(db_path: Path, digest_dir: Path,
                    env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """Start Datasette as the scheduler does and wait until it answers.

    :param env: extra environment variables (e.g. an analyst's password hash)
    """
    port = free_port()
    log_path = db_path.parent / "datasette.log"
    process = subprocess.Popen(datasette_args(db_path, "127.0.0.1", port, digest_dir),
                               stdout=log_path.open("wb"), stderr=subprocess.STDOUT,  # noqa: SIM115
                               env={**os.environ, **(env or {})})
    return process, wait_until_serving(process, port, log_path)


def wait_until_serving(process: subprocess.Popen, port: int, log_path: Path) -> str:
    """The base URL of a Datasette ``process`` once it answers on ``port`` (within 30 s).

    :raises RuntimeError: with its log when it exits, or when it does not answer in time
    """
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(log_path.read_text())
        try:
            if httpx.get(f"{base}/-/versions.json", timeout=1).status_code == 200:
                return base
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("Datasette did not start in 30 s")
