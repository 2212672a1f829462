"""Target extraction, indicator identity and comparison with the baseline.

Pure functions over strings and rows: nothing here touches the network or the database.
"""

from pathlib import Path

from diff.compiled import check_build

check_build(Path(__file__).parent)  # a compiled build (make compiled) must match its sources
