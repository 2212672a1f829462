"""Article extraction from saved pages: selectors, the e-paper layout, trafilatura, checks."""

from __future__ import annotations

import datetime as dt

import lxml.html
import pytest

from crawler.extraction import (
    article_text,
    block_text,
    check_body,
    clean_body,
    extract_article,
    page_title,
)
from policywatch.config import Selectors
from policywatch.document import read_document
from tests import sitedata
from tests.conftest import FIXTURES

EPAPER_URL = "https://epaper.cqrb.cn/cqrb/2025-08/20/001/content_rb_8801.htm"


def _epaper(index: int) -> str:
    day, page, _, title, pre, sub, byline, paras, mark = sitedata.EPAPER_ARTICLES[index]
    return sitedata._epaper_article(day, page, title, pre, sub, byline, paras, mark)


def test_epaper_article_with_pretitle_subtitle_byline_and_continuation():
    found = extract_article(_epaper(0), EPAPER_URL, epaper=True)
    assert found.title == "市委六届七次全会在渝召开"
    assert found.pretitle == "深入学习贯彻习近平总书记视察重庆重要讲话重要指示精神"
    assert found.subtitle == "审议通过关于高水平建设现代化人民城市的意见"
    assert found.author == "张亦筑 王翔"
    assert found.published == dt.date(2025, 8, 20)
    assert found.continues_to == 3 and found.continued_from is None
    assert found.body == "\n".join(sitedata.PLENARY_BODY)


def test_epaper_continuation_piece():
    found = extract_article(_epaper(3), EPAPER_URL.replace("001", "003"), epaper=True)
    assert found.continued_from == 1
    assert found.body == "\n".join(sitedata.PLENARY_CONTINUED)


def test_portal_page_meta_and_related_links():
    html = sitedata._gov_article(*sitedata.GOV_ARTICLES["202508/t20250815_14830004"])
    found = extract_article(html, "https://www.cq.gov.cn/ywdt/jrcq/202508/t20250815_14830004.html")
    assert found.title == "市委召开全体会议传达学习全会精神"
    assert found.published == dt.date(2025, 8, 15)
    assert found.origin == "重庆市人民政府网"
    assert "字体" not in found.body and "版权所有" not in found.body


def test_related_link_dates_are_never_taken():
    html = """<html><body><h1>某区召开工作会议</h1><div id="zoom"><p>（示例文本）会议强调，要持续推进城市更新，
    加快完善基础设施，不断提升群众的获得感、幸福感和安全感，推动各项工作落地见效。</p></div>
    <ul class="related"><li><a href="/a.html">往期会议</a><span>2024年05月01日</span></li></ul></body></html>"""
    assert extract_article(html, "https://example.cn/news/a.html").published is None


def test_meta_pubdate_and_content_source():
    html = ("<html><head><meta name='ArticleTitle' content='标题甲'><meta name='PubDate' "
            "content='2025-08-20 09:30'><meta name='ContentSource' content='重庆日报'></head>"
            "<body><div class='view TRS_UEDITOR'><p>正文</p></div></body></html>")
    found = extract_article(html)
    assert (found.title, found.published, found.origin) == ("标题甲", dt.date(2025, 8, 20), "重庆日报")


@pytest.mark.parametrize("selectors", [
    Selectors(title=".headline", body=".story", date=".when"),
    Selectors(title="//div[@class='headline']", body="//div[@class='story']", date="//span[@class='when']"),
])
def test_source_selectors_override_builtin_rules(selectors):
    html = """<html><body><h1>网站名称</h1><div class="headline">真正的标题</div>
    <span class="when">2025年08月19日</span><div id="ozoom"><p>不是这里</p></div>
    <div class="story"><p>第一段。</p><p>第二段。</p></div></body></html>"""
    found = extract_article(html, "https://example.cn/2025-08/20/a.htm", selectors)
    assert (found.title, found.body, found.published) == ("真正的标题", "第一段。\n第二段。", dt.date(2025, 8, 19))


def test_selectors_that_match_nothing_give_an_empty_body():
    found = extract_article("<html><body><p>文字</p></body></html>", None, Selectors(body="#gone"))
    assert found.body == "" and check_body(found.body) == "正文为空"


def test_trafilatura_fallback_drops_title_info_line_and_furniture():
    html = sitedata._feed_article(*sitedata.FEED_ARTICLES["685001"])
    found = extract_article(html, "https://news.cqnews.net/1/detail/685001/web/content_685001.htm")
    assert found.title == "重庆至万州高铁建设加快推进"
    assert found.published == dt.date(2025, 8, 21)
    assert found.origin == "华龙网"
    assert found.body == "\n".join(sitedata.FEED_ARTICLES["685001"][3])


def test_broken_html():
    html = sitedata.BROKEN_BODY
    page = ("<html><head><title>城乡供水一体化加快推进</title><body><div><h1>城乡供水一体化加快推进</h2>"
            "<div class='date'>2025-08-21</span><div id='content'>" + "".join(f"<p>{p}" for p in html))
    found = extract_article(page)
    assert found.title == "城乡供水一体化加快推进"
    assert found.body == "\n".join(html)


def test_tag_names_broken_by_a_stray_angle_bracket():
    # "<span<div …>" parses as an element named "span<div": the page is still read, byline included
    paragraphs = [f"（示例文本）今年计划改造城镇老旧小区{n}个，完善社区养老、托育等公共服务设施。" for n in range(3)]
    html = ("<html><body><h1>示例标题</h1><div class='info'>本报记者 张三</div><span<div class='article-content'>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></body></html>")
    found = extract_article(html, "https://example.cn/2025-08/20/a.html")
    assert (found.title, found.author, found.published) == ("示例标题", "张三", dt.date(2025, 8, 20))
    assert found.body == "\n".join(paragraphs)


def test_block_text_lines_cells_and_left_out_elements():
    page = lxml.html.fromstring(
        "<div>引言<script>var x = 1;</script>接着<p>第一段<b>加粗</b>尾</p><!-- 注释 -->注后"
        "<table><tr><td>甲</td><td>乙</td></tr></table><ul><li>链接</li></ul>结尾</div>")
    assert block_text(page) == "引言接着\n第一段加粗尾\n注后\n甲 乙\n链接\n结尾"
    assert block_text(page, {page.find("ul")}) == "引言接着\n第一段加粗尾\n注后\n甲 乙\n结尾"
    assert block_text(page.find("ul")) == "链接"


@pytest.mark.parametrize("html", ["", "   ", "<html", "\x00\x01"])
def test_empty_or_garbage_pages_do_not_raise(html):
    assert check_body(extract_article(html).body) is not None


@pytest.mark.parametrize("line", ["版权所有：重庆市人民政府办公厅", "渝ICP备05004396号", "上一期 下一期",
                                  "【字体：大 中 小】", "打印本页 关闭窗口", "责任编辑：王五"])
def test_boilerplate_lines_are_dropped(line):
    body, _ = clean_body(f"（示例文本）第一段正文。\n{line}\n第二段正文。")
    assert body == "（示例文本）第一段正文。\n第二段正文。"


def test_bylines_and_inline_reporters():
    _, found = clean_body("本报记者 张三 李四\n正文。")
    assert found["author"] == "张三 李四"
    body, found = clean_body("本报讯（记者 王五）8月20日，全市工作会议召开。")
    assert found["author"] == "王五" and body.startswith("本报讯")


@pytest.mark.parametrize("body,reason", [
    ("", "正文为空"),
    ("欢迎访问", "正文过短（4字）"),
    ("x" * 200, "正文没有成段的中文"),
    ("（示例文本）" + "全市持续推进城市更新行动，完善基础设施。" * 5, None),
])
def test_check_body(body, reason):
    assert check_body(body) == reason


def test_article_text_for_policywatch_extract():
    # a saved e-paper page in GBK, read the way `policywatch extract page.htm` reads it
    text = read_document(FIXTURES / "cqrb_content_rb_8802.htm")
    assert text == article_text(_epaper(1)) == "\n".join(sitedata.EPAPER_ARTICLES[1][7])


def test_pretitle_and_subtitle_by_position_around_the_title():
    html = """<html><body><div class="detail"><h3>引题在标题之上</h3><h1>主标题</h1><h2>副题在标题之下</h2>
    <div id="ozoom"><p>（示例文本）全市持续推进城市更新行动，完善社区养老、托育等公共服务设施。</p></div></div></body></html>"""
    found = extract_article(html, EPAPER_URL, epaper=True)
    assert (found.pretitle, found.title, found.subtitle) == ("引题在标题之上", "主标题", "副题在标题之下")


def test_no_pretitle_or_subtitle_when_the_page_has_none():
    found = extract_article("<html><body><h1>主标题</h1><p>正文</p><h2>相关阅读</h2></body></html>")
    assert (found.pretitle, found.subtitle) == ("", "")


FOUNDER_PAGE = """<html><head><meta charset="utf-8"><title>重庆日报</title></head><body>
<!--enpproperty <articleid>353117</articleid><date>2025-08-20 00:00:00:0</date><author>张亦筑</author>
<title>全市科技创新大会召开</title><keyword>科技创新</keyword><subtitle>加快建设具有全国影响力的科技创新中心</subtitle>
<introtitle>以科技创新引领现代化产业体系建设</introtitle><siteid>1</siteid><nodeid>1</nodeid><nodename>第001版：要闻</nodename>/enpproperty-->
<table><tr><td class="font01">全市科技创新大会召开</td></tr></table>
<div id="ozoom"><founder-content><p>（示例文本）全市科技创新大会8月19日召开。会议提出，到2027年，全社会研发经费投入强度达到2.6%左右。</p>
<p>会议强调，要加快建设西部科学城，打造具有全国影响力的科技创新中心。</p></founder-content></div>
<!--/enpcontent--></body></html>"""


def test_founder_enpproperty_metadata():
    found = extract_article(FOUNDER_PAGE, "https://example.cn/news/content_353117.htm")
    assert found.title == "全市科技创新大会召开"
    assert found.pretitle == "以科技创新引领现代化产业体系建设"
    assert found.subtitle == "加快建设具有全国影响力的科技创新中心"
    assert found.author == "张亦筑"
    assert found.published == dt.date(2025, 8, 20)
    assert found.body.startswith("（示例文本）全市科技创新大会8月19日召开。") and found.body.count("\n") == 1


@pytest.mark.parametrize("info,origin", [
    ("发布时间：2025-08-20 来源：重庆日报【字体：大 中 小】", "重庆日报"),
    ("来源:华龙网 | 作者:张三", "华龙网"),
    ("来源：新华社（记者 王五）", "新华社"),
])
def test_origin_stops_at_page_furniture(info, origin):
    html = f"<html><body><h1>标题</h1><div class='info'>{info}</div><div id='zoom'><p>正文。</p></div></body></html>"
    assert extract_article(html).origin == origin


@pytest.mark.parametrize("line,author", [
    ("上游新闻·重庆商报记者 王倩", "王倩"),
    ("（重庆日报全媒体记者 颜安）", "颜安"),
    ("本报讯（记者 张三 李四）", "张三 李四"),
    ("本报首席记者　张亦筑", "张亦筑"),
])
def test_masthead_bylines_become_the_author(line, author):
    body, found = clean_body(line + "\n（示例文本）会议强调，要持续推进城市更新，加快完善基础设施。")
    assert found["author"] == author
    assert body == "（示例文本）会议强调，要持续推进城市更新，加快完善基础设施。"


@pytest.mark.parametrize("line", [
    "记者从市经济信息委获悉，今年上半年全市规上工业增加值同比增长7.8%。",
    "市科技局记者招待会将于下周举行，届时将发布全市科技创新平台建设情况。",
    "到2027年，全市数字经济核心产业增加值占地区生产总值比重达到12%。",
    "三、本措施自2025年9月1日起施行，有效期至2027年12月31日。",
    "全市将组织摄影比赛，评选优秀作品100件。",
])
def test_article_sentences_are_kept(line):
    body, found = clean_body(line)
    assert body == line and "author" not in found


@pytest.mark.parametrize("line", [
    "8月18日，两江新区明月湖片区，建设者正在施工。（记者 崔力 摄/视觉重庆）",
    "工作人员在重庆团结村站检查集装箱。新华社记者 王全超 摄",
    "（市科技局办公室供稿）",
    "（图片由受访者提供）",
    "巴南区举行防汛应急演练 2025-07-28",
    "[责任编辑：刘雪]",
    "新闻热线：966966　投稿邮箱：tougao@example.cn",
    "主办：重庆市巴南区人民政府办公室　最后更新：2025-08-22",
    "（责编：张三）",
    "审核：王强　校对：李四",
])
def test_captions_credits_and_link_residue_are_dropped(line):
    assert clean_body(line)[0] == ""


def test_unknown_template_read_from_the_densest_paragraphs():
    html = """<html><head><title>某区启动老旧小区改造_某区人民政府</title></head>
    <body><div class="side"><p>热点一 2025-08-10</p><p>热点二 2025-07-28</p></div>
    <div class="art"><h2>某区启动老旧小区改造</h2><p>2025-08-16 10:05</p>
    <div class="txt"><p>（示例文本）某区老旧小区改造提升工程正式启动，涉及小区68个、居民1.2万户。</p>
    <p>按照计划，今年内完成改造小区68个，加装电梯120部，新增停车位1500个，同步改造供水、供气、供电等老化管网，全面提升居住品质和群众满意度。</p></div></div>
    <div class="foot"><p>今天是2025年08月22日</p><p>版权所有 某区人民政府</p></div></body></html>"""
    found = extract_article(html, "https://example.cn/news/content_1.html")
    assert found.title == "某区启动老旧小区改造"
    assert found.body.splitlines()[0].startswith("（示例文本）某区老旧小区")
    assert len(found.body.splitlines()) == 2
    assert found.published == dt.date(2025, 8, 16)


def test_no_dense_paragraphs_falls_back_to_trafilatura():
    text = "（示例文本）会议强调，要持续推进城市更新，加快完善基础设施，不断提升群众的获得感、幸福感和安全感。"
    html = f"<html><body><article><div>{text}<br>{text.replace('会议', '大会')}</div></article></body></html>"
    found = extract_article(html)
    assert text in found.body


def test_top_bar_date_before_the_title_loses_to_the_date_line_after_it():
    html = """<html><body><div class="top">2025年08月22日 星期五</div><h1>某区召开工作会议</h1>
    <div class="meta">2025-08-16 10:05 某区融媒体中心</div><div id="zoom"><p>（示例文本）会议强调，要持续推进城市更新，
    加快完善基础设施，不断提升群众的获得感、幸福感和安全感，推动各项工作落地见效。</p></div></body></html>"""
    assert extract_article(html, "https://example.cn/a.html").published == dt.date(2025, 8, 16)


def test_bracketed_origin_note_at_the_end_becomes_the_origin():
    body, found = clean_body("（示例文本）会议强调，要持续推进城市更新，加快完善基础设施。\n（来源：新重庆-重庆日报）")
    assert body == "（示例文本）会议强调，要持续推进城市更新，加快完善基础设施。"
    assert found["origin"] == "新重庆-重庆日报"


@pytest.mark.parametrize("text,title", [
    ("万州区召开稳增长工作推进会_区县动态_重庆市万州区人民政府", "万州区召开稳增长工作推进会"),
    ("两江新区上半年引进重大项目42个_重庆要闻_新闻中心_华龙网", "两江新区上半年引进重大项目42个"),
    ("重庆发布科技创新“双倍增”行动方案 - 新重庆客户端", "重庆发布科技创新“双倍增”行动方案"),
    ("巴南区启动老旧小区改造提升工程-重庆市巴南区人民政府", "巴南区启动老旧小区改造提升工程"),
    ("关于印发行动方案（2025—2027年）的通知_行政规范性文件_重庆市人民政府网",
     "关于印发行动方案（2025—2027年）的通知"),
    ("方案（2025-2027年）解读-重庆市发展和改革委员会", "方案（2025-2027年）解读"),
    ("重庆日报", "重庆日报"),
    ("江北区出台支持楼宇经济发展十条措施--重庆市江北区人民政府", "江北区出台支持楼宇经济发展十条措施"),
])
def test_page_title_loses_column_and_site_names(text, title):
    assert page_title(text) == title


def test_page_wide_content_wrapper_yields_only_the_article():
    html = """<html><head><title>某区召开工作会议_某区人民政府</title></head><body><div id="content">
    <ul class="nav"><li><a href="/">首页</a></li><li><a href="/news/">新闻</a></li></ul>
    <div class="art"><h1>某区召开工作会议</h1><p>2025-08-16</p><div class="txt">
    <p>（示例文本）会议强调，要持续推进城市更新，加快完善基础设施，不断提升群众的获得感、幸福感和安全感。</p>
    <p>会议要求，全年新开工重点项目不少于120个，完成重点项目投资450亿元以上，新增市场主体2万户，各部门要倒排工期、挂图作战。</p></div></div>
    <div class="side"><p>热门推荐：某区举办文化旅游节</p><p>某区开展安全生产检查</p></div></div></body></html>"""
    found = extract_article(html, "https://example.cn/a.html")
    assert found.body.splitlines()[0].startswith("（示例文本）会议强调")
    assert len(found.body.splitlines()) == 2 and "热门推荐" not in found.body
