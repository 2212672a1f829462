"""Log formatting: a dropped item is one short line, not the whole article."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter, LogFormatterResult


class QuietDropFormatter(LogFormatter):
    """Log dropped items (rejections, repeats) at INFO with the reason only; they are counted in stats."""

    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any) -> LogFormatterResult:
        """One line: why the item was dropped."""
        return {"level": logging.INFO, "msg": "Dropped: %(reason)s", "args": {"reason": str(exception)}}
