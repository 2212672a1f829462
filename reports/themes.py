"""A small keyword → theme table that groups new targets in the digest."""

from __future__ import annotations

# Order matters: the first theme with a keyword in the indicator wins, then the sentence.
THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("城市更新", ("城市更新", "老旧小区", "棚户区", "城中村", "口袋公园", "街区", "危旧房",
                 "完整社区", "管网")),
    ("交通", ("轨道", "地铁", "铁路", "高铁", "公路", "高速", "机场", "航线", "港口", "航运",
              "交通", "通车", "里程", "枢纽")),
    ("科技创新", ("科技", "创新", "研发", "专利", "高新技术", "人工智能", "数字", "算力",
                 "5G", "实验室", "人才")),
    ("生态环境", ("生态", "绿色", "碳", "能耗", "空气", "PM2.5", "森林", "污染", "水质",
                 "排放", "新能源")),
    ("文化", ("文化", "旅游", "文旅", "博物馆", "体育", "演出", "景区", "遗产")),
    ("民生", ("就业", "养老", "医疗", "医院", "教育", "学校", "托育", "住房", "收入", "社保",
              "保障", "居民", "床位")),
    ("产业", ("产业", "制造", "工业", "企业", "集群", "生产总值", "GDP", "经济", "投资",
              "消费", "外贸", "产值", "汽车", "农业")),
)
OTHER = "其他"


def theme_of(indicator: str | None, sentence: str | None = None) -> str:
    """The theme of a target: the first theme whose keyword occurs in its indicator, else sentence.

    :param indicator: the target's indicator
    :param sentence: the sentence it came from
    """
    for text in (indicator or "", sentence or ""):
        for theme, keywords in THEMES:
            if any(keyword in text for keyword in keywords):
                return theme
    return OTHER


def theme_order() -> list[str]:
    """Theme names in display order, 其他 last."""
    return [theme for theme, _ in THEMES] + [OTHER]
