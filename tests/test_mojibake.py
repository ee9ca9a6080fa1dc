"""The mojibake step: each kind repaired on our own text, clean text untouched, ftfy's own
cases neither broken nor stolen."""

from __future__ import annotations

import json
import sys

import pytest

from cleaner import clean_bytes, clean_text
from cleaner.steps.mojibake import MojibakeStep, _apply, repair_line
from cleaner.steps.unicode import UnicodeStep

from conftest import FIXTURES, ROOT, original, peer_case_file

sys.path.insert(0, str(ROOT / "benchmarks"))
import damage  # noqa: E402

SIMPLIFIED = original("grain_purchase.txt")
TRADITIONAL = original("grain_purchase_trad.txt")
step = MojibakeStep()

LOSSLESS = [
    ("拼音码 latin-1", lambda t: damage.gbk_read_as_latin1(t, "latin-1"), SIMPLIFIED),
    ("拼音码 cp1252", lambda t: damage.gbk_read_as_latin1(t, "cp1252"), SIMPLIFIED),
    ("Sina style gbk", lambda t: damage.legacy_read_as_utf8_with_latin1_fallback(t, "gbk"), SIMPLIFIED),
    ("古文码 gb18030 (no loss)", lambda t: t.encode("utf-8").decode("gb18030", "replace"), "你好，世界\n"),
]


@pytest.mark.parametrize("label, hurt, text", LOSSLESS, ids=[c[0] for c in LOSSLESS])
def test_lossless_kinds_are_repaired_exactly(label, hurt, text):
    dirty = hurt(text)
    assert dirty != text
    out = step.apply(dirty)
    assert out.text == text
    assert out.changes and all(c.step == "mojibake" and c.reason for c in out.changes)


# Sina-style damage is not one-to-one: a character may stand for one fallen-back byte or for a
# two-byte UTF-8 sequence. These lines each have a shorter wrong reading that a one-character
# model prefers (一路沣草原, 出佛地利, 很乎牧解); the word model picks the right one.
SINA_CHOICES = [
    ("gbk", "牧民们走了三百多公里，一路茫茫草原。"),
    ("gbk", "总理今年春节之际出访奥地利。"),
    ("gbk", "双方已经达成了很好的谅解。"),
    ("gbk", "妈妈只好把茄子葫芦一起煮。"),
    ("gbk", "这部作品的众多录音版本中，当以此版为最。"),
    ("gbk", "上一场他以２∶３输给上海小将。"),
    # 脩 gives the same damage as 崖; the tables give it 修's count, yet on a GBK page a
    # traditional-only character is 8 bits rarer than its simplified form
    ("gbk", "村子北面的马头崖、竹园一带山高路远，乡亲们出行很不方便。"),
    # GBK's letter and box rows are rare in prose (陈Ｄ说, 竺ＺＢ, ┅ without their measured
    # costs); real full-width letters still read as themselves
    ("gbk", "读了才知道常乃德的故事。"),
    ("gbk", "她后来嫁给了筱冢康晴。"),
    ("gbk", "马桶偶尔漏漏水，莲蓬头设计得不好。"),
    ("gbk", "我们买的是ＩＢＭ的电脑。"),
    ("big5", "二○○○年長城將豎立倒計時牌。"),
    ("big5", "礦工（石膏）（孫寶田）"),
    ("big5", "隨時享用，而又隨時忘卻"),
    # Every character here is also a valid plain 拼音码 reading (俄驦窗G, 紡晷工), which a
    # one-character model prefers; its rare character and glued letter send it to the search.
    ("big5", "（二十世紀·俄羅斯：列賓）"),
    ("big5", "湖南紡織職工大會"),
    # 鲁吉元 is a twin: the name may not claim the bonus 鲁吉 earns inside 格鲁吉亚
    ("gbk", "陈吉元（中国社会科学院农村发展研究所所长）：“菜篮子工程”实施十年来成效显著。"),
]


@pytest.mark.parametrize("codec, text", SINA_CHOICES)
def test_sina_style_readings_are_chosen_by_words(codec, text):
    dirty = damage.legacy_read_as_utf8_with_latin1_fallback(text, codec)
    assert step.apply(dirty).text == text


def test_no_break_spaces_are_not_sina_style():
    line = "来源: 昆明日报\xa0\xa0 2023-05-08 10:31\xa0\xa0 字号: [\xa0\xa0\xa0\xa0]"
    assert step.apply(line).text == line


def test_fu_hao_ma_is_left_to_ftfy_without_a_search(monkeypatch):
    # UTF-8 read as CP1252 reads well as UTF-8: a Sina-style reader would have decoded those
    # bytes too, so the costly search has nothing to find.
    from cleaner.steps import mojibake

    def no_search(*args, **kwargs):
        raise AssertionError("searched a run that reads as UTF-8")

    monkeypatch.setattr(mojibake, "reread", no_search)
    run = damage.utf8_read_as_cp1252("我们今天讨论的问题很重要", 1)
    assert mojibake._best_latin_repair(run) is None


def test_reason_names_the_transform():
    out = step.apply(damage.gbk_read_as_latin1("我们的新家园", "latin-1"))
    assert "gbk read as latin-1/cp1252" in out.changes[0].reason


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_lossy_gu_wen_ma_beats_the_naive_inverse(codec):
    dirty = damage.utf8_read_as_gbk(SIMPLIFIED, codec)
    naive = dirty.encode(codec, "replace").decode("utf-8", "replace")
    out = step.apply(dirty).text
    right = sum(a == b for a, b in zip(out, SIMPLIFIED))
    naive_right = sum(a == b for a, b in zip(naive, SIMPLIFIED))
    assert right > naive_right
    assert "\ufffd" not in out


def test_lost_bytes_are_chosen_by_context():
    dirty = damage.utf8_read_as_gbk("关系正处在一个重要的发展时期", "gbk")
    assert "\ufffd" in dirty
    assert step.apply(dirty).text == "关系正处在一个重要的发展时期"


def test_big5_read_as_gbk():
    # Big5's commonest characters fall in GBK's symbol rows: a third of them come out lost.
    dirty = damage.big5_read_as_gbk(TRADITIONAL)
    assert dirty.count("\ufffd") > 20
    repaired = step.apply(dirty).text
    assert "\ufffd" not in repaired
    assert sum(a == b for a, b in zip(repaired, TRADITIONAL)) / len(TRADITIONAL) > 0.9


def test_big5_read_as_gbk_lost_pairs_are_ones_gbk_rejects():
    # 門 (Big5 AA F9) is lost whole; unconstrained, the search filled both gaps with pairs
    # that GBK would have decoded (開放, 關繫).
    text = "這家書店的老闆每天早上七點開門，下午六點關門。"
    dirty = damage.big5_read_as_gbk(text)
    assert "\ufffd\ufffd" in dirty
    assert step.apply(dirty).text == text


def test_a_lost_byte_is_narrowed_by_the_next_character_even_when_the_one_after_is_lost():
    # A decoder replaces one byte per error, so the byte behind U+FFFD is one GBK rejects in
    # front of the next byte; the next character alone tells that (Big5 read as GBK loses a
    # third of its characters, often two in a row, and was searched over all 128 bytes there).
    from cleaner.reread import rejected_at_start
    from cleaner.steps.mojibake import _lost_byte_options

    narrowed = _lost_byte_options("gbk", "]\ufffd")
    assert 0 < len(narrowed) < 16
    assert all(rejected_at_start("gbk", option[0] + b"]") for option in narrowed)
    assert len(_lost_byte_options("gbk", "\ufffd]")) == 128  # nothing known after it


def test_a_heavily_lossy_line_is_read_back_rather_than_left_as_garbage():
    # Every character of this line lost a byte: the guesses make the repair dearer than its
    # text, but the text reads as Chinese and the damaged line as nothing at all.
    text = "上海味美食品有限公司“美味”牌奶粉"
    dirty = damage.big5_read_as_gbk(text)
    assert dirty.count("\ufffd") == len(text)
    out = step.apply(dirty)
    assert "\ufffd" not in out.text
    assert sum(a == b for a, b in zip(out.text, text)) / len(text) > 0.7
    assert "lost byte(s) restored" in out.changes[0].reason


def test_a_byte_dropped_from_gbk_text_is_put_back_in_step():
    # The lost byte belonged to 一: every pair after it came out one byte out of step (夷甑呐...)
    # up to the line's end, where the last byte alone became U+FFFD.
    text = "经过一年的努力，这个项目终于顺利完成了。\n第二行是普通的中文句子。\n"
    data = text.encode("gbk")
    out = clean_bytes(data[:5] + data[6:], script="keep", punctuation="keep")
    assert out.text == text
    assert "gbk read one byte out of step" in out.changes[-1].reason
    # Elsewhere only the character that lost the byte is a guess; the rest is back in step.
    out = clean_bytes(data[:20] + data[21:], script="keep", punctuation="keep").text
    assert out.endswith("目终于顺利完成了。\n第二行是普通的中文句子。\n") and "\ufffd" not in out


def _byte_dropped(text: str, char: str, which: int) -> str:
    """``text`` in GBK with the lead (0) or trail (1) byte of ``char`` dropped, read back as
    GB18030."""
    at = text.index(char)
    data = char.encode("gbk")
    return (text[:at].encode("gbk") + data[:which] + data[which + 1 :] + text[at + 1 :].encode("gbk")).decode("gb18030", "replace")


@pytest.mark.parametrize("text, char, which", [
    # The byte put back before or after the stretch's first byte: two searches whose readings
    # are compared in context (unigram bits alone chose 是调指出: 是 is commoner than 强).
    ("昨天下午的会上，厂长再次强调指出，安全生产必须放在第一位。\n其余各项工作照常进行。\n", "强", 1),
    # The stretch runs to the end of the line, whose last byte was lost: the search knows that
    # a line break follows (：⏎, not ，⏎)...
    ("他们在山脚下搭起帐篷，准备第二天清晨出发去看日出：\n天气预报说明天是晴天。\n", "晨", 1),
    # Repairs of different stretches of the line (from each suspicious character on) are
    # compared as whole lines in context, not by the unigram bits each one saves.
    ("他们在山脚下搭起帐篷，准备第二天清晨出发去看日出：\n天气预报说明天是晴天。\n", "清", 1),
    ("老师问同学们：这道题还有没有别的解法？\n教室里一下子安静了。\n", "别", 1),
    # ...and that the bracket the line opened must be closed.
    ("会议由市长主持，出席的还有几位副市长（名单附后）\n会议开了一个上午。\n", "单", 0),
    ("会议由市长主持，出席的还有几位副市长（名单附后）\n会议开了一个上午。\n", "名", 1),
    # The stretch is found from its rare characters (饕餮) far before the gap, which is then
    # looked for inside it: before the gap the characters read well as they stand.
    ("老街上那座饕餮纹的铜鼎据说已有三百多年，如今放在县博物馆的正厅里供人参观。\n第二行照常。\n", "博", 1),
    # A stretch too short to show the marks the other searches need (很多人哦拥茸懦浴�), found
    # because it reads clearly better one byte later.
    ("这家小店的招牌菜是红烧肉和清蒸鱼，每天中午都有很多人排队等着吃。\n第二行照常。\n", "排", 0),
], ids=["word context", "line end colon", "stretches compared", "line end question mark", "bracket closed",
        "bracket closed 2",
        "gap inside the stretch", "short stretch"])
def test_a_dropped_byte_is_put_back_with_the_line_around_it(text, char, which):
    assert step.apply(_byte_dropped(text, char, which)).text == text


def test_a_stray_replacement_character_before_more_chinese_is_no_dropped_byte():
    # A dropped byte leaves its lone last byte as U+FFFD before ASCII or the end of the line
    # (before any other byte it would have paired). Here the rare 蛐蛐 read "better" one byte
    # later (向序兴呢), but the U+FFFD stands before 爷: a corrupt byte in clean text.
    line = "１、图为《蛐蛐四\ufffd爷》剧照。"
    assert step.apply(line).changes == ()


def test_only_sina_style_runs_are_searched_as_sina_style():
    # The Sina search is the costliest one; Big5 read as GBK shows a few pinyin-row letters
    # (à é) that must not send it there.
    from cleaner.steps.mojibake import MIN_SINA_LATIN1_SHARE, _latin1_share

    for codec, text in (("gbk", "今天的新闻发布会"), ("big5", TRADITIONAL)):
        assert _latin1_share(damage.legacy_read_as_utf8_with_latin1_fallback(text, codec)) > 2 * MIN_SINA_LATIN1_SHARE
    assert _latin1_share(damage.big5_read_as_gbk(TRADITIONAL)) < MIN_SINA_LATIN1_SHARE / 2


def test_damaged_run_inside_a_good_line():
    good = "今天的新闻："
    bad = damage.gbk_read_as_latin1("秋粮收购工作进展顺利", "latin-1")
    out = step.apply(good + bad + "。")
    assert out.text == good + "秋粮收购工作进展顺利。"
    mixed = "会议指出" + damage.utf8_read_as_gbk("高质量发展", "gb18030") + "取得新成效"
    assert step.apply(mixed).text == "会议指出高质量发展取得新成效"


def test_partial_line_inside_a_good_document():
    lines = SIMPLIFIED.split("\n")
    lines[4] = damage.gbk_read_as_latin1(lines[4], "cp1252")
    out = step.apply("\n".join(lines))
    assert out.text == SIMPLIFIED
    assert [c.line for c in out.changes] == [5]


def test_fixtures_are_repaired():
    latin = (FIXTURES / "gbk_read_as_latin1.txt").read_text(encoding="utf-8")
    assert step.apply(latin).text == SIMPLIFIED
    gu_wen = (FIXTURES / "utf8_read_as_gbk.txt").read_text(encoding="utf-8")
    repaired = step.apply(gu_wen).text
    reference = original("library_opening.txt")
    assert sum(a == b for a, b in zip(repaired, reference)) / len(reference) > 0.97


def test_unrecoverable_patterns_are_reported_and_whole_lines_removed():
    text = "第一行正常。\n锟斤拷锟斤拷锟斤拷\n第三行有烫烫烫烫但还有字。\n????? ????\n"
    out = step.apply(text)
    assert out.text == "第一行正常。\n第三行有烫烫烫烫但还有字。\n"
    deleted = [c for c in out.changes if c.kind == "delete"]
    assert [c.line for c in deleted] == [2, 4]
    total = [f for f in out.findings if f.kind == "unrecoverable-total"][0]
    assert total.detail == {"锟斤拷": 3, "烫烫烫": 4, "????": 9}
    kept = MojibakeStep(drop_unrecoverable=False).apply(text)
    assert kept.text == text and kept.findings


def test_a_row_of_numbers_with_a_run_of_lost_characters_is_kept():
    row = "\ufffd\ufffd\ufffd４１８４．８　４３０．１　３５４２"
    out = step.apply(row)
    assert out.text == row and not out.changes
    assert [f.kind for f in out.findings][0] == "unrecoverable"


@pytest.mark.parametrize(
    "clean",
    [
        "犄角旮旯里的小店，妞妞很喜欢。",
        "Le café était très agréable, répondit-elle.",
        "Ôôô VIDA MINHA",
        "她叫玛丽·居里，温度是３６°，面积为３×４米。",
        "函数 f(x) 的值为 α+β，单位 μm。",
        SIMPLIFIED,
        TRADITIONAL,
        "班主任多謝大家咁踴躍報名",  # written Cantonese (家咁踴 came out as 產溯裤)
        "因為颱風的關係，大眾運輸系統裡的乘客比平常少。",  # Taiwan's forms (為 裡 眾)
    ],
)
def test_clean_text_is_untouched(clean):
    out = step.apply(clean)
    assert out.text == clean and not out.changes


@pytest.mark.parametrize(
    "line",
    [
        "冬天的早晨，湖面上结了一层薄薄的\ufffd冰，孩子们在岸边堆雪人。",
        "图书馆新馆将于下个月正式对\ufffd外开放，市民可以免费借阅。",
        "今天的天\ufffd气非常好，我们一起去公园散步吧。",
        "這家餐廳的牛\ufffd肉麵味道很好，每天中午都有很多人排隊。",
        "經過一年的\ufffd努力，這個項目終於順利完成了。",
        "老師說明天要考試，大家都在\ufffd認真複習。",
        # two rare characters by the U+FFFD: read as GBK, 廣秸�稈 gave 約峙鹊z, a letter glued
        # to Chinese that the line did not have
        "村裡推廣秸\ufffd稈還田。",
    ],
)
def test_a_stray_replacement_character_in_clean_text_is_not_mojibake(line):
    # A corrupt byte, not a misreading: read in another codec, the good characters around the
    # U+FFFD came out garbled (對B for 冰, 紙禕I for 肉麵).
    assert step.apply(line).text == line


def test_a_corrupt_byte_in_a_file_costs_one_character_and_no_more():
    data = "经过一年的努力，这个项目终于顺利完成了。".encode("utf-8")
    broken = data[:13] + data[14:]  # the middle byte of 的 gone
    out = clean_bytes(broken, script="keep", punctuation="keep").text
    assert "\ufffd" in out
    assert out.replace("\ufffd", "") == "经过一年努力，这个项目终于顺利完成了。"


def _ftfy_cases(name: str) -> list[dict]:
    return json.loads(peer_case_file("ftfy", f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["in-the-wild", "synthetic", "negative", "language-names", "known-failures"])
def test_ftfy_cases_come_out_as_ftfy_alone_makes_them(name):
    """Our step must neither break ftfy's fixes nor claim its European cases."""
    unicode_step = UnicodeStep()
    for case in _ftfy_cases(name):
        text = case["original"]
        assert step.apply(text).changes == (), case["label"]
        assert clean_text(text, script="keep", punctuation="keep", disable=("spam", "boilerplate", "pinyin")).text \
            == unicode_step.apply(text).text


def test_ftfy_negative_cases_unchanged_by_the_chain():
    for case in _ftfy_cases("negative"):
        out = clean_text(case["original"], script="keep", punctuation="keep")
        assert out.text == case["original"].rstrip(" \t") or not [c for c in out.changes if c.step == "mojibake"]


def test_the_documents_intact_lines_decide_a_lost_byte():
    # 古文码 lost a byte of 倡议. Alone, the models read 审议; a line of the same document that
    # says 倡议 settles it (and a simplified line without it does not).
    line = "记者了解到，倡议的问题已经引起各方关注。"
    dirty = damage.utf8_read_as_gbk(line)
    assert "\ufffd" in dirty
    assert MojibakeStep().apply(dirty).text != line
    assert MojibakeStep().apply("专家认为，这是一个值得研究的课题。\n" + dirty).text.split("\n")[1] != line
    out = MojibakeStep().apply("专家认为，倡议是一个值得研究的课题。\n" + dirty)
    assert out.text.split("\n")[1] == line


def test_a_simplified_page_reads_a_lost_byte_in_simplified_characters():
    # 古文码 lost the last byte of 术 (E6 9C AF). The models read 术 and its traditional form
    # 朮 alike, and the line's own search reads 技朮; on a page whose intact lines are
    # simplified, a traditional-only character it never writes is rare, and 技术 wins.
    line = "记者了解到，技术的问题已经引起各方关注。"
    dirty = damage.utf8_read_as_gbk(line)
    assert "技朮" in _apply(dirty, repair_line(dirty))
    out = MojibakeStep().apply("专家认为，这是一个值得研究的课题。\n" + dirty)
    assert out.text.split("\n")[1] == line
    # A traditional page says nothing against 朮.
    out = MojibakeStep().apply("專家認為，這是一個值得研究的課題。\n" + dirty)
    assert "技朮" in out.text


def test_the_repaired_lines_tell_the_script_when_no_line_is_intact():
    # Alone, the damaged line is its own page: its bytes of 问题 and 关注 are no guess, and
    # once repaired they say the document is simplified; the line is searched again so.
    line = "记者了解到，技术的问题已经引起各方关注。"
    dirty = damage.utf8_read_as_gbk(line)
    out = MojibakeStep().apply(dirty)
    assert out.text == line
    assert "技朮" not in out.changes[0].reason
