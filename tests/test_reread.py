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
