"""sources.yml validation: clear messages naming the file, the source and the field."""

from __future__ import annotations

import pytest

from policywatch.config import load_config, parse_config
from policywatch.errors import ConfigError, UnknownSourceError
from tests.conftest import ROOT

GOOD = """
sources:
  - name: local-paper
    title: 本地数字报
    kind: epaper
    edition_url: "http://127.0.0.1:8000/cqrb/{date:%Y-%m}/{date:%d}/001/node.htm"
    delay: 0
    schedule: "every 30m"
"""


def test_the_shipped_sources_file_is_valid():
    config = load_config(ROOT / "sources.yml")
    assert {s.name for s in config.sources} >= {"cqrb", "cq-gov-jrcq"}
    assert all(s.enabled for s in config.sources)


def test_a_good_block_parses_with_defaults():
    source = parse_config(GOOD).source("local-paper")
    assert source.delay == 0 and source.enabled and source.selectors.body is None


@pytest.mark.parametrize(
    "text,message",
    [
        (GOOD.replace("every 30m", "often"), 'source "local-paper", field "schedule"'),
        (GOOD.replace("kind: epaper", "kind: paper"), 'source "local-paper", field "kind"'),
        (GOOD.replace("name: local-paper", "name: Local Paper"), 'field "name"'),
        (GOOD.replace("delay: 0", "delay: -1"), 'field "delay"'),
        (GOOD.replace("delay: 0", "dealy: 0"), 'field "dealy", unknown key'),
        (GOOD.replace("    edition_url", "    #"), "an epaper source needs edition_url"),
        (GOOD + "    article_pattern: '('\n", "not a valid regular expression"),
        (GOOD + GOOD.split("sources:")[1], "source names must be unique: local-paper"),
        ("sources: [", "is not valid YAML"),
        ("- just a list", "expected a mapping"),
    ],
)
def test_mistakes_name_file_source_and_field(text, message):
    with pytest.raises(ConfigError) as error:
        parse_config(text, "my-sources.yml")
    assert str(error.value).startswith("my-sources.yml")
    assert message in str(error.value)


def test_missing_file_and_unknown_source(tmp_path):
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "nope.yml")
    with pytest.raises(UnknownSourceError, match='"mof"'):
        parse_config(GOOD).source("mof")
