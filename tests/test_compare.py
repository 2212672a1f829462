"""Comparing new mentions with the baseline and earlier mentions: hand-made target rows."""

from __future__ import annotations

import pytest

from diff.compare import article_changes, change_id, change_type, classify, pick_previous

KEY = "轨道运营里程|length"


def row(ident, value, year, kind="target", baseline=False, key=KEY, region="重庆市",
        unit="公里", value_max=None):
    """A target row as the targets table holds it."""
    return {
        "id": ident, "article_id": f"a-{ident}", "kind": kind, "indicator": key.split("|")[0],
        "indicator_key": key, "region": region, "value": value, "value_max": value_max,
        "unit": unit, "year": year, "sentence": f"句子{ident}", "published": "2026-01-05",
        "is_baseline": int(baseline),
    }


BASE = row("b750", 750, 2027, baseline=True)


@pytest.mark.parametrize("new,earlier,expected", [
    (row("n1", 800, 2027), [BASE], "revised"),
    (row("n1", 750, 2028), [BASE], "rescheduled"),
    (row("n1", 900, 2030), [BASE], "extended"),
    (row("n1", 750, 2027), [BASE], "reaffirmed"),
    (row("n1", 700, 2026), [BASE], "revised"),
    (row("n1", 750, None), [BASE], "reaffirmed"),
    (row("n1", 760, None), [BASE], "revised"),
    (row("n1", 600, 2027, kind="statistic"), [BASE], "progress"),
    (row("n1", 800, 2027), [], "new"),
    (row("n1", 800, 2027), [row("s1", 500, None, kind="statistic", baseline=True)], "new"),
])
def test_change_types(new, earlier, expected):
    assert classify(new, earlier)["change_type"] == expected


@pytest.mark.parametrize("new,earlier", [
    (row("n1", 600, None, kind="statistic"), []),
    (row("n1", 600, None, kind="statistic"), [row("s0", 500, None, kind="statistic", baseline=True)]),
    (row("n1", None, 2030, kind="qualitative"), [BASE]),
    (row("n1", None, 2027), [BASE]),
])
def test_no_change(new, earlier):
    assert classify(new, earlier) is None


def test_second_revision_compares_with_the_latest_mention():
    first = row("n1", 800, 2027)
    second = row("n2", 850, 2027)
    change = classify(second, [BASE, first])
    assert change["change_type"] == "revised"
    assert (change["old_value"], change["new_value"], change["delta"]) == (800, 850, 50)
    assert change["previous_target_id"] == "n1"
    assert change["baseline_target_id"] == "b750"


def test_revision_record_carries_old_and_new():
    change = classify(row("n1", 800, 2027), [BASE])
    assert change == {
        "id": change_id("n1"), "change_type": "revised", "indicator": "轨道运营里程",
        "indicator_key": KEY, "region": "重庆市", "old_value": 750, "old_unit": "公里",
        "old_year": 2027, "new_value": 800, "new_unit": "公里", "new_year": 2027, "delta": 50,
        "progress": None, "baseline_target_id": "b750", "previous_target_id": "b750",
        "target_id": "n1", "article_id": "a-n1", "sentence": "句子n1", "published": "2026-01-05",
    }


def test_extension_keeps_both_years_in_the_timeline():
    rd = "研发投入强度|percent"
    base = row("b3", 3, 2027, baseline=True, key=rd, unit="%")
    change = classify(row("n1", 3.25, 2030, key=rd, unit="%"), [base])
    assert change["change_type"] == "extended"
    assert (change["old_year"], change["new_year"]) == (2027, 2030)
    assert change["delta"] == pytest.approx(0.25)
    # a later mention of 2027 is compared with the 2027 target, not the 2030 one
    later = classify(row("n2", 3, 2027, key=rd, unit="%"), [base, row("n1", 3.25, 2030, key=rd, unit="%")])
    assert later["change_type"] == "reaffirmed"
    assert later["previous_target_id"] == "b3"


def test_progress_is_a_fraction_of_the_current_target():
    key = "老旧小区|count"
    base = row("b", 18000, 2027, baseline=True, key=key, unit="个")
    change = classify(row("s", 9916, None, kind="statistic", key=key, unit="个"), [base])
    assert change["change_type"] == "progress"
    assert change["progress"] == pytest.approx(0.5509)
    assert (change["old_value"], change["new_value"]) == (18000, 9916)
    # after a revision to 20000 progress is measured against 20000, still linked to the baseline
    revised = row("r", 20000, 2027, key=key, unit="个")
    change = classify(row("s", 9916, None, kind="statistic", key=key, unit="个"), [base, revised])
    assert change["progress"] == pytest.approx(0.4958)
    assert change["baseline_target_id"] == "b"
    assert change["previous_target_id"] == "r"


def test_ranges_differ_by_their_upper_end():
    a = row("a", 4.5, 2026, unit="%", value_max=5)
    assert change_type(row("b", 4.5, 2026, unit="%", value_max=5), a) == "reaffirmed"
    assert change_type(row("b", 4.5, 2026, unit="%"), a) == "revised"


def test_previous_prefers_the_same_year():
    earlier = [BASE, row("n1", 900, 2030), row("n2", 760, 2027)]
    assert pick_previous(row("x", 1, 2027), earlier)["id"] == "n2"
    assert pick_previous(row("x", 1, 2035), earlier)["id"] == "n2"
    assert pick_previous(row("x", 1, 2030), earlier)["id"] == "n1"


def test_article_changes_count_a_repeated_mention_once_and_keep_regions_apart():
    targets = [row("t1", 800, 2027), row("t2", 800, 2027), row("t3", 1000, 2027, region="成都市")]
    changes = article_changes(targets, {(KEY, "重庆市"): [BASE]})
    assert [(c["target_id"], c["change_type"], c["region"]) for c in changes] == [
        ("t1", "revised", "重庆市"), ("t3", "new", "成都市"),
    ]
