"""The indicator name index: the keys each region has used, found by bigram, never by a scan.

``indicator_grams`` holds one row per (region, dimension, bigram of the key's name, key).
Identity (:func:`diff.identity.indicator_key`) only needs the known keys that share a bigram
with a new name and have a length within the fuzzy threshold; this index returns just those,
so keying a mention costs the same with a thousand or a million stored targets.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from diff.identity import canonical, dimension, fuzzy_lengths, name_grams, split_key

SCHEMA = """
CREATE TABLE IF NOT EXISTS indicator_grams (
    region TEXT NOT NULL,
    dimension TEXT NOT NULL,
    gram TEXT NOT NULL,
    length INTEGER NOT NULL,
    indicator_key TEXT NOT NULL,
    PRIMARY KEY (region, dimension, gram, length, indicator_key)
) WITHOUT ROWID
"""

_CANDIDATES = """
SELECT g.indicator_key FROM (
    SELECT DISTINCT indicator_key FROM indicator_grams
    WHERE region = :region AND dimension = :dimension AND gram IN ({grams})
      AND length BETWEEN :shortest AND :longest
) g
WHERE EXISTS (
    SELECT 1 FROM targets t INDEXED BY idx_targets_key_position
    WHERE t.indicator_key = g.indicator_key AND t.region = :region AND t.published <= :published
      AND (t.published < :published OR t.article_id < :article)
) OR EXISTS (
    SELECT 1 FROM targets t
    WHERE t.indicator_key = g.indicator_key AND t.region = :region
      AND t.kind IN ('target', 'statistic', 'qualitative') AND t.is_baseline = 1
      AND t.article_id != :article
)
ORDER BY g.indicator_key
"""


def create_index(db: Database) -> None:
    """Create ``indicator_grams`` and fill it from the keys stored so far.

    :param db: the database
    """
    db.execute(SCHEMA)
    pairs = db.execute("SELECT DISTINCT region, indicator_key FROM targets"
                       " WHERE indicator_key IS NOT NULL AND region IS NOT NULL").fetchall()
    remember_keys(db, pairs)


def remember_keys(db: Database, pairs: Iterable[tuple[str, str]]) -> None:
    """Add ``(region, indicator_key)`` pairs to the index (pairs already there are kept).

    :param db: the database
    :param pairs: regions and the keys used in them
    """
    rows = []
    for region, key in set(pairs):
        name, dim = split_key(key)
        rows.extend((region, dim, gram, len(name), key) for gram in name_grams(name))
    db.conn.executemany("INSERT OR IGNORE INTO indicator_grams VALUES (?, ?, ?, ?, ?)", rows)


def known_candidates(db: Database, indicator: str, unit: str | None, region: str,
                     published: str | None, article_id: str) -> list[str]:
    """Keys of ``region`` used before an article that could fuzzily match ``indicator``.

    "Before" is the baseline and articles published earlier (same date: smaller id), as in
    change detection; the article's own stored targets do not count.

    :param indicator: the indicator as the text names it
    :param unit: its base unit
    :param region: whose indicator
    :param published: publication date of the article being keyed
    :param article_id: its id
    """
    name = canonical(indicator)
    grams = {f"gram{number}": gram for number, gram in enumerate(sorted(name_grams(name)))}
    shortest, longest = fuzzy_lengths(name)
    sql = _CANDIDATES.format(grams=", ".join(f":{mark}" for mark in grams))
    params = {"region": region, "dimension": dimension(unit), "shortest": shortest,
              "longest": longest, "published": published or "", "article": article_id, **grams}
    return [key for (key,) in db.execute(sql, params).fetchall()]
