"""The fixture sites' pages and what a crawl of them must store.

Every text is a sample (示例文本) in realistic Chinese; none is a real article.
"""

from __future__ import annotations

from html import escape

from tests.sites import ROBOTS, Page, SiteServer, big, html_page, redirect_to, slow, status

# -- the 重庆日报 e-paper -------------------------------------------------------------------

PLENARY_BODY = [
    "（示例文本）8月18日，中国共产党重庆市第六届委员会第七次全体会议在渝召开。全会听取和讨论了市委常委会受托所作的讲话，审议通过了关于高水平建设现代化人民城市的意见。",
    "全会提出，到2027年，全市轨道交通运营里程达到750公里，累计改造城镇老旧小区18000个。",
]
PLENARY_CONTINUED = [
    "全会强调，要坚持人民城市人民建、人民城市为人民，推动城市治理体系和治理能力现代化，让城市更加宜居、韧性、智慧。",
    "全会号召，全市各级党组织和广大党员干部要更加紧密地团结在党中央周围，奋力谱写中国式现代化重庆篇章。",
]
PORT_BODY = [
    "（示例文本）记者从市港航海事事务中心获悉，今年1至7月，重庆港完成集装箱吞吐量86万标箱，同比增长9.3%。",
    "果园港作为国家级多式联运示范枢纽，已开通铁水联运班列线路20余条，辐射带动作用持续增强。",
]
#: (day, page, id, title, pretitle, subtitle, byline, paragraphs, continuation mark)
EPAPER_ARTICLES = [
    ("2025-08/20", "001", "8801", "市委六届七次全会在渝召开", "深入学习贯彻习近平总书记视察重庆重要讲话重要指示精神",
     "审议通过关于高水平建设现代化人民城市的意见", "本报记者 张亦筑 王翔", PLENARY_BODY, "（下转第3版）"),
    ("2025-08/20", "001", "8802", "我市今年新建5G基站1.2万个", "", "", "本报记者 陈钧", [
        "（示例文本）记者从市经济信息委获悉，今年以来，我市新建5G基站1.2万个，累计建成5G基站超过10万个，重点场所5G网络通达率达到98%。",
        "下一步，我市将加快建设千兆城市，推动5G应用向工业互联网、智慧交通等领域拓展。",
    ], ""),
    ("2025-08/20", "002", "8803", "两江新区数字经济产业加速集聚", "", "", "", [
        "（示例文本）今年上半年，两江新区数字经济核心产业营业收入同比增长12.6%，新引进软件和信息服务企业86家。",
        "新区相关负责人表示，将围绕智能网联新能源汽车、新一代电子信息制造业等重点产业，打造3个千亿级产业集群。",
    ], ""),
    ("2025-08/20", "003", "8804", "市委六届七次全会在渝召开", "", "", "", PLENARY_CONTINUED, "（上接第1版）"),
    ("2025-08/20", "003", "8805", "口袋公园让市民推窗见绿", "", "", "", [
        "（示例文本）今年我市计划新建口袋公园80个，截至目前已建成52个，主城都市区新增绿地面积约120万平方米。",
        "市城市管理局表示，将持续推进坡坎崖绿化美化，让市民推窗见绿、出门进园。",
    ], ""),
    ("2025-08/18", "001", "8701", "全市生态环境保护大会召开", "", "", "本报记者 颜若雯", [
        "（示例文本）全市生态环境保护大会8月17日召开。会议提出，到2027年，全市空气质量优良天数比率稳定在90%以上，长江干流重庆段水质保持为Ⅱ类。",
        "会议要求，各区县要压紧压实生态环境保护责任，持续深入打好蓝天、碧水、净土保卫战。",
    ], ""),
    ("2025-08/18", "002", "8702", "重庆港集装箱吞吐量创新高", "", "", "", PORT_BODY, ""),
]
EPAPER_PAGES = {"2025-08/20": ["001", "002", "003", "004"], "2025-08/18": ["001", "002"]}
EPAPER_MISSING = {"2025-08/20": ["004"], "2025-08/18": []}


def _epaper_article(day: str, page: str, title: str, pretitle: str, subtitle: str, byline: str,
                    paragraphs: list[str], mark: str) -> str:
    date = day.replace("-", "年").replace("/", "月") + "日"
    paras = [f"<p>{escape(byline)}</p>"] if byline else []
    body = list(paragraphs)
    if mark.startswith("（上接"):
        body[0] = mark + body[0]
    elif mark:
        body[-1] = body[-1] + mark
    paras += [f"<p>　　{escape(p)}</p>" for p in body]
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>重庆日报</title></head><body>
<div class="header">重庆日报 {date} 第{page}版</div>
<div class="article">
<h3 id="PreTitle">{escape(pretitle)}</h3>
<h1 id="Title">{escape(title)}</h1>
<h2 id="SubTitle">{escape(subtitle)}</h2>
<div id="ozoom"><founder-content>{''.join(paras)}</founder-content></div>
</div>
<div class="related"><h4>往期回顾</h4><ul>
<li><a href="../../../2024-05/01/001/content_rb_1.htm">重庆日报往期要闻</a> 2024年05月01日</li></ul></div>
<div class="footer">上一期 下一期 重庆日报社版权所有 渝ICP备05004396号</div>
</body></html>"""


def _epaper_node(day: str, page: str, articles: list[tuple[str, str]]) -> str:
    pages = "".join(f'<a href="../{p}/node.htm">第{p}版</a> ' for p in EPAPER_PAGES[day])
    area = "".join(f'<area shape="rect" coords="0,0,10,10" href="content_rb_{i}.htm">' for i, _ in articles)
    items = "".join(f'<li><a href="content_rb_{i}.htm">{escape(t)}</a></li>' for i, t in articles)
    return f"""<html><head><meta charset="utf-8"><title>重庆日报 第{page}版</title></head><body>
<div class="calendar"><a href="../../19/001/node.htm">19</a> <a href="../../21/001/node.htm">21</a>
<a href="../../../2025-09/01/001/node.htm">下月</a></div>
<div class="pagelist">{pages}</div>
<img src="page.jpg" usemap="#PagePicMap"><map name="PagePicMap">{area}</map>
<ul id="articlelist">{items}</ul></body></html>"""


def add_epaper(server: SiteServer) -> None:
    """The e-paper at /cqrb/{YYYY-MM}/{DD}/{NNN}/: 2025-08-18 and -20; the 19th is missing."""
    for day, pages in EPAPER_PAGES.items():
        for page in pages:
            if page in EPAPER_MISSING[day]:
                continue
            on_page = [(a[2], a[3]) for a in EPAPER_ARTICLES if a[0] == day and a[1] == page]
            server.routes[f"/cqrb/{day}/{page}/node.htm"] = html_page(_epaper_node(day, page, on_page))
    for day, page, ident, title, pre, sub, byline, paras, mark in EPAPER_ARTICLES:
        server.routes[f"/cqrb/{day}/{page}/content_rb_{ident}.htm"] = html_page(
            _epaper_article(day, page, title, pre, sub, byline, paras, mark))


# -- the GBK government portal -------------------------------------------------------------

GOV_ARTICLES = {
    "202508/t20250820_14857001": ("全市城市更新工作推进会召开", "2025-08-20 09:30", "重庆日报", [
        "（示例文本）8月19日，全市城市更新工作推进会召开。会议指出，今年全市计划实施城市更新项目300个，完成投资1000亿元以上。",
        "会议由市住房城乡建设委副主任李堃主持。会议要求，各区县要加快推进老旧小区改造和完整社区建设，切实增强群众获得感。",
    ]),
    "202508/t20250819_14850002": ("重庆港集装箱吞吐量创新高", "2025-08-19 08:00", "重庆日报", PORT_BODY),
    "202508/t20250818_14840003": ("市政府常务会议研究部署稳就业工作", "2025-08-18 15:00", "市政府办公厅", [
        "（示例文本）市政府常务会议8月18日召开，研究部署稳就业工作。会议提出，今年全市城镇新增就业60万人以上，城镇调查失业率控制在5.5%左右。",
        "会议强调，要落实落细就业优先政策，加大对高校毕业生、农民工等重点群体就业帮扶力度。",
    ]),
    "202508/t20250815_14830004": ("市委召开全体会议传达学习全会精神", "", "", [
        "（示例文本）8月15日，市委召开全体会议，传达学习党的二十届四中全会精神。会议强调，要把学习贯彻全会精神作为当前和今后一个时期的重要政治任务。",
        "会议要求，各级各部门要结合实际抓好贯彻落实，确保党中央决策部署在重庆落地见效。",
    ]),
}
GOV_INDEX = [["202508/t20250820_14857001", "202508/t20250819_14850002"],
             ["202508/t20250818_14840003"], ["202508/t20250815_14830004"]]


def _gov_article(title: str, pubdate: str, origin: str, paragraphs: list[str]) -> str:
    metas = f'<meta name="ArticleTitle" content="{escape(title)}">'
    if pubdate:
        metas += f'<meta name="PubDate" content="{pubdate}"><meta name="ContentSource" content="{origin}">'
    info = f"发布时间：{pubdate or '2025-08-15 10:00'} 来源：{origin or '重庆市人民政府网'}"
    paras = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
{metas}<title>{escape(title)}_重庆市人民政府网</title></head><body>
<div class="crumb"><a href="/">首页</a> &gt; <a href="/ywdt/">要闻动态</a></div>
<div class="article-head"><h1>{escape(title)}</h1><div class="info">{info} 【字体：大 中 小】</div></div>
<div class="view TRS_UEDITOR trs_paper_default">{paras}</div>
<div class="tools">打印本页 关闭窗口</div>
<div class="related"><h3>相关文章</h3><ul><li><a href="t20240701_1.html">往期会议</a><span>2024年07月01日</span></li></ul></div>
<div class="footer">版权所有：重庆市人民政府办公厅 渝ICP备2023000000号</div></body></html>"""


def add_gov(server: SiteServer) -> None:
    """The portal at /ywdt/jrcq/ (GBK labelled gb2312), 3 index pages, twins and variants."""
    names = ["index.html", "index_1.html", "index_2.html"]
    for number, paths in enumerate(GOV_INDEX):
        links = []
        for path in paths:
            links += [f'<li><a href="{path}.html">{escape(GOV_ARTICLES[path][0])}</a></li>',
                      f'<li><a href="{path}_app.html">移动版</a></li>',
                      f'<li><a href="https://127.0.0.1:{server.port}/ywdt/jrcq/{path}.html?utm_source=wechat">分享</a></li>']
        pager = "".join(f'<a href="{n}">{i + 1}</a> ' for i, n in enumerate(names))
        text = f"""<html><head><meta charset="gb2312"><title>今日重庆</title></head><body>
<ul class="list">{''.join(links)}</ul><div class="page">{pager}</div>
<div class="footer">版权所有：重庆市人民政府办公厅</div></body></html>"""
        page = html_page(text, "gbk", "gb2312")
        server.routes[f"/ywdt/jrcq/{names[number]}"] = page
        if number == 0:
            server.routes["/ywdt/jrcq/"] = page
    for path, (title, pubdate, origin, paras) in GOV_ARTICLES.items():
        page = html_page(_gov_article(title, pubdate, origin, paras), "gbk", "gb2312")
        server.routes[f"/ywdt/jrcq/{path}.html"] = page
        server.routes[f"/ywdt/jrcq/{path}_app.html"] = page


# -- the 华龙网-style feed -------------------------------------------------------------------

FEED_ARTICLES = {
    "685001": ("重庆至万州高铁建设加快推进", "2025年08月21日 08:30", "华龙网", [
        "（示例文本）记者8月20日从中铁二院获悉，重庆至万州高速铁路建设加快推进，全线桥梁、隧道主体工程已完成八成以上。",
        "据介绍，该线路设计时速350公里，建成后重庆主城至万州最快约50分钟可达，将进一步完善成渝地区双城经济圈铁路网。",
        "目前，沿线各站房建设同步推进，预计年底前完成主体结构施工。",
    ]),
    "685002": ("中欧班列（成渝）开行量稳步增长", "", "", [
        "（示例文本）今年以来，中欧班列（成渝）累计开行超过3000列，同比增长8%，开行线路通达欧洲100余个城市。",
        "业内人士表示，班列运输时效稳定，为外贸企业拓展欧洲市场提供了有力支撑。",
        "下一步，成渝两地将深化班列合作，进一步提升国际物流通道能级。",
    ]),
    "685003": ("西部科学城重庆高新区新增高新技术企业", "发布时间：2025-08-23 11:00", "华龙网", [
        "（示例文本）今年上半年，西部科學城重慶高新區新增國家高新技術企業120家，總數突破1000家。",
        "高新区相关负责人介绍，园区将持续完善科技企业孵化体系，推动创新链产业链深度融合。",
        "下一步，高新区将加快引育科技型企业，力争到2027年高新技术企业数量实现翻番。",
    ]),
}


def _feed_article(title: str, date: str, origin: str, paragraphs: list[str]) -> str:
    paras = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    meta = f'<div class="time">{date} 来源：{origin}</div>' if date else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)} - 华龙网</title></head>
<body><header><nav><a href="/">首页</a> <a href="/1/">时政</a></nav></header>
<main><article><h1>{escape(title)}</h1>{meta}
<div class="tools">【字体：大 中 小】 打印本页</div>
<div class="txt">{paras}</div></article>
<aside class="related"><h3>相关新闻</h3><ul><li><a href="/1/detail/1/web/content_1.htm">往期新闻</a> 2024-03-01</li></ul></aside></main>
<footer>华龙网版权所有 渝ICP备10000000号</footer></body></html>"""


def add_feed(server: SiteServer) -> None:
    """An RSS feed of two articles, an Atom feed repeating one, a sitemap index naming a third."""
    base = server.base
    items = "".join(
        f"<item><title>{escape(FEED_ARTICLES[i][0])}</title><link>{base}/1/detail/{i}/web/content_{i}.htm</link>"
        f"<pubDate>{d}</pubDate></item>"
        for i, d in (("685001", "Thu, 21 Aug 2025 08:30:00 +0800"), ("685002", "Fri, 22 Aug 2025 10:00:00 +0800"))
    )
    rss = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>华龙网·时政</title>{items}</channel></rss>'
    server.routes["/1/rss.xml"] = Page(rss.encode(), content_type="application/rss+xml; charset=utf-8")
    index = (f'<?xml version="1.0" encoding="utf-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<sitemap><loc>{base}/1/sitemap.xml</loc></sitemap></sitemapindex>")
    urlset = (f'<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              f"<url><loc>{base}/1/detail/685003/web/content_685003.htm</loc><lastmod>2025-08-23</lastmod></url>"
              f"<url><loc>{base}/1/detail/685001/web/content_685001.htm</loc></url></urlset>")
    atom = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>时政</title>'
            f'<entry><title>{escape(FEED_ARTICLES["685002"][0])}</title>'
            f'<link rel="alternate" href="{base}/1/detail/685002/web/content_685002.htm?from=atom"/>'
            f"<updated>2025-08-22T10:00:00+08:00</updated></entry></feed>")
    server.routes["/1/atom.xml"] = Page(atom.encode(), content_type="application/atom+xml")
    server.routes["/1/sitemap_index.xml"] = Page(index.encode(), content_type="application/xml")
    server.routes["/1/sitemap.xml"] = Page(urlset.encode(), content_type="application/xml")
    for ident, (title, date, origin, paras) in FEED_ARTICLES.items():
        server.routes[f"/1/detail/{ident}/web/content_{ident}.htm"] = html_page(
            _feed_article(title, date, origin, paras))


# -- hostile pages ----------------------------------------------------------------------------

BROKEN_BODY = [
    "（示例文本）我市持续推进城乡供水一体化建设，今年计划新建改造供水管网1200公里，农村自来水普及率达到90%。",
    "市水利局表示，将加快实施一批骨干水源工程，全面提升城乡供水保障能力。",
]
MISLABELLED_BODY = [
    "（示例文本）市商务委消息，今年1至7月，全市社会消费品零售总额同比增长4.8%，网络零售额增长10.2%。",
    "下一步，我市将持续开展促消费系列活动，加快建设国际消费中心城市。",
]
HOSTILE_MAX_PAGES = 4


def _hostile_index(request: object) -> tuple[int, dict[str, str], bytes]:
    """An endless pager: index_N.html links to index_N+1.html forever (a crawler trap)."""
    path = request.path  # type: ignore[attr-defined]
    number = int(path.rsplit("_", 1)[1].split(".")[0]) if "_" in path else 0
    port = request.server.server_address[1]  # type: ignore[attr-defined]
    links = "".join(f'<a href="{n}">{n}</a> ' for n in (
        "404.html", "500.html", "slow.html", "loop.html", "big.html", "broken.html",
        "mislabel.html", "garbage.html", "notice.html", "/private/secret.html",
        f"http://localhost:{port}/hostile/offsite.html", f"calendar?d=2025-08-{number + 1:02d}"))
    text = f"<html><body>{links}<a href='index_{number + 1}.html'>下一页</a></body></html>"
    return 200, {"Content-Type": "text/html; charset=utf-8"}, text.encode()


def add_hostile(server: SiteServer, timeout_sleep: float = 4.0) -> None:
    """404/500, a timeout, a redirect loop, a 10 MB page, a trap, broken HTML, bad encodings."""
    server.routes["/robots.txt"] = ROBOTS
    server.routes["/hostile/index.html"] = _hostile_index
    for number in range(1, 50):
        server.routes[f"/hostile/index_{number}.html"] = _hostile_index
    server.routes["/hostile/404.html"] = status(404)
    server.routes["/hostile/500.html"] = status(500)
    server.routes["/hostile/slow.html"] = slow(timeout_sleep)
    server.routes["/hostile/loop.html"] = redirect_to("/hostile/loop.html")
    server.routes["/hostile/big.html"] = big(10 * 1024 * 1024)
    paras = "".join(f"<p>{p}" for p in BROKEN_BODY)
    server.routes["/hostile/broken.html"] = html_page(
        f"<html><head><title>城乡供水一体化加快推进</title><body><div><h1>城乡供水一体化加快推进</h2>"
        f"<div class='date'>2025-08-21</span><div id='content'>{paras}</div></td></div>")
    text = ("<html><head><meta charset='gbk'><title>全市消费市场稳中有升</title></head><body>"
            "<h1>全市消费市场稳中有升</h1><p>发布时间：2025年08月22日</p><div id='zoom'>"
            + "".join(f"<p>{p}</p>" for p in MISLABELLED_BODY) + "</div></body></html>")
    server.routes["/hostile/mislabel.html"] = html_page(text, "gbk", "utf-8")
    server.routes["/hostile/garbage.html"] = Page(b"<html><body><p>" + b"\xff\xfe\x80\xff" * 200 + b"</p></body></html>",
                                                  content_type="text/html; charset=utf-8")
    server.routes["/hostile/notice.html"] = html_page(
        "<html><body><h1>通知</h1><div id='zoom'><p>上一期 下一期</p><p>版权所有 渝ICP备1号</p><p>欢迎访问</p></div></body></html>")
    server.routes["/hostile/offsite.html"] = html_page("<html><body>offsite</body></html>")
    server.routes["/private/secret.html"] = html_page("<html><body>secret</body></html>")


def sources_yaml(base: str, **extra: str) -> str:
    """sources.yml for the fixture sites served at ``base``."""
    text = f"""sources:
  - name: cqrb
    title: 重庆日报数字报（测试）
    kind: epaper
    edition_url: "{base}/cqrb/{{date:%Y-%m}}/{{date:%d}}/001/node.htm"
    include: "全会|全体会议"
    delay: 0
  - name: gov
    title: 重庆市人民政府·今日重庆（测试）
    kind: listing
    start_urls: ["{base}/ywdt/jrcq/"]
    article_pattern: 't\\d{{8}}_\\d+(_app)?\\.html$'
    include: "全会|全体会议"
    delay: 0
  - name: feed
    title: 华龙网·时政（测试）
    kind: feed
    start_urls: ["{base}/1/rss.xml", "{base}/1/atom.xml", "{base}/1/sitemap_index.xml"]
    article_pattern: 'content_\\d+\\.htm$'
    delay: 0
  - name: hostile
    title: 不友好的网站
    kind: listing
    start_urls: ["{base}/hostile/index.html"]
    article_pattern: '\\.html$'
    max_pages: {HOSTILE_MAX_PAGES}
    delay: 0
"""
    for block in extra.values():
        text += block
    return text
