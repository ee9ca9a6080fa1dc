"""The library API: clean_text / clean_bytes / Cleaner and the result object."""

from __future__ import annotations

import json

import pytest

import cleaner
from cleaner import Cleaner, InputError, OptionsError, clean_bytes, clean_text

from conftest import FIXTURES, original

CLEAN_CHINESE = (
    "“全角标点”不应被改动：逗号，句号。问号？叹号！\n"
    "全角数字１２３和字母ＡＢＣ、书名号《新华字典》、省略号……破折号——\n"
    "弯引号‘单’与“双”，以及英文 quotes \"plain\" 和 can't。\n"
)


def test_clean_chinese_is_byte_identical_with_style_steps_off():
    result = clean_text(CLEAN_CHINESE, script="keep", punctuation="keep")
    assert result.text == CLEAN_CHINESE
    assert not result.changed
    assert result.changes == ()


def test_clean_fixture_is_unchanged_with_default_options():
    text = (FIXTURES / "clean_news.txt").read_text(encoding="utf-8")
    result = clean_text(text)
    assert result.text == text, result.changes


def test_every_difference_is_attributed_to_a_step():
    dirty = "caf\u00c3\u00a9\u200b 中文  \r\n第二行\x07\n"
    result = clean_text(dirty, script="keep", punctuation="keep")
    assert result.text == "café 中文\n第二行\n"
    assert result.changed
    assert {c.step for c in result.changes} == {"unicode"}
    assert all(c.reason for c in result.changes)
    line_changes = [c for c in result.changes if c.line]
    assert [c.line for c in line_changes] == [1, 2]


def test_result_serialises_to_json():
    result = clean_bytes("正文\u200b。".encode("gbk", "ignore") + "中文".encode("gbk"))
    data = json.loads(result.to_json())
    assert data["encoding"] == result.encoding == "gb18030"
    assert data["changes"][0]["step"] == "decode"
    assert set(data["changes"][0]) == {"step", "kind", "line", "before", "after", "reason"}
    assert data["decode"]["confidence"] > 0.5


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("utf-8", original("library_opening.txt")),
        ("gbk", original("grain_purchase.txt")),
        ("gb18030", original("grain_purchase.txt") + "€"),
        ("big5", original("grain_purchase_trad.txt")),
        ("utf-16", original("library_opening.txt")),
        ("utf-8-sig", original("library_opening.txt")),
    ],
)
def test_clean_bytes_decodes_each_encoding(encoding, text):
    result = clean_bytes(text.encode(encoding), script="keep", punctuation="keep")
    assert result.text == text
    assert result.output() == text.encode("utf-8")


def test_clean_bytes_reports_the_reencoding_as_a_change():
    result = clean_bytes(original("grain_purchase.txt").encode("gbk"), script="keep", punctuation="keep")
    assert result.changed
    (change,) = result.changes
    assert (change.step, change.kind, change.before, change.after) == ("decode", "encoding", "gb18030", "utf-8")


def test_cleaner_is_reusable_and_lists_its_steps():
    c = Cleaner(script="keep", punctuation="keep", disable=["spam"])
    assert "spam" not in c.step_names and c.step_names[0] == "decode"
    assert c.clean_text("一").text == "一"
    assert c.clean_bytes("二".encode("utf-8")).text == "二"


def test_disabling_a_step_skips_it():
    dirty = "中文\u200b"
    assert clean_text(dirty, disable=("unicode",)).text == dirty


@pytest.mark.parametrize(
    "kwargs", [{"script": "klingon"}, {"punctuation": "ascii"}, {"disable": ("nonsense",)}, {"disable": ("decode",)}]
)
def test_bad_options_raise(kwargs):
    with pytest.raises(OptionsError):
        Cleaner(**kwargs)


def test_binary_input_raises_input_error():
    with pytest.raises(InputError, match="PNG"):
        clean_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))


def test_encoding_override_skips_detection():
    data = "你好".encode("gbk")
    assert clean_bytes(data, encoding="gbk").text == "你好"
    assert clean_bytes(data, encoding="latin-1", script="keep", punctuation="keep").encoding == "iso8859-1"


def test_public_names():
    for name in cleaner.__all__:
        assert hasattr(cleaner, name)
    names = [name for name, _, _ in cleaner.describe()]
    assert names[0] == "decode" and names == list(cleaner.STEP_NAMES)
