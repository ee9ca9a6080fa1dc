"""The boilerplate step: chrome goes, metadata moves to the report, real short lines stay."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cleaner import Cleaner, clean_text
from cleaner.cli import main
from cleaner.steps.boilerplate import BoilerplateStep, parse_metadata, repeated_lines

from conftest import FIXTURES, original

step = BoilerplateStep()
BODY = original("grain_purchase.txt")

CHROME = [
    "无障碍浏览 长者模式", "图片", "您现在的位置：首页 > 新闻中心", "首页 > 新闻中心 > 本地要闻",
    "分享到： 微信 微博 QQ空间", "扫一扫在手机打开当前页", "【打印本页】 【关闭窗口】", "上一篇：河湾县召开秋粮收购工作推进会",
    "相关链接", "版权所有：河湾县人民政府办公室  备案号：滇ICP备12345678号", "Copyright © 2024 滨江新闻网 All Rights Reserved",
]
KEEP = ["一次向内向外的学习", "安排部署", "一、加强组织领导", "春眠不觉晓 处处闻啼鸟", "名称  前年收盘  本年开盘",
        "本报昆明5月8日电", "他在微信上分享了自己的感受。", "“字号”老店重新开张", "关闭小煤矿工作取得进展"]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_is_removed_with_a_reason(line):
    out = step.apply(line + "\n" + BODY + line + "\n")
    assert out.text == BODY
    assert all(c.kind == "delete" and c.reason for c in out.changes)


@pytest.mark.parametrize("line", KEEP)
def test_short_real_lines_stay(line):
    text = line + "\n" + BODY + line + "\n"
    assert step.apply(text).text == text


@pytest.mark.parametrize(
    "line, fields",
    [
        ("来源: 昆明日报   2023-05-08 10:31   字号: [        ]", {"source": "昆明日报", "published": "2023-05-08 10:31"}),
        ("发布时间：2024-10-12 09:15　来源：河湾日报　责任编辑：李明",
         {"source": "河湾日报", "published": "2024-10-12 09:15", "editor": "李明"}),
        ("作者：王磊  来源：新华网  浏览次数：1024", {"source": "新华网", "author": "王磊", "views": "1024"}),
        ("【来源：滨江在线】【作者：吴楠】【时间：2024-11-03】", {"source": "滨江在线", "author": "吴楠", "published": "2024-11-03"}),
    ],
)
def test_metadata_is_parsed_and_moved(line, fields):
    assert parse_metadata(line) == fields
    result = clean_text(line + "\n" + BODY, script="keep", punctuation="keep")
    assert result.text == BODY and result.metadata == fields
    kept = Cleaner(script="keep", punctuation="keep", steps={"boilerplate": {"metadata": "keep"}}).clean_text(line + "\n" + BODY)
    assert kept.text.startswith(line.rstrip()) and kept.metadata == fields


def test_prose_mentioning_labels_is_not_metadata():
    for line in ("散文：保持扎实平稳的姿态", "付款时间：2009-6-12 0:51:00，收货很快。", "据新华社报道，来源可靠的消息称会议将推迟。"):
        assert step.apply(line + "\n").text == line + "\n"


def test_seed_000(seeds):
    text = (seeds / "000_da0654deea18aef1.txt").read_text(encoding="utf-8")
    out = clean_text(text, script="keep", punctuation="keep")
    lines = out.text.split("\n")
    assert "图片" not in lines and "无障碍浏览 长者模式" not in lines
    assert not any("字号" in line for line in lines)
    assert "昆明以实干实绩推动高质量发展" in lines and "“学”先进 “找”差距 “晒”成绩 “比”作为" in lines
    assert out.metadata == {"source": "昆明日报", "published": "2023-05-08 10:31"}
    body = [line for line in text.split("\n") if len(line) > 60]
    assert all(line in out.text for line in body)
    assert not out.text.startswith("188bet")


def test_fixture_banner_page_metadata():
    text = (FIXTURES / "betting_banner_page.txt").read_text(encoding="utf-8")
    out = clean_text(text, script="keep", punctuation="keep")
    assert out.metadata == {"source": "河湾日报", "published": "2024-10-12 09:15"}
    lines = [line for line in out.text.split("\n") if line]
    assert lines[:2] == ["工作动态", "河湾县推进秋粮收购工作"]  # a column label is kept: unsure means keep


def test_repeated_lines_across_a_batch():
    pages = [f"滨江新闻网 | 首页 | 本地 | 联系\n标题{i}\n正文第{i}篇，内容不同。\n" for i in range(6)]
    chrome = repeated_lines(pages)
    assert chrome == {"滨江新闻网 | 首页 | 本地 | 联系"}
    assert BoilerplateStep(repeated_lines=chrome).apply(pages[0]).text == "标题0\n正文第0篇，内容不同。\n"


def test_batch_mode_in_the_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    for i in range(4):
        (site / f"p{i}.txt").write_text(f"河湾新闻网 站点导航 本地 要闻\n标题{i}\n第{i}篇正文，内容各不相同。\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["clean", "site", "-o", "out"]).exit_code == 0
    assert (tmp_path / "out/site/p0.txt").read_text(encoding="utf-8") == "标题0\n第0篇正文，内容各不相同。\n"
    report = json.loads((tmp_path / "out/site/p0.txt.report.json").read_text(encoding="utf-8"))
    assert "repeated across many pages" in report["changes"][0]["reason"]
    assert CliRunner().invoke(main, ["clean", "site", "-o", "kept", "--no-site-chrome"]).exit_code == 0
    assert (tmp_path / "kept/site/p0.txt").read_text(encoding="utf-8").startswith("河湾新闻网")
