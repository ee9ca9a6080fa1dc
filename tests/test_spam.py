"""The spam step: injected lines go, legitimate look-alikes stay, every removal explained."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cleaner import Cleaner, clean_text
from cleaner.cli import main
from cleaner.steps.spam import SpamStep

from conftest import FIXTURES, original

step = SpamStep()
BODY = original("grain_purchase.txt")

SPAM = [
    "188bet体育_188体育投注-在线APP官网@",
    "澳门新葡京娱乐_真人百家乐_老虎机_在线开户",
    "国产精品一区二区_无码久久_在线观看-亚洲欧美日韩中文字幕",
    "久久精品视频在线观看,国产精品,无码,高清,中文字幕",
    "<tr id=\"yyy80\"></tr>",
    "红富士苹果 赣南脐橙 砂糖橘 阳光玫瑰 红富士苹果 赣南脐橙 砂糖橘 阳光玫瑰",
]
LEGIT = [
    "中国体育代表团在亚运会上获得金牌，创造了历史最好成绩。",
    "体育彩票第2024100期开奖公告",
    "澳门特区政府公布今年前三季度博彩业收入数据",
    "网络赌博危害大，警方提醒市民不要参与境外博彩网站投注。",
    "小米14 Pro手机_参数_价格_官网报价",
    "昆明以实干实绩推动高质量发展_新闻中心_昆明信息港",
    "久久为功推进生态环境保护",
]


@pytest.mark.parametrize("line", SPAM)
def test_spam_line_at_the_top_is_removed_with_a_reason(line):
    out = step.apply(line + "\n" + BODY)
    assert out.text == BODY
    (change,) = out.changes
    assert change.kind == "delete" and change.line == 1 and change.reason


@pytest.mark.parametrize("line", LEGIT)
def test_legitimate_lines_stay(line):
    for text in (line + "\n" + BODY, BODY + line + "\n"):
        assert step.apply(text).text == text


def test_fragment_inside_a_real_line_is_cut():
    line = "作者单位：云南师范大学188bet体育学院"
    out = step.apply(line + "\n" + BODY)
    assert out.text.split("\n")[0] == "作者单位：云南师范大学学院"
    assert out.changes[0].kind == "fragment" and "188bet体育" in out.changes[0].reason


def test_removal_reports_score_and_features():
    out = step.apply("188bet体育_188体育投注-在线APP官网@\n" + BODY)
    (finding,) = [f for f in out.findings if f.kind == "spam"]
    assert finding.detail["score"] >= 0.6 and finding.detail["brand"] > 0 and finding.detail["trailing_at"] > 0


def test_config_extends_the_lexicon_and_threshold():
    line = "恒发国际官方入口-恒发国际app下载-恒发国际最新网址"
    assert clean_text(line + "\n" + BODY, script="keep", punctuation="keep").text.startswith(line)
    extended = Cleaner(script="keep", punctuation="keep", steps={"spam": {"extra_terms": {"恒发国际": "brand"}}})
    assert extended.clean_text(line + "\n" + BODY).text == BODY
    allowed = Cleaner(script="keep", punctuation="keep", steps={"spam": {"allow_terms": ["188bet"], "threshold": 5}})
    assert allowed.clean_text("188bet体育_188体育投注-在线APP官网@\n" + BODY).text.startswith("188bet")


def test_clean_documents_are_untouched():
    for name in ("grain_purchase.txt", "library_opening.txt", "grain_purchase_trad.txt"):
        assert step.apply(original(name)).changes == ()


def test_seed_000_loses_its_banner_and_nothing_else(seeds):
    text = (seeds / "000_da0654deea18aef1.txt").read_text(encoding="utf-8")
    out = step.apply(text)
    assert [c.line for c in out.changes] == [1, 2]  # the banner, and the blank line it leaves
    assert out.changes[1].reason == "blank line left by the removal above"
    assert out.text == text.split("\n", 2)[2]


def test_detect_lists_spam_with_scores(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("188bet体育_188体育投注-在线APP官网@\n" + BODY, encoding="utf-8")
    result = CliRunner().invoke(main, ["detect", "--json", str(path)])
    info = json.loads(result.output)
    spam = [f for f in info["findings"] if f["step"] == "spam"]
    assert spam and spam[0]["detail"]["score"] >= 0.6
    assert path.read_text(encoding="utf-8").startswith("188bet")


def test_fixture_banner_page():
    text = (FIXTURES / "betting_banner_page.txt").read_text(encoding="utf-8")
    out = step.apply(text)
    assert not out.text.startswith("918bet") and [c.line for c in out.changes] == [1, 2]
