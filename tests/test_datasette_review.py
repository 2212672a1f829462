"""Reviews through a real Datasette server: an analyst logs in and writes a review through the
writable canned query; anonymous visitors stay read-only."""

from __future__ import annotations

import httpx
import pytest
from datasette_auth_passwords.utils import hash_password

from policywatch.store import open_db
from reports.digest import build_digest
from tests.publishing_data import WEEK, build_sample, start_datasette

PASSWORD = "重庆-review-2026"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A sample database served by Datasette with one analyst account; (base URL, data, db path)."""
    folder = tmp_path_factory.mktemp("review-site")
    db_path = folder / "policywatch.db"
    db = open_db(db_path)
    data = build_sample(db)
    db.close()
    env = {"POLICYWATCH_ANALYST_PASSWORD_HASH": hash_password(PASSWORD, iterations=1000)}
    process, base = start_datasette(db_path, folder / "digests", env)
    yield base, data, db_path
    process.terminate()
    process.wait(10)


def login(base: str, password: str = PASSWORD) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=10)
    response = client.post("/-/login", data={"username": "analyst", "password": password})
    assert response.status_code in (200, 302)
    return client


def write(client: httpx.Client, query: str, **params: str) -> httpx.Response:
    return client.post(f"/policywatch/{query}", json=params,
                       headers={"Accept": "application/json"})


def reviews(base: str) -> list[dict]:
    return httpx.get(f"{base}/policywatch/reviews.json", params={"_shape": "array"},
                     timeout=10).json()


def test_anonymous_visitors_cannot_write_a_review(site):
    base, data, _ = site
    change = data["changes"]["new:博物馆"]["id"]
    anonymous = httpx.Client(base_url=base, timeout=10)
    assert write(anonymous, "review_change", change_id=change, verdict="wrong").status_code == 403
    form = anonymous.post("/policywatch/review_change",
                          data={"change_id": change, "verdict": "wrong"})
    assert form.status_code in (302, 403) and reviews(base) == []
    assert anonymous.get("/policywatch/review_change").status_code == 403
    assert reviews(base) == []


def test_a_wrong_password_does_not_log_in(site):
    base, data, _ = site
    client = login(base, "not-the-password")
    assert "ds_actor" not in client.cookies
    response = write(client, "review_target", target_id=data["base_targets"]["5G基站"]["id"],
                     verdict="confirmed")
    assert response.status_code == 403


def test_an_analyst_logs_in_writes_a_review_and_reads_it_back(site, tmp_path):
    base, data, db_path = site
    client = login(base)
    assert client.get("/-/actor.json").json()["actor"]["id"] == "analyst"
    wrong = data["changes"]["new:博物馆"]["id"]
    response = write(client, "review_change", change_id=wrong, verdict="wrong",
                     note="文旅规划, 不是全会目标")
    assert response.status_code == 200, response.text
    assert response.json() == {"ok": True, "message": "已记录: 博物馆 (重庆市) → 有误",
                               "redirect": None}

    [row] = [r for r in reviews(base) if r["subject_id"] == wrong]
    assert (row["subject"], row["verdict"], row["reviewer"], row["note"]) == (
        "change", "wrong", "analyst", "文旅规划, 不是全会目标")
    assert row["reviewed"].endswith("+08:00")
    reviewed = httpx.get(f"{base}/policywatch/reviewed_changes.json",
                         params={"_shape": "array"}, timeout=10).json()
    assert [(r["change_id"], r["结论"], r["审核人"]) for r in reviewed] == [(wrong, "有误", "analyst")]
    pending = httpx.get(f"{base}/policywatch/changes_to_review.json",
                        params={"_shape": "array"}, timeout=10).json()
    assert wrong not in {r["change_id"] for r in pending}
    assert len(pending) == len(data["changes"]) - 1
    week = httpx.get(f"{base}/policywatch/changes_this_week.json",
                     params={"_shape": "array", "week": WEEK}, timeout=10).json()
    assert {r["change_id"]: r["审核"] for r in week}[wrong] == "有误"

    digest = build_digest(open_db(db_path), WEEK, tmp_path / "d", base_url=base)
    assert "博物馆" not in digest.html and digest.changes == len(data["changes"]) - 1


def test_a_target_review_with_a_chinese_verdict(site):
    base, data, _ = site
    target = data["base_targets"]["研发投入强度"]["id"]
    response = write(login(base), "review_target", target_id=target, verdict="已确认", note="")
    assert response.status_code == 200, response.text
    [row] = [r for r in reviews(base) if r["subject_id"] == target]
    assert (row["subject"], row["verdict"], row["note"]) == ("target", "confirmed", None)


def test_a_target_reviewed_wrong_marks_its_change(site):
    base, data, _ = site
    change = data["changes"]["new:口袋公园"]
    response = write(login(base), "review_target", target_id=change["target_id"], verdict="wrong",
                     note="")
    assert response.status_code == 200, response.text
    week = httpx.get(f"{base}/policywatch/changes_this_week.json",
                     params={"_shape": "array", "week": WEEK}, timeout=10).json()
    assert {r["change_id"]: r["审核"] for r in week}[change["id"]] == "目标有误"


@pytest.mark.parametrize("params", [
    {"change_id": "no-such-change", "verdict": "wrong"},
    {"change_id": "chg-revised-1", "verdict": "maybe"},
])
def test_a_bad_review_is_refused_and_stores_nothing(site, params):
    base, _, _ = site
    before = len(reviews(base))
    response = write(login(base), "review_change", note="x", **params)
    assert response.status_code == 400
    assert "未记录" in response.json()["errors"][0]
    assert len(reviews(base)) == before


def test_a_logged_in_analyst_still_has_no_write_api_or_arbitrary_sql(site):
    base, _, _ = site
    client = login(base)
    insert = client.post("/policywatch/reviews/-/insert",
                         json={"row": {"subject": "change", "subject_key": "x", "verdict": "wrong",
                                       "reviewer": "x", "reviewed": "x"}})
    assert insert.status_code == 403
    assert client.get("/policywatch/-/query.json",
                      params={"sql": "select * from reviews"}).status_code == 403
