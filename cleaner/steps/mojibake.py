"""mojibake: repair the CJK kinds of mojibake that ftfy leaves alone (it runs before ftfy).

Each suspicious span is re-encoded with the codec that misread it and decoded with the one
it was written in; a candidate is accepted only when the plausibility model finds it clearly
more like real text than the span it replaces.

| kind | what happened | inverse |
|---|---|---|
| 古文码 | UTF-8 bytes read as GBK/GB18030 | encode GB18030 -> decode UTF-8; bytes lost to U+FFFD are chosen to give the likeliest characters |
| 拼音码 | GBK (or Big5) bytes read as Latin-1/CP1252 | encode CP1252/Latin-1 -> decode GB18030 (CP950) |
| Sina style | GBK/Big5 read as UTF-8, invalid bytes falling back to Latin-1 | U+0080-U+00FF -> one byte, others -> their UTF-8 bytes -> decode GB18030 (CP950) |
| Big5<->GBK | traditional text in Big5 read as GBK, or the reverse | encode one, decode the other |
| 锟斤拷 烫烫烫 屯屯屯 | U+FFFD round-tripped through GBK; uninitialised memory | none: reported, and a line made only of it is removed |

>>> fix = MojibakeStep().apply
>>> fix("ÎÒÃÇµÄÐÂ¼ÒÔ°").text
'我们的新家园'
>>> fix("浣犲ソ锛屼笘鐣\ufffd").text
'你好，世界'
>>> fix("干净的中文，不动。").changes
()
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache, partial
from typing import NamedTuple

import ftfy
from ftfy.badness import is_bad

from .. import plausibility
from ..core import WHOLE_DOCUMENT, Change, Finding, Step, StepOutput
from ..reread import FALLBACK, LOST, Alternative, Reading, open_brackets, rejected_at_start, reread
from ..reread import strict_decode as _strict

# CP1252's printable characters outside Latin-1: they stand for bytes 0x80-0x9F.
_CP1252_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# A character that can stand for a byte >= 0x80 read as Latin-1/CP1252, or for a 2-byte UTF-8
# sequence (Sina style): Latin-1 supplement through U+07FF, and CP1252's extras.
_LATIN_CLASS = "\u0080-\u07ff" + re.escape(_CP1252_EXTRAS)
_LATIN_CHAR = re.compile(f"[{_LATIN_CLASS}]")
_LATIN_RUN = re.compile(f"[{_LATIN_CLASS}](?:[\\x20-\\x7e{_LATIN_CLASS}]*[{_LATIN_CLASS}])?[\\x40-\\x7e]?")
# The stretch of a line from its first to its last non-ASCII character: 古文码 mixes CJK with
# Greek, Cyrillic and pinyin letters (GBK's symbol rows), and the ASCII inside it was ASCII in
# the original too.
_NON_ASCII_SPAN = re.compile(r"[^\x00-\x7f](?:.*[^\x00-\x7f])?")
_BEYOND_LATIN = re.compile(r"[^\x00-\u07ff]")

_UNRECOVERABLE = re.compile(r"(?:锟斤拷)+|(?:烫){3,}|(?:屯){3,}|(?:�){3,}")
_QUESTION_RUN = re.compile(r"\?{4,}")

# How much cheaper (bits per replaced character) a repair must be, and how plausible.
MIN_GAIN_BITS_PER_CHAR = 3.0
MIN_GAIN_BITS = 20.0
MAX_REPAIRED_BITS_PER_CHAR = 14.5
# Extra cost of a Latin-1 letter next to another one: European words interleave accented
# letters with ASCII ones, 拼音码 is nothing but them.
LATIN_NEIGHBOUR_BITS = 8.0
# Extra cost of each foreign letter a CJK-to-CJK repair would introduce.
FOREIGN_LETTER_BITS = 12.0
# A Latin-looking run needs this many non-ASCII characters (two CJK characters' worth) before
# it is read as CJK: "Ôôô" is somebody's exclamation.
MIN_LATIN_CHARS = 4
# Cost of a byte that had to be guessed when repairing lossy 古文码.
GUESSED_BYTE_BITS = 6.0
# A lossy run is judged by its reading's own plausibility (its guesses left out) only when it
# has this many characters that are not U+FFFD: evidence enough that it is mojibake at all.
MIN_KNOWN_CHARS_TO_GUESS = 8


class Repair(NamedTuple):
    start: int
    end: int
    text: str
    transform: str


@lru_cache(maxsize=1)
def _unusual_class() -> str:
    """A character class of what clean Chinese text rarely contains (see plausibility)."""
    base = plausibility.unusual_char_pattern(5000).pattern
    return base[:-1] + re.escape(plausibility.USUAL_MARKS) + "]"


@lru_cache(maxsize=1)
def _suspicious() -> re.Pattern[str]:
    """Single unusual characters: where inside a flagged line the damage may be."""
    return re.compile(_unusual_class())


@lru_cache(maxsize=1)
def _evidence() -> re.Pattern[str]:
    """The fast pre-check, run over the whole text at C speed: two unusual characters at most
    one apart (mojibake comes in runs; clean text has a stray rare character now and then),
    U+FFFD, or the unrecoverable patterns."""
    unusual = _unusual_class()
    return re.compile(f"{unusual}.?{unusual}|\ufffd|锟斤拷|烫烫烫|屯屯屯|[?]{{4}}")


#: Marks (unusual characters other than U+FFFD, letters glued to Han) a CJK run needs before
#: it is read as mojibake: at least two, and one in this many characters. Clean text has a
#: stray rare character now and then.
MIN_MARKS = 2
CHARS_PER_MARK = 20


def _marks_beyond_lost_bytes(run: str) -> bool:
    """Does a CJK run show mojibake's marks with its U+FFFD set aside? A U+FFFD alone is no
    sign of a misreading: clean text with a corrupt byte has them too, and reading its good
    characters in another codec only garbles them.

    >>> _marks_beyond_lost_bytes("鍏崇郴姝ｅ\ufffd勫湪涓\ufffd閲嶈\ufffd佺殑鍙戝睍"), _marks_beyond_lost_bytes("冰\ufffd雕童话世界")
    (True, False)
    """
    lost = run.count("\ufffd")
    marks = len(_suspicious().findall(run)) - lost + len(_GLUED_LETTER.findall(run))
    return marks >= max(MIN_MARKS, (len(run) - lost) / CHARS_PER_MARK)


def _latin_cost(run: str) -> float:
    """Cost of a Latin-looking run, charging neighbouring non-ASCII characters that no language
    puts together: two accented Latin letters (European words interleave them with ASCII;
    拼音码 is nothing but them), or two of different scripts (Sina-style Big5 mixes Latin-1,
    IPA, Greek and Cyrillic). Greek or Cyrillic next to its own kind is a word."""
    total = plausibility.cost(run)
    previous = None
    for ch in run:
        block = _block(ch)
        if block is not None and previous is not None and (block == 0 or block != previous):
            total += 2 * LATIN_NEIGHBOUR_BITS  # both neighbours pay
        previous = block
    return total


# Where the scripts a 2-byte UTF-8 sequence can stand for begin: Latin-1 and Latin Extended,
# IPA, modifier letters and combining marks, Greek, Cyrillic, Armenian, Hebrew, Arabic, and
# Syriac onwards.
_BLOCK_STARTS = (0x80, 0x250, 0x2B0, 0x370, 0x400, 0x530, 0x590, 0x600, 0x700, 0x800)


def _block(ch: str) -> int | None:
    """Which of those blocks ``ch`` is in (0 is Latin, CP1252's extras included), or None."""
    if ch in _CP1252_EXTRAS:
        return 0
    cp = ord(ch)
    if cp == 0xA0 or not 0x80 <= cp < 0x800:  # a no-break space is just a space
        return None
    return bisect.bisect_right(_BLOCK_STARTS, cp) - 1


_LOST_BYTE = tuple((bytes([b]), GUESSED_BYTE_BITS, LOST) for b in range(0x80, 0x100))


def _latin_alternatives(run: str) -> list[list[Alternative]]:
    """What each character of a Latin-looking run may stand for: the byte a Latin-1/CP1252
    reader turned into it, or (Sina style) the UTF-8 sequence a UTF-8 reader decoded."""
    out: list[list[Alternative]] = []
    for ch in run:
        cp = ord(ch)
        if cp < 0x80:
            out.append([(bytes([cp]), 0.0)])
        elif cp <= 0xFF:
            out.append([(bytes([cp]), 0.0, FALLBACK), (ch.encode("utf-8"), 0.0)])
        elif ch in _CP1252_EXTRAS:
            out.append([(ch.encode("cp1252"), 0.0), (ch.encode("utf-8"), 0.0)])
        elif ch == "\ufffd":
            out.append(list(_LOST_BYTE))
        else:
            out.append([(ch.encode("utf-8"), 0.0)])
    return out


_TO_BYTE = {ch: ch.encode("cp1252")[0] for ch in _CP1252_EXTRAS}


def _single_byte(run: str) -> bytes | None:
    """The bytes a Latin-1/CP1252 reader saw, as browsers read "latin-1": CP1252 where it
    defines a character, Latin-1 (C1 controls) where it does not."""
    out = bytearray()
    for ch in run:
        cp = ord(ch)
        if cp <= 0xFF:
            out.append(cp)
        elif ch in _TO_BYTE:
            out.append(_TO_BYTE[ch])
        else:
            return None
    return bytes(out)


_SOURCE = {"gb18030": "gbk", "cp950": "big5"}
_FTFY_CONFIG = ftfy.TextFixerConfig(
    fix_character_width=False, uncurl_quotes=False, fix_latin_ligatures=False, normalization=None,
    fix_line_breaks=False, explain=False,
)


def _best_latin_repair(run: str, left: str = "", page: plausibility.PageModel | None = None) -> tuple[str, str, float] | None:
    """The most plausible CJK reading of a Latin-looking run (拼音码 or Sina style), or None."""
    # CP1252's extras alone (…… —— “”) are Chinese punctuation, not evidence of 拼音码.
    if sum(0x80 <= ord(ch) <= 0x7FF and ch != "\xa0" for ch in run) < MIN_LATIN_CHARS:
        return None
    plain = _single_byte(run)
    # (bits, text, transform, characters of evidence the gain is owed for)
    candidates: list[tuple[float, str, str, int]] = []
    if plain is not None:
        # 符号码 is ftfy's to fix (it handles double encoding too): a run that reads better as
        # UTF-8 is left alone, so that we never claim it.
        text = _strict(plain, "utf-8")
        if text:
            candidates.append((plausibility.cost(text), text, "utf-8", len(run)))
    doubtful = False
    for true in ("gb18030", "cp950"):
        text = _strict(plain, true) if plain is not None else None
        if text and _acceptable(_latin_cost(run), plausibility.cost(text), len(run), text):
            candidates.append((plausibility.cost(text), text, f"{_SOURCE[true]} read as latin-1/cp1252 (拼音码)", len(run)))
            doubtful = doubtful or _misaligned(text)
    if not doubtful and len(candidates) > (1 if candidates and candidates[0][2] == "utf-8" else 0):
        # The plain inverse reads well: no need to search the Sina-style readings.
        bits, text, transform, _ = min(candidates)
        return None if transform == "utf-8" else (text, transform, bits)
    if candidates and candidates[0][2] == "utf-8" and _acceptable(_latin_cost(run), candidates[0][0], len(run), candidates[0][1]):
        # 符号码 that reads well as UTF-8 is ftfy's. A Sina-style reader would have decoded
        # those bytes as UTF-8 too, so no search could find it was Sina style.
        return None
    alternatives = _latin_alternatives(run)
    for true in _likely_sources(run):
        reading = reread(alternatives, true, left=left, page=page)
        if reading is None:
            continue
        plain_label = f"{_SOURCE[true]} read as latin-1/cp1252 (拼音码)"
        if plain is not None and _strict(plain, true) == reading.text:
            candidates.append((reading.bits, reading.text, plain_label, len(run)))
        else:
            if plain is not None and not _UTF8_SEQUENCE.search(plain):
                # The search weighed the plain reading too (a UTF-8 reader would have fallen
                # back on every one of its bytes) and with word context preferred this one:
                # unigram bits must not overrule it.
                candidates = [c for c in candidates if c[2] != plain_label]
            # A Sina-style reading is owed its gain per character it reads: Big5 trail bytes
            # make many ASCII characters in the run that are then part of one character.
            candidates.append((reading.bits, reading.text,
                               f"{_SOURCE[true]} read as utf-8 with latin-1 fallback (Sina style)", len(reading.text)))
    if not candidates:
        return None
    bits, text, transform, evidence = min(candidates)
    if transform == "utf-8" or not _acceptable(_latin_cost(run), bits, evidence, text):
        return None
    return text, transform, bits


#: A source codec whose rough bytes break this many times as often as the other's is not searched.
WRONG_SOURCE_ERRORS = 4


def _likely_sources(run: str) -> tuple[str, ...]:
    """The codecs worth searching a Latin-looking run in: both, unless the rough bytes (each
    character as the byte it fell back from, or as UTF-8) decode far better in one of them.

    >>> _likely_sources("¼ÇÕߴӻáÉÏÁ˽\\u2d7d£¬½ñÄêȫÊÐÁ¸ʳÉú²úÔٻñ·áÊգ¬ũÃñÊÕÈëÎȲ½Ôö³¤¡£")
    ('gb18030',)
    >>> _likely_sources("ÎÒÃǽñÌìÌÖÂ۵ÄÎÊÌâ")
    ('gb18030', 'cp950')
    """
    data = b"".join(bytes([ord(ch)]) if ord(ch) < 0x100 else ch.encode("utf-8") for ch in run)
    errors = {codec: data.decode(codec, errors="replace").count("\ufffd") for codec in ("gb18030", "cp950")}
    low, high = sorted(errors.values())
    if high >= WRONG_SOURCE_ERRORS * max(1, low) and high >= 2:
        return (min(errors, key=errors.get),)
    return tuple(errors)


# Bytes a UTF-8 reader would have decoded rather than fallen back on (3- and 4-byte forms
# approximate): a plain run holding one cannot be Sina style read byte by byte.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# A lone Latin letter or trail-byte symbol glued to a Han character.
_GLUED_LETTER = re.compile(r"[\u4e00-\u9fff][A-Za-z@\[\\\]^_`{|}~](?![A-Za-z0-9])")


def _misaligned(text: str) -> bool:
    """Does a plain 拼音码 reading show the marks of bytes paired up wrongly - a rare character,
    or a letter glued to Chinese (a trail byte read alone)? Every Latin-1 letter may also be a
    two-byte UTF-8 sequence, so then the Sina-style readings compete with it.

    >>> _misaligned("俄驦窗G列維坦"), _misaligned("俄羅斯：列維坦"), _misaligned("在IBM公司")
    (True, False, False)
    """
    return bool(_suspicious().search(text) or _GLUED_LETTER.search(text))


def _acceptable(before_bits: float, after_bits: float, evidence: int, after: str, own_bits: float | None = None) -> bool:
    """Is ``after`` clearly better than what it replaces: cheaper in all, by enough per
    character of evidence, and plausible in itself (by ``own_bits``, its cost without what
    ``after_bits`` adds for guessed bytes, when given)?"""
    if "\ufffd" in after or not after or before_bits - after_bits < MIN_GAIN_BITS:
        return False
    if (after_bits if own_bits is None else own_bits) / len(after) > MAX_REPAIRED_BITS_PER_CHAR:
        return False
    return before_bits - after_bits >= MIN_GAIN_BITS_PER_CHAR * evidence


def _encoded_alternatives(run: str, codec: str) -> list[list[Alternative]] | None:
    """Each character's bytes in the codec that misread the run; U+FFFD is one lost byte."""
    out: list[list[Alternative]] = []
    for i, ch in enumerate(run):
        if ch == "\ufffd":
            out.append(_lost_byte_options(codec, run[i + 1 : i + 3]))
            continue
        try:
            out.append([(ch.encode(codec), 0.0)])
        except UnicodeEncodeError:
            return None
    return out


def _lost_byte_options(codec: str, following: str) -> list[Alternative]:
    """The bytes a U+FFFD can stand for: those the misreading decoder rejected in front of the
    bytes that follow it (it replaces one byte per error), as far as the following text is
    known: the character right after it is enough to test the pair it began."""
    known = following.split("\ufffd", 1)[0]
    if not known:
        return list(_LOST_BYTE)
    try:
        after = known.encode(codec)
    except UnicodeEncodeError:
        return list(_LOST_BYTE)
    return [option for option in _LOST_BYTE if rejected_at_start(codec, option[0] + after)] or list(_LOST_BYTE)


def _mostly_utf8(run: str) -> bool:
    """A cheap test before the search: do the GB18030 bytes read as UTF-8 almost everywhere?"""
    data = run.replace("\ufffd", "?").encode("gb18030", errors="replace")
    errors = data.decode("utf-8", errors="replace").count("\ufffd")
    # A lost byte sits inside a multi-byte sequence and breaks it on both sides.
    return errors <= max(2, 2 * run.count("\ufffd") + len(run) // 20)


# (codec that misread the text, codec it was written in, label)
_CJK_MISREADINGS = (
    ("gb18030", "utf-8", "utf-8 read as gb18030 (古文码)"),
    ("gbk", "utf-8", "utf-8 read as gbk (古文码)"),
    ("gbk", "cp950", "big5 read as gbk"),
    ("cp950", "gb18030", "gbk read as big5"),
)


def _best_cjk_repair(run: str, left: str = "", page: plausibility.PageModel | None = None,
                     right: str = "", open_before: str = "", may_be_out_of_step: bool = True) -> tuple[str, str, float] | None:
    """The most plausible reading of a CJK-looking run as 古文码 or Big5/GBK confusion;
    ``right`` is a line break that follows the run, if one does (the searches then weigh how
    the paragraph ends: 全过程。⏎, not 全过程，⏎, when the last byte was lost); ``open_before``
    the brackets a run that ends its line must close (（龚乃昌）, not （龚乃昌，);
    ``may_be_out_of_step``: whether a dropped byte may have garbled it (its U+FFFD, the lone
    last byte, is followed by ASCII or nothing: before any other byte it would have paired)."""
    lossy = "\ufffd" in run
    # (bits with the guessed bytes' cost, text, transform, bits of the text itself)
    candidates: list[tuple[float, str, str, float]] = []
    for misread, true, label in _CJK_MISREADINGS:
        if true == "utf-8" and not _mostly_utf8(run):
            continue
        if not lossy and misread == "gbk" and true == "utf-8":
            continue  # without losses GBK and GB18030 give the same bytes
        if not lossy:
            try:
                text = _strict(run.encode(misread), true)
            except UnicodeEncodeError:
                text = None
            if text:
                bits = plausibility.cost(text)
                candidates.append((bits, text, label, bits))
            continue
        alternatives = _encoded_alternatives(run, misread)
        if alternatives is None:
            continue
        reading = _reread_before(right, alternatives, true, left=left, page=page, lost_by=misread, open_before=open_before)
        if reading:
            note = f"; {reading.guesses} lost byte(s) restored" if reading.guesses else ""
            candidates.append((reading.bits + GUESSED_BYTE_BITS * reading.guesses, reading.text, label + note, reading.bits))
    if may_be_out_of_step:
        candidates += _realigned_readings(run, left, page, right, open_before)
    if not candidates:
        return None
    # Readings that searches chose are compared in context; exact inverses (no byte lost) by
    # their bits, as before, which spares clean lines with a rare character the word model.
    bits, text, transform, own_bits = min(candidates, key=lambda c: _in_context(c, run, left, right)) if lossy else min(candidates)
    bits += _added_foreign_bits(text, run)
    # Guessed bytes count against a repair when readings compete, not against its text: a
    # long, heavily lossy run read back mostly right beats the garbage it replaces. A short
    # one stays as it is (a character and a U+FFFD may be a cut-off file, not mojibake).
    if len(run) - run.count("\ufffd") < MIN_KNOWN_CHARS_TO_GUESS:
        own_bits = None
    if not _acceptable(plausibility.cost(run), bits, len(run), text, own_bits):
        return None
    return text, transform, bits


def _added_foreign_bits(text: str, run: str) -> float:
    """What a reading pays for letters of other scripts (kana, Cyrillic...) the run lacked, and
    for ASCII letters glued to Chinese that it lacked: a trail byte read alone is a mark of
    mojibake, not of its repair (a clean traditional line with a corrupt byte, 廣秸�稈, read as
    GBK gave 約峙鹊z).

    >>> _added_foreign_bits("約峙鹊z氣", "廣秸\ufffd稈氣") > 0 == _added_foreign_bits("拍X光", "拍X光")
    True
    """
    added = _foreign_letters(text) - _foreign_letters(run)
    added_glued = len(_GLUED_LETTER.findall(text)) - len(_GLUED_LETTER.findall(run))
    return FOREIGN_LETTER_BITS * (max(0, added) + max(0, added_glued))


def _in_context(candidate: tuple[float, str, str, float], run: str, left: str, right: str = "") -> float:
    """Bits of a candidate reading with word context, plus what its guessed bytes cost: how
    readings from different searches are compared. Their own bits are unigram bits, which
    cannot tell 考察工作时强调指出 from 考察工作时是调指出 (是 alone is cheaper than 强), and a
    byte put back at either end of a stretch gives one or the other. (The page model, which
    the searches weigh, is left out: it is built only for lines that are searched.)"""
    bits, text, _, own_bits = candidate
    return plausibility.segment_cost(text + right, left) + bits - own_bits + _added_foreign_bits(text, run)


def _reread_before(right: str, alternatives: list[list[Alternative]], codec: str, **options) -> Reading | None:
    """``reread`` of the alternatives followed by ``right``, the known (ASCII) text after the
    run, which is taken off the reading again."""
    if not right:
        return reread(alternatives, codec, **options)
    reading = reread([*alternatives, [(right.encode("ascii"), 0.0)]], codec, **options)
    if reading is None or not reading.text.endswith(right):
        return None
    return reading._replace(text=reading.text[: -len(right)], bits=reading.bits - plausibility.cost(right))


# A byte dropped from GBK or Big5 text: any lead or trail byte; put back in front of the
# stretch's first byte, a lead byte. (The orphan that became the U+FFFD is a byte over 0x7F:
# a _LOST_BYTE.)
_DROPPED_BYTE = tuple((bytes([b]), GUESSED_BYTE_BITS, LOST) for b in range(0x40, 0xFF) if b != 0x7F)
_DROPPED_LEAD_BYTE = tuple(option for option in _DROPPED_BYTE if option[0][0] >= 0x81)
# (codec the page was read with and the realigned bytes are re-read in, name): a GBK page
# read as GB18030 shows the out-of-step pairs in GBK's user rows as private-use characters.
_OUT_OF_STEP_CODECS = (("gb18030", "gbk"), ("cp950", "big5"))


def _realigned_readings(run: str, left: str, page: plausibility.PageModel | None,
                        right: str = "", open_before: str = "") -> list[tuple[float, str, str, float]]:
    """Readings of a run that a dropped byte put out of step: in GBK or Big5 every byte after
    the gap pairs with the wrong neighbour, so the characters come out garbled up to the end of
    the stretch, where the last byte, left alone, became U+FFFD. One guessed byte where the
    stretch goes out of step (the run's start, or the gap found inside it: before or after that
    character's first byte) and one for the U+FFFD put the pairs back in step.

    >>> min(_realigned_readings("夷甑呐\ue0dcΓ\ue0f0飧鱿钅恐沼谒忱\ue37a瓿闪恕\ufffd", "过", None))[1]
    '一年的努力，这个项目终于顺利完成了。'
    """
    out = []
    for codec, name, data in _out_of_step_bytes(run):
        known = [[(bytes([b]), 0.0)] for b in data]
        gap, _ = _gap(data, codec)
        # The character at the gap, as read, pairs the damaged character's other byte with the
        # next one's: when that reads well the estimate is one late.
        for start in sorted({0, max(0, gap - 1), gap}):
            # Before the gap the characters stand as they were read.
            intact = run[:start]
            intact_bits = plausibility.cost(intact)
            for cut in (0, 1):
                dropped = _DROPPED_BYTE if cut else _DROPPED_LEAD_BYTE
                alternatives = [*known[2 * start : 2 * start + cut], list(dropped), *known[2 * start + cut :], list(_LOST_BYTE)]
                reading = _reread_before(right, alternatives, codec, left=left + intact, page=page,
                                         open_before=open_before + open_brackets(intact))
                if reading:
                    out.append((intact_bits + reading.bits + GUESSED_BYTE_BITS * reading.guesses, intact + reading.text,
                                f"{name} read one byte out of step (a byte was dropped; {reading.guesses} lost byte(s) restored)",
                                intact_bits + reading.bits))
    return out


def _out_of_step_bytes(run: str) -> list[tuple[str, str, bytes]]:
    """(codec, name, bytes) for each codec in which ``run`` may be a stretch put out of step:
    double-byte characters up to one U+FFFD at its end. ASCII inside means the stretch fell
    back in step before the end."""
    if not run.endswith("\ufffd") or run.count("\ufffd") != 1 or len(run) < 3:
        return []
    out = []
    for codec, name in _OUT_OF_STEP_CODECS:
        try:
            data = run[:-1].encode(codec)
        except UnicodeEncodeError:
            continue
        if len(data) == 2 * (len(run) - 1):
            out.append((codec, name, data))
    return out


#: What a byte pair that is no character costs when looking for the gap.
NO_CHARACTER_BITS = 30.0


#: What the character at the gap, made with the byte put back, is taken to cost.
GAP_CHARACTER_BITS = 12.0


def _gap(data: bytes, codec: str) -> tuple[int, float]:
    """Where a byte went missing in a stretch of double-byte characters (``data``: their bytes
    as read), and how many bits reading the stretch after it one byte later saves. The gap is
    the character from which on the pairs read better one byte later: before it the
    characters read well as they stand, after it only out of step; a stretch is often found by
    a rare character well after its gap, or well before it.

    >>> good, shifted = "这里一切正常，".encode("gbk"), "后面的字都错了位".encode("gbk")
    >>> _gap(good + shifted[1:] + b"?", "gbk")[0]
    7
    """
    def bits(pair: bytes) -> float:
        ch = _strict(pair, codec)
        if not ch or len(ch) != 1:
            return NO_CHARACTER_BITS
        return plausibility.char_cost(ch) + (FOREIGN_LETTER_BITS if plausibility.foreign_letter(ch) else 0.0)

    count = len(data) // 2
    as_read = [bits(data[2 * i : 2 * i + 2]) for i in range(count)]
    shifted = [bits(data[2 * i + 1 : 2 * i + 3]) for i in range(count - 1)]
    # The cost with the gap before character s: as read before it, shifted from it on.
    total = best = sum(shifted)
    position = 0
    for s in range(1, count):
        total += as_read[s - 1] - shifted[s - 1]
        if total < best:
            best, position = total, s
    return position, sum(as_read) - best - GAP_CHARACTER_BITS


def _foreign_letters(text: str) -> int:
    return sum(map(plausibility.foreign_letter, text))


def _with_trail_byte(line: str, end: int) -> int:
    """``end``, or one further when an ASCII character there may be the trail byte of the
    run's last double-byte code (the reading of the longer run decides whether it is)."""
    return end + 1 if end < len(line) and "\x40" <= line[end] <= "\x7e" else end


def _trim_to_damage(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sub-spans of a CJK run worth trying: the whole run, and the stretch from its first to
    its last suspicious character (damage inside an otherwise good line)."""
    spans = [(start, _with_trail_byte(line, end))]
    pattern = _suspicious()
    hits = [m.start() for m in pattern.finditer(line, start, end)]
    if hits:
        first, last = hits[0], hits[-1] + 1
        if first - start <= 2 and end - last <= 2:
            return spans  # damage from end to end: trimming would only repeat the same search
        for a in range(max(start, first - 2), first + 1):
            for b in range(last, min(end, last + 2) + 1):
                if (a, b) != (start, end):
                    spans.append((a, b))
    return spans


def repair_line(line: str, page: plausibility.PageModel | None = None, break_follows: bool = False) -> list[Repair]:
    """Every accepted repair in one line, left to right and non-overlapping; ``page`` holds
    what the document's undamaged lines say about neighbours; ``break_follows``: the line
    ends with a line break (it is not the text's last)."""
    repairs = _candidate_repairs(line, page, break_follows)
    if repairs and _LATIN_CHAR.search(line):
        # ftfy reads Latin-looking mojibake as UTF-8; when it fixes the line cleanly, the two
        # readings compete and the more plausible one wins (ftfy's is applied by its step).
        by_ftfy = ftfy.fix_text(line, _FTFY_CONFIG)
        if by_ftfy != line and not is_bad(by_ftfy) and _latin_cost(by_ftfy) <= _latin_cost(_apply(line, repairs)):
            return []
    return repairs


def _apply(line: str, repairs: list[Repair]) -> str:
    pieces, cursor = [], 0
    for r in repairs:
        pieces.append(line[cursor : r.start])
        pieces.append(r.text)
        cursor = r.end
    pieces.append(line[cursor:])
    return "".join(pieces)


#: In Sina-style damage most bytes fell back to Latin-1 (62-100% of the damaged characters in
#: the benchmark); GBK and Big5 confused with each other give a few Latin letters from their
#: pinyin rows (at most 6%), not worth the costly Sina search.
MIN_SINA_LATIN1_SHARE = 0.1


def _latin1_share(span: str) -> float:
    """Share of the non-ASCII characters of ``span`` that are Latin-1 (U+0080-U+00FF)."""
    beyond = sum(ord(ch) > 0x7F for ch in span)
    return sum(0x80 <= ord(ch) <= 0xFF for ch in span) / max(1, beyond)


def _line_bits(line: str, penalty: float, repair: Repair) -> float:
    """Bits of ``line`` with ``repair`` applied, in context, plus what the repair's guesses
    cost (``penalty``): how repairs of different stretches of one line are compared."""
    return plausibility.segment_cost(line[: repair.start] + repair.text + line[repair.end :]) + penalty


def _out_of_step_from(line: str, span: re.Match[str]) -> int | None:
    """Where a stretch that a dropped byte put out of step begins, when ``span`` ends in one:
    double-byte characters up to a lone U+FFFD that read clearly better one byte later from
    some character on. Such a stretch may be too short to show the marks the other searches
    need (很多人哦拥茸懦浴�, for 很多人排队等着吃。)."""
    run = span.group()
    for codec, _, data in _out_of_step_bytes(run):
        position, gain = _gap(data, codec)
        if gain >= MIN_GAIN_BITS_PER_CHAR * (len(run) - position):
            return span.start() + max(0, position - 1)
    return None


def _cjk_repair_at(line: str, start: int, end: int, break_follows: bool):
    """``_best_cjk_repair`` for the run ``line[start:end]``: one that ends the line knows what
    follows it and must close the brackets the line opened before it; one followed by another
    non-ASCII character was not put out of step by a dropped byte."""
    if end < len(line):
        return _best_cjk_repair if line[end].isascii() else partial(_best_cjk_repair, may_be_out_of_step=False)
    return partial(_best_cjk_repair, right="\n" if break_follows else "", open_before=open_brackets(line[:start]))


def _candidate_repairs(line: str, page: plausibility.PageModel | None = None, break_follows: bool = False) -> list[Repair]:
    repairs: list[Repair] = []
    if _BEYOND_LATIN.search(line):
        span = _NON_ASCII_SPAN.search(line)
        out_of_step = _out_of_step_from(line, span) if span else None
        if span and (out_of_step is not None or _marks_beyond_lost_bytes(span.group())):
            attempts = [(a, b, _cjk_repair_at(line, a, b, break_follows))
                        for a, b in _trim_to_damage(line, span.start(), span.end()) if _marks_beyond_lost_bytes(line[a:b])]
            if out_of_step is not None:
                attempts.append((out_of_step, span.end(), _cjk_repair_at(line, out_of_step, span.end(), break_follows)))
            if len(_LATIN_CHAR.findall(line, span.start(), span.end())) >= 2 and _latin1_share(span.group()) >= MIN_SINA_LATIN1_SHARE:
                # Sina style from Big5 keeps CJK characters among the Latin ones; its last
                # byte pair may end in an ASCII trail byte.
                attempts.append((span.start(), _with_trail_byte(line, span.end()), _best_latin_repair))
            accepted = []
            for a, b, repair in attempts:
                fixed = repair(line[a:b], line[:a], page)
                if fixed:
                    text, transform, bits = fixed
                    accepted.append((bits - plausibility.cost(text), Repair(a, b, text, transform)))
            if accepted:
                repairs.append(min(accepted, key=lambda item: _line_bits(line, *item))[1] if len(accepted) > 1 else accepted[0][1])
    for match in _LATIN_RUN.finditer(line):
        run = match.group()
        if run.isascii() or len(run) < 2:
            continue
        if any(r.start < match.end() and match.start() < r.end for r in repairs):
            continue
        fixed = _best_latin_repair(run, page=page)
        end = match.end()
        if fixed is None and run[-1].isascii():
            fixed = _best_latin_repair(run[:-1], page=page)
            end -= 1
        if fixed:
            repairs.append(Repair(match.start(), end, fixed[0], fixed[1]))
    repairs.sort()
    return repairs


class MojibakeStep(Step):
    name = "mojibake"
    description = "CJK mojibake ftfy cannot fix: 古文码 (UTF-8 as GBK), 拼音码 (GBK as Latin-1), Sina style, Big5<->GBK; reports 锟斤拷/烫烫烫"

    def __init__(self, drop_unrecoverable: bool = True):
        self.drop_unrecoverable = drop_unrecoverable

    @classmethod
    def from_options(cls, options) -> "MojibakeStep":
        own = options.for_step(cls.name)
        return cls(drop_unrecoverable=bool(own.get("drop_unrecoverable", True)))

    def apply(self, text: str) -> StepOutput:
        pattern = _evidence()
        if not pattern.search(text):
            return StepOutput(text)
        lines = text.split("\n")
        changes: list[Change] = []
        findings: list[Finding] = []
        dropped: set[int] = set()
        total: dict[str, int] = {}
        damaged = _lines_with_hits(text, pattern)
        # The lines without a mark of mojibake say which neighbours this document uses.
        skipped = set(damaged)
        intact = [line for i, line in enumerate(lines) if i not in skipped]
        page = plausibility.PageModel(intact)
        found = {i: repair_line(lines[i], page, break_follows=i < len(lines) - 1) for i in damaged}
        found.update(_repaired_in_the_documents_script(lines, found, page, intact))
        for index in damaged:
            line = lines[index]
            number = index + 1
            repairs = found[index]
            if repairs:
                fixed = _apply(line, repairs)
                reason = "; ".join(f"{line[r.start:r.end]!s} -> {r.text}: {r.transform}" for r in repairs)
                changes.append(Change(self.name, "repair", number, line, fixed, reason))
                lines[index] = line = fixed
            damage = _damage_in(line)
            if damage:
                kinds = _count_damage(damage)
                for kind, n in kinds.items():
                    total[kind] = total.get(kind, 0) + n
                findings.append(Finding(self.name, "unrecoverable", number, line[:80], kinds))
                if self.drop_unrecoverable and _wholly_damaged(line):
                    changes.append(Change(self.name, "delete", number, line, "",
                                          f"line is only unrecoverable mojibake ({_describe(kinds)})"))
                    dropped.add(index)
        if not changes and not findings:
            return StepOutput(text)
        if dropped:
            lines = [line for i, line in enumerate(lines) if i not in dropped]
        if total:
            findings.append(Finding(self.name, "unrecoverable-total", WHOLE_DOCUMENT, "", total))
        return StepOutput("\n".join(lines), tuple(changes), tuple(findings))


def _repaired_in_the_documents_script(lines: list[str], found: dict[int, list[Repair]],
                                      page: plausibility.PageModel, intact: list[str]) -> dict[int, list[Repair]]:
    """Repairs searched again for the lines whose repairs read traditional-only characters, when
    the repaired document is written in simplified characters although its intact lines were
    too few to tell: the bytes of 问 and 题 say so, and the characters a guessed byte gives
    (技朮 for 技术) should follow them.

    >>> line = "璁拌�呬簡瑙ｅ埌锛屾妧鏈�鐨勯棶棰樺凡缁忓紩璧峰悇鏂瑰叧娉ㄣ��"
    >>> first = {0: repair_line(line)}
    >>> _apply(line, first[0])
    '记者了解到，技朮的问题已经引起各方关注。'
    >>> again = _repaired_in_the_documents_script([line], first, plausibility.PageModel([]), [])
    >>> _apply(line, again[0])
    '记者了解到，技术的问题已经引起各方关注。'
    """
    traditional = plausibility.traditional_only()
    repaired = {i: _apply(lines[i], repairs) for i, repairs in found.items() if repairs}
    suspects = [i for i, fixed in repaired.items() if any(ch in traditional and ch not in lines[i] for ch in fixed)]
    # (Asked only now: the page is counted on first use, and clean text seldom gets this far.)
    if not suspects or page.simplified or not plausibility.reads_simplified([*intact, *repaired.values()]):
        return {}
    page = plausibility.PageModel(intact, simplified=True)
    return {i: repair_line(lines[i], page, break_follows=i < len(lines) - 1) for i in suspects}


def _lines_with_hits(text: str, pattern: re.Pattern[str]) -> list[int]:
    """Indexes of the lines that contain a match, found without walking every line."""
    indexes = []
    line_no = 0
    position = 0
    for match in pattern.finditer(text):
        line_no += text.count("\n", position, match.start())
        position = match.start()
        if not indexes or indexes[-1] != line_no:
            indexes.append(line_no)
    return indexes


def _damage_in(text: str) -> list[str]:
    """Runs of unrecoverable damage (cheap substring tests first)."""
    if not any(mark in text for mark in ("锟斤拷", "烫烫烫", "屯屯屯", "\ufffd\ufffd\ufffd", "????")):
        return []
    return _UNRECOVERABLE.findall(text) + _QUESTION_RUN.findall(text)


def _count_damage(pieces: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for piece in pieces:
        if piece.startswith("锟"):
            key, n = "锟斤拷", len(piece) // 3
        elif piece[0] in "烫屯":
            key, n = piece[0] * 3, len(piece)
        elif piece[0] == "?":
            key, n = "????", len(piece)
        else:
            key, n = "U+FFFD run", len(piece)
        counts[key] = counts.get(key, 0) + n
    return counts


def _describe(kinds: dict[str, int]) -> str:
    return ", ".join(f"{k} x{v}" for k, v in kinds.items())


def _wholly_damaged(line: str) -> bool:
    """True when nothing but damage, punctuation and blanks is left on the line (numbers are
    data: a table row with a corrupt cell is kept)."""
    rest = _QUESTION_RUN.sub("", _UNRECOVERABLE.sub("", line))
    return not any(ch.isalnum() for ch in rest)
