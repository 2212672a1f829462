"""The crawler: a Scrapy project whose spiders are built from sources.yml."""

import os

# sqlite-utils imports numpy when it is installed (jionlp needs it), and numpy's OpenBLAS starts
# a thread per core that spins for a while: 0.05–0.1 CPU seconds at the start of every crawl,
# which does no linear algebra. One thread, unless the environment says otherwise.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
