"""Simulators of the damage real pages show, used to build fixtures and benchmark pairs.

Each function takes clean text and returns it damaged the way a real site or decoder did,
so that (damaged, clean) pairs can be made from any clean corpus.
"""

from __future__ import annotations

import random
import zlib
from functools import lru_cache


# --- pinyin annotation sites -------------------------------------------------------------


@lru_cache(maxsize=1)
def _readings() -> dict[str, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    return {chr(cp): value.split(",")[0] for cp, value in pinyin_dict.items()}


def first_reading(ch: str) -> str | None:
    return _readings().get(ch)


def annotate(text: str, chars: set[str]) -> str:
    """Text-level annotation: every character in ``chars`` gets ``(its first reading)``."""
    out = []
    for ch in text:
        out.append(ch)
        if ch in chars and first_reading(ch):
            out.append(f"({first_reading(ch)})")
    return "".join(out)


def legacy_gbk_decode(data: bytes) -> str:
    """Decode GBK the way old decoders did: a lead byte whose next byte is no valid trail
    byte turns into one ``?`` together with that next byte."""
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if b == 0x80 or b == 0xFF or i + 1 >= n:
            out.append("?")
            i += 1
            continue
        pair = data[i : i + 2]
        trail = data[i + 1]
        if 0x40 <= trail <= 0xFE and trail != 0x7F:
            try:
                out.append(pair.decode("gbk"))
            except UnicodeDecodeError:
                out.append("?")
        else:
            out.append("?")
        i += 2
    return "".join(out)


def gbk_byte_annotate(text: str, chars: list[str]) -> str:
    """The byte-level variant: the site searched-and-replaced each annotated character's GBK
    bytes in the GBK-encoded page (also where they straddle two characters), then the page
    went through a legacy GBK decoder. Characters are processed in the given order.
    """
    data = text.encode("gbk")
    for ch in chars:
        reading = first_reading(ch)
        if not reading:
            continue
        code = ch.encode("gbk")
        data = data.replace(code, code + f"({reading})".encode("gbk"))
    return legacy_gbk_decode(data)


def half_width(text: str) -> str:
    """Full-width ASCII forms (，；：！ and the rest of U+FF01-U+FF5E) made ASCII, as the pages
    with stray lead bytes did after the damage: they show ``?,F`` where the decoder gave ``?，F``."""
    return "".join(chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else ch for ch in text)


def gbk_stray_lead(text: str, marks: int, rng: random.Random) -> tuple[str, bool]:
    """The second byte-level variant: at ``marks`` random sentence-final 。 (GBK A1 A3), the
    lead byte A1 comes out alone as ``?`` and the bytes after it are read one byte out of step
    by a legacy GBK decoder until it falls back into step by itself; then the page's full-width
    forms are made half-width. The clean counterpart is ``half_width(text)``.

    Returns the damaged text, and whether every stretch fell back into step through a trail
    byte read as ASCII with nothing swallowed on the way (only then do the bytes say exactly
    what the text was: a ``?`` inside a stretch ate an ASCII byte, a line break say).
    """
    data = text.encode("gbk")
    starts = _char_starts(data)
    offsets = [i for i in sorted(starts) if data[i : i + 2] == b"\xa1\xa3"]
    chosen = sorted(rng.sample(offsets, min(marks, len(offsets))))
    pieces, cursor = [], 0
    for offset in chosen:
        pieces += [legacy_gbk_decode(data[cursor:offset]), "?"]
        cursor = offset + 1
    pieces.append(legacy_gbk_decode(data[cursor:]))
    decidable = all(_falls_back_cleanly(data, offset + 1, starts) for offset in chosen)
    return half_width("".join(pieces)), decidable


def _char_starts(data: bytes) -> set[int]:
    """Offsets where a character starts in GBK ``data``."""
    starts, i = set(), 0
    while i < len(data):
        starts.add(i)
        i += 2 if data[i] >= 0x80 else 1
    return starts


def _falls_back_cleanly(data: bytes, i: int, starts: set[int]) -> bool:
    """Read out of step from ``i`` (inside a character): does the decoder come back in step on
    an ASCII trail byte, with every pair on the way a valid GBK code? (The first pair, 。's
    trail byte with the next lead, may be rejected when that lead is 0x81-0xA0: the rest of
    the stretch then tells its value.)"""
    if i + 1 < len(data) and i + 1 in starts and 0x81 <= data[i + 1] <= 0xA0:
        i += 2
    while i < len(data):
        if data[i] < 0x80:
            return i - 1 in starts and data[i] >= 0x40  # the trail byte of a character
        pair = data[i : i + 2]
        if len(pair) < 2 or i + 1 in starts and data[i + 1] < 0x80:
            return False  # an ASCII character swallowed
        try:
            pair.decode("gbk")
        except UnicodeDecodeError:
            return False
        i += 2
    return False


# --- mojibake ----------------------------------------------------------------------------


def utf8_read_as_gbk(text: str, codec: str = "gbk") -> str:
    """古文码: UTF-8 bytes shown by a GBK (or GB18030) decoder, bad bytes as U+FFFD."""
    return text.encode("utf-8").decode(codec, errors="replace")


def gbk_read_as_latin1(text: str, codec: str = "latin-1") -> str:
    """拼音码: GBK bytes shown by a Latin-1 / cp1252 decoder."""
    return text.encode("gbk").decode(codec, errors="replace" if codec != "latin-1" else "strict")


def legacy_read_as_utf8_with_latin1_fallback(text: str, source: str = "gbk") -> str:
    """Sina style: GBK/Big5 bytes read as UTF-8, each invalid byte falling back to Latin-1."""
    data = text.encode(source)
    out = []
    i = 0
    while i < len(data):
        for size in (4, 3, 2, 1):
            chunk = data[i : i + size]
            try:
                out.append(chunk.decode("utf-8"))
                i += size
                break
            except UnicodeDecodeError:
                continue
        else:
            out.append(data[i : i + 1].decode("latin-1"))
            i += 1
    return "".join(out)


def utf8_read_as_cp1252(text: str, times: int = 1) -> str:
    """符号码: UTF-8 read as Windows-1252 (undefined bytes as Latin-1), possibly twice."""
    for _ in range(times):
        data = text.encode("utf-8")
        text = "".join(
            _cp1252_or_latin1(data[i : i + 1]) for i in range(len(data))
        )
    return text


def _cp1252_or_latin1(byte: bytes) -> str:
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")


def big5_read_as_gbk(text: str) -> str:
    return text.encode("big5", errors="replace").decode("gbk", errors="replace")


def gbk_read_as_big5(text: str) -> str:
    return text.encode("gbk", errors="replace").decode("big5", errors="replace")


def pick_annotated(text: str, share: float, rng: random.Random) -> list[str]:
    """Pick the characters a site would annotate: a random share of the Han characters."""
    han = sorted({ch for ch in text if "\u4e00" <= ch <= "\u9fff" and first_reading(ch)})
    rng.shuffle(han)
    return han[: max(1, int(len(han) * share))]


def gbk_byte_dropped(text: str) -> str:
    """One byte of a double-byte character dropped from GBK text (a corrupt copy), read back
    as GB18030: the rest of its stretch pairs bytes out of step. The byte is chosen from the
    text itself, so the damage is the same on every run."""
    data = text.encode("gbk")
    wide = [i for i, b in enumerate(data) if b >= 0x80]
    if not wide:
        return text
    cut = random.Random(zlib.crc32(data)).choice(wide)
    return (data[:cut] + data[cut + 1 :]).decode("gb18030", errors="replace")
