"""Cleaning an extracted body: site furniture, bylines, credits, continuation marks, checks.

Lines that are not article text are dropped (版权所有, 责任编辑, 分享到, photo credits, what a list
of links leaves behind); bylines and 来源 lines are kept aside as ``author`` and ``origin``.
"""

from __future__ import annotations

import re

from crawler.dates import parse_date

#: Lines that are site furniture, not article text.
BOILERPLATE = re.compile(
    r"版权所有|ICP备|ICP证|上一期|下一期|上一篇|下一篇|【字体|字号[:：]|打印本页|关闭窗口|"
    r"扫一扫|分享到|网站地图|联系我们|公网安备|^[【\[(（]?\s*责任编辑|^编辑[:：]|^\[?返回|"
    r"新闻热线[:：]|投稿邮箱|【版权声明】|^主办[:：]|^承办[:：]|最后更新[:：]|"
    r"^[【\[(（]?\s*(?:责编|审核|校对|监制|终审|值班编辑)\s*[:：]"
)
#: Photo and video credits, and captions ending in one: "…施工。（记者 崔力 摄/视觉重庆）",
#: "新华社记者 王全超 摄", "视频：华龙网记者 张质 摄制".
_PHOTO_CREDIT = re.compile(r"(?:记者|通讯员|摄影|摄)\s*[\u4e00-\u9fff·、\s]{2,16}?\s*摄(?:制|影)?"
                           r"(?:\s*[/／]\s*[\u4e00-\u9fff]{2,8})?\s*[)）]?$")
#: Contribution notes: "（市科技局办公室供稿）", "（图片由受访者提供）".
_CREDIT_NOTE = re.compile(r"^[（(][^（）()]{2,24}(?:供稿|供图|提供)[)）]$")
_NAMES = r"[\u4e00-\u9fff·]{2,4}(?:[\s、，,]+[\u4e00-\u9fff·]{2,4}){0,4}"
#: Reporter lines with a masthead: "上游新闻·重庆商报记者 王倩", "（重庆日报全媒体记者 颜安）".
_REPORTER_LINE = re.compile(r"^[（(]?[\u4e00-\u9fff·\-]{0,16}?[（(]?(?:首席|全媒体|见习|特约)*记者\s*[:：]?\s*"
                            rf"({_NAMES})\s*[)）]?$")
#: Bodies shorter than this (in characters, whitespace excluded) are not articles.
MIN_BODY_CHARS = 80
CONTINUES_TO = re.compile(r"[（(]\s*下转第\s*(\d+)\s*版\s*[)）]")
CONTINUED_FROM = re.compile(r"[（(]\s*上接第\s*(\d+)\s*版\s*[)）]")
_BYLINE = re.compile(r"^(?:本报(?:首席)?记者|特约记者|记者|作者|文/|通讯员)\s*[:：/]?\s*(.{2,30})$")
_INLINE_REPORTER = re.compile(r"[（(](?:本报)?记者\s*([\u4e00-\u9fff·\s、，,]{2,20})[)）]")
ORIGIN = re.compile(r"来源\s*[:：]\s*([^\s　|/【\[（()）\]】:：,，]{2,30})")
#: A short line holding a date and page furniture: "2025年08月21日 08:30 来源：华龙网".
_INFO_LINE = re.compile(r"来源|作者|编辑|发布|浏览|阅读|^[\d年月日:：\-/\s]+$")
#: Where an origin glued to the next header field ends: "华龙网编辑：刘雪" → 华龙网.
ORIGIN_END = re.compile(r"(?:责任)?编辑|作者|记者|发布|时间|日期|浏览|点击|阅读|字号|【")
HAN = re.compile(r"[\u4e00-\u9fff]")
#: What a list of links leaves behind: "巴南区举行防汛应急演练 2025-07-28".
_LINK_LINE = re.compile(r"^[^。！？；]{2,40}?\s[\[(（]?(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\])）]?$")


def clean_body(text: str) -> tuple[str, dict[str, str]]:
    """Drop boilerplate, bylines and continuation marks; return ``(text, found)``.

    ``found`` may hold ``author``, ``origin``, ``continues_to`` and ``continued_from``.

    :param text: body text, one paragraph a line
    """
    found: dict[str, str] = {}
    kept = []
    for line in text.splitlines():
        line = line.strip()
        if match := CONTINUES_TO.search(line):
            found.setdefault("continues_to", match.group(1))
            line = CONTINUES_TO.sub("", line).strip()
        if match := CONTINUED_FROM.search(line):
            found.setdefault("continued_from", match.group(1))
            line = CONTINUED_FROM.sub("", line).strip()
        if not line or BOILERPLATE.search(line) or _CREDIT_NOTE.match(line) or _LINK_LINE.match(line):
            continue
        if len(line) <= 120 and _PHOTO_CREDIT.search(line):
            continue
        if len(line) <= 40 and (match := _BYLINE.match(line) or _REPORTER_LINE.match(line)):
            found.setdefault("author", " ".join(re.split(r"[\s、，,]+", match.group(1).strip())))
            continue
        if len(line) <= 60 and (line.lstrip("（(【[").startswith(("来源", "发布时间", "发布日期"))
                                or (parse_date(line) and _INFO_LINE.search(line))):
            if match := ORIGIN.search(line):
                found.setdefault("origin", match.group(1))
            continue
        if "author" not in found and (match := _INLINE_REPORTER.search(line[:40])):
            found["author"] = " ".join(re.split(r"[\s、，,]+", match.group(1).strip()))
        kept.append(line)
    return "\n".join(kept), found


def check_body(body: str) -> str | None:
    """Why a cleaned body is not an article, or None when it is one.

    :param body: cleaned body text
    """
    size = len("".join(body.split()))
    if size == 0:
        return "正文为空"
    if size < MIN_BODY_CHARS:
        return f"正文过短（{size}字）"
    if not re.search(r"[\u4e00-\u9fff]{8}", body):
        return "正文没有成段的中文"
    return None


def is_byline(text: str) -> bool:
    """Whether a short line is a byline ("本报记者 张三", "上游新闻·重庆商报记者 王倩").

    :param text: one line
    """
    return bool(_BYLINE.match(text) or _REPORTER_LINE.match(text))
