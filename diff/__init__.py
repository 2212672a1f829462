"""Target extraction, indicator identity and comparison with the baseline.

Pure functions over strings and rows: nothing here touches the network or the database.
"""
