"""Scrapy settings for policywatch: polite by default.

Tests and benchmarks override a few through ``POLICYWATCH_*`` environment variables read in
:mod:`crawler.run` (timeouts, retries, throttling), never by editing this file.
"""

from scrapy.settings.default_settings import EXTENSIONS_BASE as _SCRAPY_EXTENSIONS

BOT_NAME = "policywatch"
SPIDER_MODULES = ["crawler.spiders"]

USER_AGENT = "policywatch/0.1 (+https://github.com/policywatch/policywatch; policy monitoring crawler)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
# Items and requests of one response go through synchronous pipelines: Scrapy's default of
# 100 parallel workers per response only costs 100 asyncio tasks per page (a sixth of the
# crawl's CPU on a local site).
CONCURRENT_ITEMS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
# Traps are bounded by each spider (max_pages index pages, editions of the date range only).
DEPTH_LIMIT = 0
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy's remote control serves, on a local port, an HTTP endpoint that runs the Python code
# sent to it (its token in a job file under ~/.local/state/scrapy). A crawl needs none of it;
# left out of Scrapy's extensions (``EXTENSIONS: {…: None}`` would still import it), no crawl
# loads aiohttp or starts that server (a tenth of a second at each start).
REMOTE_CONTROL_ENABLED = False
EXTENSIONS_BASE = {path: order for path, order in _SCRAPY_EXTENSIONS.items() if not path.endswith(".RemoteControl")}
# Scrapy reads a callback's source at each call whose result it no longer caches, to warn about
# a generator that returns a value; tests/test_crawl_units.py checks our callbacks once instead.
WARN_ON_GENERATOR_RETURN_VALUE = False

# Conditional requests for index and edition pages: the cache keeps validators (ETag,
# Last-Modified) and revalidates; article requests set meta dont_cache. The directory is set
# next to the database by crawler.run.
HTTPCACHE_ENABLED = True
HTTPCACHE_POLICY = "scrapy.extensions.httpcache.RFC2616Policy"
HTTPCACHE_STORAGE = "scrapy.extensions.httpcache.FilesystemCacheStorage"
HTTPCACHE_DIR = "data/httpcache"

ITEM_PIPELINES = {
    "crawler.pipelines.NormalizePipeline": 100,
    "crawler.pipelines.CheckPipeline": 200,
    "crawler.pipelines.TagPipeline": 300,
    "crawler.pipelines.DeduplicatePipeline": 400,
    "crawler.pipelines.StorePipeline": 500,
}

# Articles are stored in batches (crawler/writer.py): up to this many in one transaction, or
# whatever came within this many seconds of the first.
POLICYWATCH_STORE_BATCH = 100
POLICYWATCH_STORE_WAIT = 0.2

LOG_LEVEL = "WARNING"
LOG_FORMATTER = "crawler.logformat.QuietDropFormatter"
FEED_EXPORT_ENCODING = "utf-8"
