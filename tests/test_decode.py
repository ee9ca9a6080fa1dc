"""The decode step: encodings, BOMs, UTF-16 without BOM, mixed files, corrupt and hostile input."""

from __future__ import annotations

import codecs
import random

import pytest

from cleaner.steps.decode import decode, sniff_binary

from conftest import original

SIMPLIFIED = original("grain_purchase.txt")
TRADITIONAL = original("grain_purchase_trad.txt")


@pytest.mark.parametrize(
    "text, encoding, family",
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (SIMPLIFIED + "欧元符号€与扩展字𠀀", "gb18030", "gb18030"),
        (SIMPLIFIED, "gb2312", "gb18030"),
        (TRADITIONAL, "big5", "cp950"),
        (TRADITIONAL, "cp950", "cp950"),
        ("日本語のテキストです。東京は晴れ。", "shift_jis", "cp932"),
        ("日本語のテキストです。東京は晴れ。", "euc_jp", "euc_jp"),
        ("古い掲示板の記事は、今でもEUC-JPで保存されていることが多い。", "euc_jp", "euc_jp"),
        ("한국어 텍스트입니다. 서울은 맑음.", "euc-kr", "cp949"),
        ("Le café était très agréable, répondit-elle.", "latin-1", "cp1252"),
    ],
)
def test_each_encoding(text, encoding, family):
    decoded = decode(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == family
    assert decoded.confidence > 0.9


@pytest.mark.parametrize("encoding", ["gb18030", "big5hkscs"])
@pytest.mark.parametrize(
    "cantonese", ["佢啱啱話咗畀我知，今晚唔使等佢食飯。", "佢哋喺度傾咗成晚，都未傾掂。", "啲細路仔好鍾意喺公園度玩。",
                  "我哋喺呢度等你。", "佢好攰，想早啲瞓覺。"])
def test_written_cantonese_is_not_mistaken_for_korean(cantonese, encoding):
    # Its own characters (佢 哋 喺 咗) were unknown to the model, and a Korean reading won.
    assert decode(cantonese.encode(encoding)).text == cantonese


@pytest.mark.parametrize("short", ["中", "你好", "发展", "中文", "长江日报"])
def test_very_short_gbk_is_not_mistaken_for_big5(short):
    assert decode(short.encode("gbk")).text == short


@pytest.mark.parametrize(
    "bom, encoding", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
                      (codecs.BOM_UTF32_BE, "utf-32-be")],
)
def test_boms(bom, encoding):
    decoded = decode(bom + SIMPLIFIED.encode(encoding))
    assert (decoded.text, decoded.encoding, decoded.bom) == (SIMPLIFIED, encoding, True)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_32_without_bom(encoding):
    for text in (SIMPLIFIED, "plain ASCII text in a wide encoding\n"):
        decoded = decode(text.encode(encoding))
        assert (decoded.text, decoded.encoding) == (text, encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("line", ["股价收于９５４．９８点", "这本书是买给侄女的礼物", "会议定于１２月１８日举行"])
def test_a_short_line_of_utf16_without_bom(line, encoding):
    # Full-width digits put control bytes (0x11-0x19) in UTF-16, which had the line skipped as
    # binary; a line of Han alone lost to a GB18030 or CP932 reading.
    assert decode(line.encode(encoding)).text == line


@pytest.mark.parametrize(
    "line, encoding",
    [("周末来看画展", "utf-16-le"), ("周末来看画展", "utf-16-be"), ("我在上海看展览", "utf-16-le"), ("周末在上海举行", "utf-16-be")],
)
def test_utf16_chinese_whose_bytes_pass_for_another_encoding(line, encoding):
    # 周末来看画展 in UTF-16 is all bytes below 0x80 and came out as "ASCII"; 我在上海看展览 is
    # valid UTF-8; 周末在上海举行 read as an ASCII line and a GB18030 line (its 0x0A byte).
    assert decode(line.encode(encoding)).text == line


def test_mixed_utf8_and_gbk_lines_decode_exactly_and_are_reported():
    lines = SIMPLIFIED.splitlines(keepends=True)
    data = b"".join(line.encode("utf-8" if i < 3 else "gbk") for i, line in enumerate(lines))
    decoded = decode(data)
    assert decoded.text == SIMPLIFIED
    assert decoded.mixed and decoded.method == "line-by-line"
    assert [seg[2] for seg in decoded.segments] == ["utf-8", "gb18030"]
    assert decoded.segments[0][0] == 1 and decoded.segments[-1][1] == len(lines)
    assert decoded.to_dict()["segments"]


@pytest.mark.parametrize("repeats", [1, 8])
def test_mixed_utf8_and_big5_lines_with_a_hong_kong_line(repeats):
    # The legacy half of a mixed file was taken from the whole file's best reading, which the
    # UTF-8 lines garble, else GB18030: Big5 lines came out as GB18030 mojibake. A line with
    # HKSCS characters (佢哋) in a Big5 file is read in Big5-HKSCS, also when it comes after
    # the first kilobyte that chose the file's encoding (8 repeats).
    lines = TRADITIONAL.splitlines(keepends=True)[:4] * repeats + ["佢哋今晚喺度食飯，唔使等佢哋。\n"]
    legacy = ["cp950"] * (len(lines) - 1) + ["big5hkscs"]
    data = b"".join(line.encode("utf-8" if i % 2 else legacy[i]) for i, line in enumerate(lines))
    decoded = decode(data)
    assert decoded.text == "".join(lines)
    assert decoded.mixed and {seg[2] for seg in decoded.segments[1::2]} == {"utf-8"}
    assert {seg[2] for seg in decoded.segments[::2]} <= {"cp950", "big5hkscs"}


def test_a_line_that_is_valid_utf8_by_chance_keeps_the_files_encoding():
    # 貓屎 in GB18030 (D8 88 CA BA) is also valid UTF-8 (Arabic ؈ and ʺ). The whole-file reading
    # was priced from its first 2,000 characters, the line-by-line one in full: after a block of
    # rare characters the estimate overshot, and that line came out as Arabic.
    text = "貓屎\n" + "鑫淼焱垚犇骉麤羴猋驫" * 200 + "\n" + SIMPLIFIED * 5
    decoded = decode(text.encode("gb18030"))
    assert (decoded.text, decoded.encoding) == (text, "gb18030")


def test_corrupt_byte_is_marked_not_fatal():
    data = bytearray(SIMPLIFIED.encode("utf-8"))
    data[40] = 0xFF
    decoded = decode(bytes(data))
    assert decoded.encoding == "utf-8"
    # The damaged byte ends a 3-byte character: its first two bytes are orphaned too.
    assert decoded.lossy_offsets == (38, 39, 40)
    assert decoded.text == SIMPLIFIED.replace("早", "\ufffd\ufffd", 1)


def test_corrupt_byte_in_gbk():
    data = bytearray(SIMPLIFIED.encode("gbk"))
    data[100] = 0x80  # never valid in GBK
    decoded = decode(bytes(data))
    assert decoded.encoding == "gb18030"
    assert 100 in decoded.lossy_offsets
    assert decoded.text.count("\ufffd") == 1


def test_truncated_utf8_reports_offset():
    data = SIMPLIFIED.encode("utf-8")[:-2]
    decoded = decode(data)
    assert decoded.encoding == "utf-8" and decoded.lossy_offsets == (len(data) - 2, len(data) - 1)


def test_empty_input():
    decoded = decode(b"")
    assert (decoded.text, decoded.encoding, decoded.binary) == ("", "utf-8", None)


@pytest.mark.parametrize(
    "data, why",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"PK\x03\x04" + bytes(100), "ZIP archive"),
        (b"\x1f\x8b\x08\x00" + bytes(100), "gzip archive"),
        (bytes(range(256)) * 4, "binary data (NUL bytes)"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8, 65]) * 50, "binary data (control bytes)"),
    ],
)
def test_binary(data, why):
    assert sniff_binary(data) == why
    assert decode(data).binary == why


def test_user_encoding_skips_detection():
    data = "你好".encode("gbk")
    assert decode(data, "gbk").method == "user"
    assert decode(data, "latin-1").text == data.decode("latin-1")


def test_runner_up_is_a_different_reading():
    decoded = decode(TRADITIONAL.encode("big5"))
    assert decoded.runner_up not in (None, "cp950", "big5hkscs")


def test_no_input_makes_decode_raise():
    rng = random.Random(7)
    samples = [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300))) for _ in range(1500)]
    samples += [b"\xff", b"\xfe", b"\x00", b"\xd8\x00", b"\x81", b"\xe4\xb8", b"\x00" * 9, b"\xef\xbb\xbf\xff"]
    samples += [SIMPLIFIED.encode("utf-16-le")[:-1], TRADITIONAL.encode("big5")[:-1]]
    for data in samples:
        decoded = decode(data)
        assert isinstance(decoded.text, str)
