"""Text normalisation: NFKC, traditional → simplified, page-break rejoin, duplicate paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from policywatch.normalize import (
    drop_duplicate_paragraphs,
    normalize_line,
    normalize_text,
    rejoin_page_breaks,
    split_paragraphs,
    to_simplified,
)

BASELINE = Path(__file__).resolve().parent.parent / "baseline"


@pytest.mark.parametrize("raw, expected", [
    ("２０２７年", "2027年"),
    ("达到１５０家，提升至７０％；", "达到150家,提升至70%;"),
    ("（以下简称《建议》）：", "(以下简称《建议》):"),
    ("直轄28年來", "直辖28年来"),
    ("中國歷史文化名鎮23個", "中国历史文化名镇23个"),
    ("開放樞紐、寶山大橋", "开放枢纽、宝山大桥"),
    ("“十五五”", "“十五五”"),
    ("实现规上エ业产值630亿元、增长25%以上,カ争", "实现规上工业产值630亿元、增长25%以上,力争"),  # b45
    ("工业投资増长15%", "工业投资增长15%"),
    ("二、「十五五」時期主要目標", "二、“十五五”时期主要目标"),  # b52: a Taiwan copy's corner quotes
    ("快遞業(ye) 務量將達到1900億(yi) 件", "快递业务量将达到1900亿件"),  # b78: toneless pinyin
    ("分为(a)(b)两类,附件(GDP)", "分为(a)(b)两类,附件(GDP)"),  # a list's marks and an acronym stay
])
def test_to_simplified(raw: str, expected: str) -> None:
    """Full-width forms become ASCII, traditional characters simplified, Japanese lookalikes
    (エ, カ, 増) the Chinese characters they stand for, corner quotes the mainland's, pinyin after
    characters dropped; curly quotes stay."""
    assert to_simplified(raw) == expected


def test_split_paragraphs_tidies_whitespace() -> None:
    """Blank lines go, runs of spaces (also full-width and no-break) become one space."""
    assert split_paragraphs("  第一段\u3000\u3000内容 \n\n\n\t第二段\u00a0 内容\n") == [
        "第一段 内容", "第二段 内容"]


@pytest.mark.parametrize("paragraphs, expected", [
    # long running text without final punctuation continues on the next page
    (["到2027年,优化升级历史特色街巷,这是一段足够长的没有结束标点的正文内容,一直写到版面的最后一行历史",
      "特色街巷25条以上。"],
     ["到2027年,优化升级历史特色街巷,这是一段足够长的没有结束标点的正文内容,一直写到版面的最后一行历史"
      "特色街巷25条以上。"]),
    # the next paragraph starts with a particle: it continues whatever the length
    (["全会明确了目标", "的具体要求。"], ["全会明确了目标的具体要求。"]),
    # an open question continues until its question mark
    (["问:重庆如何推动人工智能与数字重", "庆双向赋能?"], ["问:重庆如何推动人工智能与数字重庆双向赋能?"]),
    # an unclosed quote continues
    (["全会提出“构建", "城镇体系”。"], ["全会提出“构建城镇体系”。"]),
    # short headings without punctuation stay separate
    (["关键词 城市空间布局", "问:如何优化城市空间布局?"],
     ["关键词 城市空间布局", "问:如何优化城市空间布局?"]),
    # a heading followed by a paragraph that starts with a word like 地区 or 着力 stays apart
    (["2024 新重庆 开新局", "地区生产总值预期目标增长6%左右"],
     ["2024 新重庆 开新局", "地区生产总值预期目标增长6%左右"]),
    (["关键词 创新生态", "着力提升城市创新策源动能。"], ["关键词 创新生态", "着力提升城市创新策源动能。"]),
    # a finished paragraph never absorbs the next one
    (["全会召开。", "的确如此。"], ["全会召开。", "的确如此。"]),
    # an e-paper's navigation is a line of its own (b44/p_lianghui_pinglun_2023)
    (["政府工作报告中的重庆元素向着新目标 奋楫再出发以促进高质量充分就业为目标 帮助群众安其岗位、乐其职业报告中的数字",
      "第007版:聚焦2023全国两会", "上一版 下一版"],
     ["政府工作报告中的重庆元素向着新目标 奋楫再出发以促进高质量充分就业为目标 帮助群众安其岗位、乐其职业报告中的数字",
      "第007版:聚焦2023全国两会", "上一版 下一版"]),
    # an ellipsis ends a paragraph, as NFKC writes it (b62/n_fuling_zhacai_2021)
    (["国家级非物质文化遗产涪陵风脱水榨菜—彭婆婆咸菜传承人彭荣贵,正在手工搅拌榨菜......",
      "在涪陵洪丽食品有限公司展销台上,只见洪丽食品电商部负责人李欣燕,向市民们推销“餐餐想”榨菜......"],
     ["国家级非物质文化遗产涪陵风脱水榨菜—彭婆婆咸菜传承人彭荣贵,正在手工搅拌榨菜......",
      "在涪陵洪丽食品有限公司展销台上,只见洪丽食品电商部负责人李欣燕,向市民们推销“餐餐想”榨菜......"]),
])
def test_rejoin_page_breaks(paragraphs: list[str], expected: list[str]) -> None:
    """Paragraphs cut by a page break are rejoined; real paragraph ends are kept."""
    assert rejoin_page_breaks(paragraphs) == expected


def test_drop_duplicate_paragraphs_keeps_short_labels() -> None:
    """Long repeated paragraphs are dropped; short labels may repeat."""
    long = "“我们将全面落实全会各项部署。”市国资委党委书记表示,将深入学习贯彻全会精神。"
    assert drop_duplicate_paragraphs([long, "关键词", long, "关键词"]) == [
        long, "关键词", "关键词"]


def test_normalize_text_end_to_end() -> None:
    """All steps together: one paragraph a line, offsets stable across runs."""
    raw = ("\n力爭到２０２７年，全市研發投入強度達３％，這是一段足夠長的沒有結束標點的正文內容寫到最後一行\n\n"
           "實現創新驅動。\n\n力爭到２０２７年，全市研發投入強度達３％。\n力爭到２０２７年，全市研發投入強度達３％。\n")
    text = normalize_text(raw)
    assert text.splitlines() == [
        "力争到2027年,全市研发投入强度达3%,这是一段足够长的没有结束标点的正文内容写到最后一行实现创新驱动。",
        "力争到2027年,全市研发投入强度达3%。",
    ]
    assert normalize_text(text) == text


def test_normalize_text_empty() -> None:
    """Empty or blank input normalises to the empty string."""
    assert normalize_text("") == ""
    assert normalize_text(" \n\u3000\n") == ""


def test_normalize_line() -> None:
    """Titles: NFKC, simplified, one line, tidy spaces."""
    assert normalize_line("  錨定８個關鍵詞\n重慶全力開創  新局面 ") == "锚定8个关键词 重庆全力开创 新局面"
    # b27/p_minsheng_mubiao_2025: a headline spaced like its body (2025 年) reads as the body does
    assert normalize_line("本文聚焦于 2025 年重庆市正式印发的《重庆市 2025 年重点民生实事工作目标任务》") \
        == "本文聚焦于2025年重庆市正式印发的《重庆市2025年重点民生实事工作目标任务》"


def test_seed_page_breaks_are_rejoined() -> None:
    """The page breaks of the 000 seed are rejoined so its lists stay whole."""
    text = normalize_text((BASELINE / "000_f3ac365401359240.txt").read_text(encoding="utf-8"))
    assert "到2027年,优化升级历史特色街巷和文化旅游休闲街区25条以上" in text
    assert "现代化人民城市建设取得新的重大进展,成为" in text
    assert "直轄" not in text and "直辖28年来" in text


def test_seed_duplicates_are_dropped() -> None:
    """The 002 seed prints one paragraph three times; it is kept once."""
    text = normalize_text((BASELINE / "002_846741d606615684.txt").read_text(encoding="utf-8"))
    assert text.count("确保“十五五”开好局起好步") == 2


def test_a_full_width_stop_between_digits_is_a_decimal_point() -> None:
    """b17: a mirror writes 97。3% (traditional, full-width period for the point); a sentence
    that ends on a number before a year (…2家。2027年…) keeps its stop."""
    assert normalize_line("國控斷面水質優良比例達到97。3%") == "国控断面水质优良比例达到97.3%"
    assert normalize_line("新增2家。2027年,再新增3家。") == "新增2家。2027年,再新增3家。"
    assert normalize_line("建成10。2027年再建20") == "建成10。2027年再建20"


def test_a_text_spaced_throughout_loses_even_a_lines_single_space() -> None:
    """b52/p_guowuyuan_gzbg_2026: a copy whose editor spaced mixed text throughout (增长 5%,
    2025 年工作回顾) loses every such space; in a text with one such line, a single space stays
    (a card's 总投资5亿元 2025年开工 keeps its clauses apart)."""
    spaced = "一、2025 年工作回顾\n国内生产毛额增长 5%\n居民人均可支配收入年均增长 5.4%\n数位经济比重达到 12.5%\n经济增长 4.5%—5%"
    assert normalize_text(spaced).split("\n") == [
        "一、2025年工作回顾", "国内生产毛额增长5%", "居民人均可支配收入年均增长5.4%", "数位经济比重达到12.5%",
        "经济增长4.5%—5%"]
    assert normalize_text("项目概况\n总投资5亿元 2025年开工") == "项目概况\n总投资5亿元 2025年开工"
