"""CJK punctuation, table-driven."""

from __future__ import annotations

import pytest

from cleaner.steps.punctuation import PunctuationStep

CASES = [
    ("赴曲靖考察学习,看先进;学先进", "赴曲靖考察学习，看先进；学先进"),
    ("各县(市)区、开发(度假)区", "各县（市）区、开发（度假）区"),
    ("为什么是安宁?近年来", "为什么是安宁？近年来"),
    ("真好!", "真好！"),
    ("他说:“我们来了。”", "他说：“我们来了。”"),
    ("新台阶。(记者王姗 李双双报道", "新台阶。（记者王姗 李双双报道"),
    ("面积１２０００平方米，ＡＢＣ公司", "面积12000平方米，ABC公司"),
    # a number's marks follow its digits: no 3．5％ or 12，345 half and half
    ("增长３．５％，达到１２，３４５元", "增长3.5%，达到12,345元"),
    ("比分为３：２，电话０１０－１２３４５６７８，日期９８／１２", "比分为3:2，电话010-12345678，日期98/12"),
    ("见第３，５条，共１２，３４５６人", "见第3，5条，共12，3456人"),
    ("安装Ｗｉｎｄｏｗｓ　ＸＰ系统　以后", "安装Windows XP系统　以后"),
    # left alone: numbers, times, URLs, code, English, technical asides
    ("价格1,000元 3.14 10:31", None),
    ("访问 http://example.com/a?b=1,2 查看", None),
    ("函数(int)返回 f(x)", None),
    ("He said: hello, world! (really)", None),
    ("知(u)与数(magic)", None),
    ("全角标点，已经正确。", None),
]


@pytest.mark.parametrize("before, after", CASES)
def test_cases(before, after):
    out = PunctuationStep().apply(before)
    assert out.text == (after if after is not None else before)
    if after is not None:
        assert out.changes[0].step == "punctuation" and out.changes[0].reason


def test_keep_does_nothing():
    assert PunctuationStep("keep").apply("学习,看先进").changes == ()


@pytest.mark.parametrize("before, said", [
    ("面积１２０００平方米", ["full-width letters and digits made half-width"]),
    ("增长３．５％", ["full-width letters and digits made half-width", "2 mark(s) inside such numbers"]),
    ("安装Ｗｉｎｄｏｗｓ　ＸＰ", ["made half-width", "1 ideographic space(s) between such words made ASCII"]),
])
def test_the_reason_names_every_kind_of_character_changed(before, said):
    reason = PunctuationStep().apply(before).changes[0].reason
    assert all(part in reason for part in said)
    assert ("mark(s)" in reason) == ("mark(s)" in " ".join(said))
