"""The byte re-reading search (cleaner/reread.py) on hand-built byte alternatives."""

from __future__ import annotations

from cleaner import reread as reread_module
from cleaner.reread import reread

LOST_BYTE = [(bytes([b]), 4.0) for b in range(0x81, 0xFF)]


def test_a_lost_byte_is_kept_for_the_character_the_next_byte_completes(monkeypatch):
    # 名字 with the lead byte of 名 (C3) lost: every lead value is a state with no cost yet. Cut
    # to a few by the cost so far, the first lead values (81, 82...) would be kept and C3 lost;
    # ranked with the character that the next byte (FB) completes, 名 stays.
    monkeypatch.setattr(reread_module, "MAX_STATES", 3)
    alternatives = [[("他的".encode("gbk"), 0.0)], LOST_BYTE, [(b"\xfb", 0.0)], [("字叫".encode("gbk"), 0.0)]]
    reading = reread(alternatives, "gbk")
    assert reading is not None and reading.text == "他的名字叫"


def test_without_a_fixed_next_byte_the_search_still_answers(monkeypatch):
    monkeypatch.setattr(reread_module, "MAX_STATES", 3)
    alternatives = [[("總統".encode("gbk"), 0.0)], LOST_BYTE, [(b"\xfb", 0.0), (b"\xfc", 0.0)]]
    assert reread(alternatives, "gbk") is not None


def test_a_guessed_character_is_not_judged_before_the_next_one_is_read():
    # 博 (B2 A9) lost its trail byte. With the guess, the lead of 物 (CE) completes nothing:
    # cut to the beam there, 县博 lost to a dozen cheaper 县X (X物: 财物, 货物...) before 物 and
    # 馆 could say which X it was.
    data = "博物馆的正厅".encode("gbk")
    guess = [(bytes([b]), 6.0, reread_module.LOST) for b in range(0x40, 0xFF) if b != 0x7F]
    alternatives = [[(data[:1], 0.0)], guess, *([(data[i : i + 1], 0.0)] for i in range(2, len(data)))]
    reading = reread(alternatives, "gb18030", left="如今放在县")
    assert reading is not None and reading.text == "博物馆的正厅"


def test_two_lost_bytes_in_a_row_are_a_pair_the_misreading_decoder_rejects():
    # Big5 bytes read as GBK, the last character's two bytes both lost. 學 (Big5 BE C7) reads
    # best, but GBK decodes BE C7 (as 厩): had those been the bytes, nothing would have been lost.
    lost = [(bytes([b]), 6.0, reread_module.LOST) for b in range(0x80, 0x100)]
    alternatives = [[("他打開大".encode("big5"), 0.0)], lost, lost]
    assert reread(alternatives, "cp950").text == "他打開大學"
    reading = reread(alternatives, "cp950", lost_by="gbk")
    assert reading is not None and reading.text[-1] != "學"
    assert reread_module.rejected_at_start("gbk", reading.text[-1].encode("big5"))


def _gbk(text: str) -> bytes:
    return text.encode("gbk")


def test_a_lone_letter_between_a_space_and_a_chinese_mark_is_not_chosen_over_a_character():
    # The bytes leave open 證 or a swallowed space and "C"; Chinese prose does not write 優待 C”.
    card = [[(_gbk("老年人優待"), 0.0)], [(_gbk("證"), 0.0), (b" C", 0.0)], [(_gbk("”，方便出行"), 0.0)]]
    assert reread(card, "gbk", left="辦理“").text == "老年人優待證”，方便出行"
    army = [[(_gbk("軍旅人生"), 0.0)], [(_gbk("裏"), 0.0), (b" Y", 0.0)], [(_gbk("，這已是第四次"), 0.0)]]
    assert reread(army, "gbk").text == "軍旅人生裏，這已是第四次"


def test_the_search_leaves_the_garbage_collector_as_it_found_it():
    import gc

    lost = [(bytes([b]), 6.0) for b in range(0x80, 0x100)]
    alternatives = [[(b"\xe5\xbc", 0.0)], lost, [(b"\xe6\x94", 0.0)], lost]
    assert gc.isenabled()
    assert reread(alternatives, "utf-8").text == "开放"
    assert gc.isenabled()
    gc.disable()
    try:
        reread(alternatives, "utf-8")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_period_is_a_decimal_point_only_between_digits():
    # The trail byte of a full-width mark after a per cent sign was lost: ， (A3 AC) and ．
    # (A3 AE) both fit. A run of full-width digits earns a bonus, but ％ ends the number and a
    # period after it is no decimal point, so the comma the sentence needs is read.
    trail = [(bytes([b]), 4.0) for b in range(0xA1, 0xFF)]
    alternatives = [[("２３．４％".encode("gbk"), 0.0)], [(b"\xa3", 0.0)], trail, [("１９９６年".encode("gbk"), 0.0)]]
    reading = reread(alternatives, "gbk", left="去年的增長率爲")
    assert reading is not None and reading.text == "２３．４％，１９９６年"
