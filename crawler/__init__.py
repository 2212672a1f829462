"""The crawler: a Scrapy project whose spiders are built from sources.yml."""
