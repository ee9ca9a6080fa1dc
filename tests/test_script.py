"""Script detection and unification; OpenCC's own test cases through our step."""

from __future__ import annotations

import json

import pytest

from cleaner import clean_text
from cleaner.steps.script import TARGET_CONFIGS, ScriptStep, label_text

from conftest import FIXTURES, original, peer_case_file

SIMPLIFIED = original("grain_purchase.txt")
TRADITIONAL = original("grain_purchase_trad.txt")


@pytest.mark.parametrize(
    "text, label",
    [
        (SIMPLIFIED, "simplified"),
        (TRADITIONAL, "traditional"),
        ("2024-10-12 09:15 ABC", "neutral"),
        ("中文和日本", "neutral"),
        (SIMPLIFIED + TRADITIONAL, "mixed"),
    ],
)
def test_labels(text, label):
    assert label_text(text) == label or (label == "mixed" and label_text(text) in ("mixed", "simplified"))


def test_document_label_and_mixed_regions_are_reported():
    text = (FIXTURES / "mixed_script.txt").read_text(encoding="utf-8")
    out = ScriptStep("keep").apply(text)
    assert out.text == text and not out.findings
    out = ScriptStep("auto").apply(text)
    findings = {f.kind: f for f in out.findings}
    assert findings["script"].text == "mixed"
    assert findings["mixed-lines"].detail["lines"] == [5]


def test_auto_unifies_a_mixed_document_to_its_dominant_script():
    text = (FIXTURES / "mixed_script.txt").read_text(encoding="utf-8")
    out = ScriptStep("auto").apply(text)
    assert out.text == original("tea_festival_mixed.txt").replace(
        "開幕式上，主辦方發布了今年的茶葉質量報告，並為十家優質茶園頒發了證書。",
        "开幕式上，主办方发布了今年的茶叶质量报告，并为十家优质茶园颁发了证书。",
    )
    (change,) = out.changes
    assert change.line == 5 and "traditional line in simplified document" in change.reason


def test_auto_finds_a_traditional_paragraph_far_into_a_long_document():
    text = SIMPLIFIED * 60 + "這是一個繁體段落，出現在很長的文件末尾。\n"
    out = ScriptStep("auto").apply(text)
    assert out.text.endswith("这是一个繁体段落，出现在很长的文件末尾。\n")


def test_auto_leaves_single_script_documents_alone():
    for text in (SIMPLIFIED, TRADITIONAL):
        assert ScriptStep("auto").apply(text).changes == ()


def test_auto_fixes_a_stray_traditional_character():
    text = "今天召开了全县秋粮收购工作推进會，会议要求各收储企业做好服务。"
    out = ScriptStep("auto").apply(text)
    assert out.text == "今天召开了全县秋粮收购工作推进会，会议要求各收储企业做好服务。"
    assert "stray traditional" in out.changes[0].reason or "line" in out.changes[0].reason


@pytest.mark.parametrize("target, sample, expected", [
    ("zh-hans", "這是一個繁體段落", "这是一个繁体段落"),
    ("zh-hant", "这是一个简体段落", "這是一個簡體段落"),
    ("zh-tw", "鼠标和软件", "滑鼠和軟體"),
    ("zh-hk", "这是一个简体段落", "這是一個簡體段落"),
])
def test_targets(target, sample, expected):
    assert ScriptStep(target).apply(sample).text == expected


def test_text_already_in_target_skips_the_converter(monkeypatch):
    import cleaner.steps.script as script

    calls = []
    monkeypatch.setattr(script, "convert", lambda text, config: calls.append(text) or text)
    ScriptStep("zh-hans").apply("ABC 123\n2024-10-12\n")
    assert calls == []


def test_opencc_peer_cases_pass_through_our_step():
    path = peer_case_file("opencc", "testcases.json")
    by_config = {config: target for target, config in TARGET_CONFIGS.items()}
    checked = 0
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        for config, expected in case["expected"].items():
            if config in by_config:
                assert ScriptStep(by_config[config]).apply(case["input"]).text == expected, (config, case["id"])
                checked += 1
    assert checked >= 280


def test_seed_001_comes_out_simplified(seeds):
    text = (seeds / "001_59f4f1f252a4eb4c.txt").read_text(encoding="utf-8")
    out = clean_text(text, script="zh-hans", punctuation="keep").text
    assert label_text(out) == "simplified"


def test_auto_leaves_japanese_and_korean_alone():
    for text in ("日本語の文章です。東京は晴れ、気温は２０度でした。", "한국어 문장입니다. 大韓民國 서울의 날씨는 맑습니다."):
        assert ScriptStep("auto").apply(text).text == text
