"""The APScheduler service: one crawl job per source, the weekly digest, a supervised Datasette."""
