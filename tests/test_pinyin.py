"""The pinyin step: verified annotations stripped, byte damage rebuilt, look-alikes kept."""

from __future__ import annotations

import random
import re
import sys

import pytest

from cleaner import clean_text
from cleaner.steps import pinyin
from cleaner.steps.pinyin import PinyinStep, reads

from conftest import FIXTURES, ROOT, original

sys.path.insert(0, str(ROOT / "benchmarks"))
import damage  # noqa: E402

step = PinyinStep()
TRADITIONAL = original("grain_purchase_trad.txt")
LEFTOVER = re.compile(r"[(（?][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")


@pytest.mark.parametrize(
    "damaged, repaired",
    [
        ("長(zhǎng)江日?qǐng)?bào)", "長江日報"),
        ("格式?jīng)]有", "格式沒有"),
        ("賦能?chē)?guó)家", "賦能國家"),
        ("思想?yún)s能", "思想卻能"),
        ("因?yàn)闀?shū)籍", "因為書籍"),
        ("當(dāng)好排頭兵", "當好排頭兵"),
        ("高質(zhì)量發(fā)展", "高質量發展"),
        ("頭髮(fà)與發(fà)展", "頭髮與發展"),
        ("大(dà)（dà）", "大（dà）"),
        ("發(fɑ\u0304)展與國(ɡuó)家", "發展與國家"),  # GBK-era ɑ/ɡ, decomposed tone mark
        ("讀(DÚ)書", "讀書"),
        # the second variant: a lone A1 of 。, then a stretch read out of step
        ("要求?,F(xiàn)有", "要求。現有"),
        ("成果?;顒悠陂g", "成果。活動期間"),
    ],
)
def test_repairs(damaged, repaired):
    out = step.apply(damaged)
    assert out.text == repaired
    assert out.changes and all(c.step == "pinyin" and c.reason for c in out.changes)


def test_reasons_name_the_evidence():
    reasons = step.apply("昆明日?qǐng)?bào)，當(dāng)好").changes[0].reason
    assert "GBK phantom 請, 報 across 日|報" in reasons
    assert "當: reads dāng" in reasons


def test_readings_include_script_variants():
    assert reads("發", "fà") and reads("发", "fā") and not reads("發", "fa")


@pytest.mark.parametrize("clean", ["函数(int)的返回值", "知(u)识", "数(magic)", "单位(kg)", "中(zh)文", "这是真的吗?",
                                   "Research on (AI) 研究", "打(dǎ)", "你真的來了嗎?我很高興。", "是嗎?ABC公司說不是",
                                   "真的?“好”"])
def test_look_alikes_are_kept(clean):
    out = step.apply(clean)
    if clean == "打(dǎ)":
        assert out.text == "打"
    else:
        assert out.text == clean and not out.changes


def test_fixture_is_restored_exactly():
    dirty = (FIXTURES / "pinyin_annotated_trad.txt").read_text(encoding="utf-8")
    assert "日?qǐng)?bào)" in dirty
    assert step.apply(dirty).text == TRADITIONAL


def test_stray_lead_fixture_is_restored_exactly():
    dirty = (FIXTURES / "pinyin_stray_lead_trad.txt").read_text(encoding="utf-8")
    assert "重?8鬣l鎮" in dirty
    assert step.apply(dirty).text == damage.half_width(TRADITIONAL)


def test_text_level_annotation_of_our_own_text():
    chars = set("報當發質長會國調問題議糧")
    assert step.apply(damage.annotate(TRADITIONAL, chars)).text == TRADITIONAL


def test_question_marks_for_spaces_and_censored_pinyin():
    out = step.apply("Research?on?Electronic?File 與 zhōngyāng政治局")
    assert out.text.startswith("Research on Electronic File")
    assert any("zhōngyāng" in f.text for f in out.findings)


def test_question_marks_for_spaces_inside_a_chinese_sentence():
    # The title touches Chinese on both sides: every "?" between its words was a space.
    line = "論文題爲Research?on?Electronic?File?Management的研究。"
    assert step.apply(line).text == "論文題爲Research on Electronic File Management的研究。"


# Dense byte damage made with the site simulator on our own sentences (a first line gives the
# page its traditional script). Site lists are searched and replaced in the order given.
CONTEXT = "這是一篇關於節日慶祝活動的報導，記者從現場發來消息。\n"
DENSE = [
    # 習's own annotation stands between it and the damage; a bare "?" follows the phantom
    ("這本書由學習出版社正式出版發行，讀者反映很好。", ["暢", "學", "習"]),
    # the repair brings back 爲, which Big5 lacks but OpenCC writes on traditional pages;
    # the lost pair at the end swallowed the file's final line break
    ("市政府爲配合部隊的演習提供了方便。\n", ["疇"]),
    # a stretch out of step with two lost pairs: 懂得 and 二屆 give the same damage, and a
    # number-and-counter bonus must not outweigh the word
    ("我們深深懂得，手中的權力屬於人民。", ["兩", "權", "導", "來"]),
    # the stretch out of step holds 着, which Big5 lacks and OpenCC leaves on traditional pages
    ("大家幹勁很足，帶着農民到外地去學習種菜。", ["髮", "節", "種", "動", "瑤"]),
    # the character before the damage, 秘 (Taiwan's form; OpenCC writes 祕), is the page's own
    # text, not a repair to check against the script
    ("協會秘書長依然認為，四年的時間太短。", ["貢"]),
]


@pytest.mark.parametrize("text, site", DENSE)
def test_dense_damage_is_searched_over_the_rest_of_the_line(text, site):
    dirty = damage.gbk_byte_annotate(CONTEXT + text, site)
    assert "?" in dirty
    out = step.apply(dirty)
    assert out.text == CONTEXT + text
    assert any("GBK byte search" in c.reason for c in out.changes)


def test_the_search_reads_the_words_before_the_damage_as_the_page_means_them(monkeypatch):
    # 無's annotation stands before the damage after 虛: the search must see 座無虛, which
    # begins the idiom 座無虛席, not 無(wú)虛.
    lefts = []
    search = pinyin._search_repair

    def spy(*args, **kwargs):
        lefts.append(kwargs["left"])
        return search(*args, **kwargs)

    monkeypatch.setattr(pinyin, "_search_repair", spy)
    text = "那天座無虛席，觀衆很多。"
    dirty = damage.gbk_byte_annotate(CONTEXT + text, ["無", "撓"])
    assert "座無(wú)虛?náo)" in dirty
    assert step.apply(dirty).text == CONTEXT + text
    assert lefts == ["那天座無"]


def test_a_text_of_one_line_may_end_on_a_lone_lead_byte():
    # 。 is A1 A3; the phantom 疇 took A1 with 便's last byte, and nothing followed A3
    text = "記者從現場發來消息：市政府爲配合部隊的演習提供了方便。"
    dirty = damage.gbk_byte_annotate(text, ["疇"])
    assert dirty.endswith("?") and "\n" not in dirty
    assert step.apply(dirty).text == text


def test_a_bare_question_mark_ending_a_line_inside_the_text_swallowed_a_line_break():
    # Only the text can end on a lone lead byte: inside it the byte after the lead (here the
    # first line break of a blank line) went with it, and comes back.
    text = CONTEXT + "市政府爲配合部隊的演習提供了方便。\n\n下一段講的是別的事情。\n"
    dirty = damage.gbk_byte_annotate(text, ["疇"])
    assert "\n\n" not in dirty
    assert step.apply(dirty).text == text


def test_a_bare_question_mark_is_seldom_a_real_one_between_chinese_characters():
    # 。's trail byte and the line break went as one lost pair after a stretch out of step; read
    # as a real "?" (and a space), the pair cost nothing and the line break stayed lost.
    text = "因而順順當當地登上了冠軍寶座。\n相比之下，女子項目成績一般。"
    dirty = damage.gbk_byte_annotate(CONTEXT + text, ["數"])
    assert "??相比之下" in dirty
    assert step.apply(dirty).text == CONTEXT + text


def test_lost_pairs_in_a_misaligned_stretch_are_not_taken_for_stray_leads():
    # "眨??w": two lost pairs of the stretch after ?yú), then the trail byte of 體. Read as the
    # stray lead of a 。 they would become "。剋", a sentence end that was never there.
    text = "這支部隊出色完成軍事演習任務，全體官兵受到表彰。"
    dirty = damage.gbk_byte_annotate(CONTEXT + text, ["節", "動", "關", "來", "於", "慶", "娛", "報", "軍"])
    assert "眨??w" in dirty
    out = step.apply(dirty)
    assert "。" not in out.text.split("\n")[1][:-1]
    assert out.text == CONTEXT + text or any("left as is" in f.text for f in out.findings)


def test_damage_inside_a_stretch_left_out_of_step_is_not_repaired_on_its_garbage():
    # 秘?gòng) is left undecided, and the bytes after it are still out of step: 幃 is garbage,
    # so a phantom 當 "across 幃|斕" turned 處當天發 into 幃斕彀l.
    text = "聯合國秘書處當天發表聲明，呼籲各方保持克制。"
    dirty = damage.gbk_byte_annotate(CONTEXT + text, ["貢", "當"])
    assert "秘?gòng)?幃?dāng)天" in dirty
    out = step.apply(dirty)
    assert out.text in (dirty, CONTEXT + text)
    assert not any("幃" in c.reason for c in out.changes)


def test_a_stretch_to_the_end_of_the_line_closes_the_quote_opened_before_it():
    # The stretch after 教?chù) runs to the line's end; 師” and 師。 give the same damage, and
    # only the “ before the stretch says which.
    text = "孩子們叫她“知心教師”\n"
    dirty = damage.gbk_byte_annotate(CONTEXT + text, ["處"])
    assert "教?chù)" in dirty
    assert step.apply(dirty).text == CONTEXT + text


def test_lower_case_full_width_letters_beside_chinese_are_bytes_out_of_step():
    # 揭曉，王 and 揭曉ｚｕ give the same damage; Chinese typesetting does not write ｚｕ.
    text = "獎項今天揭曉，王火的《戰爭》獲獎"
    dirty = damage.gbk_byte_annotate(CONTEXT + text, ["視"])
    assert "揭?shì)" in dirty
    assert step.apply(dirty).text == CONTEXT + text


def test_undecidable_damage_is_flagged_not_deleted():
    out = step.apply("測試?xyz)文字")
    assert out.text == "測試?xyz)文字"


def test_seed_001(seeds):
    text = (seeds / "001_59f4f1f252a4eb4c.txt").read_text(encoding="utf-8")
    kept = clean_text(text, script="keep", punctuation="keep").text
    assert not LEFTOVER.findall(kept)
    assert kept.count("昆明日報") == 3
    simplified = clean_text(text, script="zh-hans").text
    assert not LEFTOVER.findall(simplified) and "昆明日报" in simplified


# The second variant made by the simulator on our own sentences: the "?" is 。's lone first
# byte and the stretch after it is read out of step until a trail byte brings it back.
STRAY = [
    ("這是一篇關於節日慶祝活動的報導。記者從現場發來消息，活動期間共有千人參加。", 1),
    ("我們在會上討論了這個問題。大家都認爲，應當儘快解決。", 1),
    # 價 is 83 72: A3 83 is no GBK code, so 。's trail byte makes a second "?"
    ("市場上的蔬菜很新鮮。價格也比去年便宜了不少。", 1),
    # the stretch ends on 滸 (9D 47): a character made with an ASCII trail byte is from GBK's
    # extension rows, rare or not, and the bytes leave no choice of it
    ("這些畫作陸續送到了北京。後來《水滸傳》的演員都來看過", 1),
    # a rare word inside the stretch (蜻蜓): the garbage out of step is rarer still
    ("工作要步步紮實。不可蜻蜓點水，敷衍了事", 1),
    # a stretch of one character, 譚 (D7 54): judged after the words before it
    ("大家都叫他“鐵法官”。譚先生笑著說沒有這回事", 1),
    # the stray byte follows ％, which the page made half-width
    ("油田完成了全年計劃的１０１．８６％。這是工人們冒著嚴寒幹出來的", 1),
]


@pytest.mark.parametrize("text, seed", STRAY)
def test_stray_lead_byte_before_a_stretch_out_of_step(text, seed):
    dirty, decidable = damage.gbk_stray_lead(text, 1, random.Random(seed))
    assert decidable and "?" in dirty
    out = step.apply(dirty)
    assert out.text == damage.half_width(text)
    assert "stray GBK lead byte A1" in out.changes[0].reason


def test_stray_lead_with_lost_bytes_is_left_alone():
    # 。's trail byte swallowed the line break: which byte it was, the text cannot tell
    dirty, decidable = damage.gbk_stray_lead("第一段到這裏就結束了。\n第二段從這裏開始寫", 1, random.Random(1))
    assert not decidable and dirty == "第一段到這裏就結束了??第二段從這裏開始寫"
    assert step.apply(dirty).text == dirty



@pytest.mark.parametrize("text", ["（圖爲原載《人民日報》）", "這幅漫畫爲原載《諷刺與幽默》的作品。"])
def test_an_annotation_after_a_trail_byte_says_what_its_character_reads(text):
    # 懺 across 爲|原 hides 原's lead byte; 原's trail byte and 載's lead byte were lost together
    # (?), and 載's trail byte "d" realigned the decoder before 載's annotation (zài). The
    # character ending in "d" must read zài: 載, not 在 with a stray "3d".
    dirty = damage.gbk_byte_annotate(text, ["懺", "載"])
    assert "?chàn)?d(zài)" in dirty
    assert step.apply(dirty).text == text


def test_the_rest_of_the_page_decides_what_the_bytes_leave_open():
    # 鄧 across 相|國 hides the lead byte of 國; several characters read dèng with that lead
    # byte, and in a sentence where 相國 is unexpected the step leaves the damage flagged. A
    # page that says 相國 where it is intact settles it.
    text = "天氣雖冷，河水相國結冰。"
    dirty_line = damage.gbk_byte_annotate(CONTEXT + text, ["鄧"]).split("\n")[1]
    assert "相?dèng)" in dirty_line
    assert step.apply(CONTEXT + dirty_line).text == CONTEXT + dirty_line
    out = step.apply(CONTEXT + "他的祖上做過相國。\n" + dirty_line)
    assert out.text.split("\n")[2] == text


def test_the_page_decides_between_two_forms_of_one_character():
    # A phantom 於 across 定|爲 hides 爲's lead byte; its reading wèi fits 爲 and 為 alike, and
    # the models read both as 为. The page writes 爲 (OpenCC's form), so the repair does too.
    page = "大家都爲此感到高興。\n"
    text = "他們把這一天定爲節日。"
    dirty = damage.gbk_byte_annotate(page + text, ["於", "爲"])
    assert "?yú)" in dirty.split("\n")[1]
    assert step.apply(dirty).text == page + text


def test_a_short_item_after_a_list_mark_ends_with_another():
    # 負責、條 and 負責。條 give the same damage; after 領導、 and a four-character item, 、 is
    # the likelier mark by far (the mark model), though 。 is the commoner one
    text = CONTEXT + "會議要求堅持統一領導、分級負責、條塊結合、屬地管理的原則。\n"
    dirty = damage.gbk_byte_annotate(text, ["壺"])
    assert "?hú)" in dirty
    assert step.apply(dirty).text == text


def test_after_an_annotated_trail_byte_the_decoder_is_in_step_again():
    # "d" realigned the decoder: the "x" after it is plain ASCII, not another trail byte, and
    # its "(shì)" stays text.
    from cleaner.steps.pinyin import _AnnotatedTrail, _tokens

    tokens = _tokens("爲?chàn)?d(zài)x(shì)《", 1)
    assert tokens[2] == _AnnotatedTrail("d", "zài")
    assert tokens[3:] == list("x(shì)《")


def test_a_repair_never_holds_a_character_the_page_shows_annotated_without_its_annotation():
    # The site annotated every 對 on the page (對(duì) stands intact at the start). The stretch
    # after 高 is read one byte out of step down to three lost pairs, and the likeliest reading
    # of those, ’。對於, puts a 對 there that has no annotation: the site cannot have made
    # this page from it. Whatever the step reads instead must damage back into the same page.
    text = CONTEXT + "大家對這部影片的評價很高。１９９５年初的第十七部———《金眼》，票房收入很高。"
    site = ["摺", "對"]
    dirty = damage.gbk_byte_annotate(text, site)
    assert "?zhé)" in dirty and "???" in dirty
    out = step.apply(dirty).text
    assert "對於" not in out
    assert damage.gbk_byte_annotate(out, site) == dirty
    assert pinyin._unannotated_listed("相對", "相?duì)", {"對": "duì"}) == set()
    assert pinyin._unannotated_listed("相對", "相對", {"對": "duì"}) == {"對"}


def test_a_repair_may_bring_back_a_regional_form_of_a_traditional_page():
    # 臉 across 的|樓 hides the bytes of 樓群; 群 is Taiwan's form (the seed page's), though
    # OpenCC's standard writes 羣 and counts 群 as simplified
    text = "他指著新蓋的樓群說：這裡就是新家。"
    dirty = damage.gbk_byte_annotate(CONTEXT + text, ["臉", "說"])
    assert "的?liǎn)" in dirty
    assert step.apply(dirty).text == CONTEXT + text
